// roundScore's arithmetic fast path must give exactly what the decimal-digit routine gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundDecimal, roundScore, type RoundingMode } from '../src/round.ts';
import { fmtValue } from '../src/explain.ts';

const modes: RoundingMode[] = ['half-up', 'truncate', 'half-even'];
const same = (x: number, p: number, m: RoundingMode) => Object.is(roundScore(x, p, m), roundDecimal(x, p, m));

describe('roundScore fast path ≡ decimal rounding', () => {
  it('on decimals near every tie and integer, products and ratios', () => {
    const decimal = fc.tuple(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 6 })).map(([n, k]) => n / 10 ** k);
    const product = fc.tuple(decimal, decimal).map(([a, b]) => a * b);
    const ratio = fc.tuple(decimal, decimal.filter((b) => b !== 0)).map(([a, b]) => a / b);
    const nudged = fc.tuple(decimal, fc.double({ min: -1e-9, max: 1e-9, noNaN: true })).map(([a, e]) => a + e);
    const any = fc.oneof(decimal, product, ratio, nudged, fc.double({ noNaN: true }));
    fc.assert(
      fc.property(any, fc.integer({ min: 0, max: 6 }), fc.constantFrom(...modes), (x, p, m) => same(x, p, m)),
      { numRuns: 20000 },
    );
  });

  it('on the classic float traps', () => {
    for (const x of [1.005, 2.675, 0.285, 1.045, 8.575, 0.29, 0.57, 4.35, 2.835, 0.1 + 0.2, 1e-20, 99999999.995, -1.005, -0.004])
      for (let p = 0; p <= 6; p++) for (const m of modes) expect(same(x, p, m), `${x} ${p} ${m}`).toBe(true);
  });
});

describe('fmtValue fast path ≡ 12-digit spelling', () => {
  it('on decimals, ratios and any double', () => {
    const decimal = fc.tuple(fc.integer({ min: -2e9, max: 2e9 }), fc.integer({ min: 0, max: 9 })).map(([n, k]) => n / 10 ** k);
    const ratio = fc.tuple(decimal, decimal.filter((b) => b !== 0)).map(([a, b]) => a / b);
    fc.assert(
      fc.property(fc.oneof(decimal, ratio, fc.double({ noNaN: true }), fc.integer()), (x) => fmtValue(x) === (Number.isFinite(x) ? String(Number(x.toPrecision(12))) : fmtValue(x))),
      { numRuns: 20000 },
    );
    for (const x of [1234567890123, 123456789012, 0.1 + 0.2, -0, 1e21, 1e-7, 999999999999.5]) expect(fmtValue(x)).toBe(String(Number(x.toPrecision(12))));
  });
});
