// A row shifted by a missing cell: when a level cell is left out while copying, every
// cell after it moves one column left, and the level-3 column holds a value. The repair
// reads the row as it was meant and says so (IMP020); a row is never silently misread.

import { quote } from '../filing/message.ts';
import { parseValue, QUALITATIVE_WORDS } from '../filing/value.ts';
import { cellAt, cellText } from './cells.ts';
import { diag, type ImportDiagnostic } from './diagnostics.ts';
import type { Cell, GridRow } from './grid.ts';
import type { ColumnField, Columns } from './labels.ts';

const KNOWN_WORDS = new Set(QUALITATIVE_WORDS);

/** Reads as a value (≥1项, 100%, 健全, 9月前, **), not as an indicator name. */
export function looksLikeValue(text: string): boolean {
  const v = parseValue(text);
  switch (v.kind) {
    case 'number':
    case 'deadline':
    case 'placeholder':
      return true;
    case 'qualitative':
      return KNOWN_WORDS.has(v.word);
    default:
      return false;
  }
}

/** How a repaired row is read: its level-2/3 names and a reader of its value cells. */
export interface Repaired {
  raw2: string;
  raw3: string;
  get: (f: ColumnField) => Cell | undefined;
}

/**
 * The row read as repaired, or null when it is not shifted: the level-3 column holds a
 * value and the level-2 column a name. The name is the level-3 name; when the score
 * column is empty and the weight column is not, every cell from the level-3 column on
 * moved one column left and is read one column to the right; otherwise the row has one
 * value cell too many, which is dropped.
 */
export function repairShift(row: GridRow, columns: Columns, raw2: string, raw3: string, diagnostics: ImportDiagnostic[]): Repaired | null {
  if (columns.level2 === undefined || columns.level3 === undefined || raw3 === '' || raw2 === '' || !looksLikeValue(raw3) || looksLikeValue(raw2)) return null;
  const l3cell = cellAt(row, columns.level3)!;
  const scoreEmpty = columns.statedScore !== undefined && cellText(row, columns.statedScore) === '';
  const trueShift = scoreEmpty && columns.weight !== undefined && cellText(row, columns.weight) !== '';
  const name = raw2;
  if (trueShift) {
    const l3 = columns.level3;
    diagnostics.push(
      diag('IMP020', 'warning', l3cell.line, l3cell.column, {
        zh: `第 ${row.line} 行错位：三级指标列是取值 ${quote(l3cell.text)} 而不是指标名称，得分列为空；已按整行左移一列修复：三级指标为 ${quote(name)}，其后各列右移一列读取。请核对原表`,
        en: `line ${row.line} is shifted: the level-3 column holds the value ${quote(l3cell.text)}, not a name, and the score column is empty; repaired as shifted one column left: level-3 = ${quote(name)}, the following cells read one column to the right. Check the original table`,
      }),
    );
    return {
      raw2: '',
      raw3: name,
      get: (f) => {
        const c = columns[f];
        if (c === undefined) return undefined;
        return c > l3 ? cellAt(row, c - 1) : cellAt(row, c);
      },
    };
  }
  diagnostics.push(
    diag('IMP020', 'warning', l3cell.line, l3cell.column, {
      zh: `第 ${row.line} 行错位：三级指标列是取值 ${quote(l3cell.text)} 而不是指标名称，且取值多出一格；已修复：三级指标为 ${quote(name)}，二级指标沿用上一行，多出的 ${quote(l3cell.text)} 已舍弃。请核对原表`,
      en: `line ${row.line} is shifted: the level-3 column holds the value ${quote(l3cell.text)}, not a name, and there is one value cell too many; repaired: level-3 = ${quote(name)}, level-2 as the row above, the surplus ${quote(l3cell.text)} dropped. Check the original table`,
    }),
  );
  return { raw2: '', raw3: name, get: (f) => cellAt(row, columns[f]) };
}
