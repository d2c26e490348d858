// Deductions: names, amounts in 分, and a declared floor of the total.

import type { DeductionDecl } from '@jixiao/language';
import type { Proof } from './prove.ts';
import { type Dec, decOf, decSub, decSum, decToNumber, decToString } from './decimal.ts';
import type { DiagnosticSink } from './diag.ts';
import type { DeductionModel } from './model.ts';
import { expectPoints } from './units.ts';

export function checkDeductions(decls: readonly DeductionDecl[], total: Dec | null, sink: DiagnosticSink, proofs: Proof[]): DeductionModel[] {
  const names = new Set<string>();
  const out: DeductionModel[] = [];
  const maxSum = decSum(decls.map((d) => decOf(d.totalMax)));
  for (const d of decls) {
    const name = d.name.text;
    if (names.has(name)) {
      sink.report('duplicateDeduction', d.name.range, { zh: `扣分项「${name}」重复`, en: `deduction "${name}" is declared twice` }, { zh: '合并为一项或改名', en: 'merge them or rename one' });
    }
    names.add(name);
    let ok = true;
    for (const [q, zh, en] of [
      [d.perItemMax, '每项最多', 'per-item maximum'],
      [d.totalMax, '合计最多', 'total maximum'],
      [d.floor, '总分不低于', 'floor'],
    ] as const) {
      if (!q) continue;
      ok = expectPoints(q, { zh: `扣分「${name}」的${zh}`, en: `the ${en} of deduction "${name}"` }, sink) && ok;
      if (q.value < 0) {
        ok = false;
        sink.report('invalidValue', q.range, { zh: `扣分「${name}」的${zh} ${q.text} 为负数`, en: `the ${en} of deduction "${name}" (${q.text}) is negative` }, { zh: '写非负的分数', en: 'write a non-negative number of points' });
      }
    }
    if (!d.floor) {
      const lo = total ? decToString(decSub({ units: 0n, scale: 0 }, maxSum)) : `-${decToString(maxSum)}`;
      const hi = total ? decToString(total) : '总分';
      sink.report(
        'deductionNoFloor',
        d.range,
        { zh: `扣分「${name}」未声明总分下限：扣分后总分可达区间 [${lo}, ${hi}]，超出 [0, ${hi}]`, en: `deduction "${name}" declares no floor: after deductions the total can reach [${lo}, ${hi}], outside [0, ${hi}]` },
        { zh: `在扣分后写上 总分不低于 0 分`, en: `add 总分不低于 0 分 to the deduction` },
      );
      continue;
    }
    if (total && (d.floor.value < 0 || d.floor.value > decToNumber(total))) {
      sink.report(
        'floorOutOfRange',
        d.floor.range,
        { zh: `扣分「${name}」的总分下限 ${d.floor.text} 不在 [0, ${decToString(total)}] 内`, en: `the floor ${d.floor.text} of deduction "${name}" is outside [0, ${decToString(total)}]` },
        { zh: '通常写 总分不低于 0 分', en: 'usually 总分不低于 0 分' },
      );
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
        formula: `扣分「${name}」后 总分 = max(总分 − 扣分, min(总分, ${decToString(floor)}))`,
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
