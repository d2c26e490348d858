// Recognising header labels: the indicator table's columns and the budget block's.

import type { Grid } from './grid.ts';

export type ColumnField =
  | 'level1'
  | 'level2'
  | 'level3'
  | 'indicatorValue'
  | 'target'
  | 'actual'
  | 'weight'
  | 'statedScore'
  | 'reason'
  | 'op'
  | 'unit'
  | 'label';

export const COLUMN_FIELDS: readonly ColumnField[] = [
  'level1', 'level2', 'level3', 'indicatorValue', 'target', 'actual', 'weight', 'statedScore', 'reason', 'op', 'unit', 'label',
];

/** The column → field mapping: 0-based column index per field. */
export type Columns = Partial<Record<ColumnField, number>>;

/** How each field is labelled in real tables (the first spelling is the canonical one). */
export const FIELD_LABELS: Record<ColumnField, readonly string[]> = {
  label: ['绩效指标'],
  level1: ['一级指标', '一级', '指标项', '一级指标名称'],
  level2: ['二级指标', '二级', '细指标', '二级指标名称'],
  level3: ['三级指标', '三级', '被指标', '三级指标名称', '指标名称', '具体指标'],
  indicatorValue: ['指标值'],
  target: ['年度指标值', '年度目标值', '目标值', '预期目标值', '预期指标值', '全年目标值', '计划值', '指标目标值', '年度目标'],
  actual: ['实际完成值', '全年实际值', '实际值', '全年实际完成值', '实际完成', '完成值', '全年完成值', '实际完成指标值'],
  weight: ['分值', '权重', '权重分值', '指标分值', '标准分值', '标准分', '分数'],
  statedScore: ['得分', '自评得分', '实际得分', '自评分', '评分'],
  reason: ['偏差原因分析及改进措施', '偏差原因分析', '偏差原因', '原因分析及改进措施', '未完成原因分析', '偏差原因及改进措施'],
  op: ['计算符号', '指标性质', '符号', '运算符号'],
  unit: ['计量单位', '度量单位', '单位'],
};

/** Spellings that are OCR-ish or unusual; reading them is reported as info. */
export const UNUSUAL_LABELS: Record<string, string> = {
  指标项: '一级指标',
  细指标: '二级指标',
  被指标: '三级指标',
  年执行数: '全年预算数',
};

/** Normalise a header label: no whitespace, no bracketed unit such as (分) or （%）, no trailing colon. */
export function normaliseLabel(text: string): string {
  return text
    .replace(/[\s\u00A0\u3000]+/g, '')
    .replace(/[（(][^()（）]*[)）]$/, '')
    .replace(/[:：]$/, '');
}

const LABEL_INDEX: Map<string, ColumnField> = (() => {
  const m = new Map<string, ColumnField>();
  for (const f of COLUMN_FIELDS) for (const l of FIELD_LABELS[f]) if (!m.has(l)) m.set(l, f);
  return m;
})();

export function fieldOfLabel(text: string): ColumnField | null {
  const n = normaliseLabel(text);
  if (n === '') return null;
  const exact = LABEL_INDEX.get(n);
  if (exact) return exact;
  if (/偏差|改进措施/.test(n)) return 'reason';
  return null;
}

export interface HeaderLabel {
  column: number;
  text: string;
  field: ColumnField | null;
}

export interface DetectedHeader {
  /** grid row indices of the header (one or two rows) */
  rowIndices: number[];
  /** 1-based line of the (first) header row */
  line: number;
  columns: Columns;
  labels: HeaderLabel[];
}

const CORE: ColumnField[] = ['level1', 'level2', 'level3', 'indicatorValue', 'target', 'actual', 'weight', 'statedScore'];

function rowFields(grid: Grid, r: number): HeaderLabel[] {
  const row = grid.rows[r];
  if (!row) return [];
  return row.cells.map((c, i) => ({ column: i, text: c.text, field: fieldOfLabel(c.text) }));
}

function score(labels: HeaderLabel[]): number {
  const fs = new Set(labels.map((l) => l.field).filter((f): f is ColumnField => f !== null && CORE.includes(f)));
  const hasLevel = fs.has('level1') || fs.has('level2') || fs.has('level3');
  const hasValue = fs.has('target') || fs.has('indicatorValue') || fs.has('actual');
  const hasNum = fs.has('weight') || fs.has('statedScore');
  if (!hasLevel || !hasValue || !hasNum || fs.size < 4) return 0;
  return fs.size;
}

/** Score of a row as an indicator header (0: not a header). */
export function headerScore(grid: Grid, r: number): number {
  return score(rowFields(grid, r));
}

/** Labels of row `r` completed by the useful labels of row `other` (merged cells arrive empty). */
function mergeRows(grid: Grid, r: number, other: number): { labels: HeaderLabel[]; merged: number } {
  const labels = rowFields(grid, r);
  let merged = 0;
  for (const l of rowFields(grid, other)) {
    if (l.field === null || l.field === 'label') continue;
    const mine = labels[l.column];
    if (!mine || mine.field === null || mine.field === 'label') {
      while (labels.length < l.column) labels.push({ column: labels.length, text: '', field: null });
      labels[l.column] = l;
      merged++;
    }
  }
  return { labels, merged };
}

/** Find the indicator table's header row(s) and map its columns. */
export function detectHeader(grid: Grid): DetectedHeader | null {
  let best: { rowIndices: number[]; labels: HeaderLabel[]; score: number } | null = null;
  for (let r = 0; r < grid.rows.length; r++) {
    const one = rowFields(grid, r);
    const s1 = score(one);
    // a two-row header: 绩效指标 above 一级/二级/三级, or the level labels under a merged cell
    let cand = { rowIndices: [r], labels: one, score: s1 };
    if (r + 1 < grid.rows.length && one.some((l) => l.field !== null)) {
      const two = mergeRows(grid, r, r + 1);
      const s2 = score(two.labels);
      if (two.merged >= 2 && s2 > s1) cand = { rowIndices: [r, r + 1], labels: two.labels, score: s2 };
    }
    if (cand.score > 0 && (!best || cand.score > best.score)) best = cand;
  }
  if (!best) return null;
  return {
    rowIndices: best.rowIndices,
    line: grid.rows[best.rowIndices[0]!]!.line,
    columns: columnsFromLabels(best.labels),
    labels: best.labels,
  };
}

export function columnsFromLabels(labels: (HeaderLabel | undefined)[]): Columns {
  const cols: Columns = {};
  for (const l of labels) {
    if (!l || l.field === null) continue;
    if (cols[l.field] === undefined) cols[l.field] = l.column;
  }
  // only 指标值 and no 年度目标值: the 指标值 column is the target
  if (cols.target === undefined && cols.indicatorValue !== undefined) {
    cols.target = cols.indicatorValue;
    delete cols.indicatorValue;
  }
  return cols;
}

// ───────────────────────── budget block ─────────────────────────

export type BudgetField = 'initialBudget' | 'budget' | 'spent' | 'weight' | 'rate' | 'score';

export function budgetFieldOfLabel(text: string): BudgetField | null {
  const n = normaliseLabel(text).replace(/\d[\d,.]*$/, '');
  if (/^年初预算数?$|^年初预算/.test(n)) return 'initialBudget';
  if (/^(全年|实际)?执行数$/.test(n) && n !== '年执行数') return 'spent';
  if (/^(全年预算数|调整后预算数|全年调整预算数|预算数|年执行数)$/.test(n)) return 'budget';
  if (/^分值$|^权重$/.test(n)) return 'weight';
  if (/执行率$/.test(n)) return 'rate';
  if (/^得分$/.test(n)) return 'score';
  return null;
}
