// src/cst.generated.ts must be what chevrotain generates from today's grammar: a grammar
// change (a renamed LABEL, a new subrule) without regeneration would leave the visitor
// typed against a CST that no longer exists.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CST_FILE, cstDts } from '../scripts/cst-dts.ts';

describe('CST types', () => {
  it('src/cst.generated.ts matches the grammar', () => {
    const committed = readFileSync(CST_FILE, 'utf8');
    const fresh = cstDts();
    // sanity: the generator did produce the types the visitor imports (no vacuous pass)
    expect(fresh).toContain('export interface TemplateCstNode extends CstNode');
    expect(committed, 'packages/language/src/cst.generated.ts is out of date with the grammar in parser.ts: run `npx -y pnpm@12.4.2 gen:cst` and commit the result').toBe(fresh);
  });
});
