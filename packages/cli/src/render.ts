// Diagnostics as the terminal shows them: `path:line:col: message [code]`, the source
// line with the range underlined, and the help text.
import pc from 'picocolors';
import { SEVERITY_WORDS, type Diagnostic, type Severity } from '@jixiao/language/diagnostics';
import { t, tr } from './i18n.ts';

const SEVERITY_COLOUR: Record<Severity, (s: string) => string> = { error: pc.red, warning: pc.yellow, info: pc.blue };

/** A severity as the terminal shows it: its word, coloured. */
export function severityTag(s: Severity): string {
  return SEVERITY_COLOUR[s](t(SEVERITY_WORDS[s]));
}

/** Display width of a string in a terminal: CJK and full-width characters take two columns. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

export function renderDiagnostic(d: Diagnostic, path: string, source: string | null): string {
  const { line, column } = d.range.start;
  const head = `${pc.bold(`${path}:${line}:${column}`)}: ${severityTag(d.severity)} ${t(d.message)} ${pc.dim(`[${d.code}]`)}`;
  const out = [head];
  const srcLine = source?.split(/\r\n|\r|\n/)[line - 1];
  if (srcLine !== undefined) {
    const gutter = String(line).padStart(4) + ' | ';
    out.push(pc.dim(gutter) + srcLine);
    const before = srcLine.slice(0, column - 1);
    const endCol = d.range.end.line === line ? Math.max(d.range.end.column, column + 1) : srcLine.length + 1;
    const marked = srcLine.slice(column - 1, endCol - 1) || ' ';
    out.push(' '.repeat(gutter.length + width(before)) + pc.red('^'.repeat(Math.max(1, width(marked)))));
  }
  if (d.help) out.push(`  ${pc.cyan(tr('帮助', 'help'))}: ${t(d.help)}`);
  return out.join('\n');
}
