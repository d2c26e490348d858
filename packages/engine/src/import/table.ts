// Grid → Filing: the table logic shared by the TSV and xlsx importers.
//
// The indicator table is found by its header row, not by position. Rows above it
// give the title (year, form), 主管部门/实施单位, the budget block and 年度总体目标;
// rows below it are indicator rows up to the 总分 row. Merged cells arrive as empty
// cells and mean "same as above" in the level columns. A row shifted by a missing
// cell is repaired and reported, never silently misread.

import { Filing, type Budget, type Deduction, type FundRow, type Goals, type IndicatorRow, type Section } from '../filing/model.ts';
import { quote } from '../filing/message.ts';
import { parsePlainNumber, parseValue, QUALITATIVE_WORDS } from '../filing/value.ts';
import { diag, hasErrors, type ImportDiagnostic } from './diagnostics.ts';
import type { Cell, Grid, GridRow } from './grid.ts';
import {
  budgetFieldOfLabel,
  COLUMN_FIELDS,
  detectHeader,
  FIELD_LABELS,
  fieldOfLabel,
  headerScore,
  normaliseLabel,
  UNUSUAL_LABELS,
  type BudgetField,
  type ColumnField,
  type Columns,
} from './header.ts';

export interface ImportResult {
  /** null when the input could not be read as a filing (see the error diagnostics) */
  filing: Filing | null;
  diagnostics: ImportDiagnostic[];
  /** tables: the column → field mapping used (detected or given), 0-based columns */
  columns?: Columns;
  /** tables: 1-based line (xlsx: row) of the header row used */
  headerLine?: number;
}

/** An explicit mapping, e.g. from the playground's column-mapping step. */
export interface ColumnMapping {
  /** field → 0-based column index */
  columns: Columns;
  /** 1-based line (xlsx: row) of the header row; indicator rows start below it. Detected when omitted. */
  headerLine?: number;
}

const FIELD_NAMES: Record<ColumnField, { zh: string; en: string }> = {
  label: { zh: '绩效指标', en: 'performance indicator (label column)' },
  level1: { zh: '一级指标', en: 'level-1 indicator' },
  level2: { zh: '二级指标', en: 'level-2 indicator' },
  level3: { zh: '三级指标', en: 'level-3 indicator' },
  indicatorValue: { zh: '指标值', en: 'indicator value' },
  target: { zh: '年度指标值', en: 'annual target' },
  actual: { zh: '实际完成值', en: 'actual value' },
  weight: { zh: '分值', en: 'weight' },
  statedScore: { zh: '得分', en: 'stated score' },
  reason: { zh: '偏差原因分析及改进措施', en: 'reason for deviation' },
  op: { zh: '计算符号', en: 'comparison sign' },
  unit: { zh: '计量单位', en: 'unit of measure' },
};

function cellText(row: GridRow | undefined, col: number | undefined): string {
  if (!row || col === undefined || col < 0) return '';
  return row.cells[col]?.text ?? '';
}

function cellAt(row: GridRow, col: number | undefined): Cell | undefined {
  return col === undefined ? undefined : row.cells[col];
}

function pos(row: GridRow, col: number | undefined): { line: number; column: number } {
  const c = cellAt(row, col);
  return c ? { line: c.line, column: c.column } : { line: row.line, column: 1 };
}

const QUOTES = /^[“”"'‘’「」『』]+|[“”"'‘’「」『』]+$/g;

export function stripNameQuotes(name: string): string {
  return name.replace(QUOTES, '').trim();
}

/** "产出指标(70分)" / "产出指标（70分）" / "产出指标 70分" → name and cap. */
export function splitCap(text: string): { name: string; cap: number | null } {
  const m = /^(.*?)\s*[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]\s*$/.exec(text) ?? /^(.*?[^\d\s.])\s*(\d+(?:\.\d+)?)\s*分\s*$/.exec(text);
  if (m && m[1]!.trim() !== '') return { name: m[1]!.trim(), cap: Number(m[2]) };
  return { name: text, cap: null };
}

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

function isTotalLabel(text: string): boolean {
  return /^(总分|合计|总计|综合得分|总得分|自评总分|得分合计|总分值)$/.test(normaliseLabel(text));
}

const DEDUCTION = /扣分|扣减/;

function isNoteLabel(text: string): boolean {
  return /^(注[:：\d.、]|注$|说明[:：]|其他需要说明|备注|填表说明|填报说明|评价结论|审核意见)/.test(text.replace(/\s+/g, ''));
}

function numbersIn(row: GridRow, from = 0): { value: number; col: number }[] {
  const out: { value: number; col: number }[] = [];
  row.cells.forEach((c, i) => {
    if (i < from) return;
    const n = parsePlainNumber(c.text);
    if (n !== null) out.push({ value: n, col: i });
  });
  return out;
}

function firstNonEmpty(row: GridRow): { cell: Cell; col: number } | null {
  for (let i = 0; i < row.cells.length; i++) if (row.cells[i]!.text !== '') return { cell: row.cells[i]!, col: i };
  return null;
}

function isEmptyRow(row: GridRow): boolean {
  return row.cells.every((c) => c.text === '');
}

/** Import a grid: detect the header (or use the given mapping) and build the filing. */
export function importGrid(grid: Grid, mapping?: ColumnMapping): ImportResult {
  const diagnostics: ImportDiagnostic[] = [];
  if (grid.rows.every(isEmptyRow)) {
    diagnostics.push(diag('IMP002', 'error', undefined, undefined, { zh: '输入为空：没有找到表格', en: 'empty input: no table found' }));
    return { filing: null, diagnostics };
  }

  const detected = detectHeader(grid);
  let columns: Columns;
  let headerIdx: number[]; // grid row indices of the header
  if (mapping) {
    columns = { ...mapping.columns };
    const width = Math.max(...grid.rows.map((r) => r.cells.length), 0);
    const seen = new Map<number, ColumnField>();
    for (const f of COLUMN_FIELDS) {
      const c = columns[f];
      if (c === undefined) continue;
      const other = seen.get(c);
      if (!Number.isInteger(c) || c < 0 || c >= Math.max(width, 1) || (other !== undefined && f !== 'indicatorValue' && other !== 'indicatorValue')) {
        diagnostics.push(
          diag('IMP006', 'error', undefined, undefined, {
            zh: `列映射无效：${FIELD_NAMES[f].zh} 映射到第 ${Number(c) + 1} 列，${other ? `该列已映射为${FIELD_NAMES[other].zh}` : `表格只有 ${width} 列`}`,
            en: `invalid column mapping: ${FIELD_NAMES[f].en} mapped to column ${Number(c) + 1}, ${other ? `already mapped to ${FIELD_NAMES[other].en}` : `the table has ${width} columns`}`,
          }),
        );
      } else seen.set(c, f);
    }
    if (hasErrors(diagnostics)) return { filing: null, diagnostics, columns };
    if (mapping.headerLine !== undefined) {
      const idx = grid.rows.findIndex((r) => r.line === mapping.headerLine);
      headerIdx = idx >= 0 ? [idx] : [];
    } else headerIdx = detected ? detected.rowIndices : [];
  } else {
    if (!detected) {
      const expected = (['level1', 'level2', 'level3', 'target', 'actual', 'weight', 'statedScore'] as ColumnField[])
        .map((f) => FIELD_LABELS[f].slice(0, 3).join('/'))
        .join('、');
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
            en: `no indicator header row found. Expected columns: level-1/2/3 indicator, annual target, actual value, weight, stated score (at least a name column, a target or actual column and a weight or score column). ${found.length ? `Labels found: ${[...new Set(found)].join(', ')}` : 'No known label found'}`,
          },
          { zh: '请检查表头，或在列映射步骤中手动指定各列（importTsvWithMapping）', en: 'check the header row, or map the columns by hand (importTsvWithMapping)' },
        ),
      );
      return { filing: null, diagnostics };
    }
    columns = detected.columns;
    headerIdx = detected.rowIndices;
    for (const l of detected.labels) {
      const n = normaliseLabel(l.text);
      const canonical = UNUSUAL_LABELS[n];
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
  }

  // required columns
  const headerLine = headerIdx.length ? grid.rows[headerIdx[0]!]!.line : undefined;
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
      diagnostics.push(diag('IMP003', 'error', headerLine, undefined, { zh: '缺少指标名称列（三级指标）', en: 'missing the indicator name column (level-3)' }));
    }
  }
  if (columns.target === undefined && columns.actual === undefined) {
    diagnostics.push(
      diag('IMP003', 'error', headerLine, undefined, { zh: '缺少“年度指标值”和“实际完成值”列', en: 'missing both the annual target and the actual value columns' }),
    );
  }
  for (const f of ['target', 'actual', 'weight', 'statedScore'] as const) {
    if (columns[f] === undefined && !(f === 'target' && columns.actual === undefined) && !(f === 'actual' && columns.target === undefined))
      diagnostics.push(
        diag('IMP003', 'warning', headerLine, undefined, {
          zh: `表头缺少“${FIELD_NAMES[f].zh}”列，该项按空值读取`,
          en: `no ${FIELD_NAMES[f].en} column; read as empty`,
        }),
      );
  }
  if (hasErrors(diagnostics)) return { filing: null, diagnostics, columns, ...(headerLine !== undefined ? { headerLine } : {}) };

  const filing: Filing = { rows: [] };
  const firstData = headerIdx.length ? Math.max(...headerIdx) + 1 : 0;
  readPreamble(grid, headerIdx.length ? Math.min(...headerIdx) : 0, filing, diagnostics);
  readRows(grid, firstData, columns, filing, diagnostics, headerIdx.length === 0);

  const check = Filing.safeParse(filing);
  if (!check.success) {
    for (const i of check.error.issues)
      diagnostics.push(
        diag('IMP061', 'error', undefined, undefined, {
          zh: `导入结果不符合填报模型：${i.path.join('.')}：${i.message}`,
          en: `imported filing does not match the model: ${i.path.join('.')}: ${i.message}`,
        }),
      );
    return { filing: null, diagnostics, columns, ...(headerLine !== undefined ? { headerLine } : {}) };
  }
  return { filing, diagnostics: sortDiagnostics(diagnostics), columns, ...(headerLine !== undefined ? { headerLine } : {}) };
}

/** Order by position; diagnostics without a line keep their order after the positioned ones. */
export function sortDiagnostics(ds: ImportDiagnostic[]): ImportDiagnostic[] {
  const withLine = ds.filter((d) => d.line !== undefined);
  const without = ds.filter((d) => d.line === undefined);
  withLine.sort((a, b) => a.line! - b.line! || (a.column ?? 0) - (b.column ?? 0));
  return [...withLine, ...without];
}

// ───────────────────────── rows above the header ─────────────────────────

const KV_LABELS: [RegExp, 'department' | 'unit' | 'project'][] = [
  [/主管部门(?:名称)?/, 'department'],
  [/部门名称/, 'department'],
  [/实施单位(?:名称)?/, 'unit'],
  [/(?:预算)?单位名称|预算单位/, 'unit'],
  [/项目名称/, 'project'],
];

function kvLabel(text: string): { key: 'department' | 'unit' | 'project'; inline: string } | null {
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

function budgetHeader(row: GridRow): Map<number, BudgetField> | null {
  const m = new Map<number, BudgetField>();
  row.cells.forEach((c, i) => {
    const f = budgetFieldOfLabel(c.text);
    if (f && !/\d/.test(c.text)) m.set(i, f);
  });
  const fields = new Set(m.values());
  const money = ['initialBudget', 'budget', 'spent'].filter((f) => fields.has(f as BudgetField)).length;
  return money >= 2 && m.size >= 3 ? m : null;
}

function moneyIn(text: string): number | null | 'bad' {
  const t = text.replace(/\s+/g, '');
  if (t === '' || /^[—－\-/／]+$/.test(t)) return null;
  const m = /(-?\d[\d,]*(?:\.\d+)?)(?:万元|元)?$/.exec(t);
  if (!m) return 'bad';
  return Number(m[1]!.replace(/,/g, ''));
}

function readPreamble(grid: Grid, end: number, filing: Filing, diagnostics: ImportDiagnostic[]): void {
  let budgetCols: Map<number, BudgetField> | null = null;
  let goalCols: { expected: number | null; actual: number | null } | null = null;
  const goals: Goals = { expected: '', actual: '' };
  let budget: Budget | null = null;
  const funds: FundRow[] = [];

  for (let r = 0; r < end; r++) {
    const row = grid.rows[r]!;
    if (isEmptyRow(row)) continue;

    // the report text around the table may state its own total: "自评得分100分"
    if (filing.reportTotal === undefined) {
      for (const c of row.cells) {
        const m = /自评(?:总)?得分(?:为)?\s*(\d+(?:\.\d+)?)\s*分/.exec(c.text);
        if (!m) continue;
        filing.reportTotal = Number(m[1]);
        diagnostics.push(
          diag('IMP013', 'info', c.line, c.column, { zh: `从报告正文读出自评得分 ${m[1]} 分`, en: `the report text states a total of ${m[1]}` }),
        );
        break;
      }
    }

    // title
    if (filing.title === undefined) {
      const t = row.cells.find((c) => /自评表|评价表|自评报告|绩效.{0,12}表/.test(c.text));
      if (t) {
        filing.title = t.text;
        readTitle(t, filing, diagnostics);
        continue;
      }
    }

    // 主管部门 / 实施单位 / 项目名称
    let kvHit = false;
    for (let i = 0; i < row.cells.length; i++) {
      const k = kvLabel(row.cells[i]!.text);
      if (!k) continue;
      kvHit = true;
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
    if (kvHit) continue;

    // 年度总体目标
    const goalCell = row.cells.findIndex((c) => /^(年度)?(总体)?目标$|^年度总体目标/.test(normaliseLabel(c.text)) && c.text.length <= 10);
    if (goalCell >= 0 && /总体目标/.test(row.cells[goalCell]!.text)) {
      budgetCols = null;
      const e = row.cells.findIndex((c) => /^预期目标/.test(normaliseLabel(c.text)));
      const a = row.cells.findIndex((c) => /^实际完成情况|^实际完成|^完成情况/.test(normaliseLabel(c.text)));
      goalCols = { expected: e >= 0 ? e : null, actual: a >= 0 ? a : null };
      if (e < 0 && a < 0) {
        // "年度总体目标 | expected text | actual text" in one row
        const texts = row.cells.filter((c, i) => i !== goalCell && c.text !== '');
        if (texts[0]) goals.expected = texts[0].text;
        if (texts[1]) goals.actual = texts[1].text;
      }
      continue;
    }

    // budget block header
    const bh = budgetHeader(row);
    if (bh) {
      budgetCols = bh;
      for (const c of row.cells) {
        const canonical = UNUSUAL_LABELS[normaliseLabel(c.text)];
        if (canonical)
          diagnostics.push(
            diag('IMP004', 'info', c.line, c.column, {
              zh: `预算表表头 ${quote(c.text)} 按“${canonical}”读取`,
              en: `budget header ${quote(c.text)} read as 全年预算数 (annual budget)`,
            }),
          );
      }
      goalCols = null;
      continue;
    }
    if (budgetCols) {
      const cols = budgetCols;
      const nums = [...cols.entries()].filter(([c, f]) => f !== 'rate' && moneyIn(cellText(row, c)) !== null && moneyIn(cellText(row, c)) !== 'bad');
      const firstMapped = Math.min(...cols.keys());
      const labelText = row.cells
        .slice(0, firstMapped)
        .map((c) => c.text)
        .filter((t) => t !== '')
        .join('');
      const fundName = labelText.replace(/^其中[:：]?/, '').replace(/[:：]$/, '').trim();
      const isFund = /财政拨款|结转|结余|其他资金|自有资金|其中/.test(labelText);
      if (nums.length === 0 && !isFund) {
        budgetCols = null; // the block ended
      } else {
        const values: Partial<Record<BudgetField, number | null>> = {};
        let rateText: string | null = null;
        for (const [c, f] of cols) {
          const cell = row.cells[c];
          const text = cell?.text ?? '';
          if (f === 'rate') {
            rateText = text.replace(/^[^\d—－\-/]*(?=\d)/, '') || null;
            if (rateText && /^[—－\-/／]+$/.test(rateText)) rateText = null;
            continue;
          }
          const n = moneyIn(text);
          if (n === 'bad') {
            diagnostics.push(
              diag('IMP040', 'warning', cell?.line ?? row.line, cell?.column, {
                zh: `预算表中的 ${quote(text)} 不是数字，按空值读取`,
                en: `budget cell ${quote(text)} is not a number; read as empty`,
              }),
            );
            values[f] = null;
          } else values[f] = n;
        }
        if (isFund && budget) {
          funds.push({
            name: fundName || '其他资金',
            initialBudget: values.initialBudget ?? null,
            budget: values.budget ?? null,
            spent: values.spent ?? null,
          });
        } else if (!budget) {
          budget = {
            initialBudget: values.initialBudget ?? null,
            budget: values.budget ?? null,
            spent: values.spent ?? null,
          };
          if (values.weight !== undefined) budget.weight = values.weight;
          if (rateText !== null) budget.statedRate = rateText;
          if (values.score !== undefined) budget.statedScore = values.score;
        } else {
          diagnostics.push(
            diag('IMP042', 'warning', row.line, undefined, {
              zh: `预算表第 ${row.line} 行 ${quote(labelText || '(无名称)')} 不是可识别的资金来源，已忽略`,
              en: `budget row at line ${row.line} ${quote(labelText || '(no name)')} is not a known fund source; ignored`,
            }),
          );
        }
        continue;
      }
    }

    if (goalCols) {
      for (let i = 0; i < row.cells.length; i++) {
        const t = row.cells[i]!.text;
        if (t === '') continue;
        const toActual = goalCols.actual !== null && i >= goalCols.actual && (goalCols.expected === null || goalCols.actual > goalCols.expected);
        if (toActual) goals.actual = goals.actual ? `${goals.actual}\n${t}` : t;
        else goals.expected = goals.expected ? `${goals.expected}\n${t}` : t;
      }
      continue;
    }
  }

  if (filing.year === undefined) {
    // "（2022年度）" on a line of its own under the title
    for (let r = 0; r < end && filing.year === undefined; r++) {
      for (const c of grid.rows[r]!.cells) {
        const y = /^[（(]?\s*((?:19|20)\d{2})\s*年度?\s*[)）]?$/.exec(c.text);
        if (y) {
          filing.year = Number(y[1]);
          diagnostics.push(
            diag('IMP011', 'info', c.line, c.column, { zh: `从 ${quote(c.text)} 读出年度 ${filing.year}`, en: `year ${filing.year} read from ${quote(c.text)}` }),
          );
          break;
        }
      }
    }
  }
  if (filing.title === undefined) {
    diagnostics.push(
      diag('IMP010', 'info', undefined, undefined, {
        zh: '没有找到表格标题，无法从标题读出年度和表单类型',
        en: 'no title found; the year and the form cannot be read from it',
      }),
    );
  }
  if (budget) {
    if (funds.length) budget.funds = funds;
    filing.budget = budget;
  } else {
    diagnostics.push(diag('IMP041', 'info', undefined, undefined, { zh: '没有找到预算执行表（年初预算数/全年预算数/全年执行数）', en: 'no budget block (初/全年预算数/全年执行数) found' }));
  }
  if (goals.expected || goals.actual) filing.goals = goals;
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

// ───────────────────────── indicator rows ─────────────────────────

function readRows(grid: Grid, start: number, columns: Columns, filing: Filing, diagnostics: ImportDiagnostic[], noHeader: boolean): void {
  const sections: Section[] = [];
  const sectionOf = (name: string): Section => {
    let s = sections.find((x) => x.name === name);
    if (!s) {
      s = { name, statedCap: null };
      sections.push(s);
    }
    return s;
  };
  const deductions: Deduction[] = [];
  const mappedCols = COLUMN_FIELDS.map((f) => columns[f]).filter((c): c is number => c !== undefined);
  const width = Math.max(...mappedCols) + 1;
  let prevL1 = '';
  let prevL2 = '';
  let afterTotal = false;
  let sawTotal = false;
  // the leftmost indicator-name column: where a row's level-1 name stands when there is no level-1 column
  const nameCol = Math.min(...(['label', 'level1', 'level2', 'level3'] as const).map((f) => columns[f] ?? Infinity));
  // rows under a merged level-1 cell that says 扣分/扣减
  let inDeductions = false;

  for (let r = start; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    if (isEmptyRow(row)) continue;
    const first = firstNonEmpty(row)!;
    if (isNoteLabel(first.cell.text)) break;

    // a repeated header (multi-page copies)
    if (headerScore(grid, r) > 0) continue;

    // 扣分 rows: the level-1 cell itself says 扣分/扣减 (or the first cell, at or left of the
    // level-1 position), the row sits under such a merged level-1 cell, or it follows the
    // 总分 row. A level-3 name that contains 扣减 under merged level-1/2 cells
    // ("扣减不合规支出金额") is an indicator of the section above, like every merged row.
    const l1Text = columns.level1 !== undefined ? cellText(row, columns.level1) : '';
    const atLevel1 = first.col <= (columns.level1 ?? nameCol);
    const saysDeduction = DEDUCTION.test(l1Text) || (atLevel1 && DEDUCTION.test(first.cell.text));
    if (l1Text !== '' || atLevel1) inDeductions = saysDeduction;
    if (saysDeduction || inDeductions || (afterTotal && DEDUCTION.test(first.cell.text))) {
      const nums = numbersIn(row, first.col + 1);
      const last = nums[nums.length - 1];
      if (last) {
        const reason = row.cells
          .filter((c, i) => i !== last.col && c.text !== '' && parsePlainNumber(c.text) === null)
          .map((c) => c.text)
          .join(' ');
        deductions.push({ reason, points: Math.abs(last.value) });
        diagnostics.push(
          diag('IMP051', 'info', row.line, first.cell.column, {
            zh: `读入扣分 ${Math.abs(last.value)} 分：${quote(reason)}`,
            en: `deduction of ${Math.abs(last.value)} read: ${quote(reason)}`,
          }),
        );
      }
      continue;
    }

    // 总分 row: stated total = its last number, the weight total the one before
    if (isTotalLabel(first.cell.text)) {
      const nums = numbersIn(row, first.col + 1);
      if (nums.length >= 2) {
        filing.statedWeightTotal = nums[nums.length - 2]!.value;
        filing.statedTotal = nums[nums.length - 1]!.value;
      } else if (nums.length === 1) {
        filing.statedTotal = nums[0]!.value;
      } else filing.statedTotal = null;
      afterTotal = true;
      sawTotal = true;
      continue;
    }
    if (afterTotal) continue;

    // names and values as the cells stand
    let raw1 = cellText(row, columns.level1);
    let raw2 = cellText(row, columns.level2);
    let raw3 = cellText(row, columns.level3);
    let get = (f: ColumnField): Cell | undefined => cellAt(row, columns[f]);

    // a row shifted by a missing level cell: the level-3 column holds a value
    let repaired = false;
    if (columns.level2 !== undefined && columns.level3 !== undefined && raw3 !== '' && raw2 !== '' && looksLikeValue(raw3) && !looksLikeValue(raw2)) {
      repaired = true;
      const l3cell = cellAt(row, columns.level3)!;
      const scoreEmpty = columns.statedScore !== undefined && cellText(row, columns.statedScore) === '';
      const trueShift = scoreEmpty && columns.weight !== undefined && cellText(row, columns.weight) !== '';
      const name = raw2;
      raw3 = name;
      raw2 = '';
      if (trueShift) {
        // every cell from the level-3 column on moved one column left: read them one column to the left
        const l3 = columns.level3;
        get = (f) => {
          const c = columns[f];
          if (c === undefined) return undefined;
          return c > l3 ? cellAt(row, c - 1) : cellAt(row, c);
        };
        diagnostics.push(
          diag(
            'IMP020',
            'warning',
            l3cell.line,
            l3cell.column,
            {
              zh: `第 ${row.line} 行错位：三级指标列是取值 ${quote(l3cell.text)} 而不是指标名称，得分列为空；已按整行左移一列修复：三级指标为 ${quote(name)}，其后各列右移一列读取。请核对原表`,
              en: `line ${row.line} is shifted: the level-3 column holds the value ${quote(l3cell.text)}, not a name, and the score column is empty; repaired as shifted one column left: level-3 = ${quote(name)}, the following cells read one column to the right. Check the original table`,
            },
          ),
        );
      } else {
        diagnostics.push(
          diag('IMP020', 'warning', l3cell.line, l3cell.column, {
            zh: `第 ${row.line} 行错位：三级指标列是取值 ${quote(l3cell.text)} 而不是指标名称，且取值多出一格；已修复：三级指标为 ${quote(name)}，二级指标沿用上一行，多出的 ${quote(l3cell.text)} 已舍弃。请核对原表`,
            en: `line ${row.line} is shifted: the level-3 column holds the value ${quote(l3cell.text)}, not a name, and there is one value cell too many; repaired: level-3 = ${quote(name)}, level-2 as the row above, the surplus ${quote(l3cell.text)} dropped. Check the original table`,
          }),
        );
      }
    }

    // level-1 and level-2 with their caps; empty means "same as above"
    let l1 = prevL1;
    let newSection = false;
    if (raw1 !== '') {
      const { name, cap } = splitCap(stripNameQuotes(raw1));
      l1 = name;
      newSection = name !== prevL1;
      const s = sectionOf(name);
      if (cap !== null) {
        s.statedCap = cap;
        const c = cellAt(row, columns.level1)!;
        diagnostics.push(
          diag('IMP024', 'info', c.line, c.column, { zh: `从 ${quote(raw1)} 读出一级指标分值 ${cap}`, en: `cap ${cap} read from ${quote(raw1)}` }),
        );
      }
    } else if (prevL1 === '' && columns.level1 !== undefined) {
      diagnostics.push(
        diag('IMP023', 'warning', row.line, undefined, {
          zh: `第 ${row.line} 行没有一级指标名称，上方也没有可沿用的名称`,
          en: `line ${row.line} has no level-1 name and none above to inherit`,
        }),
      );
    }
    let l2 = prevL2;
    if (raw2 !== '') {
      const { name, cap } = splitCap(stripNameQuotes(raw2));
      l2 = name;
      if (cap !== null && l1 !== '') {
        const s = sectionOf(l1);
        (s.groups ??= []).push({ name, statedCap: cap });
        const c = cellAt(row, columns.level2)!;
        diagnostics.push(
          diag('IMP024', 'info', c.line, c.column, { zh: `从 ${quote(raw2)} 读出二级指标分值 ${cap}`, en: `cap ${cap} read from ${quote(raw2)}` }),
        );
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
    prevL1 = l1;
    prevL2 = l2;

    const weightCell = get('weight');
    const scoreCell = get('statedScore');
    const targetText = combine(get('op')?.text ?? '', get('target')?.text ?? '', get('unit')?.text ?? '');
    const actualText = combine('', get('actual')?.text ?? '', get('unit')?.text ?? '');
    const ivText = get('indicatorValue')?.text ?? '';
    const anyValue = targetText !== '' || actualText !== '' || ivText !== '';

    // name quotes
    let l3 = raw3;
    const unquoted = stripNameQuotes(raw3);
    if (unquoted !== raw3) {
      const c = cellAt(row, columns.level3)!;
      diagnostics.push(
        diag('IMP025', 'info', c.line, c.column, { zh: `指标名称 ${raw3} 去掉引号读作 ${quote(unquoted)}`, en: `indicator name ${raw3} read without quotes as ${quote(unquoted)}` }),
      );
      l3 = unquoted;
    }

    const weight = readNumber(weightCell, 'IMP030', '分值', 'weight', diagnostics);
    const statedScore = readNumber(scoreCell, 'IMP031', '得分', 'stated score', diagnostics);

    if (l3 === '') {
      if (!anyValue && (weight !== null || statedScore !== null) && (raw1 !== '' || raw2 !== '')) {
        // a section or group subtotal row: "产出指标 | | | | 50 | 48"
        if (raw2 === '' && l1 !== '') {
          const s = sectionOf(l1);
          if (weight !== null && s.statedCap === null) s.statedCap = weight;
          if (statedScore !== null) s.statedScore = statedScore;
        } else if (l1 !== '') {
          const s = sectionOf(l1);
          const g = (s.groups ??= []).find((x) => x.name === l2);
          if (g) {
            if (g.statedCap === null) g.statedCap = weight;
          } else s.groups.push({ name: l2, statedCap: weight });
        }
        continue;
      }
      if (!anyValue && weight === null && statedScore === null) continue;
      if (noHeader && weight === null && statedScore === null) continue;
      diagnostics.push(
        diag('IMP022', 'warning', row.line, undefined, {
          zh: `第 ${row.line} 行有取值但没有三级指标名称`,
          en: `line ${row.line} has values but no level-3 indicator name`,
        }),
      );
    }
    if (noHeader && weight === null && statedScore === null && !anyValue) continue;

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
    out.source = pos(row, repaired ? columns.level2 : columns.level3);
    filing.rows.push(out);
    if (l1 !== '') sectionOf(l1);
  }

  if (sections.length) filing.sections = sections;
  if (deductions.length) filing.deductions = deductions;
  if (!sawTotal)
    diagnostics.push(diag('IMP050', 'info', undefined, undefined, { zh: '没有找到“总分”行', en: 'no total (总分) row found' }));
}

/** Combine 计算符号 / value / 计量单位 columns into one target text ("≥" "90" "%" → "≥90%"). */
function combine(op: string, value: string, unit: string): string {
  if (value === '') return '';
  let t = value;
  if (op !== '' && !/^[≥≤><=＞＜＝]/.test(t) && !/^(定性|—|-)$/.test(op)) t = `${op}${t}`;
  if (unit !== '' && /\d$/.test(t) && !/^(—|-|\/)$/.test(unit)) t = `${t}${unit}`;
  return t;
}

function readNumber(
  cell: Cell | undefined,
  code: 'IMP030' | 'IMP031',
  zh: string,
  en: string,
  diagnostics: ImportDiagnostic[],
): number | null {
  const text = cell?.text ?? '';
  if (text === '') return null;
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
