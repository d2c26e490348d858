import { describe, expect, it } from 'vitest';
import { roundScore, toScaled, fromScaled } from '../src/round.ts';
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
  it('sums in scaled integers never show float drift', () => {
    const s = toScaled(0.1, 2) + toScaled(0.2, 2);
    expect(fromScaled(s, 2)).toBe(0.3);
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
