// The reference interpreter: the same semantics as the generated evaluator,
// written the plain way (tree walking, exact decimal sums), so the codegen can
// be tested against it.

import type { TargetShape } from '@jixiao/language';
import { type Dec, DEC_ZERO, decAdd, decCmp, decFromNumber, decSub, decToNumber } from './decimal.ts';
import { MAX_WEIGHT, type DeductionResult, type EvalInput, type EvalOutput, type RowInput, type RowResult, type SectionResult } from './evaluator.ts';
import { type Trace, explainRow, explainScaled, explainSection, numberIfs } from './explain.ts';
import type { IrExpr } from './ir.ts';
import { varsOf } from './ir.ts';
import { type CheckedTemplate, type SectionModel, flattenSections } from './model.ts';
import { roundScore, scaleToCap, toMicro } from './round.ts';
import type { VarId } from './vars.ts';

class DivByZero extends Error {}

type Env = (v: VarId) => unknown;

function evalIr(e: IrExpr, env: Env, trace: Trace, ifs: Map<IrExpr, number>): number | boolean {
  const num = (x: IrExpr) => evalIr(x, env, trace, ifs) as number;
  const bool = (x: IrExpr) => evalIr(x, env, trace, ifs) as boolean;
  switch (e.op) {
    case 'num':
      return e.value;
    case 'var':
      return env(e.v) as number;
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
      switch (e.cmp) {
        case '>=':
          return l >= r;
        case '>':
          return l > r;
        case '<=':
          return l <= r;
        case '<':
          return l < r;
        case '=':
          return l === r;
        case '!=':
          return l !== r;
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

type Outcome = { status: 'ok' | 'div-by-zero' | 'invalid-input'; score: number; trace: Trace };

/** Run one formula: check the inputs it reads, evaluate, round. */
function runFormula(t: CheckedTemplate, f: IrExpr, env: Env): Outcome {
  const ifs = numberIfs(f);
  const trace: Trace = new Array<number>(ifs.size).fill(0);
  for (const v of varsOf(f)) {
    const x = env(v);
    if (!(v === 'fraction' ? unit(x) : nonNeg(x))) return { status: 'invalid-input', score: 0, trace };
  }
  let v: number;
  try {
    v = evalIr(f, env, trace, ifs) as number;
  } catch (e) {
    if (e instanceof DivByZero) return { status: 'div-by-zero', score: 0, trace };
    throw e;
  }
  if (!Number.isFinite(v)) return { status: 'invalid-input', score: 0, trace };
  return { status: 'ok', score: roundScore(v, t.decimals, t.rounding), trace };
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

const dec = (x: number): Dec => decFromNumber(x);

/**
 * What the interpreter reports to `onTrace` for each formula it ran (rule coverage):
 * the rule or formula section, and which branch each of its `如果` took (Trace).
 */
export type TraceEvent =
  | { kind: 'rule'; rule: number; section: number; row: RowInput; status: RowResult['status']; trace: Trace }
  | { kind: 'section'; section: number; status: SectionResult['status']; trace: Trace };

export interface InterpretOptions {
  explain?: boolean;
  /** called after every formula evaluation, with the branches it took */
  onTrace?: (e: TraceEvent) => void;
}

export function interpret(t: CheckedTemplate, input: EvalInput, opts: InterpretOptions = {}): EvalOutput {
  const flat = flattenSections(t);
  const scores: Dec[] = flat.map(() => DEC_ZERO);
  const weightMicro: number[] = flat.map(() => 0);
  const used = new Set<number>();
  const status: SectionResult['status'][] = flat.map(() => 'ok');
  const explains: (string | undefined)[] = flat.map(() => undefined);

  const rows: RowResult[][] = (Array.isArray(input.sections) ? input.sections : []).map((rs, i) =>
    (Array.isArray(rs) ? rs : []).map((row: RowInput): RowResult => {
      const s = place(t.sections[i], row.path);
      const leaf = s?.kind === 'leaf';
      const weight = leaf ? s.weight.value : row.weight;
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
      if (leaf) used.add(s.id);
      else weightMicro[s.id]! += okWeight(weight) ? toMicro(weight) : 0;
      const rule = s.pinnedRule ?? ruleForShape(t, row.shape);
      if (rule < 0) return result(s.id, -1, 'no-rule', 0);
      if (!okWeight(weight)) return result(s.id, rule, 'invalid-input', 0);
      const env: Env = (v) => (v === 'W' ? weight : v === 'actual' ? row.actual : v === 'target' ? row.target : v === 'fraction' ? row.fraction : null);
      const o = runFormula(t, t.rules[rule]!.formula, env);
      opts.onTrace?.({ kind: 'rule', rule, section: s.id, row, status: o.status, trace: o.trace });
      scores[s.id] = decAdd(scores[s.id]!, dec(o.score));
      return result(s.id, rule, o.status, o.score, o.trace);
    }),
  );

  // 单位填报 sections whose row weights miss the cap are scored in proportion
  for (const s of flat) {
    if (s.kind !== 'filled') continue;
    const ws = weightMicro[s.id]!;
    const cap = toMicro(s.weight.value);
    if (ws === cap || !(ws > 0)) continue;
    const raw = decToNumber(scores[s.id]!);
    const scaled = scaleToCap(raw, ws, cap, t.decimals, t.rounding);
    scores[s.id] = dec(scaled);
    if (opts.explain) explains[s.id] = explainScaled(s.name, raw, ws / 1e6, s.weight.value, scaled);
  }

  const b = input.budget ?? { budget: null, spent: null };
  const budget = { initialBudget: b.initialBudget ?? null, budget: b.budget, spent: b.spent };
  for (const s of flat) {
    if (s.kind !== 'formula' || !s.formula) continue;
    const w = s.weight.value;
    const env: Env = (v) => (v === 'W' ? w : v === 'initialBudget' ? budget.initialBudget : v === 'budget' ? budget.budget : v === 'spent' ? budget.spent : null);
    const o = runFormula(t, s.formula, env);
    opts.onTrace?.({ kind: 'section', section: s.id, status: o.status, trace: o.trace });
    scores[s.id] = dec(o.score);
    status[s.id] = o.status;
    if (opts.explain) explains[s.id] = explainSection(s.name, s.formula, o.status, w, budget, o.trace, o.score);
  }
  const sectionScore = (s: SectionModel): Dec => {
    if (s.kind === 'fixed') scores[s.id] = s.children.map(sectionScore).reduce(decAdd, DEC_ZERO);
    return scores[s.id]!;
  };
  const sum = t.sections.map(sectionScore).reduce(decAdd, DEC_ZERO);

  // caps and the floor are applied at the template's precision
  const cap = (x: number): Dec => dec(roundScore(x, t.decimals, t.rounding));
  let total = sum;
  const deductions: DeductionResult[] = t.deductions.map((d, i) => {
    const items = Array.isArray(input.deductions?.[i]) ? input.deductions![i]! : [];
    let claimed = DEC_ZERO;
    let capped = false;
    let invalidItems = 0;
    for (const x of items) {
      if (!okWeight(x)) {
        invalidItems++;
        continue;
      }
      let amount = dec(roundScore(x, t.decimals, t.rounding));
      if (d.perItemMax && decCmp(amount, cap(d.perItemMax.value)) > 0) {
        amount = cap(d.perItemMax.value);
        capped = true;
      }
      claimed = decAdd(claimed, amount);
    }
    if (decCmp(claimed, cap(d.totalMax.value)) > 0) {
      claimed = cap(d.totalMax.value);
      capped = true;
    }
    const floor = cap(d.floor.value);
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
      weightSum: s.kind === 'filled' ? weightMicro[s.id]! / 1e6 : null,
      weightMismatch: s.kind === 'filled' && weightMicro[s.id] !== toMicro(s.weight.value),
    };
    if (explains[s.id] !== undefined) r.explain = explains[s.id]!;
    return r;
  });
  return { rows, sections, sum: decToNumber(sum), deductions, total: totalN, grade };
}
