// Type-checking a score formula on the AST, before it is lowered and proven: every
// variable known and allowed where it is used, units that agree (分 adds to 分, ratios
// scale 分), conditions only where conditions belong. Errors point at the smallest
// sub-expression at fault; the bounds proof (prove.ts) then runs on the IR only for a
// formula that passed.

import type { Expr } from '@jixiao/language';
import type { FormulaUnit } from './codes.ts';
import type { DiagnosticSink } from './diag.ts';
import { printExpr } from './printer.ts';
import { renameFixes } from './suggest.ts';
import { type FormulaContext, allowedIn, allowedNames, lookupVar } from './vars.ts';

/** points (分), a unitless number, a unitless literal 0 (fits either), or a condition */
export type FormulaType = FormulaUnit;

/** The literal 0 has no unit: beside points it is points. */
function unify(l: FormulaType, r: FormulaType): [FormulaType, FormulaType] {
  if (l === 'points' && r === 'zero') return ['points', 'points'];
  if (r === 'points' && l === 'zero') return ['points', 'points'];
  return [l, r];
}

const numeric = (t: FormulaType) => (t === 'zero' ? 'number' : t);

export class FormulaTypeChecker {
  constructor(
    private readonly sink: DiagnosticSink,
    private readonly ctx: FormulaContext,
    /** the template's declared inputs (`输入 …`), usable in indicator formulas */
    private readonly inputs: ReadonlySet<string> = new Set(),
  ) {}

  /** The type of an expression, or null when an error was reported inside it. */
  check(e: Expr): FormulaType | null {
    switch (e.kind) {
      case 'Number': {
        const q = e.quantity;
        if (q.unit === '分') return 'points';
        if (q.unit === '%' || q.unit === '％') return q.value === 0 ? 'zero' : 'number';
        return q.value === 0 && !q.unit ? 'zero' : 'number';
      }
      case 'Var':
        return this.variable(e);
      case 'Share': {
        // 占比 reads the rows of a group: an indicator's own formula only
        if (this.ctx !== 'section') {
          this.sink.report('unknownVariable', e.range, { name: '占比', known: true, context: this.ctx, available: allowedNames(this.ctx), inRule: 'share' });
          return null;
        }
        const c = this.check(e.cond);
        if (c === null) return null;
        if (c !== 'condition') return this.typeError(e.cond, 'condition');
        return 'number';
      }
      case 'Unary': {
        const v = this.check(e.operand);
        if (v === null) return null;
        if (v === 'condition') return this.typeError(e.operand, 'number');
        return v;
      }
      case 'Binary':
        return this.binary(e);
      case 'Call': {
        const vs = e.args.map((a) => this.check(a));
        if (vs.some((v) => v === null) || vs.length === 0) return null;
        const types = vs as FormulaType[];
        if (!this.sameScale(e, e.args)) return null;
        const bad = types.indexOf('condition');
        if (bad >= 0) return this.typeError(e.args[bad]!, 'number');
        if (types.every((t) => t === 'zero')) return 'zero';
        const hasPoints = types.includes('points');
        const hasNumber = types.includes('number');
        if (hasPoints && hasNumber) return this.unitError(e, 'points', 'number', e.fn);
        return hasPoints ? 'points' : 'number';
      }
      case 'If': {
        const c = this.check(e.cond);
        const t0 = this.check(e.then);
        const f0 = this.check(e.else);
        if (c === null || t0 === null || f0 === null) return null;
        if (c !== 'condition') return this.typeError(e.cond, 'condition');
        if (t0 === 'condition') return this.typeError(e.then, 'number');
        if (f0 === 'condition') return this.typeError(e.else, 'number');
        const [t, f] = unify(t0, f0);
        if (numeric(t) !== numeric(f)) return this.unitError(e, t, f, 'if');
        return t === 'zero' && f === 'zero' ? 'zero' : numeric(t);
      }
      case 'Compare': {
        const l0 = this.check(e.left);
        const r0 = this.check(e.right);
        if (l0 === null || r0 === null) return null;
        if (!this.sameScale(e, [e.left, e.right])) return null;
        if (l0 === 'condition') return this.typeError(e.left, 'number');
        if (r0 === 'condition') return this.typeError(e.right, 'number');
        const [l, r] = unify(l0, r0);
        if (numeric(l) !== numeric(r)) return this.unitError(e, l, r, 'compare');
        return 'condition';
      }
      case 'Logical': {
        const l = this.check(e.left);
        const r = this.check(e.right);
        if (l === null || r === null) return null;
        if (l !== 'condition') return this.typeError(e.left, 'condition');
        if (r !== 'condition') return this.typeError(e.right, 'condition');
        return 'condition';
      }
    }
  }

  private variable(e: Expr & { kind: 'Var' }): FormulaType | null {
    const v = lookupVar(e.name);
    if (v === null && this.inputs.has(e.name)) {
      if (this.ctx === 'section') return 'number';
      this.sink.report('unknownVariable', e.range, { name: e.name, known: true, context: this.ctx, available: allowedNames(this.ctx), inRule: 'input' });
      return null;
    }
    if (v === null || !allowedIn(v, this.ctx)) {
      this.sink.report(
        'unknownVariable',
        e.range,
        { name: e.name, known: v !== null, context: this.ctx, available: allowedNames(this.ctx) },
        v === null ? { fixes: renameFixes(e.range, e.name, allowedNames(this.ctx)) } : undefined,
      );
      return null;
    }
    return v === 'W' ? 'points' : 'number';
  }

  private binary(e: Expr & { kind: 'Binary' }): FormulaType | null {
    const l0 = this.check(e.left);
    const r0 = this.check(e.right);
    if (l0 === null || r0 === null) return null;
    if (l0 === 'condition') return this.typeError(e.left, 'number');
    if (r0 === 'condition') return this.typeError(e.right, 'number');
    switch (e.op) {
      case '+':
      case '-': {
        if (!this.sameScale(e, [e.left, e.right])) return null;
        const [l, r] = unify(l0, r0);
        if (numeric(l) !== numeric(r)) return this.unitError(e, l, r, e.op);
        return l === 'zero' && r === 'zero' ? 'zero' : numeric(l);
      }
      case '*':
        if (l0 === 'points' && r0 === 'points') return this.unitError(e, l0, r0, '*');
        if (l0 === 'zero' || r0 === 'zero') return l0 === 'points' || r0 === 'points' ? 'points' : 'zero'; // 0 × x is 0
        return l0 === 'points' || r0 === 'points' ? 'points' : 'number';
      case '/':
        // 实际 / 90% reads as if 实际 were a fraction: the same 100× error as 实际 >= 90%
        if (scaleOf(e.left) === 'row' && scaleOf(e.right) === 'percent' && !this.sameScale(e, [e.left, e.right])) return null;
        if (r0 === 'points') {
          // (W·α) / (W·β) = α / β: only points over points, and never a constant part
          if (l0 === 'points' && pureWeight(e.left) && pureWeight(e.right)) return 'number';
          return this.unitError(e, l0, r0, '/');
        }
        return l0 === 'zero' ? 'zero' : l0 === 'points' ? 'points' : 'number';
    }
  }

  /**
   * 实际 and 目标 are the row's figures as filed (92% reads 92) while a percent literal is a
   * fraction (90% is 0.9): comparing, adding, dividing or taking min/max of the two is a silent
   * 100× error, refused here (JX2037). Scaling (目标 * 130%) and ratios (实际 / 目标 >= 90%) are fine.
   */
  private sameScale(e: Expr, parts: readonly Expr[]): boolean {
    const scales = parts.map(scaleOf);
    if (!scales.includes('row')) return true;
    const pct = parts.find((_, i) => scales[i] === 'percent');
    if (!pct) return true;
    const lit = percentLiteral(pct);
    this.sink.report('percentOfRow', e.range, { expression: printExpr(e), literal: lit?.text ?? printExpr(pct), value: lit ? String(lit.value / 100) : '?' });
    return false;
  }

  private unitError(e: Expr, l: FormulaType, r: FormulaType, op: string): null {
    this.sink.report('formulaUnit', e.range, { expression: printExpr(e), left: l, right: r, op });
    return null;
  }

  private typeError(e: Expr, expected: 'number' | 'condition'): null {
    this.sink.report('typeMismatch', e.range, { expression: printExpr(e), needed: expected });
    return null;
  }
}

/**
 * A points expression with no constant part (W·α, never W·α + 5 分): only such a
 * value divided by another is a ratio, since (W·α)/(W·β) = α/β for every W > 0.
 */
function pureWeight(e: Expr): boolean {
  switch (e.kind) {
    case 'Var':
      return lookupVar(e.name) === 'W';
    case 'Number':
      return e.quantity.value === 0;
    case 'Unary':
      return pureWeight(e.operand);
    case 'Binary':
      if (e.op === '+' || e.op === '-') return pureWeight(e.left) && pureWeight(e.right);
      if (e.op === '*') return pureWeight(e.left) || pureWeight(e.right);
      return e.op === '/' && pureWeight(e.left);
    case 'Call':
      return e.args.every(pureWeight);
    case 'If':
      return pureWeight(e.then) && pureWeight(e.else);
    default:
      return false;
  }
}

/**
 * The scale of an expression: `row` when it is in the row's own figures (实际, 目标, their
 * sums, differences, min/max and scalings), `percent` when it is a percent literal (or a sum
 * of them), null otherwise (a ratio such as 实际 / 目标, a plain number, points).
 */
function scaleOf(e: Expr): 'row' | 'percent' | null {
  switch (e.kind) {
    case 'Var': {
      const v = lookupVar(e.name);
      return v === 'actual' || v === 'target' ? 'row' : null;
    }
    case 'Number':
      return percentLiteral(e) ? 'percent' : null;
    case 'Unary':
      return scaleOf(e.operand);
    case 'Binary': {
      const [l, r] = [scaleOf(e.left), scaleOf(e.right)];
      if (e.op === '+' || e.op === '-') return l === 'row' || r === 'row' ? 'row' : l === 'percent' && r === 'percent' ? 'percent' : null;
      // 目标 × 130% is still in the row's figures; 实际 × 目标 is in none
      if (e.op === '*') return (l === 'row') !== (r === 'row') ? 'row' : null;
      return e.op === '/' && l === 'row' && r !== 'row' ? 'row' : null;
    }
    case 'Call':
      return e.args.some((a) => scaleOf(a) === 'row') ? 'row' : null;
    case 'If':
      return scaleOf(e.then) === 'row' || scaleOf(e.else) === 'row' ? 'row' : null;
    default:
      return null;
  }
}

function percentLiteral(e: Expr): { text: string; value: number } | null {
  if (e.kind === 'Unary') {
    const p = percentLiteral(e.operand);
    return p ? { text: `-${p.text}`, value: -p.value } : null;
  }
  if (e.kind !== 'Number') return null;
  const u = e.quantity.unit;
  return u === '%' || u === '％' ? { text: `${e.quantity.text}%`, value: e.quantity.value } : null;
}
