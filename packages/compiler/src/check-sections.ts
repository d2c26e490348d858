// Indicators: levels, names, how each is scored, weights of fixed children
// against their parent, pinned rules, and the bounds of section formulas.

import { printName, quote, type SectionDecl } from '@jixiao/language';
import { renameFixes, sumFixes } from './suggest.ts';
import { type Dec, decCmp, decOf, decSum, decToString } from './decimal.ts';
import type { DiagnosticSink } from './diag.ts';
import type { LowerScope } from './ir.ts';
import { type Proof, proveFormula } from './prove.ts';
import type { SectionKind, SectionModel } from './model.ts';
import { printExpr } from './printer.ts';
import { expectPoints } from './units.ts';

export interface SectionEnv {
  sink: DiagnosticSink;
  /** rule name → index */
  rules: ReadonlyMap<string, number>;
  proofs: Proof[];
  /** declared inputs and row sets indicator formulas may read */
  scope?: LowerScope;
  /** the next 择一 group number (unique in the template) */
  nextChoice?: { n: number };
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
        sink.report('duplicateSection', n.range, { name: n.text, usedBy: prev });
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
    sink.report('levelNesting', d.name.range, { indicator: name, declared: d.level, expected: level });
  }
  const weightOk = expectPoints(d.weight, { of: 'weight', name }, sink);
  if (weightOk && d.weight.value < 0) sink.report('invalidValue', d.weight.range, { kind: 'negative', subject: { of: 'weight', name }, value: d.weight.text });
  const weight = decOf(d.weight);

  // one way to score: a formula, fixed children, or rows filled in by units
  const ways = ([d.score ? 'formula' : null, d.children.length > 0 ? 'children' : null, d.filledByUnit ? 'filledByUnit' : null] as const).filter((w) => w !== null);
  if (ways.length > 1 || (d.score && d.rule)) sink.report('sectionConflict', d.name.range, { indicator: name, ways: d.score && d.rule ? [...ways, 'pinnedRule'] : [...ways] });

  let pinned = inheritedRule;
  if (d.rule) {
    const idx = env.rules.get(d.rule.text);
    if (idx === undefined) {
      sink.report(
        'unknownRule',
        d.rule.range,
        { indicator: name, rule: d.rule.text, defined: [...env.rules.keys()] },
        { fixes: renameFixes(d.rule.range, d.rule.text, [...env.rules.keys()], printName) },
      );
    } else pinned = idx;
  }

  let formula = null;
  let formulaText: string | null = null;
  if (d.score) {
    const proved = proveFormula(
      d.score,
      d.scoreRange ?? d.score.range,
      'section',
      { subject: 'section', name, weight: d.weight.value, weightName: '分值', ...(env.scope ? { scope: env.scope } : {}) },
      sink,
    );
    if (proved) env.proofs.push(proved.proof);
    if (proved?.proof.proven) formula = proved.ir;
    formulaText = printExpr(d.score);
  }

  let children: SectionModel[] = [];
  if (d.children.length > 0) {
    if (level === 3) {
      sink.report('levelNesting', d.children[0]!.name.range, { indicator: name, childOfLevel3: true });
    } else {
      children = checkSections(d.children, (level + 1) as 2 | 3, pinned, env);
      choiceGroups(d, children, env);
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
    choice: null,
    range: d.range,
    ...(d.renamedFrom?.length ? { renamedFrom: [...d.renamedFrom] } : {}),
  };
}

/** The children that count towards the parent: each 择一 group once (its alternatives weigh the same). */
function counted(children: readonly SectionDecl[]): SectionDecl[] {
  const seen = new Set<number>();
  return children.filter((c) => c.choice === undefined || (!seen.has(c.choice) && seen.add(c.choice) !== undefined));
}

/**
 * 择一 { … }: two or more alternatives of the same weight, each scored by a rule or by its
 * own formula (what the unit files is one indicator row); the group counts once. Each group
 * gets a number unique in the template.
 */
function choiceGroups(d: SectionDecl, children: SectionModel[], env: SectionEnv): void {
  const groups = new Map<number, { decls: SectionDecl[]; models: SectionModel[] }>();
  d.children.forEach((c) => {
    if (c.choice === undefined) return;
    const g = groups.get(c.choice) ?? { decls: [], models: [] };
    g.decls.push(c);
    const m = children.find((x) => x.name === c.name.text);
    if (m) g.models.push(m);
    groups.set(c.choice, g);
  });
  for (const { decls, models } of groups.values()) {
    const id = env.nextChoice ? env.nextChoice.n++ : 0;
    for (const m of models) m.choice = id;
    const names = decls.map((c) => c.name.text);
    const weights = decls.map((c) => decToString(decOf(c.weight)));
    const problem = decls.length < 2 ? 'single' : decls.some((c) => c.children.length > 0 || c.filledByUnit) ? 'notIndicators' : new Set(weights).size > 1 ? 'weights' : null;
    if (problem) env.sink.report('choiceGroup', decls[0]!.name.range, problem === 'weights' ? { problem, names, weights } : { problem, names });
  }
}

function childSum(d: SectionDecl, weight: Dec, env: SectionEnv): void {
  const sum = decSum(counted(d.children).map((c) => decOf(c.weight)));
  if (decCmp(sum, weight) !== 0) {
    const parts = counted(d.children).map((c) => decToString(decOf(c.weight)));
    env.sink.report(
      'childWeights',
      d.name.range,
      { indicator: d.name.text, parts, sum: decToString(sum), weight: decToString(weight) },
      sumFixes(
        { quantity: d.weight, what: { zh: `${quote(d.name.text)}的分值`, en: `the weight of ${quote(d.name.text)}` } },
        d.children.filter((c) => c.choice === undefined).map((c) => ({ name: c.name.text, quantity: c.weight })),
        sum,
      ),
    );
  }
}

function recordProof(d: SectionDecl, kind: SectionKind, weight: Dec, env: SectionEnv): void {
  const w = decToString(weight);
  if (kind === 'fixed') {
    const sum = decSum(counted(d.children).map((c) => decOf(c.weight)));
    env.proofs.push({
      subject: 'section',
      name: d.name.text,
      formula: `${d.name.text} = ${counted(d.children)
        .map((c) =>
          c.choice === undefined
            ? c.name.text
            : `择一(${d.children
                .filter((o) => o.choice === c.choice)
                .map((o) => o.name.text)
                .join('、')})`,
        )
        .join(' + ')}`,
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
