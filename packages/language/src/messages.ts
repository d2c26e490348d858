// What a syntax error cites. chevrotain asks for one string per error; we return the
// error's data (codes.ts SyntaxData) packed as JSON and parse.ts words it through the
// catalogue, so the parser stays ignorant of how messages are shown.
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { tokenLabel } from 'chevrotain';
import type { SyntaxData } from './codes.ts';
import type { Message } from './diagnostics.ts';

/** What a grammar rule is, in words a policy officer knows. */
const ruleWords: Record<string, Message> = {
  file: { zh: '模板文件', en: 'template file' },
  template: { zh: '模板', en: 'template' },
  item: { zh: '模板内容 (总分、等级、规则、一级指标 等)', en: 'template item (总分, 等级, 规则, 一级指标, …)' },
  titleDecl: { zh: '标题', en: 'title' },
  totalDecl: { zh: '总分', en: 'total' },
  roundingDecl: { zh: '保留小数', en: 'rounding' },
  gradesDecl: { zh: '等级', en: 'grades' },
  gradeBand: { zh: '等级档次', en: 'grade band' },
  tiersDecl: { zh: '定性分档', en: 'tiers' },
  tier: { zh: '定性档次', en: 'tier' },
  range: { zh: '区间 (如 80%..100%)', en: 'range (e.g. 80%..100%)' },
  aliasList: { zh: '别名', en: 'aliases' },
  ruleDecl: { zh: '规则', en: 'rule' },
  shape: { zh: '适用的目标形状 (>=、<=、=、定性、期限)', en: 'target shape (>=, <=, =, 定性, 期限)' },
  scoreDecl: { zh: '得分公式', en: 'score formula' },
  sectionDecl: { zh: '指标', en: 'indicator' },
  sectionItem: { zh: '指标内容 (得分、单位填报、采用、别名、下级指标)', en: 'indicator item' },
  deductionDecl: { zh: '扣分', en: 'deduction' },
  aggregationDecl: { zh: '汇总', en: 'aggregation' },
  aggregationEntry: { zh: '汇总方法', en: 'aggregation entry' },
  quantity: { zh: '数值', en: 'quantity' },
  cmpOp: { zh: '比较符号', en: 'comparison' },
  name: { zh: '名称', en: 'name' },
  sep: { zh: '分隔符', en: 'separator' },
  expr: { zh: '公式', en: 'formula' },
  andExpr: { zh: '公式', en: 'formula' },
  cmpExpr: { zh: '公式', en: 'formula' },
  addExpr: { zh: '公式', en: 'formula' },
  mulExpr: { zh: '公式', en: 'formula' },
  unaryExpr: { zh: '公式', en: 'formula' },
  primary: { zh: '公式中的值', en: 'value in a formula' },
  call: { zh: '函数调用', en: 'function call' },
  ifExpr: { zh: '如果…则…否则…', en: 'if … then … else …' },
};

/** What may appear inside each braced block, for 'missing }' messages. */
const innerOf: Record<string, string> = {
  template: 'item',
  sectionDecl: 'sectionItem',
  gradesDecl: 'gradeBand',
  tiersDecl: 'tier',
  aggregationDecl: 'aggregationEntry',
  ruleDecl: 'scoreDecl',
};

export function ruleWord(rule: string): Message {
  return ruleWords[rule] ?? { zh: rule, en: rule };
}

/** The token as written, or null at the end of the file. */
function foundText(tok: IToken): string | null {
  return tok.tokenType.name === 'EOF' ? null : tok.image;
}

/**
 * What a token type is, in words: a keyword or sign as written (“分值”, “}”), the kinds of
 * token by what they are (数字, 名称 …), never a grammar's token name (EOF, NumberLit).
 */
const KIND_WORDS: Record<string, Message> = {
  EOF: { zh: '文件结尾', en: 'the end of the file' },
  NumberLit: { zh: '数字', en: 'a number' },
  Identifier: { zh: '名称', en: 'a name' },
  StringLit: { zh: '带引号的名称', en: 'a quoted name' },
  Comment: { zh: '注释', en: 'a comment' },
  RoundingMode: { zh: '舍入方式（四舍五入、截断、银行家舍入）', en: 'a rounding mode (四舍五入, 截断, 银行家舍入)' },
  UnitWord: { zh: '单位（如 分、万元、项）', en: 'a unit (分, 万元, 项 …)' },
};

/** A token type as the data cite it: a kind's name (NumberLit) or the keyword as written. */
function tokenKind(t: TokenType): string {
  return KIND_WORDS[t.name] ? t.name : tokenLabel(t);
}

/** A token the data cite (tokenKind), in words. */
export function kindWords(kind: string): Message {
  return KIND_WORDS[kind] ?? { zh: kind, en: kind };
}

function expectedLabels(paths: TokenType[][][] | TokenType[][]): string[] {
  const firsts = new Set<string>();
  for (const p of paths.flat(1) as (TokenType[] | TokenType)[]) {
    const first = Array.isArray(p) ? p[0] : p;
    if (first) firsts.add(tokenKind(first));
  }
  return [...firsts].slice(0, 8);
}

const pack = (d: SyntaxData): string => JSON.stringify(d);

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    const found = foundText(actual);
    if (expected.name === 'EOF') return pack({ kind: 'extra', rule: 'file', found });
    if (expected.name === 'NumberLit') return pack({ kind: 'number', rule: ruleName, found });
    if (expected.name === 'RBrace') {
      if (found === null) return pack({ kind: 'unclosed', rule: ruleName, found });
      return pack({ kind: 'close', rule: ruleName, found, inner: innerOf[ruleName] ?? 'item' });
    }
    return pack({ kind: 'token', rule: ruleName, found, expected: [tokenKind(expected)] });
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return pack({ kind: 'extra', rule: 'file', found: foundText(firstRedundant) });
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    return pack({ kind: 'alternatives', rule: ruleName, found: foundText(actual[0]!), expected: expectedLabels(expectedPathsPerAlt) });
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    return pack({ kind: 'atLeastOne', rule: ruleName, found: foundText(actual[0]!), expected: expectedLabels(expectedIterationPaths) });
  },
};
