// TSV pasted from Excel/WPS → Filing: text → grid (grid.ts) → filing (table.ts).

import type { ImportDiagnostic } from './diagnostics.ts';
import { parseTsv } from './grid.ts';
import type { ColumnMapping } from './columns.ts';
import { importGrid, type ImportResult } from './table.ts';

/** Import a table pasted from Excel/WPS. Never throws. */
export function importTsv(text: string): ImportResult {
  const pre: ImportDiagnostic[] = [];
  const grid = parseTsv(text, pre);
  const r = importGrid(grid);
  return { ...r, diagnostics: [...pre, ...r.diagnostics] };
}

/** Import with an explicit column → field mapping (the playground's column-mapping step). */
export function importTsvWithMapping(text: string, mapping: ColumnMapping): ImportResult {
  const pre: ImportDiagnostic[] = [];
  const grid = parseTsv(text, pre);
  const r = importGrid(grid, mapping);
  return { ...r, diagnostics: [...pre, ...r.diagnostics] };
}
