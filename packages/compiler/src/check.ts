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
import { DiagnosticSink } from './diag.ts';
import type { AggregationModel, CheckedTemplate, GradeBand, TierModel } from './model.ts';
import type { RoundingMode } from './round.ts';
import { expectPoints } from './units.ts';

export interface CheckResult {
  template: CheckedTemplate | null;
  diagnostics: Diagnostic[];
}

const SINGLETONS: Partial<Record<Item['kind'], { zh: string; en: string }>> = {
  Total: { zh: '总分', en: '总分 (total)' },
  Rounding: { zh: '保留小数', en: '保留小数 (rounding)' },
  Grades: { zh: '等级', en: '等级 (grades)' },
  Tiers: { zh: '定性分档', en: '定性分档 (tiers)' },
  Aggregation: { zh: '汇总', en: '汇总 (aggregation)' },
};

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
    const what = SINGLETONS[item.kind];
    if (!what) continue;
    if (seen.has(item.kind)) {
      sink.report('duplicateItem', item.range, { zh: `${what.zh} 重复声明`, en: `${what.en} is declared twice` }, { zh: `只保留一处 ${what.zh}`, en: `keep one ${what.zh}` });
    }
    seen.add(item.kind);
  }

  // numbers too large for exact arithmetic
  checkNumbers(t, sink);

  // 删除 / 重命名 are resolved away before checking (resolve.ts); any left here had no parent
  for (const item of t.items) {
    if (item.kind !== 'Remove' && item.kind !== 'Rename') continue;
    sink.report(
      'editWithoutParent',
      item.range,
      { zh: `${item.kind === 'Remove' ? '删除' : '重命名'} 只能用于继承模板，且须先解析继承（resolveTemplate）`, en: `${item.kind === 'Remove' ? 'remove' : 'rename'} is only allowed in a template that extends another, once resolved` },
      { zh: '在模板头写 继承 <年度>', en: 'write 继承 <year> in the header' },
    );
  }

  // 总分
  const totalDecl = first(t, 'Total');
  let total: Dec | null = null;
  if (!totalDecl) {
    sink.report('missingTotal', t.name.range, { zh: `模板「${t.name.text}」缺少 总分`, en: `template "${t.name.text}" declares no 总分 (total)` }, { zh: '加上 总分 100 分', en: 'add 总分 100 分' });
  } else if (expectPoints(totalDecl.value, { zh: '总分', en: 'the total' }, sink)) {
    if (totalDecl.value.value <= 0) {
      sink.report('invalidValue', totalDecl.value.range, { zh: `总分 ${totalDecl.value.text} 应大于 0`, en: `the total ${totalDecl.value.text} must be positive` }, { zh: '如 总分 100 分', en: 'e.g. 总分 100 分' });
    } else total = decOf(totalDecl.value);
  }

  // 保留小数
  const roundDecl = first(t, 'Rounding');
  let decimals = 2;
  let rounding: RoundingMode = 'half-up';
  if (roundDecl) {
    const p = roundDecl.places.value;
    if (!Number.isInteger(p) || p < 0 || p > 6) {
      sink.report('roundingPlaces', roundDecl.places.range, { zh: `保留小数 ${roundDecl.places.text} 位超出 0–6`, en: `rounding to ${roundDecl.places.text} places is outside 0..6` }, { zh: '写 0 到 6 之间的整数，如 保留小数 2 位', en: 'write a whole number from 0 to 6, e.g. 保留小数 2 位' });
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
  const sections = checkSections(sectionDecls, 1, null, { sink, rules: ruleIndex, proofs });
  const sectionCount = assignIds(sections);

  if (total) {
    const caps = capsOf(sectionDecls);
    const parts = sectionDecls.map((s) => decToString(decOf(s.weight))).join(' + ');
    const ok = decCmp(caps, total) === 0;
    if (!ok) {
      sink.report(
        'capsVsTotal',
        totalDecl!.value.range,
        { zh: `一级指标分值之和 ${parts} = ${decToString(caps)} ≠ 总分 ${decToString(total)}`, en: `level-1 caps sum to ${parts} = ${decToString(caps)} ≠ total ${decToString(total)}` },
        { zh: `调整一级指标分值使其合计 ${decToString(total)}，或改 总分`, en: `adjust the caps to add up to ${decToString(total)}, or change 总分` },
        sumFixes({ quantity: totalDecl!.value, what: { zh: '总分', en: 'the total' } }, sectionDecls.map((s) => ({ name: s.name.text, quantity: s.weight })), caps),
      );
    }
    proofs.push({ subject: 'total', name: t.name.text, formula: `总分 = ${sectionDecls.map((s) => s.name.text).join(' + ') || '0'}`, interval: `[0, ${decToString(caps)}]`, within: `[0, ${decToString(total)}]`, proven: ok });
  }

  const deductions = checkDeductions(all(t, 'Deduction'), total, sink, proofs);

  const aggregation: AggregationModel[] = [];
  const aggDecl = first(t, 'Aggregation');
  if (aggDecl) {
    const whats = new Set<string>();
    const WHAT_ZH = { absolute: '绝对值', relative: '相对值', qualitative: '定性' } as const;
    for (const e of aggDecl.entries) {
      if (whats.has(e.what)) {
        sink.report('duplicateItem', e.range, { zh: `汇总「${WHAT_ZH[e.what]}」重复`, en: `aggregation of "${e.what}" is given twice` }, { zh: '每类只写一次', en: 'give each kind once' });
      }
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
      proofs,
    },
    diagnostics,
  };
}
