// Numbers as jixiao reads, compares and writes them — one module for every package:
// - the one exact fixed-point representation: integer millionths (µ). Weights are read
//   to the millionth, scores have at most 6 places, so every sum is an exact integer sum
//   (round.ts rounds into it; the evaluator, the engine and the CLI all sum through it);
// - the comparison tolerances: weights and caps are equal when equal to the millionth;
//   a stated score equals a computed one at the template's 保留小数;
// - one way to write a number for people: 97, 8.62, 0.3, never 8.620000000000001.
// (decimal.ts holds the arbitrary-precision decimals of the checker and the reference
// interpreter: the digits a template author wrote, and an independent check of µ.)

import { roundScore } from './round.ts';
import type { Message } from '@jixiao/language';

/** A number to the millionth, as an integer count of µ: its 15-digit decimal, half-up. */
export function toMicro(x: number): number {
  // an integer (a total of 100, a weight of 20) is its own rounding, and ×1e6 is exact
  // below 2^53; roundScore would take its slow path from 100 up
  if (Number.isInteger(x) && x < 9e9 && x > -9e9) return x * 1e6 + 0;
  return Math.round(roundScore(x, 6, 'half-up') * 1e6);
}

/** A count of µ back as the nearest double to the decimal it denotes. */
export function fromMicro(n: number): number {
  const r = n / 1e6;
  return r === 0 ? 0 : r;
}

/** Σ xs with no float drift (0.1 + 0.2 is 0.3): each to the millionth, summed as integers. */
export function sumExact(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += toMicro(x);
  return fromMicro(s);
}

/** Equal to the millionth: weights and caps, which 保留小数 does not govern. */
export function sameMicro(a: number, b: number): boolean {
  return toMicro(a) === toMicro(b);
}

/**
 * Equality of a stated score with a computed one at the template's `保留小数` places:
 * they differ by less than half a unit in the last place (2 places: < 0.005, so 8.62
 * equals 8.62 and 8.623 rounds to it; 3 places: < 0.0005, so 8.62 against 8.623 differs).
 */
export function sameAtPlaces(places: number): (a: number, b: number) => boolean {
  const tol = 0.5 * 10 ** (6 - Math.max(0, Math.min(6, places)));
  return (a, b) => Math.abs(toMicro(a) - toMicro(b)) < tol;
}

/**
 * A number as a person writes it: at most 6 decimals (scores are exact to the
 * millionth) and 12 significant digits, no float noise (8.620000000000001 is 8.62);
 * a tiny non-zero value keeps 6 significant digits (1e-7); a missing value is —.
 */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  // fast paths, same result: an integer, or a short spelling with at most 6 decimals
  if (Number.isInteger(n) && n < 1e12 && n > -1e12) return n === 0 ? '0' : String(n);
  if (!Number.isFinite(n)) return n > 0 ? '+∞' : '-∞';
  // hundredths (scores, money, most filed values): String(n), spelled faster
  const h = hundredthsOf(n);
  if (h !== null) return h;
  // a ratio (0.830476…): to the millionth, also from an integer's digits
  const m = millionthsOf(n);
  if (m !== null) return m;
  const s = String(n);
  const dot = s.indexOf('.');
  if (s.indexOf('e') < 0 && dot >= 0 && s.length - dot - 1 <= 6 && s.length <= 13) return s;
  return slowFormat(n);
}

/** formatNumber's definition, for what the fast paths leave: at most 6 decimals, 12 significant digits, a tiny value with 6. */
function slowFormat(n: number): string {
  const r = Math.abs(n) < 5e-7 ? Number(n.toPrecision(6)) : Number(Number(n.toFixed(6)).toPrecision(12));
  return r === 0 ? '0' : String(r);
}

/**
 * slowFormat(n) for 5e-7 ≤ |n| < 1e6 (a ratio: 0.830476…) without the digit strings, or
 * null. toFixed(6) rounds n's exact value to the nearest millionth c; n·1e6 is computed
 * within 1.2e-4 of that value (|n·1e6| < 1e12), so unless its fraction lies within 1e-3 of
 * ½, Math.round finds the same c. c has at most 12 significant digits, which toPrecision(12)
 * keeps, and c / 1e6 is the double Number() reads; no other decimal of 6 places is that
 * double (doubles below 1e6 lie far closer than 1e-6), so String gives c / 1e6 without
 * trailing zeros.
 */
function millionthsOf(n: number): string | null {
  const a = n < 0 ? -n : n;
  if (!(a >= 5e-7 && a < 1e6)) return null;
  const y = a * 1e6;
  const f = Math.floor(y);
  const d = y - f;
  if (d > 0.499 && d < 0.501) return null;
  const c = d < 0.5 ? f : f + 1;
  if (c === 0) return null;
  const i = Math.floor(c / 1e6);
  const frac = c - i * 1e6;
  let s: string;
  if (frac === 0) s = String(i);
  else {
    let digits = String(frac).padStart(6, '0');
    let end = 6;
    while (digits.charCodeAt(end - 1) === 48) end--;
    if (end < 6) digits = digits.slice(0, end);
    s = `${i}.${digits}`;
  }
  return n < 0 ? `-${s}` : s;
}

/**
 * String(n), the same text, written from the digits of an integer when n is an integer or a
 * number of hundredths below 1e9 (scores, weights, money): a third of the cost of a double's
 * shortest spelling, in the text of every report.
 */
export function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return hundredthsOf(n) ?? String(n);
}

/**
 * String(n) when n is a number of hundredths (c / 100) below 1e9, else null. n is then the
 * double nearest to c / 100, and no other decimal of two places is (doubles below 1e9 lie
 * far closer than 0.01), so c / 100 without trailing zeros is the shortest spelling
 * String(n) gives.
 */
function hundredthsOf(n: number): string | null {
  if (!(n < 1e9 && n > -1e9)) return null;
  const c = Math.round(n * 100);
  return c / 100 === n ? hundredths(c) : null;
}

/** c / 100 written out: 872 → 8.72, 870 → 8.7, -5 → -0.05. */
function hundredths(c: number): string {
  const a = c < 0 ? -c : c;
  const i = Math.floor(a / 100);
  const f = a - i * 100;
  const s = f === 0 ? String(i) : f % 10 === 0 ? `${i}.${f / 10}` : `${i}.${f < 10 ? '0' : ''}${f}`;
  return c < 0 ? `-${s}` : s;
}

/** A filed number cited in a message: never "NaN" or "Infinity" to a reader. */
export function formatFiledNumber(x: number): Message {
  if (Number.isFinite(x)) {
    const s = formatNumber(x);
    return { zh: s, en: s };
  }
  if (Number.isNaN(x)) return { zh: '非数字', en: 'not a number' };
  return x > 0 ? { zh: '无穷大', en: 'infinite' } : { zh: '负无穷大', en: 'minus infinite' };
}
