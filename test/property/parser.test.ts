// Property tests of the language stage: the parser never throws, every diagnostic is
// located inside the text, and formatting is stable (parse ∘ format is the identity on
// the AST, and format is idempotent).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format, parse } from '@jixiao/language';

const strip = (x: unknown) => JSON.stringify(x, (k, v) => (k === 'range' || k === 'scoreRange' ? undefined : v));

const vocabulary = [
  '模板',
  '部门整体支出',
  '2023',
  '继承',
  '{',
  '}',
  '｛',
  '｝',
  '总分',
  '100',
  '分',
  '保留小数',
  '2',
  '位',
  '四舍五入',
  '等级',
  '优',
  '>=',
  '≥',
  '90',
  ';',
  '；',
  ',',
  '，',
  '差',
  '定性分档',
  '达成',
  '80%',
  '..',
  '100%',
  '别名',
  '规则',
  '正向',
  '适用',
  '>',
  '<=',
  '=',
  '定性',
  '期限',
  '得分',
  '权重',
  '*',
  '×',
  'min',
  '(',
  ')',
  '（',
  '）',
  '实际',
  '/',
  '目标',
  '1',
  '如果',
  '则',
  '否则',
  '且',
  '或',
  '一级指标',
  '二级指标',
  '部门管理',
  '分值',
  '20',
  '单位填报',
  '采用',
  '扣分',
  '每项最多',
  '合计最多',
  '总分不低于',
  '0',
  '汇总',
  '绝对值',
  '累加',
  '按资金加权',
  '"引号(名)"',
  '“全角”',
  '# 注释\n',
  '\n',
  ' ',
  '-',
  '+',
  '万元',
  '项',
  '@',
  '\u2028',
  '"未闭合',
];

const tokenSoup = fc.array(fc.constantFrom(...vocabulary), { maxLength: 60 }).map((ts) => ts.join(' '));
const seedLines = readFileSync(new URL('../../rules/甘肃/2023/部门整体支出.jx', import.meta.url), 'utf8').split('\n');
/** The real template with a few lines deleted, duplicated or swapped. */
const mutatedTemplate = fc.array(fc.tuple(fc.constantFrom('del', 'dup', 'swap'), fc.nat(seedLines.length - 1), fc.nat(seedLines.length - 1)), { maxLength: 4 }).map((ops) => {
  const ls = [...seedLines];
  for (const [op, i, j] of ops) {
    if (op === 'del') ls.splice(i % ls.length, 1);
    else if (op === 'dup') ls.splice(i % ls.length, 0, ls[j % ls.length]!);
    else [ls[i % ls.length], ls[j % ls.length]] = [ls[j % ls.length]!, ls[i % ls.length]!];
  }
  return ls.join('\n');
});

const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), tokenSoup, mutatedTemplate);

describe('parser properties', () => {
  it('never throws, and locates every diagnostic inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = parse(text);
        for (const d of r.diagnostics) {
          expect(d.range.start.offset).toBeGreaterThanOrEqual(0);
          expect(d.range.start.offset).toBeLessThanOrEqual(text.length);
          expect(d.range.start.line).toBeGreaterThanOrEqual(1);
          expect(d.message.zh.length).toBeGreaterThan(0);
          expect(d.message.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('format is stable: parse(format(ast)) = ast, and format is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(tokenSoup, mutatedTemplate), (text) => {
        const r = parse(text);
        if (r.diagnostics.length > 0) return;
        const out = format(r.ast, r.comments, text);
        const again = parse(out);
        expect(again.diagnostics).toEqual([]);
        expect(strip(again.ast)).toBe(strip(r.ast));
        expect(format(again.ast, again.comments, out)).toBe(out);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('format over generated templates', () => {
  it('parse(format(t)) = t for every generated template AST (the generator shared with the compiler tests)', async () => {
    const { arbTemplate } = await import('../support/arbitraries.ts');
    fc.assert(
      fc.property(arbTemplate(), (t) => {
        const file = { kind: 'File' as const, templates: [t], range: t.range };
        const text = format(file);
        const r = parse(text);
        expect(r.diagnostics).toEqual([]);
        expect(strip(r.ast.templates[0])).toBe(strip(t));
      }),
      { numRuns: 300 },
    );
  });
});
