import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { format, parse, printName } from '../src/index.ts';

const strip = (x: unknown) => JSON.stringify(x, (k, v) => (k === 'range' || k === 'scoreRange' ? undefined : v));
const fmt = (src: string) => {
  const r = parse(src);
  return format(r.ast, r.comments, src);
};

describe('formatter', () => {
  for (const f of ['甘肃/2023/部门整体支出.jx', '甘肃/2024/部门整体支出.jx', '全国/2020/项目支出.jx', '江西/2017/项目支出.jx']) {
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

  it('writes a chain of cases too long for a line one 否则 a line, and reads it back the same', () => {
    const cases = Array.from({ length: 6 }, (_, i) => `如果 实际 >= ${90 - 5 * i} 则 max(0 分, 权重 - ${i} 分)`).join(' 否则 ');
    const src = `模板 X 1 { 规则 R { 得分 = ${cases} 否则 0 分 } }`;
    const out = fmt(src);
    expect(out.split('\n').slice(2, 9)).toEqual([
      '    得分 = 如果 实际 >= 90 则 max(0 分, 权重 - 0 分)',
      '      否则 如果 实际 >= 85 则 max(0 分, 权重 - 1 分)',
      '      否则 如果 实际 >= 80 则 max(0 分, 权重 - 2 分)',
      '      否则 如果 实际 >= 75 则 max(0 分, 权重 - 3 分)',
      '      否则 如果 实际 >= 70 则 max(0 分, 权重 - 4 分)',
      '      否则 如果 实际 >= 65 则 max(0 分, 权重 - 5 分)',
      '      否则 0 分',
    ]);
    expect(strip(parse(out).ast)).toBe(strip(parse(src).ast));
    expect(fmt(out)).toBe(out);
    // short enough: one line; a 如果 inside a case keeps its brackets
    expect(fmt('模板 X 1 { 规则 R { 得分 = 如果 目标 = 0 则 (如果 实际 <= 0 则 权重 否则 0 分) 否则 权重 } }')).toContain(
      '    得分 = 如果 目标 = 0 则 (如果 实际 <= 0 则 权重 否则 0 分) 否则 权重\n',
    );
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

describe('edits in a template that extends another', () => {
  it('parses 删除 and 重命名 and formats them back to the same AST', async () => {
    const { parse, format } = await import('../src/index.ts');
    const src =
      '模板 部门整体支出 2024 继承 2023 {\n  删除 一级指标 能力建设；删除 规则 等于\n  删除 扣分 “审计 问题”\n  重命名 一级指标 履职效果 为 履职效能\n  rename section A as B\n}\n';
    const r = parse(src);
    expect(r.diagnostics).toEqual([]);
    const items = r.ast.templates[0]!.items;
    expect(items.map((i) => i.kind)).toEqual(['Remove', 'Remove', 'Remove', 'Rename', 'Rename']);
    expect(items[0]).toMatchObject({ what: 'section', name: { text: '能力建设' } });
    expect(items[1]).toMatchObject({ what: 'rule', name: { text: '等于' } });
    expect(items[2]).toMatchObject({ what: 'deduction', name: { text: '审计 问题' } });
    expect(items[3]).toMatchObject({ from: { text: '履职效果' }, to: { text: '履职效能' } });
    const out = format(r.ast, r.comments, src);
    expect(out).toContain('删除 一级指标 能力建设\n  删除 规则 等于\n  删除 扣分 “审计 问题”\n  重命名 一级指标 履职效果 为 履职效能\n  重命名 一级指标 A 为 B');
    const strip = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (k, v) => (k === 'range' || k === 'scoreRange' ? undefined : v)));
    expect(strip(parse(out).ast)).toEqual(strip(r.ast));
    expect(format(parse(out).ast, parse(out).comments, out)).toBe(out);
  });

  it('a name spelled like the new keywords is quoted by the formatter and still a name', async () => {
    const { parse, format } = await import('../src/index.ts');
    const src = '模板 X 2024 继承 2023 { 重命名 一级指标 “为” 为 为民服务 }';
    const r = parse(src);
    expect(r.diagnostics).toEqual([]);
    const out = format(r.ast);
    expect(out).toContain('重命名 一级指标 “为” 为 为民服务');
  });
});
