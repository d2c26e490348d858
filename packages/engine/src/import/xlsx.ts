// xlsx workbooks (exceljs) → the same grid the TSV importer uses → Filing.
// Merged cells: only the master cell keeps its text, the others are empty, as
// when the table is copied from Excel. Positions are row and column numbers.

import { quote } from '../filing/message.ts';
import { diag, type ImportDiagnostic } from './diagnostics.ts';
import { gridFromRows, type Grid } from './grid.ts';
import { detectHeader, headerScore, type ColumnMapping } from './columns.ts';
import { importGrid, type ImportResult } from './table.ts';

type ExcelJSModule = typeof import('exceljs');
type Worksheet = import('exceljs').Worksheet;
type CellValue = import('exceljs').CellValue;

async function loadExcelJS(): Promise<ExcelJSModule> {
  const mod = (await import('exceljs')) as ExcelJSModule & { default?: ExcelJSModule };
  return mod.default ?? mod;
}

function decimalsOf(numFmt: string): number {
  const m = /0\.(0+)/.exec(numFmt);
  return m ? m[1]!.length : 0;
}

/** The text a user sees in a cell (percent formats as "98.00%"). */
export function cellDisplayText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (numFmt?.includes('%')) return `${(value * 100).toFixed(decimalsOf(numFmt))}%`;
    if (numFmt && /0\.0+/.test(numFmt)) return value.toFixed(decimalsOf(numFmt));
    return String(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellDisplayText((value as { result?: CellValue }).result ?? null, numFmt);
    if ('text' in value && typeof (value as { text: unknown }).text === 'string') return (value as { text: string }).text;
    if ('error' in value) return String((value as { error: unknown }).error);
  }
  return String(value);
}

/** A worksheet as a grid: merged cells other than the master arrive empty. */
export function worksheetToGrid(ws: Worksheet): Grid {
  const rows: string[][] = [];
  const nRows = ws.rowCount;
  const nCols = ws.columnCount;
  for (let r = 1; r <= nRows; r++) {
    const out: string[] = [];
    const row = ws.getRow(r);
    for (let c = 1; c <= nCols; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) {
        out.push('');
        continue;
      }
      out.push(cellDisplayText(cell.value, cell.numFmt));
    }
    rows.push(out);
  }
  return gridFromRows(rows, 1);
}

function toBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** Read the workbook and pick the sheet holding the indicator header (else the first). */
export async function xlsxToGrid(data: Uint8Array | ArrayBuffer, diagnostics: ImportDiagnostic[] = []): Promise<Grid | null> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(toBytes(data) as never);
  } catch (e) {
    diagnostics.push(
      diag('IMP070', 'error', undefined, undefined, {
        zh: `无法读取 xlsx 工作簿：${(e as Error).message}`,
        en: `cannot read the xlsx workbook: ${(e as Error).message}`,
      }),
    );
    return null;
  }
  const sheets = wb.worksheets;
  if (sheets.length === 0) {
    diagnostics.push(diag('IMP070', 'error', undefined, undefined, { zh: '工作簿中没有工作表', en: 'the workbook has no sheet' }));
    return null;
  }
  let chosen: { ws: Worksheet; grid: Grid } | null = null;
  for (const ws of sheets) {
    const grid = worksheetToGrid(ws);
    const h = detectHeader(grid);
    if (h?.rowIndices.some((i) => headerScore(grid, i) > 0)) {
      chosen = { ws, grid };
      break;
    }
  }
  if (!chosen) chosen = { ws: sheets[0]!, grid: worksheetToGrid(sheets[0]!) };
  if (sheets.length > 1)
    diagnostics.push(
      diag('IMP071', 'info', undefined, undefined, {
        zh: `工作簿有 ${sheets.length} 个工作表，读取 ${quote(chosen.ws.name)}`,
        en: `the workbook has ${sheets.length} sheets; reading ${quote(chosen.ws.name)}`,
      }),
    );
  return chosen.grid;
}

/** Import an xlsx workbook. Never throws. */
export async function importXlsx(data: Uint8Array | ArrayBuffer, mapping?: ColumnMapping): Promise<ImportResult> {
  const pre: ImportDiagnostic[] = [];
  const grid = await xlsxToGrid(data, pre);
  if (!grid) return { filing: null, diagnostics: pre };
  const r = importGrid(grid, mapping);
  return { ...r, diagnostics: [...pre, ...r.diagnostics] };
}
