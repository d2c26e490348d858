// Sums and comparisons of filed numbers without float drift: every value is taken to
// millionths (filings never carry finer amounts) and summed as integers.
const SCALE = 1e6;

const scaled = (x: number) => Math.round(x * SCALE);

export function sumExact(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += scaled(x);
  return s / SCALE;
}

/** Equal to the cent. Weights and caps, which the template's 保留小数 does not govern. */
export function same(a: number, b: number): boolean {
  return Math.abs(scaled(a) - scaled(b)) < 0.005 * SCALE;
}

/**
 * Equality of a stated score with a computed one at the template's `保留小数` places:
 * they differ by less than half a unit in the last place (2 places: < 0.005, so 8.62
 * equals 8.62 and 8.623 rounds to it; 3 places: < 0.0005, so 8.62 against 8.623 differs).
 */
export function sameAt(places: number): (a: number, b: number) => boolean {
  const tol = 0.5 * 10 ** -Math.max(0, places) * SCALE;
  return (a, b) => Math.abs(scaled(a) - scaled(b)) < tol;
}

/** A number as a person writes it: 97, 8.62, never 8.620000000000001. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toFixed(6)));
}
