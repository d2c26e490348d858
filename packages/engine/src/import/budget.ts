// The budget block above the indicator table: a header row (年初预算数 | 全年预算数 |
// 全年执行数 | 分值 | 执行率 | 得分), the 年度资金总额 row, then 其中 rows per fund source;
// or the same figures as label/value pairs ("预算数：95 | 执行数：82.65"). Money is read in
// 万元 as written; "—" is an empty cell, other text is reported.

import type { Budget, FundRow } from '../filing/model.ts';
import { quote } from '../filing/message.ts';
import { cellText } from './cells.ts';
import { diag, type ImportDiagnostic } from './diagnostics.ts';
import type { Cell, GridRow } from './grid.ts';
import { isKnownLabel, normaliseLabel, UNUSUAL_LABELS } from './labels.ts';

export type BudgetField = 'initialBudget' | 'budget' | 'spent' | 'weight' | 'rate' | 'score';

export function budgetFieldOfLabel(text: string): BudgetField | null {
  const n = normaliseLabel(text).replace(/\d[\d,.]*$/, '');
  if (/^年初预算数?$|^年初预算/.test(n)) return 'initialBudget';
  if (/^(全年|实际|预算|全年预算)?执行数$/.test(n) && n !== '年执行数') return 'spent';
  if (/^(全年预算数|调整后预算数?|全年调整预算数|调整预算数|预算数|年执行数)$/.test(n)) return 'budget';
  if (/^分值$|^权重$/.test(n)) return 'weight';
  if (/执行率$/.test(n)) return 'rate';
  if (/^得分$/.test(n)) return 'score';
  return null;
}

/** A row of budget labels: at least two money columns among three labels or more. */
function budgetHeader(row: GridRow): Map<number, BudgetField> | null {
  const m = new Map<number, BudgetField>();
  row.cells.forEach((c, i) => {
    const f = budgetFieldOfLabel(c.text);
    if (f && !/\d/.test(c.text)) m.set(i, f);
  });
  const fields = new Set(m.values());
  const money = ['initialBudget', 'budget', 'spent'].filter((f) => fields.has(f as BudgetField)).length;
  if (!(money >= 2 && m.size >= 3)) return null;
  // 全年预算数 beside 调整后预算数: the adjusted budget is the year's budget
  const adjusted = [...m].find(([i, f]) => f === 'budget' && /调整/.test(row.cells[i]!.text));
  if (adjusted) for (const [i, f] of [...m]) if (f === 'budget' && i !== adjusted[0]) m.delete(i);
  return m;
}

/** Other labelled columns of the block (全年预算调剂金额): extra inputs, read from the total row. */
function extraColumns(row: GridRow, cols: Map<number, BudgetField>): Map<number, string> {
  const first = Math.min(...cols.keys());
  const out = new Map<number, string>();
  row.cells.forEach((c, i) => {
    const label = normaliseLabel(c.text);
    if (i > first && !cols.has(i) && label.length >= 2 && !/\d/.test(label) && /\p{Script=Han}/u.test(label) && budgetFieldOfLabel(label) === null && !isKnownLabel(label))
      out.set(i, label);
  });
  return out;
}

/** A figure read outside the indicator table, by its label. */
export interface ExtraInput {
  name: string;
  value: number;
  cell: Cell;
}

/** A money cell: a number (with 万元/元 after it), null when empty or a dash, 'bad' otherwise. */
export function moneyIn(text: string): number | null | 'bad' {
  const t = text.replace(/\s+/g, '');
  if (t === '' || /^[—－\-/／]+$/.test(t)) return null;
  const m = /(-?\d[\d,]*(?:\.\d+)?)(?:万元|元)?$/.exec(t);
  if (!m) return 'bad';
  return Number(m[1]!.replace(/,/g, ''));
}

/** Reads the budget block row by row, as the preamble meets it. */
export class BudgetBlock {
  private cols: Map<number, BudgetField> | null = null;
  private extra = new Map<number, string>();
  private budget: Budget | null = null;
  private readonly funds: FundRow[] = [];
  /** figures given as label/value pairs, used when there is no block */
  private readonly pairs: Partial<Record<BudgetField, number | null>> = {};
  private pairRate: string | null = null;
  private totalLine: number | null = null;
  /** extra inputs met in the block's columns */
  readonly inputs: ExtraInput[] = [];

  constructor(private readonly diagnostics: ImportDiagnostic[]) {}

  /** A budget header row starts the block (true); unusual spellings are reported. */
  header(row: GridRow): boolean {
    const bh = budgetHeader(row);
    if (!bh) return false;
    this.cols = bh;
    this.extra = extraColumns(row, bh);
    for (const c of row.cells) {
      const canonical = UNUSUAL_LABELS[normaliseLabel(c.text)];
      if (canonical)
        this.diagnostics.push(
          diag('IMP004', 'info', c.line, c.column, {
            zh: `预算表表头 ${quote(c.text)} 按“${canonical}”读取`,
            en: `budget header ${quote(c.text)} read as the annual budget (${quote('全年预算数')})`,
          }),
        );
    }
    return true;
  }

  /** Another part of the preamble (年度总体目标) ends the block. */
  end(): void {
    this.cols = null;
  }

  /** A row inside the block: true when it was read as a budget row, false when the block ended before it. */
  row(row: GridRow): boolean {
    const cols = this.cols;
    if (!cols) return false;
    const nums = [...cols.entries()].filter(([c, f]) => f !== 'rate' && moneyIn(cellText(row, c)) !== null && moneyIn(cellText(row, c)) !== 'bad');
    const firstMapped = Math.min(...cols.keys());
    const labelText = row.cells
      .slice(0, firstMapped)
      .map((c) => c.text)
      .filter((t) => t !== '')
      .join('');
    const fundName = labelText
      .replace(/^其中[:：]?/, '')
      .replace(/[:：]$/, '')
      .trim();
    const isFund = /财政拨款|结转|结余|其他资金|自有资金|其中/.test(labelText);
    if (nums.length === 0 && !isFund) {
      this.cols = null; // the block ended
      return false;
    }
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
        this.diagnostics.push(
          diag('IMP040', 'warning', cell?.line ?? row.line, cell?.column, {
            zh: `预算表中的 ${quote(text)} 不是数字，按空值读取`,
            en: `budget cell ${quote(text)} is not a number; read as empty`,
          }),
        );
        values[f] = null;
      } else values[f] = n;
    }
    if (isFund && this.budget) {
      this.funds.push({
        name: fundName || '其他资金',
        initialBudget: values.initialBudget ?? null,
        budget: values.budget ?? null,
        spent: values.spent ?? null,
      });
    } else if (!this.budget) {
      // the first row of figures is the total (年度资金总额)
      const budget: Budget = {
        initialBudget: values.initialBudget ?? null,
        budget: values.budget ?? null,
        spent: values.spent ?? null,
      };
      if (values.weight !== undefined) budget.weight = values.weight;
      if (rateText !== null) budget.statedRate = rateText;
      if (values.score !== undefined) budget.statedScore = values.score;
      this.budget = budget;
      this.totalLine = row.line;
      for (const [c, name] of this.extra) {
        const cell = row.cells[c];
        const n = moneyIn(cell?.text ?? '');
        if (cell && typeof n === 'number') this.inputs.push({ name, value: n, cell });
      }
    } else {
      this.diagnostics.push(
        diag('IMP042', 'warning', row.line, undefined, {
          zh: `预算表第 ${row.line} 行 ${quote(labelText || '(无名称)')} 不是可识别的资金来源，已忽略`,
          en: `budget row at line ${row.line} ${quote(labelText || '(no name)')} is not a known fund source; ignored`,
        }),
      );
    }
    return true;
  }

  /**
   * Budget figures from a row of label/value pairs ("预算数：95 | 执行数：82.65"). 分值,
   * 执行率 and 得分 count only beside money in the same row: alone they are not the budget's.
   */
  pairRow(pairs: { field: BudgetField; text: string }[]): boolean {
    if (!pairs.some((p) => p.field === 'initialBudget' || p.field === 'budget' || p.field === 'spent')) return false;
    for (const p of pairs) {
      if (p.field === 'rate') this.pairRate = p.text;
      else {
        const n = moneyIn(p.text);
        this.pairs[p.field] = typeof n === 'number' ? n : null;
      }
    }
    return true;
  }

  /** The block read, with its fund rows; null when the preamble had none. */
  result(): Budget | null {
    if (!this.budget && (this.pairs.initialBudget !== undefined || this.pairs.budget !== undefined || this.pairs.spent !== undefined)) {
      const p = this.pairs;
      this.budget = { initialBudget: p.initialBudget ?? null, budget: p.budget ?? null, spent: p.spent ?? null };
      if (p.weight !== undefined) this.budget.weight = p.weight;
      if (this.pairRate !== null) this.budget.statedRate = this.pairRate;
      if (p.score !== undefined) this.budget.statedScore = p.score;
    }
    if (this.budget && this.funds.length) {
      this.budget.funds = this.funds;
      this.totalFromFunds(this.budget);
    }
    return this.budget;
  }

  /**
   * 年度资金总额 0 / 0 / 0 while 其中 rows carry the money (安徽 2022 forms): the total is
   * read as the sum of its fund rows, and said so. A total that is empty or states money
   * of its own is left as filed.
   */
  private totalFromFunds(b: Budget): void {
    const money = ['initialBudget', 'budget', 'spent'] as const;
    const zero = money.every((f) => b[f] === 0 || b[f] === null) && money.some((f) => b[f] === 0);
    const carried = this.funds.some((fund) => money.some((f) => (fund[f] ?? 0) !== 0));
    if (!zero || !carried) return;
    const before = money.map((f) => b[f] ?? '—').join(' / ');
    for (const f of money) {
      const xs = this.funds.map((fund) => fund[f]).filter((x): x is number => x !== null && x !== undefined);
      b[f] = xs.length ? sumMoney(xs) : b[f];
    }
    const after = money.map((f) => b[f] ?? '—').join(' / ');
    const names = this.funds
      .filter((fund) => money.some((f) => (fund[f] ?? 0) !== 0))
      .map((fund) => fund.name)
      .join('、');
    this.diagnostics.push(
      diag('IMP043', 'warning', this.totalLine ?? undefined, undefined, {
        zh: `资金总额（年初预算数 / 全年预算数 / 全年执行数）填为 ${before}，而其中 ${names} 有金额；按其中各项之和 ${after} 读取。请核对原表`,
        en: `the fund total (initial budget / budget / spent) is filed as ${before} while ${names} carry money; read as the sum of the fund rows, ${after}. Check the original table`,
      }),
    );
  }
}

/** A sum of money to the millionth, as filed amounts are (no float drift: 0.1 + 0.2 is 0.3). */
function sumMoney(xs: number[]): number {
  return xs.reduce((s, x) => s + Math.round(x * 1e6), 0) / 1e6;
}
