// A fixed indicator below level 1 with its own formula (`二级指标 X 分值 10 分 { 得分 = … }`,
// `三级指标 …`) is scored by the template from the budget. Its report row shows that score;
// a filing row of that name (matched by its level-2/3 names like any row) states its score,
// which is compared; it is never "not in the template".
import { describe, expect, it } from 'vitest';
import { parse } from '@jixiao/language';
import { checkTemplate } from '@jixiao/compiler';
import { impactOf, prepareTemplate, scoreFiling, type Filing, type IndicatorRow } from '../../src/index.ts';
import { cleanFiling, codes, row, score } from './helpers.ts';

const NESTED = `模板 部门整体支出 2023 {
  总分 100 分
  保留小数 2 位 四舍五入
  等级 { 优 >= 90 分; 良 >= 80 分; 中 >= 60 分; 差 }
  定性分档 { 达成 80%..100% 别名 达成预期指标; 部分达成 60%..80%; 未达成 0%..60% }
  规则 正向 适用 >=, > { 得分 = 权重 * min(实际 / 目标, 1) }
  一级指标 资金管理 分值 20 分 {
    二级指标 预算执行 分值 10 分 { 得分 = 分值 * min(全年执行数 / 全年预算数, 1) }
    二级指标 资金使用 分值 10 分 {
      三级指标 支出进度 分值 5 分 { 得分 = 分值 * min(全年执行数 / 年初预算数, 1) }
      三级指标 资金到位率 分值 5 分
    }
  }
  一级指标 履职效果 分值 80 分 { 单位填报 }
}
`;

function prepared(src: string) {
  const checked = checkTemplate(parse(src).ast.templates[0]!, { file: 'nested.jx' });
  if (!checked.template) throw new Error(JSON.stringify(checked.diagnostics));
  return prepareTemplate(checked.template);
}
const nested = prepared(NESTED);

const formulaRow = (level2: string, level3: string, weight: number | null, stated: number | null): IndicatorRow => row('资金管理', level2, level3, '', '', weight, stated);
const placedRows = [row('资金管理', '资金使用', '资金到位率', '≥90%', '90%', 5, 5), row('履职效果', '产出', '培训次数', '≥4次', '4次', 80, 80)];

/** budget 年初 200, 全年 100, 执行 80 */
function filing(rows: IndicatorRow[], budget: Partial<NonNullable<Filing['budget']>> = {}): Filing {
  return { year: 2023, form: '部门整体支出', budget: { initialBudget: 200, budget: 100, spent: 80, ...budget }, rows };
}

describe('rows of fixed indicators with their own formula', () => {
  it('a filing row naming one shows its computed score, and its stated score is compared', () => {
    const r = scoreFiling(nested, filing([formulaRow('预算执行', '', 10, 8), formulaRow('资金使用', '支出进度', 5, 5), ...placedRows]));
    const byName = (n: string) => r.rows.find((x) => x.path[x.path.length - 1] === n)!;
    // 10 × min(80 / 100, 1) = 8
    expect(byName('预算执行')).toEqual({ path: ['资金管理', '预算执行'], weight: 10, score: 8, statedScore: 8, explain: '预算执行: 10 × min(80 / 100, 1) = 8' });
    // 5 × min(80 / 200, 1) = 2
    expect(byName('支出进度')).toMatchObject({ path: ['资金管理', '资金使用', '支出进度'], weight: 5, score: 2, statedScore: 5 });
    expect(r.rows).toHaveLength(4);
    // 8 + 2 + 5 (资金到位率: 90% ≥ 90%) = 15; + 80 = 95
    expect(r.sections.map((s) => s.score)).toEqual([15, 80]);
    expect(r.total).toBe(95);
    expect(r.findings.map((f) => [f.code, f.path.join('/')])).toEqual([['JX3004', '资金管理/资金使用/支出进度']]);
    expect(r.findings[0]!.message.zh).toBe('“支出进度”填报得分 5，按规则应为 2');
  });

  it('without a filing row, each still has a row, after the last row of its level-1 section; the weights add up', () => {
    const r = scoreFiling(nested, filing(placedRows));
    expect(r.rows.map((x) => [x.path.join('/'), x.weight, x.score, x.statedScore])).toEqual([
      ['资金管理/资金使用/资金到位率', 5, 5, 5],
      ['资金管理/预算执行', 10, 8, null],
      ['资金管理/资金使用/支出进度', 5, 2, null],
      ['履职效果/产出/培训次数', 80, 80, 80],
    ]);
    // 5 + 10 + 5 + 80 = 100: no JX3002
    expect(codes(r)).toEqual([]);
  });

  it('a filed weight other than the template’s is reported (JX3003) and the template’s is used; a stated score above it is JX3005', () => {
    const r = scoreFiling(nested, filing([formulaRow('预算执行', '', 8, 9), ...placedRows]));
    expect(r.rows.find((x) => x.path[1] === '预算执行')!.weight).toBe(10);
    expect(r.findings.find((f) => f.code === 'JX3003')!.message.zh).toBe('表中 “预算执行” 的分值为 8，模板规定为 10，按模板计');
    // stated 9 against the rule's 8
    expect(codes(r)).toContain('JX3004');
    const above = scoreFiling(nested, filing([formulaRow('预算执行', '', 10, 11), ...placedRows]));
    expect(codes(above)).toContain('JX3005');
  });

  it('a formula that divides by zero: JX3015 on that row, scored 0, its stated score not compared with that 0', () => {
    const r = scoreFiling(nested, filing([formulaRow('资金使用', '支出进度', 5, 5), ...placedRows], { initialBudget: 0 }));
    expect(r.rows.find((x) => x.path[2] === '支出进度')!.score).toBe(0);
    expect(r.findings.map((f) => [f.code, f.path.join('/')])).toEqual([['JX3015', '资金管理/资金使用/支出进度']]);
  });

  it('a second row naming the same indicator is not counted (JX3016), as for any fixed indicator', () => {
    const r = scoreFiling(nested, filing([formulaRow('预算执行', '', 10, 8), formulaRow('预算执行', '', 10, 8), ...placedRows]));
    expect(r.rows.filter((x) => x.path[1] === '预算执行').map((x) => x.score)).toEqual([8, 0]);
    // and the filing's weights count it twice: 10 + 10 + 5 + 5 (支出进度) + 80 = 110
    expect(codes(r)).toEqual(['JX3026', 'JX3016', 'JX3002']);
    // counted once: 8 + 5 + 2 = 15
    expect(r.sections[0]!.score).toBe(15);
  });

  it('a filing row naming the level-1 budget section takes its place and score (2023: 预算执行率)', () => {
    const f = cleanFiling();
    f.budget = { initialBudget: 100, budget: 100, spent: 90 };
    f.rows.unshift(row('预算执行率', '', '', '', '90%', 10, 9));
    f.statedTotal = 99;
    const r = score(f);
    // 10 × min(90 / 100, 1) = 9; one row for it, the filing's
    expect(r.rows.filter((x) => x.path[0] === '预算执行率')).toEqual([
      { path: ['预算执行率'], weight: 10, score: 9, statedScore: 9, explain: '预算执行率: 10 × min(90 / 100, 1) = 9' },
    ]);
    expect(r.sections[0]!.statedScore).toBe(9);
    // 9 + 90 = 99: nothing to report
    expect(codes(r)).toEqual([]);
  });

  it('impact: rows are paired by path, so a formula row only one template has does not shift the others', () => {
    // the year before: 支出进度 was an ordinary indicator scored by a rule (the filing has no row for it: 0)
    const before = prepared(NESTED.replace('三级指标 支出进度 分值 5 分 { 得分 = 分值 * min(全年执行数 / 年初预算数, 1) }', '三级指标 支出进度 分值 5 分'));
    const i = impactOf(before, nested, filing(placedRows));
    // 支出进度: no row → 5 × min(80 / 200, 1) = 2; 资金管理 8 + 5 + 0 = 13 → 8 + 5 + 2 = 15
    expect(i.moved.map((m) => [m.path.join('/'), m.from, m.to])).toEqual([
      ['资金管理/资金使用/支出进度', null, 2],
      ['资金管理', 13, 15],
    ]);
  });
});
