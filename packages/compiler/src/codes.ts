// Stable diagnostic codes of the checker. Codes never change meaning; new
// checks get new codes. The titles feed generated documentation.

import type { Severity } from '@jixiao/language';

export interface CodeInfo {
  code: string;
  severity: Severity;
  title: { zh: string; en: string };
}

function c(code: string, severity: Severity, zh: string, en: string): CodeInfo {
  return { code, severity, title: { zh, en } };
}

export const CODES = {
  unknownVariable: c('JX2001', 'error', '公式中的未知变量', 'Unknown variable in a formula'),
  duplicateSection: c('JX2002', 'error', '同级指标重名', 'Duplicate indicator name at one level'),
  duplicateRule: c('JX2003', 'error', '规则重名', 'Duplicate rule name'),
  duplicateGrade: c('JX2004', 'error', '等级重名', 'Duplicate grade name'),
  duplicateTier: c('JX2005', 'error', '定性分档重名', 'Duplicate tier name or alias'),
  duplicateItem: c('JX2006', 'error', '重复的声明', 'Declaration given twice'),
  missingTotal: c('JX2007', 'error', '缺少总分', 'Missing the total'),
  unknownRule: c('JX2008', 'error', '采用了未定义的规则', 'Unknown rule named for an indicator'),
  shapeClaimedTwice: c('JX2009', 'error', '同一目标形状被两条规则适用', 'Target shape claimed by two rules'),
  declUnit: c('JX2010', 'error', '数值单位不符', 'Wrong unit on a declared value'),
  formulaUnit: c('JX2011', 'error', '公式中单位不一致', 'Unit mismatch in a formula'),
  childWeights: c('JX2012', 'error', '下级指标分值之和不等于上级分值', 'Child weights do not sum to the parent weight'),
  capsVsTotal: c('JX2013', 'error', '一级指标分值之和不等于总分', 'Level-1 caps do not sum to the total'),
  gradeOverlap: c('JX2014', 'error', '等级重叠或永远达不到', 'Grade bands overlap or are unreachable'),
  gradeGap: c('JX2015', 'error', '等级未覆盖全部得分', 'Grade bands leave a gap'),
  tierOverlap: c('JX2016', 'error', '定性分档重叠', 'Tiers overlap'),
  tierGap: c('JX2017', 'error', '定性分档未覆盖 0%–100%', 'Tiers do not cover 0%–100%'),
  qualitativeNoTiers: c('JX2018', 'error', '定性规则缺少定性分档', 'Qualitative rule without tiers'),
  deductionNoFloor: c('JX2019', 'error', '扣分未声明总分下限', 'Deduction without a floor of the total'),
  roundingPlaces: c('JX2020', 'error', '保留小数位数超出 0–6', 'Rounding places outside 0..6'),
  unbounded: c('JX2021', 'error', '得分公式可能超出 [0, 分值]', 'Score formula not proven within [0, weight]'),
  sectionConflict: c('JX2022', 'error', '指标的计分方式冲突', 'Indicator has conflicting ways to score'),
  levelNesting: c('JX2023', 'error', '指标层级不对', 'Wrong indicator level'),
  duplicateDeduction: c('JX2024', 'error', '扣分项重名', 'Duplicate deduction name'),
  typeMismatch: c('JX2025', 'error', '条件与数值混用', 'Condition used as a number or the reverse'),
  scoreNotPoints: c('JX2026', 'error', '得分公式的结果不是分', 'Score formula does not yield points'),
  invalidValue: c('JX2027', 'error', '数值不合理', 'Invalid value'),
  floorOutOfRange: c('JX2028', 'error', '总分下限超出 [0, 总分]', 'Floor outside [0, total]'),
  extendsCycle: c('JX2029', 'error', '模板继承成环', 'Templates extend one another in a cycle'),
  parentMissing: c('JX2030', 'error', '找不到继承的模板', 'The template to extend cannot be found'),
  editUnknown: c('JX2031', 'error', '删除或重命名的对象在上一版本中不存在', 'Removed or renamed item is not in the parent template'),
  editWithoutParent: c('JX2032', 'error', '删除或重命名只能用于继承模板', 'Remove or rename in a template that extends nothing'),
  extendsNotEarlier: c('JX2033', 'error', '只能继承更早年度的模板', 'A template may only extend an earlier year'),
  capPrecision: c('JX2034', 'error', '分值的小数位多于保留小数', 'A cap has more decimals than the template rounds to'),
  allowNegative: c('JX2035', 'error', '允许负数只能用于 实际、目标', 'Allow-negative names something other than the actual or the target'),
  choiceGroup: c('JX2036', 'error', '择一的选项不合要求', 'The alternatives of a choose-one group are not valid'),
} as const satisfies Record<string, CodeInfo>;

export type CodeKey = keyof typeof CODES;

/** All codes in order, for documentation. */
export function listCodes(): CodeInfo[] {
  return Object.values(CODES).slice().sort((a, b) => a.code.localeCompare(b.code));
}
