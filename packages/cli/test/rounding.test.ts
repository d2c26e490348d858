// The bounds guarantee through the CLI, on the values that broke it: row weights with
// more decimals than 保留小数, caps finer than 保留小数, sections scaled to their cap.
// Every expected number is worked out by hand in the comment beside it.
import { describe, expect, it } from 'vitest';
import { jixiao, tempFile } from './run.ts';

interface Report {
  total: number;
  sections: { name: string; cap: number; score: number }[];
  rows: { path: string[]; weight: number; score: number; explain: string }[];
  findings: { code: string; message: { zh: string } }[];
}

const score = (filing: object, args: string[] = []): { status: number | null; report: Report } => {
  const r = jixiao(['score', tempFile('filing.json', JSON.stringify(filing)), '--json', ...args]);
  return { status: r.status, report: JSON.parse(r.stdout) as Report };
};

/** Rows of `weights` under `section`, each met in full (6项 against ≥5项). */
const rows = (section: string, weights: number[], stated: (w: number) => number | null = () => null) =>
  weights.map((w, i) => ({ level1: section, level2: '指标组', level3: `${section}${i + 1}`, target: '≥5项', actual: '6项', weight: w, statedScore: stated(w) }));

const filing2023 = (r: object[]) => ({
  year: 2023,
  region: '甘肃',
  form: '部门整体支出',
  budget: { initialBudget: 100, budget: 100, spent: 100, weight: 10, statedScore: 10 },
  rows: r,
  statedTotal: 100,
});

describe('row weights with more decimals than 保留小数 (rules/2023, 2 places)', () => {
  // thirds of each cap: 6.665 + 6.665 + 6.67 = 20, 16.665 + 16.665 + 16.67 = 50,
  // 3.335 + 3.335 + 3.33 = 10 twice. Full marks everywhere.
  const thirds = filing2023([
    ...rows('部门管理', [6.665, 6.665, 6.67], (w) => w),
    ...rows('履职效果', [16.665, 16.665, 16.67], (w) => w),
    ...rows('能力建设', [3.335, 3.335, 3.33], (w) => w),
    ...rows('服务对象满意度', [3.335, 3.335, 3.33], (w) => w),
  ]);
  const { status, report } = score(thirds);

  it('scores each row its weight, never the rounded 6.67 above 6.665', () => {
    // a full-marks row scores 权重 × 1 = 6.665; rounded to 2 places that is 6.67 > 6.665,
    // so the row scores its weight
    const r = report.rows.find((x) => x.path[2] === '部门管理1')!;
    expect(r).toMatchObject({ weight: 6.665, score: 6.665 });
    for (const x of report.rows) expect(x.score).toBeLessThanOrEqual(x.weight);
  });

  it('keeps every section at its cap and the total at 100, with no finding', () => {
    // 6.665 + 6.665 + 6.67 = 20 (was 6.67 × 3 = 20.01); total 10 + 20 + 50 + 10 + 10 = 100 (was 100.04)
    expect(report.sections.map((s) => [s.name, s.score])).toEqual([
      ['预算执行率', 10],
      ['部门管理', 20],
      ['履职效果', 50],
      ['能力建设', 10],
      ['服务对象满意度', 10],
    ]);
    expect(report.total).toBe(100);
    expect(report.findings).toEqual([]);
    expect(status).toBe(0);
  });

  it('rounds a partial score normally below a finer weight', () => {
    // 3.335 × 4 / 5 = 2.668 → 2.67 (≤ 3.335); the section is 2.67 + 3.335 + 3.33 = 9.335
    const f = filing2023([...rows('能力建设', [3.335, 3.335, 3.33]), ...rows('部门管理', [20]), ...rows('履职效果', [50]), ...rows('服务对象满意度', [10])]);
    (f.rows[0] as { actual: string }).actual = '4项';
    const { report } = score(f);
    expect(report.rows.find((x) => x.path[2] === '能力建设1')!.score).toBe(2.67);
    expect(report.sections.find((s) => s.name === '能力建设')!.score).toBe(9.335);
  });

  it('scales a section whose finer weights miss its cap, exactly, to at most the cap', () => {
    // 3.335 × 3 = 10.005 ≠ 10: scored in proportion 10.005 × 10 / 10.005 = 10 (not 10.01)
    const f = filing2023([...rows('能力建设', [3.335, 3.335, 3.335]), ...rows('部门管理', [20]), ...rows('履职效果', [50]), ...rows('服务对象满意度', [10])]);
    const { report } = score(f);
    expect(report.sections.find((s) => s.name === '能力建设')!.score).toBe(10);
    expect(report.findings.map((x) => x.code)).toContain('JX3001');
    // and one short: (3.335 × 4/5 → 2.67) + 3.335 + 3.335 = 9.34; × 10 / 10.005 = 9.3353… → 9.34
    (f.rows[0] as { actual: string }).actual = '4项';
    expect(score(f).report.sections.find((s) => s.name === '能力建设')!.score).toBe(9.34);
  });
});

describe('保留小数 0 位', () => {
  const template = (caps: [string, string]) => `模板 项目支出 2021 {
  总分 100 分
  保留小数 0 位 四舍五入
  等级 { 优 >= 90 分; 差 }
  规则 正向 适用 >= { 得分 = 权重 * min(实际 / 目标, 1) }
  一级指标 预算执行率 分值 ${caps[0]} 分 { 得分 = 分值 * min(全年执行数 / 全年预算数, 1) }
  一级指标 产出 分值 ${caps[1]} 分 { 单位填报 }
}
`;
  const filing = (weights: number[]) => ({
    year: 2021,
    form: '项目支出',
    budget: { initialBudget: 100, budget: 100, spent: 100 },
    rows: rows('产出', weights),
  });

  it('refuses caps 2.5 + 97.5 at the digit that is too fine (they scored 3 + 98 = 101 / 100)', () => {
    const file = tempFile('t.jx', template(['2.5', '97.5']));
    const r = jixiao(['check', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('t.jx:6:17');
    expect(r.stderr).toContain('“预算执行率”的分值 2.5 有 1 位小数，多于 保留小数 0 位');
    expect(r.stderr).toContain('改为 保留小数 1 位');
    expect(r.stderr).toContain('[JX2034]');
    const s = jixiao(['score', tempFile('f.json', JSON.stringify(filing([97.5]))), '--rules', file]);
    expect(s.status).toBe(2);
  });

  it('with whole caps, rows of 2.5 and 7.5 score 2.5 and 7.5, not 3 and 8', () => {
    // caps 10 + 90; rows 2.5 + 7.5 + 80 = 90 all met: 2.5 → 3 > 2.5 → 2.5; 7.5 → 8 > 7.5 → 7.5
    const file = tempFile('t.jx', template(['10', '90']));
    const { report } = score(filing([2.5, 7.5, 80]), ['--rules', file]);
    expect(report.rows.filter((x) => x.path[0] === '产出').map((x) => x.score)).toEqual([2.5, 7.5, 80]);
    expect(report.total).toBe(100);
  });
});
