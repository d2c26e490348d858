// Small readers of grid rows shared by the preamble and the indicator rows.

import { parsePlainNumber } from '../filing/value.ts';
import type { Cell, GridRow } from './grid.ts';

export function cellText(row: GridRow | undefined, col: number | undefined): string {
  if (!row || col === undefined || col < 0) return '';
  return row.cells[col]?.text ?? '';
}

export function cellAt(row: GridRow, col: number | undefined): Cell | undefined {
  return col === undefined ? undefined : row.cells[col];
}

/** Where a cell stands; the row's start when the cell is missing. */
export function pos(row: GridRow, col: number | undefined): { line: number; column: number } {
  const c = cellAt(row, col);
  return c ? { line: c.line, column: c.column } : { line: row.line, column: 1 };
}

/** The plain numbers of a row (weights, scores, money), from column `from` on. */
export function numbersIn(row: GridRow, from = 0): { value: number; col: number }[] {
  const out: { value: number; col: number }[] = [];
  row.cells.forEach((c, i) => {
    if (i < from) return;
    const n = parsePlainNumber(c.text);
    if (n !== null) out.push({ value: n, col: i });
  });
  return out;
}

export function firstNonEmpty(row: GridRow): { cell: Cell; col: number } | null {
  for (let i = 0; i < row.cells.length; i++) if (row.cells[i]!.text !== '') return { cell: row.cells[i]!, col: i };
  return null;
}

export function isEmptyRow(row: GridRow): boolean {
  return row.cells.every((c) => c.text === '');
}
