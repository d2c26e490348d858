// The checker: one pass over a template AST that collects every diagnostic and,
// when there is no error, produces the CheckedTemplate.

import { checkNumbers } from './check-numbers.ts';
import { checkCapPrecision } from './check-precision.ts';
import type { Diagnostic, Item, Template } from '@jixiao/language';
import type { Proof } from './prove.ts';
import { checkDeductions } from './check-deductions.ts';
import { checkGrades } from './check-grades.ts';
import { checkRules } from './check-rules.ts';
import { assignIds, capsOf, checkSections } from './check-sections.ts';
import { sumFixes } from './suggest.ts';
import { checkTiers } from './check-tiers.ts';
import { type Dec, decCmp, decOf, decToNumber, decToString } from './decimal.ts';
import type { SingletonKind } from './codes.ts';
import { DiagnosticSink } from './diag.ts';
import type { AggregationModel, CheckedTemplate, GradeBand, TierModel } from './model.ts';
import type { RoundingMode } from './round.ts';
import { expectPoints } from './units.ts';
import type { LowerScope } from './ir.ts';
import { lookupVar } from './vars.ts';

export interface CheckResult {
  template: CheckedTemplate | null;
  diagnostics: Diagnostic[];
}

const SINGLETONS: ReadonlySet<Item['kind']> = new Set<SingletonKind>(['Total', 'Rounding', 'Grades', 'Tiers', 'Aggregation', 'NotApplicable']);

function first<K extends Item['kind']>(t: Template, kind: K): (Item & { kind: K }) | null {
  return (t.items.find((i) => i.kind === kind) as (Item & { kind: K }) | undefined) ?? null;
}

function all<K extends Item['kind']>(t: Template, kind: K): (Item & { kind: K })[] {
  return t.items.filter((i) => i.kind === kind) as (Item & { kind: K })[];
}

export function checkTemplate(t: Template, opts: { file?: string; region?: string } = {}): CheckResult {
  const sink = new DiagnosticSink(opts.file);
  const proofs: Proof[] = [];

  // declarations that may appear once
  const seen = new Set<string>();
  for (const item of t.items) {
    if (!SINGLETONS.has(item.kind)) continue;
    if (seen.has(item.kind)) sink.report('duplicateItem', item.range, { item: item.kind as SingletonKind });
    seen.add(item.kind);
  }

  // numbers too large for exact arithmetic
  checkNumbers(t, sink);

  // 删除 / 重命名 are resolved away before checking (resolve.ts); any left here had no parent
  for (const item of t.items) {
    if (item.kind !== 'Remove' && item.kind !== 'Rename') continue;
    sink.report('editWithoutParent', item.range, { action: item.kind === 'Remove' ? 'remove' : 'rename' });
  }

  // 总分
  const totalDecl = first(t, 'Total');
  let total: Dec | null = null;
  if (!totalDecl) {
    sink.report('missingTotal', t.name.range, { form: t.name.text });
  } else if (expectPoints(totalDecl.value, { of: 'total' }, sink)) {
    if (totalDecl.value.value <= 0) sink.report('invalidValue', totalDecl.value.range, { kind: 'totalNotPositive', value: totalDecl.value.text });
    else total = decOf(totalDecl.value);
  }

  // 保留小数
  const roundDecl = first(t, 'Rounding');
  let decimals = 2;
  let rounding: RoundingMode = 'half-up';
  if (roundDecl) {
    const p = roundDecl.places.value;
    if (!Number.isInteger(p) || p < 0 || p > 6) {
      sink.report('roundingPlaces', roundDecl.places.range, { places: roundDecl.places.text });
    } else decimals = p;
    rounding = roundDecl.mode;
  }
  checkCapPrecision(t, decimals, sink);

  const tiersDecl = first(t, 'Tiers');
  const tiers: TierModel[] = tiersDecl ? checkTiers(tiersDecl, sink) : [];
  const gradesDecl = first(t, 'Grades');
  const grades: GradeBand[] = gradesDecl ? checkGrades(gradesDecl, total ? decToNumber(total) : null, sink) : [];

  const rules = checkRules(all(t, 'Rule'), tiersDecl !== null, sink, proofs);
  const ruleIndex = new Map<string, number>();
  rules.forEach((r) => {
    if (!ruleIndex.has(r.name)) ruleIndex.set(r.name, r.index);
  });

  const sectionDecls = all(t, 'Section');
  // 输入 …: figures outside the table that indicator formulas read; 占比 registers the row
  // groups it reads as it is lowered
  const inputs: { name: string; unit: string | null }[] = [];
  const inputIndex = new Map<string, number>();
  for (const d of all(t, 'Input')) {
    if (inputIndex.has(d.name.text) || lookupVar(d.name.text) !== null) {
      sink.report('duplicateItem', d.name.range, { input: d.name.text });
      continue;
    }
    inputIndex.set(d.name.text, inputs.length);
    inputs.push({ name: d.name.text, unit: d.unit });
  }
  const rowSets: { name: string }[] = [];
  const scope: LowerScope = {
    inputs: inputIndex,
    rowSet(name) {
      let i = rowSets.findIndex((r) => r.name === name);
      if (i < 0) i = rowSets.push({ name }) - 1;
      return i;
    },
  };
  const sections = checkSections(sectionDecls, 1, null, { sink, rules: ruleIndex, proofs, scope, nextChoice: { n: 0 } });
  const sectionCount = assignIds(sections);

  if (total) {
    const caps = capsOf(sectionDecls);
    const ok = decCmp(caps, total) === 0;
    if (!ok) {
      const parts = sectionDecls.map((s) => decToString(decOf(s.weight)));
      sink.report(
        'capsVsTotal',
        totalDecl!.value.range,
        { parts, sum: decToString(caps), total: decToString(total) },
        sumFixes(
          { quantity: totalDecl!.value, what: { zh: '总分', en: 'the total' } },
          sectionDecls.map((s) => ({ name: s.name.text, quantity: s.weight })),
          caps,
        ),
      );
    }
    proofs.push({
      subject: 'total',
      name: t.name.text,
      formula: `总分 = ${sectionDecls.map((s) => s.name.text).join(' + ') || '0'}`,
      interval: `[0, ${decToString(caps)}]`,
      within: `[0, ${decToString(total)}]`,
      proven: ok,
    });
  }

  const deductions = checkDeductions(all(t, 'Deduction'), total, sink, proofs);

  const aggregation: AggregationModel[] = [];
  const aggDecl = first(t, 'Aggregation');
  if (aggDecl) {
    const whats = new Set<string>();
    for (const e of aggDecl.entries) {
      if (whats.has(e.what)) sink.report('duplicateItem', e.range, { aggregated: e.what });
      whats.add(e.what);
      aggregation.push({ what: e.what, how: e.how });
    }
  }

  const diagnostics = sink.items;
  if (sink.hasErrors || !total) return { template: null, diagnostics };
  return {
    template: {
      form: t.name.text,
      year: t.year.value,
      region: opts.region ?? null,
      extendsYear: t.extends ? t.extends.value : null,
      titles: all(t, 'Title').flatMap((d) => d.titles.map((n) => n.text)),
      total: { value: decToNumber(total), text: decToString(total) },
      decimals,
      rounding,
      grades,
      tiers,
      rules,
      sections,
      sectionCount,
      deductions,
      aggregation,
      notApplicable: first(t, 'NotApplicable')?.mode ?? null,
      inputs,
      rowSets,
      proofs,
    },
    diagnostics,
  };
}
