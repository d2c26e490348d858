// Grid → Filing: the table logic shared by the TSV and xlsx importers.
//
// The indicator table is found by its header row, not by position (columns.ts). Rows
// above it are the preamble (preamble.ts: title, names, budget block, 年度总体目标);
// rows below it are indicator rows up to the 总分 row (rows.ts). The result is checked
// against the filing model, so an importer bug is a located error, never a bad filing.

import { placeIn } from '@jixiao/compiler';
import { Filing } from '../filing/model.ts';
import { isEmptyRow } from './cells.ts';
import { resolveColumns, type ColumnMapping } from './columns.ts';
import { diag, type ImportDiagnostic } from './diagnostics.ts';
import type { Grid } from './grid.ts';
import type { Columns } from './labels.ts';
import { ExtraInputs } from './pairs.ts';
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
  const inputs = new ExtraInputs(diagnostics);
  readPreamble(grid, headerIdx.length ? Math.min(...headerIdx) : 0, filing, inputs, diagnostics);
  const read = readRows(grid, headerIdx.length ? Math.max(...headerIdx) + 1 : 0, columns, filing, inputs, diagnostics, headerIdx.length === 0);
  const extra = inputs.result();
  if (extra) filing.inputs = extra;
  weightsUnknown(filing, columns, read.weightCells, resolved.headerLine, diagnostics);
  if (columns.level1 === undefined && columns.level2 === undefined && columns.label === undefined && filing.rows.length > 0)
    diagnostics.push(
      diag('IMP009', 'info', resolved.headerLine, undefined, {
        zh: '表中只有一列指标名称，没有一级、二级指标列：评分时各指标按模板中的同名指标归入一级、二级指标',
        en: "the table has one indicator column and no level-1 or level-2 column: scoring places each indicator under the template's indicator of the same name",
      }),
    );

  // the one place the whole text names (a unit's report around its table: 正宁县…), as a hint
  // for choosing the template; a 地区 the table states is read by the preamble and wins
  if (filing.region === undefined) {
    const place = placeIn(grid.rows.map((r) => r.cells.map((c) => c.text).join(' ')).join('\n'));
    if (place !== null) filing.place = place;
  }
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

/**
 * A table without weights (R1: 一级 | 二级 | 三级 | 年初目标值(A) | 实际完成值(B) | 得分, or a
 * 分值 column whose cells are all empty) is said once for the table: the weights come from the template or
 * must be filled in. The rows keep weight null, never 0: scoring then names each row whose
 * weight it cannot take from the template (JX3018) instead of scoring it 0 silently.
 */
function weightsUnknown(filing: Filing, columns: Columns, weightCells: number, headerLine: number | undefined, diagnostics: ImportDiagnostic[]): void {
  const rows = filing.rows.filter((r) => !r.notApplicable);
  const noColumn = columns.weight === undefined;
  // weight cells that are filled but no number are each IMP030 already
  if (!noColumn && (rows.length === 0 || weightCells > 0)) return;
  const what = noColumn
    ? { zh: '表中没有“分值”（权重）列', en: 'the table has no weight (分值) column' }
    : { zh: '表中“分值”列全部为空', en: 'every cell of the weight (分值) column is empty' };
  diagnostics.push(
    diag(
      'IMP008',
      'warning',
      headerLine,
      undefined,
      {
        zh: `${what.zh}：${rows.length} 个指标的分值未知，按空值读入。评分时，模板规定了分值的指标按模板的分值计分；其余指标须在表中补填分值，否则不能计分（逐项另见 JX3018）`,
        en: `${what.en}: the weights of ${rows.length} indicators are unknown and read as empty. Scoring takes the weight the template sets for an indicator; the others must be filled in, or they cannot be scored (each is named by JX3018)`,
      },
      { zh: '在表中补上“分值”列，或使用为各指标规定了分值的模板', en: 'add the weight column to the table, or use a template that sets the weight of each indicator' },
    ),
  );
}

/** Order by position; diagnostics without a line keep their order after the positioned ones. */
export function sortDiagnostics(ds: ImportDiagnostic[]): ImportDiagnostic[] {
  const withLine = ds.filter((d) => d.line !== undefined);
  const without = ds.filter((d) => d.line === undefined);
  withLine.sort((a, b) => a.line! - b.line! || (a.column ?? 0) - (b.column ?? 0));
  return [...withLine, ...without];
}
