import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { format, parse, printName } from '../src/index.ts';

const strip = (x: unknown) => JSON.stringify(x, (k, v) => (k === 'range' || k === 'scoreRange' ? undefined : v));
const fmt = (src: string) => {
  const r = parse(src);
  return format(r.ast, r.comments, src);
};

describe('formatter', () => {
  for (const f of ['2023/部门整体支出.jx', '2020/项目支出.jx']) {
    it(`leaves the official ${f} unchanged (comments included)`, () => {
      const src = readFileSync(new URL(`../../../rules/${f}`, import.meta.url), 'utf8');
      expect(fmt(src)).toBe(src);
    });
  }

  it('normalises spacing, operators and keywords but keeps the AST', () => {
    const src = 'template X 2023{total 100分;规则 R 适用 ≥:得分=权重×min(实际÷目标,1)  一级指标 A 分值 100分{单位填报}}';
    const out = fmt(src);
    expect(out).toBe(
      ['模板 X 2023 {', '  总分 100 分', '  规则 R 适用 >= {', '    得分 = 权重 * min(实际 / 目标, 1)', '  }', '  一级指标 A 分值 100 分 { 单位填报 }', '}', ''].join('\n'),
    );
    expect(strip(parse(out).ast)).toBe(strip(parse(src).ast));
  });

  it('adds only the parentheses precedence needs', () => {
    const out = fmt('模板 X 1 { 规则 R 适用 >= { 得分 = (权重 - (实际 - 目标)) * ((1)) + -(实际 + 1) } }');
    expect(out).toContain('得分 = (权重 - (实际 - 目标)) * 1 + -(实际 + 1)');
  });

  it('keeps trailing and leading comments', () => {
    const out = fmt('模板 X 1 {\n  # lead\n  总分 100 分 # trail\n}\n');
    expect(out).toBe('模板 X 1 {\n  # lead\n  总分 100 分 # trail\n}\n');
  });

  it('quotes names only when they would not read back as one name', () => {
    expect(printName('部门管理')).toBe('部门管理');
    expect(printName('党建工作(项)')).toBe('“党建工作(项)”');
    expect(printName('分值')).toBe('“分值”');
    expect(printName('a”b')).toBe('「a”b」');
    expect(printName('"); process.exit(1); ("')).toBe('“"); process.exit(1); ("”');
  });
});
