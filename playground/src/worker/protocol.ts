// Messages between the page and the analysis worker. Everything crossing the boundary
// is plain data (structured clone), computed in the worker so typing never blocks.
import type { Columns, TemplateDiff } from '@jixiao/engine';
import type { Message, Severity } from '@jixiao/language';
import type { ScoreView } from '../scoring.ts';

/** A column mapping chosen in the mapping step: applied while the header row reads the same. */
export interface MappingChoice {
  /** 1-based line of the header row; indicator rows start below it */
  headerLine: number;
  /** field → 0-based column */
  columns: Columns;
  /** the header row's cells when the mapping was chosen (tab-joined): a different header drops it */
  signature: string;
}

export interface AnalyseRequest {
  kind: 'analyse';
  /** the editor model's version id: replies for stale versions are dropped */
  version: number;
  /** request number: a filing edit makes a new request for the same version */
  seq: number;
  /** file name the diagnostics are reported under, e.g. rules/甘肃/2023/部门整体支出.jx */
  file: string;
  template: string;
  filing: string;
  /** the column mapping from the mapping step, when the filing's header was not recognised */
  mapping?: MappingChoice;
}

/** Two templates (two years of one form) and the current filing: semantic diff + impact. */
export interface DiffRequest {
  kind: 'diff';
  seq: number;
  from: { file: string; text: string };
  to: { file: string; text: string };
  filing: string;
  mapping?: MappingChoice;
  /** more filings to show the impact on (loaded on the 对比 tab) */
  filings?: { name: string; text: string }[];
}

/** The impact on one of the loaded filings: its total and grade under both templates. */
export interface SetImpact {
  name: string;
  from: { total: number; grade: string } | null;
  to: { total: number; grade: string } | null;
  delta: number | null;
  /** why it could not be scored */
  problem?: Message;
}

export interface ImpactView {
  from: { total: number; grade: string; year: number };
  to: { total: number; grade: string; year: number };
  delta: number;
  gradeChanged: boolean;
  /** why the grade moved, when it did */
  gradeReason: Message | null;
  moved: { path: string[]; from: number | null; to: number | null; why: Message }[];
}

export interface DiffReply {
  kind: 'diffed';
  seq: number;
  /** null when either template has errors (see `problems`) */
  diff: TemplateDiff | null;
  /** null when the diff is missing or the filing cannot be read */
  impact: ImpactView | null;
  /** why the diff or the impact is missing */
  problems: Message[];
  /** both templates with 继承 resolved, as the formatter prints them (null when either has errors) */
  resolved?: { from: string; to: string } | null;
  /** the impact on each loaded filing, in the order loaded */
  set?: SetImpact[];
}

/** A diagnostic in Monaco's coordinates (1-based lines and columns, end exclusive). */
export interface MarkerData {
  code: string;
  severity: Severity;
  message: Message;
  help?: Message;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  /** the checker's fixes (quick fixes), each a list of edits of the editor's text */
  fixes?: FixData[];
  /** the other places it is about (the terms of a sum): it is shown at the one last edited too */
  related?: (SpanData & { message: Message })[];
}

export interface FixData {
  title: Message;
  edits: (SpanData & { text: string })[];
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
