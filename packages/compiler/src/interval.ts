// Interval arithmetic for the bounds proof.
//
// A dimensionless value is an interval [lo, hi]. A points value is
// `W·a + c` with a, c intervals and W ≥ 0 the symbolic weight: it lies between
// the lower line W·a.lo + c.lo and the upper line W·a.hi + c.hi for every W ≥ 0.
// Endpoints may be ±Infinity; 0 × ∞ is taken as 0 (inputs are finite reals).

export type Iv = readonly [number, number];

export type AbsVal =
  | { t: 'N'; iv: Iv; zero: boolean }
  | { t: 'P'; a: Iv; c: Iv }
  | { t: 'B' };

export const ZERO_IV: Iv = [0, 0];

function mulEnd(x: number, y: number): number {
  return x === 0 || y === 0 ? 0 : x * y;
}

export function ivAdd(x: Iv, y: Iv): Iv {
  return [x[0] + y[0], x[1] + y[1]];
}

export function ivNeg(x: Iv): Iv {
  return [-x[1], -x[0]];
}

export function ivSub(x: Iv, y: Iv): Iv {
  return ivAdd(x, ivNeg(y));
}

export function ivMul(x: Iv, y: Iv): Iv {
  const p = [mulEnd(x[0], y[0]), mulEnd(x[0], y[1]), mulEnd(x[1], y[0]), mulEnd(x[1], y[1])];
  return [Math.min(...p), Math.max(...p)];
}

/**
 * 1/y over y ∈ [lo, hi] without 0: at run time a division by zero means the row
 * cannot be scored (score 0 and a finding), so y = 0 never reaches the result.
 * Returns null when y can only be 0.
 */
export function ivRecip(y: Iv): Iv | null {
  const [lo, hi] = y;
  if (lo === 0 && hi === 0) return null;
  if (lo > 0 || hi < 0) return [1 / hi, 1 / lo];
  if (lo === 0) return [1 / hi, Infinity];
  if (hi === 0) return [-Infinity, 1 / lo];
  return [-Infinity, Infinity];
}

export function ivDiv(x: Iv, y: Iv): Iv {
  const r = ivRecip(y);
  return r === null ? ZERO_IV : ivMul(x, r);
}

export function ivHull(x: Iv, y: Iv): Iv {
  return [Math.min(x[0], y[0]), Math.max(x[1], y[1])];
}

export function ivMin(x: Iv, y: Iv): Iv {
  return [Math.min(x[0], y[0]), Math.min(x[1], y[1])];
}

export function ivMax(x: Iv, y: Iv): Iv {
  return [Math.max(x[0], y[0]), Math.max(x[1], y[1])];
}

export function points(a: Iv, c: Iv): AbsVal & { t: 'P' } {
  return { t: 'P', a, c };
}

/** Lower line proven ≥ 0 for every W ≥ 0. */
export function provenNonNeg(p: { a: Iv; c: Iv }): boolean {
  return p.a[0] >= 0 && p.c[0] >= 0;
}

/** Upper line proven ≤ W for every W ≥ 0. */
export function provenAtMostW(p: { a: Iv; c: Iv }): boolean {
  return p.a[1] <= 1 && p.c[1] <= 0;
}

/** min of points values: lower = componentwise min; upper = an operand's upper line (min ≤ each). */
export function pointsMin(xs: readonly { a: Iv; c: Iv }[]): { a: Iv; c: Iv } {
  const lo = { a: Math.min(...xs.map((x) => x.a[0])), c: Math.min(...xs.map((x) => x.c[0])) };
  const hi = pickUpper(xs);
  return { a: [lo.a, hi.a[1]], c: [lo.c, hi.c[1]] };
}

/** max of points values: upper = componentwise max; lower = an operand's lower line (max ≥ each). */
export function pointsMax(xs: readonly { a: Iv; c: Iv }[]): { a: Iv; c: Iv } {
  const hi = { a: Math.max(...xs.map((x) => x.a[1])), c: Math.max(...xs.map((x) => x.c[1])) };
  const lo = pickLower(xs);
  return { a: [lo.a[0], hi.a], c: [lo.c[0], hi.c] };
}

function pickUpper(xs: readonly { a: Iv; c: Iv }[]): { a: Iv; c: Iv } {
  const proven = xs.find(provenAtMostW);
  if (proven) return proven;
  // an operand whose upper line is componentwise below every other one, else the first
  const dom = xs.find((x) => xs.every((y) => x.a[1] <= y.a[1] && x.c[1] <= y.c[1]));
  return dom ?? xs[0]!;
}

function pickLower(xs: readonly { a: Iv; c: Iv }[]): { a: Iv; c: Iv } {
  const proven = xs.find(provenNonNeg);
  if (proven) return proven;
  const dom = xs.find((x) => xs.every((y) => x.a[0] >= y.a[0] && x.c[0] >= y.c[0]));
  return dom ?? xs[0]!;
}

// ───────────── formatting ─────────────

export function fmtNum(n: number): string {
  if (n === Infinity) return '+∞';
  if (n === -Infinity) return '-∞';
  if (Object.is(n, -0)) return '0';
  return String(Number(n.toPrecision(6)));
}

export function fmtIv(x: Iv): string {
  const open = x[0] === -Infinity ? '(' : '[';
  const close = x[1] === Infinity ? ')' : ']';
  return `${open}${fmtNum(x[0])}, ${fmtNum(x[1])}${close}`;
}

/** `[0, +∞)×权重`, `[0, 5]`, or `[0, 1]×权重 + [0, 2]`. */
export function fmtVal(v: AbsVal, weightName = '权重'): string {
  if (v.t === 'B') return '真/假';
  if (v.t === 'N') return fmtIv(v.iv);
  const aZero = v.a[0] === 0 && v.a[1] === 0;
  const cZero = v.c[0] === 0 && v.c[1] === 0;
  if (aZero) return fmtIv(v.c);
  if (cZero) return `${fmtIv(v.a)}×${weightName}`;
  return `${fmtIv(v.a)}×${weightName} + ${fmtIv(v.c)}`;
}
