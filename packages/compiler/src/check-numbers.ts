// Every number written in a template must be finite and of a sane size: a weight, cap,
// bound or literal of 10^300 is a typo (or a fuzzer), and it would overflow exact
// arithmetic downstream. Found by the template fuzzer (a 每项最多 of 4e350).
import type { Quantity, Template } from '@jixiao/language';
import type { DiagnosticSink } from './diag.ts';

/** The largest magnitude a number in a template may have. */
export const MAX_TEMPLATE_NUMBER = 1e9;

function* quantities(node: unknown): Generator<Quantity> {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const x of node) yield* quantities(x);
    return;
  }
  const n = node as { kind?: unknown };
  if (n.kind === 'Quantity') {
    yield n as Quantity;
    return;
  }
  for (const [k, v] of Object.entries(node)) if (k !== 'range' && k !== 'scoreRange') yield* quantities(v);
}

export function checkNumbers(t: Template, sink: DiagnosticSink): void {
  for (const q of quantities(t.items)) {
    if (Number.isFinite(q.value) && Math.abs(q.value) <= MAX_TEMPLATE_NUMBER) continue;
    const shown = q.text.length > 24 ? `${q.text.slice(0, 12)}…${q.text.slice(-6)}（${q.text.length} 位）` : q.text;
    sink.report('invalidValue', q.range, { kind: 'tooLarge', value: shown, limit: MAX_TEMPLATE_NUMBER });
  }
}
