// Reading a filing from disk and choosing the template that scores it.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { importDiagnostic, importFiling, MAX_FILING_BYTES, unnamedLine, type Filing, type ImportDiagnostic } from '@jixiao/engine';
import { chooseEntry, type ChoiceProblem } from '@jixiao/compiler';
import { shownPath } from './paths.ts';
import type { Cause } from './codes.ts';
import { knownForms, library, loadTemplate, regionOfFile, type LoadedTemplate } from './templates.ts';
import { userPath } from './paths.ts';

export interface TemplateChoice {
  year?: string | undefined;
  form?: string | undefined;
  rules?: string | undefined;
  /** 地区: 全国, 甘肃, 四川/遂宁/大英县 … */
  region?: string | undefined;
}

/** The template that scores a filing, and how it was found. */
export interface Chosen {
  template: LoadedTemplate;
  /** the jurisdiction asked for, when its parent's template is used (大英县 → 四川) */
  fallbackFrom: string | null;
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
const found = new Map<string, { file: string; fallbackFrom: string | null }>();

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

/**
 * The template for a filing: --rules, else the one in force for its form, year and
 * jurisdiction (--form/--year/--region, else what the filing says). A jurisdiction without
 * its own template uses its parent's, up to 全国; with no jurisdiction given and several
 * in force, the user chooses: the candidates are listed, never picked silently. The choice
 * itself is the compiler's (chooseEntry); this wraps it in the CLI's words and caches it.
 */
export function chooseTemplate(choice: TemplateChoice, filing: Filing | null, filingPath?: string): Chosen {
  if (choice.rules) return { template: validTemplate(userPath(choice.rules)), fallbackFrom: null };
  const folder = filingPath ? regionOfFile(filingPath) : null;
  // The rules/ folder is looked up once per question, not once per filing of a batch. The
  // question is what chooseEntry reads: a jurisdiction given (--region or the filing's 地区)
  // decides alone, so the unit, title and place (different in every filing) are left out of
  // the key then; else they are where the jurisdiction is read from.
  const given = choice.region ?? filing?.region;
  const year = choice.year ?? filing?.year;
  const form = choice.form ?? filing?.form;
  const named = given !== undefined && given.trim() !== '';
  // the filing before asked the same (a batch of one jurisdiction's filings): its answer
  if (named && lastNamed && lastNamed.year === year && lastNamed.form === form && lastNamed.given === given) return lastNamed.chosen;
  const key = JSON.stringify(named ? [year, form, given] : [year, form, given, filing?.unit, filing?.title, filing?.place, folder]);
  let hit = found.get(key);
  if (hit === undefined) {
    const r = chooseEntry(library(), choice, filing, folder);
    if ('problem' in r) throw choiceError(r);
    hit = { file: r.entry.file, fallbackFrom: r.fallbackFrom };
    // a batch of filings that name no jurisdiction asks as many questions as it has units:
    // forget them now and then, so that memory stays flat
    if (found.size >= 4096) found.clear();
    found.set(key, hit);
  }
  const chosen = { template: validTemplate(hit.file), fallbackFrom: hit.fallbackFrom };
  lastNamed = named ? { year, form, given: given!, chosen } : null;
  return chosen;
}

/** The last choice made for a jurisdiction given: year and form as asked or filed, and what was chosen. */
let lastNamed: { year: string | number | undefined; form: string | undefined; given: string; chosen: Chosen } | null = null;

function choiceError(p: ChoiceProblem): UserError {
  switch (p.problem) {
    case 'yearUnknown':
      return userError('yearUnknown', p.given !== null ? { given: p.given } : {});
    case 'formUnknown':
      return userError('formUnknown', p.given !== null ? { pass: true, known: knownForms(), given: p.given } : { pass: true, known: knownForms() });
    case 'noTemplate':
      return userError('noTemplate', { form: p.form, year: String(p.year), ...(p.region !== null ? { region: p.region, elsewhere: p.elsewhere.map((e) => e.region) } : {}) });
    case 'regionAmbiguous':
      return userError('regionAmbiguous', { form: p.form, year: p.year, candidates: p.candidates.map((c) => ({ region: c.region, year: c.year, file: shownPath(c.file) })) });
  }
}
