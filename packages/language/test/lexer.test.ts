import { describe, expect, it } from 'vitest';
import { JxLexer, createLexer } from '../src/tokens.ts';

const kinds = (src: string) => JxLexer.tokenize(src).tokens.map((t) => `${t.tokenType.name}:${t.image}`);

describe('lexer', () => {
  it("passes chevrotain's validation of the token definitions (skipped at start-up)", () => {
    expect(createLexer({ validate: true }).lexerDefinitionErrors).toEqual([]);
  });

  it('separates keywords from names that start with them', () => {
    expect(kinds('分值 分值表 定性分档 定性 总分不低于 总分')).toEqual([
      'Weight:分值',
      'Identifier:分值表',
      'Tiers:定性分档',
      'Qualitative:定性',
      'Floor:总分不低于',
      'Total:总分',
    ]);
  });

  it('reads numbers and units written together or apart', () => {
    expect(kinds('分值10分 58.00 万元 80%..100％ 3项')).toEqual([
      'Weight:分值',
      'NumberLit:10',
      'UnitWord:分',
      'NumberLit:58.00',
      'UnitWord:万元',
      'NumberLit:80',
      'Percent:%',
      'DotDot:..',
      'NumberLit:100',
      'Percent:％',
      'NumberLit:3',
      'UnitWord:项',
    ]);
  });

  it('accepts ASCII, Unicode and full-width operators and brackets', () => {
    expect(kinds('>= ≥ ＞＝ <= ≤ ＜ ＞ ＝ ≠ × ÷ （ ） ｛ ｝ ， ；').map((k) => k.split(':')[0])).toEqual([
      'GreaterEq',
      'GreaterEq',
      'GreaterEq',
      'LessEq',
      'LessEq',
      'Less',
      'Greater',
      'Equals',
      'NotEq',
      'Times',
      'Divide',
      'LParen',
      'RParen',
      'LBrace',
      'RBrace',
      'Comma',
      'Semi',
    ]);
  });

  it('keeps comments in their own group and quoted names whole', () => {
    const r = JxLexer.tokenize('“党建工作(项)” # 注释\n「a」 "x\\"y" // more');
    expect(r.tokens.map((t) => t.image)).toEqual(['“党建工作(项)”', '「a」', '"x\\"y"']);
    expect(r.groups['comments']!.map((t) => t.image)).toEqual(['# 注释', '// more']);
  });

  it('reports an unknown character with its position', () => {
    const r = JxLexer.tokenize('总分\n  @ 100');
    expect(r.errors[0]).toMatchObject({ line: 2, column: 3 });
  });
});
