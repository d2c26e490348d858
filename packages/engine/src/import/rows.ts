// The rows below the header: indicator rows up to the 总分 row, with
// - merged cells arriving empty and meaning "same as above" in the level columns,
// - caps in level cells ("产出指标(70分)") and section or group subtotal rows,
// - rows shifted by a missing cell, repaired and reported (shift.ts),
// - sign and unit columns joined into the target (signs.ts),
// - names with the form's numbering, not-applicable marks, or the target in them (names.ts),
// - 扣分 rows, under a merged 扣分 cell or after the 总分 row,
// - the 总分 row's stated weight total and total score,
// and the notes under the table, where reading stops (labelled figures after the table
// are extra inputs, pairs.ts).

import type { Deduction, Filing, IndicatorRow, Section } from '../filing/model.ts';
import { quote } from '../filing/message.ts';
import { parsePlainNumber, QUALITATIVE_WORDS } from '../filing/value.ts';
import { POLAR_WORDS } from '../filing/words.ts';
import { cellAt, cellText, firstNonEmpty, isEmptyRow, numbersIn, pos } from './cells.ts';
import { headerScore } from './columns.ts';
import { diag, type ImportDiagnostic } from './diagnostics.ts';
import type { Cell, Grid, GridRow } from './grid.ts';
import { COLUMN_FIELDS, normaliseLabel, type ColumnField, type Columns } from './labels.ts';
import { isNotApplicable, readName, splitCap, stripNameQuotes, targetInName } from './names.ts';
import type { ExtraInputs } from './pairs.ts';
import { combine } from './signs.ts';
import { looksLikeValue, repairShift } from './shift.ts';

function isTotalLabel(text: string): boolean {
  return /^(总分|合计|总计|综合得分|总得分|自评总分|得分合计|总分值)$/.test(normaliseLabel(text));
}

const DEDUCTION = /扣分|扣减/;

function isNoteLabel(text: string): boolean {
  return /^(注[:：\d.、]|注$|说明[:：]|其他需要说明|备注|填表说明|填报说明|评价结论|审核意见)/.test(text.replace(/\s+/g, ''));
}

/** What reading the rows carries from one row to the next. */
class RowsState {
  readonly sections: Section[] = [];
  readonly deductions: Deduction[] = [];
  /** level-1 / level-2 names of the row above: merged cells arrive empty */
  prevL1 = '';
  prevL2 = '';
  /** past the 总分 row only 扣分 rows are read */
  afterTotal = false;
  sawTotal = false;
  /** rows under a merged level-1 cell that says 扣分/扣减 */
  inDeductions = false;
  /** per level-1 indicator, the names its level-2 column held in rows read as they stand
   * (per section: a level-3 name elsewhere may repeat a level-2 name, 财务管理 in the seed) */
  private readonly level2Seen = new Map<string, Set<string>>();
  /** indicator rows whose weight cell holds anything (a number or not) */
  weightCells = 0;

  level2Names(section: string): Set<string> {
    let seen = this.level2Seen.get(section);
    if (!seen) this.level2Seen.set(section, (seen = new Set()));
    return seen;
  }

  section(name: string): Section {
    let s = this.sections.find((x) => x.name === name);
    if (!s) {
      s = { name, statedCap: null };
      this.sections.push(s);
    }
    return s;
  }
}

/**
 * Read the indicator rows from grid row `start` on into `filing`. `noHeader`: a mapping
 * without a header row. Rows of labelled figures after the table go to `inputs`.
 */
export function readRows(
  grid: Grid,
  start: number,
  columns: Columns,
  filing: Filing,
  inputs: ExtraInputs,
  diagnostics: ImportDiagnostic[],
  noHeader: boolean,
): { weightCells: number } {
  const st = new RowsState();
  const mappedCols = COLUMN_FIELDS.map((f) => columns[f]).filter((c): c is number => c !== undefined);
  const width = Math.max(...mappedCols) + 1;
  // the leftmost indicator-name column: where a row's level-1 name stands when there is no level-1 column
  const nameCol = Math.min(...(['label', 'level1', 'level2', 'level3'] as const).map((f) => columns[f] ?? Infinity));

  for (let r = start; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    if (isEmptyRow(row)) continue;
    const first = firstNonEmpty(row)!;
    if (isNoteLabel(first.cell.text)) {
      // the notes end the table; figures may still stand below them
      for (let n = r + 1; n < grid.rows.length; n++) inputs.row(grid.rows[n]!);
      break;
    }
    // a repeated header (multi-page copies)
    if (headerScore(grid, r) > 0) continue;
    if (readDeduction(row, first, columns, nameCol, st, diagnostics)) continue;
    if (isTotalLabel(first.cell.text)) {
      readTotal(row, first.col, filing);
      st.afterTotal = true;
      st.sawTotal = true;
      continue;
    }
    if (st.afterTotal) {
      inputs.row(row);
      continue;
    }
    readIndicator(row, columns, width, noHeader, st, filing, diagnostics);
  }

  if (st.sections.length) filing.sections = st.sections;
  if (st.deductions.length) filing.deductions = st.deductions;
  if (!st.sawTotal) diagnostics.push(diag('IMP050', 'info', undefined, undefined, { zh: '没有找到“总分”行', en: 'no total (总分) row found' }));
  return { weightCells: st.weightCells };
}

/**
 * 扣分 rows: the level-1 cell itself says 扣分/扣减 (or the first cell, at or left of the
 * level-1 position), the row sits under such a merged level-1 cell, or it follows the
 * 总分 row. A level-3 name that contains 扣减 under merged level-1/2 cells
 * ("扣减不合规支出金额") is an indicator of the section above, like every merged row.
 * True when the row is a deduction row (read when it carries a number).
 */
function readDeduction(row: GridRow, first: { cell: Cell; col: number }, columns: Columns, nameCol: number, st: RowsState, diagnostics: ImportDiagnostic[]): boolean {
  const l1Text = columns.level1 !== undefined ? cellText(row, columns.level1) : '';
  const atLevel1 = first.col <= (columns.level1 ?? nameCol);
  const saysDeduction = DEDUCTION.test(l1Text) || (atLevel1 && DEDUCTION.test(first.cell.text));
  if (l1Text !== '' || atLevel1) st.inDeductions = saysDeduction;
  if (!(saysDeduction || st.inDeductions || (st.afterTotal && DEDUCTION.test(first.cell.text)))) return false;
  const nums = numbersIn(row, first.col + 1);
  const last = nums[nums.length - 1];
  if (last) {
    const reason = row.cells
      .filter((c, i) => i !== last.col && c.text !== '' && parsePlainNumber(c.text) === null)
      .map((c) => c.text)
      .join(' ');
    st.deductions.push({ reason, points: Math.abs(last.value) });
    diagnostics.push(
      diag('IMP051', 'info', row.line, first.cell.column, {
        zh: `读入扣分 ${Math.abs(last.value)} 分：${quote(reason)}`,
        en: `deduction of ${Math.abs(last.value)} read: ${quote(reason)}`,
      }),
    );
  }
  return true;
}

/** 总分 row: stated total = its last number, the weight total the one before. */
function readTotal(row: GridRow, firstCol: number, filing: Filing): void {
  const nums = numbersIn(row, firstCol + 1);
  if (nums.length >= 2) {
    filing.statedWeightTotal = nums[nums.length - 2]!.value;
    filing.statedTotal = nums[nums.length - 1]!.value;
  } else if (nums.length === 1) {
    filing.statedTotal = nums[0]!.value;
  } else filing.statedTotal = null;
}

function readIndicator(row: GridRow, columns: Columns, width: number, noHeader: boolean, st: RowsState, filing: Filing, diagnostics: ImportDiagnostic[]): void {
  // names and values as the cells stand, unless the row is shifted
  const raw1 = cellText(row, columns.level1);
  let raw2 = cellText(row, columns.level2);
  let raw3 = cellText(row, columns.level3);
  let get = (f: ColumnField): Cell | undefined => cellAt(row, columns[f]);
  const level2Names = st.level2Names(raw1 !== '' ? splitCap(stripNameQuotes(raw1)).name : st.prevL1);
  const repaired = repairShift(row, columns, raw2, raw3, level2Names, diagnostics);
  if (repaired) ({ raw2, raw3, get } = repaired);
  else if (raw2 !== '') level2Names.add(splitCap(stripNameQuotes(raw2)).name);

  const { l1, l2 } = readLevels(row, columns, raw1, raw2, raw3, st, diagnostics);

  const weightCell = get('weight');
  const scoreCell = get('statedScore');
  const raw = { target: get('target')?.text ?? '', actual: get('actual')?.text ?? '', indicatorValue: get('indicatorValue')?.text ?? '' };
  let targetText = combine(get('op')?.text ?? '', raw.target, get('unit')?.text ?? '');
  let actualText = combine('', raw.actual, get('unit')?.text ?? '');
  const ivText = raw.indicatorValue;
  const explanation = get('explanation')?.text ?? '';
  const criteria = get('criteria')?.text ?? '';
  const anyValue = targetText !== '' || actualText !== '' || ivText !== '' || explanation !== '' || criteria !== '';

  const name = readName(row, columns, raw3, diagnostics);
  const marks = readMarks(row, columns, raw3 || l2, name, raw, diagnostics);
  const l3 = marks.name;
  const notApplicable = marks.notApplicable;
  if (notApplicable) {
    targetText = raw.target;
    actualText = raw.actual;
  } else if (marks.target !== null) targetText = marks.target;

  // a slash or dash in the weight or score of an indicator that does not apply is no number to report
  const weight = readNumber(weightCell, 'IMP030', '分值', 'weight', diagnostics, notApplicable);
  const statedScore = readNumber(scoreCell, 'IMP031', '得分', 'stated score', diagnostics, notApplicable);

  if (l3 === '' && !notApplicable) {
    if (!anyValue && (weight !== null || statedScore !== null) && (raw1 !== '' || raw2 !== '')) {
      readSubtotal(raw2, l1, l2, weight, statedScore, st);
      return;
    }
    if (!anyValue && weight === null && statedScore === null) return;
    if (noHeader && weight === null && statedScore === null) return;
    diagnostics.push(
      diag('IMP022', 'warning', row.line, undefined, {
        zh: `第 ${row.line} 行有取值但没有三级指标名称`,
        en: `line ${row.line} has values but no level-3 indicator name`,
      }),
    );
  }
  if (noHeader && weight === null && statedScore === null && !anyValue) return;

  // cells beyond the header
  if (!repaired) {
    for (let c = width; c < row.cells.length; c++) {
      const cell = row.cells[c]!;
      if (cell.text === '') continue;
      diagnostics.push(
        diag('IMP021', 'warning', cell.line, cell.column, {
          zh: `第 ${row.line} 行在表头之外还有单元格 ${quote(cell.text)}，已忽略；该行可能错位`,
          en: `line ${row.line} has a cell beyond the header, ${quote(cell.text)}; ignored — the row may be shifted`,
        }),
      );
    }
  }

  const out = { level1: l1, level2: l2, level3: l3 } as IndicatorRow;
  if (columns.indicatorValue !== undefined) out.indicatorValue = ivText;
  out.target = targetText;
  out.actual = actualText;
  out.weight = weight;
  out.statedScore = statedScore;
  if (columns.reason !== undefined) out.reason = get('reason')?.text ?? '';
  if (columns.explanation !== undefined) out.explanation = explanation;
  if (columns.criteria !== undefined) out.criteria = criteria;
  if (notApplicable) out.notApplicable = true;
  out.source = pos(row, repaired ? columns.level2 : columns.level3);
  filing.rows.push(out);
  if ((weightCell?.text ?? '') !== '') st.weightCells++;
  if (l1 !== '') st.section(l1);
}

/**
 * What a row says beyond its cells' values: that the indicator does not apply (its name is
 * 指标1:/, or every filled value cell is "/", "—", 不适用; IMP028), or that its name carries
 * the target while the value cells are empty (IMP027).
 */
function readMarks(
  row: GridRow,
  columns: Columns,
  shown: string,
  name: { name: string; numbering: string | null; notApplicable: boolean },
  raw: { target: string; actual: string; indicatorValue: string },
  diagnostics: ImportDiagnostic[],
): { name: string; notApplicable: boolean; target: string | null } {
  const filled = [raw.target, raw.actual, raw.indicatorValue].filter((t) => t !== '');
  if (name.notApplicable || (filled.length > 0 && filled.every(isNotApplicable))) {
    const cells = [raw.target, raw.actual].filter((t) => t !== '');
    diagnostics.push(
      diag('IMP028', 'info', row.line, undefined, {
        zh: `第 ${row.line} 行 ${quote(shown)} 标为不适用（${cells.map((t) => quote(t)).join('、') || quote(shown)}），保留该行并标记为不适用`,
        en: `line ${row.line} ${quote(shown)} is marked not applicable (${cells.map((t) => quote(t)).join(', ') || quote(shown)}); the row is kept, marked not applicable`,
      }),
    );
    return { name: name.name, notApplicable: true, target: null };
  }
  if (filled.length > 0 || name.name === '') return { name: name.name, notApplicable: false, target: null };
  const carried = targetInName(name.name, name.numbering !== null, looksLikeValue, [...QUALITATIVE_WORDS, ...POLAR_WORDS]);
  if (!carried) return { name: name.name, notApplicable: false, target: null };
  const c = cellAt(row, columns.level3)!;
  diagnostics.push(
    diag('IMP027', 'warning', c.line, c.column, {
      zh: `第 ${row.line} 行指标名称 ${quote(shown)} 带有目标值，年度指标值和实际完成值为空：指标名称读作 ${quote(carried.name)}，年度指标值读作 ${quote(carried.target)}。请填写实际完成值`,
      en: `line ${row.line}: the indicator name ${quote(shown)} carries the target and the target and actual cells are empty: read as the name ${quote(carried.name)} with the target ${quote(carried.target)}. Fill in the actual value`,
    }),
  );
  return { name: carried.name, notApplicable: false, target: carried.target };
}

/** Level-1 and level-2 names with their caps; an empty cell means "same as above". */
function readLevels(row: GridRow, columns: Columns, raw1: string, raw2: string, raw3: string, st: RowsState, diagnostics: ImportDiagnostic[]): { l1: string; l2: string } {
  let l1 = st.prevL1;
  let newSection = false;
  if (raw1 !== '') {
    const { name, cap } = splitCap(stripNameQuotes(raw1));
    l1 = name;
    newSection = name !== st.prevL1;
    const s = st.section(name);
    if (cap !== null) {
      s.statedCap = cap;
      const c = cellAt(row, columns.level1)!;
      diagnostics.push(diag('IMP024', 'info', c.line, c.column, { zh: `从 ${quote(raw1)} 读出一级指标分值 ${cap}`, en: `cap ${cap} read from ${quote(raw1)}` }));
    }
  } else if (st.prevL1 === '' && columns.level1 !== undefined) {
    diagnostics.push(
      diag('IMP023', 'warning', row.line, undefined, {
        zh: `第 ${row.line} 行没有一级指标名称，上方也没有可沿用的名称`,
        en: `line ${row.line} has no level-1 name and none above to inherit`,
      }),
    );
  }
  let l2 = st.prevL2;
  if (raw2 !== '') {
    const { name, cap } = splitCap(stripNameQuotes(raw2));
    l2 = name;
    if (cap !== null && l1 !== '') {
      const s = st.section(l1);
      (s.groups ??= []).push({ name, statedCap: cap });
      const c = cellAt(row, columns.level2)!;
      diagnostics.push(diag('IMP024', 'info', c.line, c.column, { zh: `从 ${quote(raw2)} 读出二级指标分值 ${cap}`, en: `cap ${cap} read from ${quote(raw2)}` }));
    }
  } else if (newSection) {
    l2 = '';
    if (columns.level2 !== undefined && raw3 !== '')
      diagnostics.push(
        diag('IMP023', 'warning', row.line, undefined, {
          zh: `第 ${row.line} 行开始新的一级指标 ${quote(l1)}，但没有二级指标名称`,
          en: `line ${row.line} starts the level-1 indicator ${quote(l1)} without a level-2 name`,
        }),
      );
  }
  st.prevL1 = l1;
  st.prevL2 = l2;
  return { l1, l2 };
}

/** A section or group subtotal row: "产出指标 | | | | 50 | 48". */
function readSubtotal(raw2: string, l1: string, l2: string, weight: number | null, statedScore: number | null, st: RowsState): void {
  if (raw2 === '' && l1 !== '') {
    const s = st.section(l1);
    if (weight !== null && s.statedCap === null) s.statedCap = weight;
    if (statedScore !== null) s.statedScore = statedScore;
  } else if (l1 !== '') {
    const s = st.section(l1);
    const g = (s.groups ??= []).find((x) => x.name === l2);
    if (g) {
      if (g.statedCap === null) g.statedCap = weight;
    } else s.groups.push({ name: l2, statedCap: weight });
  }
}

function readNumber(cell: Cell | undefined, code: 'IMP030' | 'IMP031', zh: string, en: string, diagnostics: ImportDiagnostic[], notApplicable = false): number | null {
  const text = cell?.text ?? '';
  if (text === '' || (notApplicable && isNotApplicable(text))) return null;
  // a minus sign as typeset (−5, －5) is a minus: the scorer then names the negative weight
  const n = parsePlainNumber(text.replace(/[−－]/g, '-'));
  if (n === null) {
    diagnostics.push(
      diag(code, 'warning', cell!.line, cell!.column, {
        zh: `${zh} ${quote(text)} 不是数字，按空值读取`,
        en: `${en} ${quote(text)} is not a number; read as empty`,
      }),
    );
  } else if (!Number.isFinite(n)) {
    // hundreds of digits: no finite number, and no sum may become Infinity
    diagnostics.push(
      diag(code, 'warning', cell!.line, cell!.column, {
        zh: `${zh} ${quote(text)} 超出数值范围，按空值读取`,
        en: `${en} ${quote(text)} is beyond the range of numbers; read as empty`,
      }),
    );
    return null;
  }
  return n;
}
