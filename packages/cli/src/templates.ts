// Finding and loading templates: rules/<地区>/<年度>/<表单>.jx (地区 a path from the country
// down: 全国, 甘肃, 四川/遂宁/大英县). Which one is in force for a form, a jurisdiction and a
// year is the compiler's library logic (library.ts); this module only lists the files.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Diagnostic } from '@jixiao/language';
import {
  checkSource,
  defaultEntry,
  libraryParentLoader,
  normaliseForm,
  resolveFor,
  type CheckedTemplate,
  type LibraryEntry,
  type LoadParent,
  type Resolution,
} from '@jixiao/compiler';
import { rulesDir } from './paths.ts';

export interface LoadedTemplate {
  path: string;
  source: string;
  /** the jurisdiction the file sits under in rules/, null for a file elsewhere */
  region: string | null;
  checked: CheckedTemplate | null;
  /** each diagnostic names its file (`继承`: an inherited part points at its parent file) */
  diagnostics: Diagnostic[];
  /** the files the template was assembled from, itself first */
  chain: { file: string | undefined; year: number; region?: string }[];
}

/** Canonical form name from what a user or a filing's title says (the compiler's library decides). */
export { normaliseForm };

const libraries = new Map<string, LibraryEntry[]>();

/**
 * Every template under `dir`: a directory named by a year (4 digits) holds the templates
 * of that year; the path above it is the jurisdiction. Listed once per process.
 */
export function library(dir = rulesDir): LibraryEntry[] {
  let entries = libraries.get(dir);
  if (entries) return entries;
  entries = [];
  const walk = (d: string, region: string[]) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (!statSync(p).isDirectory()) continue;
      if (/^\d{4}$/.test(name)) {
        if (region.length === 0) continue; // rules/<year>/ without a jurisdiction: not a library folder
        for (const f of readdirSync(p).sort()) if (f.endsWith('.jx')) entries!.push({ region: region.join('/'), year: Number(name), form: f.slice(0, -3), file: join(p, f) });
      } else if (name !== 'tests' && name !== 'examples') walk(p, [...region, name]);
    }
  };
  walk(dir, []);
  libraries.set(dir, entries);
  return entries;
}

/** The jurisdiction of a template file inside `dir` (rules/四川/遂宁/2020/x.jx → 四川/遂宁), else null. */
export function regionOfFile(path: string, dir = rulesDir): string | null {
  const rel = relative(dir, path);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(sep);
  const y = parts.findIndex((p) => /^\d{4}$/.test(p));
  return y > 0 ? parts.slice(0, y).join('/') : null;
}

/** All forms that have a template. */
export function knownForms(dir = rulesDir): string[] {
  return [...new Set(library(dir).map((e) => e.form))];
}

/** The template for a jurisdiction (its own, else its parent's up to 全国), or null. */
export function findTemplate(form: string, year: number, region: string, dir = rulesDir): Resolution | null {
  return resolveFor(library(dir), form, region, year);
}

/**
 * With no jurisdiction named: the one a year's template is taken from (全国 when in force,
 * else the broadest, newest; compiler/library.ts defaultEntry), and the others that have one.
 */
export function defaultRegion(form: string, year: number, dir = rulesDir): { region: string; others: string[] } | null {
  const d = defaultEntry(library(dir), form, year);
  return d ? { region: d.entry.region, others: d.others.map((o) => o.region) } : null;
}

/**
 * Parents come from rules/: the template of the form in force in the year and
 * jurisdiction named by 继承 (or the child's own). A template outside rules/ with no
 * jurisdiction extends the default one's (全国, else the broadest in force that year).
 */
export function parentLoader(dir = rulesDir): LoadParent {
  return libraryParentLoader(library(dir), (e) => readFileSync(e.file, 'utf8'));
}

/** Parse, resolve 继承 and check a template file. */
export function loadTemplate(path: string, dir = rulesDir): LoadedTemplate {
  const source = readFileSync(path, 'utf8');
  const region = regionOfFile(path, dir);
  const r = checkSource(region === null ? { file: path, text: source } : { file: path, text: source, region }, parentLoader(dir));
  return { path, source, region, checked: r.template, diagnostics: r.diagnostics, chain: r.chain };
}
