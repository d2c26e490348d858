// A small IR for score formulas: canonical variables, numeric literals with
// their display text, and nothing else. Codegen, the interpreter and the
// explanation printer all walk this.

import type { CmpOp, Expr } from '@jixiao/language';
import { type VarId, lookupVar } from './vars.ts';

export type IrExpr =
  /** `unit`: 5 分 is points, 0.8 and 80% are numbers, a bare 0 fits either (the proof needs it) */
  | { op: 'num'; value: number; text: string; unit: 'points' | 'number' | 'zero' }
  | { op: 'var'; v: VarId }
  | { op: 'neg'; x: IrExpr }
  | { op: '+' | '-' | '*' | '/'; l: IrExpr; r: IrExpr }
  | { op: 'min' | 'max'; args: IrExpr[] }
  | { op: 'if'; c: IrExpr; t: IrExpr; e: IrExpr }
  | { op: 'cmp'; cmp: CmpOp; l: IrExpr; r: IrExpr }
  | { op: 'and' | 'or'; l: IrExpr; r: IrExpr };

/** Lower a checked expression. Percent literals become fractions; `5 分` becomes 5. */
export function lower(e: Expr): IrExpr {
  switch (e.kind) {
    case 'Number': {
      const q = e.quantity;
      const pct = q.unit === '%' || q.unit === '％';
      const unit = q.unit === '分' ? 'points' : q.value === 0 && (pct || !q.unit) ? 'zero' : 'number';
      return { op: 'num', value: pct ? q.value / 100 : q.value, text: pct ? `${q.text}%` : q.text, unit };
    }
    case 'Var': {
      const v = lookupVar(e.name);
      if (v === null) throw new Error(`internal: unchecked variable ${e.name}`);
      return { op: 'var', v };
    }
    case 'Unary':
      return { op: 'neg', x: lower(e.operand) };
    case 'Binary':
      return { op: e.op, l: lower(e.left), r: lower(e.right) };
    case 'Call':
      return { op: e.fn, args: e.args.map(lower) };
    case 'If':
      return { op: 'if', c: lower(e.cond), t: lower(e.then), e: lower(e.else) };
    case 'Compare':
      return { op: 'cmp', cmp: e.op, l: lower(e.left), r: lower(e.right) };
    case 'Logical':
      return { op: e.op, l: lower(e.left), r: lower(e.right) };
  }
}

/** The variables a formula reads (the evaluator checks their domains before scoring). */
export function varsOf(e: IrExpr, out: Set<VarId> = new Set()): Set<VarId> {
  switch (e.op) {
    case 'num':
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
