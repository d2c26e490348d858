// The rule shapes real bureaus write, each on a minimal template and filing: 不适用 rows,
// 择一 alternatives, a negative target, 占比 over a group of rows, an indicator formula that
// reads its own row, an input the table does not carry, and a one-point tier. Every expected
// number is worked out by hand beside it.
import { describe, expect, it } from 'vitest';
import { checkSource } from '@jixiao/compiler';
import { prepareTemplate, scoreFiling, type Filing, type Report } from '../../src/index.ts';

const TEMPLATE = `模板 部门整体支出 2020 {
  总分 100 分
  保留小数 2 位 四舍五入
  等级 { 优 >= 90 分; 良 >= 80 分; 中 >= 60 分; 差 }
  定性分档 { 完成 100%; 未完成 0%..100% }
  不适用 按总分折算
  输入 全年预算调剂金额 万元
  规则 正向 适用 >= { 得分 = 如果 实际 >= 目标 则 权重 否则 权重 * min(实际 / 目标, 1) }
  规则 定性 适用 定性 { 得分 = 权重 * 完成比例 }
  规则 变动率 适用 <= 允许负数 实际, 目标 { 得分 = 如果 实际 <= 目标 则 权重 否则 如果 目标 < 0 则 权重 * max(0, min(实际 / 目标, 1)) 否则 权重 * min(目标 / 实际, 1) }
  一级指标 部门预算管理 分值 60 分 {
    二级指标 目标实现 分值 10 分 { 得分 = 分值 * 占比(数量指标, 实际 >= 目标 且 实际 <= 目标 * 1.3) }
    二级指标 编制准确 分值 10 分 { 得分 = 分值 * max(0, 1 - 10 * 全年预算调剂金额 / 年初预算数) }
    二级指标 结转结余 分值 20 分 {
      择一 {
        三级指标 结转结余率 分值 20 分 { 采用 变动率 }
        三级指标 结转结余变动率 分值 20 分 { 采用 变动率 }
      }
    }
    二级指标 执行率 分值 20 分 { 得分 = 分值 * min(实际 / 目标, 1) }
  }
  一级指标 履职效果 分值 40 分 { 单位填报 }
}
`;

function template(text = TEMPLATE) {
  const r = checkSource({ file: 'shapes.jx', text }, () => null);
  if (!r.template) throw new Error(JSON.stringify(r.diagnostics.map((d) => [d.code, d.range.start.line, d.message.zh])));
  return prepareTemplate(r.template);
}

const row = (level1: string, level2: string, level3: string, target: string, actual: string, weight: number | null, extra: object = {}) => ({
  level1,
  level2,
  level3,
  target,
  actual,
  weight,
  statedScore: null,
  reason: '已说明',
  ...extra,
});

function filing(over: Partial<Filing> = {}): Filing {
  return {
    year: 2020,
    form: '部门整体支出',
    budget: { initialBudget: 100, budget: 100, spent: 100 },
    inputs: { 全年预算调剂金额: 5 },
    rows: [
      row('部门预算管理', '结转结余', '结转结余变动率', '≤-30%', '-20%', 20),
      row('部门预算管理', '执行率', '', '≥95%', '90%', 20),
      row('履职效果', '数量指标', '培训人次', '≥100人次', '120人次', 10),
      row('履职效果', '数量指标', '宣传册', '≥1000册', '1500册', 10),
      row('履职效果', '数量指标', '调研报告', '≥5篇', '4篇', 10),
      row('履职效果', '质量指标', '群众满意度', '≥90%', '95%', 5),
      row('履职效果', '质量指标', '档案管理', '/', '/', 5, { notApplicable: true }),
    ],
    ...over,
  } as Filing;
}

const scoreOf = (r: Report, name: string) => r.rows.find((x) => x.path[x.path.length - 1] === name)!.score;

describe('the rule shapes, together', () => {
  const r = scoreFiling(template(), filing());

  it('占比: the share of 数量指标 rows within target..target × 1.3 (R2 目标实现)', () => {
    // 培训人次 120 in [100, 130] met; 宣传册 1500 > 1300 not; 调研报告 4 < 5 not: 1/3; 10 × 1/3 = 3.33
    expect(scoreOf(r, '目标实现')).toBe(3.33);
    expect(r.rows.find((x) => x.path[1] === '目标实现')!.explain).toContain('占比(数量指标 1/3)');
  });

  it('an input the table does not carry (R2 编制准确: 1 − 10 × 调剂金额 / 年初预算数)', () => {
    // 10 × max(0, 1 − 10 × 5 / 100) = 10 × 0.5 = 5
    expect(scoreOf(r, '编制准确')).toBe(5);
  });

  it('择一 with a negative target: the alternative filed counts, once', () => {
    // 结转结余变动率 ≤ −30%, actual −20%: not met; 20 × min(−20 / −30, 1) = 13.33
    expect(scoreOf(r, '结转结余变动率')).toBe(13.33);
    expect(r.sections.find((s) => s.name === '部门预算管理')!.score).toBe(40.61);
  });

  it("an indicator formula reading its own row's 实际 and 目标", () => {
    // 执行率: 20 × min(90 / 95, 1) = 18.947… → 18.95
    expect(scoreOf(r, '执行率')).toBe(18.95);
  });

  it('不适用 按总分折算: the row scores 0 and the total is rescaled over the applicable weights', () => {
    // 履职效果 10 + 10 + 8 + 5 + 0 = 33; 部门预算管理 3.33 + 5 + 13.33 + 18.95 = 40.61
    // sum 73.61 over 100 − 5 applicable points: 73.61 × 100 / 95 = 77.484… → 77.48
    expect(scoreOf(r, '档案管理')).toBe(0);
    expect(r.sections.find((s) => s.name === '履职效果')!.score).toBe(33);
    expect(r.total).toBe(77.48);
    expect(r.grade).toBe('中');
    expect(r.findings.map((f) => f.code)).toContain('JX3042');
    expect(r.findings.map((f) => f.code)).not.toContain('JX3001');
  });
});

describe('each shape on its own', () => {
  it('不适用 按一级指标折算: the rest of the section stands for its cap, no weight error', () => {
    const t = template(TEMPLATE.replace('不适用 按总分折算', '不适用 按一级指标折算'));
    const r = scoreFiling(t, filing());
    // 履职效果 without 档案管理: 33 of 35 weights → 33 × 40 / 35 = 37.714… → 37.71
    expect(r.sections.find((s) => s.name === '履职效果')!.score).toBe(37.71);
    expect(r.findings.map((f) => f.code)).not.toContain('JX3001');
    // 40.61 + 37.71 = 78.32, no total rescaling
    expect(r.total).toBe(78.32);
  });

  it('不适用 undeclared: the row scores 0, its weight counts, and a warning says the template is silent', () => {
    const t = template(TEMPLATE.replace('不适用 按总分折算\n', ''));
    const r = scoreFiling(t, filing());
    expect(r.total).toBe(73.61);
    expect(r.findings.find((f) => f.code === 'JX3043')?.message.zh).toContain('模板没有规定不适用指标如何折算');
  });

  it('择一: both alternatives filed is a warning, and the first counts once', () => {
    const f = filing();
    f.rows.unshift(row('部门预算管理', '结转结余', '结转结余率', '≤9%', '5%', 20));
    const r = scoreFiling(template(), f);
    // 结转结余率 5% ≤ 9%: 20, counted; the group counts once: 3.33 + 5 + 20 + 18.95 = 47.28
    expect(r.sections.find((s) => s.name === '部门预算管理')!.score).toBe(47.28);
    expect(r.findings.find((f) => f.code === 'JX3044')?.message.zh).toContain('按 “结转结余率” 计分');
  });

  it('a missing input is an error naming it, and its indicator scores 0', () => {
    const r = scoreFiling(template(), filing({ inputs: {} }));
    expect(scoreOf(r, '编制准确')).toBe(0);
    expect(r.findings.find((f) => f.code === 'JX3045')?.message.zh).toBe('“编制准确”要用表外的输入“全年预算调剂金额”，填报表中没有，该项按 0 分计');
  });

  it('a one-point tier: 完成 is exactly 100%, anything less is 未完成', () => {
    const text = `模板 项目支出 2020 {
  总分 10 分
  等级 { 合格 >= 6 分; 不合格 }
  定性分档 { 完成 100%; 未完成 0%..100% }
  规则 定性 适用 定性 { 得分 = 权重 * 完成比例 }
  一级指标 产出 分值 10 分 { 单位填报 }
}`;
    const t = template(text);
    const f = (actual: string, stated: number | null): Filing =>
      ({ year: 2020, form: '项目支出', rows: [{ level1: '产出', level2: '质量', level3: '验收', target: '完成', actual, weight: 10, statedScore: stated }] }) as Filing;
    // 完成 without a stated score: the tier of 100%: 10
    expect(scoreFiling(t, f('完成', null)).total).toBe(10);
    // 未完成 without a stated score: the middle of [0%, 100%): 5, never the full 10
    expect(scoreFiling(t, f('未完成', null)).total).toBe(5);
    // 未完成 stated 10 (= 100%): outside its tier (JX3006), taken at the middle, 5
    const r = scoreFiling(t, f('未完成', 10));
    expect(r.total).toBe(5);
    expect(r.findings.map((x) => x.code)).toContain('JX3006');
    // a point tier other than 100% is refused
    const bad = checkSource({ file: 'x.jx', text: text.replace('完成 100%', '完成 90%') }, () => null);
    expect(bad.template).toBeNull();
    expect(bad.diagnostics[0]!.message.zh).toContain('单点档次只能是 100%');
  });
});

describe('what the checker refuses', () => {
  const codes = (text: string) => checkSource({ file: 'x.jx', text }, () => null).diagnostics.map((d) => d.code);
  it('择一 alternatives of different weights, or of one option', () => {
    expect(codes(TEMPLATE.replace('三级指标 结转结余变动率 分值 20 分', '三级指标 结转结余变动率 分值 10 分'))).toContain('JX2036');
    expect(codes(TEMPLATE.replace('        三级指标 结转结余变动率 分值 20 分 { 采用 变动率 }\n', ''))).toContain('JX2036');
  });

  it('an input or 占比 in a rule; an undeclared input; an unclamped input formula', () => {
    expect(codes(TEMPLATE.replace('得分 = 权重 * 完成比例', '得分 = 权重 * min(全年预算调剂金额, 1)'))).toContain('JX2001');
    expect(codes(TEMPLATE.replace('输入 全年预算调剂金额 万元\n', ''))).toContain('JX2001');
    // without max(0, …) the share of the adjustment can push the score below 0
    expect(codes(TEMPLATE.replace('分值 * max(0, 1 - 10 * 全年预算调剂金额 / 年初预算数)', '分值 * (1 - 10 * 全年预算调剂金额 / 年初预算数)'))).toContain('JX2021');
  });
});
