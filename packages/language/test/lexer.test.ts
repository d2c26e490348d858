import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { JxLexer, allTokens, createLexer } from '../src/tokens.ts';

const kinds = (src: string) => JxLexer.tokenize(src).tokens.map((t) => `${t.tokenType.name}:${t.image}`);

describe('lexer', () => {
  it("passes chevrotain's validation of the token definitions (skipped at start-up)", () => {
    expect(createLexer({ validate: true }).lexerDefinitionErrors).toEqual([]);
  });

  it('says of each token whether it can span lines as chevrotain would find: the same positions as a lexer left to find out', () => {
    // the line_breaks hints spare every command's start-up chevrotain's analysis of each pattern;
    // a wrong hint would put every token after a line break on the wrong line
    type Hinted = TokenType & { LINE_BREAKS?: boolean };
    const hints = allTokens.map((t) => [t as Hinted, (t as Hinted).LINE_BREAKS] as const);
    let analysed: Lexer;
    try {
      for (const [t] of hints) delete t.LINE_BREAKS;
      analysed = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });
    } finally {
      for (const [t, v] of hints) t.LINE_BREAKS = v;
    }
    expect(hints.filter(([, v]) => v === undefined).map(([t]) => t.name)).toEqual([]);
    const root = join(import.meta.dirname, '../../../rules');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.jx'));
    expect(files.length).toBeGreaterThan(5);
    const texts = [
      ...files.map((f) => readFileSync(join(root, f), 'utf8')),
      '模板 "a\nb" {\r\n分值\r10 # 注释\u2028“x\ny”\u2029「z」\n\n  ＃ 全角\n\t\u3000y}',
      '"未闭合\n的字符串\r\n分值 10\n“又一个\n',
    ];
    const at = (ts: IToken[]) => ts.map((t) => [t.tokenType.name, t.image, t.startLine, t.startColumn, t.endLine, t.endColumn]);
    for (const text of texts) {
      const a = JxLexer.tokenize(text);
      const b = analysed.tokenize(text);
      expect(at(a.tokens)).toEqual(at(b.tokens));
      expect(at(a.groups['comments'] ?? [])).toEqual(at(b.groups['comments'] ?? []));
      expect(a.errors).toEqual(b.errors);
    }
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
