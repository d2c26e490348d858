import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.ts';
import { JxParser } from '../src/parser.ts';
import type { RuleDecl, SectionDecl, Template } from '../src/index.ts';

const rules2023 = readFileSync(new URL('../../../rules/甘肃/2023/部门整体支出.jx', import.meta.url), 'utf8');
const rules2020 = readFileSync(new URL('../../../rules/全国/2020/项目支出.jx', import.meta.url), 'utf8');

function only(src: string): Template {
  const r = parse(src);
  expect(r.diagnostics).toEqual([]);
  return r.ast.templates[0]!;
}

describe('the grammar', () => {
  it("passes chevrotain's grammar validations (skipped at start-up)", () => {
    // with validations on, construction throws on an ambiguity or left recursion
    let p: JxParser | undefined;
    expect(() => {
      p = new JxParser({ validate: true });
    }).not.toThrow();
    expect((p as unknown as { definitionErrors: unknown[] }).definitionErrors).toEqual([]);
  });
});

describe('parser: the official templates', () => {
  it('parses 2023 部门整体支出 into sections with caps', () => {
    const t = only(rules2023);
    expect(t.name.text).toBe('部门整体支出');
    expect(t.year.value).toBe(2023);
    const sections = t.items.filter((i): i is SectionDecl => i.kind === 'Section');
    expect(sections.map((s) => [s.name.text, s.weight.value])).toEqual([
      ['预算执行率', 10],
      ['部门管理', 20],
      ['履职效果', 50],
      ['能力建设', 10],
      ['服务对象满意度', 10],
    ]);
    expect(sections[4]!.aliases.map((a) => a.text)).toEqual(['满意度指标', '满意度']);
    expect(sections[1]!.filledByUnit).toBe(true);
    expect(sections[0]!.score?.kind).toBe('Binary');
  });

  it('parses 2020 项目支出 with its rules and their shapes', () => {
    const t = only(rules2020);
    const rules = t.items.filter((i): i is RuleDecl => i.kind === 'Rule');
    expect(rules.map((r) => [r.name.text, r.shapes.join(',')])).toEqual([
      ['正向', '>='],
      ['严格正向', '>'],
      ['反向', '<='],
      ['严格反向', '<'],
      ['等于', '='],
      ['定性', 'qualitative'],
      ['时效', 'deadline'],
    ]);
  });

  it('records exact source ranges', () => {
    const t = only('模板 X 2023 {\n  总分 100 分\n}');
    const total = t.items[0]!;
    expect(total.range.start).toEqual({ offset: 14, line: 2, column: 3 });
    expect(total.range.end.column).toBe(11);
  });
});

describe('parser: syntax', () => {
  it('builds expressions with precedence and if-then-else', () => {
    const t = only('模板 X 2023 { 规则 R 适用 >= { 得分 = 如果 实际 <= 目标 且 目标 > 0 则 权重 否则 权重 * 2 - 1 } }');
    const r = t.items[0] as RuleDecl;
    expect(r.score.kind).toBe('If');
    if (r.score.kind !== 'If') return;
    expect(r.score.cond).toMatchObject({ kind: 'Logical', op: 'and' });
    expect(r.score.else).toMatchObject({ kind: 'Binary', op: '-', left: { kind: 'Binary', op: '*' } });
  });

  it('accepts English keyword aliases and full-width punctuation', () => {
    const t = only('template X 2023 ｛ total 100 分； grades 优 ≥ 90 分，差 ｝');
    expect(t.items.map((i) => i.kind)).toEqual(['Total', 'Grades']);
  });

  it('accepts grade ranges and nested fixed indicators', () => {
    const t = only(`模板 X 2023 {
      等级 { 优 >= 80 分; 良 70..80 分; 中 60~70 分; 差 < 60 分 }
      一级指标 产出 分值 50 分 { 二级指标 数量 分值 20 分 { 采用 正向 }; 二级指标 "质量(%)" 分值 30 分 }
    }`);
    const s = t.items[1] as SectionDecl;
    expect(s.children.map((c) => [c.level, c.name.text, c.rule?.text ?? null])).toEqual([
      [2, '数量', '正向'],
      [2, '质量(%)', null],
    ]);
  });
});

describe('parser: errors', () => {
  const lines = rules2023.split('\n');

  it('locates a garbage line and still parses the rest', () => {
    const src = [...lines.slice(0, 30), '这是 一行 垃圾 ))', ...lines.slice(30)].join('\n');
    const r = parse(src, 'x.jx');
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics[0]!.range.start.line).toBe(31);
    expect(r.diagnostics[0]!.file).toBe('x.jx');
    expect(r.diagnostics[0]!.message.zh).toContain('这是');
    // recovery: the sections after the bad line are still in the AST
    const names = r.ast.templates[0]!.items.filter((i) => i.kind === 'Section').map((s) => (s as SectionDecl).name.text);
    expect(names).toContain('服务对象满意度');
  });

  it('reports every error of a file in one pass', () => {
    // both between two rules of the template: after its lines 30 and 55
    const src = [...lines.slice(0, 30), '垃圾 一', ...lines.slice(30, 55), '垃圾 二', ...lines.slice(55)].join('\n');
    const r = parse(src);
    expect(r.diagnostics.map((d) => d.range.start.line)).toEqual([31, 57]);
  });

  it('points a missing closing brace at the end and names the open one', () => {
    const src = rules2023.trimEnd().replace(/\}$/, '');
    const r = parse(src);
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d.message.zh).toContain('缺少结尾的 “}”');
    expect(d.message.zh).toContain('第 7 行');
    expect(d.range.start.line).toBe(src.split('\n').length);
  });

  it("offers the template's missing '}' as a fix that makes the file parse", () => {
    const src = rules2023.trimEnd().replace(/\}$/, '');
    const d = parse(src).diagnostics[0]!;
    expect(d.fixes?.map((f) => f.title.zh)).toEqual(['在文件末尾补上 “}”']);
    const e = d.fixes![0]!.edits[0]!;
    const fixed = src.slice(0, e.range.start.offset) + e.text + src.slice(e.range.end.offset);
    expect(parse(fixed).diagnostics).toEqual([]);
    // an inner block's '}' belongs somewhere inside: no fix is guessed for it
    const inner = rules2023.replace('一级指标 部门管理 分值 20 分 { 单位填报 }', '一级指标 部门管理 分值 20 分 { 单位填报');
    expect(inner).not.toBe(rules2023);
    expect(parse(inner).diagnostics.flatMap((x) => x.fixes ?? [])).toEqual([]);
  });

  it("words syntax errors without the grammar's token names", () => {
    // a note that lost its '#': outside the template, not "缺少 EOF"
    const note = parse(rules2023.replace(/^# /, '')).diagnostics[0]!;
    expect(note.message.zh).toContain('不在模板之内');
    expect(note.message.zh).toContain('“#”');
    expect(note.message.en).toContain('outside the template');
    const bad = [
      rules2023.replace(/^# /, ''),
      rules2023 + '\n}',
      rules2023.replace('权重 * min(实际 / 目标, 1)', '权重 * min(实际 / 目标, 1) *'),
      rules2023.replace('别名 达成预期指标,', '别名 ,'),
    ];
    for (const src of bad)
      for (const d of parse(src).diagnostics) {
        expect(d.message.zh).not.toMatch(/EOF|NumberLit|Identifier|\((number|name|quoted name|comment)\)/);
        expect(d.message.en).not.toMatch(/EOF|NumberLit|Identifier|数字|名称/);
      }
  });

  it('locates a deleted cap on its line', () => {
    const src = rules2023.replace('一级指标 部门管理 分值 20 分', '一级指标 部门管理 分值 分');
    const r = parse(src);
    const line = src.split('\n').findIndex((l) => l.includes('部门管理 分值 分')) + 1;
    expect(r.diagnostics[0]!.range.start.line).toBe(line);
    expect(r.diagnostics[0]!.message.zh).toContain('数字');
    expect(r.diagnostics[0]!.message.en).toContain('number');
  });

  it('says there is no template in an empty file', () => {
    expect(parse('# only a comment\n').diagnostics[0]!.code).toBe('JX0004');
  });

  it('refuses oversized input with a message naming the limit', () => {
    const r = parse('#'.repeat(2_000_001));
    expect(r.diagnostics[0]!.code).toBe('JX0003');
    expect(r.diagnostics[0]!.message.zh).toContain('2000000');
  });
});

describe('parser: limits', () => {
  it('refuses brackets nested 10,000 deep with a message naming the limit, without throwing', () => {
    for (const n of [101, 10_000]) {
      const src = `模板 X 2023 { 规则 R 适用 >= { 得分 = ${'('.repeat(n)}权重${')'.repeat(n)} } }`;
      const r = parse(src);
      expect(r.diagnostics[0]!.code).toBe('JX0005');
      expect(r.diagnostics[0]!.message.zh).toContain('100');
      // two braces and 98 brackets are allowed; the 99th bracket is the 101st level
      expect(r.diagnostics[0]!.range.start.column).toBe(src.indexOf('(') + 1 + 98);
    }
    const blocks = `模板 X 2023 { ${'一级指标 A 分值 1 分 {'.repeat(10_000)}${'}'.repeat(10_000)} }`;
    expect(parse(blocks).diagnostics[0]!.code).toBe('JX0005');
  });

  it('survives 10,000 chained conditions and minus signs', () => {
    const ifs = `模板 X 2023 { 规则 R 适用 >= { 得分 = ${'如果 实际 > 0 则 '.repeat(10_000)}权重${' 否则 0'.repeat(10_000)} } }`;
    const minus = `模板 X 2023 { 规则 R 适用 >= { 得分 = ${'- '.repeat(10_000)}权重 } }`;
    for (const src of [ifs, minus]) expect(parse(src).diagnostics.map((d) => d.code)).toContain('JX0005');
  });

  it('parses nesting at the limit (two braces and 98 brackets)', () => {
    const src = `模板 X 2023 { 规则 R 适用 >= { 得分 = ${'('.repeat(98)}权重${')'.repeat(98)} } }`;
    expect(parse(src).diagnostics).toEqual([]);
  });

  it('parses a 1 MB template', () => {
    const big = '模板 X 2023 { 总分 100 分 ' + Array.from({ length: 20_000 }, (_, i) => `一级指标 “A${i}” 分值 0.005 分 { 单位填报 }`).join('\n') + ' }';
    expect(big.length).toBeGreaterThan(500_000);
    const r = parse(big);
    expect(r.diagnostics).toEqual([]);
    expect(r.ast.templates[0]!.items).toHaveLength(20_001);
  });
});
