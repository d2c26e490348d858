import { describe, expect, it } from 'vitest';
import { fromMicro, toMicro } from '../src/numbers.ts';
import { roundScore, scaleMicro, scoreMicro } from '../src/round.ts';
import { decCmp, decSum, parseDec, decToString } from '../src/decimal.ts';

describe('roundScore', () => {
  it('rounds the decimal a number stands for', () => {
    expect(1.1 * 3).not.toBe(3.3); // float noise exists…
    expect(roundScore(1.1 * 3, 2, 'half-up')).toBe(3.3);
    expect(roundScore(0.862 * 10, 2, 'half-up')).toBe(8.62); // …and is removed
    expect(roundScore(1.005, 2, 'half-up')).toBe(1.01);
    expect(roundScore(2.675, 2, 'half-up')).toBe(2.68);
    expect(roundScore(0.1 + 0.2, 2, 'half-up')).toBe(0.3);
  });
  it('truncates and rounds half to even', () => {
    expect(roundScore(8.629, 2, 'truncate')).toBe(8.62);
    expect(roundScore(2.5, 0, 'half-even')).toBe(2);
    expect(roundScore(3.5, 0, 'half-even')).toBe(4);
    expect(roundScore(2.51, 0, 'half-even')).toBe(3);
    expect(roundScore(0.125, 2, 'half-even')).toBe(0.12);
    expect(roundScore(9.995, 2, 'half-up')).toBe(10);
    expect(roundScore(9.999, 0, 'half-up')).toBe(10);
  });
  it('handles zero, negatives, tiny and large values', () => {
    expect(Object.is(roundScore(-0.001, 2, 'half-up'), 0)).toBe(true);
    expect(roundScore(-1.005, 2, 'half-up')).toBe(-1.01);
    expect(roundScore(1e-9, 6, 'half-up')).toBe(0);
    expect(roundScore(123456789.123, 2, 'half-up')).toBe(123456789.12);
    expect(roundScore(5, 6, 'half-up')).toBe(5);
    expect(roundScore(0.0000005, 6, 'half-up')).toBe(0.000001);
  });
  it('sums in millionths never show float drift', () => {
    expect(fromMicro(toMicro(0.1) + toMicro(0.2))).toBe(0.3);
    // a weight is read to the millionth: 3.3333333 is 3.333333, 0.0000005 is 0.000001
    expect(toMicro(3.3333333)).toBe(3333333);
    expect(toMicro(0.0000005)).toBe(1);
  });

  it('never rounds a score above its weight', () => {
    // 6.665 rounds half-up to 6.67 at 2 places, above the weight 6.665: the row scores 6.665
    expect(scoreMicro(6.665, toMicro(6.665), 2, 'half-up')).toBe(6665000);
    // below the weight rounding stands: 6.664 → 6.66
    expect(scoreMicro(6.664, toMicro(6.665), 2, 'half-up')).toBe(6660000);
    // at 0 places 2.5 rounds to 3 > 2.5: 2.5 (the checker refuses such caps, rows may carry them)
    expect(scoreMicro(2.5, toMicro(2.5), 0, 'half-up')).toBe(2500000);
  });

  it('scales a section to its cap exactly, rounding once', () => {
    // rows score 38 of weights 40, cap 20: 38 × 20 / 40 = 19
    expect(scaleMicro(38e6, 40e6, 20e6, 2, 'half-up')).toBe(19e6);
    // 10 × 20 / 30 = 6.666…: 6.67 half-up, 6.66 truncated
    expect(scaleMicro(10e6, 30e6, 20e6, 2, 'half-up')).toBe(6.67e6);
    expect(scaleMicro(10e6, 30e6, 20e6, 2, 'truncate')).toBe(6.66e6);
    // 1 × 5 / 2 = 2.5 at 0 places: half-up 3, half-even 2
    expect(scaleMicro(1e6, 2e6, 5e6, 0, 'half-up')).toBe(3e6);
    expect(scaleMicro(1e6, 2e6, 5e6, 0, 'half-even')).toBe(2e6);
    // a product past 2^53 stays exact: 9,999.999999 × 10,000 / 10,000.000001
    expect(scaleMicro(9999999999, 10000000001, 10000000000, 6, 'half-up')).toBe(9999999998);
  });
});

describe('exact decimals', () => {
  it('ten times 0.1 is exactly 1', () => {
    const sum = decSum(Array.from({ length: 10 }, () => parseDec('0.1')!));
    expect(decCmp(sum, parseDec('1')!)).toBe(0);
    expect(decToString(sum)).toBe('1');
    expect(decToString(parseDec('58.00')!)).toBe('58');
    expect(parseDec('abc')).toBeNull();
  });
});
