// What the main thread sends a scoring worker and what comes back. Filings and reports
// cross as JSON text: the database hands the model out as text and takes the report in
// as text, so neither side parses what it only passes on.
import type { TemplateSource } from '@jixiao/compiler';
import type { ParentAnswer } from '../store/library.ts';

export interface RunTemplate {
  /** identifies the compiled template in a worker's cache */
  key: string;
  source: TemplateSource;
  parents: ParentAnswer[];
  /** the jurisdiction asked for when the template is a parent's (大英县 → 四川) */
  fallbackFrom: string | null;
}

export interface TaskItem {
  seq: number;
  filingId: number;
  revisionId: number;
  unit: string;
  model: string;
  diagnostics: string;
}

export interface TaskResult {
  seq: number;
  filingId: number;
  revisionId: number;
  unit: string;
  total: number | null;
  grade: string | null;
  statedTotal: number | null;
  errors: number;
  warnings: number;
  codes: string;
  report: string | null;
  error: string | null;
}

export interface ScoreTask {
  template: RunTemplate;
  items: TaskItem[];
}
