// Syntax error wording. chevrotain asks for one string per error; we return both
// languages packed as JSON and unpack them in parse.ts, so the parser stays ignorant
// of how messages are shown.
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { tokenLabel } from 'chevrotain';

/** What a grammar rule is, in words a policy officer knows. */
const ruleWords: Record<string, { zh: string; en: string }> = {
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

export function ruleWord(rule: string): { zh: string; en: string } {
  return ruleWords[rule] ?? { zh: rule, en: rule };
}

/** How a token shows in a message: the text as written, or 文件结尾 at EOF. */
export function shown(tok: IToken): { zh: string; en: string } {
  if (tok.tokenType.name === 'EOF') return { zh: '文件结尾', en: 'end of file' };
  const img = tok.image.length > 20 ? tok.image.slice(0, 20) + '…' : tok.image;
  return { zh: `“${img}”`, en: `'${img}'` };
}

/**
 * What a token type is, in words: a keyword or sign as written (“分值”, “}”), the kinds of
 * token by what they are (数字, 名称 …), never a grammar's token name (EOF, NumberLit).
 */
const KIND_WORDS: Record<string, { zh: string; en: string }> = {
  EOF: { zh: '文件结尾', en: 'the end of the file' },
  NumberLit: { zh: '数字', en: 'a number' },
  Identifier: { zh: '名称', en: 'a name' },
  StringLit: { zh: '带引号的名称', en: 'a quoted name' },
  Comment: { zh: '注释', en: 'a comment' },
  RoundingMode: { zh: '舍入方式（四舍五入、截断、银行家舍入）', en: 'a rounding mode (四舍五入, 截断, 银行家舍入)' },
  UnitWord: { zh: '单位（如 分、万元、项）', en: 'a unit (分, 万元, 项 …)' },
};

export function tokenWords(t: TokenType): { zh: string; en: string } {
  const k = KIND_WORDS[t.name];
  if (k) return k;
  const label = tokenLabel(t);
  return { zh: label, en: label };
}

function expectedLabels(paths: TokenType[][][] | TokenType[][]): { zh: string; en: string } {
  const firsts = new Map<string, { zh: string; en: string }>();
  for (const p of paths.flat(1) as (TokenType[] | TokenType)[]) {
    const first = Array.isArray(p) ? p[0] : p;
    if (first && !firsts.has(first.name)) firsts.set(first.name, tokenWords(first));
  }
  const all = [...firsts.values()].slice(0, 8);
  return { zh: all.map((x) => x.zh).join('、'), en: all.map((x) => x.en).join(', ') };
}

/** Text outside any template: before the first 模板, or after the 「}」 that closed one. */
function outsideTemplate(a: { zh: string; en: string }): string {
  return pack(
    `${a.zh} 不在模板之内：模板从 “模板 <表单> <年度> {” 开始，到与之配对的 “}” 结束（是不是多了一个 “}”？）；说明文字请在行首加 “#” 写成注释`,
    `${a.en} is outside the template: a template runs from '模板 <form> <year> {' to its matching '}' (an extra '}'?); write notes as comments, starting the line with '#'`,
  );
}

const pack = (zh: string, en: string) => JSON.stringify({ zh, en });

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    const a = shown(actual);
    const w = ruleWord(ruleName);
    const e = tokenWords(expected);
    if (expected.name === 'EOF') return outsideTemplate(a);
    if (expected.name === 'NumberLit')
      return pack(`此处缺少数字（如 “分值 20 分”），却遇到 ${a.zh}`, `a number is missing here (e.g. '分值 20 分') but found ${a.en}`);
    if (expected.name === 'RBrace') {
      if (actual.tokenType.name === 'EOF')
        return pack(`${w.zh}缺少结尾的 “}”`, `the ${w.en} is missing its closing '}'`);
      const inner = ruleWord(innerOf[ruleName] ?? 'item');
      return pack(
        `无法理解 ${a.zh}：此处应为${inner.zh}，或以 “}” 结束${w.zh}`,
        `cannot understand ${a.en}: expected ${inner.en} here, or '}' to close the ${w.en}`,
      );
    }
    return pack(`${w.zh}中缺少 ${e.zh}，却遇到 ${a.zh}`, `in the ${w.en}: expected ${e.en} but found ${a.en}`);
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return outsideTemplate(shown(firstRedundant));
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const a = shown(actual[0]!);
    const w = ruleWord(ruleName);
    const labels = expectedLabels(expectedPathsPerAlt);
    return pack(`此处应为${w.zh}，却遇到 ${a.zh}；可以是 ${labels.zh}`, `expected ${w.en} here but found ${a.en}; one of ${labels.en}`);
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    const a = shown(actual[0]!);
    const w = ruleWord(ruleName);
    const labels = expectedLabels(expectedIterationPaths);
    return pack(`${w.zh}至少需要一项（${labels.zh}），却遇到 ${a.zh}`, `${w.en} needs at least one of ${labels.en} but found ${a.en}`);
  },
};
