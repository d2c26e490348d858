// Unit rules for declared values.

import type { Quantity } from '@jixiao/language';
import type { Subject } from './codes.ts';
import type { DiagnosticSink } from './diag.ts';
import { printQuantity } from './printer.ts';

export function isPercent(q: Quantity): boolean {
  return q.unit === '%' || q.unit === '％';
}

/** 总分, weights, grade bounds and deduction amounts are 分 or unitless. Reports and returns false otherwise. */
export function expectPoints(q: Quantity, subject: Subject, sink: DiagnosticSink): boolean {
  if (q.unit === null || q.unit === '分') return true;
  sink.report('declUnit', q.range, { subject, value: printQuantity(q), unit: q.unit, number: q.text });
  return false;
}
