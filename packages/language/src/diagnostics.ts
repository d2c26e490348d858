// The one diagnostics model of jixiao. Every error, warning and info a user reads — the
// parser's (JX0), the checker's (JX2), the scorer's findings (JX3), the command line's
// (JX4) and the importer's (IMP) — is built the same way: a code from its family's
// catalogue, which says the severity, the title, how the message and the help line are
// worded from the data, and the data itself, the values the message cites, kept beside
// the text so that a program never has to read them back out of a sentence.
//
// Defined here, in the lowest layer, because every package depends on it; free of Node
// APIs, because the playground runs it in the browser.

import type { Range } from './ast.ts';

/** A text a user reads: Chinese first, English available. (A type, not an interface: data may cite one.) */
export type Message = {
  zh: string;
  en: string;
};

export function msg(zh: string, en: string): Message {
  return { zh, en };
}

export type Severity = 'error' | 'warning' | 'info';

/** How each severity is named to a user. */
export const SEVERITY_WORDS: Readonly<Record<Severity, Message>> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

/** A value that survives JSON.stringify and JSON.parse unchanged. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json | undefined };

/**
 * What a diagnostic cites, as plain JSON. Declare each code's data as a type literal (not an
 * interface): only type literals are assignable to an index signature. Numbers must be
 * finite; where a value may not be (a filed NaN or ∞), cite it with `jsonNumber`.
 */
export type Data = { readonly [key: string]: Json | undefined };

/** No data: the code's message says it all. */
export type NoData = Record<never, never>;

/** A number as JSON can carry it: finite numbers as they are, the others by name. */
export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity';

export function jsonNumber(x: number): JsonNumber {
  if (Number.isFinite(x)) return x;
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

/**
 * A severity that depends on the case: a documented function of the data. Prefer two codes;
 * this is for a code whose meaning stays one while its consequence differs.
 */
export interface SeverityRule<D extends Data> {
  /** every severity the rule can give, for the documentation */
  readonly can: readonly Severity[];
  /** when each applies, in words, for the documentation */
  readonly doc: Message;
  readonly of: (data: D) => Severity;
}

/**
 * One entry of a catalogue: what a code means and how its messages are worded. A message
 * never chooses its own severity: it is the catalogue's, fixed or a function of the data.
 */
export interface CodeEntry<D extends Data = Data> {
  /** stable: never reused for another meaning (JX0001, JX2013, JX3004, JX4002, IMP030) */
  readonly code: string;
  readonly severity: Severity | SeverityRule<D>;
  /** what the code means, for docs/errors.md */
  readonly title: Message;
  /** the message, from the values it cites; user text goes through `quote` */
  readonly message: (data: D) => Message;
  /** what to do about it, when there is something to say */
  readonly help?: (data: D) => Message | undefined;
}

/** A family's catalogue: its codes by a name the call sites use. */
export type Catalogue = Readonly<Record<string, CodeEntry<never>>>;

/** The data a catalogue entry words its message from. */
export type DataOf<E> = E extends CodeEntry<infer D> ? D : never;

/**
 * Declare a catalogue entry; the data type is the message builder's parameter type
 * (NoInfer: the catalogue's own type must not decide it).
 */
export function code<D extends Data = NoData>(entry: CodeEntry<D>): NoInfer<CodeEntry<D>> {
  return entry;
}

/** The severity an entry gives these data. */
export function severityOf<D extends Data>(entry: CodeEntry<D>, data: D): Severity {
  return typeof entry.severity === 'string' ? entry.severity : entry.severity.of(data);
}

/** Every severity an entry can give. */
export function severitiesOf(entry: CodeEntry<never>): readonly Severity[] {
  return typeof entry.severity === 'string' ? [entry.severity] : entry.severity.can;
}

/**
 * What every family's diagnostics and findings have in common: the code, its severity,
 * the message and help worded by the catalogue, and the data they cite (JSON).
 */
export interface Coded<D extends Data = Data> {
  code: string;
  severity: Severity;
  message: Message;
  help?: Message;
  data: D;
}

/** Word a diagnostic from its catalogue entry and data. */
export function build<D extends Data>(entry: CodeEntry<D>, data: D): Coded<D> {
  const out: Coded<D> = { code: entry.code, severity: severityOf(entry, data), message: entry.message(data), data };
  const help = entry.help?.(data);
  if (help) out.help = help;
  return out;
}

/** Word the diagnostic of a catalogue's code from its data. */
export function buildFrom<C extends Catalogue, K extends keyof C & string>(catalogue: C, key: K, data: DataOf<C[K]>): Coded<DataOf<C[K]>> {
  return build(catalogue[key] as unknown as CodeEntry<DataOf<C[K]>>, data);
}

/** The entries of a catalogue in code order, for documentation. */
export function codesOf(catalogue: Catalogue): CodeEntry<never>[] {
  return Object.values(catalogue)
    .slice()
    .sort((a, b) => a.code.localeCompare(b.code));
}

export function hasErrors(items: readonly { severity: Severity }[]): boolean {
  return items.some((d) => d.severity === 'error');
}

// line breaks and tabs: found by a test (most quoted names have none), folded by a replace
const BREAKS = /[\r\n\t\u2028\u2029]/;
const BREAKS_ALL = /[\r\n\t\u2028\u2029]+/g;

/**
 * Quote user text in a message: a name (indicator, rule, grade, tier, deduction, unit, form),
 * a cell or a value as the user wrote it. One style in both languages, “…” (the quotation
 * marks of the national standard GB/T 15834, read as quotes in English too); shortened to
 * `max` characters so that one message stays one line, with line breaks and tabs folded to a
 * space (the data keep the whole value). Cited bare: numbers and quantities (`100 分`), a
 * whole formula after `得分 =`, file paths and locations. A part of a formula is quoted with
 * `max` Infinity: it is code to find, not to shorten.
 */
export function quote(text: unknown, max = 40): string {
  let s: string;
  if (typeof text === 'string') s = text;
  else if (text === undefined) s = 'undefined';
  else {
    try {
      s = JSON.stringify(text) ?? String(text);
    } catch {
      // a cycle or a value nested too deep to print: String() would recurse just as deep
      s = Array.isArray(text) ? '[…]' : typeof text === 'object' && text !== null ? '{…}' : typeof text;
    }
  }
  if (BREAKS.test(s)) s = s.replace(BREAKS_ALL, ' ');
  if (s.length > max) s = s.slice(0, max - 1) + '…';
  return `“${s}”`;
}

/** Replace `range` with `text` (an empty range inserts). */
export interface TextEdit {
  range: Range;
  text: string;
}

/** A correction the checker can make itself, as data: the playground offers it as a quick fix. */
export interface DiagnosticFix {
  /** what the fix does, for the menu (“改为 权重 * min(实际 / 目标, 1)”) */
  title: Message;
  edits: TextEdit[];
}

/** Another place a diagnostic is about: each weight of a sum that does not add up. */
export interface RelatedPlace {
  range: Range;
  message: Message;
}

/** A diagnostic of a template (parser and checker): located in its source. */
export interface Diagnostic<D extends Data = Data> extends Coded<D> {
  range: Range;
  /** file the range refers to, when known (templates may extend one another) */
  file?: string;
  /** corrections to offer, the simplest first (absent when none is certain enough) */
  fixes?: DiagnosticFix[];
  /** the other places it concerns (a sum's terms), where an edit may have caused it */
  related?: RelatedPlace[];
}
