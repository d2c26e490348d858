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
      sink.report(
        'declUnit',
        q.range,
        { zh: `定性分档「${t.name.text}」的界限 ${printQuantity(q)} 应为百分数`, en: `tier "${t.name.text}": bound ${printQuantity(q)} must be a percentage` },
        { zh: '写成 80%..100%，或写小数 0.8..1', en: 'write 80%..100%, or fractions 0.8..1' },
      );
      return null;
    }
  }
  const anyPct = ends.some(isPercent);
  const [lo, hi] = ends.map((q) => (anyPct ? decShift(decOf(q), 2) : decOf(q))) as [Dec, Dec];
  // a single point (完成 100%): only the whole, 100%, can be a tier of one value
  if (t.point) {
    if (decCmp(lo, ONE) === 0) return [lo, hi];
    sink.report(
      'invalidValue',
      t.range,
      { zh: `定性分档「${t.name.text}」只写了一个值 ${printQuantity(t.low)}：单点档次只能是 100%`, en: `tier "${t.name.text}" is the single value ${printQuantity(t.low)}: a one-point tier can only be 100%` },
      { zh: '写成区间 低%..高%，或 完成 100%', en: 'write a range low%..high%, or 完成 100%' },
    );
    return null;
  }
  if (decCmp(lo, ZERO) < 0 || decCmp(hi, ONE) > 0 || decCmp(lo, hi) >= 0) {
    sink.report(
      'invalidValue',
      t.range,
      { zh: `定性分档「${t.name.text}」的区间 ${printQuantity(t.low)}..${printQuantity(t.high)} 不在 0%–100% 内或下限不小于上限`, en: `tier "${t.name.text}": ${t.low.text}..${t.high.text} is not a non-empty part of 0%–100%` },
      { zh: anyPct ? '写成 低%..高%' : '不带 % 的界限是小数 (0..1)；百分数请写 %', en: anyPct ? 'write low%..high%' : 'bare bounds are fractions (0..1); write % for percentages' },
    );
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
        sink.report(
          'duplicateTier',
          n.range,
          { zh: `定性分档的名称或别名「${n.text}」重复`, en: `tier name or alias "${n.text}" is used twice` },
          { zh: '每个写法只能对应一个分档', en: 'each wording may name one tier only' },
        );
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
  const gap = (range: TiersDecl['range'], from: Dec, to: Dec) =>
    sink.report(
      'tierGap',
      range,
      { zh: `定性分档未覆盖 ${pct(from)}–${pct(to)}`, en: `no tier covers ${pct(from)}–${pct(to)}` },
      { zh: '分档须首尾相接，覆盖 0%–100%', en: 'tiers must meet end to start and cover 0%–100%' },
    );
  if (decCmp(sorted[0]!.lo, ZERO) > 0) gap(decl.range, ZERO, sorted[0]!.lo);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    const c = decCmp(a.hi, b.lo);
    if (c > 0) {
      sink.report(
        'tierOverlap',
        b.tier.range,
        {
          zh: `定性分档「${b.tier.name.text}」(${pct(b.lo)}–${pct(b.hi)}) 与「${a.tier.name.text}」(${pct(a.lo)}–${pct(a.hi)}) 重叠`,
          en: `tier "${b.tier.name.text}" (${pct(b.lo)}–${pct(b.hi)}) overlaps "${a.tier.name.text}" (${pct(a.lo)}–${pct(a.hi)})`,
        },
        { zh: '分档按 [低, 高) 计，相邻分档首尾相接即可', en: 'tiers are [low, high); make neighbours meet end to start' },
      );
    } else if (c < 0) gap(b.tier.range, a.hi, b.lo);
  }
  const last = sorted[sorted.length - 1]!;
  if (decCmp(last.hi, ONE) < 0) gap(decl.range, last.hi, ONE);
}
