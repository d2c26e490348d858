// Indicators: levels, names, how each is scored, weights of fixed children
// against their parent, pinned rules, and the bounds of section formulas.

import { printName, type SectionDecl } from '@jixiao/language';
import { renameFixes, sumFixes } from './suggest.ts';
import { type Dec, decCmp, decOf, decSum, decToString } from './decimal.ts';
import type { DiagnosticSink } from './diag.ts';
import { type Proof, proveFormula } from './prove.ts';
import type { SectionKind, SectionModel } from './model.ts';
import { printExpr } from './printer.ts';
import { expectPoints } from './units.ts';

const LEVEL_ZH = ['', '一级指标', '二级指标', '三级指标'] as const;

export interface SectionEnv {
  sink: DiagnosticSink;
  /** rule name → index */
  rules: ReadonlyMap<string, number>;
  proofs: Proof[];
}

/** Check a list of sibling sections; returns models with ids still unassigned (-1). */
export function checkSections(decls: readonly SectionDecl[], level: 1 | 2 | 3, inheritedRule: number | null, env: SectionEnv): SectionModel[] {
  const { sink } = env;
  const names = new Map<string, string>();
  const out: SectionModel[] = [];
  for (const d of decls) {
    for (const n of [d.name, ...d.aliases]) {
      const prev = names.get(n.text);
      if (prev !== undefined) {
        sink.report(
          'duplicateSection',
          n.range,
          { zh: `同级指标名称「${n.text}」重复（已用于「${prev}」）`, en: `indicator name "${n.text}" is already used at this level (by "${prev}")` },
          { zh: '同一层级的指标名称和别名不能重复', en: 'names and aliases of sibling indicators must differ' },
        );
      } else names.set(n.text, d.name.text);
    }
    const m = checkSection(d, level, inheritedRule, env);
    if (m) out.push(m);
  }
  return out;
}

function checkSection(d: SectionDecl, level: 1 | 2 | 3, inheritedRule: number | null, env: SectionEnv): SectionModel | null {
  const { sink } = env;
  const name = d.name.text;
  if (d.level !== level) {
    sink.report(
      'levelNesting',
      d.name.range,
      { zh: `「${name}」写为${LEVEL_ZH[d.level]}，但这里应为${LEVEL_ZH[level]}`, en: `"${name}" is declared at level ${d.level} but sits at level ${level}` },
      { zh: `改为 ${LEVEL_ZH[level]}`, en: `write ${LEVEL_ZH[level]}` },
    );
  }
  const weightOk = expectPoints(d.weight, { zh: `「${name}」的分值`, en: `the weight of "${name}"` }, sink);
  if (weightOk && d.weight.value < 0) {
    sink.report('invalidValue', d.weight.range, { zh: `「${name}」的分值 ${d.weight.text} 为负数`, en: `the weight of "${name}" (${d.weight.text}) is negative` }, { zh: '分值不能小于 0', en: 'weights cannot be negative' });
  }
  const weight = decOf(d.weight);

  // one way to score: a formula, fixed children, or rows filled in by units
  const ways = [d.score ? '得分公式' : null, d.children.length > 0 ? '下级指标' : null, d.filledByUnit ? '单位填报' : null].filter((w): w is string => w !== null);
  if (ways.length > 1 || (d.score && d.rule)) {
    const list = d.score && d.rule ? [...ways, '采用规则'] : ways;
    sink.report(
      'sectionConflict',
      d.name.range,
      { zh: `「${name}」同时有 ${list.join('、')}，只能选一种计分方式`, en: `"${name}" has ${list.join(', ')}: choose one way to score it` },
      { zh: '保留其中一种：得分公式、下级指标、单位填报', en: 'keep one of: a formula, child indicators, 单位填报' },
    );
  }

  let pinned = inheritedRule;
  if (d.rule) {
    const idx = env.rules.get(d.rule.text);
    if (idx === undefined) {
      const known = [...env.rules.keys()].join('、') || '（无）';
      sink.report(
        'unknownRule',
        d.rule.range,
        { zh: `「${name}」采用的规则「${d.rule.text}」未定义`, en: `"${name}" uses rule "${d.rule.text}", which is not defined` },
        { zh: `已定义的规则：${known}`, en: `defined rules: ${known}` },
        { fixes: renameFixes(d.rule.range, d.rule.text, [...env.rules.keys()], printName) },
      );
    } else pinned = idx;
  }

  let formula = null;
  let formulaText: string | null = null;
  if (d.score) {
    const proved = proveFormula(d.score, d.scoreRange ?? d.score.range, 'section', { subject: 'section', name, weight: d.weight.value, weightName: '分值' }, sink);
    if (proved) env.proofs.push(proved.proof);
    if (proved?.proof.proven) formula = proved.ir;
    formulaText = printExpr(d.score);
  }

  let children: SectionModel[] = [];
  if (d.children.length > 0) {
    if (level === 3) {
      sink.report('levelNesting', d.children[0]!.name.range, { zh: `三级指标「${name}」下不能再有指标`, en: `level-3 indicator "${name}" cannot have children` }, { zh: '指标最多三级', en: 'indicators have at most three levels' });
    } else {
      children = checkSections(d.children, (level + 1) as 2 | 3, pinned, env);
      childSum(d, weight, env);
    }
  }

  const kind: SectionKind = d.score ? 'formula' : d.children.length > 0 ? 'fixed' : d.filledByUnit ? 'filled' : 'leaf';
  recordProof(d, kind, weight, env);
  return {
    id: -1,
    name,
    aliases: d.aliases.map((a) => a.text),
    level,
    weight: { value: d.weight.value, text: decToString(weight) },
    kind,
    formula,
    formulaText,
    pinnedRule: kind === 'formula' ? null : pinned,
    filledByUnit: d.filledByUnit,
    children,
    range: d.range,
    ...(d.renamedFrom?.length ? { renamedFrom: [...d.renamedFrom] } : {}),
  };
}

function childSum(d: SectionDecl, weight: Dec, env: SectionEnv): void {
  const sum = decSum(d.children.map((c) => decOf(c.weight)));
  if (decCmp(sum, weight) !== 0) {
    const parts = d.children.map((c) => decToString(decOf(c.weight))).join(' + ');
    env.sink.report(
      'childWeights',
      d.name.range,
      {
        zh: `「${d.name.text}」的下级指标分值之和 ${parts} = ${decToString(sum)} ≠ ${decToString(weight)}`,
        en: `child weights of "${d.name.text}" sum to ${parts} = ${decToString(sum)} ≠ ${decToString(weight)}`,
      },
      { zh: `调整下级指标分值，使其合计 ${decToString(weight)}`, en: `adjust the child weights so they add up to ${decToString(weight)}` },
      sumFixes({ quantity: d.weight, what: { zh: `「${d.name.text}」的分值`, en: `the weight of "${d.name.text}"` } }, d.children.map((c) => ({ name: c.name.text, quantity: c.weight })), sum),
    );
  }
}

function recordProof(d: SectionDecl, kind: SectionKind, weight: Dec, env: SectionEnv): void {
  const w = decToString(weight);
  if (kind === 'fixed') {
    const sum = decSum(d.children.map((c) => decOf(c.weight)));
    env.proofs.push({
      subject: 'section',
      name: d.name.text,
      formula: `${d.name.text} = ${d.children.map((c) => c.name.text).join(' + ')}`,
      interval: `[0, ${decToString(sum)}]`,
      within: `[0, ${w}]`,
      proven: decCmp(sum, weight) === 0,
    });
  } else if (kind === 'filled') {
    env.proofs.push({
      subject: 'section',
      name: d.name.text,
      formula: `${d.name.text} = Σ 单位填报行（运行时核对权重之和 = ${w}）`,
      interval: `[0, ${w}]`,
      within: `[0, ${w}]`,
      proven: true,
    });
  } else if (kind === 'leaf') {
    env.proofs.push({
      subject: 'section',
      name: d.name.text,
      formula: `${d.name.text} = ${d.rule ? `采用 ${d.rule.text}` : '按目标形状选用规则'}，权重 ${w}`,
      interval: `[0, ${w}]`,
      within: `[0, ${w}]`,
      proven: true,
    });
  }
}

/** Assign preorder ids; returns the count. */
export function assignIds(sections: SectionModel[]): number {
  let next = 0;
  const walk = (s: SectionModel) => {
    s.id = next++;
    s.children.forEach(walk);
  };
  sections.forEach(walk);
  return next;
}

export function capsOf(sections: readonly SectionDecl[]): Dec {
  return decSum(sections.map((s) => decOf(s.weight)));
}

