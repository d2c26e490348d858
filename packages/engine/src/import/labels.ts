// What a header label of the indicator table means: the fields a column can hold, the
// spellings real tables use for each, and one heuristic that reads a label as a field.
// Header detection (columns.ts) trusts only the spellings; the playground's mapping step
// also shows the keyword guesses, for the user to confirm.

export type ColumnField =
  | 'level1'
  | 'level2'
  | 'level3'
  | 'indicatorValue'
  | 'target'
  | 'actual'
  | 'weight'
  | 'statedScore'
  | 'reason'
  | 'op'
  | 'unit'
  | 'label'
  | 'explanation'
  | 'criteria';

export const COLUMN_FIELDS: readonly ColumnField[] = [
  'level1',
  'level2',
  'level3',
  'indicatorValue',
  'target',
  'actual',
  'weight',
  'statedScore',
  'reason',
  'op',
  'unit',
  'label',
  'explanation',
  'criteria',
];

/** The column → field mapping: 0-based column index per field. */
export type Columns = Partial<Record<ColumnField, number>>;

/** How each field is labelled in real tables (the first spelling is the canonical one). */
export const FIELD_LABELS: Record<ColumnField, readonly string[]> = {
  label: ['绩效指标'],
  level1: ['一级指标', '一级', '指标项', '一级指标名称'],
  level2: ['二级指标', '二级', '细指标', '二级指标名称'],
  level3: ['三级指标', '三级', '被指标', '三级指标名称', '指标名称', '具体指标'],
  indicatorValue: ['指标值'],
  target: ['年度指标值', '年度目标值', '目标值', '预期目标值', '预期指标值', '全年目标值', '计划值', '指标目标值', '年度目标', '年初目标值', '全年指标值', '年初指标值'],
  actual: ['实际完成值', '全年实际值', '实际值', '全年实际完成值', '实际完成', '完成值', '全年完成值', '实际完成指标值'],
  weight: ['分值', '权重', '权重分值', '指标分值', '标准分值', '标准分', '分数', '指标权重', '权重分'],
  statedScore: ['得分', '自评得分', '实际得分', '自评分', '评分', '指标得分'],
  reason: ['偏差原因分析及改进措施', '偏差原因分析', '偏差原因', '原因分析及改进措施', '未完成原因分析', '偏差原因及改进措施'],
  op: ['计算符号', '指标性质', '符号', '运算符号', '比较符号'],
  unit: ['计量单位', '度量单位', '单位'],
  // rubric forms (部门整体支出 evaluation tables): what the indicator measures and how it is scored
  explanation: ['指标解释', '指标说明', '指标内涵', '指标释义'],
  criteria: ['评分标准', '评分办法', '评分方法', '评价标准', '评分细则', '计分方法', '评分规则'],
};

/** Each field's name in messages, in both languages. */
export const FIELD_NAMES: Record<ColumnField, { zh: string; en: string }> = {
  label: { zh: '绩效指标', en: 'performance indicator (label column)' },
  level1: { zh: '一级指标', en: 'level-1 indicator' },
  level2: { zh: '二级指标', en: 'level-2 indicator' },
  level3: { zh: '三级指标', en: 'level-3 indicator' },
  indicatorValue: { zh: '指标值', en: 'indicator value' },
  target: { zh: '年度指标值', en: 'annual target' },
  actual: { zh: '实际完成值', en: 'actual value' },
  weight: { zh: '分值', en: 'weight' },
  statedScore: { zh: '得分', en: 'stated score' },
  reason: { zh: '偏差原因分析及改进措施', en: 'reason for deviation' },
  op: { zh: '计算符号', en: 'comparison sign' },
  unit: { zh: '计量单位', en: 'unit of measure' },
  explanation: { zh: '指标解释', en: 'indicator explanation' },
  criteria: { zh: '评分标准', en: 'scoring criteria' },
};

/** Spellings that are OCR-ish or unusual; reading them is reported as info. */
export const UNUSUAL_LABELS: Record<string, string> = {
  指标项: '一级指标',
  细指标: '二级指标',
  被指标: '三级指标',
  年执行数: '全年预算数',
};

/** Normalise a header label: no whitespace, no bracketed unit such as (分) or （%）, no trailing colon. */
export function normaliseLabel(text: string): string {
  return text
    .replace(/[\s\u00A0\u3000]+/g, '')
    .replace(/[（(][^()（）]*[)）]$/, '')
    .replace(/[:：]$/, '');
}

const LABEL_INDEX: Map<string, ColumnField> = (() => {
  const m = new Map<string, ColumnField>();
  for (const f of COLUMN_FIELDS) for (const l of FIELD_LABELS[f]) if (!m.has(l)) m.set(l, f);
  return m;
})();

/** How a label's field was guessed: one of the known spellings, or a keyword in it. */
export type Guess = 'label' | 'keyword' | null;

/** Keywords for labels no spelling covers: guesses for the user to confirm, never trusted by header detection. */
const KEYWORDS: [RegExp, ColumnField][] = [
  [/一级/, 'level1'],
  [/二级/, 'level2'],
  [/三级|名称|指标$/, 'level3'],
  [/原因|措施/, 'reason'],
  [/目标|计划|预期/, 'target'],
  [/实际|完成|实绩|实现/, 'actual'],
  [/满分|分值|权重|标准分/, 'weight'],
  [/得分|自评|评分/, 'statedScore'],
  [/单位/, 'unit'],
  [/符号|性质/, 'op'],
  [/解释|说明|释义/, 'explanation'],
  [/标准|办法|细则/, 'criteria'],
];

/**
 * The field a header label holds: a known spelling ('label'), else a keyword in a short
 * label ('keyword'), else none.
 */
export function guessField(text: string): { field: ColumnField | null; guess: Guess } {
  const n = normaliseLabel(text);
  if (n !== '') {
    const exact = LABEL_INDEX.get(n);
    if (exact) return { field: exact, guess: 'label' };
    // the reason column's label is long and spelled many ways; these words name nothing else
    if (/偏差|改进措施/.test(n)) return { field: 'reason', guess: 'label' };
  }
  const bare = text.replace(/\s+/g, '');
  if (!bare || bare.length > 16) return { field: null, guess: null };
  for (const [re, field] of KEYWORDS) if (re.test(bare)) return { field, guess: 'keyword' };
  return { field: null, guess: null };
}

/** The field of a label read as one of the known spellings (what header detection trusts). */
export function fieldOfLabel(text: string): ColumnField | null {
  const g = guessField(text);
  return g.guess === 'label' ? g.field : null;
}

/**
 * Labels that name something of the table itself (a column, a total, a score, a deduction,
 * the year, an indicator, a fund source, a note): never the name of an extra input.
 */
export function isKnownLabel(label: string): boolean {
  const n = normaliseLabel(label);
  return fieldOfLabel(n) !== null || /得分|总分|合计|分值|权重|扣分|扣减|年度$|年份|等级|序号|指标$|目标|完成情况|^其中|^注|^说明|^备注/.test(n);
}
