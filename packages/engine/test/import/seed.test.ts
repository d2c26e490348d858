// The seed filing (a real 2023 filing): every row as it must be read.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importTsv } from '../../src/import/tsv.ts';
import { parseValue } from '../../src/filing/value.ts';

const seedPath = fileURLToPath(new URL('../../../../rules/甘肃/2023/examples/seed.tsv', import.meta.url));
const text = readFileSync(seedPath, 'utf8');
const result = importTsv(text);
const filing = result.filing!;

// [level1, level2, level3, 指标值, 年度目标值, 实际完成值, 分值, 得分]
const EXPECTED: [string, string, string, string, string, string, number, number][] = [
  ['部门管理', '资金投入', '基本支出预算执行率', '≤100%', '≤100%', '≤100%', 4, 4],
  ['部门管理', '资金投入', '结转结余变动率', '≤10%', '≤100%', '100%', 4, 3],
  ['部门管理', '资金投入', '项目支出预算执行率', '≤100%', '≤100%', '100%', 4, 3],
  ['部门管理', '资金投入', '三公经费控制率', '≤100%', '≤100%', '100%', 4, 4],
  ['部门管理', '财务管理', '政府采购规范性', '规范', '规范', '规范', 4, 4],
  ['部门管理', '财务管理', '财务管理制度健全性', '健全', '健全', '健全', 4, 4],
  ['部门管理', '财务管理', '资产管理规范性', '规范', '规范', '规范', 4, 4],
  ['部门管理', '财务管理', '资金使用规范性', '规范', '规范', '规范', 4, 4],
  ['部门管理', '人员管理', '在职人员控制率', '100%', '100%', '100%', 4, 4],
  ['部门管理', '人员管理', '重点工作管理制度', '健全', '健全', '健全', 4, 4],
  ['履职效果', '部门履职目标', '党建工作(项)', '≥1项', '≥1项', '≥1项', 3, 3],
  ['履职效果', '部门履职目标', '农业生产', '≥1项', '≥1项', '≥1项', 3, 3],
  ['履职效果', '部门履职目标', '安全生产监管', '≥1项', '≥1项', '≥1项', 3, 3],
  ['履职效果', '部门履职目标', '工作任务量计划完成率', '1', '1', '1', 4, 4],
  ['履职效果', '部门履职目标', '干部队伍建设', '≥1项', '≥1项', '2项', 3, 3],
  ['履职效果', '部门履职目标', '建设规划', '≥1项', '≥1项', '3项', 4, 3],
  ['履职效果', '部门履职目标', '民生实事', '≥1项', '≥1项', '22项', 3, 3],
  ['履职效果', '部门效果目标', '财务管理', '≥1项', '≥1项', '2项', 3, 3],
  ['履职效果', '部门效果目标', '业务办理便捷程度', '显著', '显著', '显著', 3, 3],
  ['履职效果', '部门效果目标', '媒体宣传报道数', '≥10篇', '≥10篇', '36篇', 4, 4],
  ['能力建设', '务对象满意度', '工作人员满意度', '≥95%', '≥95%', '98.00%', 4, 4],
  ['能力建设', '务对象满意度', '服务对象满意度', '≥95%', '≥95%', '98.00%', 3, 3],
  ['能力建设', '长效管理', '单位管理长效机制健全性', '健全', '健全', '健全', 4, 4],
  ['能力建设', '人力资源建设', '人员考核合格率', '1', '1', '1', 4, 4],
  ['能力建设', '档案管理', '档案管理规范性', '规范', '规范', '规范', 4, 4],
  ['满意度指标', '满意度指标', '干部职工满意度', '>90%', '95%', '500%', 4, 4],
  ['满意度指标', '满意度指标', '人民群众对廉洁文化宣传满意度', '>90%', '92%', '500%', 4, 4],
];

describe('the seed filing', () => {
  it('is the seed document lines 72–111, byte for byte', () => {
    const seed = readFileSync(fileURLToPath(new URL('../../../../test/fixtures/seed/000_73134533154cb10e.txt', import.meta.url)), 'utf8');
    expect(text).toBe(seed.split('\n').slice(71, 111).join('\n') + '\n');
  });

  it('imports without errors', () => {
    expect(result.filing).not.toBeNull();
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reads the year and the form from the title', () => {
    expect(filing.title).toBe('人大常委会办公室整体支出绩效目标自评表 (2023年度)');
    expect(filing.year).toBe(2023);
    expect(filing.form).toBe('部门整体支出');
    expect(filing.unit).toBe('正常机构办公');
  });

  it('reads the budget block with labels inside the number cells', () => {
    expect(filing.budget).toEqual({
      initialBudget: 58,
      budget: 58,
      spent: 58,
      weight: 10,
      statedRate: '100%',
      statedScore: 10,
    });
  });

  it('reads the annual goal', () => {
    expect(filing.goals?.expected).toMatch(/^做好今年人大代表工作/);
  });

  it('reads every indicator row', () => {
    const got = filing.rows.map((r) => [r.level1, r.level2, r.level3, r.indicatorValue, r.target, r.actual, r.weight, r.statedScore]);
    expect(got).toEqual(EXPECTED);
  });

  it('keeps the 500% satisfaction actuals as filed', () => {
    const sat = filing.rows.filter((r) => r.actual === '500%');
    expect(sat.map((r) => r.level3)).toEqual(['干部职工满意度', '人民群众对廉洁文化宣传满意度']);
    expect(parseValue(sat[0]!.actual)).toMatchObject({ kind: 'number', value: 500, percent: true });
  });

  it('reads the total row: weights 100, stated total 97', () => {
    expect(filing.statedWeightTotal).toBe(100);
    expect(filing.statedTotal).toBe(97);
    // with the budget row's 10, the stated scores add up to 107 and the weights to 110
    // (defects for the scorer to report, kept as filed by the importer)
    const rowScores = filing.rows.reduce((s, r) => s + (r.statedScore ?? 0), 0);
    const rowWeights = filing.rows.reduce((s, r) => s + (r.weight ?? 0), 0);
    expect(rowScores + filing.budget!.statedScore!).toBe(107);
    expect(rowWeights + filing.budget!.weight!).toBe(110);
    const mgmt = filing.rows.filter((r) => r.level1 === '部门管理').reduce((s, r) => s + (r.weight ?? 0), 0);
    expect(mgmt).toBe(40);
  });

  it('lists the sections in order', () => {
    expect(filing.sections?.map((s) => s.name)).toEqual(['部门管理', '履职效果', '能力建设', '满意度指标']);
  });

  it('repairs the shifted 重点工作管理制度 row and warns about it', () => {
    const row = filing.rows.find((r) => r.level3 === '重点工作管理制度')!;
    expect(row).toMatchObject({ level1: '部门管理', level2: '人员管理', target: '健全', actual: '健全', weight: 4, statedScore: 4 });
    expect(row.source).toEqual({ line: 17, column: 2 });
    const w = result.diagnostics.filter((d) => d.code === 'IMP020');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: 'warning', line: 17 });
    expect(w[0]!.message.zh).toContain('重点工作管理制度');
    expect(w[0]!.message.en).toContain('shifted');
  });

  it('strips the quotes of “三公经费控制率” and says so', () => {
    expect(filing.rows[3]!.level3).toBe('三公经费控制率');
    expect(result.diagnostics.some((d) => d.code === 'IMP025' && d.line === 11)).toBe(true);
  });

  it('reports the OCR-ish header labels it read', () => {
    const infos = result.diagnostics.filter((d) => d.code === 'IMP004').map((d) => d.message.zh);
    expect(infos.some((m) => m.includes('被指标') && m.includes('三级指标'))).toBe(true);
    expect(infos.some((m) => m.includes('年执行数') && m.includes('全年预算数'))).toBe(true);
  });

  it('gives every row its source position', () => {
    expect(filing.rows[0]!.source).toEqual({ line: 8, column: 11 });
    expect(filing.rows.every((r) => r.source !== undefined)).toBe(true);
  });

  it('finds the same table inside the whole seed document', () => {
    const seed = readFileSync(fileURLToPath(new URL('../../../../test/fixtures/seed/000_73134533154cb10e.txt', import.meta.url)), 'utf8');
    const whole = importTsv(seed).filing!;
    expect(whole.rows.map((r) => r.level3)).toEqual(EXPECTED.map((e) => e[2]));
    expect(whole.statedTotal).toBe(97);
    expect(whole.year).toBe(2023);
  });
});
