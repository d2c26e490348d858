// Collecting the checker's diagnostics, each worded by the catalogue (codes.ts).

import { buildFrom, hasErrors, type DataOf, type Diagnostic, type Range } from '@jixiao/language';
import { CODES, type CodeKey } from './codes.ts';

export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  constructor(private readonly file?: string) {}

  report<K extends CodeKey>(key: K, range: Range, data: DataOf<(typeof CODES)[K]>): void {
    const d: Diagnostic = { ...buildFrom(CODES, key, data), range };
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
