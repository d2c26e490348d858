// Collecting the checker's diagnostics, each worded by the catalogue (codes.ts).

import { buildFrom, hasErrors, type DataOf, type Diagnostic, type DiagnosticFix, type Range, type RelatedPlace } from '@jixiao/language';
import { CODES, type CodeKey } from './codes.ts';

export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  constructor(private readonly file?: string) {}

  /** `extra`: the fixes the checker is sure of, and the other places the diagnostic is about. */
  report<K extends CodeKey>(key: K, range: Range, data: DataOf<(typeof CODES)[K]>, extra?: { fixes?: DiagnosticFix[]; related?: RelatedPlace[] }): void {
    const d: Diagnostic = { ...buildFrom(CODES, key, data), range };
    // an edit can only be made in the file being checked, not in a parent template (继承)
    const fixes = extra?.fixes?.filter((f) => f.edits.every((e) => e.range.file === undefined || e.range.file === this.file));
    if (fixes?.length) d.fixes = fixes;
    if (extra?.related?.length) d.related = extra.related;
    // a node inherited from a parent template (继承) knows the file it was written in
    const file = range.file ?? this.file;
    if (file !== undefined) d.file = file;
    this.items.push(d);
  }

  get hasErrors(): boolean {
    return hasErrors(this.items);
  }
}

/** A range spanning from the start of `a` to the end of `b`. */
export function spanRange(a: Range, b: Range): Range {
  const r: Range = { start: a.start, end: b.end };
  if (a.file !== undefined) r.file = a.file;
  return r;
}
