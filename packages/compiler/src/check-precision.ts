// Caps finer than the rounding: with 保留小数 0 位, caps 2.5 + 97.5 let a section score
// round(2.5) = 3 > 2.5 and the total reach 101 / 100. Every score is rounded to the
// template's places and never exceeds its cap only if each cap is itself a number of
// that precision, so the checker refuses the finer ones (the total, every indicator's
// 分值 at every level, and the maxima and floor of deductions) at the digit that is
// too fine, and says both ways out.

import type { Quantity, SectionDecl, Template } from '@jixiao/language';
import { decOf } from './decimal.ts';
import type { Subject } from './codes.ts';
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

function* caps(t: Template): Generator<{ q: Quantity; subject: Subject }> {
  for (const item of t.items) {
    if (item.kind === 'Total') yield { q: item.value, subject: { of: 'total' } };
    if (item.kind === 'Section') yield* sectionCaps(item);
    if (item.kind === 'Deduction') {
      const name = item.name.text;
      if (item.perItemMax) yield { q: item.perItemMax, subject: { of: 'deduction', name, field: 'perItemMax' } };
      yield { q: item.totalMax, subject: { of: 'deduction', name, field: 'totalMax' } };
      if (item.floor) yield { q: item.floor, subject: { of: 'deduction', name, field: 'floor' } };
    }
  }
}

function* sectionCaps(s: SectionDecl): Generator<{ q: Quantity; subject: Subject }> {
  yield { q: s.weight, subject: { of: 'weight', name: s.name.text } };
  for (const c of s.children) yield* sectionCaps(c);
}

export function checkCapPrecision(t: Template, decimals: number, sink: DiagnosticSink): void {
  for (const { q, subject } of caps(t)) {
    if (!Number.isFinite(q.value)) continue; // reported as too large elsewhere
    const p = placesOf(q);
    if (p <= decimals) continue;
    sink.report('capPrecision', q.range, { subject, value: q.text, places: p, decimals });
  }
}
