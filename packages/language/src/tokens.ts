// Every token of the .jx language, in one module: the parser consumes them and the
// playground's highlighter reuses them, so the two can never disagree.
//
// Keywords are Chinese with an English alias in the same token. Each keyword falls back
// to Identifier when a longer name starts with it (`分值` is a keyword, `分值表` a name).
import { createToken, Lexer, type TokenType } from 'chevrotain';
import type { Message } from './diagnostics.ts';

/** Coarse class of a token, used by the highlighter and by the formatter's spacing. */
export type TokenClass = 'keyword' | 'name' | 'string' | 'number' | 'unit' | 'operator' | 'punctuation' | 'comment' | 'function';

const classOf = new Map<TokenType, TokenClass>();

// Every token says whether it can span lines (line_breaks): chevrotain would otherwise analyse
// each pattern for line terminators whenever a lexer is built, a few milliseconds of every
// command's start-up (lexer.test.ts holds the hints to what that analysis finds).
//
// Names: letters (CJK included) and underscore. Digits are not part of bare names, so
// `分值10分` lexes as 分值 10 分; a name holding digits or punctuation is quoted.
// chevrotain drops the regexp `u` flag, so \p{L} is not available; the letters are
// spelled as ranges (Latin, Greek, Cyrillic, kana, CJK and its extensions through
// surrogate pairs, Hangul). Explicit ranges also let chevrotain index the token by its
// first character, which keeps the lexer fast.
export const Identifier = createToken({
  name: 'Identifier',
  pattern:
    /(?:[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0370-\u03FF\u0400-\u04FF\u3005\u3007\u3021-\u3029\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]|[\uD840-\uD87F][\uDC00-\uDFFF])+/,
  label: '名称 (name)',
  line_breaks: false,
});

function keyword(name: string, pattern: RegExp, label: string, cls: TokenClass = 'keyword'): TokenType {
  const t = createToken({ name, pattern, longer_alt: Identifier, label, line_breaks: false });
  classOf.set(t, cls);
  return t;
}

// Order matters where one keyword is a prefix of another: the longer one comes first.
export const Template = keyword('Template', /模板|template/, '“模板”');
export const Extends = keyword('Extends', /继承|extends/, '“继承”');
// Edits in a template that extends another: `删除 一级指标 X`, `重命名 一级指标 X 为 Y`.
export const Remove = keyword('Remove', /删除|remove/, '“删除”');
export const Rename = keyword('Rename', /重命名|rename/, '“重命名”');
export const As = keyword('As', /为|as/, '“为”');
export const Title = keyword('Title', /标题|title/, '“标题”');
export const Floor = keyword('Floor', /总分不低于|floor/, '“总分不低于”');
export const Total = keyword('Total', /总分|total/, '“总分”');
export const Decimals = keyword('Decimals', /保留小数|decimals/, '“保留小数”');
export const Places = keyword('Places', /位|places/, '“位”');
export const RoundingMode = keyword('RoundingMode', /四舍五入|银行家舍入|截断|half_up|half_even|truncate/, '舍入方式 (rounding mode)');
export const Grades = keyword('Grades', /等级|grades/, '“等级”');
export const Tiers = keyword('Tiers', /定性分档|tiers/, '“定性分档”');
export const Qualitative = keyword('Qualitative', /定性|qualitative/, '“定性”');
export const Deadline = keyword('Deadline', /期限|deadline/, '“期限”');
export const Alias = keyword('Alias', /别名|alias/, '“别名”');
export const Rule = keyword('Rule', /规则|rule/, '“规则”');
export const Applies = keyword('Applies', /适用|applies/, '“适用”');
// `允许负数 实际, 目标`: the rule's inputs may be negative (变动率 ≤ −30%); proven over all reals.
export const AllowNegative = keyword('AllowNegative', /允许负数|allow_negative/, '“允许负数”');
export const Score = keyword('Score', /得分|score/, '“得分”');
export const Section1 = keyword('Section1', /一级指标|section/, '“一级指标”');
export const Section2 = keyword('Section2', /二级指标|indicator/, '“二级指标”');
export const Section3 = keyword('Section3', /三级指标|subindicator/, '“三级指标”');
export const Weight = keyword('Weight', /分值|weight/, '“分值”');
export const FilledByUnit = keyword('FilledByUnit', /单位填报|filled_by_unit/, '“单位填报”');
export const Use = keyword('Use', /采用|use/, '“采用”');
export const Deduction = keyword('Deduction', /扣分|deduction/, '“扣分”');
export const PerItemMax = keyword('PerItemMax', /每项最多|per_item_max/, '“每项最多”');
export const TotalMax = keyword('TotalMax', /合计最多|total_max/, '“合计最多”');
export const Aggregation = keyword('Aggregation', /汇总|aggregate/, '“汇总”');
export const Absolute = keyword('Absolute', /绝对值|absolute/, '“绝对值”');
export const Relative = keyword('Relative', /相对值|relative/, '“相对值”');
export const Sum = keyword('Sum', /累加|sum/, '“累加”');
export const FundingWeighted = keyword('FundingWeighted', /按资金加权|funding_weighted/, '“按资金加权”');
export const Mean = keyword('Mean', /平均|mean/, '“平均”');
export const If = keyword('If', /如果|if/, '“如果”');
export const Else = keyword('Else', /否则|else/, '“否则”');
export const Then = keyword('Then', /则|then/, '“则”');
export const And = keyword('And', /且|and/, '“且”');
export const Or = keyword('Or', /或|or/, '“或”');
// Not-applicable rows and how the rest is rescaled: `不适用 按总分折算`
export const NotApplicable = keyword('NotApplicable', /不适用|not_applicable/, '“不适用”');
export const NaMode = keyword('NaMode', /按百分制折算|按总分折算|按一级指标折算|不折算|rescale_total|rescale_section|no_rescale/, '折算方式 (rescaling)');
// `二者择一 { 二级指标 A …; 二级指标 B … }`: alternative indicators, the unit files one
export const Choice = keyword('Choice', /二者择其一|二者择一|多者择一|择一|choose_one/, '“择一”');
// `输入 全年预算调剂金额 万元`: a figure the table does not carry, read by formulas
export const Input = keyword('Input', /输入|input/, '“输入”');
// `占比(数量指标, 实际 >= 目标)`: the share of a group's rows for which a condition holds
export const FnShare = keyword('FnShare', /占比|share/, '“占比”', 'function');
export const FnMin = keyword('FnMin', /min|最小|取小/, '“min”', 'function');
export const FnMax = keyword('FnMax', /max|最大|取大/, '“max”', 'function');
export const RangeSep = keyword('RangeSep', /至/, '“..”', 'operator');

/** Units of quantities. Longer spellings first (万元 before 元, 人次 before 人). */
export const UnitWord = keyword(
  'UnitWord',
  /万元|百分比|公里|人次|小时|元|分|项|篇|个|人|米|次|件|天|月|户|家|条|所|台|套|亩|年|份|场|期|批|本|名|处|座|辆|册/,
  '单位 (unit)',
  'unit',
);

function punct(name: string, pattern: RegExp, label: string, cls: TokenClass = 'punctuation'): TokenType {
  const t = createToken({ name, pattern, label, line_breaks: false });
  classOf.set(t, cls);
  return t;
}

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\u3000\u00a0\ufeff\u2028\u2029]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
export const Comment = createToken({
  name: 'Comment',
  pattern: /(?:#|＃|\/\/)[^\n\r\u2028\u2029]*/,
  group: 'comments',
  label: '注释 (comment)',
  line_breaks: false,
});
classOf.set(Comment, 'comment');

export const StringLit = createToken({
  name: 'StringLit',
  pattern: /"(?:[^"\\\n\r]|\\.)*"|“[^”\n\r]*”|「[^」\n\r]*」|『[^』\n\r]*』/,
  label: '带引号的名称 (quoted name)',
  line_breaks: false,
});
classOf.set(StringLit, 'string');

export const NumberLit = createToken({ name: 'NumberLit', pattern: /\d+(?:\.\d+)?/, label: '数字 (number)', line_breaks: false });
classOf.set(NumberLit, 'number');
export const Percent = punct('Percent', /%|％/, '“%”', 'unit');
export const DotDot = punct('DotDot', /\.\.|~|～/, '“..”', 'operator');

export const GreaterEq = punct('GreaterEq', />=|≥|＞＝|≧/, '“>=”', 'operator');
export const NotEq = punct('NotEq', /!=|≠|<>/, '“!=”', 'operator');
export const LessEq = punct('LessEq', /<=|≤|＜＝|≦/, '“<=”', 'operator');
export const Greater = punct('Greater', />|＞/, '“>”', 'operator');
export const Less = punct('Less', /<|＜/, '“<”', 'operator');
export const Equals = punct('Equals', /==|=|＝/, '“=”', 'operator');
export const Plus = punct('Plus', /\+|＋/, '“+”', 'operator');
export const Minus = punct('Minus', /-|－|−/, '“-”', 'operator');
export const Times = punct('Times', /\*|×|＊/, '“*”', 'operator');
export const Divide = punct('Divide', /\/|÷|／/, '“/”', 'operator');
export const LParen = punct('LParen', /\(|（/, '“(”');
export const RParen = punct('RParen', /\)|）/, '“)”');
export const LBrace = punct('LBrace', /\{|｛/, '“{”');
export const RBrace = punct('RBrace', /\}|｝/, '“}”');
export const Comma = punct('Comma', /,|，|、/, '“,”');
export const Semi = punct('Semi', /;|；/, '“;”');
export const Colon = punct('Colon', /:|：/, '“:”');

classOf.set(Identifier, 'name');

/** Tokens in lexing order. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  StringLit,
  NumberLit,
  // keywords before Identifier (each falls back to Identifier through longer_alt)
  Template,
  Extends,
  Remove,
  Rename,
  As,
  Title,
  Floor,
  Total,
  Decimals,
  Places,
  RoundingMode,
  Grades,
  Tiers,
  Qualitative,
  Deadline,
  Alias,
  Rule,
  Applies,
  AllowNegative,
  Score,
  Section1,
  Section2,
  Section3,
  Weight,
  FilledByUnit,
  Use,
  Deduction,
  PerItemMax,
  TotalMax,
  Aggregation,
  Absolute,
  Relative,
  Sum,
  FundingWeighted,
  Mean,
  If,
  Else,
  Then,
  And,
  Or,
  NotApplicable,
  NaMode,
  Choice,
  Input,
  FnShare,
  FnMin,
  FnMax,
  RangeSep,
  UnitWord,
  Identifier,
  Percent,
  DotDot,
  GreaterEq,
  NotEq,
  LessEq,
  Greater,
  Less,
  Equals,
  Plus,
  Minus,
  Times,
  Divide,
  LParen,
  RParen,
  LBrace,
  RBrace,
  Comma,
  Semi,
  Colon,
];

/**
 * A lexer over every token. chevrotain's validation of the token definitions takes a
 * good part of a command's start-up, so the shared lexer skips it; the language tests
 * build one with `validate` and require no definition error (lexer.test.ts).
 */
export function createLexer(opts: { validate?: boolean } = {}): Lexer {
  return new Lexer(allTokens, {
    positionTracking: 'full',
    ensureOptimizations: false,
    skipValidations: !opts.validate,
  });
}

export const JxLexer = createLexer();

/** The class of a token type, for highlighting. */
export function tokenClass(t: TokenType): TokenClass {
  return classOf.get(t) ?? 'punctuation';
}

/** Keyword spellings (Chinese and English), for completion. */
export const keywordSpellings: Message[] = allTokens
  .filter((t) => classOf.get(t) === 'keyword' && t !== RoundingMode && t !== UnitWord)
  .map((t) => {
    const src = (t.PATTERN as RegExp).source.split('|');
    return { zh: src[0] ?? '', en: src[src.length - 1] ?? '' };
  });
