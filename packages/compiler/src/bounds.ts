// The bounds proof: interval analysis of a score formula over the declared
// input domains, with the weight as a symbol W ≥ 0. A formula is accepted when
// every input keeps its value within [0, W]; otherwise the author is shown the
// interval the formula can reach and asked to write the clamp.
//
// The same walk finds unknown variables and unit errors (分 added to a ratio).

import type { Expr, Range } from '@jixiao/language';
import type { DiagnosticSink } from './diag.ts';
import {
  type AbsVal,
  type Iv,
  ZERO_IV,
  fmtIv,
  fmtNum,
  fmtVal,
  ivAdd,
  ivDiv,
  ivHull,
  ivMax,
  ivMin,
  ivMul,
  ivNeg,
  ivRecip,
  ivSub,
  points,
  pointsMax,
  pointsMin,
  provenAtMostW,
  provenNonNeg,
} from './interval.ts';
import { printExpr } from './printer.ts';
import { type FormulaContext, VAR_DOMAIN, allowedIn, allowedNames, lookupVar } from './vars.ts';

/** A recorded proof (or failed proof) of a score bound. */
export interface Proof {
  subject: 'rule' | 'section' | 'total';
  /** rule or indicator name, or the form name for the total */
  name: string;
  /** the formula or construction that was bounded, e.g. `得分 = 权重 * min(实际 / 目标, 1)` */
  formula: string;
  /** the reachable interval, e.g. `[0, 1]×权重` or `[0, 10]` */
  interval: string;
  /** what it had to stay within, e.g. `[0, 权重]` or `[0, 10]` */
  within: string;
  proven: boolean;
}

const POINTS_ZERO = points(ZERO_IV, ZERO_IV);

function unitName(v: AbsVal): { zh: string; en: string } {
  if (v.t === 'P') return { zh: '分', en: 'points' };
  if (v.t === 'N') return { zh: '比值(无单位)', en: 'a unitless ratio' };
  return { zh: '条件(真/假)', en: 'a condition' };
}

/** Literal 0 has no unit: it unifies with points. */
function unify(l: AbsVal, r: AbsVal): [AbsVal, AbsVal] {
  if (l.t === 'P' && r.t === 'N' && r.zero) return [l, POINTS_ZERO];
  if (r.t === 'P' && l.t === 'N' && l.zero) return [POINTS_ZERO, r];
  return [l, r];
}

export class BoundsAnalyzer {
  constructor(
    private readonly sink: DiagnosticSink,
    private readonly ctx: FormulaContext,
  ) {}

  /** Abstract value of an expression, or null when an error was reported inside it. */
  analyze(e: Expr): AbsVal | null {
    switch (e.kind) {
      case 'Number': {
        const q = e.quantity;
        if (q.unit === '分') return points(ZERO_IV, [q.value, q.value]);
        if (q.unit === '%' || q.unit === '％') return { t: 'N', iv: [q.value / 100, q.value / 100], zero: q.value === 0 };
        return { t: 'N', iv: [q.value, q.value], zero: q.value === 0 && !q.unit };
      }
      case 'Var':
        return this.variable(e.name, e.range);
      case 'Unary': {
        const v = this.analyze(e.operand);
        if (!v) return null;
        if (v.t === 'B') return this.typeError(e.operand, 'number');
        return v.t === 'N' ? { t: 'N', iv: ivNeg(v.iv), zero: v.zero } : points(ivNeg(v.a), ivNeg(v.c));
      }
      case 'Binary':
        return this.binary(e);
      case 'Call': {
        const vs = e.args.map((a) => this.analyze(a));
        if (vs.some((v) => v === null)) return null;
        let vals = vs as AbsVal[];
        const bad = vals.findIndex((v) => v.t === 'B');
        if (bad >= 0) return this.typeError(e.args[bad]!, 'number');
        if (vals.length === 0) return null;
        if (vals.some((v) => v.t === 'P')) vals = vals.map((v) => (v.t === 'N' && v.zero ? POINTS_ZERO : v));
        const kinds = new Set(vals.map((v) => v.t));
        if (kinds.size > 1) return this.unitError(e, vals.find((v) => v.t === 'P')!, vals.find((v) => v.t === 'N')!, e.fn);
        if (vals[0]!.t === 'N') {
          const ivs = vals.map((v) => (v as { iv: Iv }).iv);
          const f = e.fn === 'min' ? ivMin : ivMax;
          return { t: 'N', iv: ivs.slice(1).reduce(f, ivs[0]!), zero: vals.every((v) => v.t === 'N' && v.zero) };
        }
        const ps = vals as { a: Iv; c: Iv }[];
        const r = e.fn === 'min' ? pointsMin(ps) : pointsMax(ps);
        return points(r.a, r.c);
      }
      case 'If': {
        const c = this.analyze(e.cond);
        const t0 = this.analyze(e.then);
        const f0 = this.analyze(e.else);
        if (!c || !t0 || !f0) return null;
        if (c.t !== 'B') return this.typeError(e.cond, 'condition');
        if (t0.t === 'B') return this.typeError(e.then, 'number');
        if (f0.t === 'B') return this.typeError(e.else, 'number');
        const [t, f] = unify(t0, f0);
        if (t.t !== f.t) return this.unitError(e, t, f, 'if');
        if (t.t === 'N' && f.t === 'N') return { t: 'N', iv: ivHull(t.iv, f.iv), zero: t.zero && f.zero };
        if (t.t === 'P' && f.t === 'P') return points(ivHull(t.a, f.a), ivHull(t.c, f.c));
        return null;
      }
      case 'Compare': {
        const l0 = this.analyze(e.left);
        const r0 = this.analyze(e.right);
        if (!l0 || !r0) return null;
        if (l0.t === 'B') return this.typeError(e.left, 'number');
        if (r0.t === 'B') return this.typeError(e.right, 'number');
        const [l, r] = unify(l0, r0);
        if (l.t !== r.t) return this.unitError(e, l, r, 'compare');
        return { t: 'B' };
      }
      case 'Logical': {
        const l = this.analyze(e.left);
        const r = this.analyze(e.right);
        if (!l || !r) return null;
        if (l.t !== 'B') return this.typeError(e.left, 'condition');
        if (r.t !== 'B') return this.typeError(e.right, 'condition');
        return { t: 'B' };
      }
    }
  }

  private variable(name: string, range: Range): AbsVal | null {
    const v = lookupVar(name);
    const names = allowedNames(this.ctx).join('、');
    const where = this.ctx === 'rule' ? { zh: '规则公式', en: 'a rule formula' } : { zh: '一级指标公式', en: 'an indicator formula' };
    if (v === null || !allowedIn(v, this.ctx)) {
      this.sink.report(
        'unknownVariable',
        range,
        v === null
          ? { zh: `未知变量「${name}」`, en: `unknown variable "${name}"` }
          : { zh: `变量「${name}」不能用在${where.zh}中`, en: `variable "${name}" cannot be used in ${where.en}` },
        { zh: `${where.zh}可用的变量：${names}`, en: `variables available in ${where.en}: ${names}` },
      );
      return null;
    }
    if (v === 'W') return points([1, 1], ZERO_IV);
    return { t: 'N', iv: VAR_DOMAIN[v], zero: false };
  }

  private binary(e: Expr & { kind: 'Binary' }): AbsVal | null {
    const l0 = this.analyze(e.left);
    const r0 = this.analyze(e.right);
    if (!l0 || !r0) return null;
    if (l0.t === 'B') return this.typeError(e.left, 'number');
    if (r0.t === 'B') return this.typeError(e.right, 'number');
    const [l, r] = e.op === '+' || e.op === '-' ? unify(l0, r0) : [l0, r0];
    switch (e.op) {
      case '+':
      case '-': {
        const f = e.op === '+' ? ivAdd : ivSub;
        if (l.t === 'N' && r.t === 'N') return { t: 'N', iv: f(l.iv, r.iv), zero: l.zero && r.zero };
        if (l.t === 'P' && r.t === 'P') return points(f(l.a, r.a), f(l.c, r.c));
        return this.unitError(e, l, r, e.op);
      }
      case '*': {
        if (l.t === 'N' && r.t === 'N') return { t: 'N', iv: ivMul(l.iv, r.iv), zero: l.zero || r.zero }; // 0 × x is unit-free 0
        if (l.t === 'P' && r.t === 'N') return points(ivMul(l.a, r.iv), ivMul(l.c, r.iv));
        if (l.t === 'N' && r.t === 'P') return points(ivMul(r.a, l.iv), ivMul(r.c, l.iv));
        return this.unitError(e, l, r, '*');
      }
      case '/': {
        if (l.t === 'N' && r.t === 'N') return { t: 'N', iv: ivDiv(l.iv, r.iv), zero: l.zero };
        if (l.t === 'P' && r.t === 'N') return points(ivDiv(l.a, r.iv), ivDiv(l.c, r.iv));
        if (l.t === 'P' && r.t === 'P' && isZeroIv(l.c) && isZeroIv(r.c)) {
          // (W·α) / (W·β) = α / β; W = 0 is a division by zero, excluded at run time.
          return { t: 'N', iv: ivRecip(r.a) === null ? ZERO_IV : ivDiv(l.a, r.a), zero: false };
        }
        return this.unitError(e, l, r, '/');
      }
    }
  }

  private unitError(e: Expr, l: AbsVal, r: AbsVal, op: string): null {
    const lu = unitName(l);
    const ru = unitName(r);
    const text = printExpr(e);
    const verb: Record<string, { zh: string; en: string }> = {
      '+': { zh: '相加', en: 'added to' },
      '-': { zh: '相减', en: 'subtracted from' },
      '*': { zh: '相乘', en: 'multiplied by' },
      '/': { zh: '相除', en: 'divided by' },
    };
    const v = verb[op] ?? { zh: '混用', en: 'mixed with' };
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

function isZeroIv(x: Iv): boolean {
  return x[0] === 0 && x[1] === 0;
}

export interface ProveOptions {
  subject: 'rule' | 'section';
  name: string;
  /** a concrete weight (a section's 分值), used when the symbolic proof fails */
  weight?: number;
  /** the spelling of the weight in messages: 权重 for rules, 分值 for sections */
  weightName: string;
}

/**
 * Prove `得分 = expr` stays within [0, W]. Reports unknown variables, unit errors
 * and an unproven bound; returns the proof record, or null when the formula had
 * other errors (then no bound is claimed either way).
 */
export function proveFormula(expr: Expr, range: Range, ctx: FormulaContext, opts: ProveOptions, sink: DiagnosticSink): Proof | null {
  const v0 = new BoundsAnalyzer(sink, ctx).analyze(expr);
  if (!v0) return null;
  const text = printExpr(expr);
  const formula = `得分 = ${text}`;
  if (v0.t === 'B') {
    sink.report(
      'typeMismatch',
      range,
      { zh: `${formula} 的结果是条件(真/假)，不是分`, en: `${formula} yields a condition, not points` },
      { zh: '用 如果 … 则 … 否则 … 给出分数', en: 'use 如果 … 则 … 否则 … to give points' },
    );
    return null;
  }
  if (v0.t === 'N' && !v0.zero) {
    sink.report(
      'scoreNotPoints',
      range,
      { zh: `${formula} 的结果是比值 ${fmtIv(v0.iv)}，不是分`, en: `${formula} yields a ratio ${fmtIv(v0.iv)}, not points` },
      { zh: `乘以 ${opts.weightName}，如 ${opts.weightName} * (${text})`, en: `multiply by ${opts.weightName}, e.g. ${opts.weightName} * (${text})` },
    );
    return null;
  }
  const v = v0.t === 'P' ? v0 : POINTS_ZERO;
  const shown = fmtVal(v, opts.weightName);
  if (provenNonNeg(v) && provenAtMostW(v)) {
    return { subject: opts.subject, name: opts.name, formula, interval: shown, within: `[0, ${opts.weightName}]`, proven: true };
  }
  if (opts.weight !== undefined) {
    const w = opts.weight;
    const lo = mulW(w, v.a[0]) + v.c[0];
    const hi = mulW(w, v.a[1]) + v.c[1];
    const within = `[0, ${fmtNum(w)}]`;
    if (lo >= 0 && hi <= w) return { subject: opts.subject, name: opts.name, formula, interval: fmtIv([lo, hi]), within, proven: true };
    report(sink, range, formula, `${shown} = ${fmtIv([lo, hi])}`, within, expr);
    return { subject: opts.subject, name: opts.name, formula, interval: fmtIv([lo, hi]), within, proven: false };
  }
  const within = `[0, ${opts.weightName}]`;
  report(sink, range, formula, shown, within, expr);
  return { subject: opts.subject, name: opts.name, formula, interval: shown, within, proven: false };
}

function mulW(w: number, a: number): number {
  return w === 0 || a === 0 ? 0 : w * a;
}

function report(sink: DiagnosticSink, range: Range, formula: string, shown: string, within: string, expr: Expr): void {
  const fix = suggestClamp(expr);
  sink.report(
    'unbounded',
    range,
    {
      zh: `${formula} 可达区间 ${shown}，超出 ${within}`,
      en: `${formula} can reach ${shown}, outside ${within}`,
    },
    {
      zh: `请写上封顶，如 ${fix}`,
      en: `write the clamp yourself, e.g. ${fix}`,
    },
  );
}

/** `权重 * X` → `权重 * min(X, 1)` (and max(…, 0) where needed); otherwise clamp the whole. */
function suggestClamp(expr: Expr): string {
  if (expr.kind === 'Binary' && expr.op === '*') {
    const [w, other] =
      expr.left.kind === 'Var' && lookupVar(expr.left.name) === 'W'
        ? [expr.left, expr.right]
        : expr.right.kind === 'Var' && lookupVar(expr.right.name) === 'W'
          ? [expr.right, expr.left]
          : [null, null];
    if (w && other && w.kind === 'Var') {
      const a = new BoundsAnalyzer(nullSink, 'rule').analyze(other) ?? new BoundsAnalyzer(nullSink, 'section').analyze(other);
      const inner = printExpr(other);
      if (a && a.t === 'N') {
        const lowOk = a.iv[0] >= 0;
        const highOk = a.iv[1] <= 1;
        if (lowOk && !highOk) return `${w.name} * min(${inner}, 1)`;
        if (!lowOk && highOk) return `${w.name} * max(${inner}, 0)`;
      }
      return `${w.name} * min(max(${inner}, 0), 1)`;
    }
  }
  return `min(max(${printExpr(expr)}, 0), 权重)`;
}

const nullSink = { report() {}, items: [], hasErrors: false } as unknown as DiagnosticSink;
