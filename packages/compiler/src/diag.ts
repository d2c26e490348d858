// Building and collecting diagnostics.

import type { Diagnostic, DiagnosticFix, Range, RelatedPlace } from '@jixiao/language';
import { CODES, type CodeKey } from './codes.ts';

export interface Msg {
  zh: string;
  en: string;
}

export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  constructor(private readonly file?: string) {}

  /** `extra`: the fixes the checker is sure of, and the other places the diagnostic is about. */
  report(key: CodeKey, range: Range, message: Msg, help?: Msg, extra?: { fixes?: DiagnosticFix[]; related?: RelatedPlace[] }): void {
    const info = CODES[key];
    const d: Diagnostic = { code: info.code, severity: info.severity, range, message };
    if (help) d.help = help;
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
    return this.items.some((d) => d.severity === 'error');
  }
}

/** A range spanning from the start of `a` to the end of `b`. */
export function spanRange(a: Range, b: Range): Range {
  const r: Range = { start: a.start, end: b.end };
  if (a.file !== undefined) r.file = a.file;
  return r;
}
