// The budget block above the indicator table: a header row (年初预算数 | 全年预算数 |
// 全年执行数 | 分值 | 执行率 | 得分), the 年度资金总额 row, then 其中 rows per fund source.
// Money is read in 万元 as written; "—" is an empty cell, other text is reported.

import type { Budget, FundRow } from '../filing/model.ts';
import { quote } from '../filing/message.ts';
import { cellText } from './cells.ts';
import { diag, type ImportDiagnostic } from './diagnostics.ts';
import type { GridRow } from './grid.ts';
import { normaliseLabel, UNUSUAL_LABELS } from './labels.ts';

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

/** A row of budget labels: at least two money columns among three labels or more. */
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
  private budget: Budget | null = null;
  private readonly funds: FundRow[] = [];

  constructor(private readonly diagnostics: ImportDiagnostic[]) {}

  /** A budget header row starts the block (true); unusual spellings are reported. */
  header(row: GridRow): boolean {
    const bh = budgetHeader(row);
    if (!bh) return false;
    this.cols = bh;
    for (const c of row.cells) {
      const canonical = UNUSUAL_LABELS[normaliseLabel(c.text)];
      if (canonical)
        this.diagnostics.push(
          diag('IMP004', 'info', c.line, c.column, {
            zh: `预算表表头 ${quote(c.text)} 按“${canonical}”读取`,
            en: `budget header ${quote(c.text)} read as 全年预算数 (annual budget)`,
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
    const fundName = labelText.replace(/^其中[:：]?/, '').replace(/[:：]$/, '').trim();
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

  /** The block read, with its fund rows; null when the preamble had none. */
  result(): Budget | null {
    if (this.budget && this.funds.length) this.budget.funds = this.funds;
    return this.budget;
  }
}
