// Exact decimal rounding, proportion and sums for the reference interpreter only.
//
// The generated evaluator rounds, scales and sums with the runtime helpers of round.ts
// (a fast double path, integer millionths, one BigInt quotient). The interpreter must
// not share them, or a bug in a helper would show up on both sides of the differential
// test and pass. These are written from the definition instead, on exact decimals
// (decimal.ts), the way a person rounds on paper:
// - a double stands for its 15-significant-digit decimal (0.1 + 0.2 is 0.3);
// - half-up rounds a tie away from zero, half-even to the even digit, truncate drops;
// - a proportion a × b / c is the exact rational, rounded once.

import type { Dec } from './decimal.ts';
import type { RoundingMode } from './round.ts';

const TEN = 10n;

function pow10(k: number): bigint {
  return TEN ** BigInt(k);
}

/** The 15-significant-digit decimal a double stands for. */
export function decimalOf(x: number): Dec {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (x === 0) return { units: 0n, scale: 0 };
  // toExponential(14) is d.dddddddddddddde±n: 15 significant digits, correctly rounded
  const [mant, exp] = x.toExponential(14).split('e') as [string, string];
  const neg = mant.startsWith('-');
  const digits = BigInt(mant.replace('-', '').replace('.', ''));
  // value = digits × 10^(exp − 14)
  const e = Number(exp) - 14;
  const units = e >= 0 ? digits * pow10(e) : digits;
  return { units: neg ? -units : units, scale: e >= 0 ? 0 : -e };
}

/** The rational n / d (d > 0) rounded to `places` decimals with `mode`. */
export function roundRational(n: bigint, d: bigint, places: number, mode: RoundingMode): Dec {
  if (d <= 0n) throw new RangeError('denominator must be positive');
  const neg = n < 0n;
  const scaled = (neg ? -n : n) * pow10(places);
  let q = scaled / d;
  const rem = scaled - q * d;
  // compare the remainder with half the denominator without dividing
  const twice = rem * 2n;
  let up = false;
  if (mode === 'half-up') up = twice >= d && rem !== 0n;
  else if (mode === 'half-even') up = twice > d || (twice === d && q % 2n !== 0n);
  if (up) q += 1n;
  return { units: neg ? -q : q, scale: places };
}

/** An exact decimal rounded to `places` with `mode`. */
export function roundDec(x: Dec, places: number, mode: RoundingMode): Dec {
  if (x.scale <= places) return x;
  return roundRational(x.units, pow10(x.scale), places, mode);
}

/** A double, read as its 15-digit decimal, rounded to `places`. */
export function roundNumber(x: number, places: number, mode: RoundingMode): Dec {
  return roundDec(decimalOf(x), places, mode);
}

/** a × b / c exactly, rounded to `places` (c > 0). */
export function proportion(a: Dec, b: Dec, c: Dec, places: number, mode: RoundingMode): Dec {
  // a·b / c = (A·B / 10^(sa+sb)) / (C / 10^sc) = A·B·10^sc / (C·10^(sa+sb))
  return roundRational(a.units * b.units * pow10(c.scale), c.units * pow10(a.scale + b.scale), places, mode);
}
