// CST → AST for the leaves (names, quantities, comparison operators) and the score
// expressions; visitor.ts builds the declarations around them. Like all of the visitor,
// every function here tolerates a tree chevrotain recovered from a syntax error: it
// returns null for what it cannot build and never throws.
import type * as A from './ast.ts';
import type * as C from './cst.generated.ts';
import type { IToken } from 'chevrotain';
import * as T from './tokens.ts';
import { node, nodes, span, token, tokenRange, tokens, type TokenKey } from './cst-read.ts';

/** Unquote a StringLit image: "…" has \" and \\ escapes, the CJK quotes have none. */
export function unquote(image: string): string {
  if (image.startsWith('"')) return image.slice(1, -1).replace(/\\(.)/g, '$1');
  return image.slice(1, -1);
}

export function name(n: C.NameCstNode | undefined): A.Name | null {
  if (!n) return null;
  const id = token(n, 'Identifier') ?? token(n, 'Qualitative') ?? token(n, 'Deadline');
  if (id) return { kind: 'Name', text: id.image, range: tokenRange(id) };
  const s = token(n, 'StringLit');
  if (s) return { kind: 'Name', text: unquote(s.image), range: tokenRange(s) };
  return null;
}

/** The names under `name` of a node that lists them (标题 a, b; 别名 …; a region path). */
export function names(parent: C.TitleDeclCstNode | C.AliasListCstNode | C.RegionPathCstNode): A.Name[] {
  return nodes(parent, 'name')
    .map(name)
    .filter((x): x is A.Name => x !== null);
}

export function quantity(n: C.QuantityCstNode | undefined): A.Quantity | null {
  if (!n) return null;
  const num = token(n, 'NumberLit');
  if (!num) return null;
  const percent = token(n, 'Percent');
  const word = token(n, 'UnitWord');
  const unitTok = percent ?? word;
  const range = unitTok ? span(tokenRange(num), tokenRange(unitTok)) : tokenRange(num);
  return {
    kind: 'Quantity',
    text: num.image,
    value: Number(num.image),
    unit: percent ? '%' : word ? word.image : null,
    range,
  };
}

/** Keyed by cmpOp's children, so a renamed comparison token is a compile error here. */
const cmpByToken: Record<TokenKey<C.CmpOpCstChildren>, A.CmpOp> = {
  GreaterEq: '>=',
  Greater: '>',
  LessEq: '<=',
  Less: '<',
  Equals: '=',
  NotEq: '!=',
};
const cmpTokens = Object.keys(cmpByToken) as TokenKey<C.CmpOpCstChildren>[];

export function cmpOp(n: C.CmpOpCstNode | undefined): A.CmpOp | null {
  if (!n) return null;
  // one alternative is consumed, so at most one of these is there; the order is kept anyway
  for (const k of cmpTokens) if (token(n, k)) return cmpByToken[k];
  return null;
}

// ───────────────────────── expressions ─────────────────────────

/** The grammar's expression levels, loosest first (parser.ts). */
export type ExprNode = C.ExprCstNode | C.AndExprCstNode | C.CmpExprCstNode | C.AddExprCstNode | C.MulExprCstNode | C.UnaryExprCstNode | C.PrimaryCstNode;

export function expr(n: ExprNode | undefined): A.Expr | null {
  if (!n) return null;
  switch (n.name) {
    case 'expr':
      return chainLogical(nodes(n, 'operands'), tokens(n, 'Or'), 'or');
    case 'andExpr':
      return chainLogical(nodes(n, 'operands'), tokens(n, 'And'), 'and');
    case 'cmpExpr': {
      const [l, r] = nodes(n, 'operands').map(expr);
      const op = cmpOp(node(n, 'cmpOp'));
      if (!l) return null;
      if (!op) return l;
      if (!r) return null;
      return { kind: 'Compare', op, left: l, right: r, range: span(l.range, r.range) };
    }
    case 'addExpr':
      return chainBinary(nodes(n, 'operands'), tokens(n, 'ops'));
    case 'mulExpr':
      return chainBinary(nodes(n, 'operands'), tokens(n, 'ops'));
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
      // unreachable for a tree of this grammar; kept so an unknown node is dropped, not a crash
      return null;
  }
}

/** `a 或 b 或 c` (or 且): left-associative; a missing operand or operator drops the whole chain. */
function chainLogical(operands: ExprNode[], ops: IToken[], op: 'and' | 'or'): A.Expr | null {
  const parts = operands.map(expr);
  if (parts.some((p) => !p)) return null;
  const ps = parts as A.Expr[];
  if (ops.length !== ps.length - 1) return null;
  return ps.reduce((l, r) => ({ kind: 'Logical', op, left: l, right: r, range: span(l.range, r.range) }));
}

/** `a + b - c`, `a * b / c`: the operators (label `ops`) are one list in source order. */
function chainBinary(operands: ExprNode[], opTokens: IToken[]): A.Expr | null {
  const parts = operands.map(expr);
  const ops = opTokens.sort((a, b) => a.startOffset - b.startOffset);
  if (parts.length === 0 || parts.some((p) => !p) || ops.length !== parts.length - 1) return null;
  let acc = parts[0] as A.Expr;
  for (let i = 0; i < ops.length; i++) {
    const right = parts[i + 1] as A.Expr;
    const t = ops[i]!.tokenType;
    const op = t === T.Plus ? '+' : t === T.Minus ? '-' : t === T.Times ? '*' : '/';
    acc = { kind: 'Binary', op, left: acc, right, range: span(acc.range, right.range) };
  }
  return acc;
}

function call(n: C.CallCstNode): A.Expr | null {
  const min = token(n, 'FnMin');
  const fnTok = min ?? token(n, 'FnMax');
  const close = token(n, 'RParen');
  if (!fnTok || !close) return null;
  const args = nodes(n, 'args').map(expr);
  if (args.length === 0 || args.some((a) => !a)) return null;
  return {
    kind: 'Call',
    fn: min ? 'min' : 'max',
    spelling: fnTok.image,
    args: args as A.Expr[],
    range: span(tokenRange(fnTok), tokenRange(close)),
  };
}

function shareCall(n: C.ShareCallCstNode): A.Expr | null {
  const fnTok = token(n, 'FnShare');
  const close = token(n, 'RParen');
  const group = name(node(n, 'name'));
  const cond = expr(node(n, 'cond'));
  if (!fnTok || !close || !group || !cond) return null;
  return { kind: 'Share', group, cond, range: span(tokenRange(fnTok), tokenRange(close)) };
}

function ifExpr(n: C.IfExprCstNode): A.Expr | null {
  const ifTok = token(n, 'If');
  const cond = expr(node(n, 'cond'));
  const then = expr(node(n, 'then'));
  const els = expr(node(n, 'else'));
  if (!ifTok || !cond || !then || !els) return null;
  return { kind: 'If', cond, then, else: els, range: span(tokenRange(ifTok), els.range) };
}
