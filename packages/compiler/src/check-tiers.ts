// Qualitative tiers: fractions of the weight that must tile [0, 1] exactly
// (each [low, high), the top one closed), with unique names and aliases.

import type { Quantity, Tier, TiersDecl } from '@jixiao/language';
import { type Dec, decCmp, decOf, decShift, decToNumber, decToString } from './decimal.ts';
import type { DiagnosticSink } from './diag.ts';
import type { TierModel } from './model.ts';
import { printQuantity } from './printer.ts';
import { isPercent } from './units.ts';

const ONE: Dec = { units: 1n, scale: 0 };
const ZERO: Dec = { units: 0n, scale: 0 };

function pct(d: Dec): string {
  return `${decToString(decShift({ units: d.units * 100n, scale: d.scale }, 0))}%`;
}

/** Both ends as fractions. `80%..100%`, `0..60%` (a bare end takes the other's %) or `0.8..1`. */
function fractions(t: Tier, sink: DiagnosticSink): [Dec, Dec] | null {
  const ends: Quantity[] = [t.low, t.high];
  for (const q of ends) {
    if (q.unit !== null && !isPercent(q)) {
      sink.report('declUnit', q.range, { subject: { of: 'tier', name: t.name.text }, value: printQuantity(q), unit: q.unit, number: q.text });
      return null;
    }
  }
  const anyPct = ends.some(isPercent);
  const [lo, hi] = ends.map((q) => (anyPct ? decShift(decOf(q), 2) : decOf(q))) as [Dec, Dec];
  // a single point (完成 100%): only the whole, 100%, can be a tier of one value
  if (t.point) {
    if (decCmp(lo, ONE) === 0) return [lo, hi];
    sink.report('invalidValue', t.range, { kind: 'tierPoint', name: t.name.text, value: printQuantity(t.low) });
    return null;
  }
  if (decCmp(lo, ZERO) < 0 || decCmp(hi, ONE) > 0 || decCmp(lo, hi) >= 0) {
    sink.report('invalidValue', t.range, { kind: 'tierRange', name: t.name.text, low: printQuantity(t.low), high: printQuantity(t.high), percent: anyPct });
    return null;
  }
  return [lo, hi];
}

export function checkTiers(decl: TiersDecl, sink: DiagnosticSink): TierModel[] {
  const names = new Set<string>();
  const out: { tier: Tier; lo: Dec; hi: Dec }[] = [];
  let ok = true;
  for (const t of decl.tiers) {
    for (const n of [t.name, ...t.aliases]) {
      if (names.has(n.text)) {
        sink.report('duplicateTier', n.range, { name: n.text });
      }
      names.add(n.text);
    }
    const f = fractions(t, sink);
    if (f) out.push({ tier: t, lo: f[0], hi: f[1] });
    else ok = false;
  }
  if (ok && out.length > 0) tiling(decl, out, sink);
  const hasPoint = out.some((x) => x.tier.point);
  return out.map(({ tier, lo, hi }) => ({
    name: tier.name.text,
    aliases: tier.aliases.map((a) => a.text),
    lo: { value: decToNumber(lo), text: decToString(lo) },
    hi: { value: decToNumber(hi), text: decToString(hi) },
    // the fraction 1 belongs to the point tier when there is one, else to the top range
    includesOne: tier.point === true || (!hasPoint && decCmp(hi, ONE) === 0),
  }));
}

function tiling(decl: TiersDecl, tiers: { tier: Tier; lo: Dec; hi: Dec }[], sink: DiagnosticSink): void {
  const sorted = [...tiers].sort((a, b) => decCmp(a.lo, b.lo));
  const gap = (range: TiersDecl['range'], from: Dec, to: Dec) => sink.report('tierGap', range, { from: pct(from), to: pct(to) });
  if (decCmp(sorted[0]!.lo, ZERO) > 0) gap(decl.range, ZERO, sorted[0]!.lo);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    const c = decCmp(a.hi, b.lo);
    if (c > 0) {
      sink.report('tierOverlap', b.tier.range, { tier: b.tier.name.text, range: `${pct(b.lo)}–${pct(b.hi)}`, other: a.tier.name.text, otherRange: `${pct(a.lo)}–${pct(a.hi)}` });
    } else if (c < 0) gap(b.tier.range, a.hi, b.lo);
  }
  const last = sorted[sorted.length - 1]!;
  if (decCmp(last.hi, ONE) < 0) gap(decl.range, last.hi, ONE);
}
