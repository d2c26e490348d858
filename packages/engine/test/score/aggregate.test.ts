import { describe, expect, it } from 'vitest';
import { aggregateFiling, type Filing } from '../../src/index.ts';
import { row, score, t2023 } from './helpers.ts';

/** A department (本级) with two units, funded 100 and 300. */
function department(): Filing {
  const unit = (spent: number, reports: string, rate: string, stated: number): Filing => ({
    budget: { initialBudget: 100, budget: spent, spent, weight: 10, statedScore: 10 },
    rows: [
      row('部门管理', '资金投入', '基本支出预算执行率', '≥95%', rate, 10, 10),
      row('部门管理', '财务管理', '财务管理制度健全性', '健全', '健全', 10, stated),
      row('履职效果', '部门履职目标', '媒体宣传报道数', '≥10篇', reports, 50, 50),
      row('能力建设', '人力资源建设', '人员考核合格率', '100%', '100%', 10, 10),
      row('服务对象满意度', '满意度指标', '服务对象满意度', '≥90%', '95%', 10, 10),
    ],
  });
  return {
    year: 2023,
    form: '部门整体支出',
    unit: '县教育局',
    rows: [],
    units: [
      { name: '一中', funding: 100, filing: unit(100, '4篇', '90%', 10) },
      { name: '二中', funding: 300, filing: unit(300, '8篇', '98%', 8) },
    ],
  };
}

describe('aggregation of a department from its units (funding-weighted)', () => {
  it('sums absolute values, weights rates and qualitative scores by funding', () => {
    const a = aggregateFiling(department(), t2023.checked);
    const by = (n: string) => a.filing.rows.find((r) => r.level3 === n)!;
    expect(by('媒体宣传报道数').actual).toBe('12篇'); // 4 + 8
    expect(by('基本支出预算执行率').actual).toBe('96%'); // (90×100 + 98×300) / 400
    expect(by('财务管理制度健全性').statedScore).toBe(8.5); // (10×100 + 8×300) / 400
    expect(a.filing.budget).toMatchObject({ budget: 400, spent: 400 });
  });

  it('scores the aggregate and explains how each row was combined', () => {
    const r = score(department());
    const reports = r.rows.find((x) => x.path[2] === '媒体宣传报道数')!;
    expect(reports.score).toBe(50); // 12 ≥ 10
    expect(reports.explain).toContain('绝对值累加');
    const rate = r.rows.find((x) => x.path[2] === '基本支出预算执行率')!;
    expect(rate.explain).toContain('相对值按资金加权');
    expect(rate.score).toBe(10);
    expect(r.rows.find((x) => x.path[2] === '财务管理制度健全性')!.score).toBe(8.5);
    expect(r.total).toBeLessThanOrEqual(100);
  });

  it('a unit of absolute value counts the same whatever its funding; a rate moves with it', () => {
    const d = department();
    d.units![1]!.funding = 100;
    const a = aggregateFiling(d, t2023.checked);
    expect(a.filing.rows.find((r) => r.level3 === '媒体宣传报道数')!.actual).toBe('12篇');
    expect(a.filing.rows.find((r) => r.level3 === '基本支出预算执行率')!.actual).toBe('94%');
  });

  it('reports units whose weights for the same indicator differ', () => {
    const d = department();
    d.units![1]!.filing.rows[0]!.weight = 12;
    expect(aggregateFiling(d, t2023.checked).findings.map((f) => f.code)).toContain('JX3001');
  });
});
