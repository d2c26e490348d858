// The catalogue of the language stage (lexing and parsing), the JX0 family. Codes never
// change meaning; new checks get new codes. The titles feed docs/errors.md.

import { code, quote, type Catalogue, type Message } from './diagnostics.ts';
import { kindWords, ruleWord } from './messages.ts';

/**
 * What a syntax error cites. chevrotain reports four kinds of error; the message provider
 * (messages.ts) passes what it knows as these data, and the catalogue words them.
 */
export type SyntaxData = {
  /**
   * number: a number is missing; unclosed: the file ends inside a block; close: something
   * other than the block's content or its '}'; token: one token expected; extra: text after
   * the end of the template; alternatives: none of several may start here; atLeastOne: a
   * list that needs an item has none
   */
  kind: 'number' | 'unclosed' | 'close' | 'token' | 'extra' | 'alternatives' | 'atLeastOne';
  /** the grammar rule being parsed (template, sectionDecl, …) */
  rule: string;
  /** the token found, as written; null at the end of the file */
  found: string | null;
  /** labels of the tokens that may stand here */
  expected?: string[];
  /** close: the rule of the block's content */
  inner?: string;
  /** at the end of the file: where the last '{' left open stands */
  openBrace?: { line: number; column: number };
};

/** A token as a message shows it: its text quoted, or 文件结尾 at the end. */
function found(text: string | null): Message {
  if (text === null) return { zh: '文件结尾', en: 'the end of the file' };
  const q = quote(text, 21);
  return { zh: q, en: q };
}

function syntaxMessage(d: SyntaxData): Message {
  const a = found(d.found);
  const w = ruleWord(d.rule);
  const words = (d.expected ?? []).map(kindWords);
  const labels = { zh: words.map((x) => x.zh).join('、'), en: words.map((x) => x.en).join(', ') };
  let m: Message;
  switch (d.kind) {
    case 'number':
      m = { zh: `此处缺少数字（如 “分值 20 分”），却遇到 ${a.zh}`, en: `a number is missing here (e.g. “分值 20 分”) but found ${a.en}` };
      break;
    case 'unclosed':
      m = { zh: `${w.zh}缺少结尾的 “}”`, en: `the ${w.en} is missing its closing “}”` };
      break;
    case 'close': {
      const inner = ruleWord(d.inner ?? 'item');
      m = { zh: `无法理解 ${a.zh}：此处应为${inner.zh}，或以 “}” 结束${w.zh}`, en: `cannot understand ${a.en}: expected ${inner.en} here, or “}” to close the ${w.en}` };
      break;
    }
    case 'token':
      m = { zh: `${w.zh}中缺少 ${labels.zh}，却遇到 ${a.zh}`, en: `in the ${w.en}: expected ${labels.en} but found ${a.en}` };
      break;
    case 'extra':
      // text before the first 模板, or after the “}” that closed one
      m = {
        zh: `${a.zh} 不在模板之内：模板从 “模板 <表单> <年度> {” 开始，到与之配对的 “}” 结束（是不是多了一个 “}”？）；说明文字请在行首加 “#” 写成注释`,
        en: `${a.en} is outside the template: a template runs from “模板 <form> <year> {” to its matching “}” (an extra “}”?); write notes as comments, starting the line with “#”`,
      };
      break;
    case 'alternatives':
      m = { zh: `此处应为${w.zh}，却遇到 ${a.zh}；可以是 ${labels.zh}`, en: `expected ${w.en} here but found ${a.en}; one of ${labels.en}` };
      break;
    case 'atLeastOne':
      m = { zh: `${w.zh}至少需要一项（${labels.zh}），却遇到 ${a.zh}`, en: `${w.en} needs at least one of ${labels.en} but found ${a.en}` };
      break;
  }
  const o = d.openBrace;
  if (o && d.found === null) {
    m.zh += `（未闭合的 “{” 在第 ${o.line} 行第 ${o.column} 列）`;
    m.en += ` (the unclosed “{” is at line ${o.line}, column ${o.column})`;
  }
  return m;
}

export const LANGUAGE_CODES = {
  lexer: code({
    code: 'JX0001',
    severity: 'error',
    title: { zh: '无法识别的字符', en: 'Unrecognised character' },
    message: (d: { text: string }) => ({ zh: `无法识别的字符 ${quote(d.text)}`, en: `unrecognised character(s) ${quote(d.text)}` }),
    help: () => ({ zh: '名称中含有标点或数字时请加引号，如 “党建工作(项)”', en: 'quote names that contain punctuation or digits, e.g. “党建工作(项)”' }),
  }),
  syntax: code({
    code: 'JX0002',
    severity: 'error',
    title: { zh: '语法错误', en: 'Syntax error' },
    message: syntaxMessage,
    help: (d: SyntaxData) =>
      d.found === null
        ? { zh: '在文件末尾补上 “}”', en: 'add the missing “}” at the end' }
        : { zh: '检查这一行的写法，参见 docs/dsl.md', en: 'check the syntax of this line, see docs/dsl.md' },
  }),
  tooLarge: code({
    code: 'JX0003',
    severity: 'error',
    title: { zh: '模板文件过大', en: 'Template file too large' },
    message: (d: { chars: number; limit: number }) => ({
      zh: `模板文件过大：${d.chars} 个字符，上限为 ${d.limit}`,
      en: `template too large: ${d.chars} characters, the limit is ${d.limit}`,
    }),
    help: () => ({ zh: '请拆分模板或删除无关内容', en: 'split the template or remove unrelated text' }),
  }),
  noTemplate: code({
    code: 'JX0004',
    severity: 'error',
    title: { zh: '文件中没有模板', en: 'No template in the file' },
    message: () => ({ zh: '文件中没有模板：应以 “模板 <表单> <年度> {” 开头', en: 'no template in the file: it should start with “模板 <form> <year> {”' }),
    help: () => ({
      zh: '在文件开头写上模板头，如 “模板 部门整体支出 2023 {”，并以 “}” 结束',
      en: 'start the file with a template header such as “模板 部门整体支出 2023 {” and end it with “}”',
    }),
  }),
  tooDeep: code({
    code: 'JX0005',
    severity: 'error',
    title: { zh: '嵌套过深', en: 'Nesting too deep' },
    message: (d: { limit: number }) => ({ zh: `括号或条件嵌套超过 ${d.limit} 层，无法处理`, en: `brackets or conditions nested deeper than ${d.limit} levels` }),
    help: () => ({ zh: '拆分公式，减少嵌套层数', en: 'split the formula to nest less deeply' }),
  }),
} as const satisfies Catalogue;

export type LanguageCodeKey = keyof typeof LANGUAGE_CODES;
