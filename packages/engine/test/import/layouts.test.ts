// The layouts real tables use beyond the standard one: one fixture per layout (test/fixtures),
// what the importer reads from it, and where it matters, what scoring then makes of it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from '@jixiao/language';
import { checkTemplate } from '@jixiao/compiler';
import { describe, expect, it } from 'vitest';
import { parseValue } from '../../src/filing/value.ts';
import { importJson } from '../../src/import/json.ts';
import { importTsv } from '../../src/import/tsv.ts';
import type { ImportResult } from '../../src/import/table.ts';
import { prepareTemplate, scoreFiling, type Report } from '../../src/index.ts';
import { t2020 } from '../score/helpers.ts';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8');
const load = (name: string) => importTsv(fixture(name));
const errors = (r: ImportResult) => r.diagnostics.filter((d) => d.severity === 'error');
const codes = (r: ImportResult) => r.diagnostics.map((d) => d.code);
const rowsOf = (r: ImportResult) => r.filing!.rows.map(({ source: _s, ...x }) => x);
const findingCodes = (r: Report) => r.findings.map((f) => f.code);

describe('R1: 年初目标值(A) | 实际完成值(B) | 得分, no 分值 column; budget 预算数(A) | 执行数(B) | 执行率(B/A)', () => {
  const r = load('r1-no-weight.tsv');

  it('reads the target column and the budget block under their (A)/(B) spellings', () => {
    expect(errors(r)).toEqual([]);
    expect(r.columns).toMatchObject({ level1: 0, level2: 1, level3: 2, target: 3, actual: 4, statedScore: 5 });
    expect(r.filing!.rows[0]).toMatchObject({ level3: '退捕渔民安置人数', target: '≥120人', actual: '126人', statedScore: 20 });
    expect(r.filing!.budget).toEqual({ initialBudget: null, budget: 95, spent: 82.65, weight: 20, statedRate: '87%', statedScore: 17.4 });
  });

  it('keeps every weight null (never 0) and says so once for the table', () => {
    expect(r.filing!.rows.map((x) => x.weight)).toEqual([null, null, null, null, null, null]);
    const d = r.diagnostics.filter((x) => x.code === 'IMP008');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: 'warning', line: 6 });
    expect(d[0]!.message.zh).toContain('6 个指标的分值未知');
    expect(d[0]!.message.zh).toContain('模板');
    // the old per-column warning does not repeat it
    expect(r.diagnostics.some((x) => x.code === 'IMP003')).toBe(false);
  });

  it('scoring: no row scores 0 without a finding naming it', () => {
    const report = scoreFiling(t2020, r.filing!, r.diagnostics);
    expect(findingCodes(report).filter((c) => c === 'IMP008')).toHaveLength(1);
    for (const row of report.rows.filter((x) => x.path[0] !== '预算执行率')) {
      // each row's weight is unknown: it counts 0 and JX3018 names it
      expect(row.weight).toBe(0);
      expect(
        report.findings.some((f) => f.code === 'JX3018' && f.path.join('/') === row.path.join('/')),
        row.path.join('/'),
      ).toBe(true);
    }
    // 预算执行率: 10 × min(82.65 / 95, 1) = 10 × 0.87 = 8.7; every other row counts 0
    expect(report.total).toBe(8.7);
  });

  it('an empty 分值 column is said once as well', () => {
    const text = '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t培训次数\t≥4次\t4次\t\t10\n\t\t印发文件\t≥3项\t3项\t\t10\n';
    const e = importTsv(text);
    expect(e.diagnostics.filter((d) => d.code === 'IMP008')).toHaveLength(1);
    expect(e.diagnostics.find((d) => d.code === 'IMP008')!.message.zh).toContain('“分值”列全部为空');
    // one weight given: the table has weights, a row without is the scorer's JX3018
    expect(codes(importTsv(text.replace('4次\t\t10', '4次\t10\t10')))).not.toContain('IMP008');
    // weights that are no numbers are IMP030 each, not an empty column
    const words = importTsv(text.replaceAll('\t\t10', '\t十分\t10'));
    expect(codes(words).filter((c) => c === 'IMP030')).toHaveLength(2);
    expect(codes(words)).not.toContain('IMP008');
  });
});

describe('R3 四川 2023: 指标性质 | 指标值 | 度量单位 columns', () => {
  const one = load('r3-sichuan.tsv');
  const two = load('r3-two-row-header.tsv');
  const expected = [
    ['培训人次', '≥500人次', '520人次'],
    ['培训合格率', '≥95%', '97%'],
    ['人均培训成本', '≤1000元', '960元'],
    ['新增持证农民', '=500人', '480人'],
    ['学员满意度', '≥90%', '95%'],
  ];

  it('one header row: the sign and the unit join the value, 权重 is the weight, 未完成原因分析 the reason', () => {
    expect(errors(one)).toEqual([]);
    expect(one.columns).toMatchObject({ level3: 2, op: 3, target: 4, unit: 5, actual: 6, weight: 7, statedScore: 8, reason: 9 });
    expect(one.filing!.rows.map((x) => [x.level3, x.target, x.actual])).toEqual(expected);
    expect(one.filing!.rows[3]).toMatchObject({ weight: 10, statedScore: 9.6, reason: '部分学员未取得证书' });
  });

  it('two header rows (年度指标值 over 指标性质 | 指标值 | 度量单位) read the same', () => {
    expect(errors(two)).toEqual([]);
    expect(two.headerLine).toBe(6);
    expect(two.columns).toMatchObject({ op: 3, target: 4, unit: 5, actual: 6 });
    expect(rowsOf(two)).toEqual(rowsOf(one));
  });

  it('the value reader sees the shapes: ≥ as >=, = as =', () => {
    expect(parseValue(one.filing!.rows[0]!.target)).toMatchObject({ kind: 'number', op: '>=', value: 500, unit: '人次' });
    expect(parseValue(one.filing!.rows[3]!.target)).toMatchObject({ kind: 'number', op: '=', value: 500, unit: '人' });
  });

  it('the budget block: 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分', () => {
    expect(one.filing!.budget).toEqual({ initialBudget: 50, budget: 48, spent: 45.6, weight: 10, statedRate: '95%', statedScore: 9.5 });
    const report = scoreFiling(t2020, one.filing!, one.diagnostics);
    // 10 × min(45.6 / 48, 1) = 10 × 0.95 = 9.5, as stated: no finding on the budget
    expect(report.rows.find((x) => x.path[0] === '预算执行率')!.score).toBe(9.5);
    expect(report.findings.filter((f) => f.path[0] === '预算执行率')).toEqual([]);
  });

  it('调整后预算数 beside 全年预算数: the adjusted budget is the budget', () => {
    const text =
      '年初预算数\t全年预算数\t调整后预算数\t全年执行数\n100\t100\t120\t108\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10\n';
    expect(importTsv(text).filing!.budget).toMatchObject({ initialBudget: 100, budget: 120, spent: 108 });
  });
});

describe('two header rows and group headings', () => {
  it('a title row with a stray label above the header heads no group', () => {
    const r = importTsv(
      '部门整体支出绩效自评表（2024年度）\t\t\t\t分值\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10\n',
    );
    expect(r.headerLine).toBe(2);
    expect(r.filing).toMatchObject({ title: '部门整体支出绩效自评表（2024年度）', year: 2024 });
  });
});

describe('comparison signs in a 指标性质 column, every spelling', () => {
  const r = load('signs.tsv');
  it('each row reads with the shape its sign gives', () => {
    expect(errors(r)).toEqual([]);
    const signs = ['≥', '≧', '＞', '>', '≤', '≦', '＜', '<', '=', '＝', '═', '不低于', '不高于', '以上', '以内'];
    const shapes = ['>=', '>=', '>', '>', '<=', '<=', '<', '<', '=', '=', '=', '>=', '<=', '>=', '<='];
    r.filing!.rows.forEach((row, i) => {
      expect(parseValue(row.target), `${signs[i]} → ${row.target}`).toMatchObject({ kind: 'number', op: shapes[i], value: 90, percent: true });
    });
  });
  it('keeps a sign the value reader reads as written, and writes the others as their symbol', () => {
    const targets = r.filing!.rows.map((x) => x.target);
    expect(targets.slice(0, 4)).toEqual(['≥90%', '≧90%', '＞90%', '>90%']);
    expect(targets.slice(10)).toEqual(['=90%', '不低于90%', '不高于90%', '≥90%', '≤90%']);
  });
  it('a value that states its own sign keeps it; 定性 and a dash add none', () => {
    const head = '一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t完成值\t权重\t得分\n';
    const t = importTsv(`${head}产出指标\t数量指标\t甲\t≥\t90以上\t%\t95\t5\t5\n\t\t乙\t定性\t显著\t\t显著\t5\t5\n\t\t丙\t—\t12\t项\t12\t5\t5\n`);
    expect(t.filing!.rows.map((x) => x.target)).toEqual(['90以上', '显著', '12项']);
  });
});

describe('the shift repair fires only on shifted rows', () => {
  const r = load('shift-deadline.tsv');
  it('names that begin like values stay names under their own level-2', () => {
    expect(r.filing!.rows.slice(0, 4).map((x) => [x.level2, x.level3])).toEqual([
      ['数量指标', '培训次数'],
      ['数量指标', '5G基站建设数'],
      ['质量指标', '12345热线办结率'],
      ['时效指标', '9月底前完成'],
    ]);
    expect(r.filing!.rows[3]).toMatchObject({ target: '9月底前', actual: '9月', weight: 10, statedScore: 10 });
  });
  it('the shifted rows are still repaired, and only they', () => {
    expect(r.diagnostics.filter((d) => d.code === 'IMP020').map((d) => d.line)).toEqual([8, 9]);
    expect(r.filing!.rows.slice(5).map((x) => [x.level2, x.level3, x.target, x.weight, x.statedScore])).toEqual([
      ['人员管理', '重点工作管理制度', '健全', 5, 5],
      ['人员管理', '培训覆盖率', '≥90%', 10, 10],
    ]);
  });
  const head = '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10\n';
  it('guard 1: a number followed by a phrase is a name, whatever the level-2 says', () => {
    const t = importTsv(`${head}\t完成时限\t9月底前完成\t9月底前\t9月\t10\t10\n`);
    expect(codes(t)).not.toContain('IMP020');
    expect(t.filing!.rows[1]).toMatchObject({ level2: '完成时限', level3: '9月底前完成' });
  });
  it('a row with the marks of a shift is repaired even under a level-2 name', () => {
    // the level-3 name is missing: every value moved one column left, the score column is empty
    const t = importTsv(`${head}\t数量指标（30分）\t≥500册\t520册\t30\t30\n`);
    expect(t.filing!.rows[1]).toMatchObject({ level3: '数量指标（30分）', target: '≥500册', actual: '520册', weight: 30, statedScore: 30 });
    expect(codes(t)).toContain('IMP020');
  });
  it('a level-3 name equal to a level-2 name of another section is no level-2 name there', () => {
    // the seed has 部门管理 › 财务管理 and 履职效果 › 部门效果目标 › 财务管理; here the latter's
    // name slipped into the level-2 column with a surplus value after it (no marks of a shift)
    const t = importTsv(
      `${head}\t财务管理\t政府采购规范性\t规范\t规范\t10\t10\n履职效果\t部门效果目标\t业务办理便捷程度\t显著\t显著\t10\t10\n\t财务管理\t≥1项\t≥1项\t2项\t10\t10\n`,
    );
    expect(t.filing!.rows[3]).toMatchObject({ level2: '部门效果目标', level3: '财务管理', target: '≥1项', actual: '2项', weight: 10, statedScore: 10 });
  });
  it('guard 2: a level-2 cell holding a level-2 name shows the row is not shifted', () => {
    const t = importTsv(`${head}\t时效指标\t年底前\t年底前\t11月\t10\t10\n\t数量指标\t健全\t健全\t健全\t10\t10\n`);
    expect(codes(t)).not.toContain('IMP020');
    expect(t.filing!.rows.slice(1).map((x) => [x.level2, x.level3])).toEqual([
      ['时效指标', '年底前'],
      ['数量指标', '健全'],
    ]);
  });
});

describe('flat tables: one indicator column', () => {
  const r = load('flat.tsv');
  it('reads 指标名称 | 计量单位 | 指标性质 | 指标值 | 指标权重(分) | 全年完成值 | 指标得分(分)', () => {
    expect(errors(r)).toEqual([]);
    expect(r.columns).toEqual({ level3: 0, unit: 1, op: 2, target: 3, weight: 4, actual: 5, statedScore: 6 });
    expect(rowsOf(r)[0]).toEqual({ level1: '', level2: '', level3: '培训人次', target: '≥500人次', actual: '520人次', weight: 30, statedScore: 30 });
    expect(r.filing).toMatchObject({ statedWeightTotal: 70, statedTotal: 70 });
    expect(r.diagnostics.find((d) => d.code === 'IMP009')).toMatchObject({ severity: 'info', line: 2 });
    expect(codes(r)).not.toContain('IMP003');
  });

  const template = `模板 项目支出 2023 {
  总分 100 分
  保留小数 2 位 四舍五入
  等级 { 优 >= 90 分; 良 >= 80 分; 中 >= 60 分; 差 }
  定性分档 { 达成 80%..100%; 部分达成 60%..80%; 未达成 0%..60% }
  规则 正向 适用 >=, > { 得分 = 权重 * min(实际 / 目标, 1) }
  一级指标 预算执行率 分值 10 分 { 得分 = 分值 * min(全年执行数 / 全年预算数, 1) }
  一级指标 产出指标 分值 50 分 {
    二级指标 数量指标 分值 30 分 { 三级指标 培训人次 分值 30 分 }
    二级指标 质量指标 分值 20 分 { 三级指标 培训合格率 分值 20 分 }
  }
  一级指标 效益指标 分值 30 分 { 单位填报 }
  一级指标 满意度指标 分值 10 分 { 二级指标 服务对象满意度指标 分值 10 分 { 三级指标 学员满意度 分值 10 分 } }
}
`;
  const checked = checkTemplate(parse(template).ast.templates[0]!, { file: 'flat.jx' });
  it('scoring places each row under the template indicator of its name, and names the one it cannot place', () => {
    expect(checked.template, JSON.stringify(checked.diagnostics)).toBeTruthy();
    const report = scoreFiling(prepareTemplate(checked.template!), r.filing!, r.diagnostics);
    expect(report.rows.map((x) => x.path.join(' › '))).toContain('产出指标 › 数量指标 › 培训人次');
    expect(report.rows.map((x) => x.path.join(' › '))).toContain('满意度指标 › 服务对象满意度指标 › 学员满意度');
    expect(report.rows.map((x) => x.path.join(' › '))).toContain('产出指标 › 质量指标 › 培训合格率');
    const unplaced = report.findings.filter((f) => f.code === 'IMP029');
    expect(unplaced.map((f) => [f.severity, f.path.join(' › ')])).toEqual([['warning', '宣传覆盖面']]);
    expect(unplaced[0]!.message.zh).toContain('模板中没有同名的指标');
    // 培训人次: ≥500, actual 520 → 30 × min(520 / 500, 1) = 30
    expect(report.rows.find((x) => x.path[2] === '培训人次')!.score).toBe(30);
  });
  it('a name the template has twice is not placed by guess', () => {
    const twice = checkTemplate(parse(template.replace('三级指标 培训合格率 分值 20 分', '三级指标 培训人次 分值 20 分')).ast.templates[0]!, { file: 'twice.jx' });
    expect(twice.template, JSON.stringify(twice.diagnostics)).toBeTruthy();
    const report = scoreFiling(prepareTemplate(twice.template!), r.filing!, r.diagnostics);
    const d = report.findings.find((f) => f.code === 'IMP029' && f.path[0] === '培训人次')!;
    expect(d.message.zh).toContain('模板中有 2 个同名的指标（产出指标 › 数量指标 › 培训人次；产出指标 › 质量指标 › 培训人次）');
    expect(report.rows.some((x) => x.path.join(' › ') === '产出指标 › 数量指标 › 培训人次')).toBe(false);
  });
});

describe('budget blocks as label/value pairs', () => {
  it('"预算数：95 | 执行数：82.65 | 执行率：87% | 分值：10 | 得分：8.7" in one row', () => {
    const r = load('budget-pairs-inline.tsv');
    expect(errors(r)).toEqual([]);
    expect(r.filing!.budget).toEqual({ initialBudget: null, budget: 95, spent: 82.65, weight: 10, statedRate: '87%', statedScore: 8.7 });
    expect(codes(r)).not.toContain('IMP041');
    expect(r.filing!.project).toBe('乡村道路养护');
  });
  it('"预算数 | 95 | 执行数 | 82.65 | 执行率 | 87%" in one row', () => {
    const r = load('budget-pairs-cells.tsv');
    expect(r.filing!.budget).toEqual({ initialBudget: null, budget: 95, spent: 82.65, statedRate: '87%' });
    const report = scoreFiling(t2020, r.filing!, r.diagnostics);
    // 10 × min(82.65 / 95, 1) = 10 × 0.87 = 8.7
    expect(report.rows.find((x) => x.path[0] === '预算执行率')!.score).toBe(8.7);
    expect(findingCodes(report)).not.toContain('JX3022');
  });
  it('分值 and 得分 pairs alone are not a budget', () => {
    const r = importTsv('分值：10\t得分：9\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10\n');
    expect(r.filing!.budget).toBeUndefined();
    expect(r.filing!.inputs).toBeUndefined();
  });
});

describe('rubric forms: 部门整体支出 evaluation tables', () => {
  const r = load('rubric.tsv');
  it('read without a target or an actual column: names, weights, stated scores, explanation and criteria', () => {
    expect(errors(r)).toEqual([]);
    expect(codes(r)).not.toContain('IMP003');
    expect(r.columns).toMatchObject({ level1: 1, level2: 2, level3: 3, weight: 4, explanation: 5, criteria: 6, statedScore: 7 });
    expect(r.filing!.rows).toHaveLength(9);
    expect(rowsOf(r)[1]).toEqual({
      level1: '投入',
      level2: '目标设定',
      level3: '绩效指标明确性',
      target: '',
      actual: '',
      weight: 4,
      statedScore: 3,
      explanation: '部门（单位）设定的绩效指标是否清晰、细化、可衡量。',
      criteria: '清晰、细化、可衡量的，得4分；每有一项不符合扣1分。',
    });
  });
  it('level cells carry their caps: 投入(20分), 目标设定(8分)', () => {
    expect(r.filing!.sections!.map((s) => [s.name, s.statedCap])).toEqual([
      ['投入', 20],
      ['过程', 30],
      ['产出', 30],
      ['效果', 20],
    ]);
    expect(r.filing!.sections![0]!.groups).toEqual([
      { name: '目标设定', statedCap: 8 },
      { name: '预算配置', statedCap: 12 },
    ]);
    expect(r.filing).toMatchObject({ statedWeightTotal: 100, statedTotal: 94 });
  });
  it('quotes that mark a word inside a name stay', () => {
    expect(r.filing!.rows[3]!.level3).toBe('“三公经费”变动率');
    expect(codes(r)).not.toContain('IMP025');
  });
});

describe('not-applicable rows', () => {
  const r = load('not-applicable.tsv');
  it('"/", "—", "－", 不适用 and 指标1:/ mark the row, which is kept', () => {
    expect(errors(r)).toEqual([]);
    expect(r.filing!.rows.map((x) => [x.level3, x.notApplicable ?? false])).toEqual([
      ['培训人次', false],
      ['培训合格率', true],
      ['指标1', true],
      ['人均培训成本', true],
      ['新增产值', true],
      ['持证农民人数', true],
      ['学员满意度', false],
    ]);
    expect(r.filing!.rows[1]).toMatchObject({ target: '/', actual: '/', weight: null, statedScore: null, reason: '本项目不适用' });
    expect(r.diagnostics.filter((d) => d.code === 'IMP028').map((d) => d.line)).toEqual([4, 5, 6, 7, 8]);
  });
  it('a slash in the weight of such a row is not reported as a bad number', () => {
    expect(codes(r)).not.toContain('IMP030');
    expect(codes(r)).not.toContain('IMP031');
  });
  it('a row with one real value is not marked', () => {
    const t = importTsv('一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t培训次数\t≥4次\t—\t10\t0\n');
    expect(t.filing!.rows[0]!.notApplicable).toBeUndefined();
  });
});

describe('extra inputs the table does not carry', () => {
  it('"全年预算调剂金额：5" and "全年追加预算金额 | 12.5" above the table', () => {
    const r = load('inputs.tsv');
    expect(r.filing!.inputs).toEqual({ 全年预算调剂金额: 5, 全年追加预算金额: 12.5 });
    // positions in the pasted text: "全年预算调剂金额：5" is 10 characters, then two tabs
    expect(r.diagnostics.filter((d) => d.code === 'IMP014').map((d) => [d.line, d.column])).toEqual([
      [3, 1],
      [3, 13],
    ]);
    // the budget block is read as before
    expect(r.filing!.budget).toMatchObject({ initialBudget: 120, budget: 118, spent: 110 });
  });
  it('a column of the budget block', () => {
    const r = load('inputs-column.tsv');
    expect(r.filing!.inputs).toEqual({ 全年预算调剂金额: 5 });
    expect(r.filing!.budget).toEqual({ initialBudget: 120, budget: 118, spent: 110, weight: 10, statedRate: '93%', statedScore: 9.3 });
  });
  it('below the table and below its notes', () => {
    const t = importTsv(
      '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10\n总分\t\t\t\t\t10\t10\n全年预算调剂金额\t5\n注：调剂金额单位为万元\n结转结余金额：3.5万元\n',
    );
    expect(t.filing!.inputs).toEqual({ 全年预算调剂金额: 5, 结转结余金额: 3.5 });
  });
  it('labels of the table, totals and prose are no inputs', () => {
    const t = importTsv(
      '自评得分：95\t年度：2023\n经评价，全年预算执行良好：95%以上\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10\n',
    );
    expect(t.filing!.inputs).toBeUndefined();
    // nor are an indicator's, a note's or a goal's label standing in the budget block's header
    const b = importTsv(
      '年初预算数\t全年预算数\t全年执行数\t数量指标\t注：\t预期目标\n100\t100\t90\t10\t58\t150\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10\n',
    );
    expect(b.filing!.budget).toMatchObject({ initialBudget: 100, budget: 100, spent: 90 });
    expect(b.filing!.inputs).toBeUndefined();
  });
  it('JSON filings may carry inputs; names an object already has are refused', () => {
    expect(importJson(JSON.stringify({ rows: [], inputs: { 全年预算调剂金额: 5 } })).filing).toEqual({ rows: [], inputs: { 全年预算调剂金额: 5 } });
    for (const bad of ['{"rows":[],"inputs":{"__proto__":5}}', '{"rows":[],"inputs":{"constructor":5}}', '{"rows":[],"inputs":{"调剂":"5"}}']) {
      const r = importJson(bad);
      expect(r.filing, bad).toBeNull();
      expect(r.diagnostics[0]).toMatchObject({ code: 'IMP061', severity: 'error' });
    }
    expect(importJson('{"rows":[],"inputs":{"__proto__":5}}').diagnostics[0]!.message.zh).toContain('“__proto__” 不能用作数据名称');
  });
});

describe('安徽 2022 (R6) shapes', () => {
  const r = load('r6-anhui.tsv');
  it('a fund total of 0 / 0 / 0 while 其中:本年财政拨款 carries the money: the sum of the fund rows, said', () => {
    expect(r.filing!.budget).toMatchObject({ initialBudget: 300, budget: 300, spent: 285, weight: 10, statedScore: 9.5 });
    expect(r.filing!.budget!.funds![0]).toEqual({ name: '本年财政拨款', initialBudget: 300, budget: 300, spent: 285 });
    const d = r.diagnostics.find((x) => x.code === 'IMP043')!;
    expect(d).toMatchObject({ severity: 'warning', line: 6 });
    expect(d.message.zh).toContain('0 / 0 / 0');
    expect(d.message.zh).toContain('300 / 300 / 285');
    const report = scoreFiling(t2020, r.filing!, r.diagnostics);
    // 10 × min(285 / 300, 1) = 10 × 0.95 = 9.5, as stated; the zero total is IMP043, not JX3014
    expect(report.rows.find((x) => x.path[0] === '预算执行率')!.score).toBe(9.5);
    expect(findingCodes(report)).not.toContain('JX3014');
  });
  it('level-1 caps, the form numbering, not-applicable slots and names that carry the target', () => {
    expect(r.filing!.sections!.map((s) => [s.name, s.statedCap])).toEqual([
      ['产出指标', 50],
      ['效益指标', 30],
      ['满意度指标', 10],
    ]);
    expect(r.filing!.rows.map((x) => [x.level3, x.target, x.actual, x.notApplicable ?? false])).toEqual([
      ['提质改造里程', '10公里', '10公里', false],
      ['指标2', '/', '/', true],
      ['工程质量合格', '合格', '', false],
      ['指标1', '/', '/', true],
      ['每公里改造成本', '≤30万元', '', false],
      ['群众出行条件改善', '改善', '', false],
      ['群众满意度', '≥90%', '', false],
    ]);
    expect(r.diagnostics.filter((x) => x.code === 'IMP027').map((x) => x.line)).toEqual([15, 17, 18, 19]);
    expect(r.diagnostics.filter((x) => x.code === 'IMP027').every((x) => x.severity === 'warning')).toBe(true);
  });
  it('a name carries its target only where the cells are empty; a sign anywhere, a word after the numbering only', () => {
    const head = '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n';
    const t = importTsv(`${head}产出指标\t质量指标\t工程质量合格\t\t\t10\t10\n\t\t验收合格率≥95%\t\t\t10\t10\n\t\t指标1:满意度≥90%\t≥95%\t96%\t10\t10\n`);
    expect(t.filing!.rows.map((x) => [x.level3, x.target])).toEqual([
      ['工程质量合格', ''],
      ['验收合格率', '≥95%'],
      ['满意度≥90%', '≥95%'],
    ]);
  });
});

describe('a table of names, targets and actuals without weights or scores', () => {
  it('is found by its header, not refused as "header row not found"', () => {
    const r = importTsv('指标名称\t年度指标值\t实际完成值\n培训人次\t≥500人次\t520人次\n');
    expect(errors(r)).toEqual([]);
    expect(rowsOf(r)).toEqual([{ level1: '', level2: '', level3: '培训人次', target: '≥500人次', actual: '520人次', weight: null, statedScore: null }]);
    expect(codes(r)).toContain('IMP008');
  });
});
