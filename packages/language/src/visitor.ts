// CST → AST: the declarations, the template and the file; the leaves and score expressions
// are in visitor-expr.ts. The grammar (parser.ts) builds a concrete tree; this gives it
// types and source ranges. Every read of the CST goes through cst-read.ts, keyed by the
// types in cst.generated.ts, so a child name the grammar does not produce is a compile
// error. After error recovery the CST may miss pieces: every function here tolerates that
// and drops what it cannot build, it never throws.
import type * as A from './ast.ts';
import type * as C from './cst.generated.ts';
import type { CstNode, IToken } from 'chevrotain';
import { firstTokenOf, node, nodes, rangeOf, span, token, tokenRange, type TokenKey } from './cst-read.ts';
import { cmpOp, expr, name, names, quantity } from './visitor-expr.ts';

// parse.ts places its diagnostics and comments with the same ranges
export { tokenRange } from './cst-read.ts';

// ───────────────────────── declarations ─────────────────────────

function scoreDecl(n: C.ScoreDeclCstNode | undefined): { expr: A.Expr; range: A.Range } | null {
  if (!n) return null;
  const e = expr(node(n, 'expr'));
  const kw = token(n, 'Score');
  if (!e || !kw) return null;
  return { expr: e, range: span(tokenRange(kw), e.range) };
}

const shapeByToken: Record<TokenKey<C.ShapeCstChildren>, A.TargetShape> = { Qualitative: 'qualitative', Deadline: 'deadline' };
const shapeTokens = Object.keys(shapeByToken) as TokenKey<C.ShapeCstChildren>[];

/** One shape after 适用: a comparison (`>=` …) or 定性 / 期限. */
function shape(s: C.ShapeCstNode): A.TargetShape | null {
  const c = node(s, 'cmpOp');
  if (c) return cmpOp(c);
  const tok = firstTokenOf(s, shapeTokens);
  return tok ? shapeByToken[tok.key] : null;
}

function ruleDecl(n: C.RuleDeclCstNode): A.RuleDecl | null {
  const nm = name(node(n, 'name'));
  const shapes: A.TargetShape[] = [];
  for (const s of nodes(n, 'shape')) {
    const sh = shape(s);
    if (sh) shapes.push(sh);
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

function sectionDecl(n: C.SectionDeclCstNode): A.SectionDecl | null {
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

function gradeBand(n: C.GradeBandCstNode): A.GradeBand | null {
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

function tier(n: C.TierCstNode): A.Tier | null {
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

// Keyed by aggregationEntry's children (`satisfies` rejects a key the grammar does not produce).
type AggKey = TokenKey<C.AggregationEntryCstChildren>;
const aggWhat = { Absolute: 'absolute', Relative: 'relative', Qualitative: 'qualitative' } as const satisfies Partial<Record<AggKey, A.AggregationEntry['what']>>;
const aggHow = { Sum: 'sum', FundingWeighted: 'funding-weighted', Mean: 'mean' } as const satisfies Partial<Record<AggKey, A.AggregationEntry['how']>>;
const aggWhatTokens = Object.keys(aggWhat) as (keyof typeof aggWhat)[];
const aggHowTokens = Object.keys(aggHow) as (keyof typeof aggHow)[];

function aggregationEntry(e: C.AggregationEntryCstNode): A.AggregationEntry | null {
  const w = firstTokenOf(e, aggWhatTokens);
  const h = firstTokenOf(e, aggHowTokens);
  if (!w || !h) return null;
  return { kind: 'AggregationEntry', what: aggWhat[w.key], how: aggHow[h.key], range: rangeOf(e) };
}

function item(n: C.ItemCstNode): A.Item | null {
  // biome-ignore lint/suspicious/noImplicitAnyLet: d is each declaration's own node type in turn; TypeScript types it at each assignment
  let d;
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
    const entries = nodes(d, 'aggregationEntry')
      .map(aggregationEntry)
      .filter((e): e is A.AggregationEntry => e !== null);
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
  return null;
}

function template(n: C.TemplateCstNode): A.Template | null {
  const nm = name(node(n, 'name'));
  const year = token(n, 'year');
  if (!nm || !year) return null;
  const parent = token(n, 'parent');
  const q = (t: IToken): A.Quantity => ({ kind: 'Quantity', text: t.image, value: Number(t.image), unit: null, range: tokenRange(t) });
  // the jurisdiction named by 继承, as one path: 四川/遂宁
  const rp = node(n, 'regionPath');
  const parts = rp ? names(rp) : [];
  const extendsRegion: A.Name | null = parts.length
    ? { kind: 'Name', text: parts.map((p) => p.text).join('/'), range: span(parts[0]!.range, parts[parts.length - 1]!.range) }
    : null;
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

/**
 * `cst` is what parserInstance.file() returned (nothing when even `file` failed). chevrotain
 * types a rule's result as a plain CstNode; it is the `file` rule's node, whose shape
 * cst.generated.ts describes (and test/cst-types.test.ts keeps that file the grammar's).
 */
export function buildAst(cst: CstNode | undefined, text: string): A.TemplateFile {
  const end = endPosition(text);
  const file = cst as C.FileCstNode | undefined;
  const templates = file
    ? nodes(file, 'template')
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
