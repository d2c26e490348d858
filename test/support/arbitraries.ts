// fast-check generators of valid templates (ASTs that pass the checker) and of
// evaluator inputs for a checked template. Shared by property suites.

import fc from 'fast-check';
import type * as A from '../../packages/language/src/index.ts';
import type { CheckedTemplate, EvalInput, RowInput, SectionModel } from '../../packages/compiler/src/index.ts';
import * as B from './builder.ts';

// ───────────── formulas ─────────────

const lit = (lo: number, hi: number) => fc.integer({ min: lo * 10, max: hi * 10 }).map((n) => B.num(fmtUnits(n, 1)));

/** Any unitless expression over the rule inputs (may be unbounded or negative). */
function arbRatio(vars: string[]): fc.Arbitrary<A.Expr> {
  const { r } = fc.letrec<{ r: A.Expr }>((tie) => ({
    r: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'ratio' },
      fc.constantFrom(...vars).map((v) => B.v(v)),
      lit(0, 3),
      fc.tuple(fc.constantFrom('+', '-', '*', '/') as fc.Arbitrary<A.Binary['op']>, tie('r'), tie('r')).map(([op, l, rr]) => B.bin(op, l, rr)),
      fc.tuple(tie('r'), tie('r')).map(([l, rr]) => B.min(l, rr)),
      fc.tuple(tie('r'), tie('r')).map(([l, rr]) => B.max(l, rr)),
      fc.tuple(arbCond(tie('r')), tie('r'), tie('r')).map(([c, t, e]) => B.iff(c, t, e)),
    ),
  }));
  return r;
}

function arbCond(x: fc.Arbitrary<A.Expr>): fc.Arbitrary<A.Expr> {
  const op = fc.constantFrom('>=', '>', '<=', '<', '=', '!=') as fc.Arbitrary<A.CmpOp>;
  const simple = fc.tuple(op, x, x).map(([o, l, r]) => B.cmp(o, l, r));
  return fc.oneof(
    simple,
    fc.tuple(simple, simple, fc.boolean()).map(([l, r, isAnd]) => (isAnd ? B.and(l, r) : B.or(l, r))),
  );
}

/** A unitless expression proven within [0, 1]. */
function arbUnit(vars: string[]): fc.Arbitrary<A.Expr> {
  const ratio = arbRatio(vars);
  const { u } = fc.letrec<{ u: A.Expr }>((tie) => ({
    u: fc.oneof(
      { maxDepth: 2, depthIdentifier: 'unit' },
      ratio.map((e) => B.min(B.max(e, B.num(0)), B.num(1))),
      lit(0, 1),
      ...(vars.includes('完成比例') ? [fc.constant(null).map(() => B.v('完成比例'))] : []),
      fc.tuple(tie('u'), tie('u')).map(([l, r]) => B.mul(l, r)),
      fc.tuple(tie('u'), tie('u')).map(([l, r]) => B.min(l, r)),
      fc.tuple(tie('u'), tie('u')).map(([l, r]) => B.max(l, r)),
      fc.tuple(arbCond(ratio), tie('u'), tie('u')).map(([c, t, e]) => B.iff(c, t, e)),
    ),
  }));
  return u;
}

/** A score formula proven within [0, W]. */
export function arbScore(vars: string[], weightName = '权重'): fc.Arbitrary<A.Expr> {
  const unit = arbUnit(vars);
  const ratio = arbRatio(vars);
  const W = () => B.v(weightName);
  const { s } = fc.letrec<{ s: A.Expr }>((tie) => ({
    s: fc.oneof(
      { maxDepth: 2, depthIdentifier: 'score' },
      unit.map((u) => B.mul(W(), u)),
      unit.map((u) => B.mul(u, W())),
      fc.constant(null).map(() => B.num(0)),
      fc.tuple(arbCond(ratio), tie('s'), tie('s')).map(([c, t, e]) => B.iff(c, t, e)),
      fc.tuple(tie('s'), tie('s')).map(([l, r]) => B.min(l, r)),
      fc.tuple(tie('s'), tie('s')).map(([l, r]) => B.max(l, r)),
      fc.tuple(tie('s'), unit).map(([l, r]) => B.mul(l, r)),
    ),
  }));
  return s;
}

// ───────────── numbers ─────────────

function fmtUnits(n: number, places: number): string {
  if (places === 0) return String(n);
  const neg = n < 0;
  const s = String(Math.abs(n)).padStart(places + 1, '0');
  const txt = `${s.slice(0, -places)}.${s.slice(-places)}`.replace(/\.?0+$/, '');
  return (neg ? '-' : '') + (txt === '' ? '0' : txt);
}

/** k non-negative integers summing to total. */
function arbPartition(total: number, k: number): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 0, max: total }), { minLength: k - 1, maxLength: k - 1 }).map((cuts) => {
    const c = [0, ...cuts.sort((a, b) => a - b), total];
    return c.slice(1).map((x, i) => x - c[i]!);
  });
}

// ───────────── templates ─────────────

const EXTRA_SHAPES: A.TargetShape[] = ['<=', '<', '=', 'deadline', '!='];

interface Ctx {
  ruleNames: string[];
  /** decimals of the template's caps: the checker refuses caps finer than 保留小数 (JX2034) */
  wPlaces: number;
}

function arbSection(level: 1 | 2 | 3, name: string, units: number, ctx: Ctx): fc.Arbitrary<A.SectionDecl> {
  const weight = fmtUnits(units, ctx.wPlaces);
  const pin = fc.option(fc.constantFrom(...ctx.ruleNames), { nil: undefined, freq: 2 });
  const kinds: fc.Arbitrary<A.SectionDecl>[] = [pin.map((rule) => B.section(level, name, weight, { filled: true, ...(rule ? { rule } : {}) }))];
  if (level === 1) {
    kinds.push(arbScore(['执行数', '预算数', '年初预算数'], '分值').map((score) => B.section(1, name, weight, { score })));
  } else {
    kinds.push(pin.map((rule) => B.section(level, name, weight, rule ? { rule } : {})));
  }
  if (level < 3) {
    kinds.push(
      fc
        .integer({ min: 1, max: 3 })
        .chain((k) =>
          fc
            .tuple(arbPartition(units, k), pin)
            .chain(([parts, rule]) =>
              fc
                .tuple(...parts.map((u, i) => arbSection((level + 1) as 2 | 3, `${name}子${'甲乙丙'[i]}`, u, ctx)))
                .map((children) => B.section(level, name, weight, { children, ...(rule ? { rule } : {}) })),
            ),
        ),
    );
  }
  return fc.oneof(...kinds);
}

export function arbTemplate(): fc.Arbitrary<A.Template> {
  return fc
    .record({
      places: fc.integer({ min: 0, max: 4 }),
      capPlaces: fc.integer({ min: 0, max: 3 }),
      mode: fc.constantFrom('half-up', 'truncate', 'half-even') as fc.Arbitrary<A.RoundingDecl['mode']>,
      thresholds: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 4 }),
      extra: fc.array(fc.tuple(arbScore(['权重', '实际', '目标', '完成比例'].slice(1)), fc.subarray(EXTRA_SHAPES)), { maxLength: 3 }),
      positive: arbScore(['实际', '目标']),
      nSections: fc.integer({ min: 1, max: 5 }),
      deductions: fc.array(fc.record({ totalMax: fc.integer({ min: 0, max: 20 }), perItem: fc.option(fc.integer({ min: 0, max: 10 })), floor: fc.integer({ min: 0, max: 30 }) }), {
        maxLength: 2,
      }),
    })
    .chain((p) => {
      // extra rules claim disjoint shapes
      const claimed = new Set<A.TargetShape>();
      const rules: A.RuleDecl[] = [B.rule('正向', ['>=', '>'], B.positive()), B.rule('定性', ['qualitative'], B.qualitative())];
      p.extra.forEach(([score, shapes], i) => {
        const own = shapes.filter((s) => !claimed.has(s));
        own.forEach((s) => claimed.add(s));
        rules.push(B.rule(`规则${'甲乙丙'[i]}`, own, score));
      });
      // the 正向 rule may also be a random proven formula under another name
      rules.push(B.rule('随机', [], p.positive));
      const ctx: Ctx = { ruleNames: rules.map((r) => r.name.text), wPlaces: Math.min(p.places, p.capPlaces) };
      const totalUnits = 100 * 10 ** ctx.wPlaces;
      return arbPartition(totalUnits, p.nSections).chain((parts) =>
        fc.tuple(...parts.map((u, i) => arbSection(1, `指标${'一二三四五'[i]}`, u, ctx))).map((sections) => {
          const th = [...p.thresholds].sort((a, b) => b - a);
          const bands = [...th.map((x, i) => B.band(`等级${i}`, '>=', x)), B.band('末等')];
          return B.template([
            B.total(100),
            B.rounding(p.places, p.mode),
            B.grades(...bands),
            B.standardTiers(),
            ...rules,
            ...sections,
            ...p.deductions.map((d, i) => B.deduction(`扣分${i}`, d.totalMax, d.floor, d.perItem)),
          ]);
        }),
      );
    });
}

// ───────────── inputs ─────────────

export interface InputOptions {
  /** row weights of 单位填报 sections add up to the section's weight (default true) */
  exactWeights?: boolean;
  /** include out-of-domain values, unplaced rows and junk (default true) */
  junk?: boolean;
}

const SHAPES: (A.TargetShape | null)[] = ['>=', '>', '<=', '<', '=', '!=', 'qualitative', 'deadline', null];

function arbValue(junk: boolean): fc.Arbitrary<number | null> {
  const good = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true }));
  return junk ? fc.oneof({ weight: 8, arbitrary: good }, fc.constant(null), fc.constantFrom(-1, Number.NaN, Infinity)) : good;
}

function arbFraction(junk: boolean): fc.Arbitrary<number | null> {
  const good = fc.oneof(fc.constantFrom(0, 1, 0.6, 0.8), fc.double({ min: 0, max: 1, noNaN: true }));
  return junk ? fc.oneof({ weight: 8, arbitrary: good }, fc.constant(null), fc.constantFrom(-0.5, 1.5)) : good;
}

function arbRow(path: number[], weight: number, o: Required<InputOptions>): fc.Arbitrary<RowInput> {
  return fc.record({
    path: fc.constant(path),
    weight: fc.constant(weight),
    shape: fc.constantFrom(...SHAPES),
    target: arbValue(o.junk),
    actual: arbValue(o.junk),
    fraction: arbFraction(o.junk),
  });
}

function rowsFor(s: SectionModel, path: number[], places: number, o: Required<InputOptions>): fc.Arbitrary<RowInput[]> {
  if (s.kind === 'leaf') return fc.array(arbRow(path, s.weight.value, o), { maxLength: o.junk ? 2 : 1 });
  if (s.kind === 'filled') {
    // row weights with any number of decimals, finer than 保留小数 too (thirds: 6.665 + 6.665 + 6.67)
    const weights = fc.integer({ min: 0, max: 6 }).chain((wp) => {
      const scale = 10 ** wp;
      const units = Math.round(s.weight.value * scale);
      return o.exactWeights
        ? fc
            .integer({ min: 1, max: 4 })
            .chain((k) => arbPartition(units, k))
            .map((ps) => ps.map((u) => u / scale))
        : fc.array(
            fc.integer({ min: 0, max: units + 5 * scale }).map((u) => u / scale),
            { maxLength: 4 },
          );
    });
    void places;
    return weights.chain((ws) => (ws.length ? fc.tuple(...ws.map((w) => arbRow(path, w, o))) : fc.constant([])));
  }
  if (s.kind === 'fixed') {
    return fc.tuple(...s.children.map((c, i) => rowsFor(c, [...path, i], places, o))).map((xs) => xs.flat());
  }
  return fc.constant([]);
}

export function arbEvalInput(t: CheckedTemplate, opts: InputOptions = {}): fc.Arbitrary<EvalInput> {
  const o: Required<InputOptions> = { exactWeights: opts.exactWeights ?? true, junk: opts.junk ?? true };
  const perSection = t.sections.map((s) =>
    fc
      .tuple(rowsFor(s, [], t.decimals, o), o.junk ? fc.array(arbRow([9], 1, o), { maxLength: 1 }) : fc.constant([]))
      .chain(([rows, stray]) => fc.shuffledSubarray([...rows, ...stray], { minLength: rows.length + stray.length })),
  );
  return fc.record({
    budget: fc.record({ initialBudget: arbValue(o.junk), budget: arbValue(o.junk), spent: arbValue(o.junk) }),
    sections: perSection.length ? fc.tuple(...perSection) : fc.constant([]),
    deductions: fc.tuple(
      ...t.deductions.map(() =>
        fc.array(o.junk ? fc.oneof(fc.double({ min: 0, max: 8, noNaN: true }), fc.constant(-1)) : fc.double({ min: 0, max: 8, noNaN: true }), { maxLength: 4 }),
      ),
    ),
  });
}
