// src/cst.generated.ts must be what chevrotain generates from today's grammar: a grammar
// change (a renamed LABEL, a new subrule) without regeneration would leave the visitor
// typed against a CST that no longer exists.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CST_FILE, cstDts } from '../scripts/cst-dts.ts';
import type { FileCstNode, RuleDeclCstNode, TemplateCstNode } from '../src/cst.generated.ts';
import { node, nodes, token, tokens } from '../src/cst-read.ts';
import { parserInstance } from '../src/parser.ts';
import { JxLexer } from '../src/tokens.ts';

describe('CST types', () => {
  it('src/cst.generated.ts matches the grammar', () => {
    const committed = readFileSync(CST_FILE, 'utf8');
    const fresh = cstDts();
    // sanity: the generator did produce the types the visitor imports (no vacuous pass)
    expect(fresh).toContain('export interface TemplateCstNode extends CstNode');
    expect(committed, 'packages/language/src/cst.generated.ts is out of date with the grammar in parser.ts: run `npx -y pnpm@12.4.2 gen:cst` and commit the result').toBe(fresh);
  });
});

// The visitor's reads are keyed by those types. tsc (`pnpm typecheck`) checks the lines
// marked ts-expect-error below: each must be an error, or the helpers have lost their types.
describe('typed CST reads', () => {
  it('a child name the grammar does not produce is a compile error', () => {
    const read = (t: TemplateCstNode, r: RuleDeclCstNode) => [
      node(t, 'name'),
      token(t, 'year'),
      nodes(r, 'shape'),
      // @ts-expect-error a misspelt subrule
      node(t, 'nmae'),
      // @ts-expect-error a token key is not a subrule
      node(t, 'year'),
      // @ts-expect-error a subrule key is not a token
      token(t, 'name'),
      // @ts-expect-error a key of another rule
      tokens(r, 'parent'),
    ];
    parserInstance.input = JxLexer.tokenize('模板 考核 2023 { 规则 r 适用 >= : 得分 = 1 }').tokens;
    const file = parserInstance.file() as FileCstNode;
    expect(parserInstance.errors).toEqual([]);
    const t = node(file, 'template')!;
    const r = node(node(t, 'item')!, 'ruleDecl')!;
    const [nm, year, shapes, ...wrong] = read(t, r);
    expect(nm).toMatchObject({ name: 'name' });
    expect(year).toMatchObject({ image: '2023' });
    expect(shapes).toHaveLength(1);
    // at run time a wrong key just finds nothing, which is why it must not compile
    expect(wrong).toEqual([undefined, undefined, undefined, []]);
  });
});
