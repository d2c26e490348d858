// One filing row → the evaluator's RowInput, plus the findings its cells call for.
// This is where the notations of real tables (≥1项, 98.00%, 1 meaning 100%, 9月前 …)
// become numbers and shapes; nothing here scores.
import type { CheckedTemplate, RowInput, TargetShape, TierModel } from '@jixiao/compiler';
import type { IndicatorRow } from '../filing/model.ts';
import { deadlineDate, isRateLikeName, parseValue, readRates, showDate, type Value } from '../filing/value.ts';
import { readUnits } from '../filing/units.ts';
import { readAgainst } from '../filing/words.ts';
import { formatNumber, numberText } from '@jixiao/compiler';
import { finding, pct, type Finding } from './findings.ts';
import { quote } from '@jixiao/language';

/**
 * Names of rates that can never exceed 100% (a satisfaction or pass rate of 500% is impossible).
 * Not 完成率: a task completion rate above 100% is over-achievement (工作任务完成率 105%).
 */
const BOUNDED_RATE = /满意度|满意率|合格率|达标率|覆盖率|知晓率|通过率|及格率|到位率|参与率|入学率|就业率|正确率|准确率|好评率|验收率|出勤率/;

export interface PreparedRow {
  input: RowInput;
  findings: Finding[];
  /** how target and actual were read, for the explanation */
  note: string | null;
  /** qualitative rows: the tier the actual falls in */
  tier: TierModel | null;
  /**
   * Whether the actual meets the target, by the target's shape (strict where the shape is
   * strict: 5% against <5% is not met), deadlines by date, qualitative rows by reaching
   * the top tier; null when it cannot be told (no readable actual).
   */
  met: boolean | null;
}

/** What scoring a row needs besides the row: the year a deadline without one falls in. */
export interface RowContext {
  year: number;
}

const show = (v: Value): string => ('text' in v ? v.text.trim() : '');

function tierOfWord(tiers: readonly TierModel[], word: string): TierModel | null {
  for (const t of tiers) if (t.name === word || t.aliases.includes(word)) return t;
  return null;
}

/** The tier of full marks: the one that includes the fraction 1 (a point tier 完成 100% or the top range). */
function topTier(tiers: readonly TierModel[]): TierModel | null {
  return tiers.find((t) => t.includesOne) ?? null;
}

function bottomTier(tiers: readonly TierModel[]): TierModel | null {
  let best: TierModel | null = null;
  for (const t of tiers) if (!best || t.lo.value < best.lo.value) best = t;
  return best;
}

/**
 * The tier of a qualitative actual: a tier name or alias of the template first; else the
 * target's own word or a positive word (是, 完成, 达到 …) is the top tier and its negation
 * (否, 未完成, 未达到 …) the lowest, by the word pairs in filing/words.ts.
 */
function tierOf(tiers: readonly TierModel[], actual: string, target: string | null): { tier: TierModel; why: string | null } | null {
  const named = tierOfWord(tiers, actual);
  if (named) return { tier: named, why: null };
  const reading = readAgainst(actual, target);
  const tier = reading === 'met' ? topTier(tiers) : reading === 'missed' ? bottomTier(tiers) : null;
  if (!tier) return null;
  if (actual === target) return { tier, why: null };
  const against = target === null ? '' : `对目标 ${quote(target)} `;
  return { tier, why: `${quote(actual)} ${against}${reading === 'met' ? '为达成' : '为未达成'}` };
}

/**
 * Does the actual meet the target of this shape? Compared exactly, as the rules compare the
 * same numbers: the branch a rule takes and this answer never disagree. (The numbers are
 * already normalised: rates to 1e-10, converted units to 15 significant digits.)
 */
function meets(shape: TargetShape, actual: number, target: number): boolean {
  switch (shape) {
    case '>=':
      return actual >= target;
    case '>':
      return actual > target;
    case '<=':
      return actual <= target;
    case '<':
      return actual < target;
    default:
      return actual === target;
  }
}

/** Is the fraction inside the tier: [lo, hi), the top tier closed at 1. */
export function inTier(t: TierModel, fraction: number): boolean {
  const eps = 1e-9;
  // a point tier (完成 100%) holds 1 only; a range [lo, hi) holds its top end only when it includes 1
  if (t.lo.value === t.hi.value) return Math.abs(fraction - t.lo.value) <= eps;
  return fraction >= t.lo.value - eps && (fraction < t.hi.value - eps || (t.includesOne && fraction <= 1 + eps));
}

function preparedRow(input: RowInput, findings: Finding[], note: string | null, tier: TierModel | null, met: boolean | null): PreparedRow {
  return { input, findings, note, tier, met };
}

/** A row's input to the evaluator. */
export function rowInput(weight: number, shape: TargetShape | null, target: number | null, actual: number | null, fraction: number | null): RowInput {
  return { weight, shape, target, actual, fraction };
}

export function prepareRow(row: IndicatorRow, path: string[], t: CheckedTemplate, ctx: RowContext = { year: t.year }): PreparedRow {
  const findings: Finding[] = [];
  const name = row.level3 || row.level2 || row.level1;
  const weight = row.weight ?? 0;
  if (row.weight === null) findings.push(finding('missingWeight', path, { name }));

  const target = parseValue(row.target || row.indicatorValue || '');
  const actual = parseValue(row.actual);

  // The indicator-value column and the target column must say the same thing.
  if (row.indicatorValue && row.target && norm(row.indicatorValue) !== norm(row.target)) {
    findings.push(finding('targetColumnsDisagree', path, { name, indicatorValue: row.indicatorValue, target: row.target }));
  }

  if (target.kind !== 'number' || actual.kind !== 'number') {
    cellFindings('target', target, name, path, findings);
    cellFindings('actual', actual, name, path, findings);
  }

  // every input made by one literal (rowInput): one hidden class for all, which the evaluator reads fast
  const base: RowInput = rowInput(weight, null, null, null, null);

  // Qualitative rows: the tier comes from the words, the fraction from the stated score.
  if (target.kind === 'qualitative' || (actual.kind === 'qualitative' && target.kind !== 'number' && target.kind !== 'deadline')) {
    const found = actual.kind === 'qualitative' ? tierOf(t.tiers, actual.word, target.kind === 'qualitative' ? target.word : null) : null;
    if (!found) {
      findings.push(finding('noRule', path, { of: 'tier', name, actual: show(actual), target: show(target) }));
      return preparedRow(base, findings, null, null, null);
    }
    const { tier, why } = found;
    const met = tier === topTier(t.tiers);
    let fraction: number;
    let note: string;
    // a stated score that is not a number (a filed NaN, reported as JX3020) says nothing of the tier
    const stated = row.statedScore !== null && Number.isFinite(row.statedScore) ? row.statedScore : null;
    if (stated !== null && weight > 0) {
      const f = stated / weight;
      if (inTier(tier, f)) {
        fraction = f;
        note = `${why ? `${why}，` : ''}档次 ${tier.name}，填报 ${numberText(stated)} / ${numberText(weight)}`;
      } else {
        // to the tier's nearest end; the top end of a range below a point tier (未完成 0%..100%
        // under 完成 100%) is not full marks, so such a range takes its middle instead
        const top = tier.includesOne || tier.hi.value < 1 ? tier.hi.value : (tier.lo.value + tier.hi.value) / 2;
        fraction = Math.min(Math.max(f, tier.lo.value), top);
        note = `${why ? `${why}，` : ''}档次 ${tier.name}，填报得分超出档次，按档次边界 ${pct(fraction)} 计`;
        findings.push(finding('qualitativeTier', path, { name, tier: tier.name, low: tier.lo.value, high: tier.hi.value, stated, weight, fraction: f }));
      }
    } else {
      // No stated score: the top tier counts in full, a lower tier at its midpoint.
      fraction = tier.includesOne ? 1 : (tier.lo.value + tier.hi.value) / 2;
      note = `${why ? `${why}，` : ''}档次 ${tier.name}，未填报得分，按 ${pct(fraction)} 计`;
    }
    return preparedRow(rowInput(weight, 'qualitative', null, null, fraction), findings, note, tier, met);
  }

  // Deadlines: dates, a year counting (2024年3月 is after 2023年12月底); a deadline that
  // names no year is in the filing's year. 9月底, 9月, 第三季度 end on their last day, and
  // an actual of a month alone (7月) is read as its last day: only that much is known.
  if (target.kind === 'deadline') {
    const tv = deadlineDate(target, ctx.year);
    const av = actual.kind === 'deadline' ? deadlineDate(actual, ctx.year) : null;
    const note = `期限 ${show(target)} (${showDate(tv)})，完成 ${show(actual)}${av !== null ? ` (${showDate(av)})` : ''}`;
    return preparedRow(rowInput(weight, 'deadline', tv, av, null), findings, note, null, av === null ? null : av <= tv);
  }

  if (target.kind !== 'number') return preparedRow(base, findings, null, null, null);

  // Numbers: an actual written as an inequality is read as its number, with a warning.
  let av: number | null = null;
  if (actual.kind === 'number') {
    if (actual.op !== null && actual.op !== '=') findings.push(finding('actualAsInequality', path, { name, actual: show(actual), value: actual.value }));
    av = actual.value;
  }
  let tv = target.value;
  const an = actual.kind === 'number' ? actual : null;
  const rateLike = target.percent || (an?.percent ?? false) || isRateLikeName(name);
  const rateUnits = (target.unit === null || target.percent) && (an === null || an.unit === null || an.percent);
  let note: string | null = null;
  if (rateLike && rateUnits) {
    // Rates: target and actual on one scale together (filing/value.ts readRates).
    const r = readRates(target, an);
    tv = r.target;
    av = r.actual;
    if ((!target.percent && tv !== target.value) || (an && !an.percent && av !== an.value))
      note = `比率按百分数读：目标 ${formatNumber(tv)}%，实际 ${av === null ? '—' : `${formatNumber(av)}%`}`;
    if (av !== null && av > 100 && BOUNDED_RATE.test(name)) findings.push(finding('impossibleRate', path, { name, actual: show(actual) }));
  } else if (an && av !== null) {
    // Units: converted within one dimension (filing/units.ts), never compared across two.
    const u = readUnits(tv, target.unit, av, an.unit);
    if (u.ok) {
      if (u.converted) note = `单位换算：目标 ${show(target)} = ${formatNumber(u.target)}${u.unit ?? ''}，实际 ${show(actual)} = ${formatNumber(u.actual)}${u.unit ?? ''}`;
      tv = u.target;
      av = u.actual;
    } else {
      findings.push(finding('unitMismatch', path, { name, targetUnit: String(target.unit), actualUnit: String(an.unit) }));
      av = null;
    }
  }
  const shape: TargetShape = target.op ?? '=';
  return preparedRow(rowInput(weight, shape, tv, av, null), findings, note, null, av === null ? null : meets(shape, av, tv));
}

/** A value cell that cannot be read: a placeholder left in, text that is no value, an empty actual. */
function cellFindings(field: 'target' | 'actual', v: Value, name: string, path: string[], findings: Finding[]): void {
  if (v.kind === 'placeholder') findings.push(finding('placeholder', path, { name, field, text: show(v) }));
  else if (v.kind === 'unparsed') findings.push(finding('unreadableValue', path, { kind: 'unparsed', name, field, text: show(v) }));
  else if (v.kind === 'empty' && field === 'actual') findings.push(finding('unreadableValue', path, { kind: 'empty', name, field }));
}

function norm(s: string): string {
  return s.replace(/\s/g, '').replace(/≥/g, '>=').replace(/≤/g, '<=').replace(/％/g, '%');
}
