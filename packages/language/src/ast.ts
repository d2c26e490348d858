// The typed AST of a .jx template. Built from chevrotain's CST by `visitor.ts`;
// every node carries the source range it came from so that the checker, the
// formatter and the playground can point back at the text.

/** A position in the source: offset is 0-based, line and column are 1-based. */
export interface Position {
  offset: number;
  line: number;
  column: number;
}

/** Half-open range [start, end) over the source text. */
export interface Range {
  start: Position;
  end: Position;
  /**
   * The file the range lies in, when it differs from the file being checked: set by
   * template resolution (`继承`) on every node taken from a parent template.
   */
  file?: string;
}

export interface Node {
  range: Range;
}

/** A name as written: bare Chinese identifier, or quoted ("…", “…”, 「…」) when it holds punctuation. */
export interface Name extends Node {
  kind: 'Name';
  text: string;
}

/**
 * A number with an optional unit, e.g. `10 分`, `80%`, `58.00 万元`, `1 项`.
 * `text` keeps the digits exactly as written so money and weights stay exact decimals.
 * Percentages are kept as written (`80`, unit `%`); `value` is the numeric value as written (80).
 */
export interface Quantity extends Node {
  kind: 'Quantity';
  text: string;
  value: number;
  unit: string | null;
}

export type CmpOp = '>=' | '>' | '<=' | '<' | '=' | '!=';

// ───────────────────────── expressions ─────────────────────────

export type Expr = NumberLit | VarRef | Unary | Binary | Call | IfExpr | Compare | Logical;

export interface NumberLit extends Node {
  kind: 'Number';
  quantity: Quantity;
}

/** A reference to an input or a parameter: 权重, 实际, 目标, 执行数, … */
export interface VarRef extends Node {
  kind: 'Var';
  name: string;
}

export interface Unary extends Node {
  kind: 'Unary';
  op: '-';
  operand: Expr;
}

export interface Binary extends Node {
  kind: 'Binary';
  op: '+' | '-' | '*' | '/';
  left: Expr;
  right: Expr;
}

/** Built-in functions only: min/最小, max/最大 (the canonical name is stored). */
export interface Call extends Node {
  kind: 'Call';
  fn: 'min' | 'max';
  /** the spelling used in the source, kept so the formatter round-trips */
  spelling: string;
  args: Expr[];
}

/** `如果 cond 则 a 否则 b` */
export interface IfExpr extends Node {
  kind: 'If';
  cond: Expr;
  then: Expr;
  else: Expr;
}

export interface Compare extends Node {
  kind: 'Compare';
  op: CmpOp;
  left: Expr;
  right: Expr;
}

export interface Logical extends Node {
  kind: 'Logical';
  op: 'and' | 'or';
  left: Expr;
  right: Expr;
}

// ───────────────────────── declarations ─────────────────────────

export interface TemplateFile extends Node {
  kind: 'File';
  templates: Template[];
}

export interface Template extends Node {
  kind: 'Template';
  /** the form, e.g. 部门整体支出 or 项目支出 */
  name: Name;
  year: Quantity;
  /** `继承 2023`: the year of the parent template of the same form */
  extends: Quantity | null;
  /** `继承 全国 2020`: the parent's jurisdiction (a path, 四川/遂宁); null = this template's own */
  extendsRegion: Name | null;
  items: Item[];
}

export type Item =
  | TotalDecl
  | RoundingDecl
  | GradesDecl
  | TiersDecl
  | RuleDecl
  | SectionDecl
  | DeductionDecl
  | AggregationDecl
  | TitleDecl
  | RemoveDecl
  | RenameDecl;

/** What an edit (删除 / 重命名) applies to. */
export type EditTarget = 'section' | 'rule' | 'deduction';

/** `删除 一级指标 部门管理`: drop a declaration inherited from the parent template. */
export interface RemoveDecl extends Node {
  kind: 'Remove';
  what: EditTarget;
  name: Name;
}

/** `重命名 一级指标 履职效果 为 履职效能`: rename an inherited level-1 indicator. */
export interface RenameDecl extends Node {
  kind: 'Rename';
  what: 'section';
  from: Name;
  to: Name;
}

/** `标题 "部门整体支出绩效自评表"`: the title printed on the form, used to recognise filings. */
export interface TitleDecl extends Node {
  kind: 'Title';
  titles: Name[];
}

/** `总分 100 分` */
export interface TotalDecl extends Node {
  kind: 'Total';
  value: Quantity;
}

/** `保留小数 2 位 四舍五入` — where rounding happens and how. */
export interface RoundingDecl extends Node {
  kind: 'Rounding';
  places: Quantity;
  mode: 'half-up' | 'truncate' | 'half-even';
}

/**
 * `等级 { 优 >= 90 分; 良 >= 80 分; 中 >= 60 分; 差 }` or with ranges
 * `等级 { 优 >= 80 分; 良 70..80 分; 中 60..70 分; 差 < 60 分 }`.
 * Bands are tried in order; a range is [low, high) (high inclusive when it is the total).
 */
export interface GradesDecl extends Node {
  kind: 'Grades';
  bands: GradeBand[];
}

export interface GradeBand extends Node {
  kind: 'GradeBand';
  name: Name;
  /** comparison form: `优 >= 90 分`; both null for a catch-all band or a range band */
  op: CmpOp | null;
  bound: Quantity | null;
  /** range form: `良 80..90 分` */
  low: Quantity | null;
  high: Quantity | null;
}

/** `定性分档 { 达成 80%..100%; 部分达成 60%..80%; 未达成 0%..60% }` */
export interface TiersDecl extends Node {
  kind: 'Tiers';
  tiers: Tier[];
}

export interface Tier extends Node {
  kind: 'Tier';
  name: Name;
  /** words a filer may write for this tier (`别名 达成预期指标, 全部达成`) */
  aliases: Name[];
  low: Quantity;
  high: Quantity;
}

/** The shape of a target value a rule applies to. */
export type TargetShape = CmpOp | 'qualitative' | 'deadline';

/**
 * `规则 正向 适用 ≥, > { 得分 = 权重 * min(实际 / 目标, 1) }`
 * A named scoring rule. Parameters available in the body: 权重 (alias 分值), 实际, 目标,
 * 完成比例 (the tier fraction for qualitative rules).
 */
export interface RuleDecl extends Node {
  kind: 'Rule';
  name: Name;
  shapes: TargetShape[];
  /** `允许负数 实际, 目标`: inputs that may be negative (otherwise 实际, 目标 ≥ 0) */
  negatives: Name[];
  score: Expr;
  /** the `得分 = …` range, for diagnostics on the whole formula */
  scoreRange: Range;
}

/**
 * `一级指标 部门管理 分值 20 分 { … }` and nested `二级指标` / `三级指标`.
 * Either the section has a formula of its own (`得分 = …`), or fixed child indicators,
 * or its second and third-level indicators are filled in by each unit (`单位填报`).
 */
export interface SectionDecl extends Node {
  kind: 'Section';
  level: 1 | 2 | 3;
  name: Name;
  weight: Quantity;
  /** other names the form may use for this indicator (`别名 满意度指标`) */
  aliases: Name[];
  /** `得分 = …` */
  score: Expr | null;
  scoreRange: Range | null;
  /** `采用 正向`: pin a rule instead of choosing it by the target's shape */
  rule: Name | null;
  /** `单位填报`: children come from the filing; their weights must sum to the weight */
  filledByUnit: boolean;
  children: SectionDecl[];
  /** earlier names of this indicator, oldest first: set by resolution from `重命名` */
  renamedFrom?: string[];
}

/** `扣分 审计问题 每项最多 5 分 合计最多 10 分 总分不低于 0 分` */
export interface DeductionDecl extends Node {
  kind: 'Deduction';
  name: Name;
  perItemMax: Quantity | null;
  totalMax: Quantity;
  /** the floor of the total after deductions; the checker requires it */
  floor: Quantity | null;
}

/** `汇总 { 绝对值 累加; 相对值 按资金加权; 定性 按资金加权 }` */
export interface AggregationDecl extends Node {
  kind: 'Aggregation';
  entries: AggregationEntry[];
}

export interface AggregationEntry extends Node {
  kind: 'AggregationEntry';
  what: 'absolute' | 'relative' | 'qualitative';
  how: 'sum' | 'funding-weighted' | 'mean';
}

// ───────────────────────── diagnostics ─────────────────────────

export type Severity = 'error' | 'warning' | 'info';

/** Replace `range` with `text` (an empty range inserts). */
export interface TextEdit {
  range: Range;
  text: string;
}

/** A correction the checker can make itself, as data: the playground offers it as a quick fix. */
export interface DiagnosticFix {
  /** what the fix does, for the menu (“改为 权重 * min(实际 / 目标, 1)”) */
  title: { zh: string; en: string };
  edits: TextEdit[];
}

/** Another place a diagnostic is about: each weight of a sum that does not add up. */
export interface RelatedPlace {
  range: Range;
  message: { zh: string; en: string };
}

/** A diagnostic: stable code, located, worded in Chinese with an English version. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  range: Range;
  message: { zh: string; en: string };
  help?: { zh: string; en: string };
  /** file the range refers to, when known (templates may extend one another) */
  file?: string;
  /** corrections to offer, the simplest first (absent when none is certain enough) */
  fixes?: DiagnosticFix[];
  /** the other places it concerns (a sum's terms), where an edit may have caused it */
  related?: RelatedPlace[];
}
