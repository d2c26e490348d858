// The reference interpreter: the same semantics as the generated evaluator,
// written the plain way (tree walking, exact decimals), so the codegen can be tested
// against it. It rounds, scales and sums with its own exact helpers
// (exact-reference.ts), never with the runtime's (round.ts).

import type { TargetShape } from '@jixiao/language';
import { type Dec, DEC_ZERO, decAdd, decCmp, decSub, decToNumber } from './decimal.ts';
import { MAX_WEIGHT, type DeductionResult, type EvalInput, type EvalOutput, type RowInput, type RowResult, type SectionResult } from './evaluator.ts';
import { type Trace, explainRow, explainScaled, explainSection, numberIfs, numberShares, traceSize } from './explain.ts';
import type { IrExpr } from './ir.ts';
import { NEAR_EPS, nearCompare, readsOf, varsOf } from './ir.ts';
import { type CheckedTemplate, type SectionModel, flattenSections } from './model.ts';
import { proportion, roundNumber } from './exact-reference.ts';
import type { VarId } from './vars.ts';

class DivByZero extends Error {}

/** What a formula's leaves read: variables; and for indicator formulas, inputs and row sets. */
type Env = (v: VarId) => unknown;
interface Leaves {
  v: Env;
  input: (index: number) => unknown;
  set: (index: number) => unknown;
}
const NO_LEAVES = { input: () => null, set: () => [] };

function evalIr(e: IrExpr, env: Leaves, trace: Trace, ifs: Map<IrExpr, number>, shares: Map<IrExpr, number> = new Map()): number | boolean {
  const num = (x: IrExpr) => evalIr(x, env, trace, ifs, shares) as number;
  const bool = (x: IrExpr) => evalIr(x, env, trace, ifs, shares) as boolean;
  switch (e.op) {
    case 'num':
      return e.value;
    case 'var':
      return env.v(e.v) as number;
    case 'input':
      return env.input(e.index) as number;
    case 'share': {
      // each row of the set: its own 实际 and 目标; a row whose values are not numbers ≥ 0 does not count as met
      const rows = env.set(e.set);
      if (!Array.isArray(rows) || rows.length === 0) throw new DivByZero();
      const cond = e.cond;
      let met = 0;
      for (const r of rows as { actual: unknown; target: unknown }[]) {
        if (!r || !nonNeg(r.actual) || !nonNeg(r.target)) continue;
        const row: Leaves = { v: (v) => (v === 'actual' ? r.actual : v === 'target' ? r.target : null), ...NO_LEAVES };
        if (evalIr(cond, row, [], numberIfs(cond)) === true) met++;
      }
      const k = ifs.size + 2 * (shares.get(e) ?? 0);
      trace[k] = met;
      trace[k + 1] = rows.length;
      return met / rows.length;
    }
    case 'neg':
      return -num(e.x);
    case '+':
      return num(e.l) + num(e.r);
    case '-':
      return num(e.l) - num(e.r);
    case '*':
      return num(e.l) * num(e.r);
    case '/': {
      const x = num(e.l);
      const y = num(e.r);
      if (y === 0) throw new DivByZero();
      return x / y;
    }
    case 'min':
      return Math.min(...e.args.map(num));
    case 'max':
      return Math.max(...e.args.map(num));
    case 'if':
      if (bool(e.c)) {
        trace[ifs.get(e)!] = 1;
        return num(e.t);
      }
      trace[ifs.get(e)!] = 2;
      return num(e.e);
    case 'cmp': {
      const l = num(e.l);
      const r = num(e.r);
      // a computed side compares to 12 significant digits, so that decimal arithmetic lands
      // on its boundaries ((0.33 − 0.3) / 0.3 ≤ 10%); written out apart from codegen's prelude
      const same = l === r || (nearCompare(e) && Math.abs(l - r) <= NEAR_EPS * Math.max(Math.abs(l), Math.abs(r)));
      switch (e.cmp) {
        case '>=':
          return l >= r || same;
        case '>':
          return l > r && !same;
        case '<=':
          return l <= r || same;
        case '<':
          return l < r && !same;
        case '=':
          return same;
        case '!=':
          return !same;
      }
      break;
    }
    case 'and':
      return bool(e.l) && bool(e.r);
    case 'or':
      return bool(e.l) || bool(e.r);
  }
  throw new Error('unreachable');
}

const nonNeg = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const okWeight = (x: unknown): x is number => nonNeg(x) && x <= MAX_WEIGHT;
const unit = (x: unknown): x is number => typeof x === 'number' && x >= 0 && x <= 1;

type Outcome = { status: 'ok' | 'div-by-zero' | 'invalid-input'; score: Dec; raw: number; trace: Trace };

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * Run one formula: check the inputs it reads (those in `negatives` may be any finite
 * number), evaluate, and round to the template's places — never above `weight`.
 */
function runFormula(t: CheckedTemplate, f: IrExpr, env: Env | Leaves, weight: Dec, negatives: readonly VarId[] = []): Outcome {
  const leaves: Leaves = typeof env === 'function' ? { v: env, ...NO_LEAVES } : env;
  const ifs = numberIfs(f);
  const trace: Trace = new Array<number>(traceSize(f)).fill(0);
  const fail = (status: Outcome['status']): Outcome => ({ status, score: DEC_ZERO, raw: 0, trace });
  for (const v of varsOf(f)) {
    const x = leaves.v(v);
    if (v === 'W') continue;
    if (!(v === 'fraction' ? unit(x) : negatives.includes(v) ? finite(x) : nonNeg(x))) return fail('invalid-input');
  }
  for (const i of readsOf(f).inputs) if (!nonNeg(leaves.input(i))) return fail('invalid-input');
  let v: number;
  try {
    v = evalIr(f, leaves, trace, ifs, numberShares(f)) as number;
  } catch (e) {
    if (e instanceof DivByZero) return fail('div-by-zero');
    throw e;
  }
  if (!Number.isFinite(v)) return fail('invalid-input');
  const rounded = roundNumber(v, t.decimals, t.rounding);
  return { status: 'ok', score: decCmp(rounded, weight) > 0 ? weight : rounded, raw: v, trace };
}

function ruleForShape(t: CheckedTemplate, shape: unknown): number {
  const r = t.rules.find((x) => (x.shapes as unknown[]).includes(shape));
  return r ? r.index : -1;
}

function place(top: SectionModel | undefined, path: RowInput['path']): SectionModel | null {
  if (!top) return null;
  let s = top;
  if (path === undefined || path === null) return s;
  if (!Array.isArray(path)) return null;
  for (const i of path) {
    const c = Number.isInteger(i) && i >= 0 ? s.children[i] : undefined;
    if (!c) return null;
    s = c;
  }
  return s;
}

/** A weight read to the millionth, the way the evaluator reads it. */
const micro = (x: number): Dec => roundNumber(x, 6, 'half-up');

/**
 * What the interpreter reports to `onTrace` for each formula it ran (rule coverage):
 * the rule or formula section, which branch each of its `如果` took (Trace), and the
 * formula's value before rounding (`raw`, for tests of the bounds proof).
 */
export type TraceEvent =
  | { kind: 'rule'; rule: number; section: number; row: RowInput; status: RowResult['status']; trace: Trace; raw: number; weight: number }
  | { kind: 'section'; section: number; status: SectionResult['status']; trace: Trace; raw: number; weight: number };

export interface InterpretOptions {
  explain?: boolean;
  /** called after every formula evaluation, with the branches it took */
  onTrace?: (e: TraceEvent) => void;
}

export function interpret(t: CheckedTemplate, input: EvalInput, opts: InterpretOptions = {}): EvalOutput {
  const flat = flattenSections(t);
  const scores: Dec[] = flat.map(() => DEC_ZERO);
  const weightSums: Dec[] = flat.map(() => DEC_ZERO);
  const used = new Set<number>();
  let notApplicable = DEC_ZERO;
  const status: SectionResult['status'][] = flat.map(() => 'ok');
  const explains: (string | undefined)[] = flat.map(() => undefined);

  const rows: RowResult[][] = (Array.isArray(input.sections) ? input.sections : []).map((rs, i) =>
    (Array.isArray(rs) ? rs : []).map((row: RowInput): RowResult => {
      const s = place(t.sections[i], row.path);
      const leaf = s?.kind === 'leaf';
      const given = leaf ? s.weight.value : row.weight;
      // a weight in range is used to the millionth; one out of range is reported as given
      const wDec = okWeight(given) ? micro(given) : null;
      const weight = wDec ? decToNumber(wDec) : given;
      const result = (section: number, rule: number, st: RowResult['status'], score: number, trace: Trace = []): RowResult => {
        const r: RowResult = { section, rule, status: st, weight, score };
        if (opts.explain) {
          const rm = rule >= 0 ? t.rules[rule]! : null;
          r.explain = explainRow({
            ruleName: rm ? rm.name : null,
            formula: st === 'ok' && rm ? rm.formula : null,
            status: st,
            weight,
            shape: row.shape as TargetShape | null,
            actual: row.actual,
            target: row.target,
            fraction: row.fraction,
            trace,
            score,
          });
        }
        return r;
      };
      if (!s || !(s.kind === 'filled' || (leaf && !used.has(s.id)))) return result(-1, -1, 'unplaced', 0);
      if (row.notApplicable === true) {
        // 不适用: 0 分; the weight leaves its section (按一级指标折算) or stays; 按总分折算 rescales the total
        if (leaf) used.add(s.id);
        else if (wDec && t.notApplicable !== 'section') weightSums[s.id] = decAdd(weightSums[s.id]!, wDec);
        if (wDec && t.notApplicable === 'total') notApplicable = decAdd(notApplicable, wDec);
        return result(s.id, -1, 'not-applicable', 0);
      }
      if (leaf) used.add(s.id);
      else if (wDec) weightSums[s.id] = decAdd(weightSums[s.id]!, wDec);
      const rule = s.pinnedRule ?? ruleForShape(t, row.shape);
      if (rule < 0) return result(s.id, -1, 'no-rule', 0);
      if (!wDec) return result(s.id, rule, 'invalid-input', 0);
      const env: Env = (v) => (v === 'W' ? weight : v === 'actual' ? row.actual : v === 'target' ? row.target : v === 'fraction' ? row.fraction : null);
      const rm = t.rules[rule]!;
      const o = runFormula(t, rm.formula, env, wDec, rm.negatives);
      opts.onTrace?.({ kind: 'rule', rule, section: s.id, row, status: o.status, trace: o.trace, raw: o.raw, weight });
      scores[s.id] = decAdd(scores[s.id]!, o.score);
      return result(s.id, rule, o.status, decToNumber(o.score), o.trace);
    }),
  );

  // 单位填报 sections whose row weights miss the cap are scored in proportion
  for (const s of flat) {
    if (s.kind !== 'filled') continue;
    const ws = weightSums[s.id]!;
    const cap = micro(s.weight.value);
    if (decCmp(ws, cap) === 0 || ws.units <= 0n) continue;
    const raw = scores[s.id]!;
    scores[s.id] = proportion(raw, cap, ws, t.decimals, t.rounding);
    if (opts.explain) explains[s.id] = explainScaled(s.name, decToNumber(raw), decToNumber(ws), s.weight.value, decToNumber(scores[s.id]!));
  }

  const b = input.budget ?? { budget: null, spent: null };
  const budget = { initialBudget: b.initialBudget ?? null, budget: b.budget, spent: b.spent };
  const inputs = Array.isArray(input.inputs) ? input.inputs : [];
  const sets = Array.isArray(input.rowSets) ? input.rowSets : [];
  const formulaRows = Array.isArray(input.formulaRows) ? input.formulaRows : [];
  for (const s of flat) {
    if (s.kind !== 'formula' || !s.formula) continue;
    const w = s.weight.value;
    // the filing's row of this indicator (its 实际/目标), which also marks it filed (择一)
    const fr = formulaRows[s.id] ?? null;
    if (fr) used.add(s.id);
    const env: Env = (v) =>
      v === 'W'
        ? w
        : v === 'initialBudget'
          ? budget.initialBudget
          : v === 'budget'
            ? budget.budget
            : v === 'spent'
              ? budget.spent
              : v === 'actual'
                ? (fr?.actual ?? null)
                : v === 'target'
                  ? (fr?.target ?? null)
                  : null;
    const o = runFormula(t, s.formula, { v: env, input: (i) => inputs[i] ?? null, set: (i) => sets[i] }, micro(w));
    opts.onTrace?.({ kind: 'section', section: s.id, status: o.status, trace: o.trace, raw: o.raw, weight: w });
    scores[s.id] = o.score;
    status[s.id] = o.status;
    if (opts.explain)
      explains[s.id] = explainSection(s.name, s.formula, o.status, w, { budget, row: fr ? { actual: fr.actual, target: fr.target } : null, inputs }, o.trace, decToNumber(o.score));
  }
  // a fixed indicator sums its children, each 择一 group once: its first alternative filed
  const sectionScore = (s: SectionModel): Dec => {
    if (s.kind === 'fixed') {
      const groups = new Set<number>();
      let sum = DEC_ZERO;
      for (const c of s.children) {
        const score = sectionScore(c);
        if (c.choice === null) sum = decAdd(sum, score);
        else if (!groups.has(c.choice)) {
          groups.add(c.choice);
          const filed = s.children.find((o) => o.choice === c.choice && used.has(o.id));
          if (filed) sum = decAdd(sum, filed === c ? score : sectionScore(filed));
        }
      }
      scores[s.id] = sum;
    }
    return scores[s.id]!;
  };
  let sum = t.sections.map(sectionScore).reduce(decAdd, DEC_ZERO);
  // 不适用 按总分折算: applicable scores × 总分 / (总分 − weights not applicable), never above 总分
  const totalCap = micro(t.total.value);
  if (t.notApplicable === 'total' && notApplicable.units > 0n && decCmp(notApplicable, totalCap) < 0) {
    const scaled = proportion(sum, totalCap, decSub(totalCap, notApplicable), t.decimals, t.rounding);
    sum = decCmp(scaled, totalCap) > 0 ? totalCap : scaled;
  }

  // the caps and the floor have at most the template's places (the checker's JX2034)
  let total = sum;
  const deductions: DeductionResult[] = t.deductions.map((d, i) => {
    const items = Array.isArray(input.deductions?.[i]) ? input.deductions![i]! : [];
    const perItem = d.perItemMax ? micro(d.perItemMax.value) : null;
    let claimed = DEC_ZERO;
    let capped = false;
    let invalidItems = 0;
    for (const x of items) {
      if (!okWeight(x)) {
        invalidItems++;
        continue;
      }
      let amount = roundNumber(x, t.decimals, t.rounding);
      if (perItem && decCmp(amount, perItem) > 0) {
        amount = perItem;
        capped = true;
      }
      claimed = decAdd(claimed, amount);
    }
    const totalMax = micro(d.totalMax.value);
    if (decCmp(claimed, totalMax) > 0) {
      claimed = totalMax;
      capped = true;
    }
    const floor = micro(d.floor.value);
    const before = total;
    const lowered = decSub(total, claimed);
    const keep = decCmp(total, floor) < 0 ? total : floor; // min(total, floor)
    total = decCmp(lowered, keep) > 0 ? lowered : keep; // max(total − claimed, min(total, floor))
    return { applied: decToNumber(decSub(before, total)), capped, invalidItems };
  });

  const totalN = decToNumber(total);
  const grade = t.grades.findIndex((g) => (g.loClosed ? totalN >= g.lo : totalN > g.lo) && (g.hiClosed ? totalN <= g.hi : totalN < g.hi));
  const sections: SectionResult[] = flat.map((s) => {
    const r: SectionResult = {
      score: decToNumber(scores[s.id]!),
      status: status[s.id]!,
      weightSum: s.kind === 'filled' ? decToNumber(weightSums[s.id]!) : null,
      weightMismatch: s.kind === 'filled' && decCmp(weightSums[s.id]!, micro(s.weight.value)) !== 0,
    };
    if (explains[s.id] !== undefined) r.explain = explains[s.id]!;
    return r;
  });
  return { rows, sections, sum: decToNumber(sum), deductions, total: totalN, grade };
}
