// Entry point of the language stage: text → AST + diagnostics. Never throws on user
// input: lexing and parsing errors are collected (many per pass, thanks to chevrotain's
// recovery) and returned as located diagnostics.
import type { IRecognitionException, IToken } from 'chevrotain';
import type * as A from './ast.ts';
import { JxLexer } from './tokens.ts';
import { parserInstance } from './parser.ts';
import { buildAst, endPosition, tokenRange } from './visitor.ts';
import { LANGUAGE_CODES } from './codes.ts';

export interface Comment {
  text: string;
  range: A.Range;
}

export interface ParseResult {
  ast: A.TemplateFile;
  comments: Comment[];
  diagnostics: A.Diagnostic[];
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

function unpack(message: string): { zh: string; en: string } {
  try {
    const m = JSON.parse(message) as { zh?: unknown; en?: unknown };
    if (typeof m.zh === 'string' && typeof m.en === 'string') return { zh: m.zh, en: m.en };
  } catch {
    /* a message chevrotain built itself */
  }
  return { zh: message, en: message };
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

function nestingDiagnostic(start: A.Position): A.Diagnostic {
  return {
    code: LANGUAGE_CODES.tooDeep.code,
    severity: LANGUAGE_CODES.tooDeep.severity,
    range: { start, end: { ...start, offset: start.offset + 1, column: start.column + 1 } },
    message: {
      zh: `括号或条件嵌套超过 ${MAX_NESTING} 层，无法处理`,
      en: `brackets or conditions nested deeper than ${MAX_NESTING} levels`,
    },
    help: { zh: '拆分公式，减少嵌套层数', en: 'split the formula to nest less deeply' },
  };
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
  const diagnostics: A.Diagnostic[] = [];
  const at = (d: A.Diagnostic): A.Diagnostic => (file ? { ...d, file } : d);
  if (text.length > MAX_SOURCE_CHARS) {
    const start = { offset: 0, line: 1, column: 1 };
    return {
      ast: { kind: 'File', templates: [], range: { start, end: start } },
      comments: [],
      diagnostics: [
        at({
          code: LANGUAGE_CODES.tooLarge.code,
          severity: LANGUAGE_CODES.tooLarge.severity,
          range: { start, end: start },
          message: {
            zh: `模板文件过大：${text.length} 个字符，上限为 ${MAX_SOURCE_CHARS}`,
            en: `template too large: ${text.length} characters, the limit is ${MAX_SOURCE_CHARS}`,
          },
          help: { zh: '请拆分模板或删除无关内容', en: 'split the template or remove unrelated text' },
        }),
      ],
    };
  }

  const lexed = JxLexer.tokenize(text);
  for (const e of lexed.errors) {
    const bad = text.slice(e.offset, e.offset + Math.min(e.length, 10));
    const start = positionAt(text, e.offset);
    diagnostics.push(
      at({
        code: LANGUAGE_CODES.lexer.code,
        severity: LANGUAGE_CODES.lexer.severity,
        range: { start, end: { offset: e.offset + e.length, line: start.line, column: start.column + e.length } },
        message: { zh: `无法识别的字符 “${bad}”`, en: `unrecognised character(s) '${bad}'` },
        help: {
          zh: '名称中含有标点或数字时请加引号，如 “党建工作(项)”',
          en: 'quote names that contain punctuation or digits, e.g. “党建工作(项)”',
        },
      }),
    );
  }

  const tooDeep = firstTooDeep(lexed.tokens);
  if (tooDeep) {
    const start = positionAt(text, tooDeep.startOffset);
    diagnostics.push(at(nestingDiagnostic(start)));
    return { ast: { kind: 'File', templates: [], range: { start: positionAt(text, 0), end: endPosition(text) } }, comments: [], diagnostics };
  }

  parserInstance.input = lexed.tokens;
  let cst;
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
    const message = unpack(e.message);
    const atEof = e.token.tokenType.name === 'EOF' || Number.isNaN(e.token.startOffset);
    if (atEof && openBrace) {
      message.zh += `（未闭合的 “{” 在第 ${openBrace.startLine} 行第 ${openBrace.startColumn} 列）`;
      message.en += ` (the unclosed '{' is at line ${openBrace.startLine}, column ${openBrace.startColumn})`;
    }
    const d: A.Diagnostic = {
      code: LANGUAGE_CODES.syntax.code,
      severity: LANGUAGE_CODES.syntax.severity,
      range: rangeForToken(text, e.token),
      message,
      help: atEof
        ? { zh: '在文件末尾补上 “}”', en: "add the missing '}' at the end" }
        : { zh: '检查这一行的写法，参见 docs/dsl.md', en: 'check the syntax of this line, see docs/dsl.md' },
    };
    // the template's own '{' left open (not an inner block's, whose '}' belongs elsewhere):
    // the '}' goes at the end, which is certain enough to offer as a fix
    if (atEof && openBrace && openBrace === lexed.tokens.find((t) => t.tokenType.name === 'LBrace')) {
      const end = endPosition(text);
      d.fixes = [{ title: { zh: '在文件末尾补上 “}”', en: "add the '}' at the end" }, edits: [{ range: { start: end, end }, text: text.endsWith('\n') ? '}\n' : '\n}\n' }] }];
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
    diagnostics.push(
      at({
        code: LANGUAGE_CODES.noTemplate.code,
        severity: LANGUAGE_CODES.noTemplate.severity,
        range: { start, end: start },
        message: { zh: '文件中没有模板：应以 “模板 <表单> <年度> {” 开头', en: "no template in the file: it should start with '模板 <form> <year> {'" },
        help: { zh: '在文件开头写上模板头，如 “模板 部门整体支出 2023 {”，并以 “}” 结束', en: "start the file with a template header such as '模板 部门整体支出 2023 {' and end it with '}'" },
      }),
    );
  }
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { ast, comments, diagnostics };
}
