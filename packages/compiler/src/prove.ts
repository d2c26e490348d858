// The bounds proof: interval analysis of a score formula's IR — the very tree the
// evaluator runs — over the declared input domains, with the weight as a symbol
// W ≥ 0. A formula is accepted when every input keeps its value within [0, W];
// otherwise the author is shown the interval it can reach and asked for the clamp.
//
// Three things make the proof both sound and useful:
// - intervals are rounded outward where a double operation is inexact (interval.ts),
//   so the proof holds for the doubles the evaluator computes, not only for reals;
// - `如果` refines the inputs in each branch: in `否则` of `如果 实际 <= 目标`, 实际 > 目标,
//   so with 目标 ≥ 0 a negative 实际 never reaches `目标 / 实际`;
// - comparisons of two inputs are kept as facts (实际 ≤ 目标), so `实际 / 目标` in that
//   branch is within [0, 1]: `如果 实际 >= 目标 则 权重 否则 权重 * (实际 / 目标)` — the
//   rule of 财预〔2020〕10号 — is proven without a min.
// A comparison refines nothing when one side may overflow (its interval is unbounded):
// a NaN compares false, so both branches stay possible.

import { quote, type Expr, type Range } from '@jixiao/language';
import type { UnboundedData } from './codes.ts';
import type { DiagnosticSink } from './diag.ts';
import {
  ALL_IV,
  type AbsVal,
  type Iv,
  ZERO_IV,
  fmtIv,
  fmtNum,
  fmtVal,
  ivAdd,
  ivDiv,
  ivEmpty,
  ivHull,
  ivMax,
  ivMeet,
  ivMin,
  ivMul,
  ivNeg,
  ivRecip,
  ivSub,
  pointsMax,
  pointsMin,
  provenAtMostW,
  provenNonNeg,
} from './interval.ts';
import { type IrExpr, type LowerScope, lower, NEAR_EPS, nearCompare } from './ir.ts';
import { printExpr } from './printer.ts';
import { FormulaTypeChecker } from './typecheck.ts';
import { type FormulaContext, VAR_DOMAIN, type VarId, lookupVar } from './vars.ts';

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

type InputVar = Exclude<VarId, 'W'>;

/** The domain of each input a formula may read. */
export type Domains = Readonly<Record<InputVar, Iv>>;

/** The declared domains, with the inputs a rule lets be negative (允许负数) widened to all reals. */
export function domainsFor(negatives: readonly VarId[] = []): Domains {
  const d: Record<InputVar, Iv> = { ...VAR_DOMAIN };
  for (const v of negatives) if (v !== 'W') d[v] = ALL_IV;
  return d;
}

/** An abstract value; `fin`: it is certainly a finite double at run time (no overflow, no NaN). */
type Val = ({ t: 'N'; iv: Iv; zero: boolean } | { t: 'P'; a: Iv; c: Iv } | { t: 'B' }) & { fin: boolean };

/** What is known in one branch: each input's interval, and facts x ≤ y between inputs. */
interface Env {
  iv: ReadonlyMap<InputVar, Iv>;
  le: ReadonlySet<string>;
}

const factKey = (x: InputVar, y: InputVar) => `${x}≤${y}`;
const POINTS_ZERO: Val = { t: 'P', a: ZERO_IV, c: ZERO_IV, fin: true };
const TOP: Val = { t: 'N', iv: ALL_IV, zero: false, fin: false };
const bounded = (x: Iv) => Number.isFinite(x[0]) && Number.isFinite(x[1]);
const N = (iv: Iv, zero: boolean, fin: boolean): Val => ({ t: 'N', iv, zero, fin: fin && bounded(iv) });
const P = (a: Iv, c: Iv, fin: boolean): Val => ({ t: 'P', a, c, fin: fin && bounded(a) && bounded(c) });

/** A bare 0 beside points is 0 分. */
function unify(l: Val, r: Val): [Val, Val] {
  if (l.t === 'P' && r.t === 'N' && r.zero) return [l, { ...POINTS_ZERO, fin: r.fin }];
  if (r.t === 'P' && l.t === 'N' && l.zero) return [{ ...POINTS_ZERO, fin: l.fin }, r];
  return [l, r];
}

/** The domain of a declared input: a non-negative amount. */
const INPUT_DOMAIN: Iv = [0, Infinity];

const inputVar = (e: IrExpr): InputVar | null => (e.op === 'var' && e.v !== 'W' ? e.v : null);

export class Prover {
  /** The abstract value of `e` in `env`, or null when no input can reach it (a dead branch). */
  analyze(e: IrExpr, env: Env): Val | null {
    switch (e.op) {
      case 'num':
        return e.unit === 'points' ? P(ZERO_IV, [e.value, e.value], true) : N([e.value, e.value], e.unit === 'zero', true);
      case 'var':
        // an input is a finite number (the evaluator checks it), however wide its domain
        return e.v === 'W' ? P([1, 1], ZERO_IV, true) : { t: 'N', iv: env.iv.get(e.v) ?? ALL_IV, zero: false, fin: true };
      case 'input':
        // a declared input (输入 …) is a finite number ≥ 0, checked before the formula runs
        return { t: 'N', iv: INPUT_DOMAIN, zero: false, fin: true };
      case 'share':
        // met rows / all rows; no rows is a division by zero, never scored
        return { t: 'N', iv: [0, 1], zero: false, fin: true };
      case 'neg': {
        const v = this.analyze(e.x, env);
        if (!v) return null;
        return v.t === 'N' ? N(ivNeg(v.iv), v.zero, v.fin) : v.t === 'P' ? P(ivNeg(v.a), ivNeg(v.c), v.fin) : TOP;
      }
      case '+':
      case '-':
      case '*':
      case '/':
        return this.arith(e, env);
      case 'min':
      case 'max': {
        const vs = e.args.map((a) => this.analyze(a, env));
        if (vs.some((v) => v === null)) return null;
        let vals = vs as Val[];
        const fin = vals.every((v) => v.fin);
        if (vals.some((v) => v.t === 'P')) vals = vals.map((v) => (v.t === 'N' && v.zero ? POINTS_ZERO : v));
        if (vals.every((v) => v.t === 'N')) {
          const ivs = vals.map((v) => (v as { iv: Iv }).iv);
          const f = e.op === 'min' ? ivMin : ivMax;
          return N(
            ivs.slice(1).reduce(f, ivs[0]!),
            vals.every((v) => v.t === 'N' && v.zero),
            fin,
          );
        }
        if (!vals.every((v) => v.t === 'P')) return TOP;
        const ps = vals as { a: Iv; c: Iv }[];
        const r = e.op === 'min' ? pointsMin(ps) : pointsMax(ps);
        return P(r.a, r.c, fin);
      }
      case 'if': {
        const envT = this.refine(e.c, env, true);
        const envE = this.refine(e.c, env, false);
        const t0 = envT ? this.analyze(e.t, envT) : null;
        const f0 = envE ? this.analyze(e.e, envE) : null;
        if (!t0 || !f0) return t0 ?? f0; // a branch no input reaches adds nothing
        const [t, f] = unify(t0, f0);
        const fin = t.fin && f.fin;
        if (t.t === 'N' && f.t === 'N') return N(ivHull(t.iv, f.iv), t.zero && f.zero, fin);
        if (t.t === 'P' && f.t === 'P') return P(ivHull(t.a, f.a), ivHull(t.c, f.c), fin);
        return TOP;
      }
      case 'cmp':
      case 'and':
      case 'or':
        return { t: 'B', fin: true };
    }
  }

  private arith(e: IrExpr & { op: '+' | '-' | '*' | '/' }, env: Env): Val | null {
    const l0 = this.analyze(e.l, env);
    const r0 = this.analyze(e.r, env);
    if (!l0 || !r0) return null;
    const fin = l0.fin && r0.fin;
    const [l, r] = e.op === '+' || e.op === '-' ? unify(l0, r0) : [l0, r0];
    switch (e.op) {
      case '+':
      case '-': {
        const f = e.op === '+' ? ivAdd : ivSub;
        if (l.t === 'N' && r.t === 'N') return N(f(l.iv, r.iv), l.zero && r.zero, fin);
        if (l.t === 'P' && r.t === 'P') return P(f(l.a, r.a), f(l.c, r.c), fin);
        return TOP;
      }
      case '*': {
        if (l.t === 'N' && r.t === 'N') return N(ivMul(l.iv, r.iv), l.zero || r.zero, fin);
        if (l.t === 'P' && r.t === 'N') return P(ivMul(l.a, r.iv), ivMul(l.c, r.iv), fin);
        if (l.t === 'N' && r.t === 'P') return P(ivMul(r.a, l.iv), ivMul(r.c, l.iv), fin);
        return TOP;
      }
      case '/': {
        let v: Val = TOP;
        if (l.t === 'N' && r.t === 'N') v = N(ivDiv(l.iv, r.iv), l.zero, fin);
        else if (l.t === 'P' && r.t === 'N') v = P(ivDiv(l.a, r.iv), ivDiv(l.c, r.iv), fin);
        else if (l.t === 'P' && r.t === 'P') {
          // (W·α) / (W·β) = α / β; W = 0 is a division by zero, excluded at run time
          v = N(ivRecip(r.a) === null ? ZERO_IV : ivDiv(l.a, r.a), false, fin);
        }
        // No reassociation of (x × y) / z into x × (y / z): the two differ by more than
        // rounding when x × y underflows (6.665 × 5e-324 / 5e-324 is 7 in doubles); the
        // proof covers the order the evaluator computes, and the help says so.
        v = this.ratioFacts(e, env, v);
        return v;
      }
    }
  }

  /** x / y of two inputs under the facts of this branch. */
  private ratioFacts(e: { l: IrExpr; r: IrExpr }, env: Env, v: Val): Val {
    const x = inputVar(e.l);
    const y = inputVar(e.r);
    if (!x || !y || v.t !== 'N') return v;
    const lo = (u: InputVar) => (env.iv.get(u) ?? ALL_IV)[0];
    // inputs are finite; y ≠ 0 at run time (a division by zero is not scored)
    if (x === y) return N(ivMeet(v.iv, [1, 1]), false, true);
    // 0 ≤ x ≤ y: x / y in [0, 1]; 0 ≤ y ≤ x: x / y ≥ 1
    if (env.le.has(factKey(x, y)) && lo(x) >= 0) return N(ivMeet(v.iv, [0, 1]), false, true);
    if (env.le.has(factKey(y, x)) && lo(y) >= 0) return N(ivMeet(v.iv, [1, Infinity]), false, v.fin);
    return v;
  }

  /** The environment where `c` is `positive` (true) or false; null when that cannot happen. */
  refine(c: IrExpr, env: Env, positive: boolean): Env | null {
    switch (c.op) {
      case 'and':
        if (positive) {
          const e1 = this.refine(c.l, env, true);
          return e1 && this.refine(c.r, e1, true);
        }
        return join(this.refine(c.l, env, false), this.refine(c.r, env, false));
      case 'or':
        if (positive) return join(this.refine(c.l, env, true), this.refine(c.r, env, true));
        {
          const e1 = this.refine(c.l, env, false);
          return e1 && this.refine(c.r, e1, false);
        }
      case 'cmp':
        return this.refineCmp(c, env, positive ? c.cmp : NEGATE[c.cmp]);
      default:
        return env;
    }
  }

  private refineCmp(c: IrExpr & { op: 'cmp' }, env: Env, op: keyof typeof NEGATE): Env | null {
    const L = this.analyze(c.l, env);
    const R = this.analyze(c.r, env);
    // only finite numbers compare as numbers; anything else may be NaN and go either way
    if (!L || !R || L.t !== 'N' || R.t !== 'N' || !L.fin || !R.fin) return env;
    // A computed side compares to 12 significant digits (ir.ts nearCompare): a <= b then only
    // says a ≤ b + ε·max(|a|, |b|). Widen both sides by that before refining (twice over, for
    // the rounding of the bound itself); the strict forms (<, >, ≠) exclude nearness, so hold exactly.
    let [Li, Ri] = [L.iv, R.iv];
    if (nearCompare(c) && (op === '<=' || op === '>=' || op === '=')) {
      const m = Math.max(Math.abs(Li[0]), Math.abs(Li[1]), Math.abs(Ri[0]), Math.abs(Ri[1]));
      if (!Number.isFinite(m)) return env;
      const d = 2 * NEAR_EPS * m;
      [Li, Ri] = [
        [Li[0] - d, Li[1] + d],
        [Ri[0] - d, Ri[1] + d],
      ];
    }
    if (op === '>=' || op === '>') return this.less(c.r, Ri, c.l, Li, op === '>', env);
    if (op === '<=' || op === '<') return this.less(c.l, Li, c.r, Ri, op === '<', env);
    if (op === '=') {
      const both = ivMeet(Li, Ri);
      if (ivEmpty(both)) return null;
      return withIv(withIv(env, inputVar(c.l), both), inputVar(c.r), both);
    }
    // ≠: impossible only between two equal constants
    return L.iv[0] === L.iv[1] && R.iv[0] === R.iv[1] && L.iv[0] === R.iv[0] ? null : env;
  }

  /** a ≤ b (strict: a < b) in this branch. */
  private less(a: IrExpr, A: Iv, b: IrExpr, B: Iv, strict: boolean, env: Env): Env | null {
    if (strict ? A[0] >= B[1] : A[0] > B[1]) return null;
    const x = inputVar(a);
    const y = inputVar(b);
    let out = env;
    if (x) out = withIv(out, x, [A[0], Math.min(A[1], B[1])]);
    if (y) out = withIv(out, y, [Math.max(B[0], A[0]), B[1]]);
    if (x && y && x !== y) out = { iv: out.iv, le: new Set([...out.le, factKey(x, y)]) };
    return out;
  }
}

const NEGATE = { '>=': '<', '>': '<=', '<=': '>', '<': '>=', '=': '!=', '!=': '=' } as const;

function withIv(env: Env, v: InputVar | null, iv: Iv): Env {
  if (!v) return env;
  const m = new Map(env.iv);
  m.set(v, ivMeet(m.get(v) ?? ALL_IV, iv));
  return { iv: m, le: env.le };
}

/** Either branch of an `或`: what holds in both. */
function join(a: Env | null, b: Env | null): Env | null {
  if (!a || !b) return a ?? b;
  const iv = new Map<InputVar, Iv>();
  for (const [k, x] of a.iv) {
    const y = b.iv.get(k);
    if (y) iv.set(k, ivHull(x, y));
  }
  return { iv, le: new Set([...a.le].filter((f) => b.le.has(f))) };
}

/** The starting environment: every input in its domain, no facts. */
export function envOf(domains: Domains): Env {
  return { iv: new Map(Object.entries(domains) as [InputVar, Iv][]), le: new Set() };
}

/** The abstract value of a lowered formula over the given domains (for tests and messages). */
export function analyzeIr(e: IrExpr, domains: Domains = domainsFor()): AbsVal | null {
  return new Prover().analyze(e, envOf(domains));
}

export interface ProveOptions {
  subject: 'rule' | 'section';
  name: string;
  /** a concrete weight (a section's 分值), used when the symbolic proof fails */
  weight?: number;
  /** the spelling of the weight in messages: 权重 for rules, 分值 for sections */
  weightName: string;
  /** inputs the rule lets be negative (允许负数) */
  negatives?: readonly VarId[];
  /** declared inputs and row sets an indicator formula may read */
  scope?: LowerScope;
}

/**
 * Type-check `得分 = expr`, lower it and prove it stays within [0, W]. Reports unknown
 * variables, unit errors and an unproven bound; returns the proof record and the IR,
 * or null when the formula had other errors (then no bound is claimed either way).
 */
export function proveFormula(expr: Expr, range: Range, ctx: FormulaContext, opts: ProveOptions, sink: DiagnosticSink): { proof: Proof; ir: IrExpr } | null {
  const type = new FormulaTypeChecker(sink, ctx, new Set(opts.scope?.inputs.keys() ?? [])).check(expr);
  if (type === null) return null;
  const text = printExpr(expr);
  const formula = `得分 = ${text}`;
  if (type === 'condition') {
    sink.report('typeMismatch', range, { formula: text });
    return null;
  }
  const ir = lower(expr, opts.scope);
  const domains = domainsFor(opts.negatives);
  const v0 = new Prover().analyze(ir, envOf(domains)) ?? POINTS_ZERO;
  if (type === 'number') {
    const shown = v0.t === 'N' ? fmtIv(v0.iv) : '?';
    // the ratio times the weight, clamped where it needs to be: a fix that is then also proven
    const prover = new Prover();
    const env = envOf(domains);
    const weighted = clampLeaf({ kind: 'Binary', range: expr.range, op: '*', left: { kind: 'Var', range: expr.range, name: opts.weightName }, right: expr }, env, prover, opts);
    const fix = fits(prover.analyze(lower(weighted, opts.scope), env), opts.weight) ? printExpr(weighted) : null;
    sink.report(
      'scoreNotPoints',
      range,
      fix ? { formula: text, reach: shown, weight: opts.weightName, fix } : { formula: text, reach: shown, weight: opts.weightName },
      fix ? { fixes: [{ title: { zh: `改为 ${fix}`, en: `change to ${quote(fix, Infinity)}` }, edits: [{ range: expr.range, text: fix }] }] } : undefined,
    );
    return null;
  }
  const v = v0.t === 'P' ? v0 : POINTS_ZERO;
  if (v.t !== 'P') return null;
  const shown = fmtVal(v, opts.weightName);
  const record = (interval: string, within: string, proven: boolean): { proof: Proof; ir: IrExpr } => ({
    proof: { subject: opts.subject, name: opts.name, formula, interval, within, proven },
    ir,
  });
  if (provenNonNeg(v) && provenAtMostW(v)) return record(shown, `[0, ${opts.weightName}]`, true);
  if (opts.weight !== undefined) {
    const w = opts.weight;
    const lo = mulW(w, v.a[0]) + v.c[0];
    const hi = mulW(w, v.a[1]) + v.c[1];
    const within = `[0, ${fmtNum(w)}]`;
    if (lo >= 0 && hi <= w) return record(fmtIv([lo, hi]), within, true);
    report(sink, range, text, `${shown} = ${fmtIv([lo, hi])}`, within, expr, domains, opts, v);
    return record(fmtIv([lo, hi]), within, false);
  }
  const within = `[0, ${opts.weightName}]`;
  report(sink, range, text, shown, within, expr, domains, opts, v);
  return record(shown, within, false);
}

function mulW(w: number, a: number): number {
  return w === 0 || a === 0 ? 0 : w * a;
}

/** A value that stays within [0, W] for every W ≥ 0, or within [0, weight] for a section's own weight; a dead branch (null) does too. */
function fits(v: Val | null, weight: number | undefined): boolean {
  if (!v) return true;
  if (v.t === 'N') return v.zero;
  if (v.t !== 'P') return false;
  if (provenNonNeg(v) && provenAtMostW(v)) return true;
  if (weight === undefined) return false;
  return mulW(weight, v.a[0]) + v.c[0] >= 0 && mulW(weight, v.a[1]) + v.c[1] <= weight;
}

/** The part of a formula that breaks the bound, and the branch it is in. */
interface Culprit {
  leaf: Expr;
  /** the value it can reach in its branch */
  value: Val;
  /** the last condition on the way to it, and whether it holds there */
  cond: { expr: Expr; holds: boolean } | null;
}

/**
 * The parts of `expr` (the results of its 如果 branches, or the whole) that do not stay
 * within the bound in their branch, and the formula with each of them clamped as simply
 * as it can be: `权重 * 实际 / 目标` → `权重 * min(实际 / 目标, 1)`. The fix is offered only
 * when the clamped formula is proven; otherwise the whole formula is clamped, if that is.
 */
function clampedFormula(expr: Expr, domains: Domains, opts: ProveOptions): { culprits: Culprit[]; fix: { range: Range; text: string }[] | null } {
  const prover = new Prover();
  const culprits: Culprit[] = [];
  const edits: { range: Range; text: string }[] = [];
  const walk = (e: Expr, env: Env | null, cond: Culprit['cond']): Expr => {
    if (!env) return e;
    if (e.kind === 'If') {
      const c = lower(e.cond, opts.scope);
      const t = walk(e.then, prover.refine(c, env, true), { expr: e.cond, holds: true });
      const f = walk(e.else, prover.refine(c, env, false), { expr: e.cond, holds: false });
      return t === e.then && f === e.else ? e : { ...e, then: t, else: f };
    }
    const v = prover.analyze(lower(e, opts.scope), env);
    if (fits(v, opts.weight)) return e;
    culprits.push({ leaf: e, value: v ?? TOP, cond });
    // clamped over the inputs' whole domains, not only this branch's: the fix must not
    // lean on the condition around it (it reads the same wherever it is copied)
    const fixed = clampLeaf(e, envOf(domains), prover, opts);
    edits.push({ range: e.range, text: printExpr(fixed) });
    return fixed;
  };
  const env = envOf(domains);
  const local = walk(expr, env, null);
  const proven = (e: Expr) => fits(prover.analyze(lower(e, opts.scope), env), opts.weight);
  if (edits.length && proven(local)) return { culprits, fix: edits };
  const whole = clampLeaf(expr, env, prover, opts);
  return { culprits, fix: proven(whole) ? [{ range: expr.range, text: printExpr(whole) }] : null };
}

const isWeight = (e: Expr): e is Expr & { kind: 'Var' } => e.kind === 'Var' && lookupVar(e.name) === 'W';

/** `e` clamped to [0, W] by the smallest change: `W * x` → `W * min(x, 1)` (and max(…, 0) where needed), else min(max(e, 0), W). */
function clampLeaf(e: Expr, env: Env, prover: Prover, opts: ProveOptions): Expr {
  const range = e.range;
  const num = (value: number): Expr => ({ kind: 'Number', range, quantity: { kind: 'Quantity', range, text: String(value), value, unit: null } });
  const call = (fn: 'min' | 'max', args: Expr[]): Expr => ({ kind: 'Call', range, fn, spelling: fn, args });
  const times = (l: Expr, r: Expr): Expr => ({ kind: 'Binary', range, op: '*', left: l, right: r });
  let leaf = e;
  // 权重 * 实际 / 目标 multiplies first: the ratio is what needs the clamp, 权重 * (实际 / 目标)
  if (leaf.kind === 'Binary' && leaf.op === '/' && leaf.left.kind === 'Binary' && leaf.left.op === '*') {
    const { left: a, right: b } = leaf.left;
    const w = isWeight(a) ? a : isWeight(b) ? b : null;
    if (w) leaf = times(w, { kind: 'Binary', range, op: '/', left: w === a ? b : a, right: leaf.right });
  }
  if (leaf.kind === 'Binary' && leaf.op === '*' && (isWeight(leaf.left) || isWeight(leaf.right))) {
    const w = isWeight(leaf.left) ? leaf.left : leaf.right;
    const other = w === leaf.left ? leaf.right : leaf.left;
    const v = prover.analyze(lower(other, opts.scope), env);
    if (v && v.t === 'N') {
      let inner = other;
      if (!(v.iv[1] <= 1)) inner = call('min', [inner, num(1)]);
      if (!(v.iv[0] >= 0)) inner = call('max', [inner, num(0)]);
      return times(w, inner);
    }
  }
  const v = prover.analyze(lower(leaf, opts.scope), env);
  const weight: Expr = { kind: 'Var', range, name: opts.weightName };
  let out = leaf;
  const low = v && v.t === 'P' ? v.a[0] >= 0 && v.c[0] >= 0 : false;
  const high = v && v.t === 'P' ? v.a[1] <= 1 && v.c[1] <= 0 : false;
  if (!low) out = call('max', [out, num(0)]);
  if (!high) out = call('min', [out, weight]);
  return out;
}

/** How high or low a points value can go, as the message's data (codes.ts UnboundedData). */
function reachOf(v: Val): Pick<UnboundedData, 'certain' | 'upper' | 'negative'> {
  if (v.t !== 'P') return { certain: false, negative: false };
  const out: Pick<UnboundedData, 'certain' | 'upper' | 'negative'> = { certain: true, negative: !(v.a[0] >= 0 && v.c[0] >= 0) };
  if (!(v.a[1] <= 1 && v.c[1] <= 0)) out.upper = Number.isFinite(v.a[1]) && Number.isFinite(v.c[1]) ? { a: v.a[1], c: v.c[1] } : 'none';
  return out;
}

/**
 * JX2021, said in words: which part of the formula, in which case, and what goes wrong
 * there; with the smallest clamp that is proven as a quick fix.
 */
function report(sink: DiagnosticSink, range: Range, formula: string, shown: string, within: string, expr: Expr, domains: Domains, opts: ProveOptions, whole: Val): void {
  const { culprits, fix } = clampedFormula(expr, domains, opts);
  const order = productOverQuotient(expr);
  const c = culprits[0];
  const data: UnboundedData = {
    formula,
    reach: shown,
    within,
    weight: opts.weightName,
    fix: suggestClamp(expr, domains, opts.scope),
    leaf: printExpr(c ? c.leaf : expr),
    ...reachOf(c?.value ?? whole),
  };
  if (order) data.order = order;
  if (c?.cond) data.cond = { expr: printExpr(c.cond.expr), holds: c.cond.holds };
  // the ratio is blamed only where it can exceed 1 (a `min(…, 1)` cannot; then the fault is
  // elsewhere, a negative score, which the message says)
  const ratio = c && c.leaf.kind === 'Binary' ? ratioOf(c.leaf) : null;
  const rv = ratio ? new Prover().analyze(lower(ratio, opts.scope), envOf(domains)) : null;
  if (ratio && !(rv && rv.t === 'N' && rv.iv[1] <= 1)) data.ratio = printExpr(ratio);
  const one = fix?.length === 1 ? fix[0]! : null;
  if (one) {
    // the clamp counts a ratio as 1 at most, or cuts the score itself to the range
    const wholeClamp = /^(min|max|最小|最大|取小|取大)\(/.test(one.text);
    data.edit = { from: printExpr(exprAt(expr, one.range) ?? expr), to: one.text, whole: wholeClamp, low: one.text.includes('max(') };
  }
  const title =
    fix?.length === 1
      ? { zh: `改为 ${fix[0]!.text}`, en: `change to ${quote(fix[0]!.text, Infinity)}` }
      : { zh: '给超出范围的部分加上封顶', en: 'clamp the parts that leave the range' };
  sink.report('unbounded', range, data, fix ? { fixes: [{ title, edits: fix }] } : undefined);
}

/** The expressions written directly inside `e`. */
function subExprs(e: Expr): readonly Expr[] {
  if (e.kind === 'Binary' || e.kind === 'Compare' || e.kind === 'Logical') return [e.left, e.right];
  if (e.kind === 'Unary') return [e.operand];
  if (e.kind === 'Call') return e.args;
  if (e.kind === 'If') return [e.cond, e.then, e.else];
  return [];
}

/** The sub-expression of `e` written at `range`. */
function exprAt(e: Expr, range: Range): Expr | null {
  if (e.range === range) return e;
  for (const k of subExprs(e)) {
    const r = exprAt(k, range);
    if (r) return r;
  }
  return null;
}

/** The ratio a product with the weight scales by: `实际 / 目标` in `权重 * 实际 / 目标` or `权重 * (实际 / 目标)`. */
function ratioOf(e: Expr & { kind: 'Binary' }): Expr | null {
  if (e.op === '/' && e.left.kind === 'Binary' && e.left.op === '*') {
    const { left: a, right: b } = e.left;
    const x = isWeight(a) ? b : isWeight(b) ? a : null;
    if (x) return { kind: 'Binary', range: e.range, op: '/', left: x, right: e.right };
  }
  if (e.op === '*') {
    if (isWeight(e.left)) return e.right;
    if (isWeight(e.right)) return e.left;
  }
  return null;
}

/** The first `x * y / z` in the formula, with its ratio-first spelling `x * (y / z)`. */
function productOverQuotient(e: Expr): { text: string; fix: string } | null {
  if (e.kind === 'Binary' && e.op === '/' && e.left.kind === 'Binary' && e.left.op === '*') {
    return { text: printExpr(e), fix: `${printExpr(e.left.left)} * (${printExpr(e.left.right)} / ${printExpr(e.right)})` };
  }
  for (const k of subExprs(e)) {
    const r = productOverQuotient(k);
    if (r) return r;
  }
  return null;
}

/** `权重 * X` → `权重 * min(X, 1)` (and max(…, 0) where needed); otherwise clamp the whole. */
function suggestClamp(expr: Expr, domains: Domains, scope?: LowerScope): string {
  if (expr.kind === 'Binary' && expr.op === '*') {
    const isW = (e: Expr) => e.kind === 'Var' && lookupVar(e.name) === 'W';
    const [w, other] = isW(expr.left) ? [expr.left, expr.right] : isW(expr.right) ? [expr.right, expr.left] : [null, null];
    if (w && other && w.kind === 'Var') {
      const a = analyzeIr(lower(other, scope), domains);
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
