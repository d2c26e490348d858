// Exact decimal arithmetic on the digits a template author wrote.
// Weights and caps are compared with these, never with float sums,
// so that ten times 0.1 is exactly 1.

/** An exact decimal: `units / 10^scale`. */
export interface Dec {
  units: bigint;
  scale: number;
}

const DEC_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parse decimal text such as `10`, `58.00`, `0.1`, `-2.5`, `1e3`. Returns null when it is not a number. */
export function parseDec(text: string): Dec | null {
  const t = text
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.');
  const m = DEC_RE.exec(t);
  if (!m) return null;
  const intPart = m[2] ?? '';
  const frac = m[3] ?? '';
  if (intPart === '' && frac === '') return null;
  const exp = m[4] ? Number(m[4]) : 0;
  let units = BigInt((intPart || '0') + frac);
  let scale = frac.length - exp;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  if (m[1] === '-') units = -units;
  return { units, scale };
}

/** A decimal from a finite JS number, through its shortest round-trip spelling. */
export function decFromNumber(n: number): Dec {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const d = parseDec(String(n));
  if (!d) throw new RangeError(`cannot read ${n} as a decimal`);
  return d;
}

/** The exact decimal a quantity denotes: its text when readable, else its value. */
export function decOf(q: { text: string; value: number }): Dec {
  return parseDec(q.text) ?? decFromNumber(q.value);
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const s = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(s - a.scale), b.units * 10n ** BigInt(s - b.scale), s];
}

export function decAdd(a: Dec, b: Dec): Dec {
  const [x, y, s] = align(a, b);
  return { units: x + y, scale: s };
}

export function decSub(a: Dec, b: Dec): Dec {
  const [x, y, s] = align(a, b);
  return { units: x - y, scale: s };
}

export function decCmp(a: Dec, b: Dec): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Divide by 10^k exactly (percent → fraction uses k = 2). */
export function decShift(a: Dec, k: number): Dec {
  return { units: a.units, scale: a.scale + k };
}

export const DEC_ZERO: Dec = { units: 0n, scale: 0 };

export function decSum(xs: readonly Dec[]): Dec {
  return xs.reduce(decAdd, DEC_ZERO);
}

/** Canonical text without trailing zeros: `58.00` → `58`, `0.50` → `0.5`. */
export function decToString(a: Dec): string {
  const neg = a.units < 0n;
  let digits = (neg ? -a.units : a.units).toString();
  let scale = a.scale;
  while (scale > 0 && digits.endsWith('0') && digits.length > 1) {
    digits = digits.slice(0, -1);
    scale--;
  }
  if (digits === '0') return '0';
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return (neg ? '-' : '') + digits;
}

export function decToNumber(a: Dec): number {
  return Number(decToString(a));
}
