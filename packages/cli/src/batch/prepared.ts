// A template's evaluator, compiled once per process (per worker), and its file as reports name it.
import { prepareTemplate, scoreFiling, type Filing, type ImportDiagnostic, type PreparedTemplate, type Report } from '@jixiao/engine';
import type { Chosen } from '../filing.ts';
import { repoPath } from '../paths.ts';
import type { LoadedTemplate } from '../templates.ts';

const prepared = new WeakMap<LoadedTemplate, { p: PreparedTemplate; file: string }>();

export function prepare(l: LoadedTemplate): { p: PreparedTemplate; file: string } {
  let p = prepared.get(l);
  if (!p) {
    p = { p: prepareTemplate(l.checked!), file: repoPath(l.path) };
    prepared.set(l, p);
  }
  return p;
}

/** Score a filing under a chosen template, naming the template's file and jurisdiction in the report. */
export function scoreUnder(chosen: Chosen, filing: Filing, diagnostics: readonly ImportDiagnostic[]): Report {
  const { p, file } = prepare(chosen.template);
  return scoreFiling(p, filing, diagnostics, { file, fallbackFrom: chosen.fallbackFrom });
}
