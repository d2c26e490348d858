import { describe, expect, it } from 'vitest';
import type { Expr } from '../../language/src/index.ts';
import { DiagnosticSink } from '../src/diag.ts';
import { fmtVal, ivAdd, ivDiv, ivMul, ivRecip, ivSub, nextUp, pointsMax, pointsMin } from '../src/interval.ts';
import { lower } from '../src/ir.ts';
import { analyzeIr, domainsFor, proveFormula } from '../src/prove.ts';
import { FormulaTypeChecker } from '../src/typecheck.ts';
import * as B from '../../../test/support/builder.ts';

const analyze = (e: Expr, ctx: 'rule' | 'section' = 'rule', negatives: ('actual' | 'target')[] = []) => {
  const sink = new DiagnosticSink();
  const type = new FormulaTypeChecker(sink, ctx).check(e);
  return { v: type === null ? null : analyzeIr(lower(e), domainsFor(negatives)), diags: sink.items };
};

const prove = (e: Expr, o: { weight?: number; negatives?: ('actual' | 'target')[] } = {}) => {
  const sink = new DiagnosticSink();
  const section = o.weight !== undefined;
  const p = proveFormula(e, e.range, section ? 'section' : 'rule', { subject: section ? 'section' : 'rule', name: 'x', weightName: section ? '分值' : '权重', ...o }, sink);
  return { p: p?.proof ?? null, diags: sink.items };
};

describe('interval arithmetic', () => {
  it('multiplies with 0 × ∞ = 0 and divides excluding zero', () => {
    expect(ivMul([0, 5], [1, Infinity])).toEqual([0, Infinity]);
    expect(ivMul([0, 0], [0, Infinity])).toEqual([0, 0]);
    expect(ivMul([-1, 2], [3, 4])).toEqual([-4, 8]);
    expect(ivRecip([0, 4])).toEqual([0.25, Infinity]);
    expect(ivRecip([2, 4])).toEqual([0.25, 0.5]);
    expect(ivRecip([-1, 1])).toEqual([-Infinity, Infinity]);
    expect(ivRecip([0, 0])).toBeNull();
    expect(ivDiv([0, Infinity], [0, Infinity])).toEqual([0, Infinity]);
  });

  it('keeps exact endpoints and moves inexact ones one unit in the last place outward', () => {
    // 1 − 0.5 and 0.5 × 2 are exact in doubles: the bounds stay put
    expect(ivSub([1, 1], [0.5, 0.5])).toEqual([0.5, 0.5]);
    expect(ivMul([0.5, 0.5], [2, 2])).toEqual([1, 1]);
    // 0.1 + 0.2 is 0.30000000000000004 in doubles, inexact: the interval widens around it
    const s = ivAdd([0.1, 0.1], [0.2, 0.2]);
    expect(s[0]).toBeLessThan(0.1 + 0.2);
    expect(s[1]).toBe(nextUp(0.1 + 0.2));
    // 1e16 + 1 rounds to 1e16; the upper end moves to the next double, 1e16 + 2
    expect(ivAdd([1e16, 1e16], [0, 1])).toEqual([1e16, 1e16 + 2]);
    // 1 / 3 is inexact both ways
    const third = ivDiv([1, 1], [3, 3]);
    expect(third[0]).toBeLessThan(1 / 3);
    expect(third[1]).toBeGreaterThan(1 / 3);
  });

  it('min keeps the upper line of the operand proven ≤ W; max the lower line proven ≥ 0', () => {
    const unbounded = { a: [0, Infinity] as const, c: [0, 0] as const };
    const w = { a: [1, 1] as const, c: [0, 0] as const };
    expect(pointsMin([unbounded, w])).toEqual({ a: [0, 1], c: [0, 0] });
    const negative = { a: [-Infinity, 1] as const, c: [0, 0] as const };
    const zero = { a: [0, 0] as const, c: [0, 0] as const };
    expect(pointsMax([negative, zero])).toEqual({ a: [0, 1], c: [0, 0] });
  });
});

describe('abstract values of formulas', () => {
  it('权重 is W·[1,1]; a ratio of non-negative inputs is [0, +∞)', () => {
    expect(analyze(B.W()).v).toMatchObject({ t: 'P', a: [1, 1], c: [0, 0] });
    expect(analyze(B.div(B.v('实际'), B.v('目标'))).v).toMatchObject({ t: 'N', iv: [0, Infinity], zero: false });
    expect(analyze(B.v('完成比例')).v).toMatchObject({ t: 'N', iv: [0, 1], zero: false });
  });

  it('the unclamped 正向 formula reaches [0, +∞)×权重; the clamped one [0, 1]×权重', () => {
    expect(fmtVal(analyze(B.mul(B.W(), B.div(B.v('实际'), B.v('目标')))).v!)).toBe('[0, +∞)×权重');
    expect(fmtVal(analyze(B.positive()).v!)).toBe('[0, 1]×权重');
  });

  it('5 分 is a points constant, literal 0 unifies with points, 80% is 0.8', () => {
    expect(analyze(B.num(5, '分')).v).toMatchObject({ t: 'P', a: [0, 0], c: [5, 5] });
    expect(analyze(B.iff(B.cmp('>=', B.v('实际'), B.v('目标')), B.W(), B.num(0))).v).toMatchObject({ t: 'P', a: [0, 1], c: [0, 0] });
    expect(analyze(B.num(80, '%')).v).toMatchObject({ t: 'N', iv: [0.8, 0.8], zero: false });
  });

  it('P/P is a ratio only without constant parts', () => {
    expect(analyze(B.div(B.W(), B.W())).v).toMatchObject({ t: 'N', iv: [1, 1], zero: false });
    const r = analyze(B.div(B.add(B.W(), B.num(1, '分')), B.W()));
    expect(r.v).toBeNull();
    expect(r.diags.map((d) => d.code)).toEqual(['JX2011']);
  });

  it('rejects 分 + ratio and 分 × 分', () => {
    expect(analyze(B.add(B.W(), B.num(1))).diags.map((d) => d.code)).toEqual(['JX2011']);
    expect(analyze(B.mul(B.W(), B.W())).diags.map((d) => d.code)).toEqual(['JX2011']);
  });

  it('budget variables are section-only; an indicator formula may read its own row’s 实际 and 目标', () => {
    expect(analyze(B.v('执行数'), 'rule').diags.map((d) => d.code)).toEqual(['JX2001']);
    expect(analyze(B.v('执行数'), 'section').diags).toEqual([]);
    expect(analyze(B.v('实际'), 'section').diags).toEqual([]);
    expect(analyze(B.v('完成比例'), 'section').diags.map((d) => d.code)).toEqual(['JX2001']);
  });

  it('a negative-allowed 实际 ranges over all reals', () => {
    expect(analyze(B.v('实际'), 'rule', ['actual']).v).toMatchObject({ t: 'N', iv: [-Infinity, Infinity] });
  });
});

describe('branches refine what is known of the inputs', () => {
  // 如果 实际 >= 目标 则 权重 否则 权重 * (实际 / 目标) — the 10号 notes
  const tenHao = () => B.iff(B.cmp('>=', B.v('实际'), B.v('目标')), B.W(), B.mul(B.W(), B.div(B.v('实际'), B.v('目标'))));

  it('proves the 10号 正向 rule without a min: in 否则, 0 ≤ 实际 < 目标, so 实际 / 目标 ∈ [0, 1]', () => {
    const r = prove(tenHao());
    expect(r.diags).toEqual([]);
    expect(r.p).toMatchObject({ proven: true, interval: '[0, 1]×权重' });
    // the same with the ratio first
    const r2 = prove(B.iff(B.cmp('<', B.v('实际'), B.v('目标')), B.mul(B.W(), B.div(B.v('实际'), B.v('目标'))), B.W()));
    expect(r2.p?.proven).toBe(true);
  });

  it('proves the order the evaluator computes: 权重 * 实际 / 目标 multiplies first, and the help says so', () => {
    // (权重 × 实际) / 目标 is not 权重 × (实际 / 目标) in doubles: 6.665 × 5e-324 / 5e-324 is 7
    expect((6.665 * 5e-324) / 5e-324).toBe(7);
    const r = prove(B.iff(B.cmp('>=', B.v('实际'), B.v('目标')), B.W(), B.div(B.mul(B.W(), B.v('实际')), B.v('目标'))));
    expect(r.p?.proven).toBe(false);
    expect(r.diags[0]!.help!.zh).toContain('乘除从左到右计算，权重 * 实际 / 目标 是先乘后除，要先算比值请写 权重 * (实际 / 目标)');
  });

  it('without the condition the same ratio is unbounded', () => {
    expect(prove(B.div(B.mul(B.W(), B.v('实际')), B.v('目标'))).p?.proven).toBe(false);
    // a condition on other inputs does not help
    const r = prove(B.iff(B.cmp('>=', B.v('实际'), B.num(1)), B.W(), B.div(B.mul(B.W(), B.v('实际')), B.v('目标'))));
    expect(r.p?.proven).toBe(false);
  });

  it('反向 with 允许负数 实际: in 否则, 实际 > 目标 ≥ 0, so 目标 / 实际 ∈ [0, +∞) and min(…, 1) bounds it', () => {
    const reverse = () => B.iff(B.cmp('<=', B.v('实际'), B.v('目标')), B.W(), B.mul(B.W(), B.min(B.div(B.v('目标'), B.v('实际')), B.num(1))));
    expect(prove(reverse(), { negatives: ['actual'] }).p?.proven).toBe(true);
    // with a negative 目标 too, 目标 / 实际 may be negative: rejected, with the interval
    const r = prove(reverse(), { negatives: ['actual', 'target'] });
    expect(r.p?.proven).toBe(false);
    expect(r.diags[0]!.message.zh).toContain('(-∞, 1]×权重');
  });

  it('a branch no input reaches adds nothing: 如果 实际 >= 0 则 权重 否则 2 * 权重', () => {
    // 实际 ≥ 0 always (no 允许负数): 否则 is dead
    expect(prove(B.iff(B.cmp('>=', B.v('实际'), B.num(0)), B.W(), B.mul(B.num(2), B.W()))).p?.proven).toBe(true);
    // with 允许负数 实际 it is reachable and the 2 × 权重 is found
    expect(prove(B.iff(B.cmp('>=', B.v('实际'), B.num(0)), B.W(), B.mul(B.num(2), B.W())), { negatives: ['actual'] }).p?.proven).toBe(false);
  });

  it('且 and 或 refine in both branches', () => {
    // 如果 实际 <= 1 且 实际 >= 0.5 则 权重 * 实际 否则 0
    const band = B.iff(B.and(B.cmp('<=', B.v('实际'), B.num(1)), B.cmp('>=', B.v('实际'), B.num(0.5))), B.mul(B.W(), B.v('实际')), B.num(0));
    expect(prove(band).p).toMatchObject({ proven: true, interval: '[0, 1]×权重' });
    // 如果 实际 > 1 或 实际 < 0 则 0 否则 权重 * 实际 (实际 may be negative)
    const outside = B.iff(B.or(B.cmp('>', B.v('实际'), B.num(1)), B.cmp('<', B.v('实际'), B.num(0))), B.num(0), B.mul(B.W(), B.v('实际')));
    expect(prove(outside, { negatives: ['actual'] }).p?.proven).toBe(true);
  });

  it('refines nothing on a comparison that may overflow: NaN compares false and takes 否则', () => {
    // 0 × (实际 × 1e300 × 1e300) is NaN when the product overflows; 否则 is reachable
    const huge = B.mul(B.num(0), B.mul(B.mul(B.v('实际'), B.num('1e300')), B.num('1e300')));
    const f = B.iff(B.cmp('<=', huge, B.num(0)), B.W(), B.mul(B.num(2), B.W()));
    expect(prove(f).p?.proven).toBe(false);
  });

  it('is sound for doubles: (3 × min(实际, 1) + 1e16 − 1e16) / 3 can be 4/3 although the reals say ≤ 1', () => {
    // in doubles 3 + 1e16 is a tie between 1e16 + 2 and 1e16 + 4 and rounds to the even 1e16 + 4
    expect((3 * 1 + 1e16 - 1e16) / 3).toBeGreaterThan(1);
    const ratio = B.div(B.max(B.num(0), B.sub(B.add(B.mul(B.min(B.v('实际'), B.num(1)), B.num(3)), B.num('1e16')), B.num('1e16'))), B.num(3));
    const r = prove(B.mul(B.W(), ratio));
    expect(r.p?.proven).toBe(false);
  });
});

describe('proveFormula', () => {
  it('accepts the clamped 正向 and the 反向 variant B with both clamps', () => {
    expect(prove(B.positive()).p?.proven).toBe(true);
    // 权重 * min(max(1 - (实际 - 目标) / 目标, 0), 1)
    const variantB = B.mul(B.W(), B.min(B.max(B.sub(B.num(1), B.div(B.sub(B.v('实际'), B.v('目标')), B.v('目标'))), B.num(0)), B.num(1)));
    expect(prove(variantB)).toMatchObject({ p: { proven: true }, diags: [] });
  });

  it('rejects an unclamped subtraction below 0 and suggests max(…, 0)', () => {
    const r = prove(B.mul(B.W(), B.sub(B.num(1), B.div(B.v('实际'), B.v('目标')))));
    expect(r.p?.proven).toBe(false);
    expect(r.diags[0]!.message.zh).toContain('(-∞, 1]×权重');
    expect(r.diags[0]!.help!.zh).toContain('max(');
  });

  it('uses the concrete weight of a section when the symbolic proof fails', () => {
    // 10 分 constant in a section of weight 10 is fine, in weight 5 it is not
    expect(prove(B.num(10, '分'), { weight: 10 }).p?.proven).toBe(true);
    const r = prove(B.num(10, '分'), { weight: 5 });
    expect(r.p?.proven).toBe(false);
    expect(r.diags[0]!.message.zh).toContain('[10, 10]');
  });

  it('a constant 0 score is proven', () => {
    expect(prove(B.num(0)).p?.proven).toBe(true);
  });

  it('a bound that fails by one unit in the last place is shown in full', () => {
    // 0.1 × 10 is 1 in doubles but inexact: the upper end is the next double above 1
    const r = prove(B.mul(B.mul(B.W(), B.min(B.v('完成比例'), B.num(0.1))), B.num(10)));
    expect(r.p?.proven).toBe(false);
    expect(r.diags[0]!.message.zh).toContain('1.0000000000000002');
  });
});
