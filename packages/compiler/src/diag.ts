// Building and collecting diagnostics.

import type { Diagnostic, Range } from '@jixiao/language';
import { CODES, type CodeKey } from './codes.ts';

export interface Msg {
  zh: string;
  en: string;
}

export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  constructor(private readonly file?: string) {}

  report(key: CodeKey, range: Range, message: Msg, help?: Msg): void {
    const info = CODES[key];
    const d: Diagnostic = { code: info.code, severity: info.severity, range, message };
    if (help) d.help = help;
    if (this.file !== undefined) d.file = this.file;
    this.items.push(d);
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

/** A range spanning from the start of `a` to the end of `b`. */
export function spanRange(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}
