// A department's filing from its own (本级) table and its subordinate units' tables,
// by the template's 汇总 rule (the seed's note 2): absolute quantities are summed,
// relative values (rates) and qualitative completion are averaged with the units'
// funding as weights. Targets are combined like actuals (two schools with ≥10篇 each
// make a department target of ≥20篇). A qualitative row combines each unit's completion
// fraction as the scorer reads that unit's row, stated score or not. The result is an
// ordinary filing, scored like any other.
import type { AggregationModel, CheckedTemplate } from '@jixiao/compiler';
import { MAX_UNIT_DEPTH, type Filing, type IndicatorRow } from '../filing/model.ts';
import { jsonNumber, quote } from '@jixiao/language';
import { isRateLikeName, normaliseRate, parseValue, type NumberValue } from '../filing/value.ts';
import { importDiagnostic } from '../import/diagnostics.ts';
import { inTier, prepareRow } from './rows.ts';
import { finding, pct, type Finding, type RowField } from './findings.ts';
import { formatNumber, sumExact } from '@jixiao/compiler';

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
  /** per aggregated row: a qualitative row's funding-weighted completion fraction, which the
   * scorer uses in place of the one it would read from the aggregated row; null otherwise */
  fractions: (number | null)[];
}

const OP_TEXT: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '' };

/** The aggregated target, written in whichever of the two target columns the row uses. */
function withTarget(row: IndicatorRow, text: string): IndicatorRow {
  const out = { ...row };
  if (row.target !== '' || !row.indicatorValue) out.target = text;
  if (row.indicatorValue) out.indicatorValue = text;
  return out;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

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
  if (cut) {
    const { code, severity, message, data } = importDiagnostic('IMP062', { limit: MAX_UNIT_DEPTH, depth: cut.depth, unit: cut.name, aggregated: true });
    findings.push({ code, severity, path: [], message, data });
  }
  return parts;
}

export function aggregateFiling(filing: Filing, t: CheckedTemplate): Aggregated {
  const findings: Finding[] = [];
  const parts = partsOf(filing, filing.unit ?? '本级', filing.budget?.budget ?? null, findings);
  for (const p of parts) if (!(p.funding >= 0)) findings.push(finding('unreadableValue', [p.name], { kind: 'funding', unit: p.name }));

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
  const fractions: (number | null)[] = [];
  for (const key of order) {
    const group = byKey.get(key)!;
    const first = group[0]!.row;
    const path = [first.level1, first.level2, first.level3];
    const weights = group.map((g) => Math.max(0, g.part.funding || 0));
    const name = first.level3 || first.level2;
    const stated = group.map((g) => g.row.statedScore);
    const weight = first.weight;
    if (group.some((g) => g.row.weight !== weight))
      findings.push(
        finding('sectionWeights', path, {
          name,
          units: group.map((g) => ({ unit: g.part.name, weight: g.row.weight === null ? null : jsonNumber(g.row.weight) })),
          weight: weight === null ? null : jsonNumber(weight),
        }),
      );
    const weightedStated = stated.every((x) => x !== null) && weight ? round2(combine(stated as number[], weights, how(t.aggregation, 'qualitative'))) : null;
    const targets = group.map((g) => parseValue(g.row.target || g.row.indicatorValue || ''));
    const actuals = group.map((g) => parseValue(g.row.actual));
    let out: IndicatorRow = { ...first, statedScore: weightedStated };
    let note: string;
    let fraction: number | null = null;

    if (targets[0]!.kind === 'number') {
      // Quantities: target and actual are combined alike, each unit's as it wrote them.
      const unreadable = group.flatMap((g, i): { unit: string; field: RowField; text: string }[] =>
        targets[i]!.kind !== 'number'
          ? [{ unit: g.part.name, field: 'target', text: g.row.target || g.row.indicatorValue || '' }]
          : actuals[i]!.kind !== 'number'
            ? [{ unit: g.part.name, field: 'actual', text: g.row.actual }]
            : [],
      );
      if (unreadable.length > 0) {
        // a sum or an average without one unit's figure would be a wrong number: none is made
        findings.push(finding('unreadableValue', path, { kind: 'aggregate', name, units: group.length, values: unreadable }));
        out = { ...out, actual: '' };
        note = `无法汇总：${unreadable.map((v) => `${v.unit} 的${v.field === 'target' ? '年度目标值' : '实际完成值'} ${quote(v.text)}`).join('，')} 不是数值`;
      } else {
        const tn = targets as NumberValue[];
        const an = actuals as NumberValue[];
        const rateLike = tn.some((n) => n.percent) || an.some((n) => n.percent) || isRateLikeName(name);
        const op = tn[0]!.op;
        const ops = new Set(tn.map((n) => n.op));
        const opNote = ops.size > 1 ? `；各单位目标的比较符号不同，按 ${group[0]!.part.name} 的 ${quote(OP_TEXT[op ?? '='] || '=')} 计` : '';
        if (rateLike) {
          const mode = how(t.aggregation, 'relative');
          const tr = tn.map((n) => normaliseRate(n, { rateLike: true }) ?? n.value);
          const ar = an.map((n) => normaliseRate(n, { rateLike: true }) ?? n.value);
          const tv = round2(combine(tr, weights, mode));
          const av = round2(combine(ar, weights, mode));
          out = withTarget({ ...out, actual: `${formatNumber(av)}%` }, `${OP_TEXT[op ?? '='] ?? ''}${formatNumber(tv)}%`);
          const terms = (xs: number[]) => group.map((g, i) => `${g.part.name} ${formatNumber(xs[i]!)}% × ${formatNumber(weights[i]!)}`).join(' + ');
          const targetNote = new Set(tr).size === 1 ? `目标 ${formatNumber(tv)}%` : `目标 ${terms(tr)} → ${formatNumber(tv)}%`;
          note = `相对值${mode === 'mean' ? '平均' : '按资金加权'}：实际 ${terms(ar)} → ${formatNumber(av)}%；${targetNote}${opNote}`;
        } else {
          const mode = how(t.aggregation, 'absolute');
          const unit = tn[0]!.unit ?? an[0]!.unit ?? '';
          const tv = round2(
            combine(
              tn.map((n) => n.value),
              weights,
              mode,
            ),
          );
          const av = round2(
            combine(
              an.map((n) => n.value),
              weights,
              mode,
            ),
          );
          out = withTarget({ ...out, actual: `${formatNumber(av)}${an[0]!.unit ?? ''}` }, `${OP_TEXT[op ?? '='] ?? ''}${formatNumber(tv)}${unit}`);
          const verb = mode === 'sum' ? '累加' : mode === 'mean' ? '平均' : '按资金加权';
          note = `绝对值${verb}：目标 ${tn.map((n) => formatNumber(n.value)).join(' + ')} → ${formatNumber(tv)}，实际 ${an.map((n) => formatNumber(n.value)).join(' + ')} → ${formatNumber(av)}${opNote}`;
        }
      }
    } else {
      const prepared = group.map((g) => prepareRow(g.row, path, t));
      if (prepared.some((p) => p.input.shape === 'qualitative')) {
        // Qualitative: each unit's completion fraction as the scorer reads its row (its stated
        // score inside its tier, else the tier's own fraction), weighted by funding. A unit
        // whose words fall in no tier counts as 0, as it would score alone.
        const fr = prepared.map((p) => (p.input.shape === 'qualitative' ? p.input.fraction : null));
        const lost = group.filter((_, i) => fr[i] === null);
        if (lost.length > 0) findings.push(finding('noRule', path, { of: 'aggregate', name, actuals: lost.map((g) => ({ unit: g.part.name, actual: g.row.actual })) }));
        fraction = combine(
          fr.map((f) => f ?? 0),
          weights,
          how(t.aggregation, 'qualitative'),
        );
        // Units that wrote different words: the tier of the weighted completion speaks for all.
        const words = new Set(actuals.map((a) => ('word' in a ? a.word : 'text' in a ? a.text : '')));
        const tier = t.tiers.find((x) => inTier(x, fraction!));
        if (tier && (words.size > 1 || lost.length > 0)) out = { ...out, actual: tier.name };
        note = `定性按资金加权：${group.map((g, i) => `${g.part.name} ${prepared[i]!.tier?.name ?? '无档次'} ${pct(fr[i] ?? 0)} × ${formatNumber(weights[i]!)}`).join(' + ')} → ${pct(round6(fraction))}`;
      } else {
        // Deadlines and values no rule reads: the template's 汇总 says nothing of them.
        note = `未汇总：按 ${group[0]!.part.name} 的填报计`;
      }
    }
    rows.push(out);
    notes.push(note);
    fractions.push(fraction);
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
  return { filing: out, findings, notes, fractions };
}
