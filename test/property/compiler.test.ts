// Property tests of the compiler over generated templates and inputs:
// codegen ≡ reference interpreter, scores within their bounds, 正向 monotone.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CheckedTemplate, type EvalInput, checkTemplate, compile, flattenSections, interpret } from '../../packages/compiler/src/index.ts';
import { arbEvalInput, arbTemplate, type InputOptions } from '../support/arbitraries.ts';

function checked(): fc.Arbitrary<CheckedTemplate> {
  return arbTemplate().map((ast) => {
    const r = checkTemplate(ast);
    if (!r.template) throw new Error(`generated template rejected: ${JSON.stringify(r.diagnostics.map((d) => [d.code, d.message.zh]))}`);
    return r.template;
  });
}

const withInput = (o?: InputOptions) => checked().chain((t) => fc.tuple(fc.constant(t), arbEvalInput(t, o)));

describe('generated templates', () => {
  it('pass the checker with every bound proven', () => {
    fc.assert(
      fc.property(arbTemplate(), (ast) => {
        const r = checkTemplate(ast);
        expect(r.diagnostics.map((d) => `${d.code} ${d.message.zh}`)).toEqual([]);
        expect(r.template!.proofs.every((p) => p.proven)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('compiled evaluator', () => {
  it('equals the reference interpreter on every input (with and without explanations)', () => {
    fc.assert(
      fc.property(withInput(), fc.boolean(), ([t, input], explain) => {
        const compiled = compile(t, { explain })(input);
        expect(compiled).toEqual(interpret(t, input, { explain }));
      }),
      { numRuns: 400 },
    );
  });

  it('explain mode does not change any number', () => {
    fc.assert(
      fc.property(withInput(), ([t, input]) => {
        const plain = compile(t)(input);
        const explained = compile(t, { explain: true })(input);
        const strip = (o: unknown) => JSON.parse(JSON.stringify(o, (k, v) => (k === 'explain' ? undefined : v)));
        expect(strip(explained)).toEqual(strip(plain));
      }),
      { numRuns: 100 },
    );
  });

  it('keeps every row in [0, weight], every section in [0, cap], the total in [0, 总分]', () => {
    fc.assert(
      fc.property(withInput({ exactWeights: true }), ([t, input]: [CheckedTemplate, EvalInput]) => {
        const out = compile(t)(input);
        for (const rows of out.rows)
          for (const r of rows) {
            expect(r.score).toBeGreaterThanOrEqual(0);
            if (r.status === 'ok') expect(r.score).toBeLessThanOrEqual(r.weight);
            else expect(r.score).toBe(0);
          }
        const flat = flattenSections(t);
        out.sections.forEach((s, i) => {
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(flat[i]!.weight.value);
          expect(Number.isFinite(s.score)).toBe(true);
        });
        expect(out.total).toBeGreaterThanOrEqual(0);
        expect(out.total).toBeLessThanOrEqual(t.total.value);
        expect(out.total).toBeLessThanOrEqual(out.sum);
        // sums show no float drift: the total has at most 6 places (scores are rounded to
        // 保留小数, a row at its finer weight keeps the weight's millionths)
        expect(String(out.total)).toMatch(/^\d+(\.\d{1,6})?$/);
      }),
      { numRuns: 400 },
    );
  });

  it('scores 正向 rows monotonically non-decreasing in 实际', () => {
    const arb = checked().chain((t) =>
      fc.tuple(
        fc.constant(t),
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.constantFrom('>=', '>') as fc.Arbitrary<'>=' | '>'>,
      ),
    );
    fc.assert(
      fc.property(arb, ([t, w, target, a1, a2, shape]) => {
        // a 单位填报 level-1 section without a pinned rule picks 正向 by shape
        const i = t.sections.findIndex((s) => s.kind === 'filled' && s.pinnedRule === null);
        fc.pre(i >= 0);
        const ev = compile(t);
        const score = (actual: number) => {
          const sections = t.sections.map((_, j) => (j === i ? [{ weight: w, shape, target, actual, fraction: null }] : []));
          const r = ev({ budget: { budget: 1, spent: 1 }, sections }).rows[i]![0]!;
          expect(r.rule).toBe(0);
          return r.score;
        };
        const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
        expect(score(lo)).toBeLessThanOrEqual(score(hi));
      }),
      { numRuns: 300 },
    );
  });
});
