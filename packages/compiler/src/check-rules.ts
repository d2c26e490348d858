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
      sink.report('duplicateRule', r.name.range, { name });
    }
    names.add(name);
    r.shapes.forEach((shape) => {
      const prev = claimed.get(shape);
      const spelled = shapeText[shape];
      if (prev !== undefined && prev !== name) {
        sink.report('shapeClaimedTwice', r.name.range, { shape: spelled, claimedBy: prev, rule: name });
      } else claimed.set(shape, name);
    });
    const negatives = negativeInputs(r, sink);
    const proved = proveFormula(r.score, r.scoreRange, 'rule', { subject: 'rule', name, weightName: '权重', negatives }, sink);
    const proof = proved?.proof ?? null;
    if (proof) proofs.push(proof);
    const qualitative = r.shapes.includes('qualitative') || name === '定性';
    if (!hasTiers && (qualitative || (proved && varsOf(proved.ir).has('fraction')))) {
      sink.report('qualitativeNoTiers', r.name.range, { rule: name });
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
    sink.report('allowNegative', n.range, { rule: r.name.text, name: n.text });
  }
  return out;
}
