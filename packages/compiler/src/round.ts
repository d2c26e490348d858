// Runtime decimal rounding of scores. Isomorphic, dependency-free, used by the
// generated evaluator and by the reference interpreter alike.
//
// A binary double such as 1.005 is really 1.00499999999999989…; rounding it
// "correctly" in binary would give 1.00, which no person expects. We round the
// decimal the number stands for: first to 15 significant digits (which removes
// float noise such as 0.862 * 10 = 8.620000000000001), then to `places`.

export type RoundingMode = 'half-up' | 'truncate' | 'half-even';

const POW10: readonly number[] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];

/** Round x to `places` decimals (0..6) with the template's mode. Never returns -0. */
export function roundScore(x: number, places: number, mode: RoundingMode): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return 0;
  // Fast path, same result: y = |x|·10^places is within |y|·5.2e-15 of the 15-digit
  // decimal's own scaled value (half a unit in the 15th digit plus the product's
  // rounding), i.e. within 5.2e-7 for y < 1e8. Only when y's fraction lies near the
  // point where the mode decides (½ for half-up and half-even, 1 for truncate) can the
  // decimal fall on the other side; those go the exact way below. Near an integer,
  // half-up and half-even land on the same integer on either side of it. The integer
  // result divided by an exact power of ten is the nearest double, as Number('…e-p') is.
  const m = POW10[places];
  if (m !== undefined) {
    const y = (x < 0 ? -x : x) * m;
    if (y < 1e8) {
      const f = Math.floor(y);
      const d = y - f;
      let n = -1;
      if (mode === 'truncate') {
        if (d < 0.99999) n = f;
      } else if (d < 0.49999) n = f;
      else if (d > 0.50001) n = f + 1;
      if (n >= 0) {
        if (n === 0) return 0;
        const r = n / m;
        return x < 0 ? -r : r;
      }
    }
  }
  return roundDecimal(x, places, mode);
}

/** roundScore the exact way, through the decimal digits (the fast path's reference). */
export function roundDecimal(x: number, places: number, mode: RoundingMode): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return 0;
  const neg = x < 0;
  const s = (neg ? -x : x).toPrecision(15);
  // s is "d.ddd…" optionally followed by "e±n"
  const ePos = s.indexOf('e');
  const mant = ePos < 0 ? s : s.slice(0, ePos);
  const exp10 = ePos < 0 ? 0 : Number(s.slice(ePos + 1));
  const dot = mant.indexOf('.');
  const digits = dot < 0 ? mant : mant.slice(0, dot) + mant.slice(dot + 1);
  // value = digits × 10^(pointExp)
  const pointExp = (dot < 0 ? 0 : -(mant.length - dot - 1)) + exp10;
  const drop = -places - pointExp; // number of trailing digits to drop
  if (drop <= 0) return (neg ? -1 : 1) * Number(`${digits}e${pointExp}`) + 0;
  let keep = drop >= digits.length ? '0' : digits.slice(0, digits.length - drop);
  const rest = drop >= digits.length ? digits.padStart(drop, '0') : digits.slice(digits.length - drop);
  let up = false;
  if (mode === 'half-up') up = rest[0]! >= '5';
  else if (mode === 'half-even') {
    const first = rest[0]!;
    if (first > '5') up = true;
    else if (first === '5') {
      const tail = rest.slice(1);
      up = /[1-9]/.test(tail) || Number(keep[keep.length - 1]) % 2 === 1;
    }
  }
  if (up) keep = incrementDigits(keep);
  const r = Number(`${keep}e${-places}`);
  return r === 0 ? 0 : neg ? -r : r;
}

function incrementDigits(d: string): string {
  const a = d.split('');
  let i = a.length - 1;
  while (i >= 0) {
    if (a[i] === '9') {
      a[i] = '0';
      i--;
    } else {
      a[i] = String(Number(a[i]) + 1);
      return a.join('');
    }
  }
  return `1${a.join('')}`;
}

// ───────────── scores in millionths ─────────────
//
// Every score, weight and sum is an integer count of millionths (µ): weights are read to
// the millionth, rounded scores have at most 6 places, so sums are exact integer
// additions (below 2^53 µ: 10^5 rows of the largest weight, MAX_WEIGHT). See docs/dsl.md
// (舍入与界限) for the guarantee these give.

/**
 * A score: rounded to the template's places, but never above its weight. Only a weight
 * finer than the places (a filing's 6.665 under 保留小数 2 位) can be below the rounded
 * score (6.67); the row then scores its weight, 6.665. Returns µ.
 */
export function scoreMicro(v: number, weightMicro: number, places: number, mode: RoundingMode): number {
  const s = Math.round(roundScore(v, places, mode) * 1e6);
  return Math.min(s, weightMicro);
}

/**
 * A 单位填报 section whose rows' weights do not add up to its cap is scored in
 * proportion: Σ row scores × cap / Σ row weights, rounded as every score is, computed
 * exactly (the product can pass 2^53). Each row score is within its weight, so the raw
 * sum is within the weights' sum and the result within the cap; the engine reports
 * the mismatch (JX3001) so the proportion is never silent. All in µ.
 */
export function scaleMicro(rawMicro: number, weightSumMicro: number, capMicro: number, places: number, mode: RoundingMode): number {
  if (!(weightSumMicro > 0) || weightSumMicro === capMicro) return rawMicro;
  // raw × cap / ws in µ, then to 10^-places: n = raw·cap / (ws · 10^(6−places))
  const num = BigInt(rawMicro) * BigInt(capMicro);
  const den = BigInt(weightSumMicro) * 10n ** BigInt(6 - places);
  const neg = num < 0n;
  const a = neg ? -num : num;
  let q = a / den;
  const r2 = (a % den) * 2n;
  if (mode === 'half-up' ? r2 >= den : mode === 'half-even' ? r2 > den || (r2 === den && q % 2n === 1n) : false) q += 1n;
  const micro = Number(q) * 10 ** (6 - places);
  return neg ? -micro : micro;
}
