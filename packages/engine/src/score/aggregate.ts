// A department's filing from its own (本级) table and its subordinate units' tables,
// by the template's 汇总 rule (the seed's note 2): absolute quantities are summed,
// relative values (rates) and qualitative completion are averaged with the units'
// funding as weights. The result is an ordinary filing, scored like any other.
import type { AggregationModel, CheckedTemplate } from '@jixiao/compiler';
import { MAX_UNIT_DEPTH, type Filing, type IndicatorRow } from '../filing/model.ts';
import { quote } from '../filing/message.ts';
import { isRateLikeName, normaliseRate, parseValue, type Value } from '../filing/value.ts';
import { finding, type Finding } from './findings.ts';
import { fmt, sumExact } from './exact.ts';

interface Part {
  name: string;
  funding: number;
  filing: Filing;
}

export interface Aggregated {
  filing: Filing;
  findings: Finding[];
  /** per aggregated row (same order as filing.rows): how it was combined */
  notes: string[];
}

function how(rules: readonly AggregationModel[], what: AggregationModel['what']): AggregationModel['how'] {
  return rules.find((r) => r.what === what)?.how ?? (what === 'absolute' ? 'sum' : 'funding-weighted');
}

function combine(values: number[], weights: number[], mode: AggregationModel['how']): number {
  if (mode === 'sum') return sumExact(values);
  if (mode === 'mean' || weights.every((w) => w === 0)) return values.reduce((a, b) => a + b, 0) / values.length;
  const wsum = weights.reduce((a, b) => a + b, 0);
  return values.reduce((a, v, i) => a + v * weights[i]!, 0) / wsum;
}

const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

/**
 * Flatten units of units into one list of parts (本级 first, then each unit before its own
 * units). Iterative: a filing built in code is not validated, and may nest deeper than the
 * importers allow; units beyond MAX_UNIT_DEPTH levels are left out and reported.
 */
function partsOf(root: Filing, name: string, funding: number | null, findings: Finding[]): Part[] {
  const parts: Part[] = [];
  const stack: { f: Filing; name: string; funding: number | null; depth: number }[] = [{ f: root, name, funding, depth: 0 }];
  let cut: { name: string; depth: number } | null = null;
  while (stack.length > 0) {
    const { f, name, funding, depth } = stack.pop()!;
    if (f.rows.length > 0) parts.push({ name, funding: funding ?? f.budget?.budget ?? 0, filing: { ...f, units: undefined } });
    const units = f.units ?? [];
    if (units.length > 0 && depth + 1 > MAX_UNIT_DEPTH) {
      cut ??= { name: units[0]!.name, depth: depth + 1 };
      continue;
    }
    for (let i = units.length - 1; i >= 0; i--) stack.push({ f: units[i]!.filing, name: units[i]!.name, funding: units[i]!.funding, depth: depth + 1 });
  }
  if (cut)
    findings.push({
      code: 'IMP062',
      severity: 'error',
      path: [],
      message: {
        zh: `所属单位嵌套超过上限 ${MAX_UNIT_DEPTH} 层（第 ${cut.depth} 层是单位 ${quote(cut.name)}），更深的单位未汇总`,
        en: `subordinate units nest beyond the limit of ${MAX_UNIT_DEPTH} levels (level ${cut.depth} is the unit ${quote(cut.name)}); the deeper units are not aggregated`,
      },
    });
  return parts;
}

export function aggregateFiling(filing: Filing, t: Pick<CheckedTemplate, 'aggregation' | 'tiers'>): Aggregated {
  const findings: Finding[] = [];
  const parts = partsOf(filing, filing.unit ?? '本级', filing.budget?.budget ?? null, findings);
  for (const p of parts)
    if (!(p.funding >= 0))
      findings.push(finding('unreadableValue', [p.name], `单位 “${p.name}” 的资金额度无效，汇总时按 0 计`, `unit '${p.name}' has no valid funding; weighted as 0`));

  // Rows are matched across units by their level-1/2/3 names.
  const order: string[] = [];
  const byKey = new Map<string, { row: IndicatorRow; part: Part }[]>();
  for (const p of parts)
    for (const row of p.filing.rows) {
      const key = [row.level1, row.level2, row.level3].join('\u0000');
      if (!byKey.has(key)) {
        byKey.set(key, []);
        order.push(key);
      }
      byKey.get(key)!.push({ row, part: p });
    }

  const rows: IndicatorRow[] = [];
  const notes: string[] = [];
  for (const key of order) {
    const group = byKey.get(key)!;
    const first = group[0]!.row;
    const weights = group.map((g) => Math.max(0, g.part.funding || 0));
    const name = first.level3 || first.level2;
    const target = parseValue(first.target);
    const actuals = group.map((g) => parseValue(g.row.actual));
    const stated = group.map((g) => g.row.statedScore);
    const weight = first.weight;
    if (group.some((g) => g.row.weight !== weight))
      findings.push(
        finding('sectionWeights', [first.level1, first.level2, first.level3], `“${name}” 在各单位的分值不同 (${group.map((g) => `${g.part.name} ${g.row.weight ?? '—'}`).join('，')})，按 ${weight ?? '—'} 汇总`, `'${name}' has different weights across units; aggregated with ${weight ?? '—'}`),
      );
    const weightedStated = stated.every((s) => s !== null) && weight ? round2(combine(stated as number[], weights, how(t.aggregation, 'qualitative'))) : null;
    let actual = first.actual;
    let note: string;
    const numbers = actuals.filter((a): a is Extract<Value, { kind: 'number' }> => a.kind === 'number');
    if (target.kind === 'number' && numbers.length === actuals.length) {
      const rateLike = target.percent || numbers.some((n) => n.percent) || isRateLikeName(name);
      if (rateLike) {
        const mode = how(t.aggregation, 'relative');
        const rates = numbers.map((n) => normaliseRate(n, { rateLike: true }) ?? n.value);
        actual = `${fmt(round2(combine(rates, weights, mode)))}%`;
        note = `相对值按资金加权：${group.map((g, i) => `${g.part.name} ${fmt(rates[i]!)}% × ${fmt(weights[i]!)}`).join(' + ')}`;
      } else {
        const mode = how(t.aggregation, 'absolute');
        const v = combine(numbers.map((n) => n.value), weights, mode);
        actual = `${fmt(round2(v))}${numbers[0]!.unit ?? ''}`;
        note = `绝对值累加：${numbers.map((n) => fmt(n.value)).join(' + ')}`;
      }
    } else {
      // Qualitative (and anything else): the funding-weighted average of the units' scores.
      // Units that wrote different words: the tier of the weighted completion speaks for all.
      const words = new Set(actuals.map((a) => ('word' in a ? a.word : 'text' in a ? a.text : '')));
      if (words.size > 1 && weightedStated !== null && weight) {
        const fr = weightedStated / weight;
        const tier = t.tiers.find((x) => fr >= x.lo.value && (fr < x.hi.value || x.hi.value >= 1));
        if (tier) actual = tier.name;
      }
      note = `定性按资金加权：${group.map((g, i) => `${g.part.name} ${g.row.statedScore ?? '—'} × ${fmt(weights[i]!)}`).join(' + ')}`;
    }
    rows.push({ ...first, actual, statedScore: weightedStated });
    notes.push(note);
  }

  const budgets = parts.map((p) => p.filing.budget).filter((b) => !!b);
  const sum = (k: 'initialBudget' | 'budget' | 'spent') => {
    const xs = budgets.map((b) => b![k]);
    return xs.every((x) => x === null || x === undefined) ? null : sumExact(xs.map((x) => x ?? 0));
  };
  const out: Filing = {
    ...filing,
    rows,
    units: undefined,
    budget: budgets.length
      ? { initialBudget: sum('initialBudget'), budget: sum('budget'), spent: sum('spent'), weight: filing.budget?.weight ?? null, statedScore: filing.budget?.statedScore ?? null }
      : filing.budget,
  };
  return { filing: out, findings, notes };
}
