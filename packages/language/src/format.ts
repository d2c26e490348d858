// The formatter: AST (+ comments) → canonical text. parse(format(ast)) yields the same
// AST (ranges aside); comments are kept where they were, before the item they precede
// or at the end of the line they ended.
import type * as A from './ast.ts';
import type { Comment } from './parse.ts';
import { JxLexer } from './tokens.ts';

const INDENT = '  ';

/** Bare when the text lexes as one name token, otherwise quoted so it reads back the same. */
export function printName(text: string): string {
  const lexed = JxLexer.tokenize(text);
  const only = lexed.tokens.length === 1 ? lexed.tokens[0] : undefined;
  if (lexed.errors.length === 0 && lexed.groups['comments']?.length === 0 && only && only.image === text) {
    const k = only.tokenType.name;
    if (k === 'Identifier' || k === 'Qualitative' || k === 'Deadline') return text;
  }
  if (!/[”\n\r\u2028\u2029]/.test(text)) return `“${text}”`;
  if (!/[」\n\r\u2028\u2029]/.test(text)) return `「${text}」`;
  return '"' + text.replace(/[\\"]/g, (c) => '\\' + c).replace(/[\n\r\u2028\u2029]/g, ' ') + '"';
}

export function printQuantity(q: A.Quantity): string {
  if (!q.unit) return q.text;
  return q.unit === '%' ? `${q.text}%` : `${q.text} ${q.unit}`;
}

// Binding strength: higher binds tighter.
function prec(e: A.Expr): number {
  switch (e.kind) {
    case 'If':
      return 0;
    case 'Logical':
      return e.op === 'or' ? 1 : 2;
    case 'Compare':
      return 3;
    case 'Binary':
      return e.op === '+' || e.op === '-' ? 4 : 5;
    case 'Unary':
      return 6;
    default:
      return 7;
  }
}

const logicalWord = { and: '且', or: '或' } as const;

export function printExpr(e: A.Expr): string {
  const wrap = (child: A.Expr, min: number) => (prec(child) < min ? `(${printExpr(child)})` : printExpr(child));
  switch (e.kind) {
    case 'Number':
      return printQuantity(e.quantity);
    case 'Var':
      return e.name;
    case 'Unary':
      return `-${wrap(e.operand, 6)}`;
    case 'Binary': {
      const p = prec(e);
      // left-associative: the right operand needs parentheses at equal strength
      return `${wrap(e.left, p)} ${e.op} ${wrap(e.right, p + 1)}`;
    }
    case 'Compare':
      return `${wrap(e.left, 4)} ${e.op} ${wrap(e.right, 4)}`;
    case 'Logical': {
      const p = prec(e);
      return `${wrap(e.left, p)} ${logicalWord[e.op]} ${wrap(e.right, p + 1)}`;
    }
    case 'Call':
      return `${e.spelling}(${e.args.map(printExpr).join(', ')})`;
    case 'Share':
      return `占比(${printName(e.group.text)}, ${printExpr(e.cond)})`;
    case 'If':
      return `如果 ${wrap(e.cond, 1)} 则 ${wrap(e.then, 1)} 否则 ${printExpr(e.else)}`;
  }
}

/** How each target shape is written after 适用 (also used in messages). */
export const shapeText: Readonly<Record<A.TargetShape, string>> = {
  '>=': '>=',
  '>': '>',
  '<=': '<=',
  '<': '<',
  '=': '=',
  '!=': '!=',
  qualitative: '定性',
  deadline: '期限',
};

const roundingText: Record<A.RoundingDecl['mode'], string> = {
  'half-up': '四舍五入',
  truncate: '截断',
  'half-even': '银行家舍入',
};

function band(b: A.GradeBand): string {
  const n = printName(b.name.text);
  if (b.low && b.high) return `${n} ${printQuantity(b.low)}..${printQuantity(b.high)}`;
  if (b.op && b.bound) return `${n} ${b.op} ${printQuantity(b.bound)}`;
  return n;
}

function tier(t: A.Tier): string {
  const al = t.aliases.length ? ` 别名 ${t.aliases.map((a) => printName(a.text)).join(', ')}` : '';
  const range = t.point ? printQuantity(t.low) : `${printQuantity(t.low)}..${printQuantity(t.high)}`;
  return `${printName(t.name.text)} ${range}${al}`;
}

/** Lines of one item at the given depth (without trailing newline). */
function itemLines(item: A.Item, depth: number, out: Out): void {
  const pad = INDENT.repeat(depth);
  switch (item.kind) {
    case 'Title':
      out.line(`${pad}标题 ${item.titles.map((t) => printName(t.text)).join(', ')}`, item.range);
      return;
    case 'Total':
      out.line(`${pad}总分 ${printQuantity(item.value)}`, item.range);
      return;
    case 'Rounding':
      out.line(`${pad}保留小数 ${printQuantity(item.places)} 位 ${roundingText[item.mode]}`, item.range);
      return;
    case 'Grades':
      out.line(`${pad}等级 { ${item.bands.map(band).join('; ')} }`, item.range);
      return;
    case 'Tiers':
      out.line(`${pad}定性分档 {`, item.range, 'start');
      item.tiers.forEach((t, i) => out.line(`${pad}${INDENT}${tier(t)}${i < item.tiers.length - 1 ? ';' : ''}`, t.range));
      out.line(`${pad}}`, item.range, 'end');
      return;
    case 'Rule': {
      const applies = item.shapes.length ? ` 适用 ${item.shapes.map((s) => shapeText[s]).join(', ')}` : '';
      const negatives = item.negatives.length ? ` 允许负数 ${item.negatives.map((n) => printName(n.text)).join(', ')}` : '';
      out.line(`${pad}规则 ${printName(item.name.text)}${applies}${negatives} {`, item.range, 'start');
      out.line(scoreLine(`${pad}${INDENT}`, item.score), item.scoreRange);
      out.line(`${pad}}`, item.range, 'end');
      return;
    }
    case 'Section':
      sectionLines(item, depth, out);
      return;
    case 'Deduction': {
      const per = item.perItemMax ? ` 每项最多 ${printQuantity(item.perItemMax)}` : '';
      const floor = item.floor ? ` 总分不低于 ${printQuantity(item.floor)}` : '';
      out.line(`${pad}扣分 ${printName(item.name.text)}${per} 合计最多 ${printQuantity(item.totalMax)}${floor}`, item.range);
      return;
    }
    case 'Aggregation':
      out.line(`${pad}汇总 { ${item.entries.map((e) => `${aggWhat[e.what]} ${aggHow[e.how]}`).join('; ')} }`, item.range);
      return;
    case 'Remove':
      out.line(`${pad}删除 ${editWord[item.what]} ${printName(item.name.text)}`, item.range);
      return;
    case 'Rename':
      out.line(`${pad}重命名 ${editWord[item.what]} ${printName(item.from.text)} 为 ${printName(item.to.text)}`, item.range);
      return;
    case 'NotApplicable':
      out.line(`${pad}不适用 ${naWord[item.mode]}`, item.range);
      return;
    case 'Input':
      out.line(`${pad}输入 ${printName(item.name.text)}${item.unit ? ` ${item.unit}` : ''}`, item.range);
      return;
  }
}

const editWord = { section: '一级指标', rule: '规则', deduction: '扣分' } as const;
const aggWhat = { absolute: '绝对值', relative: '相对值', qualitative: '定性' } as const;
const aggHow = { sum: '累加', 'funding-weighted': '按资金加权', mean: '平均' } as const;
const levelWord = { 1: '一级指标', 2: '二级指标', 3: '三级指标' } as const;
const naWord = { total: '按总分折算', section: '按一级指标折算', none: '不折算' } as const;

function sectionLines(s: A.SectionDecl, depth: number, out: Out): void {
  const pad = INDENT.repeat(depth);
  const head = `${pad}${levelWord[s.level]} ${printName(s.name.text)} 分值 ${printQuantity(s.weight)}`;
  const parts: string[] = [];
  if (s.aliases.length) parts.push(`别名 ${s.aliases.map((a) => printName(a.text)).join(', ')}`);
  if (s.rule) parts.push(`采用 ${printName(s.rule.text)}`);
  if (s.filledByUnit) parts.push('单位填报');
  const simple = !s.score && s.children.length === 0;
  if (simple && parts.length === 0 && !out.hasCommentsInside(s.range)) {
    out.line(head, s.range);
    return;
  }
  if (simple && !out.hasCommentsInside(s.range)) {
    out.line(`${head} { ${parts.join('; ')} }`, s.range);
    return;
  }
  out.line(`${head} {`, s.range, 'start');
  for (const p of parts) out.line(`${pad}${INDENT}${p}`, null);
  if (s.score) out.line(scoreLine(`${pad}${INDENT}`, s.score), s.scoreRange);
  // options of one 择一 group are written together inside it
  for (let i = 0; i < s.children.length; i++) {
    const c = s.children[i]!;
    if (c.choice === undefined) {
      out.flushBefore(c.range, depth + 1);
      sectionLines(c, depth + 1, out);
      continue;
    }
    out.line(`${pad}${INDENT}择一 {`, null);
    while (i < s.children.length && s.children[i]!.choice === c.choice) {
      const o = s.children[i]!;
      out.flushBefore(o.range, depth + 2);
      sectionLines(o, depth + 2, out);
      i++;
    }
    i--;
    out.line(`${pad}${INDENT}}`, null);
  }
  out.line(`${pad}}`, s.range, 'end');
}

/** Accumulates output lines and weaves the source comments back in by position. */
/** Longer than this (in characters), a 如果 … 否则 如果 … chain is written a case a line. */
const MAX_LINE = 100;

/**
 * `得分 = …` at `indent`: on one line, or, when that is too long to read and the formula is
 * a chain of cases, each 否则 on a line of its own, as staff write a scoring table:
 *
 *     得分 = 如果 实际 >= 90 则 权重
 *       否则 如果 实际 >= 85 则 max(0 分, 权重 - 1 分)
 *       否则 max(0 分, 权重 - 2 分)
 */
function scoreLine(indent: string, e: A.Expr): string {
  const one = `${indent}得分 = ${printExpr(e)}`;
  if (one.length <= MAX_LINE || e.kind !== 'If') return one;
  // a 如果 inside a condition or a result keeps its brackets, as printExpr writes it
  const part = (x: A.Expr) => (prec(x) < 1 ? `(${printExpr(x)})` : printExpr(x));
  const lines: string[] = [];
  let cur: A.Expr = e;
  while (cur.kind === 'If') {
    lines.push(`如果 ${part(cur.cond)} 则 ${part(cur.then)}`);
    cur = cur.else;
  }
  const rest = `${indent}${INDENT}否则 `;
  return [`${indent}得分 = ${lines[0]}`, ...lines.slice(1).map((l) => rest + l), rest + printExpr(cur)].join('\n');
}

class Out {
  lines: string[] = [];
  private next = 0;
  private lastLine = 0; // source line of the last emitted node end
  constructor(
    private comments: Comment[],
    private sourceBlankBefore: (line: number) => boolean,
  ) {}

  hasCommentsInside(r: A.Range): boolean {
    return this.comments.some((c) => c.range.start.offset > r.start.offset && c.range.start.offset < r.end.offset);
  }

  /** Emit comments that start before `r`, each on its own line (or trailing the previous line). */
  flushBefore(r: A.Range | null, depth: number): void {
    const pad = INDENT.repeat(depth);
    while (this.next < this.comments.length) {
      const c = this.comments[this.next]!;
      if (r && c.range.start.offset >= r.start.offset) break;
      if (c.range.start.line === this.lastLine && this.lines.length > 0) {
        this.lines[this.lines.length - 1] += ` ${c.text.trimEnd()}`;
      } else {
        if (this.sourceBlankBefore(c.range.start.line) && this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
        this.lines.push(pad + c.text.trimEnd());
      }
      this.lastLine = c.range.start.line;
      this.next++;
    }
  }

  line(text: string, r: A.Range | null, part: 'whole' | 'start' | 'end' = 'whole'): void {
    if (r && part !== 'end') {
      const depth = /^ */.exec(text)![0].length / INDENT.length;
      this.flushBefore(r, depth);
      if (this.sourceBlankBefore(r.start.line) && this.lines.length > 0) {
        const prev = this.lines[this.lines.length - 1]!;
        if (prev !== '' && !prev.endsWith('{')) this.lines.push('');
      }
    }
    if (r && part === 'end') {
      // comments inside the block but after its last child go before the closing brace
      const depth = /^ */.exec(text)![0].length / INDENT.length + 1;
      this.flushBefore({ start: { ...r.end, offset: r.end.offset - 1 }, end: r.end }, depth);
    }
    this.lines.push(text);
    if (r) this.lastLine = part === 'start' ? r.start.line : r.end.line;
  }
}

/** Format a parsed file. Pass the comments from `parse` to keep them. */
export function format(file: A.TemplateFile, comments: Comment[] = [], source = ''): string {
  const srcLines = source.split(/\r\n|\r|\n/);
  // A blank source line directly above `line` (1-based) is kept as one blank line.
  const blankBefore = (line: number) => line >= 2 && (srcLines[line - 2] ?? 'x').trim() === '';
  const out = new Out(
    [...comments].sort((a, b) => a.range.start.offset - b.range.start.offset),
    blankBefore,
  );
  file.templates.forEach((t, i) => {
    if (i > 0) out.lines.push('');
    const ext = t.extends ? ` 继承 ${t.extendsRegion ? `${t.extendsRegion.text.split('/').map(printName).join('/')} ` : ''}${t.extends.text}` : '';
    out.line(`模板 ${printName(t.name.text)} ${t.year.text}${ext} {`, t.range, 'start');
    for (const item of t.items) itemLines(item, 1, out);
    out.line('}', t.range, 'end');
  });
  out.flushBefore(null, 0);
  return out.lines.join('\n') + '\n';
}
