// Values read as their authors meant (issue “Every score right”, part 3): stated scores at
// the template's places, deadlines as dates, units converted within one dimension, rates
// on one scale, targets of 0, strict targets, qualitative words, negative numbers.
// Every expected score is computed by hand in the comment beside it.
import { describe, expect, it } from 'vitest';
import { parse } from '@jixiao/language';
import { checkSource, checkTemplate } from '@jixiao/compiler';
import { readFileSync } from 'node:fs';
import { FINDINGS, prepareTemplate, scoreFiling, type Filing, type Report } from '../../src/index.ts';
import { prepareRow } from '../../src/score/rows.ts';
import { cleanFiling, codes, row, score, t2020, t2023 } from './helpers.ts';

const rulesFile = (rel: string) => readFileSync(new URL(`../../../../rules/${rel}`, import.meta.url), 'utf8');

/** The 2024 draft, which extends 2023. */
const t2024 = (() => {
  const r = checkSource({ file: '甘肃/2024/部门整体支出.jx', text: rulesFile('甘肃/2024/部门整体支出.jx') }, () => ({
    file: '甘肃/2023/部门整体支出.jx',
    text: rulesFile('甘肃/2023/部门整体支出.jx'),
  }));
  if (!r.template) throw new Error(JSON.stringify(r.diagnostics));
  return prepareTemplate(r.template);
})();

/** The 2023 template with another 保留小数. */
function t2023WithPlaces(places: number) {
  const src = rulesFile('甘肃/2023/部门整体支出.jx').replace('保留小数 2 位', `保留小数 ${places} 位`);
  const r = checkTemplate(parse(src).ast.templates[0]!, { file: 'places.jx' });
  if (!r.template) throw new Error(JSON.stringify(r.diagnostics));
  return prepareTemplate(r.template);
}

/**
 * The clean filing with its 10-point row 业务办理便捷程度 (履职效果) replaced by `name`
 * with this target and actual: the weights still sum to the caps, so the only findings
 * are those of the row.
 */
function withRow(name: string, target: string, actual: string, opts: { stated?: number | null; year?: number; reason?: string; t?: Parameters<typeof scoreFiling>[0] } = {}) {
  const f = cleanFiling();
  f.rows[4] = row('履职效果', '部门效果目标', name, target, actual, 10, opts.stated ?? null);
  if (opts.reason) f.rows[4]!.reason = opts.reason;
  if (opts.year !== undefined) f.year = opts.year;
  else delete f.year;
  delete f.statedTotal;
  const r = scoreFiling(opts.t ?? t2023, f);
  const rep = r.rows.find((x) => x.path[2] === name)!;
  return { report: r, row: rep, codes: r.findings.filter((x) => x.path[2] === name).map((x) => x.code), findings: r.findings.filter((x) => x.path[2] === name) };
}

const only = (r: Report, code: string) => r.findings.filter((f) => f.code === code);

describe('stated scores are compared at the template’s 保留小数 places', () => {
  const budget = (statedScore: number): Filing['budget'] => ({ initialBudget: 100, budget: 100, spent: 86.23, weight: 10, statedScore });

  it('3 places: a stated 8.62 against the budget row’s 8.623 is JX3004', () => {
    const f = cleanFiling();
    f.budget = budget(8.62);
    f.statedTotal = null;
    const r = scoreFiling(t2023WithPlaces(3), f);
    // 10 × min(86.23 / 100, 1) = 8.623, kept at 3 places
    expect(r.rows[0]!.score).toBe(8.623);
    expect(only(r, FINDINGS.statedScoreDiffers.code).map((x) => x.message.zh)).toEqual(['预算执行率填报得分 8.62，按规则应为 8.623 (86.23 / 100)']);
  });

  it('2 places: the same row computes 8.62, and the stated 8.62 equals it', () => {
    const f = cleanFiling();
    f.budget = budget(8.62);
    f.statedTotal = null;
    const r = scoreFiling(t2023WithPlaces(2), f);
    // 8.623 rounded half-up at 2 places = 8.62
    expect(r.rows[0]!.score).toBe(8.62);
    expect(codes(r)).not.toContain(FINDINGS.statedScoreDiffers.code);
  });

  it('rows: 86.23% of ≥100% is 8.623 at 3 places (a stated 8.62 differs) and 8.62 at 2 (it agrees)', () => {
    // 10 × min(86.23 / 100, 1) = 8.623
    const three = withRow('完成进度', '≥100%', '86.23%', { stated: 8.62, t: t2023WithPlaces(3), reason: '进度滞后' });
    expect(three.row.score).toBe(8.623);
    expect(three.codes).toEqual([FINDINGS.statedScoreDiffers.code]);
    const two = withRow('完成进度', '≥100%', '86.23%', { stated: 8.62, reason: '进度滞后' });
    expect(two.row.score).toBe(8.62);
    expect(two.codes).toEqual([]);
  });

  it('sections: a stated subtotal is compared with the section’s score at the template’s places', () => {
    const f = cleanFiling();
    f.sections = [{ name: '部门管理', statedCap: 20, statedScore: 19.999 }];
    // 部门管理 = 10 + 10 = 20; 19.999 differs by 0.001: within half a cent (2 places), not within 0.0005 (3 places)
    expect(codes(score(f))).not.toContain(FINDINGS.statedScoreDiffers.code);
    const [x] = only(scoreFiling(t2023WithPlaces(3), f), FINDINGS.statedScoreDiffers.code);
    expect(x?.path).toEqual(['部门管理']);
    expect(x?.message.zh).toBe('一级指标 “部门管理” 填报得分 19.999，按规则应为 20');
  });

  it('total: a stated 99.999 against 100 differs at 3 places only', () => {
    const f = cleanFiling();
    f.statedTotal = 99.999;
    expect(codes(score(f))).not.toContain(FINDINGS.statedTotalVsComputed.code);
    expect(codes(scoreFiling(t2023WithPlaces(3), f))).toContain(FINDINGS.statedTotalVsComputed.code);
  });

  it('the report carries the places it was compared at', () => {
    expect(score(cleanFiling()).template).toEqual({ name: '部门整体支出', year: 2023, region: '甘肃', decimals: 2 });
  });
});

describe('deadlines are dates: the year counts, 9月底 is the end of September', () => {
  it('2024年3月 against 2023年12月底前 is late: 0 and a missed target', () => {
    const r = withRow('决算报送', '2023年12月底前', '2024年3月');
    // 2024-03-31 > 2023-12-31: 时效 gives 0
    expect(r.row.score).toBe(0);
    expect(r.row.met).toBe(false);
    expect(r.codes).toEqual([FINDINGS.missingReason.code]);
    expect(r.row.explain).toContain('2023-12-31');
    expect(r.row.explain).toContain('2024-03-31');
  });

  it.each([
    // target, actual, on time?
    ['9月底', '9月15日', true],
    ['9月30日前', '9月15日', true],
    ['9月', '9月15日', true],
    ['年底前', '9月15日', true],
    ['第三季度', '9月15日', true],
    ['第三季度', '10月1日', false],
    ['上半年', '9月15日', false],
    ['上半年', '6月30日', true],
    ['9月中旬', '9月20日', true],
    ['9月上旬', '9月11日', false],
    ['2023-09-30', '2023/9/15', true],
    ['2023年底前', '2023年', true],
    // an actual of a month alone is read as its last day
    ['7月底', '7月', true],
    ['7月31日前', '7月', true],
    ['6月底', '7月', false],
  ])('%s against %s: on time %s', (target, actual, onTime) => {
    const r = withRow('报送', target, actual, { year: 2023 });
    // 时效: 如果 实际 <= 目标 则 10 否则 0
    expect(r.row.score).toBe(onTime ? 10 : 0);
    expect(r.row.met).toBe(onTime);
  });

  it('a deadline without a year is in the filing’s year, else the template’s', () => {
    // 12月底前 of 2023 = 2023-12-31 < 2024-01-31: late
    expect(withRow('报送', '12月底前', '2024年1月', { year: 2023 }).row.score).toBe(0);
    // 12月底前 of 2024 = 2024-12-31 ≥ 2024-01-31: on time
    expect(withRow('报送', '12月底前', '2024年1月', { year: 2024 }).row.score).toBe(10);
    // no filing year: the template's, 2023
    expect(withRow('报送', '12月底前', '2024年1月').row.score).toBe(0);
  });

  it('2月底 follows leap years', () => {
    // 2024-02-29 is in February 2024 (leap); 2023 has no 29 February, so 2月29日 is not a date there
    expect(withRow('报送', '2月底', '2月29日', { year: 2024 }).row.score).toBe(10);
    expect(withRow('报送', '2023年2月底', '2023年2月29日').codes).toContain(FINDINGS.unreadableValue.code);
  });
});

describe('units of one dimension convert; units of two never compare', () => {
  it('≥200000元 against 15万元 scores 7.5 of 10', () => {
    const r = withRow('培训经费', '≥200000元', '15万元', { reason: '部分培训延期' });
    // 15万元 = 150000元; 150000 / 200000 × 10 = 7.5
    expect(r.row.score).toBe(7.5);
    expect(r.codes).toEqual([]);
    expect(r.row.explain).toContain('15万元 = 150000元');
  });

  it.each([
    // target, actual, score (weight 10)
    // 2.5公里 = 2500米 ≥ 2000米: full
    ['≥2000米', '2.5公里', 10],
    // 30亩 = 30 × 10000/15 ㎡ = 20000㎡ = 2公顷: met exactly, full
    ['≥2公顷', '30亩', 10],
    // 1.5吨 = 1500公斤; 1500 / 2000 × 10 = 7.5
    ['≥2000公斤', '1.5吨', 7.5],
    // 3周 = 21天; 21 / 28 × 10 = 7.5
    ['≥28天', '3周', 7.5],
    // 1.2万人次 = 12000人次; 12000 / 16000 × 10 = 7.5
    ['≥16000人次', '1.2万人次', 7.5],
    // 15万 = 150000 of the target's 元
    ['≥200000元', '15万', 7.5],
    // a bare actual is in the target's unit: 6 / 8 × 10 = 7.5
    ['≥8项', '6', 7.5],
    // ≤ 500元/人 against 0.06万元/人 = 600元/人: 反向 500 / 600 × 10 = 8.33
    ['≤500元/人', '0.06万元/人', 8.33],
  ])('%s against %s scores %s', (target, actual, expected) => {
    const r = withRow('数量', target, actual, { reason: '说明' });
    expect(r.row.score).toBe(expected);
    expect(r.codes).toEqual([]);
  });

  it.each([
    ['≥200人', '230人次'],
    ['≥5项', '6个'],
    ['≥30天', '1个月'],
    ['≥90%', '95人'],
    ['≥100米', '100平方米'],
  ])('%s against %s is JX3025 and the row is not scored', (target, actual) => {
    const r = withRow('数量', target, actual);
    expect(r.codes).toEqual([FINDINGS.unitMismatch.code]);
    expect(r.findings[0]!.severity).toBe('error');
    // never the bare numbers compared (230 ≥ 200 would be full marks)
    expect(r.row.score).toBe(0);
    expect(r.row.met).toBeNull();
  });
});

describe('rates: target and actual on one scale together', () => {
  it.each([
    // both bare and ≤ 2: fractions, 100% and 105%: met, full
    ['≥1', '1.05', 10, true],
    // bare 0.98 beside 95%: 98% (nearer 95 than 0.98%)
    ['≥95%', '0.98', 10, true],
    // bare 1.05 beside 100%: 105%, not 1.05%
    ['≥100%', '1.05', 10, true],
    // bare 0.9 beside ≥1: 90% of 100%: 10 × 0.9 = 9
    ['≥1', '0.9', 9, false],
    // bare 95 beside ≥0.9: 95 is a percentage (above 2), 0.9 reads as 90% beside it: met
    ['≥0.9', '95', 10, true],
    // ≤2% against a bare 1: 1% (half the target) rather than 100% (fifty times it): met
    ['≤2%', '1', 10, true],
  ])('target %s, actual %s → %s', (target, actual, expected, met) => {
    const r = withRow('任务完成率', target, actual, { reason: '说明' });
    expect(r.row.score).toBe(expected);
    expect(r.row.met).toBe(met);
  });
});

describe('a target of 0 never divides by zero', () => {
  it('正向 ≥0项 with 3项: full marks (2020, 2023, 2024)', () => {
    for (const t of [t2023, t2024]) {
      const r = withRow('新增课题', '≥0项', '3项', { t });
      // 3 ≥ 0: 如果 实际 >= 目标 则 权重 → 10
      expect(r.row.score).toBe(10);
      expect(r.codes).toEqual([]);
    }
    const f: Filing = { year: 2020, budget: { initialBudget: 1, budget: 1, spent: 1 }, rows: [row('产出指标', '数量指标', '新增课程', '≥0项', '3项', 50, null)] };
    expect(scoreFiling(t2020, f).rows.find((x) => x.path[2] === '新增课程')!.score).toBe(50);
  });

  it('2024 keeps the 2023 meaning of “= 0”: 实际 ≤ 0 full, otherwise 0, no JX3015', () => {
    for (const t of [t2023, t2024]) {
      expect(withRow('安全事故', '=0起', '0起', { t }).row.score).toBe(10);
      const two = withRow('违纪违规', '=0次', '2次', { t, reason: '已整改' });
      expect(two.row.score).toBe(0);
      expect(two.codes).toEqual([]);
    }
  });
});

describe('strict targets: at the boundary the target is not met, and the explanation says so', () => {
  it('<5% with 5%: 严格反向 takes its not-met branch, a missed target without a reason is JX3028', () => {
    const r = withRow('投诉率', '<5%', '5%');
    // not met: 10 × min(5 / 5, 1) = 10 — the full weight by monotonicity, but through the not-met branch
    expect(r.row.score).toBe(10);
    expect(r.row.met).toBe(false);
    expect(r.row.explain).toMatch(/^严格反向: 实际 5 ≥ 目标 5 → 10 × min\(5 \/ 5, 1\) = 10/);
    expect(r.codes).toEqual([FINDINGS.missingReason.code]);
  });

  it('>90% with 90%: 严格正向 likewise', () => {
    const r = withRow('任务完成率', '>90%', '90%');
    expect(r.row.score).toBe(10);
    expect(r.row.met).toBe(false);
    expect(r.row.explain).toMatch(/^严格正向: 实际 90 ≤ 目标 90 → 10 × min\(90 \/ 90, 1\) = 10/);
    expect(r.codes).toEqual([FINDINGS.missingReason.code]);
  });

  it('>0项 with 0项: not met, 0 and no division by zero; <0起 with 0起 likewise', () => {
    for (const [target, actual] of [
      ['>0项', '0项'],
      ['<0起', '0起'],
    ] as const) {
      const r = withRow('数量', target, actual);
      expect(r.row.score).toBe(0);
      expect(r.row.met).toBe(false);
      expect(r.codes).toEqual([FINDINGS.missingReason.code]);
    }
  });

  it('inclusive targets at their boundary are met, and no reason is asked', () => {
    for (const [target, actual] of [
      ['≤5%', '5%'],
      ['≥90%', '90%'],
      ['<5%', '4.99%'],
      ['>90%', '90.01%'],
      ['=100%', '100%'],
    ] as const) {
      const r = withRow('任务完成率', target, actual);
      expect(r.row.score).toBe(10);
      expect(r.row.met).toBe(true);
      expect(r.codes).toEqual([]);
    }
  });

  it('JX3028 follows whether the target was met, not the score: a top-tier word with 9 of 10 is met', () => {
    // 健全 against 健全 is the top tier (80%–100%); the unit scored itself 9: in the tier, target met
    const r = withRow('制度健全性', '健全', '健全', { stated: 9 });
    expect(r.row.score).toBe(9);
    expect(r.row.met).toBe(true);
    expect(r.codes).toEqual([]);
  });

  it('“= x” exceeded is a deviation, named as such', () => {
    const r = withRow('会议次数', '=12次', '13次');
    // 等于: 10 × min(13 / 12, 1) = 10, but 13 ≠ 12
    expect(r.row.score).toBe(10);
    expect(r.row.met).toBe(false);
    expect(r.findings[0]!.message.zh).toContain('与目标不一致');
  });

  it('a row in error is to be corrected, not explained: no JX3028 beside JX3009', () => {
    const r = withRow('服务满意度', '≥90%', '500%');
    expect(r.codes).toEqual([FINDINGS.impossibleRate.code]);
  });
});

describe('qualitative words map by polarity: the negative word is the lowest tier', () => {
  it('目标 是、实际 否: the lowest tier, at its midpoint without a stated score', () => {
    const r = withRow('是否建立制度', '是', '否');
    // 未达成 0%–60%, no stated score: midpoint 30%; 10 × 0.3 = 3
    expect(r.row.score).toBe(3);
    expect(r.row.met).toBe(false);
    expect(r.codes).toEqual([FINDINGS.missingReason.code]);
    expect(r.row.explain).toContain('档次 未达成');
  });

  it('with a stated score, it must lie in that tier (JX3006 otherwise)', () => {
    expect(withRow('是否建立制度', '是', '否', { stated: 0, reason: '未建立' }).codes).toEqual([]);
    // 8 / 10 = 80% is not in 0%–60%: clamped to the tier's top, 60% → 6
    const r = withRow('是否建立制度', '是', '否', { stated: 8, reason: '未建立' });
    expect(r.codes).toEqual([FINDINGS.qualitativeTier.code]);
    expect(r.row.score).toBe(6);
  });

  it.each([
    ['是', '是'],
    ['达到', '达到'],
    ['达到', '完成'],
    ['完成', '已完成'],
    ['有', '有'],
    ['无', '无'],
    ['合格', '合格'],
    ['符合', '符合'],
    ['达成', '达成'],
    ['按时完成', '按时完成'],
  ])('target %s, actual %s: the top tier, full marks', (target, actual) => {
    const r = withRow('定性', target, actual);
    expect(r.row.score).toBe(10);
    expect(r.row.met).toBe(true);
    expect(r.codes).toEqual([]);
  });

  it.each([
    ['是', '否'],
    ['达到', '未达到'],
    ['完成', '未完成'],
    ['已完成', '未完成'],
    ['有', '无'],
    ['无', '有'],
    ['达成', '未达成'],
    ['符合', '不符合'],
    ['合格', '不合格'],
    ['按时完成', '未按时完成'],
  ])('target %s, actual %s: the lowest tier', (target, actual) => {
    const r = withRow('定性', target, actual, { stated: 0, reason: '说明' });
    expect(r.row.score).toBe(0);
    expect(r.row.met).toBe(false);
    expect(r.codes).toEqual([]);
    expect(r.row.explain).toContain('档次 未达成');
  });

  it('a word that says nothing about the target is still JX3017', () => {
    expect(withRow('定性', '是', '还行吧').codes).toEqual([FINDINGS.noRule.code]);
  });
});

describe('negative numbers are numbers', () => {
  it.each([
    ['≥-5%', '−3%', -5, -3],
    ['≤-30%', '-30%', -30, -30],
    // both bare and of size ≤ 2 in a rate row: fractions, −200% and −100%
    ['≥－2', '－1', -200, -100],
  ])('%s against %s: passed on as %s and %s, with no finding of the engine’s own', (target, actual, tv, av) => {
    const p = prepareRow(row('部门管理', '资金投入', '成本变动率', target, actual, 10, null), ['部门管理', '资金投入', '成本变动率'], t2023.checked, { year: 2023 });
    expect(p.input).toMatchObject({ target: tv, actual: av });
    expect(p.findings).toEqual([]);
  });

  it('−3万元 against ≥−50000元 outside rates: −30000元 against −50000元', () => {
    const p = prepareRow(row('部门管理', '资金投入', '结余', '≥-50000元', '−3万元', 10, null), ['部门管理', '资金投入', '结余'], t2023.checked, { year: 2023 });
    expect(p.input).toMatchObject({ target: -50000, actual: -30000 });
    expect(p.findings).toEqual([]);
  });

  it('a rule that does not take negative numbers says so, naming the values (not “cannot be read”)', () => {
    const r = withRow('结余', '≥-50000元', '−3万元');
    // the official 正向 works on 实际, 目标 ≥ 0: the evaluator refuses the input, 0 分
    expect(r.row.score).toBe(0);
    expect(r.codes).toEqual([FINDINGS.negativeValue.code]);
    expect(r.findings[0]!.message.zh).toBe('“结余”的实际完成值 “−3万元” 为负数，规则“正向”不接受负数，该项按 0 分计');
  });
});
