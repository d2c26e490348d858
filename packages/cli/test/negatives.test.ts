// Negative values through the CLI: the official 反向 rules take a negative 实际 (≤10%,
// actual −5%: met) and a negative 目标 (结转结余变动率 ≤ −30%), and a rule without
// 允许负数 says so. Expected numbers are worked out by hand beside each.
import { describe, expect, it } from 'vitest';
import { jixiao, tempFile } from './run.ts';

interface Report {
  total: number;
  rows: { path: string[]; weight: number; score: number; explain: string }[];
  findings: { code: string; message: { zh: string } }[];
}

const filing = (target: string, actual: string) => ({
  year: 2023,
  region: '甘肃',
  form: '部门整体支出',
  budget: { initialBudget: 100, budget: 100, spent: 100 },
  rows: [
    { level1: '部门管理', level2: '资金投入', level3: '结转结余变动率', target, actual, weight: 10, statedScore: null, reason: '已说明' },
    { level1: '部门管理', level2: '资金投入', level3: '基本支出预算执行率', target: '≥95%', actual: '98%', weight: 10, statedScore: null },
    { level1: '履职效果', level2: '部门履职目标', level3: '调研课题', target: '≥5项', actual: '7项', weight: 50, statedScore: null },
    { level1: '能力建设', level2: '长效管理', level3: '制度健全性', target: '健全', actual: '健全', weight: 10, statedScore: null },
    { level1: '服务对象满意度', level2: '满意度', level3: '服务对象满意度', target: '≥90%', actual: '95%', weight: 10, statedScore: null },
  ],
});

const score = (target: string, actual: string, args: string[] = []) => {
  const r = jixiao(['score', tempFile('f.json', JSON.stringify(filing(target, actual))), '--json', ...args]);
  return JSON.parse(r.stdout) as Report;
};
const row = (r: Report) => r.rows.find((x) => x.path[2] === '结转结余变动率')!;

describe('negative values under the official rules (rules/2023)', () => {
  it('反向 ≤10% with actual −5%: met, full marks (it was 0, "cannot be read")', () => {
    // −5 ≤ 10: the 则 branch, 权重 = 10
    const r = score('≤10%', '-5%');
    expect(row(r).score).toBe(10);
    expect(row(r).explain).toContain('实际 -5 ≤ 目标 10');
    expect(r.total).toBe(100);
    expect(r.findings).toEqual([]);
  });

  it('反向 with a negative target ≤ −30%: actual −20% scores the ratio of the decreases, −35% full', () => {
    // −20 > −30, not met; 目标 < 0: 10 × min(−20 / −30, 1) = 6.666… → 6.67
    expect(row(score('≤-30%', '-20%')).score).toBe(6.67);
    // −35 ≤ −30: met
    expect(row(score('≤-30%', '-35%')).score).toBe(10);
    // an increase instead of a decrease: 10 × max(0, 5 / −30) = 0
    expect(row(score('≤-30%', '5%')).score).toBe(0);
  });

  it('正向 takes no negative value: JX3040 names the rule and the way out', () => {
    const r = score('≥10%', '-5%');
    expect(row(r).score).toBe(0);
    expect(r.findings.map((f) => f.code)).toContain('JX3040');
  });
});
