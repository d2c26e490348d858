// The rows above the indicator table: the title (year, form), 主管部门 / 实施单位 /
// 项目名称, the budget block (budget.ts), 年度总体目标, labelled figures (pairs.ts: budget
// figures or extra inputs), and a total the report text around the table may state
// ("自评得分100分").

import type { Filing, Goals } from '../filing/model.ts';
import { quote } from '../filing/message.ts';
import { BudgetBlock } from './budget.ts';
import { isEmptyRow } from './cells.ts';
import { diag, type ImportDiagnostic } from './diagnostics.ts';
import type { Cell, Grid, GridRow } from './grid.ts';
import { normaliseLabel } from './labels.ts';
import type { ExtraInputs } from './pairs.ts';

type NameKey = 'department' | 'unit' | 'project';

const KV_LABELS: [RegExp, NameKey][] = [
  [/主管部门(?:名称)?/, 'department'],
  [/部门名称/, 'department'],
  [/实施单位(?:名称)?/, 'unit'],
  [/(?:预算)?单位名称|预算单位/, 'unit'],
  [/项目名称/, 'project'],
];

function kvLabel(text: string): { key: NameKey; inline: string } | null {
  const t = text.replace(/\s+/g, '');
  for (const [re, key] of KV_LABELS) {
    const m = re.exec(t);
    // a label cell: short text ending in the label, or "label：value"
    if (!m) continue;
    const after = t.slice(m.index + m[0].length);
    const before = t.slice(0, m.index);
    if (before.length > 4) continue;
    if (after === '' || /^[:：]/.test(after)) return { key, inline: after.replace(/^[:：]/, '').trim() };
  }
  return null;
}

/** Read the rows before grid row `end` (the header) into `filing`; labelled figures that are no budget figure go to `inputs`. */
export function readPreamble(grid: Grid, end: number, filing: Filing, inputs: ExtraInputs, diagnostics: ImportDiagnostic[]): void {
  const budget = new BudgetBlock(diagnostics);
  /** inside the 年度总体目标 block: the columns of its labels (预期目标 / 实际完成情况) so far */
  let goalCols: Map<number, GoalField> | null = null;
  const goals: Goals = { expected: '', actual: '' };

  for (let r = 0; r < end; r++) {
    const row = grid.rows[r]!;
    if (isEmptyRow(row)) continue;
    readReportTotal(row, filing, diagnostics);

    // title
    if (filing.title === undefined) {
      const t = row.cells.find((c) => /自评表|评价表|自评报告|绩效.{0,12}表/.test(c.text));
      if (t) {
        filing.title = t.text;
        readTitle(t, filing, diagnostics);
        continue;
      }
    }

    if (readNames(row, filing)) continue;

    // 年度总体目标
    const goalCell = row.cells.findIndex((c) => /^(年度)?(总体)?目标$|^年度总体目标/.test(normaliseLabel(c.text)) && c.text.length <= 10);
    if (goalCell >= 0 && /总体目标/.test(row.cells[goalCell]!.text)) {
      budget.end();
      goalCols = new Map();
      const texts = readGoalRow(row, goalCell, goalCols, goals);
      // "年度总体目标 | expected text | actual text" in one row, without labels
      if (goalCols.size === 0) {
        if (texts[0]) goals.expected = texts[0].text;
        if (texts[1]) goals.actual = texts[1].text;
      }
      continue;
    }

    if (budget.row(row)) continue;
    // "预算数：95 | 执行数：82.65", "预算数 | 95 | 执行数 | 82.65", "全年预算调剂金额 | 5": before
    // the budget header (whose labels they share) and the goal texts (which never read so)
    if (inputs.row(row, budget)) continue;
    if (budget.header(row)) {
      goalCols = null;
      continue;
    }

    // the goal texts under (or beside) 预期目标 | 实际完成情况
    if (goalCols) {
      const texts = readGoalRow(row, -1, goalCols, goals);
      // no label seen yet: the texts stand in the form's order, expected then actual
      if (goalCols.size === 0) texts.forEach((c, i) => appendGoal(goals, i === 0 ? 'expected' : 'actual', c.text));
    }
  }

  if (filing.year === undefined) readYearLine(grid, end, filing, diagnostics);
  if (filing.title === undefined) {
    diagnostics.push(
      diag('IMP010', 'info', undefined, undefined, {
        zh: '没有找到表格标题，无法从标题读出年度和表单类型',
        en: 'no title found; the year and the form cannot be read from it',
      }),
    );
  }
  for (const x of budget.inputs) inputs.add(x.name, x.value, x.cell);
  const b = budget.result();
  if (b) filing.budget = b;
  else
    diagnostics.push(
      diag('IMP041', 'info', undefined, undefined, { zh: '没有找到预算执行表（年初预算数/全年预算数/全年执行数）', en: 'no budget block (初/全年预算数/全年执行数) found' }),
    );
  if (goals.expected || goals.actual) filing.goals = goals;
}

type GoalField = keyof Goals;

/** A 预期目标 / 实际完成情况 label cell, and the text written after its colon ("预期目标：完成…"). */
export function goalLabel(text: string): { field: GoalField; inline: string } | null {
  const m = /^[\s\u3000]*(预期目标|实际完成情况|实际完成|完成情况)[\s\u3000]*(?:[（(][^()（）]*[)）])?[\s\u3000]*(?:[:：]([\s\S]*))?$/.exec(text);
  if (!m) return null;
  return { field: m[1] === '预期目标' ? 'expected' : 'actual', inline: (m[2] ?? '').trim() };
}

function appendGoal(goals: Goals, field: GoalField, text: string): void {
  goals[field] = goals[field] ? `${goals[field]}\n${text}` : text;
}

/**
 * One row of the 年度总体目标 block. Label cells are never goal texts: they say which field
 * the texts right of them (in their row) or below them (in their column and the columns
 * up to the next label) belong to, in whichever layout the form uses — labels beside the
 * 年度总体目标 cell, in a row of their own below it, or each label in front of its text.
 * Returns the texts no label placed yet (`goalCols` empty), for the caller to place.
 */
function readGoalRow(row: GridRow, skip: number, goalCols: Map<number, GoalField>, goals: Goals): Cell[] {
  const loose: Cell[] = [];
  let inRow: GoalField | null = null;
  row.cells.forEach((c, i) => {
    if (i === skip || c.text === '') return;
    const label = goalLabel(c.text);
    if (label) {
      goalCols.set(i, label.field);
      inRow = label.field;
      if (label.inline) appendGoal(goals, label.field, label.inline);
      return;
    }
    const field = inRow ?? fieldOfColumn(goalCols, i);
    if (field) appendGoal(goals, field, c.text);
    else loose.push(c);
  });
  return loose;
}

/** The field of the nearest label at or left of column `i` (else of the leftmost label). */
function fieldOfColumn(goalCols: ReadonlyMap<number, GoalField>, i: number): GoalField | null {
  let best: [number, GoalField] | null = null;
  let first: [number, GoalField] | null = null;
  for (const [col, f] of goalCols) {
    if (col <= i && (!best || col > best[0])) best = [col, f];
    if (!first || col < first[0]) first = [col, f];
  }
  return (best ?? first)?.[1] ?? null;
}

/** The report text around the table may state its own total: "自评得分100分" (the first one counts). */
function readReportTotal(row: GridRow, filing: Filing, diagnostics: ImportDiagnostic[]): void {
  if (filing.reportTotal !== undefined) return;
  for (const c of row.cells) {
    const m = /自评(?:总)?得分(?:为)?\s*(\d+(?:\.\d+)?)\s*分/.exec(c.text);
    if (!m) continue;
    filing.reportTotal = Number(m[1]);
    diagnostics.push(diag('IMP013', 'info', c.line, c.column, { zh: `从报告正文读出自评得分 ${m[1]} 分`, en: `the report text states a total of ${m[1]}` }));
    return;
  }
}

/** 主管部门 / 实施单位 / 项目名称, as "label | value" or "label：value" (the first value of each counts). True when the row holds such a label. */
function readNames(row: GridRow, filing: Filing): boolean {
  let hit = false;
  for (let i = 0; i < row.cells.length; i++) {
    const k = kvLabel(row.cells[i]!.text);
    if (!k) continue;
    hit = true;
    let value = k.inline;
    if (!value) {
      for (let j = i + 1; j < row.cells.length; j++) {
        const t = row.cells[j]!.text;
        if (t === '') continue;
        if (!kvLabel(t)) value = t;
        break;
      }
    }
    if (value && filing[k.key] === undefined) filing[k.key] = value;
  }
  return hit;
}

function readTitle(cell: Cell, filing: Filing, diagnostics: ImportDiagnostic[]): void {
  const t = cell.text;
  const y = /((?:19|20)\d{2})\s*年/.exec(t);
  if (y) filing.year = Number(y[1]);
  if (/整体支出|部门整体/.test(t)) filing.form = '部门整体支出';
  else if (/项目支出|项目.*自评/.test(t)) filing.form = '项目支出';
  if (filing.year !== undefined || filing.form !== undefined) {
    diagnostics.push(
      diag('IMP011', 'info', cell.line, cell.column, {
        zh: `从标题 ${quote(t)} 读出${filing.year !== undefined ? `年度 ${filing.year}` : ''}${filing.year !== undefined && filing.form ? '，' : ''}${filing.form ? `表单“${filing.form}”` : ''}`,
        en: `read from the title ${quote(t)}:${filing.year !== undefined ? ` year ${filing.year}` : ''}${filing.form ? ` form ${filing.form}` : ''}`,
      }),
    );
  }
}

/** "（2022年度）" on a line of its own under the title. */
function readYearLine(grid: Grid, end: number, filing: Filing, diagnostics: ImportDiagnostic[]): void {
  for (let r = 0; r < end; r++) {
    for (const c of grid.rows[r]!.cells) {
      const y = /^[（(]?\s*((?:19|20)\d{2})\s*年度?\s*[)）]?$/.exec(c.text);
      if (!y) continue;
      filing.year = Number(y[1]);
      diagnostics.push(diag('IMP011', 'info', c.line, c.column, { zh: `从 ${quote(c.text)} 读出年度 ${filing.year}`, en: `year ${filing.year} read from ${quote(c.text)}` }));
      return;
    }
  }
}
