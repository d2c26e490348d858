// Unit rules for declared values.

import type { Quantity } from '@jixiao/language';
import type { DiagnosticSink } from './diag.ts';
import { printQuantity } from './printer.ts';

export function isPercent(q: Quantity): boolean {
  return q.unit === '%' || q.unit === '％';
}

/** 总分, weights, grade bounds and deduction amounts are 分 or unitless. Reports and returns false otherwise. */
export function expectPoints(q: Quantity, what: { zh: string; en: string }, sink: DiagnosticSink): boolean {
  if (q.unit === null || q.unit === '分') return true;
  const shown = printQuantity(q);
  sink.report(
    'declUnit',
    q.range,
    { zh: `${what.zh} ${shown} 的单位应为 分，而不是 ${q.unit}`, en: `${what.en} ${shown} must be in 分 (points), not ${q.unit}` },
    { zh: `写成 ${q.text} 分`, en: `write ${q.text} 分` },
  );
  return false;
}
