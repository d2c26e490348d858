// The one diagnostics model: catalogue entries word messages from data, severities come
// from the catalogue, and user text is quoted one way.
import { describe, expect, it } from 'vitest';
import { build, buildFrom, code, codesOf, hasErrors, jsonNumber, LANGUAGE_CODES, parse, quote, severitiesOf, severityOf, type Catalogue, type SeverityRule } from '../src/index.ts';

describe('quote', () => {
  it('puts user text in “…” in both languages, on one line, shortened', () => {
    expect(quote('部门管理')).toBe('“部门管理”');
    expect(quote('a\tb\r\nc\u2028d')).toBe('“a b c d”');
    expect(quote('x'.repeat(50))).toBe(`“${'x'.repeat(39)}…”`);
    expect(quote('x'.repeat(50), Infinity)).toBe(`“${'x'.repeat(50)}”`);
  });

  it('prints values that are not text as JSON, and never recurses without end', () => {
    expect(quote(12)).toBe('“12”');
    expect(quote(undefined)).toBe('“undefined”');
    const cycle: unknown[] = [];
    cycle.push(cycle);
    expect(quote(cycle)).toBe('“[…]”');
  });
});

describe('catalogue entries', () => {
  const rule: SeverityRule<{ blocking: boolean }> = {
    can: ['error', 'warning'],
    doc: { zh: '阻断时为错误', en: 'an error when it blocks' },
    of: (d) => (d.blocking ? 'error' : 'warning'),
  };
  const CATALOGUE = {
    fixed: code({
      code: 'T0002',
      severity: 'info',
      title: { zh: '固定', en: 'Fixed' },
      message: (d: { name: string }) => ({ zh: `名称 ${quote(d.name)}`, en: `name ${quote(d.name)}` }),
    }),
    ruled: code({
      code: 'T0001',
      severity: rule,
      title: { zh: '视情况', en: 'Depends' },
      message: () => ({ zh: '缺少列', en: 'a column is missing' }),
      help: (d) => (d.blocking ? { zh: '补上该列', en: 'add the column' } : undefined),
    }),
  } as const satisfies Catalogue;

  it('word the message and help from the data, and keep the data beside them', () => {
    expect(buildFrom(CATALOGUE, 'fixed', { name: '甲' })).toEqual({ code: 'T0002', severity: 'info', message: { zh: '名称 “甲”', en: 'name “甲”' }, data: { name: '甲' } });
  });

  it('give the severity, fixed or as a documented function of the data', () => {
    expect(severityOf(CATALOGUE.ruled, { blocking: true })).toBe('error');
    expect(build(CATALOGUE.ruled, { blocking: false })).toEqual({
      code: 'T0001',
      severity: 'warning',
      message: { zh: '缺少列', en: 'a column is missing' },
      data: { blocking: false },
    });
    expect(build(CATALOGUE.ruled, { blocking: true }).help).toEqual({ zh: '补上该列', en: 'add the column' });
    expect(severitiesOf(CATALOGUE.ruled)).toEqual(['error', 'warning']);
    expect(severitiesOf(CATALOGUE.fixed)).toEqual(['info']);
  });

  it('are listed in code order', () => {
    expect(codesOf(CATALOGUE).map((e) => e.code)).toEqual(['T0001', 'T0002']);
  });

  it('hasErrors looks at severities only', () => {
    expect(hasErrors([{ severity: 'warning' }, { severity: 'info' }])).toBe(false);
    expect(hasErrors([{ severity: 'info' }, { severity: 'error' }])).toBe(true);
  });

  it('jsonNumber names what JSON cannot carry', () => {
    expect([1.5, NaN, Infinity, -Infinity].map(jsonNumber)).toEqual([1.5, 'NaN', 'Infinity', '-Infinity']);
  });
});

describe('the language catalogue', () => {
  it('parser diagnostics carry the data they cite', () => {
    const lex = parse('模板 部门整体支出 2023 {\n  总分 100 分 ¤\n}\n').diagnostics[0]!;
    expect(lex).toMatchObject({ code: 'JX0001', severity: 'error', data: { text: '¤' } });
    const eof = parse('模板 部门整体支出 2023 {\n  总分 100 分\n').diagnostics[0]!;
    expect(eof).toMatchObject({ code: 'JX0002', data: { kind: 'unclosed', found: null, openBrace: { line: 1, column: 16 } } });
    expect(eof.message.zh).toBe('模板缺少结尾的 “}”（未闭合的 “{” 在第 1 行第 16 列）');
    expect(eof.help).toEqual({ zh: '在文件末尾补上 “}”', en: 'add the missing “}” at the end' });
    const deep = parse(`模板 X 2023 { 规则 R 适用 >= { 得分 = ${'('.repeat(101)}权重${')'.repeat(101)} } }`).diagnostics[0]!;
    expect(deep).toMatchObject({ code: 'JX0005', data: { limit: 100 } });
  });

  it('every entry has a title in both languages and a message for its data', () => {
    for (const e of codesOf(LANGUAGE_CODES)) expect(e.title.zh && e.title.en, e.code).toBeTruthy();
  });
});
