// Findings: what a reviewer must see about a filing. Each has a stable code (never
// reused for another meaning), a severity, the path of the row or section it concerns,
// and a message in Chinese with English available that quotes the values involved.

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface Finding {
  code: string;
  severity: FindingSeverity;
  /** [一级, 二级, 三级] names, [一级] for a section, [] for the whole filing */
  path: string[];
  message: { zh: string; en: string };
  help?: { zh: string; en: string };
}

export interface FindingInfo {
  code: string;
  severity: FindingSeverity;
  title: { zh: string; en: string };
}

function f(code: string, severity: FindingSeverity, zh: string, en: string): FindingInfo {
  return { code, severity, title: { zh, en } };
}

/** The catalogue of finding codes (docs/errors.md lists the same). */
export const FINDINGS = {
  sectionWeights: f('JX3001', 'error', '一级指标下各行分值之和不等于该一级指标分值', 'Row weights of a section do not sum to its cap'),
  weightTotal: f('JX3002', 'error', '全表分值之和不等于总分', 'All weights of the filing do not sum to the total'),
  statedCap: f('JX3003', 'error', '表中一级指标分值与模板不符', 'Level-1 cap in the filing contradicts the template'),
  statedScoreDiffers: f('JX3004', 'error', '填报得分与规则计算不符', 'Stated score differs from the rule'),
  statedAboveWeight: f('JX3005', 'error', '填报得分超过分值', 'Stated score above the weight'),
  qualitativeTier: f('JX3006', 'error', '定性指标得分不在其档次内', 'Qualitative score outside its tier'),
  statedTotalVsRows: f('JX3007', 'error', '填报总分不等于各项填报得分之和', 'Stated total is not the sum of stated scores'),
  statedTotalVsComputed: f('JX3008', 'error', '填报总分与计算总分不符', 'Stated total differs from the computed total'),
  impossibleRate: f('JX3009', 'error', '不可能的数值：比率超过 100%', 'Impossible value: a rate above 100%'),
  actualAsInequality: f('JX3010', 'warning', '实际完成值写成了不等式', 'Actual value written as an inequality'),
  placeholder: f('JX3011', 'error', '数值处留有占位符', 'Placeholder left in a value'),
  targetColumnsDisagree: f('JX3012', 'warning', '年度目标值与指标值两列不一致', 'Target column disagrees with the indicator-value column'),
  overspend: f('JX3013', 'warning', '执行数超过预算数', 'Spent more than budgeted'),
  fundTotalZero: f('JX3014', 'error', '资金总额为 0 而其中各项有金额', 'Fund total is 0 while sub-rows carry money'),
  divisionByZero: f('JX3015', 'error', '计算时除数为 0，该项无法计分', 'Division by zero: the row cannot be scored'),
  unknownSection: f('JX3016', 'error', '一级指标不在模板中', 'Level-1 indicator not in the template'),
  noRule: f('JX3017', 'error', '无法确定计分规则', 'No scoring rule applies'),
  missingWeight: f('JX3018', 'error', '缺少分值', 'Missing weight'),
  missingSection: f('JX3019', 'warning', '模板中的一级指标在表中没有指标行', 'Template section has no rows in the filing'),
  unreadableValue: f('JX3020', 'error', '数值无法识别', 'Value cannot be read'),
  deductionAboveMax: f('JX3021', 'error', '扣分超过上限', 'Deduction above its maximum'),
  missingBudget: f('JX3022', 'error', '缺少预算执行数据', 'Budget figures missing'),
  // Units of one dimension are converted (万元 ↔ 元); what remains are units that measure different things.
  unitMismatch: f('JX3025', 'error', '目标值与实际值的单位不能换算，该项不计分', 'Target and actual units cannot be converted; the row is not scored'),
  duplicateRow: f('JX3026', 'warning', '指标行重复', 'Indicator row listed twice'),
  missingReason: f('JX3028', 'warning', '未完成目标而未说明偏差原因', 'Target missed without a deviation reason'),
  reportTotal: f('JX3027', 'error', '报告正文所写自评得分与表中总分不符', 'The report text states another total than the table'),
  invalidWeight: f('JX3029', 'error', '分值无效（为负、超过 10000、非 0 而小于 0.000001 或不是数字）', 'Invalid weight (negative, above 10,000, between 0 and 0.000001, or not a number)'),
  negativeValue: f('JX3040', 'error', '负数用于不接受负数的规则', 'A negative value under a rule that does not allow one'),
  parentTemplate: f('JX3041', 'info', '使用了上级地区的模板', 'Scored under a parent jurisdiction’s template'),
  notApplicable: f('JX3042', 'info', '不适用的指标不计分，按模板折算', 'A not-applicable indicator is left out as the template says'),
  notApplicableUndeclared: f('JX3043', 'warning', '有不适用的指标，而模板没有规定如何折算', 'A not-applicable indicator, but the template does not say how to rescale'),
  choiceBothFiled: f('JX3044', 'warning', '二者择一的指标都填报了', 'More than one alternative of a choose-one group filed'),
  missingInput: f('JX3045', 'error', '缺少表外的输入', 'An input the formula reads is missing'),
} as const satisfies Record<string, FindingInfo>;

export type FindingKey = keyof typeof FINDINGS;

export function finding(
  key: FindingKey,
  path: string[],
  zh: string,
  en: string,
  help?: { zh: string; en: string },
): Finding {
  const info = FINDINGS[key];
  const out: Finding = { code: info.code, severity: info.severity, path, message: { zh, en } };
  if (help) out.help = help;
  return out;
}

export function listFindingCodes(): FindingInfo[] {
  return Object.values(FINDINGS).slice().sort((a, b) => a.code.localeCompare(b.code));
}
