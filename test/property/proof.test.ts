// A test of the bounds proof itself. Templates are generated with random, mostly
// unclamped formulas (+ − × ÷, unary minus, min/max, 如果, %, literals from 0 to 1e9 and
// down to 1e-9), random caps and 保留小数 with any number of decimals, rules that may
// allow negative inputs; the checker decides which it accepts. For every accepted
// template and random inputs (0, negatives, extremes, junk, row weights with any number
// of decimals) every row, section and total must be finite and within its bound, the
// value of every formula before rounding within [0, weight] (what the proof claims),
// and the compiled evaluator must equal the reference interpreter, which rounds, scales
// and sums with its own exact decimals.
//
// The default test run checks 500 accepted templates (seconds); `pnpm test:proof`, part of
// test:all and so of CI, checks at least 10,000 (PROOF_TEMPLATES sets the number).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as A from '../../packages/language/src/index.ts';
import { type CheckedTemplate, type EvalInput, type RowInput, type SectionModel, checkTemplate, compile, flattenSections, interpret } from '../../packages/compiler/src/index.ts';
import * as B from '../support/builder.ts';

const WANTED = Number(process.env.PROOF_TEMPLATES ?? 500);

// ───────────── formulas ─────────────

const LITERALS = ['0', '1', '2', '0.5', '0.1', '3', '100', '0.000000001', '0.0001', '1000000000', '123456.789', '0.3333'];
const lit = fc.oneof(
  fc.constantFrom(...LITERALS).map((t) => B.num(t)),
  fc.constantFrom('0', '50', '80', '100', '130', '0.5').map((t) => B.num(t, '%')),
  fc.integer({ min: 0, max: 10_000 }).map((n) => B.num(String(n / 100))),
);
const CMP = fc.constantFrom('>=', '>', '<=', '<', '=', '!=') as fc.Arbitrary<A.CmpOp>;

/** Unitless expressions over `vars`: anything, unbounded and negative included. */
function ratio(vars: string[]): fc.Arbitrary<A.Expr> {
  const { r } = fc.letrec<{ r: A.Expr; c: A.Expr }>((tie) => ({
    r: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'r' },
      fc.constantFrom(...vars).map((v) => B.v(v)),
      lit,
      tie('r').map((x) => B.neg(x)),
      fc.tuple(fc.constantFrom('+', '-', '*', '/') as fc.Arbitrary<A.Binary['op']>, tie('r'), tie('r')).map(([op, l, rr]) => B.bin(op, l, rr)),
      fc.tuple(fc.constantFrom('min', 'max'), tie('r'), tie('r')).map(([f, l, rr]) => (f === 'min' ? B.min(l, rr) : B.max(l, rr))),
      fc.tuple(tie('c'), tie('r'), tie('r')).map(([c, t, e]) => B.iff(c, t, e)),
    ),
    c: fc.oneof(
      { maxDepth: 2, depthIdentifier: 'c' },
      fc.tuple(CMP, tie('r'), tie('r')).map(([o, l, rr]) => B.cmp(o, l, rr)),
      fc.tuple(CMP, fc.constantFrom(...vars), fc.constantFrom(...vars)).map(([o, l, rr]) => B.cmp(o, B.v(l), B.v(rr))),
      fc.tuple(tie('c'), tie('c'), fc.boolean()).map(([l, rr, isAnd]) => (isAnd ? B.and(l, rr) : B.or(l, rr))),
    ),
  }));
  return r;
}

/** Points expressions: the weight scaled, shifted, compared, branched — rarely clamped. */
function rawScore(vars: string[], weight: string): fc.Arbitrary<A.Expr> {
  const r = ratio(vars);
  const W = () => B.v(weight);
  const cond = fc.tuple(CMP, r, r).map(([o, l, rr]) => B.cmp(o, l, rr));
  const { p } = fc.letrec<{ p: A.Expr }>((tie) => ({
    p: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'p' },
      fc.constant(null).map(() => W()),
      fc.constantFrom('0', '1', '5', '0.5').map((t) => B.num(t, '分')),
      r.map((x) => B.mul(W(), x)),
      r.map((x) => B.mul(x, W())),
      r.map((x) => B.div(B.mul(W(), x), B.v(vars[0]!))),
      tie('p').map((x) => B.neg(x)),
      fc.tuple(tie('p'), r).map(([x, y]) => B.mul(x, y)),
      fc.tuple(tie('p'), r).map(([x, y]) => B.div(x, y)),
      fc.tuple(fc.constantFrom('+', '-') as fc.Arbitrary<'+' | '-'>, tie('p'), tie('p')).map(([op, l, rr]) => B.bin(op, l, rr)),
      fc.tuple(fc.constantFrom('min', 'max'), tie('p'), tie('p')).map(([f, l, rr]) => (f === 'min' ? B.min(l, rr) : B.max(l, rr))),
      fc.tuple(cond, tie('p'), tie('p')).map(([c, t, e]) => B.iff(c, t, e)),
    ),
  }));
  return p;
}

/**
 * Score formulas: half of them fully random (mostly rejected), half in the shapes
 * authors write — a branch on two inputs with an unclamped ratio, a clamp around
 * something random, a branch between random points — that the proof has to get right
 * whichever way it decides.
 */
function score(vars: string[], weight: string): fc.Arbitrary<A.Expr> {
  const r = ratio(vars);
  const raw = rawScore(vars, weight);
  const W = () => B.v(weight);
  const [x, y] = vars;
  const ratioOf = fc.tuple(fc.constantFrom([x!, y!], [y!, x!]), fc.boolean()).map(([[a, b], first]) =>
    // ratio first (provable in the right branch) or product first (never, as computed)
    first ? B.mul(W(), B.div(B.v(a), B.v(b))) : B.div(B.mul(W(), B.v(a)), B.v(b)),
  );
  return fc.oneof(
    { weight: 2, arbitrary: raw },
    // 如果 a >= b 则 权重 否则 权重 * a / b, in every direction and strictness
    {
      weight: 3,
      arbitrary: fc.tuple(CMP, ratioOf, fc.boolean()).map(([o, q, flip]) => (flip ? B.iff(B.cmp(o, B.v(x!), B.v(y!)), q, W()) : B.iff(B.cmp(o, B.v(x!), B.v(y!)), W(), q))),
    },
    { weight: 2, arbitrary: r.map((e) => B.mul(W(), B.min(B.max(e, B.num(0)), B.num(1)))) },
    { weight: 1, arbitrary: r.map((e) => B.mul(W(), B.min(e, B.num(1)))) },
    { weight: 2, arbitrary: fc.tuple(fc.tuple(CMP, r, r), raw, raw).map(([[o, l, rr], t, e]) => B.iff(B.cmp(o, l, rr), B.max(B.min(t, W()), B.num(0)), e)) },
    { weight: 2, arbitrary: fc.tuple(raw, raw).map(([a, b]) => B.min(B.max(a, B.num(0)), b, W())) },
  );
}

// ───────────── templates ─────────────

/** A decimal with `places` digits after the point, of `units` / 10^places. */
function decimal(units: number, places: number): string {
  if (places === 0) return String(units);
  const s = String(units).padStart(places + 1, '0');
  return `${s.slice(0, -places)}.${s.slice(-places)}`;
}

/** k positive integer parts of `total`. */
const partition = (total: number, k: number) =>
  fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, total - 1) }), { minLength: k - 1, maxLength: k - 1 }).map((cuts) => {
    const c = [0, ...cuts.sort((a, b) => a - b), total];
    return c.slice(1).map((x, i) => x - c[i]!);
  });

const RULE_VARS = ['实际', '目标', '完成比例'];
const BUDGET_VARS = ['执行数', '预算数', '年初预算数'];
const SHAPES: A.TargetShape[] = ['>=', '>', '<=', '<', '=', '!=', 'qualitative', 'deadline'];

function arbSection(level: 1 | 2 | 3, name: string, weight: string, capPlaces: number, ruleNames: string[]): fc.Arbitrary<A.SectionDecl> {
  const units = Math.round(Number(weight) * 10 ** capPlaces);
  const pin = fc.option(fc.constantFrom(...ruleNames), { nil: undefined, freq: 3 });
  const kinds: fc.Arbitrary<A.SectionDecl>[] = [pin.map((rule) => B.section(level, name, weight, { filled: true, ...(rule ? { rule } : {}) }))];
  if (level === 1) kinds.push(score(BUDGET_VARS, '分值').map((s) => B.section(level, name, weight, { score: s })));
  if (level > 1) kinds.push(pin.map((rule) => B.section(level, name, weight, rule ? { rule } : {})));
  if (level < 3 && units >= 2)
    kinds.push(
      fc
        .integer({ min: 1, max: Math.min(3, units) })
        .chain((k) =>
          partition(units, k).chain((parts) =>
            fc
              .tuple(...parts.map((u, i) => arbSection((level + 1) as 2 | 3, `${name}${'甲乙丙'[i]}`, decimal(u, capPlaces), capPlaces, ruleNames)))
              .map((children) => B.section(level, name, weight, { children })),
          ),
        ),
    );
  return fc.oneof(...kinds);
}

const arbTemplate: fc.Arbitrary<A.Template> = fc
  .record({
    places: fc.integer({ min: 0, max: 6 }),
    // a cap finer than 保留小数 is refused (JX2034): now and then, not mostly
    capPlaces: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 2 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 5 }) }),
    mode: fc.constantFrom('half-up', 'truncate', 'half-even') as fc.Arbitrary<A.RoundingDecl['mode']>,
    rules: fc.array(fc.record({ shapes: fc.subarray(SHAPES), formula: score(RULE_VARS, '权重'), negatives: fc.subarray(['实际', '目标']) }), { minLength: 1, maxLength: 2 }),
    nSections: fc.integer({ min: 1, max: 4 }),
    deduction: fc.option(fc.record({ totalMax: fc.integer({ min: 0, max: 20 }), perItem: fc.option(fc.integer({ min: 0, max: 10 })), floor: fc.integer({ min: 0, max: 30 }) })),
  })
  .chain((p) => {
    const claimed = new Set<A.TargetShape>();
    const rules = p.rules.map((r, i) => {
      const own = r.shapes.filter((s) => !claimed.has(s));
      own.forEach((s) => claimed.add(s));
      return B.rule(`规则${'甲乙丙'[i]}`, own, r.formula, r.negatives);
    });
    const totalUnits = 100 * 10 ** p.capPlaces;
    return partition(totalUnits, p.nSections).chain((parts) =>
      fc
        .tuple(
          ...parts.map((u, i) =>
            arbSection(
              1,
              `指标${'一二三四'[i]}`,
              decimal(u, p.capPlaces),
              p.capPlaces,
              rules.map((r) => r.name.text),
            ),
          ),
        )
        .map((sections) =>
          B.template([
            B.total(100),
            B.rounding(p.places, p.mode),
            B.grades(B.band('优', '>=', 90), B.band('良', '>=', 60), B.band('差')),
            B.standardTiers(),
            ...rules,
            ...sections,
            ...(p.deduction ? [B.deduction('扣分', p.deduction.totalMax, p.deduction.floor, p.deduction.perItem)] : []),
          ]),
        ),
    );
  });

// ───────────── inputs ─────────────

const EXTREMES = [0, -0, 1, -1, 0.5, 1e-300, -1e-300, 5e-324, 1e300, -1e300, 1e15, 0.1 + 0.2, 2.675, 1.005];
const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EXTREMES) },
  { weight: 4, arbitrary: fc.integer({ min: -50, max: 200 }) },
  { weight: 4, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom(null, Number.NaN, Infinity, -Infinity) },
) as fc.Arbitrary<number | null>;
const fraction = fc.oneof(fc.constantFrom(0, 1, 0.6, 0.8, null, -0.1, 1.1), fc.double({ min: 0, max: 1, noNaN: true }));

/** A weight with any number of decimals, near `around`; now and then out of range. */
const weight = (around: number) =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: Math.max(1, Math.round(around * 1e8)) }), fc.integer({ min: 0, max: 8 }))
        .map(([u, p]) => Number(decimal(Math.round(u / 10 ** (8 - p)), p))),
    },
    { weight: 1, arbitrary: fc.constantFrom(0, -1, 1e5, 3.335, 6.665, 0.0000005, 1 / 3) },
  );

const row = (path: number[], w: fc.Arbitrary<number>): fc.Arbitrary<RowInput> =>
  fc.record({ path: fc.constant(path), weight: w, shape: fc.constantFrom(...SHAPES, null), target: value, actual: value, fraction });

/** Rows for a section: for 单位填报, weights that split its cap exactly (with the cap's decimals) or anything. */
function rowsFor(s: SectionModel, path: number[]): fc.Arbitrary<RowInput[]> {
  if (s.kind === 'leaf') return fc.array(row(path, fc.constant(s.weight.value)), { maxLength: 2 });
  if (s.kind === 'filled') {
    const exact = fc.integer({ min: 1, max: 3 }).chain((k) =>
      fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: k, maxLength: k }).chain((shares) => {
        // split the cap into k parts with 3 more decimals than it has: 6.665 + 6.665 + 6.67
        const total = Math.round(s.weight.value * 1e3 * 10 ** 3);
        const sum = shares.reduce((a, b) => a + b, 0) || 1;
        const parts = shares.map((x) => Math.floor((total * x) / sum));
        parts[0]! += total - parts.reduce((a, b) => a + b, 0);
        return fc.tuple(...parts.map((u) => row(path, fc.constant(u / 1e6))));
      }),
    );
    return fc.oneof(exact, fc.array(row(path, weight(s.weight.value / 2)), { maxLength: 4 }));
  }
  if (s.kind === 'fixed') return fc.tuple(...s.children.map((c, i) => rowsFor(c, [...path, i]))).map((xs) => xs.flat());
  return fc.constant([]);
}

const inputFor = (t: CheckedTemplate): fc.Arbitrary<EvalInput> =>
  fc.record({
    budget: fc.record({ initialBudget: value, budget: value, spent: value }),
    sections: t.sections.length ? fc.tuple(...t.sections.map((s) => rowsFor(s, []))) : fc.constant([]),
    deductions: fc.tuple(...t.deductions.map(() => fc.array(fc.oneof(fc.double({ min: 0, max: 8, noNaN: true }), fc.constantFrom(-1, 2.675, 1e9)), { maxLength: 3 }))),
  });

// ───────────── the property ─────────────

/** Within [0, bound], allowing for nothing: scores are rounded decimals compared exactly. */
function within(x: number, bound: number, what: string): void {
  if (!(Number.isFinite(x) && x >= 0 && x <= bound)) throw new Error(`${what} = ${x} outside [0, ${bound}]`);
}

function checkOne(t: CheckedTemplate, input: EvalInput): void {
  const raws: { raw: number; weight: number; what: string }[] = [];
  const reference = interpret(t, input, {
    onTrace: (e) => {
      if (e.status === 'ok') raws.push({ raw: e.raw, weight: e.weight, what: e.kind === 'rule' ? `rule ${t.rules[e.rule]!.name}` : `section ${e.section}` });
    },
  });
  const compiled = compile(t)(input);
  expect(compiled).toEqual(reference);

  // what the proof claims: the formula's value itself is within [0, weight] (up to the
  // last few bits of a double, which rounding to 15 digits removes)
  for (const r of raws) {
    const slack = 1e-12 * Math.max(1, Math.abs(r.weight));
    if (!(r.raw >= -slack && r.raw <= r.weight + slack)) throw new Error(`${r.what}: the formula gave ${r.raw}, outside [0, ${r.weight}] although proven`);
  }
  for (const rows of compiled.rows)
    for (const r of rows) {
      if (r.status === 'ok') within(r.score, r.weight, 'row score');
      else expect(r.score).toBe(0);
    }
  const flat = flattenSections(t);
  compiled.sections.forEach((s, i) => within(s.score, flat[i]!.weight.value, `section ${flat[i]!.name}`));
  within(compiled.sum, t.total.value, 'sum of sections');
  within(compiled.total, t.total.value, 'total');
}

describe('the bounds proof', () => {
  it(`holds for every accepted template on every input, and compiled ≡ interpreter (≥ ${WANTED} accepted templates)`, () => {
    let tried = 0;
    let accepted = 0;
    let runs = 0;
    const property = fc.property(arbTemplate, fc.integer(), (ast, seed) => {
      tried++;
      const checked = checkTemplate(ast);
      if (!checked.template) return;
      accepted++;
      for (const input of fc.sample(inputFor(checked.template), { numRuns: 3, seed })) {
        runs++;
        checkOne(checked.template, input);
      }
    });
    // batches until enough templates were accepted (a failure shrinks within its batch)
    for (let batch = 0; accepted < WANTED && batch < 100; batch++) fc.assert(property, { numRuns: 2000 });
    console.log(`bounds proof: ${tried} templates generated, ${accepted} accepted, ${runs} inputs scored`);
    expect(accepted).toBeGreaterThanOrEqual(WANTED);
  }, 600_000);
});
