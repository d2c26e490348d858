import { describe, expect, it } from 'vitest';
import { BoundsAnalyzer, proveFormula } from '../src/bounds.ts';
import { DiagnosticSink } from '../src/diag.ts';
import { fmtVal, ivDiv, ivMul, ivRecip, pointsMax, pointsMin } from '../src/interval.ts';
import * as B from '../../../test/support/builder.ts';

const analyze = (e: Parameters<BoundsAnalyzer['analyze']>[0], ctx: 'rule' | 'section' = 'rule') => {
  const sink = new DiagnosticSink();
  return { v: new BoundsAnalyzer(sink, ctx).analyze(e), diags: sink.items };
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
    expect(analyze(B.W()).v).toEqual({ t: 'P', a: [1, 1], c: [0, 0] });
    expect(analyze(B.div(B.v('实际'), B.v('目标'))).v).toEqual({ t: 'N', iv: [0, Infinity], zero: false });
    expect(analyze(B.v('完成比例')).v).toEqual({ t: 'N', iv: [0, 1], zero: false });
  });

  it('the unclamped 正向 formula reaches [0, +∞)×权重; the clamped one [0, 1]×权重', () => {
    const raw = analyze(B.mul(B.W(), B.div(B.v('实际'), B.v('目标')))).v!;
    expect(fmtVal(raw)).toBe('[0, +∞)×权重');
    const clamped = analyze(B.positive()).v!;
    expect(fmtVal(clamped)).toBe('[0, 1]×权重');
  });

  it('5 分 is a points constant, literal 0 unifies with points, 80% is 0.8', () => {
    expect(analyze(B.num(5, '分')).v).toEqual({ t: 'P', a: [0, 0], c: [5, 5] });
    expect(analyze(B.iff(B.cmp('>=', B.v('实际'), B.v('目标')), B.W(), B.num(0))).v).toEqual({ t: 'P', a: [0, 1], c: [0, 0] });
    expect(analyze(B.num(80, '%')).v).toEqual({ t: 'N', iv: [0.8, 0.8], zero: false });
  });

  it('P/P is a ratio only without constant parts', () => {
    expect(analyze(B.div(B.W(), B.W())).v).toEqual({ t: 'N', iv: [1, 1], zero: false });
    const r = analyze(B.div(B.add(B.W(), B.num(1, '分')), B.W()));
    expect(r.v).toBeNull();
    expect(r.diags.map((d) => d.code)).toEqual(['JX2011']);
  });

  it('rejects 分 + ratio and 分 × 分', () => {
    expect(analyze(B.add(B.W(), B.num(1))).diags.map((d) => d.code)).toEqual(['JX2011']);
    expect(analyze(B.mul(B.W(), B.W())).diags.map((d) => d.code)).toEqual(['JX2011']);
  });

  it('budget variables are section-only', () => {
    expect(analyze(B.v('执行数'), 'rule').diags.map((d) => d.code)).toEqual(['JX2001']);
    expect(analyze(B.v('执行数'), 'section').diags).toEqual([]);
    expect(analyze(B.v('实际'), 'section').diags.map((d) => d.code)).toEqual(['JX2001']);
  });
});

describe('proveFormula', () => {
  const prove = (e: Parameters<typeof proveFormula>[0], weight?: number) => {
    const sink = new DiagnosticSink();
    const p = proveFormula(e, e.range, weight === undefined ? 'rule' : 'section', { subject: weight === undefined ? 'rule' : 'section', name: 'x', weightName: weight === undefined ? '权重' : '分值', ...(weight === undefined ? {} : { weight }) }, sink);
    return { p, diags: sink.items };
  };

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
    expect(prove(B.num(10, '分'), 10).p?.proven).toBe(true);
    const r = prove(B.num(10, '分'), 5);
    expect(r.p?.proven).toBe(false);
    expect(r.diags[0]!.message.zh).toContain('[10, 10]');
  });

  it('a constant 0 score is proven', () => {
    expect(prove(B.num(0)).p?.proven).toBe(true);
  });
});
