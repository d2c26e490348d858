// A small builder of template ASTs with dummy ranges, for tests and generators
// that need ASTs without going through the parser. Every node gets its own
// range (line = a fresh counter) so a test can tell which node a diagnostic
// points at by comparing ranges.

import type * as A from '../../packages/language/src/index.ts';

let line = 1;
export function range(): A.Range {
  const l = line++;
  return { start: { offset: l * 100, line: l, column: 1 }, end: { offset: l * 100 + 10, line: l, column: 11 } };
}

export function name(text: string): A.Name {
  return { kind: 'Name', text, range: range() };
}

export function q(value: number | string, unit: string | null = null): A.Quantity {
  const text = typeof value === 'string' ? value : String(value);
  return { kind: 'Quantity', text, value: Number(text), unit, range: range() };
}

// ── expressions ──
export const num = (v: number | string, unit: string | null = null): A.NumberLit => ({ kind: 'Number', quantity: q(v, unit), range: range() });
export const v = (n: string): A.VarRef => ({ kind: 'Var', name: n, range: range() });
export const neg = (x: A.Expr): A.Unary => ({ kind: 'Unary', op: '-', operand: x, range: range() });
export const bin = (op: A.Binary['op'], l: A.Expr, r: A.Expr): A.Binary => ({ kind: 'Binary', op, left: l, right: r, range: range() });
export const add = (l: A.Expr, r: A.Expr) => bin('+', l, r);
export const sub = (l: A.Expr, r: A.Expr) => bin('-', l, r);
export const mul = (l: A.Expr, r: A.Expr) => bin('*', l, r);
export const div = (l: A.Expr, r: A.Expr) => bin('/', l, r);
export const min = (...args: A.Expr[]): A.Call => ({ kind: 'Call', fn: 'min', spelling: 'min', args, range: range() });
export const max = (...args: A.Expr[]): A.Call => ({ kind: 'Call', fn: 'max', spelling: 'max', args, range: range() });
export const iff = (c: A.Expr, t: A.Expr, e: A.Expr): A.IfExpr => ({ kind: 'If', cond: c, then: t, else: e, range: range() });
export const cmp = (op: A.CmpOp, l: A.Expr, r: A.Expr): A.Compare => ({ kind: 'Compare', op, left: l, right: r, range: range() });
export const and = (l: A.Expr, r: A.Expr): A.Logical => ({ kind: 'Logical', op: 'and', left: l, right: r, range: range() });
export const or = (l: A.Expr, r: A.Expr): A.Logical => ({ kind: 'Logical', op: 'or', left: l, right: r, range: range() });

// ── declarations ──
export const total = (value: number | string, unit: string | null = '分'): A.TotalDecl => ({ kind: 'Total', value: q(value, unit), range: range() });
export const rounding = (places: number, mode: A.RoundingDecl['mode'] = 'half-up'): A.RoundingDecl => ({ kind: 'Rounding', places: q(places), mode, range: range() });
export const title = (...ts: string[]): A.TitleDecl => ({ kind: 'Title', titles: ts.map(name), range: range() });

export function band(n: string, op: A.CmpOp | null = null, bound: number | null = null): A.GradeBand {
  return { kind: 'GradeBand', name: name(n), op, bound: bound === null ? null : q(bound, '分'), low: null, high: null, range: range() };
}
export function rangeBand(n: string, low: number, high: number): A.GradeBand {
  return { kind: 'GradeBand', name: name(n), op: null, bound: null, low: q(low), high: q(high, '分'), range: range() };
}
export const grades = (...bands: A.GradeBand[]): A.GradesDecl => ({ kind: 'Grades', bands, range: range() });

export function tier(n: string, low: number | string, high: number | string, unit: string | null = '%', aliases: string[] = []): A.Tier {
  return { kind: 'Tier', name: name(n), aliases: aliases.map(name), low: q(low, unit), high: q(high, unit), range: range() };
}
export const tiers = (...ts: A.Tier[]): A.TiersDecl => ({ kind: 'Tiers', tiers: ts, range: range() });
export const standardTiers = () => tiers(tier('达成', 80, 100, '%', ['达成预期指标']), tier('部分达成', 60, 80), tier('未达成', 0, 60));

export function rule(n: string, shapes: A.TargetShape[], score: A.Expr, negatives: string[] = []): A.RuleDecl {
  return { kind: 'Rule', name: name(n), shapes, negatives: negatives.map(name), score, scoreRange: range(), range: range() };
}

export interface SectionOpts {
  score?: A.Expr;
  rule?: string;
  filled?: boolean;
  children?: A.SectionDecl[];
  aliases?: string[];
  unit?: string | null;
}
export function section(level: 1 | 2 | 3, n: string, weight: number | string, o: SectionOpts = {}): A.SectionDecl {
  return {
    kind: 'Section',
    level,
    name: name(n),
    weight: q(weight, o.unit === undefined ? '分' : o.unit),
    aliases: (o.aliases ?? []).map(name),
    score: o.score ?? null,
    scoreRange: o.score ? range() : null,
    rule: o.rule ? name(o.rule) : null,
    filledByUnit: o.filled ?? false,
    children: o.children ?? [],
    range: range(),
  };
}

export function deduction(n: string, totalMax: number, floor: number | null = 0, perItem: number | null = null): A.DeductionDecl {
  return {
    kind: 'Deduction',
    name: name(n),
    perItemMax: perItem === null ? null : q(perItem, '分'),
    totalMax: q(totalMax, '分'),
    floor: floor === null ? null : q(floor, '分'),
    range: range(),
  };
}

export function aggregation(...entries: [A.AggregationEntry['what'], A.AggregationEntry['how']][]): A.AggregationDecl {
  return { kind: 'Aggregation', entries: entries.map(([what, how]) => ({ kind: 'AggregationEntry', what, how, range: range() })), range: range() };
}

export function template(items: A.Item[], form = '部门整体支出', year = 2023): A.Template {
  return { kind: 'Template', name: name(form), year: q(year), extends: null, extendsRegion: null, items, range: range() };
}

// ── common formulas ──
export const W = () => v('权重');
/** 权重 * min(实际 / 目标, 1) */
export const positive = () => mul(W(), min(div(v('实际'), v('目标')), num(1)));
/** 权重 * 完成比例 */
export const qualitative = () => mul(W(), v('完成比例'));
