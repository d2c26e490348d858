// Messages between the page and the analysis worker. Everything crossing the boundary
// is plain data (structured clone), computed in the worker so typing never blocks.
import type { ScoreView } from '../scoring.ts';

export interface AnalyseRequest {
  kind: 'analyse';
  /** the editor model's version id: replies for stale versions are dropped */
  version: number;
  /** request number: a filing edit makes a new request for the same version */
  seq: number;
  /** file name the diagnostics are reported under, e.g. rules/2023/部门整体支出.jx */
  file: string;
  template: string;
  filing: string;
}

export interface Bilingual {
  zh: string;
  en: string;
}

/** A diagnostic in Monaco's coordinates (1-based lines and columns, end exclusive). */
export interface MarkerData {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: Bilingual;
  help?: Bilingual;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

export interface SpanData {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** What the editor needs for completion, hover and go-to-definition: from the last AST. */
export interface Outline {
  sections: { name: string; level: 1 | 2 | 3; weight: string; aliases: string[]; rule: string | null; span: SpanData; nameSpan: SpanData }[];
  rules: { name: string; shapes: string[]; formula: string; span: SpanData; nameSpan: SpanData }[];
  tiers: string[];
  grades: string[];
  deductions: string[];
}

export interface AnalyseReply {
  kind: 'analysed';
  version: number;
  seq: number;
  markers: MarkerData[];
  /** null when the text did not parse into a template at all */
  outline: Outline | null;
  score: ScoreView;
  /** milliseconds spent in the worker (parse + check + score) */
  workerMs: number;
}
