// One-line derivations of scores, built from the formula IR, the input values
// and a trace of which branch each `如果` took. The generated evaluator records
// the trace only in explain mode; the interpreter records the same trace.

import type { CmpOp, TargetShape } from '@jixiao/language';
import { type IrExpr, readsOf, varsOf } from './ir.ts';
import type { RowStatus } from './evaluator.ts';
import { formatNumber } from './numbers.ts';
import { BUDGET_VARS, VAR_LABEL, type VarId } from './vars.ts';

/** Preorder numbering of the `if` nodes of a formula; trace slot k belongs to the k-th. */
export function numberIfs(e: IrExpr, out: Map<IrExpr, number> = new Map()): Map<IrExpr, number> {
  switch (e.op) {
    case 'num':
    case 'var':
    case 'input':
    case 'share':
      break;
    case 'neg':
      numberIfs(e.x, out);
      break;
    case 'min':
    case 'max':
      e.args.forEach((a) => numberIfs(a, out));
      break;
    case 'if':
      out.set(e, out.size);
      numberIfs(e.c, out);
      numberIfs(e.t, out);
      numberIfs(e.e, out);
      break;
    default:
      numberIfs(e.l, out);
      numberIfs(e.r, out);
  }
  return out;
}

/**
 * Trace slot values: for each `如果` (numberIfs) 0 not reached, 1 then-branch, 2 else-branch;
 * after them, two slots per `占比` (numberShares): the rows that met the condition, and all.
 */
export type Trace = number[];

/** Preorder numbering of the `占比` nodes; share k records into trace slots ifs + 2k and ifs + 2k + 1. */
export function numberShares(e: IrExpr, out: Map<IrExpr, number> = new Map()): Map<IrExpr, number> {
  switch (e.op) {
    case 'num':
    case 'var':
    case 'input':
      break;
    case 'share':
      out.set(e, out.size);
      break;
    case 'neg':
      numberShares(e.x, out);
      break;
    case 'min':
    case 'max':
      e.args.forEach((a) => numberShares(a, out));
      break;
    case 'if':
      numberShares(e.c, out);
      numberShares(e.t, out);
      numberShares(e.e, out);
      break;
    default:
      numberShares(e.l, out);
      numberShares(e.r, out);
  }
  return out;
}

/** Trace slots a formula needs: its ifs, and two per share. */
export function traceSize(e: IrExpr): number {
  return numberIfs(e).size + 2 * numberShares(e).size;
}

/** What a formula's leaves stand for: variables, and declared inputs by index. */
export interface Values {
  v: (v: VarId) => number | null;
  input: (index: number) => number | null;
}

export const CMP_SYM: Record<CmpOp, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=', '!=': '≠' };
const CMP_NOT: Record<CmpOp, CmpOp> = { '>=': '<', '>': '<=', '<=': '>', '<': '>=', '=': '!=', '!=': '=' };
export const PREC: Record<string, number> = { if: 0, or: 1, and: 2, cmp: 3, '+': 4, '-': 4, '*': 5, '/': 5, neg: 6 };

function precOf(e: IrExpr, ifs: Map<IrExpr, number>, trace: Trace): number {
  if (e.op === 'if') {
    const k = trace[ifs.get(e) ?? -1] ?? 0;
    return k === 1 ? precOf(e.t, ifs, trace) : k === 2 ? precOf(e.e, ifs, trace) : 0;
  }
  return PREC[e.op] ?? 7;
}

/**
 * The formula with values substituted and only the branches taken, e.g. `4 × min(3 / 1, 1)`;
 * a share as its rows, `占比(数量指标 2/3)`.
 */
export function substitute(e: IrExpr, vals: Values | ((v: VarId) => number | null), ifs: Map<IrExpr, number>, trace: Trace, shares: Map<IrExpr, number> = new Map()): string {
  const values: Values = typeof vals === 'function' ? { v: vals, input: () => null } : vals;
  const go = (x: IrExpr): string => substitute(x, values, ifs, trace, shares);
  const wrap = (x: IrExpr, min: number) => (precOf(x, ifs, trace) < min ? `(${go(x)})` : go(x));
  switch (e.op) {
    case 'num':
      return e.text;
    case 'var':
      return formatNumber(values.v(e.v));
    case 'input':
      return formatNumber(values.input(e.index));
    case 'share': {
      const k = ifs.size + 2 * (shares.get(e) ?? 0);
      return `占比(${e.name} ${formatNumber(trace[k] ?? null)}/${formatNumber(trace[k + 1] ?? null)})`;
    }
    case 'neg':
      return `-${wrap(e.x, 6)}`;
    case '+':
    case '-':
    case '*':
    case '/': {
      const p = PREC[e.op]!;
      const sym = e.op === '*' ? '×' : e.op;
      return `${wrap(e.l, p)} ${sym} ${wrap(e.r, p + 1)}`;
    }
    case 'min':
    case 'max':
      return `${e.op}(${e.args.map(go).join(', ')})`;
    case 'if': {
      const k = trace[ifs.get(e) ?? -1] ?? 0;
      return k === 1 ? go(e.t) : k === 2 ? go(e.e) : '…';
    }
    case 'cmp':
      return `${wrap(e.l, 4)} ${CMP_SYM[e.cmp]} ${wrap(e.r, 4)}`;
    case 'and':
    case 'or':
      return `${wrap(e.l, PREC[e.op]!)} ${e.op === 'and' ? '且' : '或'} ${wrap(e.r, PREC[e.op]! + 1)}`;
  }
}

function holds(op: CmpOp, a: number, t: number): boolean {
  switch (op) {
    case '>=':
      return a >= t;
    case '>':
      return a > t;
    case '<=':
      return a <= t;
    case '<':
      return a < t;
    case '=':
      return a === t;
    case '!=':
      return a !== t;
  }
}

const CMP_ASCII: Record<CmpOp, string> = { '>=': '>=', '>': '>', '<=': '<=', '<': '<', '=': '=', '!=': '!=' };

/** How `printIr` writes a formula: as the author does, or for a reader (× ÷ ≥, 分 on points). */
export interface PrintStyle {
  /** × ÷ ≥ ≤ ≠ and `5 分` instead of * / >= <= != and `5` */
  symbols?: boolean;
  /** how the weight is called: 权重 in rules (the default), 分值 in an indicator's formula */
  weight?: string;
}

/**
 * A formula IR as the author writes it (`如果 实际 >= 目标 则 权重 否则 权重 * (实际 / 目标)`),
 * with the canonical variable names, or for a reader (`style.symbols`, the years diff in
 * words): the one printer of formulas for reports, coverage and diffs. (`substitute`
 * prints the same tree with values for explanations.)
 */
export function printIr(e: IrExpr, style: PrintStyle = {}): string {
  const go = (x: IrExpr) => printIr(x, style);
  const wrap = (x: IrExpr, min: number) => ((PREC[x.op] ?? 7) < min ? `(${go(x)})` : go(x));
  switch (e.op) {
    case 'num':
      return style.symbols && e.unit === 'points' ? `${e.text} 分` : e.text;
    case 'var':
      return e.v === 'W' && style.weight ? style.weight : VAR_LABEL[e.v];
    case 'input':
      return e.name;
    case 'share':
      return `占比(${e.name}, ${go(e.cond)})`;
    case 'neg':
      return `-${wrap(e.x, 6)}`;
    case '+':
    case '-':
    case '*':
    case '/': {
      const sym = style.symbols && e.op === '*' ? '×' : style.symbols && e.op === '/' ? '÷' : e.op;
      return `${wrap(e.l, PREC[e.op]!)} ${sym} ${wrap(e.r, PREC[e.op]! + 1)}`;
    }
    case 'min':
    case 'max':
      return `${e.op}(${e.args.map(go).join(', ')})`;
    case 'if':
      return `如果 ${wrap(e.c, 1)} 则 ${wrap(e.t, 1)} 否则 ${go(e.e)}`;
    case 'cmp':
      return `${wrap(e.l, 4)} ${(style.symbols ? CMP_SYM : CMP_ASCII)[e.cmp]} ${wrap(e.r, 4)}`;
    case 'and':
    case 'or':
      return `${wrap(e.l, PREC[e.op]!)} ${e.op === 'and' ? '且' : '或'} ${wrap(e.r, PREC[e.op]! + 1)}`;
  }
}

/** `实际 3 ≥ 目标 1`, `完成比例 0.8`, … describing the row against its target. */
export function shapeClause(shape: TargetShape | null, actual: number | null, target: number | null, fraction: number | null): string {
  if (shape === 'qualitative') return `完成比例 ${formatNumber(fraction)}`;
  if (shape === 'deadline') return `实际 ${formatNumber(actual)}，期限 ${formatNumber(target)}`;
  if (shape === null || actual === null || target === null) return `实际 ${formatNumber(actual)}，目标 ${formatNumber(target)}`;
  const op = holds(shape, actual, target) ? shape : CMP_NOT[shape];
  return `实际 ${formatNumber(actual)} ${CMP_SYM[op]} 目标 ${formatNumber(target)}`;
}

export interface RowExplainArgs {
  ruleName: string | null;
  formula: IrExpr | null;
  status: RowStatus;
  weight: number;
  shape: TargetShape | null;
  actual: number | null;
  target: number | null;
  fraction: number | null;
  trace: Trace;
  score: number;
}

export function explainRow(x: RowExplainArgs): string {
  const clause = shapeClause(x.shape, x.actual, x.target, x.fraction);
  switch (x.status) {
    case 'unplaced':
      return '未归入任何可填报的指标，不计分';
    case 'not-applicable':
      return '不适用，不计分';
    case 'no-rule':
      return `无适用规则（目标形状 ${x.shape === null ? '未知' : x.shape === 'qualitative' ? '定性' : x.shape === 'deadline' ? '期限' : x.shape}）→ 0`;
    case 'invalid-input':
      return `${x.ruleName}: ${clause}，分值 ${formatNumber(x.weight)}：输入缺失或超出定义域，不能计分 → 0`;
    case 'div-by-zero':
      return `${x.ruleName}: ${clause} → 除数为 0，不能计分 → 0`;
    case 'ok': {
      const vals = (v: VarId): number | null => (v === 'W' ? x.weight : v === 'actual' ? x.actual : v === 'target' ? x.target : v === 'fraction' ? x.fraction : null);
      const ifs = x.formula ? numberIfs(x.formula) : new Map<IrExpr, number>();
      const body = x.formula ? substitute(x.formula, vals, ifs, x.trace) : '0';
      const why = x.formula ? caseWhy(x.formula, ifs, x.weight, x.actual, x.target, x.fraction, x.trace) : '';
      return `${x.ruleName}: ${clause}${why} → ${body} = ${formatNumber(x.score)}`;
    }
  }
}

/**
 * The condition that chose the case a row was scored by, where the row's own comparison
 * (实际 ≥ 目标 …, already in the explanation) does not say it: a band (偏差 ≤ 目标 × 15%), a
 * grade of 实际 (实际 ≥ 85). A comparison of 实际 with 目标, or a guard against 0, is left out.
 */
function decidingCase(e: IrExpr, ifs: Map<IrExpr, number>, trace: Trace): { cond: IrExpr; holds: boolean } | null {
  let last: { cond: IrExpr; holds: boolean } | null = null;
  let cur = e;
  while (cur.op === 'if') {
    const k = trace[ifs.get(cur) ?? -1] ?? 0;
    if (k !== 1 && k !== 2) break;
    last = { cond: cur.c, holds: k === 1 };
    cur = k === 1 ? cur.t : cur.e;
  }
  if (!last) return null;
  const c = last.cond;
  const isVar = (x: IrExpr) => x.op === 'var' && (x.v === 'actual' || x.v === 'target');
  const isZero = (x: IrExpr) => x.op === 'num' && x.value === 0;
  if (c.op === 'cmp' && ((isVar(c.l) && isVar(c.r)) || (isVar(c.l) && isZero(c.r)) || (isZero(c.l) && isVar(c.r)))) return null;
  return last;
}

/**
 * `；` and the condition that chose the row's case with its values, as it held (`；max(336 -
 * 300, 300 - 336) ≤ 300 × 15%`), or '' when the row's comparison says it. Shared by explainRow
 * and the compiled explanations (codegen.ts), so both read the same.
 */
export function caseWhy(formula: IrExpr, ifs: Map<IrExpr, number>, w: number, a: number | null, t: number | null, f: number | null, trace: Trace): string {
  const d = decidingCase(formula, ifs, trace);
  if (!d) return '';
  const vals = (v: VarId): number | null => (v === 'W' ? w : v === 'actual' ? a : v === 'target' ? t : v === 'fraction' ? f : null);
  return `；${caseText(d, vals, ifs, trace)}`;
}

/** The deciding condition with the row's values, as it held: `max(336 - 300, 300 - 336) ≤ 300 × 15%`. */
function caseText(d: { cond: IrExpr; holds: boolean }, vals: (v: VarId) => number | null, ifs: Map<IrExpr, number>, trace: Trace): string {
  const c = d.cond;
  if (d.holds) return substitute(c, vals, ifs, trace);
  if (c.op === 'cmp') return substitute({ ...c, cmp: CMP_NOT[c.cmp] }, vals, ifs, trace);
  return `并非 ${substitute(c, vals, ifs, trace)}`;
}

/** What an indicator's own formula reads: the budget, its row's 实际/目标, the declared inputs. */
export interface SectionValues {
  budget: { initialBudget: number | null; budget: number | null; spent: number | null };
  row?: { actual: number | null; target: number | null } | null;
  inputs?: readonly (number | null)[];
}

export function explainSection(
  name: string,
  formula: IrExpr,
  status: 'ok' | 'div-by-zero' | 'invalid-input',
  weight: number,
  values: SectionValues,
  trace: Trace,
  score: number,
): string {
  const { budget } = values;
  const v = (x: VarId): number | null =>
    x === 'W'
      ? weight
      : x === 'initialBudget'
        ? budget.initialBudget
        : x === 'budget'
          ? budget.budget
          : x === 'spent'
            ? budget.spent
            : x === 'actual'
              ? (values.row?.actual ?? null)
              : x === 'target'
                ? (values.row?.target ?? null)
                : null;
  const input = (i: number) => values.inputs?.[i] ?? null;
  const reads = varsOf(formula);
  const budgetOnly = [...reads].every((x) => x === 'W' || BUDGET_VARS.has(x)) && readsOf(formula).inputs.size === 0;
  if (status === 'invalid-input') return budgetOnly ? `${name}: 预算数据缺失或为负，不能计分 → 0` : `${name}: 所需数据（预算、本指标的实际/目标或输入）缺失或为负，不能计分 → 0`;
  if (status === 'div-by-zero') return budgetOnly ? `${name}: 除数为 0（${VAR_LABEL.budget} 为 0?），不能计分 → 0` : `${name}: 除数为 0，不能计分 → 0`;
  return `${name}: ${substitute(formula, { v, input }, numberIfs(formula), trace, numberShares(formula))} = ${formatNumber(score)}`;
}

/** `部门管理: 行得分合计 38 ÷ 行分值合计 40 × 分值 20 = 19` */
export function explainScaled(name: string, raw: number, weightSum: number, cap: number, score: number): string {
  return `${name}: 各行分值合计 ${formatNumber(weightSum)} ≠ 分值 ${formatNumber(cap)}，按比例折算 ${formatNumber(raw)} ÷ ${formatNumber(weightSum)} × ${formatNumber(cap)} = ${formatNumber(score)}`;
}
