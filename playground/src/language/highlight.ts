// Highlighting from the language package's own lexer: the chevrotain tokens that the
// parser consumes are the ones coloured here, so the two never disagree. No token spans
// lines (comments run to the end of the line, strings stop at a newline), so lexing one
// line at a time is exact.
import { VARIABLES } from '@jixiao/compiler';
import { JxLexer, tokenClass, type TokenClass } from '@jixiao/language';

type IToken = ReturnType<typeof JxLexer.tokenize>['tokens'][number];

/** Monaco token types for each token class (themed in monaco.ts). */
export const TOKEN_TYPE: Record<TokenClass, string> = {
  keyword: 'keyword',
  name: 'identifier',
  string: 'string',
  number: 'number',
  unit: 'type.unit',
  operator: 'operator',
  punctuation: 'delimiter',
  comment: 'comment',
  function: 'predefined',
};

// The formula variables, every spelling, from the compiler's one table (the checker reads
// the same): coloured apart from indicator names.
const variableNames: ReadonlySet<string> = new Set(VARIABLES.map((v) => v.name));

export interface LineToken {
  start: number;
  end: number;
  type: string;
  cls: TokenClass | 'invalid';
  image: string;
  /** chevrotain token type name, e.g. Identifier, Use */
  kind: string;
}

/** The tokens of one line, comments included, in order; unlexable text as `invalid`. */
export function lexLine(line: string): LineToken[] {
  const r = JxLexer.tokenize(line);
  const toks: IToken[] = [...r.tokens, ...(r.groups['comments'] ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  const out: LineToken[] = toks.map((tk) => {
    const cls = tokenClass(tk.tokenType);
    let type = TOKEN_TYPE[cls];
    if (cls === 'name' && variableNames.has(tk.image)) type = 'variable.predefined';
    return { start: tk.startOffset, end: tk.startOffset + tk.image.length, type, cls, image: tk.image, kind: tk.tokenType.name };
  });
  for (const e of r.errors)
    out.push({ start: e.offset, end: e.offset + e.length, type: 'invalid', cls: 'invalid', image: line.slice(e.offset, e.offset + e.length), kind: 'Invalid' });
  return out.sort((a, b) => a.start - b.start);
}

/** Monaco's tokens for a line: every boundary, whitespace gaps as plain text. */
export function monacoTokens(line: string): { startIndex: number; scopes: string }[] {
  const out: { startIndex: number; scopes: string }[] = [];
  let at = 0;
  for (const tk of lexLine(line)) {
    if (tk.start > at) out.push({ startIndex: at, scopes: '' });
    out.push({ startIndex: tk.start, scopes: tk.type });
    at = tk.end;
  }
  if (at < line.length) out.push({ startIndex: at, scopes: '' });
  return out;
}

/** The token under a 0-based character index of the line (or just before it). */
export function tokenAt(line: string, index: number): LineToken | null {
  const toks = lexLine(line);
  return toks.find((tk) => tk.start <= index && index < tk.end) ?? toks.find((tk) => tk.end === index) ?? null;
}

/** The token before the one at `index`, skipping nothing but whitespace. */
export function tokenBefore(line: string, index: number): LineToken | null {
  const toks = lexLine(line).filter((tk) => tk.end <= index);
  return toks[toks.length - 1] ?? null;
}
