// Sums and comparisons of filed numbers without float drift: every value is taken to
// millionths (filings never carry finer amounts) and summed as integers.
const SCALE = 1e6;

const scaled = (x: number) => Math.round(x * SCALE);

export function sumExact(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += scaled(x);
  return s / SCALE;
}

/** Equal to the cent: stated scores are written with at most two decimals. */
export function same(a: number, b: number): boolean {
  return Math.abs(scaled(a) - scaled(b)) < 0.005 * SCALE;
}

/** A number as a person writes it: 97, 8.62, never 8.620000000000001. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toFixed(6)));
}
