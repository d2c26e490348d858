// Labelled figures outside the indicator table: "预算数：95" in one cell, or a label cell
// followed by its value ("全年预算调剂金额 | 5"). Budget labels fill the budget (budget.ts);
// any other label is an extra input the table does not carry (R2's 全年预算调剂金额),
// kept by name on the filing: the template says which inputs it reads.

import { quote } from '../filing/message.ts';
import { parsePlainNumber } from '../filing/value.ts';
import { budgetFieldOfLabel, type BudgetBlock, type BudgetField } from './budget.ts';
import { diag, type ImportDiagnostic } from './diagnostics.ts';
import type { Cell, GridRow } from './grid.ts';
import { isKnownLabel } from './labels.ts';

export interface Pair {
  /** the label as written, without its colon */
  label: string;
  /** the value cell's text (a label：value cell: the part after the colon) */
  text: string;
  /** the cell holding the label */
  cell: Cell;
  /** the label's budget field, when it is one */
  budget: BudgetField | null;
}

/** A label: short text with a Chinese character and no digit, ending in an optional colon. */
function labelOf(text: string): string | null {
  const t = text.replace(/[\s\u00A0\u3000]+/g, '').replace(/[:：]$/, '');
  if (t.length < 2 || t.length > 24 || /\d/.test(t) || !/\p{Script=Han}/u.test(t)) return null;
  return t;
}

/** A value a pair may carry: a plain number, or a number of 万元 (the budget's unit); a rate only for 执行率. */
function valueOk(text: string, field: BudgetField | null): boolean {
  if (field === 'rate') return /^\d+(?:\.\d+)?\s*[%％]$/.test(text) || parsePlainNumber(text) !== null;
  return pairNumber(text) !== null;
}

/** The number of a pair's value: plain, or with 万元 after it (the filing's money unit). */
export function pairNumber(text: string): number | null {
  return parsePlainNumber(text.replace(/\s*万元$/, ''));
}

/**
 * The pairs of a row, when every non-empty cell of it belongs to one (a row of prose or of
 * a table is not a row of pairs). Empty: not a row of pairs.
 */
export function pairsOf(row: GridRow): Pair[] {
  const cells = row.cells.map((c, i) => ({ c, i })).filter(({ c }) => c.text !== '');
  const out: Pair[] = [];
  for (let k = 0; k < cells.length; k++) {
    const { c } = cells[k]!;
    // "label：value" in one cell
    const inline = /^([^:：]+)[:：]\s*(.+)$/.exec(c.text);
    if (inline) {
      const label = labelOf(inline[1]!);
      const field = label ? budgetFieldOfLabel(label) : null;
      if (!label || !valueOk(inline[2]!.trim(), field)) return [];
      out.push({ label, text: inline[2]!.trim(), cell: c, budget: field });
      continue;
    }
    // "label | value": the value is the next non-empty cell, at most two cells on
    const next = cells[k + 1];
    const label = labelOf(c.text);
    const field = label ? budgetFieldOfLabel(label) : null;
    if (!label || !next || next.i - cells[k]!.i > 2 || !valueOk(next.c.text, field)) return [];
    out.push({ label, text: next.c.text, cell: c, budget: field });
    k++;
  }
  return out;
}

/** Collects the extra inputs of a filing: the first value of each name counts. */
export class ExtraInputs {
  private readonly found: Record<string, number> = {};

  constructor(private readonly diagnostics: ImportDiagnostic[]) {}

  add(name: string, value: number, cell: Cell): void {
    // a name an object already has is no name for a figure (the model refuses it too)
    if (Object.hasOwn(this.found, name) || ['__proto__', 'constructor', 'prototype'].includes(name)) return;
    this.found[name] = value;
    this.diagnostics.push(
      diag('IMP014', 'info', cell.line, cell.column, {
        zh: `读入表外数据 ${quote(name)} = ${value}`,
        en: `extra input ${quote(name)} = ${value} read`,
      }),
    );
  }

  /**
   * A row of label/value pairs: budget labels to `budget` (when given and the row has
   * money), other labels as inputs. True when the row was one of pairs.
   */
  row(row: GridRow, budget?: BudgetBlock): boolean {
    const pairs = pairsOf(row);
    if (pairs.length === 0) return false;
    const money = budget?.pairRow(pairs.filter((p) => p.budget !== null).map((p) => ({ field: p.budget!, text: p.text }))) ?? false;
    for (const p of pairs) {
      if (p.budget !== null && money) continue;
      if (p.budget !== null || isKnownLabel(p.label)) continue;
      const n = pairNumber(p.text);
      if (n !== null && Number.isFinite(n)) this.add(p.label, n, p.cell);
    }
    return true;
  }

  result(): Record<string, number> | undefined {
    return Object.keys(this.found).length ? this.found : undefined;
  }
}
