// Findings: what a reviewer must see about a filing. Each has a stable code (never reused
// for another meaning), a severity, the path of the row or section it concerns, a message in
// Chinese with English available that quotes the values involved, and those values as data.
// This is the catalogue of the JX3 family (docs/errors.md lists the same): how each code's
// message and help are worded from its data.

import { code, quote, severityOf, type Catalogue, type CodeEntry, type Coded, type Data, type DataOf, type JsonNumber, type Message } from '@jixiao/language';
import { formatFiledNumber, formatNumber } from '@jixiao/compiler';
import { weightRange } from './weights.ts';

export interface Finding<D extends Data = Data> extends Coded<D> {
  /** [一级, 二级, 三级] names, [一级] for a section, [] for the whole filing */
  path: string[];
}

/** A fraction as a percentage, to ten significant digits (0.8 → 80%). */
export function pct(f: number): string {
  return `${Number((f * 100).toPrecision(10))}%`;
}

/** A filed number that may not be finite (a filing built in code), as JSON carries it. */
const filed = (x: JsonNumber): Message => formatFiledNumber(Number(x));

/** Which value of a row a message is about. */
export type RowField = 'target' | 'actual';
const FIELD: Record<RowField, Message> = { target: { zh: '年度目标值', en: 'target' }, actual: { zh: '实际完成值', en: 'actual' } };

/** JX3042: what the template's 不适用 does with the row. */
const NA_HOW: Record<'total' | 'section' | 'none', Message> = {
  total: { zh: '总分按适用指标折算为满分', en: 'the total is rescaled over the applicable indicators' },
  section: { zh: '本一级指标其余各项按比例折算', en: 'the rest of its section is rescaled to the cap' },
  none: { zh: '按 0 分计，不折算', en: 'it scores 0, nothing is rescaled' },
};

const LEVEL_NAME = { 1: '一级指标', 2: '二级指标', 3: '三级指标' } as const;

/** JX3029: what counts instead of an invalid weight. */
export type InsteadOfWeight = { instead: 'notCounted' } | { instead: 'template'; templateWeight: string } | { instead: 'zero' };
function instead(d: InsteadOfWeight): Message {
  switch (d.instead) {
    case 'notCounted':
      return { zh: '，不计入分值合计', en: '; not counted in the weight total' };
    case 'template':
      return { zh: `，按模板分值 ${d.templateWeight} 计`, en: `; the template's ${d.templateWeight} is used` };
    case 'zero':
      return { zh: '，该行按 0 分计，分值不计入合计', en: '; the row scores 0 and its weight is not counted' };
  }
}

/** JX3020: the ways a value cannot be read. */
export type Unreadable =
  | { kind: 'statedScore'; name: string; value: JsonNumber }
  | { kind: 'empty'; name: string; field: RowField }
  | { kind: 'unparsed'; name: string; field: RowField; text: string }
  | { kind: 'incomplete'; name: string; target: string; actual: string }
  | { kind: 'funding'; unit: string }
  | { kind: 'aggregate'; name: string; units: number; values: { unit: string; field: RowField; text: string }[] };

function unreadable(d: Unreadable): Message {
  switch (d.kind) {
    case 'statedScore': {
      const v = filed(d.value);
      return { zh: `${quote(d.name)}的填报得分 ${v.zh} 无效，不予核对`, en: `${quote(d.name)}: the stated score ${v.en} is invalid; not checked` };
    }
    case 'empty':
      return { zh: `${quote(d.name)}的${FIELD[d.field].zh}为空`, en: `${quote(d.name)}: the ${FIELD[d.field].en} is empty` };
    case 'unparsed':
      return { zh: `${quote(d.name)}的${FIELD[d.field].zh} ${quote(d.text)} 无法识别`, en: `${quote(d.name)}: the ${FIELD[d.field].en} ${quote(d.text)} cannot be read` };
    case 'incomplete':
      return {
        zh: `${quote(d.name)}的数值不完整或无效 (目标 ${quote(d.target)}，实际 ${quote(d.actual)})，按 0 分计`,
        en: `${quote(d.name)}: missing or invalid values (target ${quote(d.target)}, actual ${quote(d.actual)}); scored 0`,
      };
    case 'funding':
      return { zh: `单位 ${quote(d.unit)} 的资金额度无效，汇总时按 0 计`, en: `unit ${quote(d.unit)} has no valid funding; weighted as 0` };
    case 'aggregate':
      return {
        zh: `${quote(d.name)}无法汇总：${d.values.map((v) => `${quote(v.unit)} 的${FIELD[v.field].zh} ${quote(v.text)}`).join('，')} 不是数值，该项按 0 分计`,
        en: `${quote(d.name)} cannot be aggregated: ${d.units > 1 ? 'a unit gives no number' : 'no number'} (${d.values.map((v) => `${quote(v.unit)}'s ${FIELD[v.field].en} ${quote(v.text)}`).join(', ')}); scored 0`,
      };
  }
}

/** The catalogue of finding codes. */
export const FINDINGS = {
  sectionWeights: code({
    code: 'JX3001',
    severity: 'error',
    title: { zh: '单位填报的指标下各行分值之和不等于其分值', en: 'Row weights of a unit-filled indicator do not sum to its cap' },
    /** a section whose rows' weights miss its cap (invalid ones not counted); or a row the units of a department weigh differently */
    message: (
      d:
        | { section: string; weights: number[]; sum: number; cap: string; invalid: { name: string; weight: JsonNumber }[]; level?: 2 | 3 }
        | { name: string; units: { unit: string; weight: JsonNumber | null }[]; weight: JsonNumber | null },
    ) => {
      if ('units' in d) {
        const w = (x: JsonNumber | null) => (x === null ? { zh: '—', en: '—' } : filed(x));
        return {
          zh: `${quote(d.name)} 在各单位的分值不同 (${d.units.map((u) => `${quote(u.unit)} ${w(u.weight).zh}`).join('，')})，按 ${w(d.weight).zh} 汇总`,
          en: `${quote(d.name)} has different weights across units; aggregated with ${w(d.weight).en}`,
        };
      }
      const left = d.invalid.length
        ? {
            zh: `（分值无效、未计入：${d.invalid.map((x) => `${quote(x.name)} ${filed(x.weight).zh}`).join('，')}）`,
            en: ` (invalid weights not counted: ${d.invalid.map((x) => `${quote(x.name)} ${filed(x.weight).en}`).join(', ')})`,
          }
        : { zh: '', en: '' };
      return {
        zh: `${LEVEL_NAME[d.level ?? 1]} ${quote(d.section)} 下各行分值之和为 ${d.weights.length ? d.weights.map((w) => formatNumber(w)).join(' + ') : '0'} = ${formatNumber(d.sum)}，应等于分值 ${d.cap}${left.zh}`,
        en: `${d.level ? 'indicator' : 'section'} ${quote(d.section)}: its rows' weights sum to ${formatNumber(d.sum)}, not its cap ${d.cap}${left.en}`,
      };
    },
    help: (d) => ('cap' in d ? { zh: `调整二、三级指标分值，使其合计 ${d.cap}`, en: `adjust the indicator weights to sum to ${d.cap}` } : undefined),
  }),
  weightTotal: code({
    code: 'JX3002',
    severity: 'error',
    title: { zh: '全表分值之和不等于总分', en: 'All weights of the filing do not sum to the total' },
    /** statedTotal: what the filing's total row says the weights add up to */
    message: (d: { sum: number; total: string; statedTotal?: number }) => {
      const stated =
        d.statedTotal !== undefined
          ? { zh: `，而总分行写的是 ${formatNumber(d.statedTotal)}`, en: `, while the total row says ${formatNumber(d.statedTotal)}` }
          : { zh: '', en: '' };
      return {
        zh: `全表分值合计 ${formatNumber(d.sum)}，不等于总分 ${d.total}${stated.zh}`,
        en: `all weights sum to ${formatNumber(d.sum)}, not the total ${d.total}${stated.en}`,
      };
    },
    help: () => ({ zh: '按模板的一级指标分值调整各项分值', en: "adjust the weights to the template's caps" }),
  }),
  statedCap: code({
    code: 'JX3003',
    severity: 'error',
    title: { zh: '表中一级指标分值与模板不符', en: 'Level-1 cap in the filing contradicts the template' },
    /** row: a row naming a section with its own formula; section: a cap written beside a level-1 name; budget: the budget block's weight */
    message: (d: { of: 'row' | 'section'; name: string; stated: number; template: string } | { of: 'budget'; stated: number; template: string }) => {
      if (d.of === 'budget')
        return {
          zh: `表中预算执行率分值为 ${formatNumber(d.stated)}，模板规定为 ${d.template}`,
          en: `the filing gives the budget execution a weight of ${formatNumber(d.stated)}; the template says ${d.template}`,
        };
      if (d.of === 'row')
        return {
          zh: `表中 ${quote(d.name)} 的分值为 ${formatNumber(d.stated)}，模板规定为 ${d.template}，按模板计`,
          en: `the filing gives ${quote(d.name)} a weight of ${formatNumber(d.stated)}; the template says ${d.template}, which is used`,
        };
      return {
        zh: `表中 ${quote(d.name)} 标注分值 ${formatNumber(d.stated)}，模板规定为 ${d.template}`,
        en: `the filing gives ${quote(d.name)} a cap of ${formatNumber(d.stated)}; the template says ${d.template}`,
      };
    },
  }),
  statedScoreDiffers: code({
    code: 'JX3004',
    severity: 'error',
    title: { zh: '填报得分与规则计算不符', en: 'Stated score differs from the rule' },
    message: (d: { of: 'row' | 'section'; name: string; stated: number; score: number } | { of: 'budget'; stated: number; score: number; spent: number; budget: number }) => {
      const [s, r] = [formatNumber(d.stated), formatNumber(d.score)];
      if (d.of === 'budget')
        return { zh: `预算执行率填报得分 ${s}，按规则应为 ${r} (${formatNumber(d.spent)} / ${formatNumber(d.budget)})`, en: `budget execution: stated ${s}, the rule gives ${r}` };
      const name = quote(d.name);
      if (d.of === 'section') return { zh: `一级指标 ${name} 填报得分 ${s}，按规则应为 ${r}`, en: `section ${name}: stated score ${s}, the rules give ${r}` };
      return { zh: `${name}填报得分 ${s}，按规则应为 ${r}`, en: `${name}: stated score ${s}, the rule gives ${r}` };
    },
  }),
  statedAboveWeight: code({
    code: 'JX3005',
    severity: 'error',
    title: { zh: '填报得分超过分值', en: 'Stated score above the weight' },
    message: (d: { name: string; stated: number; weight: number } | { budget: true; stated: number; cap: string }) =>
      'budget' in d
        ? { zh: `预算执行率填报得分 ${formatNumber(d.stated)} 超过分值 ${d.cap}`, en: `budget execution: stated score ${formatNumber(d.stated)} above its weight ${d.cap}` }
        : {
            zh: `${quote(d.name)}填报得分 ${formatNumber(d.stated)} 超过分值 ${formatNumber(d.weight)}`,
            en: `${quote(d.name)}: stated score ${formatNumber(d.stated)} is above its weight ${formatNumber(d.weight)}`,
          },
    help: (d) => ('budget' in d ? undefined : { zh: '各项指标得分最高不能超过该指标分值', en: 'a score may never exceed its weight' }),
  }),
  qualitativeTier: code({
    code: 'JX3006',
    severity: 'error',
    title: { zh: '定性指标得分不在其档次内', en: 'Qualitative score outside its tier' },
    /** low, high: the tier's fractions; fraction: stated / weight */
    message: (d: { name: string; tier: string; low: number; high: number; stated: number; weight: number; fraction: number }) => ({
      zh: `${quote(d.name)}为 ${quote(d.tier)} 档 (${pct(d.low)}–${pct(d.high)})，填报得分 ${d.stated} 占分值 ${d.weight} 的 ${pct(d.fraction)}，不在档次内`,
      en: `${quote(d.name)} is in tier ${quote(d.tier)} (${pct(d.low)}–${pct(d.high)}) but its stated score ${d.stated} is ${pct(d.fraction)} of ${d.weight}`,
    }),
  }),
  statedTotalVsRows: code({
    code: 'JX3007',
    severity: 'error',
    title: { zh: '填报总分不等于各项填报得分之和', en: 'Stated total is not the sum of stated scores' },
    message: (d: { stated: number; sum: number }) => ({
      zh: `填报总分 ${formatNumber(d.stated)}，但各项填报得分之和为 ${formatNumber(d.sum)}`,
      en: `the stated total ${formatNumber(d.stated)} is not the sum of the stated scores, ${formatNumber(d.sum)}`,
    }),
  }),
  statedTotalVsComputed: code({
    code: 'JX3008',
    severity: 'error',
    title: { zh: '填报总分与计算总分不符', en: 'Stated total differs from the computed total' },
    message: (d: { stated: number; computed: number }) => ({
      zh: `填报总分 ${formatNumber(d.stated)}，按规则计算为 ${formatNumber(d.computed)}`,
      en: `the stated total is ${formatNumber(d.stated)}; the rules give ${formatNumber(d.computed)}`,
    }),
  }),
  impossibleRate: code({
    code: 'JX3009',
    severity: 'error',
    title: { zh: '不可能的数值：比率超过 100%', en: 'Impossible value: a rate above 100%' },
    message: (d: { name: string; actual: string }) => ({
      zh: `${quote(d.name)}的实际完成值 ${quote(d.actual)} 超过 100%，不可能`,
      en: `${quote(d.name)}: the actual ${quote(d.actual)} is above 100%, which is impossible`,
    }),
    help: () => ({ zh: '核实调查结果，填写 0%–100% 之间的比率', en: 'check the survey and fill in a rate between 0% and 100%' }),
  }),
  actualAsInequality: code({
    code: 'JX3010',
    severity: 'warning',
    title: { zh: '实际完成值写成了不等式', en: 'Actual value written as an inequality' },
    /** value: the number it is read as */
    message: (d: { name: string; actual: string; value: number }) => ({
      zh: `${quote(d.name)}的实际完成值写成了不等式 ${quote(d.actual)}，应填写实测数值；按 ${d.value} 计`,
      en: `${quote(d.name)}: the actual is written as an inequality ${quote(d.actual)} instead of a measured value; read as ${d.value}`,
    }),
    help: () => ({ zh: '填写实际完成的具体数值', en: 'fill in the measured value' }),
  }),
  placeholder: code({
    code: 'JX3011',
    severity: 'error',
    title: { zh: '数值处留有占位符', en: 'Placeholder left in a value' },
    message: (d: { name: string; field: RowField; text: string }) => ({
      zh: `${quote(d.name)}的${FIELD[d.field].zh}是占位符 ${quote(d.text)}，不是实际数值`,
      en: `${quote(d.name)}: the ${FIELD[d.field].en} is a placeholder ${quote(d.text)}, not a value`,
    }),
    help: (d) => ({ zh: `请填写实际的${FIELD[d.field].zh}`, en: `fill in the real ${FIELD[d.field].en}` }),
  }),
  targetColumnsDisagree: code({
    code: 'JX3012',
    severity: 'warning',
    title: { zh: '年度目标值与指标值两列不一致', en: 'Target column disagrees with the indicator-value column' },
    message: (d: { name: string; indicatorValue: string; target: string }) => ({
      zh: `${quote(d.name)}的指标值 ${quote(d.indicatorValue)} 与年度目标值 ${quote(d.target)} 不一致，按年度目标值计分`,
      en: `${quote(d.name)}: indicator value ${quote(d.indicatorValue)} differs from the target ${quote(d.target)}; the target is used`,
    }),
  }),
  overspend: code({
    code: 'JX3013',
    severity: 'warning',
    title: { zh: '执行数超过预算数', en: 'Spent more than budgeted' },
    message: (d: { spent: number; budget: number }) => ({
      zh: `全年执行数 ${formatNumber(d.spent)} 超过全年预算数 ${formatNumber(d.budget)} (执行率 ${formatNumber((d.spent / d.budget) * 100)}%)`,
      en: `spent ${formatNumber(d.spent)} exceeds the budget ${formatNumber(d.budget)}`,
    }),
  }),
  fundTotalZero: code({
    code: 'JX3014',
    severity: 'error',
    title: { zh: '资金总额为 0 而其中各项有金额', en: 'Fund total is 0 while sub-rows carry money' },
    message: (d: { funds: number }) => ({
      zh: `资金总额为 0，而其中各项合计 ${formatNumber(d.funds)} 万元`,
      en: `the fund total is 0 while its sub-rows carry ${formatNumber(d.funds)}`,
    }),
  }),
  divisionByZero: code({
    code: 'JX3015',
    severity: 'error',
    title: { zh: '计算时除数为 0，该项无法计分', en: 'Division by zero: the row cannot be scored' },
    /** row: by its rule, with its target; section: a formula of the template; budget: the execution rate */
    message: (d: { of: 'row'; name: string; target: string } | { of: 'section'; name: string; formula: string } | { of: 'budget'; budget: number }) => {
      if (d.of === 'budget')
        return {
          zh: `全年预算数为 ${formatNumber(d.budget)}，无法计算预算执行率，该项按 0 分计`,
          en: `the budget is ${formatNumber(d.budget)}: the execution rate cannot be computed; scored 0`,
        };
      if (d.of === 'section') return { zh: `${quote(d.name)}计算时除数为 0 (${d.formula})，该项按 0 分计`, en: `${quote(d.name)}: division by zero (${d.formula}); scored 0` };
      return {
        zh: `${quote(d.name)}计分时除数为 0 (目标 ${quote(d.target)})，该项不能计分，按 0 分计`,
        en: `${quote(d.name)}: division by zero (target ${quote(d.target)}); scored 0`,
      };
    },
  }),
  unknownSection: code({
    code: 'JX3016',
    severity: 'error',
    title: { zh: '一级指标不在模板中', en: 'Level-1 indicator not in the template' },
    /** a level-1 name the template does not have (with the ones it has); or a row that names no indicator of the template */
    message: (d: { level1: string; form: string; year: number; sections: string[] } | { name: string; unplaced: true }) =>
      'unplaced' in d
        ? { zh: `${quote(d.name)}无法对应到模板中的指标，不计分`, en: `${quote(d.name)} does not correspond to an indicator of the template; not scored` }
        : {
            zh: `一级指标 ${quote(d.level1)} 不在模板 ${d.form} ${d.year} 中 (模板的一级指标：${d.sections.join('、')})`,
            en: `level-1 indicator ${quote(d.level1)} is not in template ${d.form} ${d.year} (its sections: ${d.sections.join(', ')})`,
          },
    help: (d) => ('unplaced' in d ? undefined : { zh: '改用模板中的一级指标名称', en: "use one of the template's section names" }),
  }),
  noRule: code({
    code: 'JX3017',
    severity: 'error',
    title: { zh: '无法确定计分规则', en: 'No scoring rule applies' },
    /** target: no rule takes its shape; tier: a qualitative actual in no tier; aggregate: units whose actuals are in no tier */
    message: (
      d:
        | { of: 'target'; name: string; target: string }
        | { of: 'tier'; name: string; actual: string; target: string }
        | { of: 'aggregate'; name: string; actuals: { unit: string; actual: string }[] },
    ) => {
      if (d.of === 'target')
        return {
          zh: `${quote(d.name)}的目标值 ${quote(d.target)} 没有适用的计分规则，按 0 分计`,
          en: `${quote(d.name)}: no rule applies to the target ${quote(d.target)}; scored 0`,
        };
      if (d.of === 'tier')
        return {
          zh: `无法判断${quote(d.name)}的实际完成情况 ${quote(d.actual)} 属于哪一档 (目标 ${quote(d.target)})`,
          en: `cannot tell which tier ${quote(d.name)} actual ${quote(d.actual)} falls in (target ${quote(d.target)})`,
        };
      return {
        zh: `${quote(d.name)}汇总时无法判断 ${d.actuals.map((a) => `${quote(a.unit)} 的实际完成情况 ${quote(a.actual)}`).join('，')} 属于哪一档，按 0 计`,
        en: `${quote(d.name)}: the tier of ${d.actuals.map((a) => `${quote(a.unit)}'s actual ${quote(a.actual)}`).join(', ')} cannot be told; counted as 0 in the aggregate`,
      };
    },
    help: (d) => (d.of === 'tier' ? { zh: '实际完成值请写目标原词或档次名称，如 “达成预期指标”', en: 'write the target word or a tier name as the actual' } : undefined),
  }),
  missingWeight: code({
    code: 'JX3018',
    severity: 'error',
    title: { zh: '缺少分值', en: 'Missing weight' },
    message: (d: { name: string }) => ({ zh: `${quote(d.name)}没有填写分值，按 0 分计`, en: `${quote(d.name)} has no weight; counted as 0` }),
  }),
  missingSection: code({
    code: 'JX3019',
    severity: 'warning',
    title: { zh: '模板中的一级指标在表中没有指标行', en: 'Template section has no rows in the filing' },
    /** indicator: a fixed indicator below level 1 whose formula reads its own row, which the filing lacks */
    message: (d: { section: string; cap: string; indicator?: true }) =>
      d.indicator
        ? {
            zh: `指标 ${quote(d.section)} (分值 ${d.cap}) 在表中没有对应的指标行，得 0 分`,
            en: `indicator ${quote(d.section)} (weight ${d.cap}) has no row in the filing; it scores 0`,
          }
        : {
            zh: `一级指标 ${quote(d.section)} (分值 ${d.cap}) 在表中没有任何指标行，得 0 分`,
            en: `section ${quote(d.section)} (cap ${d.cap}) has no rows in the filing; it scores 0`,
          },
  }),
  unreadableValue: code({
    code: 'JX3020',
    severity: 'error',
    title: { zh: '数值无法识别', en: 'Value cannot be read' },
    message: unreadable,
  }),
  deductionAboveMax: code({
    code: 'JX3021',
    severity: 'error',
    title: { zh: '扣分超过上限', en: 'Deduction above its maximum' },
    /** applied: the points taken off, at the maximum */
    message: (d: { deduction: string; perItemMax: string | null; totalMax: string; applied: number }) => ({
      zh: `扣分 ${quote(d.deduction)} 超过上限 (每项最多 ${d.perItemMax ?? '—'} 分，合计最多 ${d.totalMax} 分)，按上限扣 ${formatNumber(d.applied)} 分`,
      en: `deduction ${quote(d.deduction)} above its maximum (per item ${d.perItemMax ?? '—'}, total ${d.totalMax}); ${formatNumber(d.applied)} taken off`,
    }),
  }),
  missingBudget: code({
    code: 'JX3022',
    severity: 'error',
    title: { zh: '缺少预算执行数据', en: 'Budget figures missing' },
    /** none: the filing has no budget block; incomplete: its figures are missing or negative; section: those a formula reads are */
    message: (d: { of: 'none' } | { of: 'incomplete' } | { of: 'section'; name: string; formula: string }) => {
      if (d.of === 'none') return { zh: '表中没有预算执行数据 (年初预算数、全年预算数、全年执行数)', en: 'the filing has no budget figures' };
      if (d.of === 'incomplete') return { zh: '预算执行数据不完整 (全年预算数或全年执行数为空或为负)', en: 'budget figures incomplete (budget or spent missing or negative)' };
      return { zh: `${quote(d.name)}所需的预算执行数据不完整或为负 (${d.formula})`, en: `${quote(d.name)}: the budget figures it reads are missing or negative (${d.formula})` };
    },
  }),
  // Units of one dimension are converted (万元 ↔ 元); what remains are units that measure different things.
  unitMismatch: code({
    code: 'JX3025',
    severity: 'error',
    title: { zh: '目标值与实际值的单位不能换算，该项不计分', en: 'Target and actual units cannot be converted; the row is not scored' },
    message: (d: { name: string; targetUnit: string; actualUnit: string }) => ({
      zh: `${quote(d.name)}的目标单位 ${quote(d.targetUnit)} 与实际单位 ${quote(d.actualUnit)} 不是同一种量，不能换算比较，该项不计分`,
      en: `${quote(d.name)}: the target unit ${quote(d.targetUnit)} and the actual unit ${quote(d.actualUnit)} measure different things and cannot be compared; the row is not scored`,
    }),
    help: () => ({
      zh: '目标值和实际完成值用同一单位（或可换算的单位，如 元 与 万元）',
      en: 'use one unit for the target and the actual (or units that convert, such as 元 and 万元)',
    }),
  }),
  duplicateRow: code({
    code: 'JX3026',
    severity: 'warning',
    title: { zh: '指标行重复', en: 'Indicator row listed twice' },
    message: (d: { path: string[] }) => ({
      zh: `指标 ${quote(d.path.join(' › '))} 在表中出现了不止一次，每次都计分`,
      en: `indicator ${quote(d.path.join(' › '))} is listed more than once; each is scored`,
    }),
  }),
  missingReason: code({
    code: 'JX3028',
    severity: 'warning',
    title: { zh: '未完成目标而未说明偏差原因', en: 'Target missed without a deviation reason' },
    /** deviates: an `=` target overshot rather than missed */
    message: (d: { name: string; deviates: boolean; target: string; actual: string; score: number; weight: number }) => {
      // the most frequent finding of all: each part worded once for both languages
      const [name, target, actual, score, weight] = [quote(d.name), quote(d.target), quote(d.actual), formatNumber(d.score), formatNumber(d.weight)];
      return d.deviates
        ? {
            zh: `${name}与目标不一致（目标 ${target}，实际 ${actual}，得分 ${score} / ${weight}），但没有填写偏差原因分析及改进措施`,
            en: `${name} deviates from its target (target ${target}, actual ${actual}, ${score} of ${weight}) but gives no deviation reason`,
          }
        : {
            zh: `${name}未完成目标（目标 ${target}，实际 ${actual}，得分 ${score} / ${weight}），但没有填写偏差原因分析及改进措施`,
            en: `${name} missed its target (target ${target}, actual ${actual}, ${score} of ${weight}) but gives no deviation reason`,
          };
    },
    help: () => ({ zh: '在 “偏差原因分析及改进措施” 栏说明原因和改进措施', en: 'explain the cause and the remedy in the deviation-reason column' }),
  }),
  reportTotal: code({
    code: 'JX3027',
    severity: 'error',
    title: { zh: '报告正文所写自评得分与表中总分不符', en: 'The report text states another total than the table' },
    /** against: the table's stated total, else the computed one */
    message: (d: { text: number; against: number; of: 'stated' | 'computed' }) => ({
      zh: `报告正文写自评得分 ${formatNumber(d.text)} 分，而${d.of === 'stated' ? '表中填报总分' : '按规则计算的总分'}为 ${formatNumber(d.against)}`,
      en: `the report text states a total of ${formatNumber(d.text)}, while the ${d.of === 'stated' ? "table's stated total" : 'computed total'} is ${formatNumber(d.against)}`,
    }),
    help: () => ({
      zh: '报告正文与自评表的总分应一致；按规则计算的总分见报告',
      en: 'the report text and the table must state the same total; see the computed total in the report',
    }),
  }),
  invalidWeight: code({
    code: 'JX3029',
    severity: 'error',
    title: { zh: '分值无效（为负、超过 10000、非 0 而小于 0.000001 或不是数字）', en: 'Invalid weight (negative, above 10,000, between 0 and 0.000001, or not a number)' },
    message: (d: { name: string; weight: JsonNumber } & InsteadOfWeight) => {
      const [w, why, then] = [filed(d.weight), weightRange(Number(d.weight)), instead(d)];
      return { zh: `${quote(d.name)}的分值 ${w.zh} 无效：${why.zh}${then.zh}`, en: `${quote(d.name)}: the weight ${w.en} is invalid: ${why.en}${then.en}` };
    },
    help: () => ({ zh: '填写该指标的分值（0 或正数，各行分值之和等于一级指标分值）', en: 'fill in the weight (0 or more; the weights of a section add up to its cap)' }),
  }),
  negativeValue: code({
    code: 'JX3040',
    severity: 'error',
    title: { zh: '负数用于不接受负数的规则', en: 'A negative value under a rule that does not allow one' },
    message: (d: { name: string; field: RowField; text: string; rule: string }) => ({
      zh: `${quote(d.name)}的${FIELD[d.field].zh} ${quote(d.text)} 为负数，规则${quote(d.rule)}不接受负数，该项按 0 分计`,
      en: `${quote(d.name)}: the ${FIELD[d.field].en} ${quote(d.text)} is negative and rule ${quote(d.rule)} does not take negative values; scored 0`,
    }),
    help: (d) => {
      const v = d.field === 'actual' ? '实际' : '目标';
      return {
        zh: `核实该数值；负数确有意义时（如变动率），在模板中为规则写上 允许负数 ${v}`,
        en: `check the value; where a negative value is meant (a change rate), write 允许负数 ${v} on the rule`,
      };
    },
  }),
  parentTemplate: code({
    code: 'JX3041',
    severity: 'info',
    title: { zh: '使用了上级地区的模板', en: 'Scored under a parent jurisdiction’s template' },
    /** from: the jurisdiction the filing is of; region, year, form: the template that scored it */
    message: (d: { from: string; region: string; year: number; form: string }) => ({
      zh: `${d.from} 没有 ${d.year} 年及以前的${quote(d.form)}模板，按上级地区 ${d.region} ${d.year} 年的模板评分`,
      en: `${d.from} has no ${quote(d.form)} template for ${d.year} or earlier; scored under the template of ${d.region}, ${d.year}, above it`,
    }),
  }),
  notApplicable: code({
    code: 'JX3042',
    severity: 'info',
    title: { zh: '不适用的指标不计分，按模板折算', en: 'A not-applicable indicator is left out as the template says' },
    /** how: the template's 不适用 (total: 按总分折算, section: 按一级指标折算, none: 不折算) */
    message: (d: { name: string; weight: JsonNumber | null; how: 'total' | 'section' | 'none' }) => {
      const w = d.weight === null ? { zh: '—', en: '—' } : filed(d.weight);
      const how = NA_HOW[d.how];
      return { zh: `${quote(d.name)}不适用（分值 ${w.zh}），不计分；${how.zh}`, en: `${quote(d.name)} is not applicable (weight ${w.en}) and not scored; ${how.en}` };
    },
  }),
  notApplicableUndeclared: code({
    code: 'JX3043',
    severity: 'warning',
    title: { zh: '有不适用的指标，而模板没有规定如何折算', en: 'A not-applicable indicator, but the template does not say how to rescale' },
    message: (d: { name: string; weight: JsonNumber | null }) => {
      const w = d.weight === null ? { zh: '—', en: '—' } : filed(d.weight);
      return {
        zh: `${quote(d.name)}标为不适用（分值 ${w.zh}），但模板没有规定不适用指标如何折算：按 0 分计，分值照常计入`,
        en: `${quote(d.name)} is marked not applicable (weight ${w.en}) but the template does not say how to rescale: it scores 0 and its weight still counts`,
      };
    },
    help: () => ({
      zh: '在模板中写 不适用 按总分折算、不适用 按一级指标折算 或 不适用 不折算',
      en: 'write 不适用 按总分折算, 不适用 按一级指标折算 or 不适用 不折算 in the template',
    }),
  }),
  choiceBothFiled: code({
    code: 'JX3044',
    severity: 'warning',
    title: { zh: '二者择一的指标都填报了', en: 'More than one alternative of a choose-one group filed' },
    /** options: the group's alternatives; filed: those the filing gives, the first of which is scored */
    message: (d: { options: string[]; filed: string[] }) => ({
      zh: `${d.options.map((o) => quote(o)).join('与')}二者择一，表中填报了 ${d.filed.map((o) => quote(o)).join('、')}，按 ${quote(d.filed[0])} 计分`,
      en: `${d.options.map((o) => quote(o)).join(' and ')} are alternatives; the filing gives ${d.filed.map((o) => quote(o)).join(', ')}; ${quote(d.filed[0])} is scored`,
    }),
    help: () => ({ zh: '只保留其中一项', en: 'keep one of them' }),
  }),
  missingInput: code({
    code: 'JX3045',
    severity: 'error',
    title: { zh: '缺少表外的输入', en: 'An input the formula reads is missing' },
    /** invalid: the filing gives the input, but not as a non-negative number; unit: the input's declared unit */
    message: (d: { name: string; input: string; invalid: boolean; unit?: string }) => ({
      zh: `${quote(d.name)}要用表外的输入${quote(d.input)}，填报表中${d.invalid ? '的值无效' : '没有'}，该项按 0 分计`,
      en: `${quote(d.name)} reads the input ${quote(d.input)}, which the filing ${d.invalid ? 'gives as an invalid value' : 'does not give'}; scored 0`,
    }),
    help: (d) => ({ zh: `在表外写明 “${d.input}：数值${d.unit ?? ''}”，或在 JSON 的 inputs 中给出`, en: `give “${d.input}: value” outside the table, or in the JSON's inputs` }),
  }),
} as const satisfies Catalogue;

export type FindingKey = keyof typeof FINDINGS;

/** A finding about `path`, worded by the catalogue from its data. */
export function finding<K extends FindingKey>(key: K, path: string[], data: DataOf<(typeof FINDINGS)[K]>): Finding {
  // worded as buildFrom words it, made in one object (a report has dozens): the order of
  // the report's JSON is code, severity, path, message, help, data
  const entry = FINDINGS[key] as unknown as CodeEntry<Data>;
  const d = data as Data;
  const message = entry.message(d);
  const help = entry.help?.(d);
  const severity = severityOf(entry, d);
  return help ? { code: entry.code, severity, path, message, help, data: d } : { code: entry.code, severity, path, message, data: d };
}
