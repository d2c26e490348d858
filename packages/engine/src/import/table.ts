// Grid → Filing: the table logic shared by the TSV and xlsx importers.
//
// The indicator table is found by its header row, not by position (columns.ts). Rows
// above it are the preamble (preamble.ts: title, names, budget block, 年度总体目标);
// rows below it are indicator rows up to the 总分 row (rows.ts). The result is checked
// against the filing model, so an importer bug is a located error, never a bad filing.

import { Filing } from '../filing/model.ts';
import { isEmptyRow } from './cells.ts';
import { resolveColumns, type ColumnMapping } from './columns.ts';
import { diag, type ImportDiagnostic } from './diagnostics.ts';
import type { Grid } from './grid.ts';
import type { Columns } from './labels.ts';
import { readPreamble } from './preamble.ts';
import { readRows } from './rows.ts';

export type { ColumnMapping } from './columns.ts';

export interface ImportResult {
  /** null when the input could not be read as a filing (see the error diagnostics) */
  filing: Filing | null;
  diagnostics: ImportDiagnostic[];
  /** tables: the column → field mapping used (detected or given), 0-based columns */
  columns?: Columns;
  /** tables: 1-based line (xlsx: row) of the header row used */
  headerLine?: number;
}

/** Import a grid: detect the header (or use the given mapping) and build the filing. */
export function importGrid(grid: Grid, mapping?: ColumnMapping): ImportResult {
  const diagnostics: ImportDiagnostic[] = [];
  if (grid.rows.every(isEmptyRow)) {
    diagnostics.push(diag('IMP002', 'error', undefined, undefined, { zh: '输入为空：没有找到表格', en: 'empty input: no table found' }));
    return { filing: null, diagnostics };
  }

  const resolved = resolveColumns(grid, mapping, diagnostics);
  const at = resolved.headerLine !== undefined ? { headerLine: resolved.headerLine } : {};
  if (!resolved.ok) return { filing: null, diagnostics, ...(resolved.columns ? { columns: resolved.columns } : {}), ...at };
  const { columns, headerIdx } = resolved;

  const filing: Filing = { rows: [] };
  readPreamble(grid, headerIdx.length ? Math.min(...headerIdx) : 0, filing, diagnostics);
  readRows(grid, headerIdx.length ? Math.max(...headerIdx) + 1 : 0, columns, filing, diagnostics, headerIdx.length === 0);

  const check = Filing.safeParse(filing);
  if (!check.success) {
    for (const i of check.error.issues)
      diagnostics.push(
        diag('IMP061', 'error', undefined, undefined, {
          zh: `导入结果不符合填报模型：${i.path.join('.')}：${i.message}`,
          en: `imported filing does not match the model: ${i.path.join('.')}: ${i.message}`,
        }),
      );
    return { filing: null, diagnostics, columns, ...at };
  }
  return { filing, diagnostics: sortDiagnostics(diagnostics), columns, ...at };
}

/** Order by position; diagnostics without a line keep their order after the positioned ones. */
export function sortDiagnostics(ds: ImportDiagnostic[]): ImportDiagnostic[] {
  const withLine = ds.filter((d) => d.line !== undefined);
  const without = ds.filter((d) => d.line === undefined);
  withLine.sort((a, b) => a.line! - b.line! || (a.column ?? 0) - (b.column ?? 0));
  return [...withLine, ...without];
}
