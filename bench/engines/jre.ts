// The 2023 template in json-rules-engine, as its users would write it: one rule per
// scoring case (conditions on the row's facts, an event naming how it scores), one
// engine run per row; the budget rate and the grade are rules too. The arithmetic
// the events name, the section sums and the deductions are application code.
import { Engine, type RuleProperties } from 'json-rules-engine';
import type { EvalInput } from '@jixiao/compiler';
import { aggregate2023, round2, type Scores } from './common.ts';

type How = 'full' | 'ratio' | 'inverse' | 'zero' | 'fraction';
const rule = (name: string, priority: number, all: object[], how: How): RuleProperties => ({
  name,
  priority,
  conditions: { all } as RuleProperties['conditions'],
  event: { type: 'score', params: { how } },
});
const shape = (...s: string[]) => ({ fact: 'shape', operator: 'in', value: s });
const cmp = (fact: string, operator: string, value: unknown) => ({ fact, operator, value });

export const ROW_RULES: RuleProperties[] = [
  rule('正向·达标', 10, [shape('>='), cmp('actual', 'greaterThanInclusive', { fact: 'target' })], 'full'),
  rule('正向·未达标', 10, [shape('>='), cmp('target', 'greaterThan', 0), cmp('actual', 'lessThan', { fact: 'target' })], 'ratio'),
  rule('严格正向·达标', 10, [shape('>'), cmp('actual', 'greaterThan', { fact: 'target' })], 'full'),
  rule('严格正向·未达标', 10, [shape('>'), cmp('target', 'greaterThan', 0), cmp('actual', 'lessThanInclusive', { fact: 'target' })], 'ratio'),
  rule('严格正向·目标为零', 10, [shape('>'), cmp('target', 'equal', 0), cmp('actual', 'lessThanInclusive', 0)], 'zero'),
  rule('反向·达标', 10, [shape('<='), cmp('actual', 'lessThanInclusive', { fact: 'target' })], 'full'),
  rule('反向·超出', 10, [shape('<='), cmp('actual', 'greaterThan', { fact: 'target' })], 'inverse'),
  rule('严格反向·达标', 10, [shape('<'), cmp('actual', 'lessThan', { fact: 'target' })], 'full'),
  rule('严格反向·未达标', 10, [shape('<'), cmp('actual', 'greaterThan', 0), cmp('actual', 'greaterThanInclusive', { fact: 'target' })], 'inverse'),
  rule('严格反向·实际为零', 10, [shape('<'), cmp('actual', 'equal', 0), cmp('target', 'equal', 0)], 'zero'),
  rule('等于·零目标达标', 10, [shape('='), cmp('target', 'equal', 0), cmp('actual', 'lessThanInclusive', 0)], 'full'),
  rule('等于·零目标未达标', 10, [shape('='), cmp('target', 'equal', 0), cmp('actual', 'greaterThan', 0)], 'zero'),
  rule('等于·达标', 10, [shape('='), cmp('target', 'greaterThan', 0), cmp('actual', 'greaterThanInclusive', { fact: 'target' })], 'full'),
  rule('等于·未达标', 10, [shape('='), cmp('target', 'greaterThan', 0), cmp('actual', 'lessThan', { fact: 'target' })], 'ratio'),
  rule('定性', 10, [shape('qualitative')], 'fraction'),
  rule('时效·按期', 10, [shape('deadline'), cmp('actual', 'lessThanInclusive', { fact: 'target' })], 'full'),
  rule('时效·逾期', 10, [shape('deadline'), cmp('actual', 'greaterThan', { fact: 'target' })], 'zero'),
];

const FILING_RULES: RuleProperties[] = [
  {
    name: '预算执行·足额',
    conditions: { all: [cmp('budget', 'greaterThan', 0), cmp('spent', 'greaterThanInclusive', { fact: 'budget' })] } as RuleProperties['conditions'],
    event: { type: 'budget', params: { how: 'full' } },
  },
  {
    name: '预算执行·不足',
    conditions: { all: [cmp('budget', 'greaterThan', 0), cmp('spent', 'lessThan', { fact: 'budget' })] } as RuleProperties['conditions'],
    event: { type: 'budget', params: { how: 'ratio' } },
  },
];
const GRADE_RULES: RuleProperties[] = [
  { name: '优', priority: 4, conditions: { all: [cmp('total', 'greaterThanInclusive', 90)] } as RuleProperties['conditions'], event: { type: 'grade', params: { grade: 0 } } },
  {
    name: '良',
    priority: 3,
    conditions: { all: [cmp('total', 'greaterThanInclusive', 80), cmp('total', 'lessThan', 90)] } as RuleProperties['conditions'],
    event: { type: 'grade', params: { grade: 1 } },
  },
  {
    name: '中',
    priority: 2,
    conditions: { all: [cmp('total', 'greaterThanInclusive', 60), cmp('total', 'lessThan', 80)] } as RuleProperties['conditions'],
    event: { type: 'grade', params: { grade: 2 } },
  },
  { name: '差', priority: 1, conditions: { all: [cmp('total', 'lessThan', 60)] } as RuleProperties['conditions'], event: { type: 'grade', params: { grade: 3 } } },
];

function score(how: How, w: number, a: number, t: number, f: number): number {
  switch (how) {
    case 'full':
      return round2(w);
    case 'ratio':
      return round2(w * Math.min(a / t, 1));
    case 'inverse':
      return round2(w * Math.min(t / a, 1));
    case 'zero':
      return 0;
    case 'fraction':
      return round2(w * f);
  }
}

export function makeJre(): (input: EvalInput) => Promise<Scores> {
  const rows = new Engine(ROW_RULES, { allowUndefinedFacts: true });
  const filing = new Engine(FILING_RULES, { allowUndefinedFacts: true });
  const grades = new Engine(GRADE_RULES, { allowUndefinedFacts: true });
  return async (input) => {
    const rowScores: number[][] = [[]];
    for (let s = 1; s < input.sections.length; s++) {
      const out: number[] = [];
      for (const r of input.sections[s]!) {
        const { events } = await rows.run({ shape: r.shape, weight: r.weight, target: r.target, actual: r.actual, fraction: r.fraction });
        const how = events[0]?.params?.['how'] as How | undefined;
        out.push(how ? score(how, r.weight, r.actual ?? 0, r.target ?? 0, r.fraction ?? 0) : 0);
      }
      rowScores.push(out);
    }
    const { budget, spent } = input.budget;
    const b = await filing.run({ budget, spent });
    const how = b.events[0]?.params?.['how'] as How | undefined;
    const budgetScore = how ? score(how, 10, spent ?? 0, budget ?? 0, 0) : 0;
    const agg = aggregate2023(input, rowScores, budgetScore, () => -1);
    const g = await grades.run({ total: agg.total });
    agg.grade = (g.events[0]?.params?.['grade'] as number | undefined) ?? -1;
    return agg;
  };
}
