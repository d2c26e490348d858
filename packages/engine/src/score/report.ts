// The report: the contract outside tests read (DESIGN.md, "Filing and report contract").
// Keep field names and meanings stable; add, never rename.
import type { Finding } from './findings.ts';
import { sameAtPlaces } from '@jixiao/compiler';
import { hasErrors, type Message } from '@jixiao/language';

export interface ReportRow {
  path: string[];
  weight: number;
  score: number;
  statedScore: number | null;
  explain: string;
  /**
   * Whether the actual meets the target (by the target's shape, strict where it is strict;
   * deadlines by date; qualitative rows by reaching the top tier); null when it cannot be
   * told. Absent on rows that have no target (the budget row, rows outside the template).
   */
  met?: boolean | null;
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
  /**
   * The template that scored the filing: its form (`name`), year and jurisdiction
   * (`region`: 全国, 甘肃, 四川/遂宁/大英县; null when it lies outside the library), the
   * file it was read from, and its 保留小数 (`decimals`, the precision at which stated
   * scores are compared).
   */
  template: { name: string; year: number; region?: string | null; file?: string; decimals?: number };
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
  error: { code: string; message: Message };
  findings: Finding[];
}

export function hasErrorFindings(r: Pick<Report, 'findings'>): boolean {
  return hasErrors(r.findings);
}

/** A stated score differs from the computed one at the template's 保留小数 places (2 when unknown). */
export function statedDiffers(r: Pick<Report, 'template'>, stated: number | null, score: number): boolean {
  return stated !== null && !sameAtPlaces(r.template.decimals ?? 2)(stated, score);
}
