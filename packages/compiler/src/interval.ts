// Interval arithmetic for the bounds proof, rounded outward.
//
// A dimensionless value is an interval [lo, hi]. A points value is
// `W·a + c` with a, c intervals and W ≥ 0 the symbolic weight: it lies between
// the lower line W·a.lo + c.lo and the upper line W·a.hi + c.hi for every W ≥ 0.
// Endpoints may be ±Infinity; 0 × ∞ is taken as 0 (inputs are finite).
//
// The evaluator computes in binary floating point, so a proof over the reals is not
// enough: (实际' + 1e16) − 1e16 is 0 or 2 in doubles, never 0.9. Every endpoint whose
// operation is inexact in doubles is therefore moved one unit in the last place
// outward; an exact one (1 − 0, 0.5 × 2, 1 / 4) stays put, so ordinary formulas keep
// their tight bounds. Rounding to nearest is monotone, so the double the evaluator
// gets for an operation on values inside the intervals stays inside the result.

export type Iv = readonly [number, number];

export type AbsVal = { t: 'N'; iv: Iv; zero: boolean } | { t: 'P'; a: Iv; c: Iv } | { t: 'B' };

export const ZERO_IV: Iv = [0, 0];
export const ALL_IV: Iv = [-Infinity, Infinity];

// ───────────── one unit in the last place ─────────────

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// index of the low and high 32-bit words of a double on this platform
const LO = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HI = 1 - LO;

/** The next double above x (x itself for +∞ and NaN). */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  f64[0] = x;
  if (x > 0) {
    u32[LO] = (u32[LO]! + 1) >>> 0;
    if (u32[LO] === 0) u32[HI] = (u32[HI]! + 1) >>> 0;
  } else {
    if (u32[LO] === 0) u32[HI] = (u32[HI]! - 1) >>> 0;
    u32[LO] = (u32[LO]! - 1) >>> 0;
  }
  return f64[0]!;
}

/** The next double below x. */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

// ───────────── exactness of one operation (error-free transformations) ─────────────

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter
const SAFE = 1e290; // beyond this the split itself may overflow: treat as inexact

/** The rounding error of a + b = s is zero (TwoSum). */
function addExact(a: number, b: number, s: number): boolean {
  if (!Number.isFinite(s)) return !Number.isFinite(a) || !Number.isFinite(b);
  const bb = s - a;
  return a - (s - bb) + (b - bb) === 0;
}

/** The rounding error of a × b = p is zero (Dekker's TwoProduct). */
function mulExact(a: number, b: number, p: number): boolean {
  if (a === 0 || b === 0) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return true;
  if (!Number.isFinite(p) || Math.abs(a) > SAFE || Math.abs(b) > SAFE) return false;
  const ap = Math.abs(p);
  if (ap < 1e-290) return false; // underflow: subnormal results lose digits
  const ca = SPLIT * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLIT * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl === 0;
}

/** a / b = q exactly (q × b gives back a with no error). */
function divExact(a: number, b: number, q: number): boolean {
  if (a === 0) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return true;
  if (!Number.isFinite(q)) return false;
  return q * b === a && mulExact(q, b, a);
}

const down = (x: number, exact: boolean) => (exact || Number.isNaN(x) ? x : x === Infinity ? Number.MAX_VALUE : nextDown(x));
const up = (x: number, exact: boolean) => (exact || Number.isNaN(x) ? x : x === -Infinity ? -Number.MAX_VALUE : nextUp(x));

function addDown(a: number, b: number): number {
  const s = a + b;
  return down(s, addExact(a, b, s));
}
function addUp(a: number, b: number): number {
  const s = a + b;
  return up(s, addExact(a, b, s));
}

/** x × y with 0 × ∞ = 0: the inputs are finite, an infinite endpoint is only a limit. */
function mulEnd(x: number, y: number): number {
  return x === 0 || y === 0 ? 0 : x * y;
}

// ───────────── interval operations ─────────────

export function ivAdd(x: Iv, y: Iv): Iv {
  return [addDown(x[0], y[0]), addUp(x[1], y[1])];
}

export function ivNeg(x: Iv): Iv {
  return [-x[1], -x[0]];
}

export function ivSub(x: Iv, y: Iv): Iv {
  return ivAdd(x, ivNeg(y));
}

export function ivMul(x: Iv, y: Iv): Iv {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of x)
    for (const b of y) {
      const p = mulEnd(a, b);
      const exact = p === 0 || mulExact(a, b, p);
      lo = Math.min(lo, down(p, exact));
      hi = Math.max(hi, up(p, exact));
    }
  return [lo, hi];
}

function recipEnd(y: number, dir: 'down' | 'up'): number {
  if (y === Infinity || y === -Infinity) return 0;
  const r = 1 / y;
  const exact = divExact(1, y, r);
  return dir === 'down' ? down(r, exact) : up(r, exact);
}

/**
 * 1/y over y ∈ [lo, hi] without 0: at run time a division by zero means the row
 * cannot be scored (score 0 and a finding), so y = 0 never reaches the result.
 * Returns null when y can only be 0.
 */
export function ivRecip(y: Iv): Iv | null {
  const [lo, hi] = y;
  if (lo === 0 && hi === 0) return null;
  if (lo > 0 || hi < 0) return [recipEnd(hi, 'down'), recipEnd(lo, 'up')];
  if (lo === 0) return [recipEnd(hi, 'down'), Infinity];
  if (hi === 0) return [-Infinity, recipEnd(lo, 'up')];
  return ALL_IV;
}

/** x / y, directly on the endpoints when y keeps one sign (one rounding, not two). */
export function ivDiv(x: Iv, y: Iv): Iv {
  const r = ivRecip(y);
  if (r === null) return ZERO_IV;
  const [ylo, yhi] = y;
  const finite = Number.isFinite(x[0]) && Number.isFinite(x[1]) && Number.isFinite(ylo) && Number.isFinite(yhi);
  if (!finite || !(ylo > 0 || yhi < 0)) return ivMul(x, r);
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of x)
    for (const b of y) {
      const q = a / b;
      const exact = divExact(a, b, q);
      lo = Math.min(lo, down(q, exact));
      hi = Math.max(hi, up(q, exact));
    }
  return [lo, hi];
}

export function ivHull(x: Iv, y: Iv): Iv {
  return [Math.min(x[0], y[0]), Math.max(x[1], y[1])];
}

/** Both hold: the tighter of two sound enclosures of the same value (may be empty). */
export function ivMeet(x: Iv, y: Iv): Iv {
  return [Math.max(x[0], y[0]), Math.min(x[1], y[1])];
}

export function ivEmpty(x: Iv): boolean {
  return x[0] > x[1];
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

/**
 * Two sound enclosures of one points value: keep the better upper line and the better
 * lower line (each line of either encloses the value, so any pairing does).
 */
export function pointsMeet(x: { a: Iv; c: Iv }, y: { a: Iv; c: Iv }): { a: Iv; c: Iv } {
  const hi = pickUpper([x, y]);
  const lo = pickLower([x, y]);
  return { a: [lo.a[0], hi.a[1]], c: [lo.c[0], hi.c[1]] };
}

export function pickUpper(xs: readonly { a: Iv; c: Iv }[]): { a: Iv; c: Iv } {
  const proven = xs.find(provenAtMostW);
  if (proven) return proven;
  // an operand whose upper line is componentwise below every other one, else the first
  const dom = xs.find((x) => xs.every((y) => x.a[1] <= y.a[1] && x.c[1] <= y.c[1]));
  return dom ?? xs[0]!;
}

export function pickLower(xs: readonly { a: Iv; c: Iv }[]): { a: Iv; c: Iv } {
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
  const short = Number(n.toPrecision(6));
  // a bound off by a few units in the last place (outward rounding) is shown in full:
  // [0, 1.0000000000000002] says why the proof failed, [0, 1] would not
  if (short !== n && Math.abs(short - n) <= Math.abs(n) * 1e-12) return String(n);
  return String(short);
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
