import { describe, expect, it } from 'vitest';
import { BASE, checkSource, codes, posOf } from '../../../test/support/jx.ts';
import { codesOf } from '@jixiao/language';
import { CODES } from '../src/index.ts';

function mutate(from: string, to: string, base = BASE): string {
  if (!base.includes(from)) throw new Error(`BASE lacks ${from}`);
  return base.replace(from, to);
}

/** Assert one diagnostic with `code` starts at the `nth` occurrence of `at` and quotes `quotes`. */
function expectDiag(src: string, code: string, at: string, quotes: string[], nth = 1) {
  const { diagnostics, template } = checkSource(src);
  const hits = diagnostics.filter((d) => d.code === code);
  expect(hits.length, `${code} in ${JSON.stringify(diagnostics.map((d) => [d.code, d.message.zh]))}`).toBeGreaterThan(0);
  const pos = posOf(src, at, nth);
  const d = hits.find((h) => h.range.start.line === pos.line && h.range.start.column === pos.column);
  expect(d, `${code} at ${pos.line}:${pos.column}; got ${JSON.stringify(hits.map((h) => [h.range.start, h.message.zh]))}`).toBeDefined();
  for (const qt of quotes) expect(d!.message.zh).toContain(qt);
  expect(d!.message.en.length).toBeGreaterThan(0);
  expect(d!.help?.zh.length).toBeGreaterThan(0);
  expect(d!.file).toBe('test.jx');
  expect(d!.severity).toBe('error');
  if (d!.severity === 'error') expect(template).toBeNull();
  return d!;
}

describe('checkTemplate on the base template', () => {
  it('accepts it and builds the model', () => {
    const r = checkSource(BASE);
    expect(r.diagnostics).toEqual([]);
    const t = r.template!;
    expect(t.total).toEqual({ value: 100, text: '100' });
    expect(t.decimals).toBe(2);
    expect(t.rules.map((x) => x.name)).toEqual(['正向', '定性']);
    expect(t.sections.map((s) => [s.id, s.name, s.kind])).toEqual([
      [0, '预算执行率', 'formula'],
      [1, '部门管理', 'filled'],
      [2, '履职效果', 'filled'],
    ]);
    expect(t.tiers.map((x) => [x.name, x.lo.text, x.hi.text])).toEqual([
      ['达成', '0.8', '1'],
      ['部分达成', '0.6', '0.8'],
      ['未达成', '0', '0.6'],
    ]);
    expect(t.grades[0]).toEqual({ name: '优', lo: 90, loClosed: true, hi: Infinity, hiClosed: false });
    expect(t.proofs.filter((p) => p.subject === 'rule').every((p) => p.proven)).toBe(true);
    expect(t.proofs.find((p) => p.name === '正向')).toMatchObject({ formula: '得分 = 权重 * min(实际 / 目标, 1)', interval: '[0, 1]×权重' });
  });

  it('has a unique code per check, all titled in both languages', () => {
    const all = codesOf(CODES);
    expect(new Set(all.map((c) => c.code)).size).toBe(all.length);
    for (const c of all) expect(c.title.zh && c.title.en).toBeTruthy();
  });
});

describe('each diagnostic code', () => {
  it('JX2001 unknown variable, and a budget variable in a rule', () => {
    const src = mutate('min(实际 / 目标, 1)', 'min(实绩 / 全年预算数, 1)');
    expectDiag(src, CODES.unknownVariable.code, '实绩', ['实绩']);
    expectDiag(src, CODES.unknownVariable.code, '全年预算数, 1)', ['全年预算数', '规则公式']);
    // both reported in one pass
    expect(codes(checkSource(src).diagnostics).filter((c) => c === 'JX2001')).toHaveLength(2);
  });

  it('JX2002 duplicate sibling section', () => {
    const src = mutate('一级指标 履职效果', '一级指标 部门管理');
    expectDiag(src, CODES.duplicateSection.code, '部门管理', ['部门管理'], 2);
  });

  it('JX2003 duplicate rule', () => {
    const src = mutate('规则 定性 适用 定性', '规则 正向 适用 定性');
    expectDiag(src, CODES.duplicateRule.code, '正向', ['正向'], 2);
  });

  it('JX2004 duplicate grade', () => {
    const src = mutate('中 >= 60 分', '良 >= 60 分');
    expectDiag(src, CODES.duplicateGrade.code, '良', ['良'], 2);
  });

  it('JX2005 duplicate tier alias', () => {
    const src = mutate('部分达成 60%..80%', '部分达成 60%..80% 别名 达成预期指标');
    expectDiag(src, CODES.duplicateTier.code, '达成预期指标', ['达成预期指标'], 2);
  });

  it('JX2006 a second 总分', () => {
    const src = mutate('  保留小数', '  总分 100 分\n  保留小数');
    expectDiag(src, CODES.duplicateItem.code, '总分', ['总分'], 2);
  });

  it('JX2007 missing 总分', () => {
    const src = mutate('  总分 100 分\n', '');
    expectDiag(src, CODES.missingTotal.code, '部门整体支出', ['部门整体支出', '总分']);
  });

  it('JX2008 unknown rule in 采用', () => {
    const src = mutate('{ 单位填报 }\n  一级指标 履职效果', '{ 单位填报 采用 反向 }\n  一级指标 履职效果');
    expectDiag(src, CODES.unknownRule.code, '反向', ['反向', '部门管理']);
  });

  it('JX2009 a shape claimed by two rules', () => {
    const src = mutate('规则 定性 适用 定性', '规则 定性 适用 定性, >=');
    expectDiag(src, CODES.shapeClaimedTwice.code, '定性', ['>=', '正向', '定性'], 2);
  });

  it('JX2010 总分 100 项, weights in %, tiers in 分', () => {
    expectDiag(mutate('总分 100 分', '总分 100 项'), CODES.declUnit.code, '100 项', ['100 项', '分']);
    expectDiag(mutate('分值 20 分', '分值 20%'), CODES.declUnit.code, '20%', ['部门管理', '20%']);
    expectDiag(mutate('部分达成 60%..80%', '部分达成 60 分..80%'), CODES.declUnit.code, '60 分..80%', ['部分达成', '60 分']);
  });

  it('JX2011 adding 分 to a ratio', () => {
    const src = mutate('min(实际 / 目标, 1)', 'min(实际 / 目标 + 5 分, 1)');
    expectDiag(src, CODES.formulaUnit.code, '实际 / 目标 + 5 分', ['实际 / 目标 + 5 分', '分', '比值']);
  });

  it('JX2037 a percentage against the row’s figures (92% reads 92): compared, added, in min/max or dividing', () => {
    const rule = (f: string) => mutate('min(实际 / 目标, 1)', f);
    expectDiag(rule('min(实际 / 90%, 1)'), CODES.percentOfRow.code, '实际 / 90%', ['实际 / 90%', '92', '0.9']);
    expectDiag(rule('(如果 实际 >= 90% 则 1 否则 0)'), CODES.percentOfRow.code, '实际 >= 90%', ['实际 >= 90%']);
    expectDiag(rule('min(实际 - 目标 + 5%, 1)'), CODES.percentOfRow.code, '实际 - 目标 + 5%', ['5%', '0.05']);
    expectDiag(rule('min(min(实际, 100%) / 目标, 1)'), CODES.percentOfRow.code, 'min(实际, 100%)', ['100%', '1']);
    // ratios, scalings and tier fractions are what percentages are for
    for (const ok of [
      'min(实际 / 目标, 90%)',
      '(如果 实际 / 目标 >= 90% 则 1 否则 0)',
      '(如果 实际 <= 目标 * 130% 则 1 否则 0)',
      '(如果 max(实际 - 目标, 目标 - 实际) <= 目标 * 10% 则 1 否则 0)',
    ])
      expect(codes(checkSource(rule(ok)).diagnostics), ok).toEqual([]);
    expect(codes(checkSource(mutate('得分 = 权重 * 完成比例', '得分 = 如果 完成比例 >= 60% 则 权重 * 完成比例 否则 0 分')).diagnostics)).toEqual([]);
  });

  it('JX2012 fixed child weights against the parent, exactly', () => {
    const src = mutate(
      '一级指标 部门管理 分值 20 分 { 单位填报 }',
      '一级指标 部门管理 分值 20 分 { 二级指标 预算管理 分值 15 分 { 单位填报 } 二级指标 资产管理 分值 10 分 { 单位填报 } }',
    );
    expectDiag(src, CODES.childWeights.code, '部门管理', ['15 + 10', '25', '≠ 20']);
    // ten children of 0.1 sum to exactly 1
    const tenths = Array.from({ length: 10 }, (_, i) => `二级指标 子${'甲乙丙丁戊己庚辛壬癸'[i]} 分值 0.1 分 { 单位填报 }`).join(' ');
    const ok = mutate('一级指标 部门管理 分值 20 分 { 单位填报 }\n  一级指标 履职效果 分值 70 分', `一级指标 部门管理 分值 1 分 { ${tenths} }\n  一级指标 履职效果 分值 89 分`);
    expect(checkSource(ok).diagnostics).toEqual([]);
  });

  it('JX2013 caps against the total (110 ≠ 100)', () => {
    const src = mutate('履职效果 分值 70 分', '履职效果 分值 80 分');
    const d = expectDiag(src, CODES.capsVsTotal.code, '100 分', ['10 + 20 + 80', '110', '≠ 总分 100']);
    // the values the message cites, as data beside it
    expect(d.data).toEqual({ parts: ['10', '20', '80'], sum: '110', total: '100' });
  });

  it('JX2014 an unreachable grade and overlapping ranges', () => {
    expectDiag(mutate('良 >= 80 分', '良 >= 95 分'), CODES.gradeOverlap.code, '良 >= 95', ['良']);
    const ranges = mutate('优 >= 90 分; 良 >= 80 分; 中 >= 60 分; 差', '优 >= 90 分; 良 75..90 分; 中 60..80 分; 差 < 60 分');
    expectDiag(ranges, CODES.gradeOverlap.code, '中 60..80', ['中', '良']);
  });

  it('JX2015 a gap between grades', () => {
    const src = mutate('优 >= 90 分; 良 >= 80 分; 中 >= 60 分; 差', '优 >= 90 分; 良 70..90 分; 差 < 60 分');
    expectDiag(src, CODES.gradeGap.code, '等级', ['[60, 70)']);
  });

  it('JX2016 overlapping tiers', () => {
    const src = mutate('部分达成 60%..80%', '部分达成 60%..85%');
    expectDiag(src, CODES.tierOverlap.code, '达成 80%', ['达成', '80%', '85%']);
  });

  it('JX2017 tiers that do not cover 0–100%', () => {
    const src = mutate('未达成 0%..60%', '未达成 10%..60%');
    expectDiag(src, CODES.tierGap.code, '定性分档', ['0%–10%']);
  });

  it('JX2018 a qualitative rule without tiers', () => {
    const src = mutate('  定性分档 { 达成 80%..100% 别名 达成预期指标; 部分达成 60%..80%; 未达成 0%..60% }\n', '');
    expectDiag(src, CODES.qualitativeNoTiers.code, '定性', ['定性', '定性分档'], 1);
  });

  it('JX2019 deductions without a floor name the reachable interval', () => {
    const src = mutate(' 总分不低于 0 分', '');
    expectDiag(src, CODES.deductionNoFloor.code, '扣分', ['审计问题', '[-10, 100]']);
  });

  it('JX2020 rounding places outside 0..6', () => {
    expectDiag(mutate('保留小数 2 位', '保留小数 7 位'), CODES.roundingPlaces.code, '7', ['7']);
  });

  it('JX2021 the unclamped 正向 formula is rejected with its interval', () => {
    const src = mutate('min(实际 / 目标, 1)', '(实际 / 目标)');
    const d = expectDiag(src, CODES.unbounded.code, '得分 = 权重 * (实际', ['权重 * (实际 / 目标)', '[0, +∞)×权重', '[0, 权重]']);
    expect(d.help!.zh).toContain('min(实际 / 目标, 1)');
  });

  it('JX2021 a section formula checked against its concrete weight', () => {
    const src = mutate('分值 * min(全年执行数 / 全年预算数, 1)', '分值 * min(全年执行数 / 全年预算数, 1) + 2 分');
    expectDiag(src, CODES.unbounded.code, '得分 = 分值', ['[0, 1]×分值 + [2, 2] = [2, 12]', '超出 [0, 10]']);
  });

  it('JX2022 a section with a formula and 单位填报', () => {
    const src = mutate('{ 单位填报 }\n  一级指标 履职效果', '{ 单位填报; 得分 = 分值 }\n  一级指标 履职效果');
    expectDiag(src, CODES.sectionConflict.code, '部门管理', ['部门管理', '得分公式', '单位填报']);
  });

  it('JX2023 a level-3 indicator directly under level 1', () => {
    const src = mutate('一级指标 部门管理 分值 20 分 { 单位填报 }', '一级指标 部门管理 分值 20 分 { 三级指标 预算 分值 20 分 { 单位填报 } }');
    expectDiag(src, CODES.levelNesting.code, '预算 分值', ['预算', '三级指标', '二级指标']);
  });

  it('JX2024 duplicate deduction', () => {
    const src = mutate('  扣分 审计问题', '  扣分 审计问题 合计最多 5 分 总分不低于 0 分\n  扣分 审计问题');
    expectDiag(src, CODES.duplicateDeduction.code, '审计问题', ['审计问题'], 2);
  });

  it('JX2025 a condition used as a number', () => {
    const src = mutate('min(实际 / 目标, 1)', 'min(实际 >= 目标, 1)');
    expectDiag(src, CODES.typeMismatch.code, '实际 >= 目标', ['实际 >= 目标']);
  });

  it('JX2026 a formula that yields a ratio, not points', () => {
    const src = mutate('得分 = 权重 * min(实际 / 目标, 1)', '得分 = min(实际 / 目标, 1)');
    expectDiag(src, CODES.scoreNotPoints.code, '得分 = min', ['min(实际 / 目标, 1)', '[0, 1]']);
  });

  it('JX2027 an empty tier range', () => {
    const d = expectDiag(mutate('部分达成 60%..80%', '部分达成 80%..60%'), CODES.invalidValue.code, '部分达成', ['部分达成', '80%']);
    expect(d.data).toEqual({ kind: 'tierRange', name: '部分达成', low: '80%', high: '60%', percent: true });
    // both languages cite the bounds as written, with their unit
    expect(d.message.en).toBe('tier “部分达成”: 80%..60% is not a non-empty part of 0%–100%');
  });

  it('JX2028 a floor above the total', () => {
    expectDiag(mutate('总分不低于 0 分', '总分不低于 120 分'), CODES.floorOutOfRange.code, '120 分', ['120', '[0, 100]']);
  });

  it('collects many diagnostics in one pass', () => {
    let src = mutate('总分 100 分', '总分 100 项');
    src = mutate('min(实际 / 目标, 1)', '(实际 / 目标)', src);
    src = mutate(' 总分不低于 0 分', '', src);
    src = mutate('未达成 0%..60%', '未达成 10%..60%', src);
    const cs = codes(checkSource(src).diagnostics);
    expect(cs).toEqual(expect.arrayContaining(['JX2010', 'JX2021', 'JX2019', 'JX2017']));
  });
});

describe('numbers too large for exact arithmetic (found by the template fuzzer)', () => {
  it('rejects a 350-digit 每项最多 and an infinite literal with JX2027 at the number', () => {
    const big = '4' + '0'.repeat(350);
    const src = `模板 X 2023 { 总分 100 分 一级指标 A 分值 100 分 { 得分 = min(分值, ${big}) } 扣分 审计 每项最多${big} 分 合计最多 10 分 总分不低于 0 分 }`;
    const r = checkSource(src);
    expect(r.template).toBeNull();
    const ds = r.diagnostics.filter((d) => d.code === 'JX2027');
    expect(ds).toHaveLength(2);
    expect(ds[1]!.range.start.column).toBe(src.indexOf('每项最多') + 5);
    expect(ds[0]!.message.zh).toContain('过大');
  });
});

// A fix (Diagnostic.fixes) is data the playground offers as a quick fix: applied to the
// text, it must remove the error it is attached to, and leave no other error behind.
describe('fixes offered with a diagnostic', () => {
  const apply = (src: string, edits: { range: { start: { offset: number }; end: { offset: number } }; text: string }[]) =>
    [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset).reduce((s, e) => s.slice(0, e.range.start.offset) + e.text + s.slice(e.range.end.offset), src);
  const fixesOf = (src: string, code: string) => checkSource(src).diagnostics.find((d) => d.code === code)?.fixes ?? [];
  const eachFixChecks = (src: string, code: string) => {
    const fixes = fixesOf(src, code);
    expect(fixes.length).toBeGreaterThan(0);
    for (const f of fixes) expect(checkSource(apply(src, f.edits)).diagnostics, f.title.zh).toEqual([]);
    return fixes;
  };

  it('JX2021: the unclamped branch of 正向 gets the simplest clamp, 权重 * min(实际 / 目标, 1), and the message says it in words', () => {
    const src = mutate('得分 = 权重 * min(实际 / 目标, 1)', '得分 = 如果 实际 >= 目标 则 权重 否则 权重 * 实际 / 目标');
    const d = checkSource(src).diagnostics.find((x) => x.code === CODES.unbounded.code)!;
    expect(d.message.zh).toMatch(/^得分可能超出 0 到权重的范围：当 “实际 >= 目标” 不成立时，得分按 “权重 \* 实际 \/ 目标” 计算，其中 “实际 \/ 目标” 可能大于 1，得分没有上限/);
    const fixes = eachFixChecks(src, CODES.unbounded.code);
    expect(fixes.map((f) => [f.title.zh, f.edits.map((e) => e.text)])).toEqual([['改为 权重 * min(实际 / 目标, 1)', ['权重 * min(实际 / 目标, 1)']]]);
    // only the branch is replaced: the edit covers `权重 * 实际 / 目标`, nothing else
    const e = fixes[0]!.edits[0]!;
    expect(src.slice(e.range.start.offset, e.range.end.offset)).toBe('权重 * 实际 / 目标');
    expect(d.help!.zh).toContain('把 “权重 * 实际 / 目标” 改为 “权重 * min(实际 / 目标, 1)”');
  });

  it('JX2021: a section formula over its concrete weight is clamped as a whole when no ratio is to blame', () => {
    const src = mutate('得分 = 分值 * min(全年执行数 / 全年预算数, 1)', '得分 = 分值 * min(全年执行数 / 全年预算数, 1) + 2 分');
    expect(eachFixChecks(src, CODES.unbounded.code).map((f) => f.edits[0]!.text)).toEqual(['min(分值 * min(全年执行数 / 全年预算数, 1) + 2 分, 分值)']);
  });

  it('JX2021: a ratio already held to 1 is not blamed; with 允许负数 the fault said is the negative score', () => {
    const src = `模板 项目支出 2021 {
  总分 100 分
  保留小数 2 位 四舍五入
  等级 { 优 >= 90 分; 差 }
  规则 反向 适用 <= 允许负数 实际, 目标 { 得分 = 如果 实际 <= 目标 则 权重 否则 权重 * min(目标 / 实际, 1) }
  一级指标 预算执行率 分值 10 分 { 得分 = 分值 * min(全年执行数 / 全年预算数, 1) }
  一级指标 产出 分值 90 分 { 单位填报 }
}
`;
    const d = checkSource(src).diagnostics.find((x) => x.code === CODES.unbounded.code)!;
    expect(d.message.zh).not.toContain('可能大于 1');
    expect(d.message.zh).toContain('得分可能为负数');
    expect(d.data).not.toHaveProperty('ratio');
    expect(eachFixChecks(src, CODES.unbounded.code).map((f) => f.edits[0]!.text)).toEqual(['权重 * max(min(目标 / 实际, 1), 0)']);
  });

  it('JX2026: a ratio becomes points by the weight, clamped', () => {
    const src = mutate('得分 = 权重 * min(实际 / 目标, 1)', '得分 = 实际 / 目标');
    expect(eachFixChecks(src, CODES.scoreNotPoints.code).map((f) => f.edits[0]!.text)).toEqual(['权重 * min(实际 / 目标, 1)']);
  });

  it('JX2013: the total takes the sum, or one cap takes up the difference; the caps are related places', () => {
    const src = mutate('履职效果 分值 70 分', '履职效果 分值 80 分');
    const fixes = eachFixChecks(src, CODES.capsVsTotal.code);
    // 10 + 20 + 80 = 110 against 100: 总分 110, or 预算执行率 0, 部门管理 10, 履职效果 70
    expect(fixes.map((f) => f.title.zh)).toEqual([
      '把总分改为 110',
      '把“预算执行率”的分值改为 0（合计 100）',
      '把“部门管理”的分值改为 10（合计 100）',
      '把“履职效果”的分值改为 70（合计 100）',
    ]);
    expect(fixes.map((f) => f.edits[0]!.text)).toEqual(['110 分', '0 分', '10 分', '70 分']);
    const d = checkSource(src).diagnostics.find((x) => x.code === CODES.capsVsTotal.code)!;
    expect(d.related!.map((r) => src.slice(r.range.start.offset, r.range.end.offset))).toEqual(['10 分', '20 分', '80 分']);
  });

  it('JX2012: the parent takes the sum of its children, or a child the difference', () => {
    const src = mutate(
      '一级指标 部门管理 分值 20 分 { 单位填报 }\n  一级指标 履职效果 分值 70 分',
      '一级指标 部门管理 分值 20 分 { 二级指标 预算管理 分值 15 分 { 单位填报 } 二级指标 资产管理 分值 10 分 { 单位填报 } }\n  一级指标 履职效果 分值 70 分',
    );
    const fixes = fixesOf(src, CODES.childWeights.code);
    // 15 + 10 = 25 against 20: 预算管理 10 or 资产管理 5 keeps the total; 部门管理 25 fixes this sum but breaks the caps
    expect(fixes.map((f) => f.title.zh)).toEqual(['把“部门管理”的分值改为 25', '把“预算管理”的分值改为 10（合计 20）', '把“资产管理”的分值改为 5（合计 20）']);
    for (const f of fixes.slice(1)) expect(checkSource(apply(src, f.edits)).diagnostics).toEqual([]);
    expect(codes(checkSource(apply(src, fixes[0]!.edits)).diagnostics)).toEqual([CODES.capsVsTotal.code]);
  });

  it('JX2008 and JX2001: the closest defined name', () => {
    const rule = mutate('{ 单位填报 }\n  一级指标 履职效果', '{ 单位填报 采用 正向指标 }\n  一级指标 履职效果');
    expect(eachFixChecks(rule, CODES.unknownRule.code).map((f) => f.title.zh)).toEqual(['改为“正向”']);
    const v = mutate('min(实际 / 目标, 1)', 'min(实际值 / 目标, 1)');
    expect(eachFixChecks(v, CODES.unknownVariable.code).map((f) => f.edits[0]!.text)).toEqual(['实际']);
    // nothing close: no guess
    expect(fixesOf(mutate('min(实际 / 目标, 1)', 'min(绩效 / 目标, 1)'), CODES.unknownVariable.code)).toEqual([]);
  });
});
