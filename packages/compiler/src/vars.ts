// The variables a formula may read: one table of their spellings, where each is allowed,
// its domain in the proof and its description in both languages. The checker, the
// prover, the explanations and the playground (highlighting, hover, completion) all
// read this table; nothing else lists the variables.

export type VarId = 'W' | 'actual' | 'target' | 'fraction' | 'initialBudget' | 'budget' | 'spent';

export type FormulaContext = 'rule' | 'section';

export interface VarSpelling {
  /** what the author writes */
  name: string;
  v: VarId;
  /** the formulas it may appear in: a rule's, or an indicator's own (budget figures) */
  contexts: readonly FormulaContext[];
  zh: string;
  en: string;
}

/** Every spelling, Chinese first; 分值 and 权重 are the same weight W. */
export const VARIABLES: readonly VarSpelling[] = [
  { name: '权重', v: 'W', contexts: ['rule', 'section'], zh: '本指标分值（= 分值），≥ 0', en: "this indicator's weight (= 分值), ≥ 0" },
  { name: '分值', v: 'W', contexts: ['rule', 'section'], zh: '本指标分值，≥ 0', en: "this indicator's weight, ≥ 0" },
  {
    name: '实际',
    v: 'actual',
    contexts: ['rule', 'section'],
    zh: '实际完成值，≥ 0（规则写 允许负数 实际 时可为负；指标自己的公式里是表中该指标行的实际）',
    en: "actual value, ≥ 0 (any sign where the rule says 允许负数 实际; in an indicator's own formula, its row's)",
  },
  {
    name: '目标',
    v: 'target',
    contexts: ['rule', 'section'],
    zh: '年度指标值，≥ 0（规则写 允许负数 目标 时可为负；指标自己的公式里是表中该指标行的目标）',
    en: "target value, ≥ 0 (any sign where the rule says 允许负数 目标; in an indicator's own formula, its row's)",
  },
  { name: '完成比例', v: 'fraction', contexts: ['rule'], zh: '定性指标的完成比例，[0, 1]', en: 'completion fraction of a qualitative indicator, [0, 1]' },
  { name: '年初预算数', v: 'initialBudget', contexts: ['section'], zh: '年初预算数（万元），≥ 0', en: 'initial budget (10k yuan), ≥ 0' },
  { name: '全年预算数', v: 'budget', contexts: ['section'], zh: '全年预算数（万元），≥ 0', en: 'full-year budget (10k yuan), ≥ 0' },
  { name: '预算数', v: 'budget', contexts: ['section'], zh: '全年预算数（万元），≥ 0', en: 'full-year budget (10k yuan), ≥ 0' },
  { name: '全年执行数', v: 'spent', contexts: ['section'], zh: '全年执行数（万元），≥ 0', en: 'full-year spending (10k yuan), ≥ 0' },
  { name: '执行数', v: 'spent', contexts: ['section'], zh: '全年执行数（万元），≥ 0', en: 'full-year spending (10k yuan), ≥ 0' },
  // English spellings of the same variables
  { name: 'weight', v: 'W', contexts: ['rule', 'section'], zh: '本指标分值', en: "this indicator's weight" },
  { name: 'actual', v: 'actual', contexts: ['rule', 'section'], zh: '实际完成值', en: 'actual value' },
  { name: 'target', v: 'target', contexts: ['rule', 'section'], zh: '年度指标值', en: 'target value' },
  { name: 'fraction', v: 'fraction', contexts: ['rule'], zh: '定性指标的完成比例', en: 'completion fraction' },
];

const SPELLINGS: ReadonlyMap<string, VarId> = new Map(VARIABLES.map((s) => [s.name, s.v]));

export function lookupVar(name: string): VarId | null {
  return SPELLINGS.get(name) ?? null;
}

export function allowedIn(v: VarId, ctx: FormulaContext): boolean {
  return VARIABLES.some((s) => s.v === v && s.contexts.includes(ctx));
}

/** Chinese names of the variables allowed in a context, for help texts. */
export function allowedNames(ctx: FormulaContext): string[] {
  const names = VARIABLES.filter((s) => s.contexts.includes(ctx) && /[\u4e00-\u9fff]/.test(s.name)).map((s) => s.name);
  // a section formula is about the budget: 分值 before 权重 reads better there
  return ctx === 'section' ? ['分值', '权重', ...names.filter((n) => n !== '分值' && n !== '权重')] : names;
}

/** The budget figures: a formula that reads one is scored from the budget block. */
export const BUDGET_VARS: ReadonlySet<VarId> = new Set<VarId>(['initialBudget', 'budget', 'spent']);

/** The display name of a variable in explanations. */
export const VAR_LABEL: Readonly<Record<VarId, string>> = {
  W: '权重',
  actual: '实际',
  target: '目标',
  fraction: '完成比例',
  initialBudget: '年初预算数',
  budget: '全年预算数',
  spent: '全年执行数',
};

/** Input domain used by the bounds proof: [lo, hi] (W is symbolic). */
export const VAR_DOMAIN: Readonly<Record<Exclude<VarId, 'W'>, [number, number]>> = {
  actual: [0, Infinity],
  target: [0, Infinity],
  fraction: [0, 1],
  initialBudget: [0, Infinity],
  budget: [0, Infinity],
  spent: [0, Infinity],
};
