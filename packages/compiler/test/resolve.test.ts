import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSource, CODES, type LoadParent } from '../src/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const t2023 = readFileSync(join(root, 'rules/甘肃/2023/部门整体支出.jx'), 'utf8');
const t2024 = readFileSync(join(root, 'rules/甘肃/2024/部门整体支出.jx'), 'utf8');

/** An in-memory rules folder: year → text; a year's template is in force until a newer one. */
function loader(files: Record<number, string>): LoadParent {
  return (_form, year) => {
    const y = Object.keys(files)
      .map(Number)
      .filter((x) => x <= year)
      .sort((a, b) => b - a)[0];
    return y === undefined ? null : { file: `rules/甘肃/${y}/部门整体支出.jx`, text: files[y]! };
  };
}
const check = (text: string, files: Record<number, string> = { 2023: t2023 }) => checkSource({ file: 'child.jx', text }, loader(files));
const lineOf = (src: string, needle: string) => src.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('resolving 继承', () => {
  it('resolves the 2024 draft into a complete template', () => {
    const r = check(t2024);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const t = r.template!;
    expect(t.year).toBe(2024);
    expect(t.extendsYear).toBe(2023);
    expect(t.sections.map((s) => `${s.name} ${s.weight.text}`)).toEqual(['预算执行率 10', '部门管理 15', '履职效能 50', '能力建设 10', '服务对象满意度 10', '成本控制 5']);
    expect(t.sections[2]!.aliases).toContain('履职效果');
    expect(t.sections[2]!.renamedFrom).toEqual(['履职效果']);
    expect(t.rules.map((x) => x.name)).toEqual(['正向', '严格正向', '反向', '严格反向', '等于', '定性', '时效']);
    expect(t.rules.map((x) => x.shapes.join(','))).toEqual(['>=', '>', '<=', '<', '=', 'qualitative', 'deadline']);
    expect(t.grades.map((g) => `${g.name} ${g.lo}`)).toEqual(['优 85', '良 75', '中 60', '差 -Infinity']);
    expect(t.deductions[0]!.totalMax.text).toBe('15');
    expect(t.titles.length).toBeGreaterThan(0); // inherited
    expect(r.chain.map((c) => c.year)).toEqual([2024, 2023]);
    // every inherited node knows its file
    expect(t.sections[0]!.range.file).toBe('rules/甘肃/2023/部门整体支出.jx');
    expect(t.sections[1]!.range.file).toBe('child.jx');
  });

  it('points an error in an inherited part at the parent file and line', () => {
    const broken = t2023.replace('一级指标 履职效果 分值 50 分 { 单位填报 }', '一级指标 履职效果 分值 50 分 { 得分 = 分值 * 全年执行数 / 全年预算数 }');
    const r = check(t2024, { 2023: broken });
    const d = r.diagnostics.find((x) => x.code === CODES.unbounded.code)!;
    expect(d).toBeTruthy();
    expect(d.file).toBe('rules/甘肃/2023/部门整体支出.jx');
    expect(d.range.start.line).toBe(lineOf(broken, '一级指标 履职效果'));
    // an error in the child's own part stays in the child
    const own = t2024.replace('一级指标 成本控制 分值 5 分', '一级指标 成本控制 分值 6 分');
    const r2 = check(own);
    const d2 = r2.diagnostics.find((x) => x.code === CODES.capsVsTotal.code)!;
    expect(d2.file).toBe('rules/甘肃/2023/部门整体支出.jx'); // 总分 is written in 2023
    expect(r2.template).toBeNull();
  });

  it('JX2031: removing or renaming what the parent lacks, located at the name', () => {
    const src = '模板 部门整体支出 2024 继承 2023 {\n  删除 一级指标 不存在的指标\n  重命名 一级指标 也不存在 为 新名\n  删除 规则 没有这条\n}';
    const r = check(src);
    const ds = r.diagnostics.filter((d) => d.code === CODES.editUnknown.code);
    expect(ds).toHaveLength(3);
    expect(ds[0]!.file).toBe('child.jx');
    expect(ds[0]!.range.start).toMatchObject({ line: 2, column: 11 });
    expect(ds[0]!.message.zh).toContain('不存在的指标');
    expect(ds[0]!.help!.zh).toContain('部门管理');
    expect(ds[1]!.range.start.line).toBe(3);
  });

  it('JX2030: a missing parent; JX2033: extending a later year; JX2029: a cycle', () => {
    const missing = check('模板 部门整体支出 2024 继承 2019 { }');
    expect(missing.diagnostics.map((d) => d.code)).toEqual([CODES.parentMissing.code]);
    expect(missing.diagnostics[0]!.range.start).toMatchObject({ line: 1, column: 19 });
    const later = check('模板 部门整体支出 2022 继承 2023 { }');
    expect(later.diagnostics.map((d) => d.code)).toEqual([CODES.extendsNotEarlier.code]);
    const self = check('模板 部门整体支出 2024 继承 2024 { }');
    expect(self.diagnostics.map((d) => d.code)).toEqual([CODES.extendsCycle.code]);
    // the file the loader returns for 2023 itself extends 2024
    const a = '模板 部门整体支出 2024 继承 2023 { }';
    const b = '模板 部门整体支出 2024 继承 2023 { }'; // stored under 2023, but says 2024
    const cyc = checkSource({ file: 'a.jx', text: a }, () => ({ file: 'b.jx', text: b }));
    expect(cyc.diagnostics.map((d) => d.code)).toEqual([CODES.extendsCycle.code]);
    expect(cyc.diagnostics[0]!.message.zh).toContain('2024 → 2024');
  });

  it('JX2032: edits in a template that extends nothing', () => {
    const r = check('模板 部门整体支出 2024 {\n  总分 100 分\n  删除 一级指标 部门管理\n}');
    expect(r.diagnostics.map((d) => d.code)).toContain(CODES.editWithoutParent.code);
    expect(r.diagnostics.find((d) => d.code === CODES.editWithoutParent.code)!.range.start.line).toBe(3);
  });

  it('a redeclared section replaces the inherited one whole, in place; a new one is appended', () => {
    const r = check('模板 部门整体支出 2024 继承 2023 {\n  一级指标 部门管理 分值 15 分 { 单位填报 }\n  一级指标 成本控制 分值 5 分 { 单位填报 }\n}');
    expect(r.template!.sections.map((s) => s.name)).toEqual(['预算执行率', '部门管理', '履职效果', '能力建设', '服务对象满意度', '成本控制']);
  });

  it('a removed section must be made up for: the caps are checked on the resolved template', () => {
    const r = check('模板 部门整体支出 2024 继承 2023 {\n  删除 一级指标 能力建设\n}');
    expect(r.diagnostics.map((d) => d.code)).toContain(CODES.capsVsTotal.code);
  });

  it('a chain of three years resolves, and renames accumulate', () => {
    const t2025 = '模板 部门整体支出 2025 继承 2024 {\n  重命名 一级指标 履职效能 为 履职成效\n}';
    const r = checkSource({ file: 'rules/2025/部门整体支出.jx', text: t2025 }, loader({ 2023: t2023, 2024: t2024 }));
    expect(r.template!.sections[2]!.name).toBe('履职成效');
    expect(r.template!.sections[2]!.renamedFrom).toEqual(['履职效果', '履职效能']);
    expect(r.chain.map((c) => c.year)).toEqual([2025, 2024, 2023]);
  });
});
