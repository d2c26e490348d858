// CST → AST. The grammar (parser.ts) builds a concrete tree; this module gives it types
// and source ranges. After error recovery the CST may miss pieces: every function here
// tolerates that and drops what it cannot build, it never throws.
import type { CstNode, IToken, CstElement } from 'chevrotain';
import type * as A from './ast.ts';

type Children = Record<string, CstElement[] | undefined>;

const isToken = (e: CstElement | undefined): e is IToken => !!e && 'image' in e;
const isNode = (e: CstElement | undefined): e is CstNode => !!e && 'children' in e;

function kids(n: CstNode): Children {
  return n.children as Children;
}
function node(n: CstNode, key: string, i = 0): CstNode | undefined {
  const e = kids(n)[key]?.[i];
  return isNode(e) ? e : undefined;
}
function nodes(n: CstNode, key: string): CstNode[] {
  return (kids(n)[key] ?? []).filter(isNode);
}
function token(n: CstNode, key: string, i = 0): IToken | undefined {
  const e = kids(n)[key]?.[i];
  return isToken(e) && !Number.isNaN(e.startOffset) && !e.isInsertedInRecovery ? e : undefined;
}
function tokens(n: CstNode, key: string): IToken[] {
  return (kids(n)[key] ?? []).filter(isToken).filter((t) => !Number.isNaN(t.startOffset) && !t.isInsertedInRecovery);
}
/** The first token present among the given keys, in source order. */
function firstTokenOf(n: CstNode, keys: string[]): IToken | undefined {
  let best: IToken | undefined;
  for (const k of keys) for (const t of tokens(n, k)) if (!best || t.startOffset < best.startOffset) best = t;
  return best;
}

export function tokenRange(t: IToken): A.Range {
  return {
    start: { offset: t.startOffset, line: t.startLine ?? 1, column: t.startColumn ?? 1 },
    end: { offset: (t.endOffset ?? t.startOffset) + 1, line: t.endLine ?? 1, column: (t.endColumn ?? 1) + 1 },
  };
}

const zero: A.Range = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

function rangeOf(n: CstNode): A.Range {
  const l = n.location;
  if (!l || Number.isNaN(l.startOffset) || l.startOffset === undefined) return zero;
  const endOk = l.endOffset !== undefined && !Number.isNaN(l.endOffset);
  return {
    start: { offset: l.startOffset, line: l.startLine ?? 1, column: l.startColumn ?? 1 },
    end: endOk
      ? { offset: l.endOffset! + 1, line: l.endLine ?? 1, column: (l.endColumn ?? 1) + 1 }
      : { offset: l.startOffset, line: l.startLine ?? 1, column: l.startColumn ?? 1 },
  };
}

export function span(a: A.Range, b: A.Range): A.Range {
  return { start: a.start, end: b.end };
}

/** Unquote a StringLit image: "…" has \" and \\ escapes, the CJK quotes have none. */
export function unquote(image: string): string {
  if (image.startsWith('"')) return image.slice(1, -1).replace(/\\(.)/g, '$1');
  return image.slice(1, -1);
}

function name(n: CstNode | undefined): A.Name | null {
  if (!n) return null;
  const id = token(n, 'Identifier') ?? token(n, 'Qualitative') ?? token(n, 'Deadline');
  if (id) return { kind: 'Name', text: id.image, range: tokenRange(id) };
  const s = token(n, 'StringLit');
  if (s) return { kind: 'Name', text: unquote(s.image), range: tokenRange(s) };
  return null;
}

function names(parent: CstNode, key = 'name'): A.Name[] {
  return nodes(parent, key)
    .map(name)
    .filter((x): x is A.Name => x !== null);
}

function quantity(n: CstNode | undefined): A.Quantity | null {
  if (!n) return null;
  const num = token(n, 'NumberLit');
  if (!num) return null;
  const unitTok = token(n, 'Percent') ?? token(n, 'UnitWord');
  const range = unitTok ? span(tokenRange(num), tokenRange(unitTok)) : tokenRange(num);
  return {
    kind: 'Quantity',
    text: num.image,
    value: Number(num.image),
    unit: unitTok ? (unitTok.tokenType.name === 'Percent' ? '%' : unitTok.image) : null,
    range,
  };
}

const cmpByToken: Record<string, A.CmpOp> = {
  GreaterEq: '>=',
  Greater: '>',
  LessEq: '<=',
  Less: '<',
  Equals: '=',
  NotEq: '!=',
};

function cmpOp(n: CstNode | undefined): A.CmpOp | null {
  if (!n) return null;
  for (const [tokName, op] of Object.entries(cmpByToken)) if (token(n, tokName)) return op;
  return null;
}

// ───────────────────────── expressions ─────────────────────────

function expr(n: CstNode | undefined): A.Expr | null {
  if (!n) return null;
  switch (n.name) {
    case 'expr':
      return chainLogical(n, 'Or', 'or');
    case 'andExpr':
      return chainLogical(n, 'And', 'and');
    case 'cmpExpr': {
      const [l, r] = nodes(n, 'operands').map(expr);
      const op = cmpOp(node(n, 'cmpOp'));
      if (!l) return null;
      if (!op) return l;
      if (!r) return null;
      return { kind: 'Compare', op, left: l, right: r, range: span(l.range, r.range) };
    }
    case 'addExpr':
    case 'mulExpr':
      return chainBinary(n);
    case 'unaryExpr': {
      const inner = node(n, 'unaryExpr');
      if (inner) {
        const operand = expr(inner);
        const minus = token(n, 'Minus');
        if (!operand || !minus) return null;
        return { kind: 'Unary', op: '-', operand, range: span(tokenRange(minus), operand.range) };
      }
      return expr(node(n, 'primary'));
    }
    case 'primary': {
      const q = quantity(node(n, 'quantity'));
      if (q) return { kind: 'Number', quantity: q, range: q.range };
      const v = token(n, 'Identifier') ?? token(n, 'Weight');
      if (v) return { kind: 'Var', name: v.image, range: tokenRange(v) };
      const sh = node(n, 'shareCall');
      if (sh) return shareCall(sh);
      const c = node(n, 'call');
      if (c) return call(c);
      const i = node(n, 'ifExpr');
      if (i) return ifExpr(i);
      return expr(node(n, 'expr'));
    }
    default:
      return null;
  }
}

function chainLogical(n: CstNode, tok: string, op: 'and' | 'or'): A.Expr | null {
  const parts = nodes(n, 'operands').map(expr);
  if (parts.some((p) => !p)) return null;
  const ps = parts as A.Expr[];
  if (tokens(n, tok).length !== ps.length - 1) return null;
  return ps.reduce((l, r) => ({ kind: 'Logical', op, left: l, right: r, range: span(l.range, r.range) }));
}

function chainBinary(n: CstNode): A.Expr | null {
  const parts = nodes(n, 'operands').map(expr);
  const ops = tokens(n, 'ops').sort((a, b) => a.startOffset - b.startOffset);
  if (parts.length === 0 || parts.some((p) => !p) || ops.length !== parts.length - 1) return null;
  let acc = parts[0] as A.Expr;
  for (let i = 0; i < ops.length; i++) {
    const right = parts[i + 1] as A.Expr;
    const t = ops[i]!.tokenType.name;
    const op = t === 'Plus' ? '+' : t === 'Minus' ? '-' : t === 'Times' ? '*' : '/';
    acc = { kind: 'Binary', op, left: acc, right, range: span(acc.range, right.range) };
  }
  return acc;
}

function call(n: CstNode): A.Expr | null {
  const fnTok = token(n, 'FnMin') ?? token(n, 'FnMax');
  const close = token(n, 'RParen');
  if (!fnTok || !close) return null;
  const args = nodes(n, 'args').map(expr);
  if (args.length === 0 || args.some((a) => !a)) return null;
  return {
    kind: 'Call',
    fn: fnTok.tokenType.name === 'FnMin' ? 'min' : 'max',
    spelling: fnTok.image,
    args: args as A.Expr[],
    range: span(tokenRange(fnTok), tokenRange(close)),
  };
}

function shareCall(n: CstNode): A.Expr | null {
  const fnTok = token(n, 'FnShare');
  const close = token(n, 'RParen');
  const group = name(node(n, 'name'));
  const cond = expr(node(n, 'cond'));
  if (!fnTok || !close || !group || !cond) return null;
  return { kind: 'Share', group, cond, range: span(tokenRange(fnTok), tokenRange(close)) };
}

function ifExpr(n: CstNode): A.Expr | null {
  const ifTok = token(n, 'If');
  const cond = expr(node(n, 'cond'));
  const then = expr(node(n, 'then'));
  const els = expr(node(n, 'else'));
  if (!ifTok || !cond || !then || !els) return null;
  return { kind: 'If', cond, then, else: els, range: span(tokenRange(ifTok), els.range) };
}

// ───────────────────────── declarations ─────────────────────────

function scoreDecl(n: CstNode | undefined): { expr: A.Expr; range: A.Range } | null {
  if (!n) return null;
  const e = expr(node(n, 'expr'));
  const kw = token(n, 'Score');
  if (!e || !kw) return null;
  return { expr: e, range: span(tokenRange(kw), e.range) };
}

const shapeByToken: Record<string, A.TargetShape> = { Qualitative: 'qualitative', Deadline: 'deadline' };

function ruleDecl(n: CstNode): A.RuleDecl | null {
  const nm = name(node(n, 'name'));
  const shapes: A.TargetShape[] = [];
  for (const s of nodes(n, 'shape')) {
    const op = cmpOp(node(s, 'cmpOp'));
    const tok = firstTokenOf(node(s, 'cmpOp') ?? s, ['Qualitative', 'Deadline', ...Object.keys(cmpByToken)]);
    const shape = op ?? (tok ? shapeByToken[tok.tokenType.name] : undefined);
    if (!shape || !tok) continue;
    shapes.push(shape);
  }
  // the rule's own name is the first `name`; those after 允许负数 follow it
  const negatives = nodes(n, 'name')
    .slice(1)
    .map((x) => name(x))
    .filter((x): x is A.Name => x !== null);
  const score = scoreDecl(node(n, 'scoreDecl'));
  if (!nm || !score) return null;
  return { kind: 'Rule', name: nm, shapes, negatives, score: score.expr, scoreRange: score.range, range: rangeOf(n) };
}

function sectionDecl(n: CstNode): A.SectionDecl | null {
  const nm = name(node(n, 'name'));
  const w = quantity(node(n, 'quantity'));
  if (!nm || !w) return null;
  const level: 1 | 2 | 3 = token(n, 'Section1') ? 1 : token(n, 'Section2') ? 2 : 3;
  const s: A.SectionDecl = {
    kind: 'Section',
    level,
    name: nm,
    weight: w,
    aliases: [],
    score: null,
    scoreRange: null,
    rule: null,
    filledByUnit: false,
    children: [],
    range: rangeOf(n),
  };
  let choices = 0;
  for (const it of nodes(n, 'sectionItem')) {
    const al = node(it, 'aliasList');
    if (al) s.aliases.push(...names(al));
    const sc = scoreDecl(node(it, 'scoreDecl'));
    if (sc) {
      s.score = sc.expr;
      s.scoreRange = sc.range;
    }
    if (token(it, 'Use')) s.rule = name(node(it, 'name'));
    if (token(it, 'FilledByUnit')) s.filledByUnit = true;
    const child = node(it, 'sectionDecl');
    if (child) {
      const c = sectionDecl(child);
      if (c) s.children.push(c);
    }
    // 择一 { … }: its options are children of this section, marked with one group number
    const choice = node(it, 'choiceDecl');
    if (choice) {
      const group = choices++;
      for (const o of nodes(choice, 'sectionDecl')) {
        const c = sectionDecl(o);
        if (c) s.children.push({ ...c, choice: group });
      }
    }
  }
  return s;
}

function gradeBand(n: CstNode): A.GradeBand | null {
  const nm = name(node(n, 'name'));
  if (!nm) return null;
  const r = node(n, 'range');
  const op = cmpOp(node(n, 'cmpOp'));
  const bound = quantity(node(n, 'bound'));
  const band: A.GradeBand = { kind: 'GradeBand', name: nm, op: null, bound: null, low: null, high: null, range: rangeOf(n) };
  if (r) {
    band.low = quantity(node(r, 'low'));
    band.high = quantity(node(r, 'high'));
    if (!band.low || !band.high) return null;
  } else if (op || bound) {
    if (!op || !bound) return null;
    band.op = op;
    band.bound = bound;
  }
  return band;
}

function tier(n: CstNode): A.Tier | null {
  const nm = name(node(n, 'name'));
  const low = quantity(node(n, 'low'));
  const high = quantity(node(n, 'high'));
  if (!nm || !low) return null;
  const al = node(n, 'aliasList');
  const t: A.Tier = { kind: 'Tier', name: nm, aliases: al ? names(al) : [], low, high: high ?? low, range: rangeOf(n) };
  if (!high) t.point = true;
  return t;
}

const roundingModes: Record<string, A.RoundingDecl['mode']> = {
  四舍五入: 'half-up',
  half_up: 'half-up',
  截断: 'truncate',
  truncate: 'truncate',
  银行家舍入: 'half-even',
  half_even: 'half-even',
};

const aggWhat: Record<string, A.AggregationEntry['what']> = { Absolute: 'absolute', Relative: 'relative', Qualitative: 'qualitative' };
const aggHow: Record<string, A.AggregationEntry['how']> = { Sum: 'sum', FundingWeighted: 'funding-weighted', Mean: 'mean' };

function item(n: CstNode): A.Item | null {
  const range = rangeOf(n);
  let d: CstNode | undefined;
  if ((d = node(n, 'titleDecl'))) {
    const t = names(d);
    return t.length ? { kind: 'Title', titles: t, range: rangeOf(d) } : null;
  }
  if ((d = node(n, 'totalDecl'))) {
    const q = quantity(node(d, 'quantity'));
    return q ? { kind: 'Total', value: q, range: rangeOf(d) } : null;
  }
  if ((d = node(n, 'roundingDecl'))) {
    const q = quantity(node(d, 'quantity'));
    const m = token(d, 'RoundingMode');
    if (!q) return null;
    return { kind: 'Rounding', places: q, mode: m ? roundingModes[m.image]! : 'half-up', range: rangeOf(d) };
  }
  if ((d = node(n, 'gradesDecl'))) {
    const bands = nodes(d, 'gradeBand')
      .map(gradeBand)
      .filter((b): b is A.GradeBand => b !== null);
    return { kind: 'Grades', bands, range: rangeOf(d) };
  }
  if ((d = node(n, 'tiersDecl'))) {
    const ts = nodes(d, 'tier')
      .map(tier)
      .filter((t): t is A.Tier => t !== null);
    return { kind: 'Tiers', tiers: ts, range: rangeOf(d) };
  }
  if ((d = node(n, 'ruleDecl'))) return ruleDecl(d);
  if ((d = node(n, 'sectionDecl'))) return sectionDecl(d);
  if ((d = node(n, 'deductionDecl'))) {
    const nm = name(node(d, 'name'));
    const totalMax = quantity(node(d, 'totalMax'));
    if (!nm || !totalMax) return null;
    return {
      kind: 'Deduction',
      name: nm,
      perItemMax: quantity(node(d, 'perItem')),
      totalMax,
      floor: quantity(node(d, 'floor')),
      range: rangeOf(d),
    };
  }
  if ((d = node(n, 'aggregationDecl'))) {
    const entries: A.AggregationEntry[] = [];
    for (const e of nodes(d, 'aggregationEntry')) {
      const w = firstTokenOf(e, Object.keys(aggWhat));
      const h = firstTokenOf(e, Object.keys(aggHow));
      if (!w || !h) continue;
      entries.push({
        kind: 'AggregationEntry',
        what: aggWhat[w.tokenType.name]!,
        how: aggHow[h.tokenType.name]!,
        range: rangeOf(e),
      });
    }
    return { kind: 'Aggregation', entries, range: rangeOf(d) };
  }
  if ((d = node(n, 'removeDecl'))) {
    const nm = name(node(d, 'name'));
    if (!nm) return null;
    const what: A.EditTarget = token(d, 'Rule') ? 'rule' : token(d, 'Deduction') ? 'deduction' : 'section';
    return { kind: 'Remove', what, name: nm, range: rangeOf(d) };
  }
  if ((d = node(n, 'naDecl'))) {
    const m = token(d, 'NaMode');
    if (!m) return null;
    const mode = /百分制|总分|total/.test(m.image) ? 'total' : /一级指标|section/.test(m.image) ? 'section' : 'none';
    return { kind: 'NotApplicable', mode, range: rangeOf(d) };
  }
  if ((d = node(n, 'inputDecl'))) {
    const nm = name(node(d, 'name'));
    if (!nm) return null;
    const u = token(d, 'UnitWord') ?? token(d, 'Percent');
    return { kind: 'Input', name: nm, unit: u ? u.image : null, range: rangeOf(d) };
  }
  if ((d = node(n, 'renameDecl'))) {
    const from = name(node(d, 'from'));
    const to = name(node(d, 'to'));
    if (!from || !to) return null;
    return { kind: 'Rename', what: 'section', from, to, range: rangeOf(d) };
  }
  void range;
  return null;
}

function template(n: CstNode): A.Template | null {
  const nm = name(node(n, 'name'));
  const year = token(n, 'year');
  if (!nm || !year) return null;
  const parent = token(n, 'parent');
  const q = (t: IToken): A.Quantity => ({ kind: 'Quantity', text: t.image, value: Number(t.image), unit: null, range: tokenRange(t) });
  // the jurisdiction named by 继承, as one path: 四川/遂宁
  const rp = node(n, 'regionPath');
  const parts = rp ? names(rp) : [];
  const extendsRegion: A.Name | null = parts.length ? { kind: 'Name', text: parts.map((p) => p.text).join('/'), range: span(parts[0]!.range, parts[parts.length - 1]!.range) } : null;
  return {
    kind: 'Template',
    name: nm,
    year: q(year),
    extends: parent ? q(parent) : null,
    extendsRegion: parent ? extendsRegion : null,
    items: nodes(n, 'item')
      .map(item)
      .filter((i): i is A.Item => i !== null),
    range: rangeOf(n),
  };
}

export function buildAst(cst: CstNode | undefined, text: string): A.TemplateFile {
  const end = endPosition(text);
  const templates = cst
    ? nodes(cst, 'template')
        .map(template)
        .filter((t): t is A.Template => t !== null)
    : [];
  return { kind: 'File', templates, range: { start: { offset: 0, line: 1, column: 1 }, end } };
}

/** Position just past the last character (used for errors at end of file). */
export function endPosition(text: string): A.Position {
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
  const last = lines[lines.length - 1] ?? '';
  return { offset: text.length, line: lines.length, column: last.length + 1 };
}
