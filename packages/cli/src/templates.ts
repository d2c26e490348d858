// Finding and loading templates: rules/<year>/<form>.jx. A template is in force from its
// year until a newer one of the same form replaces it, so `--year Y` picks the newest
// file of that form whose year is ≤ Y.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '@jixiao/language';
import { checkSource, type CheckedTemplate, type LoadParent } from '@jixiao/compiler';
import { rulesDir } from './paths.ts';

export interface LoadedTemplate {
  path: string;
  source: string;
  checked: CheckedTemplate | null;
  /** each diagnostic names its file (`继承`: an inherited part points at its parent file) */
  diagnostics: Diagnostic[];
  /** the files the template was assembled from, itself first */
  chain: { file: string | undefined; year: number }[];
}

/** Canonical form name from what a user or a filing's title says. */
export function normaliseForm(s: string): string | null {
  if (/项目/.test(s)) return '项目支出';
  if (/部门整体|整体支出|部门|单位整体/.test(s)) return '部门整体支出';
  return null;
}

/** Years that have a folder under rules/, ascending. */
export function ruleYears(dir = rulesDir): number[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((d) => /^\d{4}$/.test(d))
    .map(Number)
    .sort((a, b) => a - b);
}

/** The template file of `form` in force in `year`, or null. */
export function findTemplate(form: string, year: number, dir = rulesDir): string | null {
  const years = ruleYears(dir).filter((y) => y <= year).reverse();
  for (const y of years) {
    const f = join(dir, String(y), `${form}.jx`);
    if (existsSync(f)) return f;
  }
  return null;
}

/** All forms that have a template for some year. */
export function knownForms(dir = rulesDir): string[] {
  const forms = new Set<string>();
  for (const y of ruleYears(dir))
    for (const f of readdirSync(join(dir, String(y)))) if (f.endsWith('.jx')) forms.add(f.slice(0, -3));
  return [...forms];
}

/** Parents come from rules/: the template of the form in force in the year named by 继承. */
export function parentLoader(dir = rulesDir): LoadParent {
  return (form, year) => {
    const f = findTemplate(form, year, dir);
    return f ? { file: f, text: readFileSync(f, 'utf8') } : null;
  };
}

/** Parse, resolve 继承 and check a template file. */
export function loadTemplate(path: string, dir = rulesDir): LoadedTemplate {
  const source = readFileSync(path, 'utf8');
  const r = checkSource({ file: path, text: source }, parentLoader(dir));
  return { path, source, checked: r.template, diagnostics: r.diagnostics, chain: r.chain };
}
