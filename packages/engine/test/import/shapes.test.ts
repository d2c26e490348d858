// One fixture per table shape met in real filings.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importTsv, importTsvWithMapping } from '../../src/import/tsv.ts';
import { parseTsv } from '../../src/import/grid.ts';
import { parseValue } from '../../src/filing/value.ts';
import type { ImportResult } from '../../src/import/table.ts';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8');
const load = (name: string) => importTsv(fixture(name));
const names = (r: ImportResult) => r.filing!.rows.map((x) => [x.level1, x.level2, x.level3]);
const errors = (r: ImportResult) => r.diagnostics.filter((d) => d.severity === 'error');

describe('一级/二级/三级 headers with a reason column', () => {
  const r = load('levels-standard.tsv');
  it('reads names with merged cells as "same as above"', () => {
    expect(errors(r)).toEqual([]);
    expect(names(r)).toEqual([
      ['产出指标', '数量指标', '培训人次'],
      ['产出指标', '数量指标', '印发文件'],
      ['产出指标', '质量指标', '验收合格率'],
      ['效益指标', '社会效益指标', '群众知晓率'],
      ['满意度指标', '服务对象满意度指标', '群众满意度'],
    ]);
  });
  it('reads values, weights, scores and reasons', () => {
    expect(r.filing!.rows[1]).toMatchObject({ target: '≥3项', actual: '2项', weight: 10, statedScore: 6.67, reason: '部分文件推迟到次年印发' });
    expect(r.filing!.rows[0]!.indicatorValue).toBeUndefined();
    expect(r.filing).toMatchObject({ year: 2024, form: '部门整体支出', statedWeightTotal: 100, statedTotal: 95.27 });
  });
});

describe('分值 before the target columns', () => {
  const r = load('weight-first.tsv');
  it('maps 权重 / 年度目标值 / 全年实际值 / 自评得分 by label, not position', () => {
    expect(r.columns).toMatchObject({ weight: 3, target: 4, actual: 5, statedScore: 6 });
    expect(r.filing!.rows[0]).toMatchObject({ level3: '新建道路', target: '≥266米', actual: '≥266米', weight: 30, statedScore: 30 });
    expect(r.filing!.rows[3]).toMatchObject({ target: '≥100百分比', actual: '96%', weight: 20, statedScore: 19 });
  });
  it('reads a 合计 row as the total', () => {
    expect(r.filing).toMatchObject({ statedWeightTotal: 100, statedTotal: 97 });
  });
  it('keeps the qualitative words as filed', () => {
    expect(r.filing!.rows[2]).toMatchObject({ target: '效果明显', actual: '达成预期指标' });
  });
});

describe('a leftmost 绩效指标 column', () => {
  it('spanning all rows (one header row)', () => {
    const r = load('label-column.tsv');
    expect(r.columns).toMatchObject({ label: 0, level1: 1, level2: 2, level3: 3, target: 4, actual: 5 });
    expect(names(r)[1]).toEqual(['产出指标', '数量指标', '维修次数']);
    expect(r.filing!.rows.map((x) => x.weight)).toEqual([25, 25, 40, 10]);
    expect(r.filing!.statedTotal).toBe(96);
  });
  it('merged above 一级/二级/三级 (two header rows)', () => {
    const r = load('two-row-header.tsv');
    expect(errors(r)).toEqual([]);
    expect(r.headerLine).toBe(1);
    expect(r.columns).toMatchObject({ level1: 0, level2: 1, level3: 2, target: 3, actual: 4, weight: 5, statedScore: 6 });
    expect(names(r)).toEqual([
      ['产出指标', '数量指标', '补贴人数'],
      ['效益指标', '社会效益指标', '政策知晓率'],
      ['满意度指标', '服务对象满意度指标', '受益群众满意度'],
    ]);
  });
});

describe('caps in level-1 and level-2 cells', () => {
  const r = load('caps.tsv');
  it('extracts the cap and keeps the bare name', () => {
    expect(r.filing!.rows.map((x) => x.level1)).toEqual(['产出指标', '产出指标', '效益指标', '满意度指标']);
    expect(r.filing!.rows[1]!.level2).toBe('质量指标');
    expect(r.filing!.sections).toEqual([
      {
        name: '产出指标',
        statedCap: 50,
        groups: [
          { name: '数量指标', statedCap: 30 },
          { name: '质量指标', statedCap: 20 },
        ],
      },
      { name: '效益指标', statedCap: 40 },
      { name: '满意度指标', statedCap: 10 },
    ]);
    expect(r.diagnostics.filter((d) => d.code === 'IMP024')).toHaveLength(5);
  });
});

describe('计算符号 / 计量单位 columns', () => {
  const r = load('op-unit.tsv');
  it('combines them into the target (and the unit into the actual)', () => {
    expect(r.filing!.rows.map((x) => [x.target, x.actual])).toEqual([
      ['≥200人', '230人'],
      ['≥95%', '97%'],
      ['≤500元', '480元'],
      ['显著', '显著'],
      ['＞90%', '94%'],
    ]);
    expect(parseValue(r.filing!.rows[4]!.target)).toMatchObject({ kind: 'number', op: '>', value: 90, percent: true });
  });
});

describe('a 项目支出 table with fund sub-rows', () => {
  const r = load('project.tsv');
  const f = r.filing!;
  it('reads the header block', () => {
    expect(errors(r)).toEqual([]);
    expect(f).toMatchObject({ title: '项目支出绩效自评表', form: '项目支出', year: 2022, project: '乡村道路养护', department: '县交通运输局', unit: '县公路养护站' });
  });
  it('reads the budget block and the 其中 rows with "—" cells', () => {
    expect(f.budget).toEqual({
      initialBudget: 120,
      budget: 150,
      spent: 135,
      weight: 10,
      statedRate: '90%',
      statedScore: 9,
      funds: [
        { name: '当年财政拨款', initialBudget: 100, budget: 130, spent: 120 },
        { name: '上年结转资金', initialBudget: 20, budget: 20, spent: 15 },
        { name: '其他资金', initialBudget: null, budget: null, spent: null },
      ],
    });
  });
  it('reads 年度总体目标 into expected and actual', () => {
    expect(f.goals).toEqual({ expected: '完成全县120公里农村公路日常养护', actual: '完成118公里农村公路日常养护' });
  });
  // the same table with the 年度总体目标 block in the other layouts forms use: the labels
  // are never read as the texts, whichever row or cell they stand in
  const goalsOf = (block: string) => {
    const text = fixture('project.tsv').replace(/^年度总体目标\t.*\n.*\n/m, block);
    const g = importTsv(text);
    expect(errors(g)).toEqual([]);
    expect(g.filing!.rows).toHaveLength(8);
    return g.filing!.goals;
  };
  const want = { expected: '完成全县120公里农村公路日常养护', actual: '完成118公里农村公路日常养护' };
  it('reads 年度总体目标 with its labels in a row of their own', () => {
    expect(goalsOf('年度总体目标\t\t\t\t\t\t\t\n\t预期目标\t\t\t实际完成情况\t\t\t\n\t完成全县120公里农村公路日常养护\t\t\t完成118公里农村公路日常养护\t\t\t\n')).toEqual(want);
  });
  it('reads 年度总体目标 with each label in front of its text (one row each)', () => {
    expect(goalsOf('年度总体目标\t预期目标\t完成全县120公里农村公路日常养护\t\t\t\t\t\n\t实际完成情况\t完成118公里农村公路日常养护\t\t\t\t\t\n')).toEqual(want);
  });
  it('reads 年度总体目标 written as "预期目标：…" cells', () => {
    expect(goalsOf('年度总体目标\t预期目标：完成全县120公里农村公路日常养护\t\t\t实际完成情况：完成118公里农村公路日常养护\t\t\t\n')).toEqual(want);
  });
  it('reads 年度总体目标 with both texts beside it and no labels', () => {
    expect(goalsOf('年度总体目标\t完成全县120公里农村公路日常养护\t\t\t完成118公里农村公路日常养护\t\t\t\n')).toEqual(want);
  });
  it('reads 产出 / 效益 / 满意度 rows and stops at the notes', () => {
    expect([...new Set(f.rows.map((x) => x.level1))]).toEqual(['产出指标', '效益指标', '满意度指标']);
    expect(f.rows).toHaveLength(8);
    expect(f.statedTotal).toBe(94.67);
    expect(f.statedWeightTotal).toBeUndefined();
  });
  it('reads 9月前 vs 7月 and 年底前 as deadlines', () => {
    const t = f.rows.find((x) => x.level3 === '完成时间')!;
    expect(t.level2).toBe('时效指标');
    expect(parseValue(t.target)).toMatchObject({ kind: 'deadline', month: 9, before: true });
    expect(parseValue(t.actual)).toMatchObject({ kind: 'deadline', month: 7, before: false });
    const y = f.rows.find((x) => x.level3 === '年度验收')!;
    expect(y.level2).toBe('时效指标');
    expect(parseValue(y.target)).toMatchObject({ kind: 'deadline', month: 12 });
  });
  it('keeps the ≥** placeholder as filed', () => {
    expect(parseValue(f.rows[7]!.target)).toMatchObject({ kind: 'placeholder' });
  });
});

describe('CRLF, BOM and quoted cells', () => {
  const text = fixture('crlf-bom-quoted.tsv');
  const r = importTsv(text);
  it('the fixture really has them', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
    expect(text).toContain('"第一\t原因');
  });
  it('reads quoted cells with embedded newlines, tabs and doubled quotes', () => {
    expect(errors(r)).toEqual([]);
    expect(names(r)).toEqual([
      ['产出指标', '数量指标', '宣传\n活动'],
      ['产出指标', '数量指标', '入户"走访'],
      ['满意度指标', '满意度', '群众满意度'],
    ]);
    expect(r.filing!.rows[1]!.reason).toBe('第一\t原因\n第二原因');
    expect(r.filing!.rows[2]).toMatchObject({ target: '≥90%', actual: '90%', weight: 20 });
    expect(r.filing!.statedTotal).toBe(100);
  });
  it('reports positions in the pasted text (the BOM is not a column)', () => {
    expect(r.filing!.rows[0]!.source).toEqual({ line: 2, column: 11 });
    expect(r.filing!.rows[2]!.source!.line).toBe(6);
    expect(r.headerLine).toBe(1);
  });
});

describe('grid parsing', () => {
  it('drops trailing tabs and a final newline', () => {
    const g = parseTsv('a\tb\t\t\nc\t\n');
    expect(g.rows.map((r) => r.cells.map((c) => c.text))).toEqual([['a', 'b'], ['c']]);
  });
  it('reads a lone quote literally', () => {
    const g = parseTsv('"abc\tdef\n');
    expect(g.rows[0]!.cells.map((c) => c.text)).toEqual(['"abc', 'def']);
  });
  it('handles old-Mac CR line ends', () => {
    expect(parseTsv('a\rb').rows.map((r) => r.line)).toEqual([1, 2]);
  });
});

describe('shift repair', () => {
  const head = '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n';
  it('a row shifted left (score column empty) is read one column to the right, with a warning', () => {
    const r = importTsv(head + '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10\n\t培训覆盖率\t≥90%\t95%\t10\t10\n');
    const row = r.filing!.rows[1]!;
    expect(row).toMatchObject({ level2: '数量指标', level3: '培训覆盖率', target: '≥90%', actual: '95%', weight: 10, statedScore: 10 });
    expect(r.diagnostics.find((d) => d.code === 'IMP020')).toMatchObject({ severity: 'warning', line: 3 });
  });
  it('a normal row with a name in the level-3 column is not touched', () => {
    const r = importTsv(head + '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10\n');
    expect(r.diagnostics.some((d) => d.code === 'IMP020')).toBe(false);
  });
  it('cells beyond the header are reported', () => {
    const r = importTsv(head + '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10\t多余\n');
    expect(r.diagnostics.find((d) => d.code === 'IMP021')).toMatchObject({ severity: 'warning', line: 2, column: 29 });
  });
  it('a weight that is not a number is null and reported', () => {
    const r = importTsv(head + '产出指标\t数量指标\t培训次数\t≥4次\t4次\t十分\t10\n');
    expect(r.filing!.rows[0]!.weight).toBeNull();
    expect(r.diagnostics.find((d) => d.code === 'IMP030')).toMatchObject({ severity: 'warning', line: 2 });
  });
});

describe('unrecognised headers', () => {
  it('give an error listing the expected columns', () => {
    const r = load('unknown-header.tsv');
    expect(r.filing).toBeNull();
    const d = errors(r);
    expect(d).toHaveLength(1);
    expect(d[0]!.code).toBe('IMP001');
    for (const label of ['三级指标', '年度指标值', '实际完成值', '分值', '得分']) expect(d[0]!.message.zh).toContain(label);
    expect(d[0]!.message.en).toContain('Expected columns');
  });
  it('empty input is an error', () => {
    expect(importTsv('\n\t\n').diagnostics[0]).toMatchObject({ code: 'IMP002', severity: 'error' });
  });
  it('an explicit mapping imports the same table', () => {
    const r = importTsvWithMapping(fixture('unknown-header.tsv'), {
      columns: { level3: 0, target: 1, actual: 2, reason: 3 },
      headerLine: 1,
    });
    expect(r.filing!.rows).toEqual([
      { level1: '', level2: '', level3: '培训', target: '≥50人', actual: '62人', weight: null, statedScore: null, reason: '无', source: { line: 2, column: 1 } },
    ]);
  });
  it('a mapping naming a column twice or out of range is an error', () => {
    const text = fixture('unknown-header.tsv');
    expect(importTsvWithMapping(text, { columns: { level3: 0, target: 0 } }).diagnostics[0]).toMatchObject({ code: 'IMP006', severity: 'error' });
    expect(importTsvWithMapping(text, { columns: { level3: 0, target: 9 } }).diagnostics[0]).toMatchObject({ code: 'IMP006', severity: 'error' });
  });
});
