// roundScore's arithmetic fast path must give exactly what the decimal-digit routine gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundDecimal, roundScore, type RoundingMode } from '../src/round.ts';
import { formatNumber, toMicro } from '../src/numbers.ts';

const modes: RoundingMode[] = ['half-up', 'truncate', 'half-even'];
const same = (x: number, p: number, m: RoundingMode) => Object.is(roundScore(x, p, m), roundDecimal(x, p, m));

describe('roundScore fast path ≡ decimal rounding', () => {
  it('on decimals near every tie and integer, products and ratios', () => {
    const decimal = fc.tuple(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 6 })).map(([n, k]) => n / 10 ** k);
    const product = fc.tuple(decimal, decimal).map(([a, b]) => a * b);
    const ratio = fc
      .tuple(
        decimal,
        decimal.filter((b) => b !== 0),
      )
      .map(([a, b]) => a / b);
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

describe('toMicro fast path ≡ its definition', () => {
  it('on integers (up to and past its bound of 9e9, and -0) and any other number', () => {
    const slow = (x: number) => Math.round(roundDecimal(x, 6, 'half-up') * 1e6);
    const ints = fc.oneof(fc.integer({ min: -2e10, max: 2e10 }), fc.constantFrom(0, -0, 100, 9e9 - 1, 9e9, -9e9 + 1));
    fc.assert(
      fc.property(fc.oneof(ints, fc.double({ noNaN: true, min: -1e10, max: 1e10 })), (x) => Object.is(toMicro(x), slow(x))),
      { numRuns: 20000 },
    );
  });
});

describe('formatNumber fast path ≡ its definition', () => {
  // at most 6 decimals and 12 significant digits; a tiny non-zero value with 6 significant digits
  const slow = (x: number): string => {
    if (!Number.isFinite(x)) return formatNumber(x);
    const r = x !== 0 && Math.abs(x) < 5e-7 ? Number(x.toPrecision(6)) : Number(Number(x.toFixed(6)).toPrecision(12));
    return r === 0 ? '0' : String(r);
  };
  it('on decimals, ratios and any double', () => {
    const decimal = fc.tuple(fc.integer({ min: -2e9, max: 2e9 }), fc.integer({ min: 0, max: 9 })).map(([n, k]) => n / 10 ** k);
    const ratio = fc
      .tuple(
        decimal,
        decimal.filter((b) => b !== 0),
      )
      .map(([a, b]) => a / b);
    fc.assert(
      fc.property(fc.oneof(decimal, ratio, fc.double({ noNaN: true, min: -1e20, max: 1e20 }), fc.integer()), (x) => formatNumber(x) === slow(x)),
      { numRuns: 20000 },
    );
  });

  it('on hundredths, which it writes from the digits of an integer (scores, money), up to and past the bound of 1e9', () => {
    const hundredths = fc.oneof(fc.integer({ min: -1e11 - 5, max: 1e11 + 5 }), fc.integer({ min: -2000, max: 2000 })).map((c) => c / 100);
    const near = fc.tuple(hundredths, fc.constantFrom(1, -1)).map(([x, s]) => x + s * Number.EPSILON * Math.abs(x));
    fc.assert(
      fc.property(fc.oneof(hundredths, near), (x) => formatNumber(x) === slow(x)),
      { numRuns: 20000 },
    );
    for (const x of [0.01, -0.01, 0.1, 0.07, -0.5, 99.99, 8.7, 8.72, 999999999.99, -999999999.99, 1e9 - 0.01, 0.1 + 0.2, 1.005, 4372.01])
      expect(formatNumber(x), String(x)).toBe(slow(x));
  });

  it("on ratios written to the millionth from an integer's digits, near the rounding ties and the bounds 5e-7 and 1e6", () => {
    const micro = fc.integer({ min: -1e12, max: 1e12 }).map((c) => c / 1e6);
    const tie = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(0.5, 0.4995, 0.5005, 0.499, 0.501, 0.0001, 0.9999)).map(([c, h]) => (c + h) / 1e6);
    const ratio = fc.tuple(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 1, max: 100000 })).map(([a, b]) => a / b);
    const edge = fc.constantFrom(5e-7, 4.99999e-7, 5.00001e-7, 1e6 - 1e-7, 999999.9999995, 1e6, 0.0000015, -0.8304761904761905);
    fc.assert(
      fc.property(fc.oneof(micro, tie, ratio, edge), (x) => formatNumber(x) === slow(x)),
      { numRuns: 30000 },
    );
  });

  it('writes numbers as people do', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(8.620000000000001)).toBe('8.62');
    expect(formatNumber(1 / 3)).toBe('0.333333');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1e-7)).toBe('1e-7');
    expect(formatNumber(6.665)).toBe('6.665');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Infinity)).toBe('+∞');
  });
});
