// The report: the contract outside tests read (DESIGN.md, "Filing and report contract").
// Keep field names and meanings stable; add, never rename.
import type { Finding } from './findings.ts';

export interface ReportRow {
  path: string[];
  weight: number;
  score: number;
  statedScore: number | null;
  explain: string;
}

export interface ReportSection {
  name: string;
  cap: number;
  score: number;
  statedScore: number | null;
  /** how the section score came about when it is not a plain sum (a formula, or a proportion) */
  explain?: string;
}

export interface Report {
  template: { name: string; year: number };
  total: number;
  cap: number;
  grade: string;
  statedTotal: number | null;
  sections: ReportSection[];
  rows: ReportRow[];
  findings: Finding[];
}

/** A batch line for a filing that could not be scored at all. */
export interface ErrorReport {
  file?: string;
  error: { code: string; message: { zh: string; en: string } };
  findings: Finding[];
}

export function hasErrorFindings(r: Pick<Report, 'findings'>): boolean {
  return r.findings.some((f) => f.severity === 'error');
}
