// Entry point of the language stage: text → AST + diagnostics. Never throws on user
// input: lexing and parsing errors are collected (many per pass, thanks to chevrotain's
// recovery) and returned as located diagnostics.
import type { CstNode, IRecognitionException, IToken } from 'chevrotain';
import type * as A from './ast.ts';
import { JxLexer } from './tokens.ts';
import { parserInstance } from './parser.ts';
import { buildAst, endPosition, tokenRange } from './visitor.ts';
import { LANGUAGE_CODES, type LanguageCodeKey, type SyntaxData } from './codes.ts';
import { buildFrom, type DataOf, type Diagnostic } from './diagnostics.ts';

export interface Comment {
  text: string;
  range: A.Range;
}

export interface ParseResult {
  ast: A.TemplateFile;
  comments: Comment[];
  diagnostics: Diagnostic[];
}

/** Inputs beyond this size are refused with a clear message instead of hanging. */
export const MAX_SOURCE_CHARS = 2_000_000;
/** Brackets nested deeper than this are refused: no real template comes close, and the
 * recursive-descent parser would otherwise run out of stack. */
export const MAX_NESTING = 100;

function positionAt(text: string, offset: number): A.Position {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 0x2028 || c === 0x2029 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      col = 1;
    } else col++;
  }
  return { offset, line, column: col };
}

/** A diagnostic of this stage, worded by the catalogue. */
function diagnostic<K extends LanguageCodeKey>(key: K, range: A.Range, data: DataOf<(typeof LANGUAGE_CODES)[K]>): Diagnostic {
  return { ...buildFrom(LANGUAGE_CODES, key, data), range };
}

/** The data messages.ts packed; a message chevrotain built itself is cited as the token it names. */
function unpack(message: string, found: string | null): SyntaxData {
  try {
    const d = JSON.parse(message) as Partial<SyntaxData>;
    if (typeof d.kind === 'string' && typeof d.rule === 'string') return d as SyntaxData;
  } catch {
    /* not ours */
  }
  return { kind: 'alternatives', rule: 'item', found, expected: [] };
}

function rangeForToken(text: string, tok: IToken): A.Range {
  if (tok.tokenType.name === 'EOF' || Number.isNaN(tok.startOffset)) {
    const end = endPosition(text);
    return { start: end, end };
  }
  return tokenRange(tok);
}

/** The first bracket that opens one level deeper than MAX_NESTING, if any. */
function firstTooDeep(toks: IToken[]): IToken | undefined {
  let depth = 0;
  for (const t of toks) {
    const k = t.tokenType.name;
    if (k === 'LParen' || k === 'LBrace') {
      if (++depth > MAX_NESTING) return t;
    } else if (k === 'RParen' || k === 'RBrace') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

function nestingDiagnostic(start: A.Position): Diagnostic {
  return diagnostic('tooDeep', { start, end: { ...start, offset: start.offset + 1, column: start.column + 1 } }, { limit: MAX_NESTING });
}

/** The last '{' left open at the end of the token stream, if any. */
function unmatchedOpenBrace(toks: IToken[]): IToken | undefined {
  const stack: IToken[] = [];
  for (const t of toks) {
    if (t.tokenType.name === 'LBrace') stack.push(t);
    else if (t.tokenType.name === 'RBrace') stack.pop();
  }
  return stack[stack.length - 1];
}

export function parse(text: string, file?: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const at = (d: Diagnostic): Diagnostic => (file ? { ...d, file } : d);
  if (text.length > MAX_SOURCE_CHARS) {
    const start = { offset: 0, line: 1, column: 1 };
    return {
      ast: { kind: 'File', templates: [], range: { start, end: start } },
      comments: [],
      diagnostics: [at(diagnostic('tooLarge', { start, end: start }, { chars: text.length, limit: MAX_SOURCE_CHARS }))],
    };
  }

  const lexed = JxLexer.tokenize(text);
  for (const e of lexed.errors) {
    const bad = text.slice(e.offset, e.offset + Math.min(e.length, 10));
    const start = positionAt(text, e.offset);
    diagnostics.push(at(diagnostic('lexer', { start, end: { offset: e.offset + e.length, line: start.line, column: start.column + e.length } }, { text: bad })));
  }

  const tooDeep = firstTooDeep(lexed.tokens);
  if (tooDeep) {
    const start = positionAt(text, tooDeep.startOffset);
    diagnostics.push(at(nestingDiagnostic(start)));
    return { ast: { kind: 'File', templates: [], range: { start: positionAt(text, 0), end: endPosition(text) } }, comments: [], diagnostics };
  }

  parserInstance.input = lexed.tokens;
  let cst: CstNode;
  try {
    cst = parserInstance.file();
  } catch (e) {
    // Deep chains without brackets (如果 如果 …, - - - x) can still exhaust the stack.
    if (!(e instanceof RangeError)) throw e;
    diagnostics.push(at(nestingDiagnostic(positionAt(text, 0))));
    return { ast: { kind: 'File', templates: [], range: { start: positionAt(text, 0), end: endPosition(text) } }, comments: [], diagnostics };
  }
  const openBrace = unmatchedOpenBrace(lexed.tokens);
  for (const e of parserInstance.errors as IRecognitionException[]) {
    const atEof = e.token.tokenType.name === 'EOF' || Number.isNaN(e.token.startOffset);
    const data = unpack(e.message, atEof ? null : e.token.image);
    if (atEof) data.found = null;
    if (atEof && openBrace) data.openBrace = { line: openBrace.startLine ?? 1, column: openBrace.startColumn ?? 1 };
    const d = diagnostic('syntax', rangeForToken(text, e.token), data);
    // the template's own '{' left open (not an inner block's, whose '}' belongs elsewhere):
    // the '}' goes at the end, which is certain enough to offer as a fix
    if (atEof && openBrace && openBrace === lexed.tokens.find((t) => t.tokenType.name === 'LBrace')) {
      const end = endPosition(text);
      d.fixes = [{ title: { zh: '在文件末尾补上 “}”', en: 'add the “}” at the end' }, edits: [{ range: { start: end, end }, text: text.endsWith('\n') ? '}\n' : '\n}\n' }] }];
    }
    diagnostics.push(at(d));
  }

  const comments = (lexed.groups['comments'] ?? []).map((t) => ({ text: t.image, range: tokenRange(t) }));
  let ast: A.TemplateFile;
  try {
    ast = buildAst(cst, text);
  } catch {
    // The visitor is written to tolerate recovered trees; this is a last guard so the
    // playground never crashes on a half-typed template.
    ast = { kind: 'File', templates: [], range: { start: positionAt(text, 0), end: endPosition(text) } };
  }
  if (ast.templates.length === 0 && diagnostics.length === 0) {
    const start = positionAt(text, 0);
    diagnostics.push(at(diagnostic('noTemplate', { start, end: start }, {})));
  }
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { ast, comments, diagnostics };
}
