// A row shifted by a missing cell: when a level cell is left out while copying, every
// cell after it moves one column left, and the level-3 column holds a value. The repair
// reads the row as it was meant and says so (IMP020); a row is never silently misread.

import { quote } from '../filing/message.ts';
import { parsePlainNumber, parseValue, QUALITATIVE_WORDS } from '../filing/value.ts';
import { cellAt, cellText } from './cells.ts';
import { diag, type ImportDiagnostic } from './diagnostics.ts';
import type { Cell, GridRow } from './grid.ts';
import type { ColumnField, Columns } from './labels.ts';

const KNOWN_WORDS = new Set(QUALITATIVE_WORDS);

/**
 * A unit as values write it after a number: %, 万元, 公里, 人次, 元/人 — a known unit, or a
 * counting word of one or two characters (项, 个, 人次, 万人) — not the rest of a name that
 * begins with a number (9月底前完成, 5G基站建设数, 12345热线办结率).
 */
function isUnit(u: string): boolean {
  if (u.includes('/') || u.includes('／')) return u.split(/[/／]/).every((p) => p !== '' && isUnit(p));
  const bare = u.replace(/^(?:十万|百万|千万|十|百|千|万|亿)(?=.)/, '');
  return (
    /^(?:[%％‰]|平方米|平方千米|平方公里|立方米|公顷|个月|季度|半年|小时|星期|毫升|毫克|厘米|毫米|公里|公斤|千米|千克|百分比|百分点|个百分点)$/.test(bare) ||
    /^[\p{Script=Han}]{1,2}$/u.test(bare) ||
    /^[a-zA-Z²³]{1,3}$/.test(bare)
  );
}

/** Reads as a value (≥1项, 100%, 健全, 9月前, **), not as an indicator name. */
export function looksLikeValue(text: string): boolean {
  const v = parseValue(text);
  switch (v.kind) {
    case 'number':
      return v.unit === null || v.percent || isUnit(v.unit);
    case 'deadline':
    case 'placeholder':
      return true;
    case 'qualitative':
      return KNOWN_WORDS.has(v.word);
    default:
      return false;
  }
}

/** A level-2 name: one the section's level-2 column used, or one named as an indicator group (数量指标, 社会效益指标 …). */
function isLevel2Name(text: string, seen: ReadonlySet<string>): boolean {
  const name = text.replace(/[（(][^）)]*[）)]\s*$/, '').trim();
  return seen.has(name) || /指标$/.test(name);
}

/** How a repaired row is read: its level-2/3 names and a reader of its value cells. */
export interface Repaired {
  raw2: string;
  raw3: string;
  get: (f: ColumnField) => Cell | undefined;
}

/**
 * The row read as repaired, or null when it is not shifted: the level-3 column holds a
 * value and the level-2 column a name. The name is the level-3 name. When the row bears the
 * marks of a shift left by one (the score column empty, a score one column left of it, and a
 * number or nothing where the weight moved), every cell from the level-3 column on is read
 * one column to the right; otherwise the row has one value cell too many, which
 * is dropped — unless the level-2 cell holds a level-2 name.
 *
 * A row is never repaired on a guess: a level-3 name that begins like a value (9月底前完成,
 * 5G基站建设数) is a name, and without the marks of a shift a level-2 cell holding a
 * level-2 name (时效指标, or a name the section's level-2 column already used) shows the row is
 * where it belongs.
 */
export function repairShift(row: GridRow, columns: Columns, raw2: string, raw3: string, level2Names: ReadonlySet<string>, diagnostics: ImportDiagnostic[]): Repaired | null {
  if (columns.level2 === undefined || columns.level3 === undefined || raw3 === '' || raw2 === '' || !looksLikeValue(raw3) || looksLikeValue(raw2)) return null;
  const l3cell = cellAt(row, columns.level3)!;
  // shifted left by one: the score column is empty, the score stands one column left of it,
  // and so does the weight (a number, or nothing) when its column is right of the name
  const l3 = columns.level3;
  const shifted = (c: number) => (c > l3 ? c - 1 : c);
  const score = columns.statedScore;
  const weight = columns.weight;
  const scoreMoved = score !== undefined && cellText(row, score) === '' && cellText(row, shifted(score)) !== '';
  const weightText = weight !== undefined && weight > l3 ? cellText(row, shifted(weight)) : '';
  const trueShift = scoreMoved && weight !== undefined && (weightText === '' || parsePlainNumber(weightText) !== null);
  // without that evidence, a level-2 name where the shifted name would stand shows the row is in place
  if (!trueShift && isLevel2Name(raw2, level2Names)) return null;
  const name = raw2;
  if (trueShift) {
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
