// Deductions: names, amounts in 分, and a declared floor of the total.

import type { DeductionDecl } from '@jixiao/language';
import type { Proof } from './prove.ts';
import { type Dec, decOf, decSub, decSum, decToNumber, decToString } from './decimal.ts';
import type { DiagnosticSink } from './diag.ts';
import type { DeductionModel } from './model.ts';
import { expectPoints } from './units.ts';
import { quote } from '@jixiao/language';

export function checkDeductions(decls: readonly DeductionDecl[], total: Dec | null, sink: DiagnosticSink, proofs: Proof[]): DeductionModel[] {
  const names = new Set<string>();
  const out: DeductionModel[] = [];
  const maxSum = decSum(decls.map((d) => decOf(d.totalMax)));
  for (const d of decls) {
    const name = d.name.text;
    if (names.has(name)) {
      sink.report('duplicateDeduction', d.name.range, { name });
    }
    names.add(name);
    let ok = true;
    for (const [q, field] of [
      [d.perItemMax, 'perItemMax'],
      [d.totalMax, 'totalMax'],
      [d.floor, 'floor'],
    ] as const) {
      if (!q) continue;
      const subject = { of: 'deduction', name, field } as const;
      ok = expectPoints(q, subject, sink) && ok;
      if (q.value < 0) {
        ok = false;
        sink.report('invalidValue', q.range, { kind: 'negative', subject, value: q.text });
      }
    }
    if (!d.floor) {
      const lo = total ? decToString(decSub({ units: 0n, scale: 0 }, maxSum)) : `-${decToString(maxSum)}`;
      const hi = total ? decToString(total) : '总分';
      sink.report('deductionNoFloor', d.range, { deduction: name, low: lo, high: hi });
      continue;
    }
    if (total && (d.floor.value < 0 || d.floor.value > decToNumber(total))) {
      sink.report('floorOutOfRange', d.floor.range, { deduction: name, floor: d.floor.text, total: decToString(total) });
      continue;
    }
    if (!ok) continue;
    const floor = decOf(d.floor);
    out.push({
      name,
      perItemMax: d.perItemMax ? exact(decOf(d.perItemMax)) : null,
      totalMax: exact(decOf(d.totalMax)),
      floor: exact(floor),
    });
    if (total) {
      proofs.push({
        subject: 'total',
        name,
        formula: `扣分${quote(name)}后 总分 = max(总分 − 扣分, min(总分, ${decToString(floor)}))`,
        interval: `[0, ${decToString(total)}]`,
        within: `[0, ${decToString(total)}]`,
        proven: true,
      });
    }
  }
  return out;
}

function exact(d: Dec) {
  return { value: decToNumber(d), text: decToString(d) };
}
