// Named rules: unique names, each target shape claimed once, qualitative rules
// need tiers, and every formula proven within [0, 权重].

import { shapeText, type RuleDecl, type TargetShape } from '@jixiao/language';
import type { DiagnosticSink } from './diag.ts';
import { varsOf } from './ir.ts';
import type { RuleModel } from './model.ts';
import { printExpr } from './printer.ts';
import { type Proof, proveFormula } from './prove.ts';
import { type VarId, lookupVar } from './vars.ts';

export function checkRules(decls: readonly RuleDecl[], hasTiers: boolean, sink: DiagnosticSink, proofs: Proof[]): RuleModel[] {
  const names = new Set<string>();
  const claimed = new Map<TargetShape, string>();
  const out: RuleModel[] = [];
  for (const r of decls) {
    const name = r.name.text;
    if (names.has(name)) {
      sink.report('duplicateRule', r.name.range, { zh: `规则「${name}」重复定义`, en: `rule "${name}" is defined twice` }, { zh: '给规则改名，或删去其一', en: 'rename one rule or remove it' });
    }
    names.add(name);
    r.shapes.forEach((shape) => {
      const prev = claimed.get(shape);
      const spelled = shapeText[shape];
      if (prev !== undefined && prev !== name) {
        sink.report(
          'shapeClaimedTwice',
          r.name.range,
          { zh: `目标形状「${spelled}」已由规则「${prev}」适用，规则「${name}」不能再适用`, en: `target shape "${spelled}" is already claimed by rule "${prev}"; rule "${name}" cannot claim it too` },
          { zh: `从其中一条规则的 适用 中去掉「${spelled}」，需要时用 采用 为指标指定规则`, en: `remove "${spelled}" from one rule's 适用; pin rules per indicator with 采用 where needed` },
        );
      } else claimed.set(shape, name);
    });
    const negatives = negativeInputs(r, sink);
    const proved = proveFormula(r.score, r.scoreRange, 'rule', { subject: 'rule', name, weightName: '权重', negatives }, sink);
    const proof = proved?.proof ?? null;
    if (proof) proofs.push(proof);
    const qualitative = r.shapes.includes('qualitative') || name === '定性';
    if (!hasTiers && (qualitative || (proved && varsOf(proved.ir).has('fraction')))) {
      sink.report(
        'qualitativeNoTiers',
        r.name.range,
        { zh: `规则「${name}」用于定性指标，但模板没有 定性分档`, en: `rule "${name}" scores qualitative indicators but the template has no 定性分档` },
        { zh: '加上 定性分档 { 达成 80%..100%; 部分达成 60%..80%; 未达成 0%..60% }', en: 'add 定性分档 { 达成 80%..100%; 部分达成 60%..80%; 未达成 0%..60% }' },
      );
    }
    const formula = proved && proof?.proven ? proved.ir : ({ op: 'num', value: 0, text: '0', unit: 'zero' } as const);
    out.push({ index: out.length, name, shapes: [...r.shapes], negatives, formula, text: printExpr(r.score), range: r.range });
  }
  return out;
}

/** `允许负数 实际, 目标`: only the row's 实际 and 目标 may be declared negative. */
function negativeInputs(r: RuleDecl, sink: DiagnosticSink): VarId[] {
  const out: VarId[] = [];
  for (const n of r.negatives) {
    const v = lookupVar(n.text);
    if (v === 'actual' || v === 'target') {
      if (!out.includes(v)) out.push(v);
      continue;
    }
    sink.report(
      'allowNegative',
      n.range,
      { zh: `规则「${r.name.text}」的 允许负数 写了「${n.text}」，只能写 实际、目标`, en: `rule "${r.name.text}": 允许负数 names "${n.text}"; only 实际 and 目标 may be negative` },
      { zh: '权重、完成比例 不能为负；写 允许负数 实际 或 允许负数 实际, 目标', en: 'weights and tier fractions are never negative; write 允许负数 实际 or 允许负数 实际, 目标' },
    );
  }
  return out;
}
