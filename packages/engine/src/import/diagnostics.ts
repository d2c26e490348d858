// Import diagnostics: stable codes, a severity, a position in the imported text
// (TSV: line and character column; xlsx: row and column number; JSON: a path) and
// a message in Chinese with English available.

import type { Message } from '../filing/message.ts';
import type { JsonPath } from '../filing/model.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface ImportDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** 1-based; TSV: line of the pasted text, xlsx: row number */
  line?: number;
  /** 1-based; TSV: character column, xlsx: column number */
  column?: number;
  /** JSON filings: the path of the offending value */
  path?: JsonPath;
  /** JSON filings: the offending value */
  value?: unknown;
  message: Message;
  help?: Message;
}

/** The catalogue of import diagnostic codes. */
export const DIAGNOSTIC_CODES = {
  IMP001: 'no indicator header row recognised (lists the expected columns)',
  IMP002: 'empty input: no table found',
  IMP003: 'a required column is missing from the recognised header',
  IMP004: 'a header label read as a known column under another spelling',
  IMP005: 'unknown or unreadable file type',
  IMP006: 'a column mapping names a column that does not exist or is used twice',
  IMP007: 'filing too large (bytes or indicator rows beyond the limit)',
  IMP010: 'no title found; year and form cannot be read from it',
  IMP011: 'year or form read from the title',
  IMP012: 'unterminated quoted cell, read literally',
  IMP020: 'row shifted by a missing cell: repaired',
  IMP021: 'row has cells beyond the header, ignored',
  IMP022: 'indicator row without a level-3 name',
  IMP023: 'level-1 or level-2 name missing with nothing above to inherit',
  IMP024: 'level-1 / level-2 cap read from the cell text',
  IMP025: 'quotes stripped from an indicator name',
  IMP030: 'weight (分值) is not a number',
  IMP031: 'stated score (得分) is not a number',
  IMP040: 'budget cell is not a number',
  IMP041: 'no budget block found',
  IMP042: 'fund sub-row not recognised',
  IMP050: 'no total (总分) row found',
  IMP051: 'deduction row read',
  IMP060: 'JSON syntax error',
  IMP061: 'JSON filing does not match the filing schema',
  IMP070: 'xlsx workbook cannot be read',
  IMP071: 'xlsx sheet chosen',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function diag(
  code: DiagnosticCode,
  severity: Severity,
  line: number | undefined,
  column: number | undefined,
  message: Message,
  help?: Message,
): ImportDiagnostic {
  const d: ImportDiagnostic = { code, severity, message };
  if (line !== undefined) d.line = line;
  if (column !== undefined) d.column = column;
  if (help) d.help = help;
  return d;
}

export function hasErrors(ds: readonly ImportDiagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}
