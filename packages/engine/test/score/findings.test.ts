import { describe, expect, it } from 'vitest';
import { codesOf } from '@jixiao/language';
import { FINDINGS, scoreFiling } from '../../src/index.ts';
import { cleanFiling, codes, row, score, t2020, t2023, t2023With } from './helpers.ts';

const only = (r: ReturnType<typeof score>, code: string) => r.findings.filter((f) => f.code === code);

describe('a clean filing', () => {
  it('scores full marks with no finding at all', () => {
    const r = score(cleanFiling());
    expect(r.findings).toEqual([]);
    expect(r.total).toBe(100);
    expect(r.grade).toBe('优');
    expect(r.sections.map((s) => [s.name, s.score, s.cap])).toEqual([
      ['预算执行率', 10, 10],
      ['部门管理', 20, 20],
      ['履职效果', 50, 50],
      ['能力建设', 10, 10],
      ['服务对象满意度', 10, 10],
    ]);
  });
});

describe('each finding code, from a minimal filing of its own', () => {
  it('JX3001 section weights ≠ section cap', () => {
    const f = cleanFiling();
    f.rows[0]!.weight = 14;
    f.rows[0]!.statedScore = 14;
    const r = score(f);
    const [x] = only(r, FINDINGS.sectionWeights.code);
    expect(x?.path).toEqual(['部门管理']);
    expect(x?.message.zh).toContain('24');
    expect(x?.message.zh).toContain('20');
    // the section never scores above its cap
    expect(r.sections[1]!.score).toBeLessThanOrEqual(20);
  });

  it('JX3001 also below level 1: a 单位填报 二级指标 whose rows miss its cap is scaled and said', () => {
    const t = t2023With(['一级指标 能力建设 分值 10 分 { 单位填报 }', '一级指标 能力建设 分值 10 分 { 二级指标 人力资源建设 分值 10 分 { 单位填报 } }']);
    const f = cleanFiling();
    f.rows[5] = row('能力建设', '人力资源建设', '人员考核合格率', '100%', '100%', 7, 7);
    const r = score(f, t);
    const [x] = only(r, FINDINGS.sectionWeights.code);
    expect(x?.path).toEqual(['能力建设', '人力资源建设']);
    expect(x?.message.zh).toBe('二级指标 “人力资源建设” 下各行分值之和为 7 = 7，应等于分值 10');
    // scaled to its cap: 7 of 7 → 10
    expect(r.sections.find((s) => s.name === '能力建设')!.score).toBe(10);
    // no rows at all under it: 0, and said
    f.rows.splice(5, 1);
    expect(only(score(f, t), FINDINGS.missingSection.code)[0]?.path).toEqual(['能力建设', '人力资源建设']);
  });

  it('JX3002 all weights ≠ total, citing the total row', () => {
    const f = cleanFiling();
    f.rows.push(row('能力建设', '档案管理', '档案管理规范性', '规范', '规范', 4, 4));
    f.statedWeightTotal = 100;
    const [x] = only(score(f), FINDINGS.weightTotal.code);
    expect(x?.message.zh).toContain('104');
    expect(x?.message.zh).toContain('100');
  });

  it('JX3003 a level-1 cap in the filing contradicting the template', () => {
    const f = cleanFiling();
    f.sections = [{ name: '履职效果(70分)', statedCap: 70 }];
    const [x] = only(score(f), FINDINGS.statedCap.code);
    expect(x?.path).toEqual(['履职效果']);
    expect(x?.message.zh).toContain('70');
    expect(x?.message.zh).toContain('50');
  });

  it('JX3004 a stated score that differs from the rule', () => {
    const f = cleanFiling();
    f.rows[2] = row('履职效果', '部门履职目标', '建设规划', '≥1项', '3项', 20, 15);
    const [x] = only(score(f), FINDINGS.statedScoreDiffers.code);
    expect(x?.path).toEqual(['履职效果', '部门履职目标', '建设规划']);
    expect(x?.message.zh).toBe('“建设规划”填报得分 15，按规则应为 20');
  });

  it('JX3004 also for the budget row (rounding that favours the unit: 86.2% scored 9)', () => {
    const f = cleanFiling();
    f.budget = { initialBudget: 100, budget: 100, spent: 86.2, weight: 10, statedScore: 9 };
    const r = score(f);
    expect(r.rows[0]!.score).toBe(8.62);
    expect(only(r, FINDINGS.statedScoreDiffers.code)[0]?.message.zh).toContain('8.62');
  });

  it('JX3005 a stated score above the weight', () => {
    const f = cleanFiling();
    f.rows[0]!.statedScore = 12;
    expect(codes(score(f))).toContain(FINDINGS.statedAboveWeight.code);
  });

  it('JX3006 a qualitative score outside its tier', () => {
    const f = cleanFiling();
    f.rows[1]!.statedScore = 5; // 健全 = top tier 80–100%, 5/10 = 50%
    const r = score(f);
    const [x] = only(r, FINDINGS.qualitativeTier.code);
    expect(x?.message.zh).toContain('50%');
    expect(r.rows.find((x) => x.path[2] === '财务管理制度健全性')!.score).toBe(8);
  });

  it('JX3007 stated total ≠ sum of stated scores', () => {
    const f = cleanFiling();
    f.statedTotal = 90;
    const [x] = only(score(f), FINDINGS.statedTotalVsRows.code);
    expect(x?.message.zh).toBe('填报总分 90，但各项填报得分之和为 100');
  });

  it('JX3008 stated total ≠ computed total', () => {
    const f = cleanFiling();
    f.rows[3] = row('履职效果', '部门履职目标', '媒体宣传报道数', '≥10篇', '5篇', 20, 20);
    const r = score(f);
    expect(r.total).toBe(90);
    expect(only(r, FINDINGS.statedTotalVsComputed.code)[0]?.message.zh).toBe('填报总分 100，按规则计算为 90');
  });

  it('JX3009 an impossible rate above 100%', () => {
    const f = cleanFiling();
    f.rows[6]!.actual = '500%';
    const [x] = only(score(f), FINDINGS.impossibleRate.code);
    expect(x?.message.zh).toContain('500%');
  });

  it('JX3010 an actual written as an inequality', () => {
    const f = cleanFiling();
    f.rows[2]!.actual = '≥266米';
    f.rows[2]!.target = '≥100米';
    expect(only(score(f), FINDINGS.actualAsInequality.code)[0]?.message.zh).toContain('≥266米');
  });

  it('JX3011 a placeholder left in the target', () => {
    const f = cleanFiling();
    f.rows[2]!.target = '≥**';
    const r = score(f);
    expect(only(r, FINDINGS.placeholder.code)[0]?.message.zh).toContain('≥**');
    expect(r.rows.find((x) => x.path[2] === '调研课题')!.score).toBe(0);
  });

  it('JX3012 the target column disagreeing with the indicator-value column', () => {
    const f = cleanFiling();
    f.rows[0]!.indicatorValue = '≤10%';
    f.rows[0]!.target = '≤100%';
    f.rows[0]!.actual = '100%';
    const [x] = only(score(f), FINDINGS.targetColumnsDisagree.code);
    expect(x?.message.zh).toContain('≤10%');
    expect(x?.message.zh).toContain('≤100%');
  });

  it('JX3013 spending above the budget', () => {
    const f = cleanFiling();
    f.budget = { initialBudget: 100, budget: 100, spent: 120, weight: 10, statedScore: 10 };
    const r = score(f);
    expect(only(r, FINDINGS.overspend.code)[0]?.message.zh).toContain('120');
    expect(r.rows[0]!.score).toBe(10);
  });

  it('JX3014 a fund total of 0 while its sub-rows carry money', () => {
    const f = cleanFiling();
    f.budget = { initialBudget: 0, budget: 0, spent: 0, weight: 10, statedScore: 10, funds: [{ name: '当年财政拨款', initialBudget: 50, budget: 50, spent: 50 }] };
    const r = score(f);
    expect(codes(r)).toContain(FINDINGS.fundTotalZero.code);
    expect(codes(r)).toContain(FINDINGS.divisionByZero.code);
  });

  it('JX3015 a division by zero is a finding, never NaN or Infinity', () => {
    const f = cleanFiling();
    f.budget = { initialBudget: 0, budget: 0, spent: 10, weight: 10, statedScore: 10 };
    const r = score(f);
    expect(codes(r)).toContain(FINDINGS.divisionByZero.code);
    const json = JSON.stringify(r);
    expect(json).not.toMatch(/NaN|Infinity|null,"statedScore":10,"explain":""/);
    expect(Number.isFinite(r.total)).toBe(true);
  });

  it('JX3016 a level-1 indicator that is not in the template', () => {
    const f = cleanFiling();
    f.rows.push(row('产出指标', '数量指标', '培训人次', '≥100人', '120人', 5, 5));
    const [x] = only(score(f), FINDINGS.unknownSection.code);
    expect(x?.path[0]).toBe('产出指标');
    expect(x?.message.zh).toContain('部门管理');
  });

  it('JX3017 a qualitative actual that fits no tier', () => {
    const f = cleanFiling();
    f.rows[1]!.actual = '还行吧';
    expect(codes(score(f))).toContain(FINDINGS.noRule.code);
  });

  it('JX3018 a missing weight', () => {
    const f = cleanFiling();
    f.rows[0]!.weight = null;
    expect(codes(score(f))).toContain(FINDINGS.missingWeight.code);
  });

  it('JX3019 a template section with no rows', () => {
    const f = cleanFiling();
    f.rows = f.rows.filter((r) => r.level1 !== '能力建设');
    const [x] = only(score(f), FINDINGS.missingSection.code);
    expect(x?.path).toEqual(['能力建设']);
  });

  it('JX3020 an unreadable actual', () => {
    const f = cleanFiling();
    f.rows[2]!.actual = '';
    expect(codes(score(f))).toContain(FINDINGS.unreadableValue.code);
  });

  it('JX3021 a deduction above its maximum, applied at the maximum', () => {
    const f = cleanFiling();
    f.deductions = [{ reason: '审计发现问题', points: 8 }];
    const r = score(f);
    expect(codes(r)).toContain(FINDINGS.deductionAboveMax.code);
    expect(r.total).toBe(95);
  });

  it('JX3022 missing budget figures', () => {
    const f = cleanFiling();
    delete f.budget;
    const r = score(f);
    expect(codes(r)).toContain(FINDINGS.missingBudget.code);
    expect(r.sections[0]!.score).toBe(0);
  });

  it('JX3025 target and actual in different units', () => {
    const f = cleanFiling();
    f.rows[2]!.actual = '7篇';
    expect(codes(score(f))).toContain(FINDINGS.unitMismatch.code);
  });

  it('JX3026 the same indicator listed twice', () => {
    const f = cleanFiling();
    f.rows.push({ ...f.rows[0]! });
    expect(codes(score(f))).toContain(FINDINGS.duplicateRow.code);
  });

  it('JX3026 once per repeat, and not for rows that share only their last name', () => {
    const f = cleanFiling();
    const first = f.rows[0]!;
    // the same 三级指标 name under another 二级指标, then the first row twice more
    f.rows.push({ ...first, level2: `${first.level2}乙` }, { ...first }, { ...first });
    const dups = score(f).findings.filter((x) => x.code === FINDINGS.duplicateRow.code);
    expect(dups.map((x) => x.path)).toEqual([
      [first.level1, first.level2, first.level3],
      [first.level1, first.level2, first.level3],
    ]);
  });

  it('JX3026 in a filing of more rows than its table of paths holds (600): each repeat once, in row order', () => {
    const f = cleanFiling();
    const first = f.rows[0]!;
    // 300 rows of their own names, each then listed again: 300 repeats, the second of each pair
    for (let i = 0; i < 300; i++) f.rows.push({ ...first, level3: `指标${i}` }, { ...first, level3: `指标${i}` });
    const dups = score(f).findings.filter((x) => x.code === FINDINGS.duplicateRow.code);
    expect(dups.map((x) => x.path[2])).toEqual(Array.from({ length: 300 }, (_, i) => `指标${i}`));
  });

  it('JX3026 compares the names joined: a name with a NUL in it is compared as the joined path, as before', () => {
    const f = cleanFiling();
    const first = f.rows[0]!;
    // [一级, "二级\u0000三级"] and [一级, 二级, 三级] join alike
    f.rows.push({ ...first, level2: `${first.level2}\u0000${first.level3}`, level3: '' });
    expect(score(f).findings.filter((x) => x.code === FINDINGS.duplicateRow.code)).toHaveLength(1);
  });

  it('JX3027 a report text that states yet another total', () => {
    const f = cleanFiling();
    f.reportTotal = 100;
    expect(codes(score(f))).not.toContain(FINDINGS.reportTotal.code);
    f.statedTotal = 97;
    const [x] = only(score(f), FINDINGS.reportTotal.code);
    expect(x?.message.zh).toBe('报告正文写自评得分 100 分，而表中填报总分为 97');
  });

  it('JX3028 a missed target without a deviation reason, and none once the reason is given', () => {
    const f = cleanFiling();
    f.rows[3] = row('履职效果', '部门履职目标', '媒体宣传报道数', '≥10篇', '5篇', 20, 10);
    f.statedTotal = 90;
    const [x] = only(score(f), FINDINGS.missingReason.code);
    expect(x?.message.zh).toContain('得分 10 / 20');
    f.rows[3]!.reason = '下半年宣传计划推迟，明年一季度补足';
    expect(codes(score(f))).not.toContain(FINDINGS.missingReason.code);
  });

  it('JX3040 a negative value under a rule without 允许负数, named with the rule and the way out', () => {
    const f = cleanFiling();
    // 基本支出预算执行率 ≥95% under 正向, actual −5%: 正向 does not take negatives
    f.rows[0]!.actual = '-5%';
    const r = score(f);
    const [x] = only(r, FINDINGS.negativeValue.code);
    expect(x?.message.zh).toBe('“基本支出预算执行率”的实际完成值 “-5%” 为负数，规则“正向”不接受负数，该项按 0 分计');
    expect(x?.help?.zh).toContain('允许负数 实际');
    expect(x?.data).toEqual({ name: '基本支出预算执行率', field: 'actual', text: '-5%', rule: '正向' });
    // not also reported as an unreadable value
    expect(codes(r)).not.toContain(FINDINGS.unreadableValue.code);
    expect(r.rows.find((row) => row.path[2] === '基本支出预算执行率')!.score).toBe(0);
  });

  it('JX3029 an invalid weight, named with its value, whatever kind of row', () => {
    const f = cleanFiling();
    f.rows[0]!.weight = -5; // a 单位填报 row: scores 0, left out of the sums
    f.rows.push(row('不存在的指标', '二级', '三级', '≥1项', '1项', 1e9, null)); // not in the template
    f.rows.unshift(row('预算执行率', '', '', '', '', 2e6, 10)); // the budget section's own formula: the template's 10 counts
    const xs = only(score(f), FINDINGS.invalidWeight.code).map((x) => x.message.zh);
    expect(xs).toEqual([
      '“预算执行率”的分值 2000000 无效：分值应在 0 到 10000 之间，按模板分值 10 计',
      '“基本支出预算执行率”的分值 -5 无效：分值应在 0 到 10000 之间，该行按 0 分计，分值不计入合计',
      '“三级”的分值 1000000000 无效：分值应在 0 到 10000 之间，不计入分值合计',
    ]);
    f.rows[1]!.weight = 0.0000001;
    expect(only(score(f), FINDINGS.invalidWeight.code)[1]!.message.zh).toBe('“基本支出预算执行率”的分值 1e-7 无效：小于评分能区分的 0.000001，该行按 0 分计，分值不计入合计');
  });

  it('JX3041 a parent jurisdiction’s template scored the filing: an info that names both', () => {
    const f = cleanFiling();
    // no finding when the filing's own jurisdiction has the template
    expect(codes(score(f))).not.toContain(FINDINGS.parentTemplate.code);
    const r = scoreFiling(t2023, f, [], { fallbackFrom: '甘肃/庆阳/正宁县' });
    const [x] = only(r, FINDINGS.parentTemplate.code);
    expect(x).toMatchObject({ severity: 'info', path: [] });
    expect(x?.message.zh).toBe('甘肃/庆阳/正宁县 没有 2023 年及以前的“部门整体支出”模板，按上级地区 甘肃 2023 年的模板评分');
    // the report still has no error: the scores are those of the 甘肃 template
    expect(r.total).toBe(100);
  });

  it('JX3042 a not-applicable row under 不适用 按总分折算: an info saying how the total is rescaled', () => {
    const t = t2023With(['  保留小数 2 位 四舍五入\n', '  保留小数 2 位 四舍五入\n  不适用 按总分折算\n']);
    const f = cleanFiling();
    f.rows[3] = { ...row('履职效果', '部门履职目标', '媒体宣传报道数', '/', '/', 20, null), notApplicable: true };
    f.statedTotal = 100;
    const r = score(f, t);
    const [x] = only(r, FINDINGS.notApplicable.code);
    expect(x).toMatchObject({ severity: 'info', path: ['履职效果', '部门履职目标', '媒体宣传报道数'] });
    expect(x?.message.zh).toBe('“媒体宣传报道数”不适用（分值 20），不计分；总分按适用指标折算为满分');
    // 80 of the 80 applicable points, rescaled to 100
    expect(r.total).toBe(100);
    expect(codes(r)).not.toContain(FINDINGS.notApplicableUndeclared.code);
  });

  it('JX3043 a not-applicable row the template says nothing about: 0 points and a warning', () => {
    const f = cleanFiling();
    f.rows[3] = { ...row('履职效果', '部门履职目标', '媒体宣传报道数', '/', '/', 20, null), notApplicable: true };
    f.statedTotal = 80;
    const r = score(f);
    const [x] = only(r, FINDINGS.notApplicableUndeclared.code);
    expect(x?.severity).toBe('warning');
    expect(x?.message.zh).toContain('模板没有规定不适用指标如何折算');
    expect(r.total).toBe(80);
  });

  const CHOICE = [
    '一级指标 能力建设 分值 10 分 { 单位填报 }',
    '一级指标 能力建设 分值 10 分 { 二级指标 人力资源建设 分值 10 分 { 择一 { 三级指标 人员考核合格率 分值 10 分 { 采用 正向 } 三级指标 人员培训完成率 分值 10 分 { 采用 正向 } } } }',
  ] as const;

  it('JX3044 both alternatives of 择一 filed: a warning, and the first counts once', () => {
    const t = t2023With(CHOICE);
    const f = cleanFiling();
    f.rows[5] = row('能力建设', '人力资源建设', '人员考核合格率', '≥100%', '100%', 10, 10);
    // one alternative filed: no finding
    expect(codes(score(f, t))).not.toContain(FINDINGS.choiceBothFiled.code);
    f.rows.splice(6, 0, row('能力建设', '人力资源建设', '人员培训完成率', '≥90%', '45%', 10, 5));
    const r = score(f, t);
    const [x] = only(r, FINDINGS.choiceBothFiled.code);
    expect(x).toMatchObject({ severity: 'warning', path: ['能力建设', '人力资源建设', '人员考核合格率'] });
    expect(x?.message.zh).toBe('“人员考核合格率”与“人员培训完成率”二者择一，表中填报了 “人员考核合格率”、“人员培训完成率”，按 “人员考核合格率” 计分');
    expect(r.sections.find((s) => s.name === '能力建设')!.score).toBe(10);
  });

  it('JX3045 a formula reading an input the filing does not give: an error naming it, 0 points', () => {
    const t = t2023With(
      ['  保留小数 2 位 四舍五入\n', '  保留小数 2 位 四舍五入\n  输入 全年预算调剂金额 万元\n'],
      ['得分 = 分值 * min(全年执行数 / 全年预算数, 1)', '得分 = 分值 * min(全年执行数 / 全年预算数, 1) * max(0, 1 - 10 * 全年预算调剂金额 / 年初预算数)'],
    );
    const f = cleanFiling();
    f.inputs = { 全年预算调剂金额: 2 };
    // 10 × 1 × (1 − 10 × 2 / 100) = 8
    expect(score(f, t).sections[0]!.score).toBe(8);
    delete f.inputs;
    const r = score(f, t);
    const [x] = only(r, FINDINGS.missingInput.code);
    expect(x).toMatchObject({ severity: 'error', path: ['预算执行率'] });
    expect(x?.message.zh).toBe('“预算执行率”要用表外的输入“全年预算调剂金额”，填报表中没有，该项按 0 分计');
    expect(r.sections[0]!.score).toBe(0);
  });

  it('every catalogued code is exercised above', async () => {
    const src = (await import('node:fs')).readFileSync(new URL(import.meta.url), 'utf8');
    for (const c of codesOf(FINDINGS)) expect(src, c.code).toContain(`it('${c.code}`);
  });
});

describe('the national 2020 project template', () => {
  it('scores a project filing with deadlines and the 产出 alias', () => {
    const r = score(
      {
        year: 2020,
        form: '项目支出',
        budget: { initialBudget: 20, budget: 20, spent: 18, weight: 10, statedScore: 9 },
        rows: [
          row('产出指标', '数量指标', '培训人次', '≥100人次', '120人次', 20, 20),
          row('产出', '时效指标', '完成时间', '9月前', '7月', 30, 30),
          { ...row('效益指标', '社会效益指标', '群众知晓率', '≥90%', '85%', 30, 28.33), reason: '宣传覆盖面不足，次年增加入户宣传' },
          row('满意度指标', '服务对象满意度指标', '受训人员满意度', '≥90%', '96%', 10, 10),
        ],
        statedTotal: 97.33,
      },
      t2020,
    );
    expect(r.findings).toEqual([]);
    expect(r.total).toBe(97.33);
    expect(r.grade).toBe('优');
  });
});
