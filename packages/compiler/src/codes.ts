// The catalogue of the checker (the JX2 family): for each code its severity, its title (for
// docs/errors.md) and how its message and help are worded from the values it cites.
// Codes never change meaning; new checks get new codes.

import { code, quote, type Catalogue, type Message } from '@jixiao/language';

/** A declared value a message is about: the total, an indicator's weight, a bound. */
export type Subject =
  | { of: 'total' }
  | { of: 'weight'; name: string }
  | { of: 'deduction'; name: string; field: 'perItemMax' | 'totalMax' | 'floor' }
  | { of: 'grade'; name: string }
  | { of: 'tier'; name: string };

const DEDUCTION_FIELD: Record<'perItemMax' | 'totalMax' | 'floor', Message> = {
  perItemMax: { zh: '每项最多', en: 'per-item maximum' },
  totalMax: { zh: '合计最多', en: 'total maximum' },
  floor: { zh: '总分不低于', en: 'floor' },
};

function subject(s: Subject): Message {
  switch (s.of) {
    case 'total':
      return { zh: '总分', en: 'the total' };
    case 'weight':
      return { zh: `${quote(s.name)}的分值`, en: `the weight of ${quote(s.name)}` };
    case 'deduction':
      return { zh: `扣分${quote(s.name)}的${DEDUCTION_FIELD[s.field].zh}`, en: `the ${DEDUCTION_FIELD[s.field].en} of deduction ${quote(s.name)}` };
    case 'grade':
      return { zh: `等级${quote(s.name)}的分数线`, en: `the bound of grade ${quote(s.name)}` };
    case 'tier':
      return { zh: `定性分档${quote(s.name)}的界限`, en: `the bound of tier ${quote(s.name)}` };
  }
}

/** What a formula part is, for unit errors (typecheck.ts FormulaType). */
export type FormulaUnit = 'points' | 'number' | 'zero' | 'condition';

const UNIT_NAME: Record<FormulaUnit, Message> = {
  points: { zh: '分', en: 'points' },
  number: { zh: '比值(无单位)', en: 'a unitless ratio' },
  zero: { zh: '比值(无单位)', en: 'a unitless ratio' },
  condition: { zh: '条件(真/假)', en: 'a condition' },
};

const VERB: Record<string, Message> = {
  '+': { zh: '相加', en: 'added to' },
  '-': { zh: '相减', en: 'subtracted from' },
  '*': { zh: '相乘', en: 'multiplied by' },
  '/': { zh: '相除', en: 'divided by' },
};

/** Declarations that may appear once, as a message names them. */
export type SingletonKind = 'Total' | 'Rounding' | 'Grades' | 'Tiers' | 'Aggregation' | 'NotApplicable';
const SINGLETON: Record<SingletonKind, Message> = {
  Total: { zh: '总分', en: '总分 (total)' },
  Rounding: { zh: '保留小数', en: '保留小数 (rounding)' },
  Grades: { zh: '等级', en: '等级 (grades)' },
  Tiers: { zh: '定性分档', en: '定性分档 (tiers)' },
  Aggregation: { zh: '汇总', en: '汇总 (aggregation)' },
  NotApplicable: { zh: '不适用', en: '不适用 (not applicable)' },
};

const AGGREGATED: Record<'absolute' | 'relative' | 'qualitative', string> = { absolute: '绝对值', relative: '相对值', qualitative: '定性' };

const LEVEL = ['', '一级指标', '二级指标', '三级指标'] as const;

/** The ways an indicator can be scored, as a conflict names them. */
export type ScoringWay = 'formula' | 'children' | 'filledByUnit' | 'pinnedRule';
const WAY: Record<ScoringWay, string> = { formula: '得分公式', children: '下级指标', filledByUnit: '单位填报', pinnedRule: '采用规则' };

/** What 删除 / 重命名 may name. */
const EDITED: Record<'section' | 'rule' | 'deduction', Message> = {
  section: { zh: '一级指标', en: 'level-1 indicator' },
  rule: { zh: '规则', en: 'rule' },
  deduction: { zh: '扣分', en: 'deduction' },
};
const ACTION: Record<'remove' | 'rename', Message> = { remove: { zh: '删除', en: 'remove' }, rename: { zh: '重命名', en: 'rename' } };

const FORMULA_CONTEXT: Record<'rule' | 'section', Message> = {
  rule: { zh: '规则公式', en: 'a rule formula' },
  section: { zh: '一级指标公式', en: 'an indicator formula' },
};

/** JX2027: the ways a declared value can be unreasonable. */
export type InvalidValue =
  | { kind: 'totalNotPositive'; value: string }
  | { kind: 'negative'; subject: Subject; value: string }
  | { kind: 'tooLarge'; value: string; limit: number }
  | { kind: 'tierRange'; name: string; low: string; high: string; percent: boolean }
  | { kind: 'gradeRange'; name: string; low: string; high: string }
  | { kind: 'gradeNotEqual'; name: string }
  | { kind: 'tierPoint'; name: string; value: string };

function invalidValue(d: InvalidValue): Message {
  switch (d.kind) {
    case 'totalNotPositive':
      return { zh: `总分 ${d.value} 应大于 0`, en: `the total ${d.value} must be positive` };
    case 'negative': {
      const s = subject(d.subject);
      return { zh: `${s.zh} ${d.value} 为负数`, en: `${s.en} (${d.value}) is negative` };
    }
    case 'tooLarge':
      return { zh: `数值 ${d.value} 过大，上限为 ${d.limit}`, en: `the number ${d.value} is too large; the limit is ${d.limit}` };
    case 'tierRange':
      return {
        zh: `定性分档${quote(d.name)}的区间 ${d.low}..${d.high} 不在 0%–100% 内或下限不小于上限`,
        en: `tier ${quote(d.name)}: ${d.low}..${d.high} is not a non-empty part of 0%–100%`,
      };
    case 'gradeRange':
      return { zh: `等级${quote(d.name)}的区间 ${d.low}..${d.high} 下限不小于上限`, en: `grade ${quote(d.name)}: range ${d.low}..${d.high} is empty` };
    case 'gradeNotEqual':
      return { zh: `等级${quote(d.name)}不能用 != 划分`, en: `grade ${quote(d.name)} cannot be defined with !=` };
    case 'tierPoint':
      return {
        zh: `定性分档${quote(d.name)}只写了一个值 ${d.value}：单点档次只能是 100%`,
        en: `tier ${quote(d.name)} is the single value ${d.value}: a one-point tier can only be 100%`,
      };
  }
}

function invalidValueHelp(d: InvalidValue): Message {
  switch (d.kind) {
    case 'totalNotPositive':
      return { zh: '如 总分 100 分', en: 'e.g. 总分 100 分' };
    case 'negative':
      return d.subject.of === 'deduction' ? { zh: '写非负的分数', en: 'write a non-negative number of points' } : { zh: '分值不能小于 0', en: 'weights cannot be negative' };
    case 'tooLarge':
      return { zh: '检查是否多打了数字', en: 'check for extra digits' };
    case 'tierRange':
      return d.percent
        ? { zh: '写成 低%..高%', en: 'write low%..high%' }
        : { zh: '不带 % 的界限是小数 (0..1)；百分数请写 %', en: 'bare bounds are fractions (0..1); write % for percentages' };
    case 'gradeRange':
      return { zh: '写成 低..高，如 70..80 分', en: 'write low..high, e.g. 70..80 分' };
    case 'gradeNotEqual':
      return { zh: '用 >=、< 或区间 70..80 分', en: 'use >=, < or a range such as 70..80 分' };
    case 'tierPoint':
      return { zh: '写成区间 低%..高%，或 完成 100%', en: 'write a range low%..high%, or 完成 100%' };
  }
}

const EXTEND_EARLIER: Message = { zh: '每个模板只能继承更早年度的模板', en: 'each template may only extend an earlier year' };

/**
 * What JX2021 cites: the formula and the interval it reaches; the part that leaves the
 * range (`leaf`, in the branch where `cond` holds or not), the ratio in it that can exceed
 * 1, how far the score goes (`upper`: a·weight + c, or 'none' for no limit; `negative`);
 * `edit`: the smallest proven clamp, `fix`: a clamp of the whole to show otherwise.
 */
export type UnboundedData = {
  formula: string;
  reach: string;
  within: string;
  /** how the weight is spelled: 权重 in rules, 分值 in indicators */
  weight: string;
  fix: string;
  /** the first `x * y / z`, with its ratio-first spelling */
  order?: { text: string; fix: string };
  leaf: string;
  cond?: { expr: string; holds: boolean };
  ratio?: string;
  /** false: the part is not points at all */
  certain: boolean;
  upper?: { a: number; c: number } | 'none';
  negative: boolean;
  /** whole: the clamp cuts the score itself; low: it also keeps it from going below 0 */
  edit?: { from: string; to: string; whole: boolean; low: boolean };
};

/** A number as a message shows it: at most 6 decimals, no trailing zeros. */
const shownNumber = (x: number): string => String(Number(x.toFixed(6)));

function unboundedMessage(d: UnboundedData): Message {
  const wn = d.weight;
  const leaf = quote(d.leaf, Infinity);
  const when = d.cond
    ? {
        zh: `当 ${quote(d.cond.expr, Infinity)} ${d.cond.holds ? '成立' : '不成立'}时，得分按 ${leaf} 计算`,
        en: `when ${quote(d.cond.expr, Infinity)} ${d.cond.holds ? 'holds' : 'does not hold'}, the score is ${leaf}`,
      }
    : { zh: `得分按 ${leaf} 计算`, en: `the score is ${leaf}` };
  const why = d.ratio ? { zh: `，其中 ${quote(d.ratio, Infinity)} 可能大于 1`, en: `, where ${quote(d.ratio, Infinity)} can exceed 1` } : { zh: '', en: '' };
  const parts: Message[] = [];
  if (!d.certain) parts.push({ zh: '不是确定的分数', en: 'it is not certain points' });
  else {
    if (d.upper === 'none') parts.push({ zh: '得分没有上限', en: 'the score has no upper limit' });
    else if (d.upper) {
      const { a, c } = d.upper;
      const z: string[] = [];
      const e: string[] = [];
      if (a !== 0) {
        z.push(a === 1 ? wn : `${shownNumber(a)} 倍${wn}`);
        e.push(a === 1 ? 'the weight' : `${shownNumber(a)} times the weight`);
      }
      if (c !== 0 || a === 0) {
        z.push(`${shownNumber(c)} 分`);
        e.push(`${shownNumber(c)} points`);
      }
      parts.push({ zh: `得分最高可达 ${z.join('加 ')}`, en: `the score can reach ${e.join(' plus ')}` });
    }
    if (d.negative) parts.push({ zh: '得分可能为负数', en: 'the score can be negative' });
  }
  const reach = { zh: parts.map((x) => x.zh).join('，'), en: parts.map((x) => x.en).join(', and ') };
  return {
    zh: `得分可能超出 0 到${wn}的范围：${when.zh}${why.zh}，${reach.zh}（可达区间 ${d.reach}，超出 ${d.within}）`,
    en: `the score can leave the range 0 to the weight: ${when.en}${why.en}, so ${reach.en} (it can reach ${quote(d.reach, Infinity)}, outside ${quote(d.within, Infinity)})`,
  };
}

function unboundedHelp(d: UnboundedData): Message {
  const wn = d.weight;
  const order = d.order
    ? {
        zh: `；乘除从左到右计算，${d.order.text} 是先乘后除，要先算比值请写 ${d.order.fix}`,
        en: `; × and ÷ go left to right, so ${quote(d.order.text, Infinity)} multiplies first: write ${quote(d.order.fix, Infinity)} to take the ratio first`,
      }
    : { zh: '', en: '' };
  const e = d.edit;
  if (!e) return { zh: `请写上封顶，如 ${d.fix}${order.zh}`, en: `write the clamp yourself, e.g. ${quote(d.fix, Infinity)}${order.en}` };
  const how = e.whole
    ? { zh: `min(…, ${wn}) 让得分最多为${wn}，max(…, 0) 让得分不低于 0`, en: `min(…, ${wn}) keeps the score at most the weight, max(…, 0) at least 0` }
    : {
        zh: `min(…, 1) 让比值最多按 1 计，得分就不会超过${wn}${e.low ? '；max(…, 0) 让比值不小于 0，得分就不会为负' : ''}`,
        en: `min(…, 1) counts the ratio as 1 at most, so the score never exceeds the weight${e.low ? '; max(…, 0) keeps it from going below 0' : ''}`,
      };
  return {
    zh: `把 ${quote(e.from, Infinity)} 改为 ${quote(e.to, Infinity)}：${how.zh}${order.zh}`,
    en: `change ${quote(e.from, Infinity)} to ${quote(e.to, Infinity)}: ${how.en}${order.en}`,
  };
}

export const CODES = {
  unknownVariable: code({
    code: 'JX2001',
    severity: 'error',
    title: { zh: '公式中的未知变量', en: 'Unknown variable in a formula' },
    /**
     * known: the name is a variable, but not one this kind of formula may read; inRule: an
     * input (输入) or 占比 (name “占比”) in a rule, where only an indicator's own formula may read it
     */
    message: (d: { name: string; known: boolean; context: 'rule' | 'section'; available: string[]; inRule?: 'input' | 'share' }) =>
      d.inRule === 'share'
        ? { zh: '占比(…) 只能用在指标自己的得分公式中，不能用在规则中', en: '占比(…) belongs in an indicator’s own formula, not in a rule' }
        : d.inRule === 'input'
          ? { zh: `输入${quote(d.name)}只能用在指标自己的得分公式中，不能用在规则中`, en: `input ${quote(d.name)} belongs in an indicator’s own formula, not in a rule` }
          : d.known
            ? { zh: `变量${quote(d.name)}不能用在${FORMULA_CONTEXT[d.context].zh}中`, en: `variable ${quote(d.name)} cannot be used in ${FORMULA_CONTEXT[d.context].en}` }
            : { zh: `未知变量${quote(d.name)}`, en: `unknown variable ${quote(d.name)}` },
    help: (d) =>
      d.inRule === 'share'
        ? { zh: '在指标中写 得分 = 分值 * 占比(组名, 条件)', en: 'write 得分 = 分值 * 占比(group, condition) in the indicator' }
        : d.inRule === 'input'
          ? {
              zh: '规则按每一行的 实际、目标 计分；表外的输入在指标的公式中使用',
              en: 'rules score each row by its 实际 and 目标; inputs from outside the table go in indicator formulas',
            }
          : {
              zh: `${FORMULA_CONTEXT[d.context].zh}可用的变量：${d.available.join('、')}`,
              en: `variables available in ${FORMULA_CONTEXT[d.context].en}: ${d.available.join('、')}`,
            },
  }),
  duplicateSection: code({
    code: 'JX2002',
    severity: 'error',
    title: { zh: '同级指标重名', en: 'Duplicate indicator name at one level' },
    message: (d: { name: string; usedBy: string }) => ({
      zh: `同级指标名称${quote(d.name)}重复（已用于${quote(d.usedBy)}）`,
      en: `indicator name ${quote(d.name)} is already used at this level (by ${quote(d.usedBy)})`,
    }),
    help: () => ({ zh: '同一层级的指标名称和别名不能重复', en: 'names and aliases of sibling indicators must differ' }),
  }),
  duplicateRule: code({
    code: 'JX2003',
    severity: 'error',
    title: { zh: '规则重名', en: 'Duplicate rule name' },
    message: (d: { name: string }) => ({ zh: `规则${quote(d.name)}重复定义`, en: `rule ${quote(d.name)} is defined twice` }),
    help: () => ({ zh: '给规则改名，或删去其一', en: 'rename one rule or remove it' }),
  }),
  duplicateGrade: code({
    code: 'JX2004',
    severity: 'error',
    title: { zh: '等级重名', en: 'Duplicate grade name' },
    message: (d: { name: string }) => ({ zh: `等级${quote(d.name)}重复`, en: `grade ${quote(d.name)} is declared twice` }),
    help: () => ({ zh: '每个等级只写一次', en: 'declare each grade once' }),
  }),
  duplicateTier: code({
    code: 'JX2005',
    severity: 'error',
    title: { zh: '定性分档重名', en: 'Duplicate tier name or alias' },
    message: (d: { name: string }) => ({ zh: `定性分档的名称或别名${quote(d.name)}重复`, en: `tier name or alias ${quote(d.name)} is used twice` }),
    help: () => ({ zh: '每个写法只能对应一个分档', en: 'each wording may name one tier only' }),
  }),
  duplicateItem: code({
    code: 'JX2006',
    severity: 'error',
    title: { zh: '重复的声明', en: 'Declaration given twice' },
    /** input: an 输入 declared twice or named like a formula variable */
    message: (d: { item: SingletonKind } | { aggregated: 'absolute' | 'relative' | 'qualitative' } | { input: string }) =>
      'item' in d
        ? { zh: `${SINGLETON[d.item].zh} 重复声明`, en: `${SINGLETON[d.item].en} is declared twice` }
        : 'input' in d
          ? { zh: `输入${quote(d.input)}重复，或与公式变量同名`, en: `input ${quote(d.input)} is declared twice or shadows a formula variable` }
          : { zh: `汇总${quote(AGGREGATED[d.aggregated])}重复`, en: `aggregation of ${quote(d.aggregated)} is given twice` },
    help: (d) =>
      'item' in d
        ? { zh: `只保留一处 ${SINGLETON[d.item].zh}`, en: `keep one ${SINGLETON[d.item].zh}` }
        : 'input' in d
          ? { zh: '每个输入只声明一次，并换一个不与 实际、目标 等变量相同的名称', en: 'declare each input once, under a name that is not a formula variable' }
          : { zh: '每类只写一次', en: 'give each kind once' },
  }),
  missingTotal: code({
    code: 'JX2007',
    severity: 'error',
    title: { zh: '缺少总分', en: 'Missing the total' },
    message: (d: { form: string }) => ({ zh: `模板${quote(d.form)}缺少 总分`, en: `template ${quote(d.form)} declares no 总分 (total)` }),
    help: () => ({ zh: '加上 总分 100 分', en: 'add 总分 100 分' }),
  }),
  unknownRule: code({
    code: 'JX2008',
    severity: 'error',
    title: { zh: '采用了未定义的规则', en: 'Unknown rule named for an indicator' },
    message: (d: { indicator: string; rule: string; defined: string[] }) => ({
      zh: `${quote(d.indicator)}采用的规则${quote(d.rule)}未定义`,
      en: `${quote(d.indicator)} uses rule ${quote(d.rule)}, which is not defined`,
    }),
    help: (d) => {
      const known = d.defined.join('、') || '（无）';
      return { zh: `已定义的规则：${known}`, en: `defined rules: ${known}` };
    },
  }),
  shapeClaimedTwice: code({
    code: 'JX2009',
    severity: 'error',
    title: { zh: '同一目标形状被两条规则适用', en: 'Target shape claimed by two rules' },
    message: (d: { shape: string; claimedBy: string; rule: string }) => ({
      zh: `目标形状${quote(d.shape)}已由规则${quote(d.claimedBy)}适用，规则${quote(d.rule)}不能再适用`,
      en: `target shape ${quote(d.shape)} is already claimed by rule ${quote(d.claimedBy)}; rule ${quote(d.rule)} cannot claim it too`,
    }),
    help: (d) => ({
      zh: `从其中一条规则的 适用 中去掉${quote(d.shape)}，需要时用 采用 为指标指定规则`,
      en: `remove ${quote(d.shape)} from one rule's 适用; pin rules per indicator with 采用 where needed`,
    }),
  }),
  declUnit: code({
    code: 'JX2010',
    severity: 'error',
    title: { zh: '数值单位不符', en: 'Wrong unit on a declared value' },
    /** value: the quantity as printed; number: its digits; a tier's bounds are percentages, every other value points */
    message: (d: { subject: Subject; value: string; unit: string; number: string }) => {
      if (d.subject.of === 'tier')
        return { zh: `定性分档${quote(d.subject.name)}的界限 ${d.value} 应为百分数`, en: `tier ${quote(d.subject.name)}: bound ${d.value} must be a percentage` };
      const s = subject(d.subject);
      return { zh: `${s.zh} ${d.value} 的单位应为 分，而不是 ${d.unit}`, en: `${s.en} ${d.value} must be in 分 (points), not ${d.unit}` };
    },
    help: (d) =>
      d.subject.of === 'tier' ? { zh: '写成 80%..100%，或写小数 0.8..1', en: 'write 80%..100%, or fractions 0.8..1' } : { zh: `写成 ${d.number} 分`, en: `write ${d.number} 分` },
  }),
  formulaUnit: code({
    code: 'JX2011',
    severity: 'error',
    title: { zh: '公式中单位不一致', en: 'Unit mismatch in a formula' },
    message: (d: { expression: string; left: FormulaUnit; right: FormulaUnit; op: string }) => {
      const v = VERB[d.op] ?? { zh: '混用', en: 'mixed with' };
      const [l, r] = [UNIT_NAME[d.left], UNIT_NAME[d.right]];
      return {
        zh: `${quote(d.expression, Infinity)}中${l.zh}与${r.zh}${v.zh}，单位不一致`,
        en: `in ${quote(d.expression, Infinity)}, ${l.en} is ${v.en} ${r.en}: the units do not agree`,
      };
    },
    help: () => ({ zh: '分只能与分相加减、与比值相乘除；比值要先乘以 权重 才是分', en: 'points add to points and scale by ratios; multiply a ratio by 权重 to get points' }),
  }),
  childWeights: code({
    code: 'JX2012',
    severity: 'error',
    title: { zh: '下级指标分值之和不等于上级分值', en: 'Child weights do not sum to the parent weight' },
    message: (d: { indicator: string; parts: string[]; sum: string; weight: string }) => ({
      zh: `${quote(d.indicator)}的下级指标分值之和 ${d.parts.join(' + ')} = ${d.sum} ≠ ${d.weight}`,
      en: `child weights of ${quote(d.indicator)} sum to ${d.parts.join(' + ')} = ${d.sum} ≠ ${d.weight}`,
    }),
    help: (d) => ({ zh: `调整下级指标分值，使其合计 ${d.weight}`, en: `adjust the child weights so they add up to ${d.weight}` }),
  }),
  capsVsTotal: code({
    code: 'JX2013',
    severity: 'error',
    title: { zh: '一级指标分值之和不等于总分', en: 'Level-1 caps do not sum to the total' },
    message: (d: { parts: string[]; sum: string; total: string }) => ({
      zh: `一级指标分值之和 ${d.parts.join(' + ')} = ${d.sum} ≠ 总分 ${d.total}`,
      en: `level-1 caps sum to ${d.parts.join(' + ')} = ${d.sum} ≠ total ${d.total}`,
    }),
    help: (d) => ({ zh: `调整一级指标分值使其合计 ${d.total}，或改 总分`, en: `adjust the caps to add up to ${d.total}, or change 总分` }),
  }),
  gradeOverlap: code({
    code: 'JX2014',
    severity: 'error',
    title: { zh: '等级重叠或永远达不到', en: 'Grade bands overlap or are unreachable' },
    /** overlap: `grade` and `other` both take the total `at`; else `grade` takes no total in [0, total] */
    message: (d: { grade: string; other: string; at: string } | { grade: string; total: string }) =>
      'other' in d
        ? { zh: `等级${quote(d.grade)}与${quote(d.other)}重叠（如总分 ${d.at}）`, en: `grades ${quote(d.grade)} and ${quote(d.other)} overlap (e.g. at ${d.at})` }
        : {
            zh: `等级${quote(d.grade)}永远达不到：[0, ${d.total}] 中它覆盖的分数已被前面的等级占用`,
            en: `grade ${quote(d.grade)} is unreachable: earlier bands already take every total in [0, ${d.total}] it covers`,
          },
    help: (d) =>
      'other' in d
        ? { zh: '区间按 [低, 高) 计，相邻等级首尾相接即可', en: 'ranges are [low, high); make adjacent bands meet end to start' }
        : { zh: '等级按书写顺序匹配，把它移到前面或改分数线', en: 'bands are tried in order; move it up or change its bound' },
  }),
  gradeGap: code({
    code: 'JX2015',
    severity: 'error',
    title: { zh: '等级未覆盖全部得分', en: 'Grade bands leave a gap' },
    message: (d: { range: string }) => ({ zh: `总分在 ${d.range} 时没有等级`, en: `no grade covers totals in ${d.range}` }),
    help: () => ({ zh: '补上这一段的等级，或在最后写一个兜底等级（如 差）', en: 'add a band for it, or end with a catch-all band (e.g. 差)' }),
  }),
  tierOverlap: code({
    code: 'JX2016',
    severity: 'error',
    title: { zh: '定性分档重叠', en: 'Tiers overlap' },
    message: (d: { tier: string; range: string; other: string; otherRange: string }) => ({
      zh: `定性分档${quote(d.tier)}(${d.range}) 与${quote(d.other)}(${d.otherRange}) 重叠`,
      en: `tier ${quote(d.tier)} (${d.range}) overlaps ${quote(d.other)} (${d.otherRange})`,
    }),
    help: () => ({ zh: '分档按 [低, 高) 计，相邻分档首尾相接即可', en: 'tiers are [low, high); make neighbours meet end to start' }),
  }),
  tierGap: code({
    code: 'JX2017',
    severity: 'error',
    title: { zh: '定性分档未覆盖 0%–100%', en: 'Tiers do not cover 0%–100%' },
    message: (d: { from: string; to: string }) => ({ zh: `定性分档未覆盖 ${d.from}–${d.to}`, en: `no tier covers ${d.from}–${d.to}` }),
    help: () => ({ zh: '分档须首尾相接，覆盖 0%–100%', en: 'tiers must meet end to start and cover 0%–100%' }),
  }),
  qualitativeNoTiers: code({
    code: 'JX2018',
    severity: 'error',
    title: { zh: '定性规则缺少定性分档', en: 'Qualitative rule without tiers' },
    message: (d: { rule: string }) => ({
      zh: `规则${quote(d.rule)}用于定性指标，但模板没有 定性分档`,
      en: `rule ${quote(d.rule)} scores qualitative indicators but the template has no 定性分档`,
    }),
    help: () => ({ zh: '加上 定性分档 { 达成 80%..100%; 部分达成 60%..80%; 未达成 0%..60% }', en: 'add 定性分档 { 达成 80%..100%; 部分达成 60%..80%; 未达成 0%..60% }' }),
  }),
  deductionNoFloor: code({
    code: 'JX2019',
    severity: 'error',
    title: { zh: '扣分未声明总分下限', en: 'Deduction without a floor of the total' },
    /** low..high: what the total can reach after deductions (high: 总分 when the template has none) */
    message: (d: { deduction: string; low: string; high: string }) => ({
      zh: `扣分${quote(d.deduction)}未声明总分下限：扣分后总分可达区间 [${d.low}, ${d.high}]，超出 [0, ${d.high}]`,
      en: `deduction ${quote(d.deduction)} declares no floor: after deductions the total can reach [${d.low}, ${d.high}], outside [0, ${d.high}]`,
    }),
    help: () => ({ zh: '在扣分后写上 总分不低于 0 分', en: 'add 总分不低于 0 分 to the deduction' }),
  }),
  roundingPlaces: code({
    code: 'JX2020',
    severity: 'error',
    title: { zh: '保留小数位数超出 0–6', en: 'Rounding places outside 0..6' },
    message: (d: { places: string }) => ({ zh: `保留小数 ${d.places} 位超出 0–6`, en: `rounding to ${d.places} places is outside 0..6` }),
    help: () => ({ zh: '写 0 到 6 之间的整数，如 保留小数 2 位', en: 'write a whole number from 0 to 6, e.g. 保留小数 2 位' }),
  }),
  unbounded: code({
    code: 'JX2021',
    severity: 'error',
    title: { zh: '得分公式可能超出 [0, 分值]', en: 'Score formula not proven within [0, weight]' },
    message: unboundedMessage,
    help: unboundedHelp,
  }),
  sectionConflict: code({
    code: 'JX2022',
    severity: 'error',
    title: { zh: '指标的计分方式冲突', en: 'Indicator has conflicting ways to score' },
    message: (d: { indicator: string; ways: ScoringWay[] }) => ({
      zh: `${quote(d.indicator)}同时有 ${d.ways.map((w) => WAY[w]).join('、')}，只能选一种计分方式`,
      en: `${quote(d.indicator)} has ${d.ways.map((w) => WAY[w]).join(', ')}: choose one way to score it`,
    }),
    help: () => ({ zh: '保留其中一种：得分公式、下级指标、单位填报', en: 'keep one of: a formula, child indicators, 单位填报' }),
  }),
  levelNesting: code({
    code: 'JX2023',
    severity: 'error',
    title: { zh: '指标层级不对', en: 'Wrong indicator level' },
    /** declared at one level where another belongs; or children under a level-3 indicator */
    message: (d: { indicator: string; declared: 1 | 2 | 3; expected: 1 | 2 | 3 } | { indicator: string; childOfLevel3: true }) =>
      'declared' in d
        ? {
            zh: `${quote(d.indicator)}写为${LEVEL[d.declared]}，但这里应为${LEVEL[d.expected]}`,
            en: `${quote(d.indicator)} is declared at level ${d.declared} but sits at level ${d.expected}`,
          }
        : { zh: `三级指标${quote(d.indicator)}下不能再有指标`, en: `level-3 indicator ${quote(d.indicator)} cannot have children` },
    help: (d) => ('declared' in d ? { zh: `改为 ${LEVEL[d.expected]}`, en: `write ${LEVEL[d.expected]}` } : { zh: '指标最多三级', en: 'indicators have at most three levels' }),
  }),
  duplicateDeduction: code({
    code: 'JX2024',
    severity: 'error',
    title: { zh: '扣分项重名', en: 'Duplicate deduction name' },
    message: (d: { name: string }) => ({ zh: `扣分项${quote(d.name)}重复`, en: `deduction ${quote(d.name)} is declared twice` }),
    help: () => ({ zh: '合并为一项或改名', en: 'merge them or rename one' }),
  }),
  typeMismatch: code({
    code: 'JX2025',
    severity: 'error',
    title: { zh: '条件与数值混用', en: 'Condition used as a number or the reverse' },
    /** a whole score formula that is a condition; or a part of a formula where the other type is needed */
    message: (d: { formula: string } | { expression: string; needed: 'number' | 'condition' }) =>
      'formula' in d
        ? { zh: `得分 = ${d.formula} 的结果是条件(真/假)，不是分`, en: `得分 = ${d.formula} yields a condition, not points` }
        : d.needed === 'number'
          ? { zh: `${quote(d.expression, Infinity)}是条件(真/假)，这里需要数值`, en: `${quote(d.expression, Infinity)} is a condition; a number is needed here` }
          : { zh: `${quote(d.expression, Infinity)}是数值，这里需要条件`, en: `${quote(d.expression, Infinity)} is a number; a condition is needed here` },
    help: (d) =>
      'formula' in d
        ? { zh: '用 如果 … 则 … 否则 … 给出分数', en: 'use 如果 … 则 … 否则 … to give points' }
        : d.needed === 'number'
          ? { zh: '条件只能用在 如果 … 则 … 否则 … 中', en: 'use conditions only inside 如果 … 则 … 否则 …' }
          : { zh: '写成比较，如 实际 >= 目标', en: 'write a comparison such as 实际 >= 目标' },
  }),
  scoreNotPoints: code({
    code: 'JX2026',
    severity: 'error',
    title: { zh: '得分公式的结果不是分', en: 'Score formula does not yield points' },
    /** reach: the ratio's interval; weight: how the weight is spelled (权重 in rules, 分值 in indicators); fix: the proven weighted formula */
    message: (d: { formula: string; reach: string; weight: string; fix?: string }) => ({
      zh: `得分 = ${d.formula} 的结果是比值 ${d.reach}，不是分`,
      en: `得分 = ${d.formula} yields a ratio ${d.reach}, not points`,
    }),
    help: (d) => {
      const e = d.fix ?? `${d.weight} * (${d.formula})`;
      return { zh: `乘以 ${d.weight}，如 ${e}`, en: `multiply by ${d.weight}, e.g. ${quote(e, Infinity)}` };
    },
  }),
  invalidValue: code({
    code: 'JX2027',
    severity: 'error',
    title: { zh: '数值不合理', en: 'Invalid value' },
    message: invalidValue,
    help: invalidValueHelp,
  }),
  floorOutOfRange: code({
    code: 'JX2028',
    severity: 'error',
    title: { zh: '总分下限超出 [0, 总分]', en: 'Floor outside [0, total]' },
    message: (d: { deduction: string; floor: string; total: string }) => ({
      zh: `扣分${quote(d.deduction)}的总分下限 ${d.floor} 不在 [0, ${d.total}] 内`,
      en: `the floor ${d.floor} of deduction ${quote(d.deduction)} is outside [0, ${d.total}]`,
    }),
    help: () => ({ zh: '通常写 总分不低于 0 分', en: 'usually 总分不低于 0 分' }),
  }),
  extendsCycle: code({
    code: 'JX2029',
    severity: 'error',
    title: { zh: '模板继承成环', en: 'Templates extend one another in a cycle' },
    /** steps: the chain of templates (“甘肃 2023”, or a bare year outside a library) that comes back on itself; file: where the loader found the one that closes it */
    message: (d: { form: string; steps: string[]; file?: string }) => {
      const cycle = `${d.form} ${d.steps.join(' → ')}`;
      return {
        zh: `模板继承成环：${cycle}${d.file !== undefined ? `（${d.file}）` : ''}`,
        en: `templates extend one another in a cycle: ${cycle}${d.file !== undefined ? ` (${d.file})` : ''}`,
      };
    },
    help: () => EXTEND_EARLIER,
  }),
  parentMissing: code({
    code: 'JX2030',
    severity: 'error',
    title: { zh: '找不到继承的模板', en: 'The template to extend cannot be found' },
    /** file: the file the loader gave, which holds no template of the form; region: the jurisdiction 继承 looked in */
    message: (d: { form: string; year: number; file?: string; region?: string }) =>
      d.file !== undefined
        ? { zh: `${d.file} 中没有${quote(d.form)}的模板`, en: `${d.file} holds no template of ${quote(d.form)}` }
        : {
            zh: `找不到${d.region !== undefined ? ` ${d.region} ` : ' '}${d.year} 年（或更早）的${quote(d.form)}模板`,
            en: `no template of ${quote(d.form)}${d.region !== undefined ? ` in ${d.region}` : ''} for ${d.year} or earlier`,
          },
    help: (d) => {
      const at = `rules/${d.region !== undefined ? `${d.region}/` : ''}${d.year}/${d.form}.jx`;
      return { zh: `确认 ${at}（或更早年度）存在，或改 继承 的地区和年度`, en: `check that ${at} (or an earlier year) exists, or change the jurisdiction and year after 继承` };
    },
  }),
  editUnknown: code({
    code: 'JX2031',
    severity: 'error',
    title: { zh: '删除或重命名的对象在上一版本中不存在', en: 'Removed or renamed item is not in the parent template' },
    /** known: the names of that kind the parent has */
    message: (d: { action: 'remove' | 'rename'; what: 'section' | 'rule' | 'deduction'; name: string; parentYear: string; known: string[] }) => ({
      zh: `${d.parentYear} 年的模板中没有${EDITED[d.what].zh}${quote(d.name)}，无法${ACTION[d.action].zh}`,
      en: `the ${d.parentYear} template has no ${EDITED[d.what].en} ${quote(d.name)} to ${ACTION[d.action].en}`,
    }),
    help: (d) => ({
      zh: `${d.parentYear} 年的${EDITED[d.what].zh}：${d.known.join('、') || '（无）'}`,
      en: `${EDITED[d.what].en}s of ${d.parentYear}: ${d.known.join(', ') || '(none)'}`,
    }),
  }),
  editWithoutParent: code({
    code: 'JX2032',
    severity: 'error',
    title: { zh: '删除或重命名只能用于继承模板', en: 'Remove or rename in a template that extends nothing' },
    /** template: the form and year that extend nothing; absent when a template is checked without resolving 继承 */
    message: (d: { action: 'remove' | 'rename'; template?: string }) =>
      d.template !== undefined
        ? { zh: `模板${quote(d.template)}没有 继承 任何模板，不能${ACTION[d.action].zh}`, en: `template ${quote(d.template)} extends nothing, so it cannot ${ACTION[d.action].en}` }
        : {
            zh: `${ACTION[d.action].zh} 只能用于继承模板，且须先解析继承（resolveTemplate）`,
            en: `${ACTION[d.action].en} is only allowed in a template that extends another, once resolved`,
          },
    help: (d) =>
      d.template !== undefined
        ? { zh: '在模板头写 继承 <年度>，或直接改写这一项', en: 'write 继承 <year> in the header, or edit the declaration itself' }
        : { zh: '在模板头写 继承 <年度>', en: 'write 继承 <year> in the header' },
  }),
  extendsNotEarlier: code({
    code: 'JX2033',
    severity: 'error',
    title: { zh: '只能继承更早年度的模板', en: 'A template may only extend an earlier year' },
    message: (d: { year: string; parentYear: number }) => ({
      zh: `${d.year} 年的模板不能继承更晚的 ${d.parentYear} 年`,
      en: `the ${d.year} template cannot extend the later year ${d.parentYear}`,
    }),
    help: () => ({ zh: '继承上一年度（或更早）的模板', en: 'extend the previous (or an earlier) year' }),
  }),
  capPrecision: code({
    code: 'JX2034',
    severity: 'error',
    title: { zh: '分值的小数位多于保留小数', en: 'A cap has more decimals than the template rounds to' },
    message: (d: { subject: Subject; value: string; places: number; decimals: number }) => {
      const s = subject(d.subject);
      return {
        zh: `${s.zh} ${d.value} 有 ${d.places} 位小数，多于 保留小数 ${d.decimals} 位：舍入后的得分可能超过它`,
        en: `${s.en}, ${d.value}, has ${d.places} decimal places, more than the ${d.decimals} the template rounds to: a rounded score could exceed it`,
      };
    },
    help: (d) => ({
      zh: `改为 保留小数 ${d.places} 位，或把 ${d.value} 改成 ${d.decimals} 位小数的数`,
      en: `write 保留小数 ${d.places} 位, or make ${d.value} a number with ${d.decimals} decimal places`,
    }),
  }),
  allowNegative: code({
    code: 'JX2035',
    severity: 'error',
    title: { zh: '允许负数只能用于 实际、目标', en: 'Allow-negative names something other than the actual or the target' },
    message: (d: { rule: string; name: string }) => ({
      zh: `规则${quote(d.rule)}的 允许负数 写了${quote(d.name)}，只能写 实际、目标`,
      en: `rule ${quote(d.rule)}: 允许负数 names ${quote(d.name)}; only 实际 and 目标 may be negative`,
    }),
    help: () => ({
      zh: '权重、完成比例 不能为负；写 允许负数 实际 或 允许负数 实际, 目标',
      en: 'weights and tier fractions are never negative; write 允许负数 实际 or 允许负数 实际, 目标',
    }),
  }),
  choiceGroup: code({
    code: 'JX2036',
    severity: 'error',
    title: { zh: '择一的选项不合要求', en: 'The alternatives of a choose-one group are not valid' },
    /** names: the alternatives; weights: their weights, when they differ */
    message: (d: { problem: 'single' | 'notIndicators' | 'weights'; names: string[]; weights?: string[] }) => {
      const names = d.names.map((n) => quote(n));
      switch (d.problem) {
        case 'single':
          return { zh: `择一 只有一个选项${names[0]}`, en: `择一 has a single alternative, ${names[0]}` };
        case 'notIndicators':
          return {
            zh: `择一 的选项（${names.join('、')}）应是按规则计分或有自己得分公式的指标，不能有下级指标或单位填报`,
            en: `the alternatives of 择一 (${names.join(', ')}) must be indicators scored by a rule or by their own formula, without children or 单位填报`,
          };
        case 'weights': {
          const pairs = names.map((n, i) => `${n} ${d.weights?.[i] ?? ''}`);
          return {
            zh: `择一 的选项分值不同（${pairs.join('、')}），只计一次，分值须相同`,
            en: `the alternatives of 择一 weigh differently (${pairs.join(', ')}); the group counts once, so they must weigh the same`,
          };
        }
      }
    },
    help: () => ({
      zh: '写成 择一 { 二级指标 甲 分值 20 分 { 采用 正向 }; 二级指标 乙 分值 20 分 { 采用 反向 } }',
      en: 'write 择一 { 二级指标 A 分值 20 分 { 采用 正向 }; 二级指标 B 分值 20 分 { 采用 反向 } }',
    }),
  }),
  percentOfRow: code({
    code: 'JX2037',
    severity: 'error',
    title: { zh: '百分数与 实际、目标 直接比较、相加减或相除', en: 'A percentage compared with, added to or dividing the actual or the target' },
    /** expression: where; literal: the percentage as written; value: what it stands for in a formula (0.9) */
    message: (d: { expression: string; literal: string; value: string }) => ({
      zh: `${quote(d.expression, Infinity)}中，实际、目标是表中填的数（92% 读作 92），而 ${d.literal} 在公式中是 ${d.value}：两者不能直接比较、相加减或相除`,
      en: `in ${quote(d.expression, Infinity)}, 实际 and 目标 are the figures as filed (92% reads 92) while ${d.literal} stands for ${d.value} in a formula: they cannot be compared, added or divided`,
    }),
    help: (d) => ({
      zh: `比较比值（如 实际 / 目标 >= ${d.literal}），或写表中的数（如 实际 >= ${d.literal.replace(/[%％]$/, '')}，仅当该行以百分数填报）；乘以百分数（目标 * 130%）不受影响`,
      en: `compare a ratio (实际 / 目标 >= ${d.literal}), or the figure as filed (实际 >= ${d.literal.replace(/[%％]$/, '')}, for rows filed in percent); scaling by a percentage (目标 * 130%) is fine`,
    }),
  }),
} as const satisfies Catalogue;

export type CodeKey = keyof typeof CODES;
