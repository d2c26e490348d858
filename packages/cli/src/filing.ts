// Reading a filing from disk and choosing the template that scores it.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { importDiagnostic, importFiling, MAX_FILING_BYTES, unnamedLine, type Filing, type ImportDiagnostic } from '@jixiao/engine';
import type { Cause } from './codes.ts';
import { findTemplate, knownForms, loadTemplate, normaliseForm, type LoadedTemplate } from './templates.ts';
import { userPath } from './paths.ts';

export interface TemplateChoice {
  year?: string | undefined;
  form?: string | undefined;
  rules?: string | undefined;
}

/** A failure the user must fix, with a message in both languages; exit code 2. */
import { UserError, userError } from './errors.ts';

export { UserError };

export async function readFiling(path: string): Promise<{ filing: Filing | null; diagnostics: ImportDiagnostic[] }> {
  // Refuse an oversized file before reading it into memory.
  const size = statSync(path).size;
  if (size > MAX_FILING_BYTES) {
    throw new UserError(importDiagnostic('IMP007', { bytes: size, limit: MAX_FILING_BYTES }));
  }
  const bytes = readFileSync(path);
  const r = await importFiling(new Uint8Array(bytes), { filename: basename(path) });
  return { filing: r.filing, diagnostics: r.diagnostics };
}

/** The import error that stopped a filing, as a CLI error cites it: its code and message, and its line unless the message names it. */
export function causeOf(diagnostics: readonly ImportDiagnostic[]): { cause?: Cause; line?: number } {
  const first = diagnostics.find((d) => d.severity === 'error');
  if (!first) return {};
  const line = unnamedLine(first);
  return { cause: { code: first.code, message: first.message }, ...(line !== undefined ? { line } : {}) };
}

const cache = new Map<string, LoadedTemplate>();
const found = new Map<string, string | null>();

/** Load (once per process) and require a valid template. */
export function validTemplate(path: string): LoadedTemplate {
  let t = cache.get(path);
  if (!t) {
    t = loadTemplate(path);
    cache.set(path, t);
  }
  if (!t.checked) {
    const first = t.diagnostics.find((d) => d.severity === 'error');
    throw userError(
      'invalidTemplate',
      first ? { file: first.file ?? path, line: first.range.start.line, column: first.range.start.column, cause: { code: first.code, message: first.message } } : {},
    );
  }
  return t;
}

/** The template for a filing: --rules, else --year/--form, else what the filing's title says. */
export function chooseTemplate(choice: TemplateChoice, filing: Filing | null): LoadedTemplate {
  if (choice.rules) return validTemplate(userPath(choice.rules));
  const yearText = choice.year ?? (filing?.year !== undefined ? String(filing.year) : undefined);
  const formText = choice.form ?? filing?.form;
  if (!yearText || !/^\d{4}$/.test(yearText)) throw userError('yearUnknown', yearText ? { given: yearText } : {});
  const form = formText ? normaliseForm(formText) : null;
  if (!form) throw userError('formUnknown', formText ? { pass: true, known: knownForms(), given: formText } : { pass: true, known: knownForms() });
  // The rules/ folder is looked up once per (form, year), not once per filing of a batch.
  const key = `${form}\u0000${yearText}`;
  let path = found.get(key);
  if (path === undefined) {
    path = findTemplate(form, Number(yearText));
    found.set(key, path);
  }
  if (!path) throw userError('noTemplate', { form, year: yearText });
  return validTemplate(path);
}
