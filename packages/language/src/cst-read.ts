// Typed reads of chevrotain's CST, for the visitor (visitor.ts, visitor-expr.ts).
//
// Every node type comes from cst.generated.ts (chevrotain's generateCstDts over the
// grammar), and these helpers take a child's name as a key of that node's children type:
// a misspelt key, or one the grammar no longer produces (a renamed LABEL or subrule), is a
// compile error rather than a silent `undefined`. They also tell subrule keys from token
// keys, so asking `token()` for a subrule does not compile either.
//
// The generated types mark some keys required, but after error recovery chevrotain hands
// back partial nodes that lack them; so every key is read as possibly absent, and a token
// chevrotain inserted during recovery (or one with no position) counts as absent too.
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type * as A from './ast.ts';

/** The element type of a children entry (`NameCstNode[]` → `NameCstNode`). */
type Element<C, K extends keyof C> = NonNullable<C[K]> extends readonly (infer E)[] ? E : never;
/** The keys of a children type that hold subrule nodes. */
export type NodeKey<C> = { [K in keyof C]-?: Element<C, K> extends CstNode ? K : never }[keyof C];
/** The keys of a children type that hold tokens. */
export type TokenKey<C> = { [K in keyof C]-?: Element<C, K> extends IToken ? K : never }[keyof C];

const isToken = (e: CstElement | undefined): e is IToken => !!e && 'image' in e;
const isNode = (e: CstElement | undefined): e is CstNode => !!e && 'children' in e;
/** A token that is really in the source: not made up by recovery, and placed. */
const present = (t: IToken): boolean => !Number.isNaN(t.startOffset) && !t.isInsertedInRecovery;

// The one untyped step: the keys are checked by the signatures that call this.
function entry(n: CstNode, key: PropertyKey): CstElement[] {
  return (n.children as Record<PropertyKey, CstElement[] | undefined>)[key] ?? [];
}

/** The first subrule node under `key`, if any. The runtime check is kept as a guard. */
export function node<N extends CstNode, K extends NodeKey<N['children']>>(n: N, key: K): Element<N['children'], K> | undefined {
  const e = entry(n, key)[0];
  return isNode(e) ? (e as Element<N['children'], K>) : undefined;
}

/** All subrule nodes under `key`, in source order. */
export function nodes<N extends CstNode, K extends NodeKey<N['children']>>(n: N, key: K): Element<N['children'], K>[] {
  return entry(n, key).filter(isNode) as Element<N['children'], K>[];
}

/** The first token under `key` that is really in the source. */
export function token<N extends CstNode>(n: N, key: TokenKey<N['children']>): IToken | undefined {
  const e = entry(n, key)[0];
  return isToken(e) && present(e) ? e : undefined;
}

/** All tokens under `key` that are really in the source. */
export function tokens<N extends CstNode>(n: N, key: TokenKey<N['children']>): IToken[] {
  return entry(n, key).filter(isToken).filter(present);
}

/** The first token present among the given keys, in source order, with the key it came from. */
export function firstTokenOf<N extends CstNode, K extends TokenKey<N['children']>>(n: N, keys: readonly K[]): { key: K; token: IToken } | undefined {
  let best: { key: K; token: IToken } | undefined;
  for (const key of keys) for (const t of tokens(n, key)) if (!best || t.startOffset < best.token.startOffset) best = { key, token: t };
  return best;
}

// ───────────────────────── source ranges ─────────────────────────

export function tokenRange(t: IToken): A.Range {
  return {
    start: { offset: t.startOffset, line: t.startLine ?? 1, column: t.startColumn ?? 1 },
    end: { offset: (t.endOffset ?? t.startOffset) + 1, line: t.endLine ?? 1, column: (t.endColumn ?? 1) + 1 },
  };
}

const zero: A.Range = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

/** A node's range; a recovered node may have no (or a NaN) location. */
export function rangeOf(n: CstNode): A.Range {
  const l = n.location;
  if (!l || Number.isNaN(l.startOffset) || l.startOffset === undefined) return zero;
  const endOk = l.endOffset !== undefined && !Number.isNaN(l.endOffset);
  return {
    start: { offset: l.startOffset, line: l.startLine ?? 1, column: l.startColumn ?? 1 },
    end: endOk ? { offset: l.endOffset! + 1, line: l.endLine ?? 1, column: (l.endColumn ?? 1) + 1 } : { offset: l.startOffset, line: l.startLine ?? 1, column: l.startColumn ?? 1 },
  };
}

export function span(a: A.Range, b: A.Range): A.Range {
  return { start: a.start, end: b.end };
}
