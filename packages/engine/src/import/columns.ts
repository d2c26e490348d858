// Column mapping: find the indicator table's header row(s) and map each column to the
// field it holds, or check a mapping given by hand (the playground's mapping step).
// The table is found by its header, never by position: real tables put 分值 before the
// targets, add a 绩效指标 column on the left, or split the header over two rows.

import { quote } from '../filing/message.ts';
import { diag, type ImportDiagnostic } from './diagnostics.ts';
import type { Grid } from './grid.ts';
import { COLUMN_FIELDS, FIELD_LABELS, FIELD_NAMES, fieldOfLabel, guessField, normaliseLabel, UNUSUAL_LABELS, type ColumnField, type Columns, type Guess } from './labels.ts';

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

/** An explicit mapping, e.g. from the playground's column-mapping step. */
export interface ColumnMapping {
  /** field → 0-based column index */
  columns: Columns;
  /** 1-based line (xlsx: row) of the header row; indicator rows start below it. Detected when omitted. */
  headerLine?: number;
}

const CORE: ColumnField[] = ['level1', 'level2', 'level3', 'indicatorValue', 'target', 'actual', 'weight', 'statedScore', 'explanation', 'criteria'];

function rowFields(grid: Grid, r: number): HeaderLabel[] {
  const row = grid.rows[r];
  if (!row) return [];
  return row.cells.map((c, i) => ({ column: i, text: c.text, field: fieldOfLabel(c.text) }));
}

/**
 * A header names the indicator, a value (or, in a rubric form, the indicator's explanation
 * or scoring criteria) and a weight or score, or else both a target and an actual: anything
 * less is prose or the budget block.
 */
function score(labels: HeaderLabel[]): number {
  const fs = new Set(labels.map((l) => l.field).filter((f): f is ColumnField => f !== null && CORE.includes(f)));
  const hasLevel = fs.has('level1') || fs.has('level2') || fs.has('level3');
  const hasValue = fs.has('target') || fs.has('indicatorValue') || fs.has('actual') || isRubric(fs);
  const hasNum = fs.has('weight') || fs.has('statedScore');
  // names, targets and actuals without weights or scores are still an indicator table (IMP008 says what is missing)
  const bothValues = (fs.has('target') || fs.has('indicatorValue')) && fs.has('actual');
  if (!hasLevel || !hasValue || !(hasNum || bothValues) || fs.size < (hasNum ? 4 : 3)) return 0;
  return fs.size;
}

/** Score of a row as an indicator header (0: not a header). */
export function headerScore(grid: Grid, r: number): number {
  return score(rowFields(grid, r));
}

/**
 * Labels of row `r` completed by the useful labels of row `other` (merged cells arrive empty).
 * A label of row `r` whose merged cell spans sub-labels of row `other` is a group heading
 * (年度指标值 over 指标性质 | 指标值 | 度量单位): the sub-labels take its columns.
 */
function mergeRows(grid: Grid, r: number, other: number, groups: boolean): { labels: HeaderLabel[]; merged: number; grouped: boolean } {
  const labels = rowFields(grid, r);
  const below = rowFields(grid, other).filter((l) => l.field !== null && l.field !== 'label');
  let merged = 0;
  let grouped = false;
  for (const l of below) {
    const mine = labels[l.column];
    const free = !mine || mine.field === null || mine.field === 'label';
    if (!free && !(groups && headsGroup(labels, l.column, below))) continue;
    while (labels.length < l.column) labels.push({ column: labels.length, text: '', field: null });
    if (!free) grouped = true;
    labels[l.column] = l;
    merged++;
  }
  return { labels, merged, grouped };
}

/** The label at `col` heads a merged cell (empty cells after it) over two labels or more of the row below. */
function headsGroup(labels: HeaderLabel[], col: number, below: HeaderLabel[]): boolean {
  let end = col + 1;
  while (end < labels.length && labels[end]!.text === '') end++;
  // trailing empty cells are trimmed from a row: a heading in the last cell spans to the row below's end
  if (end === labels.length) end = Infinity;
  return below.filter((l) => l.column >= col && l.column < end).length >= 2;
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
      // only a row that is a header itself heads groups of the row below (a title row
      // with a stray 分值 in it does not)
      const two = mergeRows(grid, r, r + 1, s1 > 0);
      const s2 = score(two.labels);
      if (two.merged >= 2 && (s2 > s1 || (s2 === s1 && two.grouped))) cand = { rowIndices: [r, r + 1], labels: two.labels, score: s2 };
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

// ───────────────────────── the mapping step's proposal ─────────────────────────

export interface HeaderCandidate {
  line: number;
  cells: { text: string; field: ColumnField | null; guess: Guess }[];
}

/**
 * For a table whose header was not recognised: its first rows of two cells or more, each
 * cell with its guessed field, and the line of the row most likely to be the header (most
 * cells read as distinct fields, then most cells filled; ties: the earlier row).
 */
export function proposeHeader(grid: Grid): { rows: HeaderCandidate[]; headerLine: number | null } {
  const rows = grid.rows
    .filter((r) => r.cells.filter((c) => c.text !== '').length >= 2)
    .slice(0, 20)
    .map((r) => ({ line: r.line, cells: r.cells.map((c) => ({ text: c.text, ...guessField(c.text) })) }));
  let best: HeaderCandidate | undefined;
  let bestScore = -1;
  for (const r of rows) {
    const known = new Set(r.cells.filter((c) => c.field).map((c) => c.field)).size;
    const filled = r.cells.filter((c) => c.text !== '').length;
    const sc = known * 100 + filled;
    if (sc > bestScore) {
      best = r;
      bestScore = sc;
    }
  }
  return { rows, headerLine: best?.line ?? null };
}

// ───────────────────────── resolving the columns of an import ─────────────────────────

export interface ResolvedColumns {
  columns: Columns;
  /** grid row indices of the header (empty: a mapping without a header row) */
  headerIdx: number[];
}

export type ColumnsResult =
  | ({ ok: true; headerLine?: number } & ResolvedColumns)
  /** the table cannot be read: the reasons are errors in the diagnostics */
  | { ok: false; columns?: Columns; headerLine?: number };

/**
 * The columns an import reads: the given mapping (checked: IMP006) or the detected header
 * (IMP001 when there is none, IMP004 for unusual spellings), then the required columns
 * (IMP003).
 */
export function resolveColumns(grid: Grid, mapping: ColumnMapping | undefined, diagnostics: ImportDiagnostic[]): ColumnsResult {
  const chosen = mapping ? mappedColumns(grid, mapping, diagnostics) : detectedColumns(grid, diagnostics);
  if (!chosen) return mapping ? { ok: false, columns: { ...mapping.columns } } : { ok: false };
  const { columns, headerIdx } = chosen;
  const headerLine = headerIdx.length ? grid.rows[headerIdx[0]!]!.line : undefined;
  const at = headerLine !== undefined ? { headerLine } : {};
  if (!requiredColumns(columns, headerLine, diagnostics)) return { ok: false, columns, ...at };
  return { ok: true, columns, headerIdx, ...at };
}

function mappedColumns(grid: Grid, mapping: ColumnMapping, diagnostics: ImportDiagnostic[]): ResolvedColumns | null {
  const columns = { ...mapping.columns };
  const width = Math.max(...grid.rows.map((r) => r.cells.length), 0);
  const seen = new Map<number, ColumnField>();
  let bad = false;
  for (const f of COLUMN_FIELDS) {
    const c = columns[f];
    if (c === undefined) continue;
    const other = seen.get(c);
    // 指标值 may share its column with the target: a table whose only value column is 指标值
    if (!Number.isInteger(c) || c < 0 || c >= Math.max(width, 1) || (other !== undefined && f !== 'indicatorValue' && other !== 'indicatorValue')) {
      bad = true;
      diagnostics.push(
        diag('IMP006', 'error', undefined, undefined, {
          zh: `列映射无效：${FIELD_NAMES[f].zh} 映射到第 ${Number(c) + 1} 列，${other ? `该列已映射为${FIELD_NAMES[other].zh}` : `表格只有 ${width} 列`}`,
          en: `invalid column mapping: ${FIELD_NAMES[f].en} mapped to column ${Number(c) + 1}, ${other ? `already mapped to ${FIELD_NAMES[other].en}` : `the table has ${width} columns`}`,
        }),
      );
    } else seen.set(c, f);
  }
  if (bad) return null;
  let headerIdx: number[];
  if (mapping.headerLine !== undefined) {
    const idx = grid.rows.findIndex((r) => r.line === mapping.headerLine);
    headerIdx = idx >= 0 ? [idx] : [];
  } else headerIdx = detectHeader(grid)?.rowIndices ?? [];
  return { columns, headerIdx };
}

function detectedColumns(grid: Grid, diagnostics: ImportDiagnostic[]): ResolvedColumns | null {
  const detected = detectHeader(grid);
  if (!detected) {
    const expected = (['level1', 'level2', 'level3', 'target', 'actual', 'weight', 'statedScore'] as ColumnField[]).map((f) => FIELD_LABELS[f].slice(0, 3).join('/')).join('、');
    const found = grid.rows
      .flatMap((r) => r.cells)
      .map((c) => c.text)
      .filter((t) => t !== '' && t.length <= 12 && fieldOfLabel(t) !== null);
    diagnostics.push(
      diag(
        'IMP001',
        'error',
        undefined,
        undefined,
        {
          zh: `没有找到指标表的表头行。需要的列：${expected}（至少要有指标名称列、目标值或实际值列、分值或得分列）。${found.length ? `找到的列名：${[...new Set(found)].join('、')}` : '没有找到任何可识别的列名'}`,
          en: `no indicator header row found. Expected columns: level-1/2/3 indicator, annual target, actual value, weight, stated score (at least a name column, a target or actual column and a weight or score column). ${found.length ? `Labels found: ${[...new Set(found)].map((x) => quote(x)).join(', ')}` : 'No known label found'}`,
        },
        { zh: '请检查表头，或在列映射步骤中手动指定各列（importTsvWithMapping）', en: 'check the header row, or map the columns by hand (importTsvWithMapping)' },
      ),
    );
    return null;
  }
  const headerIdx = detected.rowIndices;
  for (const l of detected.labels) {
    const canonical = UNUSUAL_LABELS[normaliseLabel(l.text)];
    if (canonical && l.field) {
      const c = grid.rows[headerIdx[0]!]!.cells[l.column];
      diagnostics.push(
        diag('IMP004', 'info', c?.line, c?.column, {
          zh: `表头 ${quote(l.text)} 按“${canonical}”读取`,
          en: `header ${quote(l.text)} read as ${FIELD_NAMES[l.field].en}`,
        }),
      );
    }
  }
  return { columns: detected.columns, headerIdx };
}

/** A rubric form (部门整体支出 evaluation tables): 指标解释 / 评分标准 in place of target and actual. */
function isRubric(fields: { has(f: ColumnField): boolean }): boolean {
  return fields.has('explanation') || fields.has('criteria');
}

/**
 * A name column and a value column (a rubric: 指标解释 or 评分标准) are required (errors); the deepest level column stands
 * in for a missing level-3 one; other missing columns read as empty (warnings). False when
 * the table cannot be read.
 */
function requiredColumns(columns: Columns, headerLine: number | undefined, diagnostics: ImportDiagnostic[]): boolean {
  let ok = true;
  if (columns.level3 === undefined) {
    const deepest: ColumnField | undefined = columns.level2 !== undefined ? 'level2' : columns.level1 !== undefined ? 'level1' : undefined;
    if (deepest) {
      diagnostics.push(
        diag('IMP003', 'warning', headerLine, undefined, {
          zh: `表头没有“三级指标”列，按“${FIELD_NAMES[deepest].zh}”列作为指标名称读取`,
          en: `no level-3 column; the ${FIELD_NAMES[deepest].en} column is read as the indicator name`,
        }),
      );
      columns.level3 = columns[deepest];
      delete columns[deepest];
    } else {
      ok = false;
      diagnostics.push(diag('IMP003', 'error', headerLine, undefined, { zh: '缺少指标名称列（三级指标）', en: 'missing the indicator name column (level-3)' }));
    }
  }
  const rubric = isRubric({ has: (f) => columns[f] !== undefined }) && columns.target === undefined && columns.actual === undefined;
  if (columns.target === undefined && columns.actual === undefined && !rubric) {
    ok = false;
    diagnostics.push(diag('IMP003', 'error', headerLine, undefined, { zh: '缺少“年度指标值”和“实际完成值”列', en: 'missing both the annual target and the actual value columns' }));
  }
  // a missing weight column is said once for the table, after its rows are read (IMP008)
  for (const f of rubric ? (['statedScore'] as const) : (['target', 'actual', 'statedScore'] as const)) {
    if (columns[f] === undefined && !(f === 'target' && columns.actual === undefined) && !(f === 'actual' && columns.target === undefined))
      diagnostics.push(
        diag('IMP003', 'warning', headerLine, undefined, {
          zh: `表头缺少“${FIELD_NAMES[f].zh}”列，该项按空值读取`,
          en: `no ${FIELD_NAMES[f].en} column; read as empty`,
        }),
      );
  }
  return ok;
}
