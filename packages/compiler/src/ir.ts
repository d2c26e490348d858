// A small IR for score formulas: canonical variables, numeric literals with
// their display text, and nothing else. Codegen, the interpreter and the
// explanation printer all walk this.

import type { CmpOp, Expr } from '@jixiao/language';
import { BUDGET_VARS, type VarId, lookupVar } from './vars.ts';

export type IrExpr =
  /** `unit`: 5 分 is points, 0.8 and 80% are numbers, a bare 0 fits either (the proof needs it) */
  | { op: 'num'; value: number; text: string; unit: 'points' | 'number' | 'zero' }
  | { op: 'var'; v: VarId }
  | { op: 'neg'; x: IrExpr }
  | { op: '+' | '-' | '*' | '/'; l: IrExpr; r: IrExpr }
  | { op: 'min' | 'max'; args: IrExpr[] }
  | { op: 'if'; c: IrExpr; t: IrExpr; e: IrExpr }
  | { op: 'cmp'; cmp: CmpOp; l: IrExpr; r: IrExpr }
  | { op: 'and' | 'or'; l: IrExpr; r: IrExpr }
  /** a declared input (`输入 全年预算调剂金额`), by its index in CheckedTemplate.inputs */
  | { op: 'input'; index: number; name: string }
  /** `占比(组, 条件)`: the share of the rows of row set `set` (CheckedTemplate.rowSets) for which `cond` holds */
  | { op: 'share'; set: number; name: string; cond: IrExpr };

/** Names a formula may use beyond the variables: declared inputs and row sets (by index). */
export interface LowerScope {
  inputs: ReadonlyMap<string, number>;
  /** a row set's index by its group name, adding it when new */
  rowSet(name: string): number;
}

const NO_SCOPE: LowerScope = {
  inputs: new Map(),
  rowSet: () => {
    throw new Error('internal: 占比 outside a scope with row sets');
  },
};

/** Lower a checked expression. Percent literals become fractions; `5 分` becomes 5. */
export function lower(e: Expr, scope: LowerScope = NO_SCOPE): IrExpr {
  const lower1 = (x: Expr) => lower(x, scope);
  switch (e.kind) {
    case 'Number': {
      const q = e.quantity;
      const pct = q.unit === '%' || q.unit === '％';
      const unit = q.unit === '分' ? 'points' : q.value === 0 && (pct || !q.unit) ? 'zero' : 'number';
      return { op: 'num', value: pct ? q.value / 100 : q.value, text: pct ? `${q.text}%` : q.text, unit };
    }
    case 'Var': {
      const v = lookupVar(e.name);
      if (v !== null) return { op: 'var', v };
      const index = scope.inputs.get(e.name);
      if (index === undefined) throw new Error(`internal: unchecked variable ${e.name}`);
      return { op: 'input', index, name: e.name };
    }
    case 'Unary':
      return { op: 'neg', x: lower1(e.operand) };
    case 'Binary':
      return { op: e.op, l: lower1(e.left), r: lower1(e.right) };
    case 'Call':
      return { op: e.fn, args: e.args.map(lower1) };
    case 'Share':
      return { op: 'share', set: scope.rowSet(e.group.text), name: e.group.text, cond: lower1(e.cond) };
    case 'If':
      return { op: 'if', c: lower1(e.cond), t: lower1(e.then), e: lower1(e.else) };
    case 'Compare':
      return { op: 'cmp', cmp: e.op, l: lower1(e.left), r: lower1(e.right) };
    case 'Logical':
      return { op: e.op, l: lower1(e.left), r: lower1(e.right) };
  }
}

/** The inputs (indices) and row sets a formula reads. */
export function readsOf(e: IrExpr, out = { inputs: new Set<number>(), sets: new Set<number>() }): { inputs: Set<number>; sets: Set<number> } {
  switch (e.op) {
    case 'num':
    case 'var':
      break;
    case 'input':
      out.inputs.add(e.index);
      break;
    case 'share':
      out.sets.add(e.set);
      break;
    case 'neg':
      readsOf(e.x, out);
      break;
    case 'min':
    case 'max':
      e.args.forEach((a) => readsOf(a, out));
      break;
    case 'if':
      readsOf(e.c, out);
      readsOf(e.t, out);
      readsOf(e.e, out);
      break;
    default:
      readsOf(e.l, out);
      readsOf(e.r, out);
  }
  return out;
}

/**
 * The variables a formula reads (the evaluator checks their domains before scoring). The
 * 实际/目标 inside 占比 are each row's of the set, not the formula's own: not counted.
 */
export function varsOf(e: IrExpr, out: Set<VarId> = new Set()): Set<VarId> {
  switch (e.op) {
    case 'num':
    case 'input':
    case 'share':
      break;
    case 'var':
      out.add(e.v);
      break;
    case 'neg':
      varsOf(e.x, out);
      break;
    case 'min':
    case 'max':
      e.args.forEach((a) => varsOf(a, out));
      break;
    case 'if':
      varsOf(e.c, out);
      varsOf(e.t, out);
      varsOf(e.e, out);
      break;
    default:
      varsOf(e.l, out);
      varsOf(e.r, out);
  }
  return out;
}

/** What an indicator's formula reads, as data for the engine and the playground. */
export interface FormulaReads {
  /** the budget block (年初预算数, 全年预算数, 全年执行数) */
  budget: boolean;
  /** its own row's 实际 or 目标 */
  row: boolean;
  /** declared inputs, by index in CheckedTemplate.inputs */
  inputs: number[];
  /** row sets, by index in CheckedTemplate.rowSets */
  sets: number[];
}

// A formula's reads, worked out once per formula: scoring asks for them at every filing.
const readsCache = new WeakMap<IrExpr, Readonly<FormulaReads>>();

/** What a formula reads (frozen: the answer is shared). */
export function formulaReads(e: IrExpr): Readonly<FormulaReads> {
  let reads = readsCache.get(e);
  if (!reads) {
    const vars = varsOf(e);
    const r = readsOf(e);
    reads = Object.freeze({
      budget: [...vars].some((v) => BUDGET_VARS.has(v)),
      row: vars.has('actual') || vars.has('target'),
      inputs: Object.freeze([...r.inputs].sort((a, b) => a - b)) as number[],
      sets: Object.freeze([...r.sets].sort((a, b) => a - b)) as number[],
    });
    readsCache.set(e, reads);
  }
  return reads;
}

/**
 * Whether a comparison holds to 12 significant digits (docs/dsl.md 数与比较): when a side is
 * computed (`(实际 - 目标) / 目标 <= 10%`), binary rounding must not decide it; between
 * inputs and constants, which are the filed decimals themselves, it is exact. The evaluator,
 * the interpreter and the proof (prove.ts `less`) all go by this.
 */
export function nearCompare(c: IrExpr & { op: 'cmp' }): boolean {
  const leaf = (e: IrExpr) => e.op === 'var' || e.op === 'input' || e.op === 'num';
  return !leaf(c.l) || !leaf(c.r);
}

/** The relative tolerance of such a comparison. */
export const NEAR_EPS = 1e-12;
