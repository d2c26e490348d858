import { describe, expect, it } from 'vitest';
import { aggregateFiling, type Filing } from '../../src/index.ts';
import { codes, row, score, t2023 } from './helpers.ts';

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
    expect(by('媒体宣传报道数').target).toBe('≥20篇'); // ≥10 + ≥10
    expect(by('基本支出预算执行率').actual).toBe('96%'); // (90×100 + 98×300) / 400
    expect(by('财务管理制度健全性').statedScore).toBe(8.5); // (10×100 + 8×300) / 400
    expect(a.filing.budget).toMatchObject({ budget: 400, spent: 400 });
  });

  it('scores the aggregate and explains how each row was combined', () => {
    const r = score(department());
    const reports = r.rows.find((x) => x.path[2] === '媒体宣传报道数')!;
    expect(reports.score).toBe(30); // targets summed too: 50 × min(12 / 20, 1) = 30
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

/** A department of two units, 一中 funded 100 and 二中 300, each filing the given row. */
function twoUnits(a: ReturnType<typeof row>, b: ReturnType<typeof row>): Filing {
  const unit = (r: ReturnType<typeof row>): Filing => ({ rows: [r] });
  return {
    year: 2023,
    form: '部门整体支出',
    unit: '县教育局',
    rows: [],
    units: [
      { name: '一中', funding: 100, filing: unit(a) },
      { name: '二中', funding: 300, filing: unit(b) },
    ],
  };
}
const aggregated = (f: Filing) => aggregateFiling(f, t2023.checked);
const rowOf = (f: Filing, name: string) => score(f).rows.find((r) => r.path[2] === name)!;

describe('汇总: absolute quantities sum target and actual alike', () => {
  it('different targets add up, and so do the actuals', () => {
    const f = twoUnits(row('履职效果', '部门履职目标', '调研课题', '≥5项', '4项', 20, null), row('履职效果', '部门履职目标', '调研课题', '≥15项', '12项', 20, null));
    const a = aggregated(f).filing.rows[0]!;
    expect([a.target, a.actual]).toEqual(['≥20项', '16项']); // 5 + 15, 4 + 12
    // 20 × min(16 / 20, 1) = 16
    expect(rowOf(f, '调研课题').score).toBe(16);
    expect(rowOf(f, '调研课题').explain).toContain('绝对值累加：目标 5 + 15 → 20，实际 4 + 12 → 16');
  });

  it('funding does not weigh a quantity: the same target summed whatever the units’ funding', () => {
    const f = twoUnits(row('履职效果', '部门履职目标', '媒体宣传报道数', '≥10篇', '10篇', 20, 20), row('履职效果', '部门履职目标', '媒体宣传报道数', '≥10篇', '5篇', 20, 10));
    // target 10 + 10 = 20, actual 10 + 5 = 15: 20 × min(15 / 20, 1) = 15 (an average target, 10, would give 20)
    expect(rowOf(f, '媒体宣传报道数').score).toBe(15);
  });

  it('rates: targets are funding-weighted like actuals', () => {
    const f = twoUnits(row('部门管理', '资金投入', '基本支出预算执行率', '≥90%', '80%', 10, null), row('部门管理', '资金投入', '基本支出预算执行率', '≥98%', '90%', 10, null));
    const a = aggregated(f).filing.rows[0]!;
    // target (90 × 100 + 98 × 300) / 400 = 38400 / 400 = 96; actual (80 × 100 + 90 × 300) / 400 = 35000 / 400 = 87.5
    expect([a.target, a.actual]).toEqual(['≥96%', '87.5%']);
    // 10 × min(87.5 / 96, 1) = 9.1145… → 9.11
    expect(rowOf(f, '基本支出预算执行率').score).toBe(9.11);
  });

  it('a unit whose figure is not a number: no sum is made, the row scores 0 and the finding names the unit', () => {
    const f = twoUnits(row('履职效果', '部门履职目标', '调研课题', '≥5项', '7项', 20, 20), row('履职效果', '部门履职目标', '调研课题', '≥5项', '', 20, 20));
    const r = score(f);
    expect(r.rows.find((x) => x.path[2] === '调研课题')!.score).toBe(0);
    const msg = r.findings.find((x) => x.code === 'JX3020' && x.message.zh.includes('无法汇总'))!;
    expect(msg.message.zh).toBe('“调研课题”无法汇总：“二中” 的实际完成值 “” 不是数值，该项按 0 分计');
    // the unit and its cell are data beside the text, for a program to read
    expect(msg.data).toEqual({ kind: 'aggregate', name: '调研课题', units: 2, values: [{ unit: '二中', field: 'actual', text: '' }] });
  });
});

describe('汇总: qualitative completion is funding-weighted from each unit’s tier, stated score or not', () => {
  const q = (actual: string, stated: number | null) => row('部门管理', '财务管理', '财务管理制度健全性', '健全', actual, 10, stated);

  it('no unit states a score: each counts its tier as the scorer would (top tier 100%, a lower tier its midpoint)', () => {
    const f = twoUnits(q('健全', null), q('部分达成', null));
    // 一中 top tier → 1; 二中 部分达成 60%–80% → 70%; (1 × 100 + 0.7 × 300) / 400 = 310 / 400 = 0.775 → 10 × 0.775 = 7.75
    const r = rowOf(f, '财务管理制度健全性');
    expect(r.score).toBe(7.75);
    expect(r.statedScore).toBeNull();
    expect(r.explain).toContain('定性按资金加权：一中 全部或基本达成 100% × 100 + 二中 部分达成 70% × 300 → 77.5%');
    // the words differ: the row reads as the tier of 77.5%
    expect(aggregated(f).filing.rows[0]!.actual).toBe('部分达成');
    expect(codes(score(f))).not.toContain('JX3006');
  });

  it('one unit states a score, the other does not: both count', () => {
    const f = twoUnits(q('健全', 9), q('健全', null));
    // 一中 9 / 10 = 0.9 (inside 80%–100%); 二中 top tier → 1; (0.9 × 100 + 1 × 300) / 400 = 390 / 400 = 0.975 → 9.75
    expect(rowOf(f, '财务管理制度健全性').score).toBe(9.75);
  });

  it('every unit states a score: the weighted stated scores, as before', () => {
    const f = twoUnits(q('健全', 10), q('健全', 8));
    // (10 × 100 + 8 × 300) / 400 = 3400 / 400 = 8.5
    const r = rowOf(f, '财务管理制度健全性');
    expect(r.score).toBe(8.5);
    expect(r.statedScore).toBe(8.5);
  });

  it('a unit whose words fall in no tier counts 0 and is named', () => {
    const f = twoUnits(q('健全', null), q('还行', null));
    // (1 × 100 + 0 × 300) / 400 = 0.25 → 10 × 0.25 = 2.5, in the tier 未达成 (0%–60%)
    const r = score(f);
    expect(r.rows.find((x) => x.path[2] === '财务管理制度健全性')!.score).toBe(2.5);
    expect(r.findings.find((x) => x.code === 'JX3017')!.message.zh).toBe('“财务管理制度健全性”汇总时无法判断 “二中” 的实际完成情况 “还行” 属于哪一档，按 0 计');
    expect(aggregated(f).filing.rows[0]!.actual).toBe('未达成');
  });
});
