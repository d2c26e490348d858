// Caps finer than the rounding: with 保留小数 0 位, caps 2.5 + 97.5 let a section score
// round(2.5) = 3 > 2.5 and the total reach 101 / 100. Every score is rounded to the
// template's places and never exceeds its cap only if each cap is itself a number of
// that precision, so the checker refuses the finer ones (the total, every indicator's
// 分值 at every level, and the maxima and floor of deductions) at the digit that is
// too fine, and says both ways out.

import type { Quantity, SectionDecl, Template } from '@jixiao/language';
import { decOf } from './decimal.ts';
import type { DiagnosticSink } from './diag.ts';

/** Digits after the decimal point in the canonical spelling (58.00 → 0, 2.50 → 1). */
export function placesOf(q: Quantity): number {
  const d = decOf(q);
  let units = d.units < 0n ? -d.units : d.units;
  let scale = d.scale;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  return scale;
}

function* caps(t: Template): Generator<{ q: Quantity; what: { zh: string; en: string } }> {
  for (const item of t.items) {
    if (item.kind === 'Total') yield { q: item.value, what: { zh: '总分', en: 'the total' } };
    if (item.kind === 'Section') yield* sectionCaps(item);
    if (item.kind === 'Deduction') {
      const name = item.name.text;
      if (item.perItemMax) yield { q: item.perItemMax, what: { zh: `扣分「${name}」的每项最多`, en: `the per-item maximum of deduction "${name}"` } };
      yield { q: item.totalMax, what: { zh: `扣分「${name}」的合计最多`, en: `the total maximum of deduction "${name}"` } };
      if (item.floor) yield { q: item.floor, what: { zh: `扣分「${name}」的总分不低于`, en: `the floor of deduction "${name}"` } };
    }
  }
}

function* sectionCaps(s: SectionDecl): Generator<{ q: Quantity; what: { zh: string; en: string } }> {
  yield { q: s.weight, what: { zh: `「${s.name.text}」的分值`, en: `the weight of "${s.name.text}"` } };
  for (const c of s.children) yield* sectionCaps(c);
}

export function checkCapPrecision(t: Template, decimals: number, sink: DiagnosticSink): void {
  for (const { q, what } of caps(t)) {
    if (!Number.isFinite(q.value)) continue; // reported as too large elsewhere
    const p = placesOf(q);
    if (p <= decimals) continue;
    sink.report(
      'capPrecision',
      q.range,
      {
        zh: `${what.zh} ${q.text} 有 ${p} 位小数，多于 保留小数 ${decimals} 位：舍入后的得分可能超过它`,
        en: `${what.en}, ${q.text}, has ${p} decimal places, more than the ${decimals} the template rounds to: a rounded score could exceed it`,
      },
      {
        zh: `改为 保留小数 ${p} 位，或把 ${q.text} 改成 ${decimals} 位小数的数`,
        en: `write 保留小数 ${p} 位, or make ${q.text} a number with ${decimals} decimal places`,
      },
    );
  }
}
