// Finding and loading templates: rules/<year>/<form>.jx. A template is in force from its
// year until a newer one of the same form replaces it, so `--year Y` picks the newest
// file of that form whose year is ≤ Y.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type Diagnostic } from '@jixiao/language';
import { checkTemplate, type CheckedTemplate } from '@jixiao/compiler';
import { rulesDir } from './paths.ts';

export interface LoadedTemplate {
  path: string;
  source: string;
  checked: CheckedTemplate | null;
  diagnostics: Diagnostic[];
}

/** Canonical form name from what a user or a filing's title says. */
export function normaliseForm(s: string): string | null {
  if (/项目/.test(s)) return '项目支出';
  if (/部门整体|整体支出|部门|单位整体/.test(s)) return '部门整体支出';
  return null;
}

/** Years that have a folder under rules/, ascending. */
export function ruleYears(): number[] {
  if (!existsSync(rulesDir)) return [];
  return readdirSync(rulesDir)
    .filter((d) => /^\d{4}$/.test(d))
    .map(Number)
    .sort((a, b) => a - b);
}

/** The template file of `form` in force in `year`, or null. */
export function findTemplate(form: string, year: number): string | null {
  const years = ruleYears().filter((y) => y <= year).reverse();
  for (const y of years) {
    const f = join(rulesDir, String(y), `${form}.jx`);
    if (existsSync(f)) return f;
  }
  return null;
}

/** All forms that have a template for some year. */
export function knownForms(): string[] {
  const forms = new Set<string>();
  for (const y of ruleYears())
    for (const f of readdirSync(join(rulesDir, String(y)))) if (f.endsWith('.jx')) forms.add(f.slice(0, -3));
  return [...forms];
}

export function loadTemplate(path: string): LoadedTemplate {
  const source = readFileSync(path, 'utf8');
  const parsed = parse(source, path);
  const diagnostics = [...parsed.diagnostics];
  let checked: CheckedTemplate | null = null;
  const t = parsed.ast.templates[0];
  // The checker only ever sees a syntactically clean template: the evaluation path never
  // runs on a recovered parse (the playground may, for preview only).
  if (t && diagnostics.every((d) => d.severity !== 'error')) {
    const r = checkTemplate(t, { file: path });
    diagnostics.push(...r.diagnostics);
    checked = r.template;
  }
  return { path, source, checked, diagnostics };
}
