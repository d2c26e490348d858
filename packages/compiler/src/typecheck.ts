// Type-checking a score formula on the AST, before it is lowered and proven: every
// variable known and allowed where it is used, units that agree (分 adds to 分, ratios
// scale 分), conditions only where conditions belong. Errors point at the smallest
// sub-expression at fault; the bounds proof (prove.ts) then runs on the IR only for a
// formula that passed.

import type { Expr } from '@jixiao/language';
import type { DiagnosticSink } from './diag.ts';
import { printExpr } from './printer.ts';
import { renameFixes } from './suggest.ts';
import { type FormulaContext, allowedIn, allowedNames, lookupVar } from './vars.ts';

/** points (分), a unitless number, a unitless literal 0 (fits either), or a condition */
export type FormulaType = 'points' | 'number' | 'zero' | 'condition';

const UNIT_NAME: Record<FormulaType, { zh: string; en: string }> = {
  points: { zh: '分', en: 'points' },
  number: { zh: '比值(无单位)', en: 'a unitless ratio' },
  zero: { zh: '比值(无单位)', en: 'a unitless ratio' },
  condition: { zh: '条件(真/假)', en: 'a condition' },
};

const VERB: Record<string, { zh: string; en: string }> = {
  '+': { zh: '相加', en: 'added to' },
  '-': { zh: '相减', en: 'subtracted from' },
  '*': { zh: '相乘', en: 'multiplied by' },
  '/': { zh: '相除', en: 'divided by' },
};

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
    if (v === null || !allowedIn(v, this.ctx)) {
      const names = allowedNames(this.ctx).join('、');
      const where = this.ctx === 'rule' ? { zh: '规则公式', en: 'a rule formula' } : { zh: '一级指标公式', en: 'an indicator formula' };
      this.sink.report(
        'unknownVariable',
        e.range,
        v === null
          ? { zh: `未知变量「${e.name}」`, en: `unknown variable "${e.name}"` }
          : { zh: `变量「${e.name}」不能用在${where.zh}中`, en: `variable "${e.name}" cannot be used in ${where.en}` },
        { zh: `${where.zh}可用的变量：${names}`, en: `variables available in ${where.en}: ${names}` },
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
        const [l, r] = unify(l0, r0);
        if (numeric(l) !== numeric(r)) return this.unitError(e, l, r, e.op);
        return l === 'zero' && r === 'zero' ? 'zero' : numeric(l);
      }
      case '*':
        if (l0 === 'points' && r0 === 'points') return this.unitError(e, l0, r0, '*');
        if (l0 === 'zero' || r0 === 'zero') return l0 === 'points' || r0 === 'points' ? 'points' : 'zero'; // 0 × x is 0
        return l0 === 'points' || r0 === 'points' ? 'points' : 'number';
      case '/':
        if (r0 === 'points') {
          // (W·α) / (W·β) = α / β: only points over points, and never a constant part
          if (l0 === 'points' && pureWeight(e.left) && pureWeight(e.right)) return 'number';
          return this.unitError(e, l0, r0, '/');
        }
        return l0 === 'zero' ? 'zero' : l0 === 'points' ? 'points' : 'number';
    }
  }

  private unitError(e: Expr, l: FormulaType, r: FormulaType, op: string): null {
    const lu = UNIT_NAME[l];
    const ru = UNIT_NAME[r];
    const text = printExpr(e);
    const v = VERB[op] ?? { zh: '混用', en: 'mixed with' };
    this.sink.report(
      'formulaUnit',
      e.range,
      { zh: `「${text}」中${lu.zh}与${ru.zh}${v.zh}，单位不一致`, en: `in "${text}", ${lu.en} is ${v.en} ${ru.en}: the units do not agree` },
      {
        zh: '分只能与分相加减、与比值相乘除；比值要先乘以 权重 才是分',
        en: 'points add to points and scale by ratios; multiply a ratio by 权重 to get points',
      },
    );
    return null;
  }

  private typeError(e: Expr, expected: 'number' | 'condition'): null {
    const text = printExpr(e);
    this.sink.report(
      'typeMismatch',
      e.range,
      expected === 'number'
        ? { zh: `「${text}」是条件(真/假)，这里需要数值`, en: `"${text}" is a condition; a number is needed here` }
        : { zh: `「${text}」是数值，这里需要条件`, en: `"${text}" is a number; a condition is needed here` },
      expected === 'number'
        ? { zh: '条件只能用在 如果 … 则 … 否则 … 中', en: 'use conditions only inside 如果 … 则 … 否则 …' }
        : { zh: '写成比较，如 实际 >= 目标', en: 'write a comparison such as 实际 >= 目标' },
    );
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
