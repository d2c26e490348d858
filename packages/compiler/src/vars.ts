// The variables a formula may read, their spellings and where they are allowed.

export type VarId = 'W' | 'actual' | 'target' | 'fraction' | 'initialBudget' | 'budget' | 'spent';

/** Canonical spelling → variable. 分值 and 权重 are the same weight W. */
const SPELLINGS: ReadonlyMap<string, VarId> = new Map<string, VarId>([
  ['权重', 'W'],
  ['分值', 'W'],
  ['weight', 'W'],
  ['实际', 'actual'],
  ['actual', 'actual'],
  ['目标', 'target'],
  ['target', 'target'],
  ['完成比例', 'fraction'],
  ['fraction', 'fraction'],
  ['年初预算数', 'initialBudget'],
  ['全年预算数', 'budget'],
  ['预算数', 'budget'],
  ['全年执行数', 'spent'],
  ['执行数', 'spent'],
]);

export type FormulaContext = 'rule' | 'section';

const RULE_VARS: ReadonlySet<VarId> = new Set<VarId>(['W', 'actual', 'target', 'fraction']);
const SECTION_VARS: ReadonlySet<VarId> = new Set<VarId>(['W', 'initialBudget', 'budget', 'spent']);

export function lookupVar(name: string): VarId | null {
  return SPELLINGS.get(name) ?? null;
}

export function allowedIn(v: VarId, ctx: FormulaContext): boolean {
  return (ctx === 'rule' ? RULE_VARS : SECTION_VARS).has(v);
}

/** Chinese names of the variables allowed in a context, for help texts. */
export function allowedNames(ctx: FormulaContext): string[] {
  return ctx === 'rule'
    ? ['权重', '分值', '实际', '目标', '完成比例']
    : ['分值', '权重', '年初预算数', '全年预算数', '预算数', '全年执行数', '执行数'];
}

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
