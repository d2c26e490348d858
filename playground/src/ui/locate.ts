// Where an indicator, a rule or a statement (总分, 扣分) is written in the template: from
// the outline of the last analysis when it names it, else by searching the text. Shared by
// the Monaco editor and the light view shown before Monaco loads.
import type { Outline, SpanData } from '../worker/protocol.ts';

export interface RevealTarget {
  section?: string;
  rule?: string;
  statement?: string;
}

const escapeRe = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first match of `re` (multiline) in `text`, as a span. */
export function findInText(text: string, re: string): SpanData | null {
  const m = new RegExp(re, 'm').exec(text);
  if (!m) return null;
  const before = text.slice(0, m.index).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  const lines = m[0].split('\n');
  const endLine = line + lines.length - 1;
  const endColumn = lines.length === 1 ? column + m[0].length : lines[lines.length - 1]!.length + 1;
  return { startLineNumber: line, startColumn: column, endLineNumber: endLine, endColumn };
}

/**
 * The span of a target in the template, null when the text does not write it (it may come
 * from the parent template). A formula section's row (预算执行率) names a section, not a rule.
 */
export function locate(outline: Outline | null, text: string, target: RevealTarget): SpanData | null {
  let t = target;
  let sp: SpanData | null = null;
  if (t.rule) {
    sp = outline?.rules.find((r) => r.name === t.rule)?.nameSpan ?? findInText(text, `规则\\s+${escapeRe(t.rule)}(?=\\s|$|\\{)`);
    if (!sp) t = { section: t.rule };
  }
  if (t.section) {
    const name = t.section;
    sp = outline?.sections.find((x) => x.name === name || x.aliases.includes(name))?.nameSpan ?? findInText(text, `(一级指标|重命名 一级指标)[^\\n]*${escapeRe(name)}`);
  }
  if (t.statement) sp = findInText(text, `^\\s*${escapeRe(t.statement)}(?=\\s)`);
  return sp;
}
