// The rule library: which template is in force for a form, a jurisdiction (地区) and a
// year. Templates live at rules/<地区>/<年度>/<表单>.jx, where 地区 is a path from the
// country down (全国, 甘肃, 四川/遂宁/大英县). A template is in force from its year until a
// newer one of the same form and jurisdiction replaces it; a jurisdiction without one
// uses its parent's, up to 全国. Isomorphic: the CLI lists entries from disk, the
// playground from its bundle, the server from its database.

import type { LoadParent } from './resolve.ts';

/** The root of every jurisdiction path. */
export const NATIONAL = '全国';

export interface LibraryEntry {
  /** the jurisdiction path, e.g. 四川/遂宁/大英县 */
  region: string;
  year: number;
  form: string;
  /** where the template is, as the library names it (a repo-relative path in the CLI) */
  file: string;
}

/** A jurisdiction path as written by a user: 四川/遂宁, 四川／遂宁, 四川 > 遂宁, 甘肃省 → 甘肃. */
export function normaliseRegion(text: string): string {
  const parts = text
    .split(/\s*[/／>›]\s*/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return '';
  // a province written with its suffix is the province (甘肃省 → 甘肃), as folders are named
  parts[0] = parts[0]!.replace(/(?:省|市|自治区|特别行政区)$/, '') || parts[0]!;
  return parts.join('/');
}

/** 四川/遂宁 → 四川; 四川 → 全国; 全国 → null. */
export function parentRegion(region: string): string | null {
  if (region === NATIONAL || region === '') return null;
  const i = region.lastIndexOf('/');
  return i < 0 ? NATIONAL : region.slice(0, i);
}

/** The jurisdiction and its parents up to 全国: 四川/遂宁 → [四川/遂宁, 四川, 全国]. */
export function regionChain(region: string): string[] {
  const out: string[] = [];
  for (let r: string | null = region; r !== null; r = parentRegion(r)) out.push(r);
  return out;
}

/** The template of `form` in force in `year` in exactly this jurisdiction, or null. */
export function inForce(entries: readonly LibraryEntry[], form: string, region: string, year: number): LibraryEntry | null {
  let best: LibraryEntry | null = null;
  for (const e of entries) if (e.form === form && e.region === region && e.year <= year && (!best || e.year > best.year)) best = e;
  return best;
}

export interface Resolution {
  entry: LibraryEntry;
  /** the jurisdiction asked for, when the template is a parent's (大英县 → 四川) */
  fallbackFrom: string | null;
}

/** The template for a jurisdiction: its own in force, else its parent's, up to 全国. */
export function resolveFor(entries: readonly LibraryEntry[], form: string, region: string, year: number): Resolution | null {
  for (const r of regionChain(region)) {
    const e = inForce(entries, form, r, year);
    if (e) return { entry: e, fallbackFrom: r === region ? null : region };
  }
  return null;
}

/** With no jurisdiction given: the template in force in each jurisdiction that has one. */
export function candidatesFor(entries: readonly LibraryEntry[], form: string, year: number): LibraryEntry[] {
  const regions = [...new Set(entries.filter((e) => e.form === form).map((e) => e.region))].sort();
  return regions.map((r) => inForce(entries, form, r, year)).filter((e): e is LibraryEntry => e !== null);
}

/** Every jurisdiction with a template, parents before children. */
export function regionsOf(entries: readonly LibraryEntry[]): string[] {
  return [...new Set(entries.map((e) => e.region))].sort((a, b) => (a === NATIONAL ? -1 : b === NATIONAL ? 1 : a.localeCompare(b, 'zh')));
}

/**
 * The jurisdiction a text names (a filing's 地区 cell, its unit or title): the deepest
 * known jurisdiction whose every part appears in the text, in order (甘肃省庆阳市正宁县 →
 * 甘肃 when only 甘肃 is known). Null when none or when two different ones match equally.
 */
export function regionIn(text: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDepth = 0;
  let tie = false;
  for (const r of known) {
    if (r === NATIONAL) continue;
    const parts = r.split('/');
    let at = 0;
    const ok = parts.every((p) => {
      const i = text.indexOf(p, at);
      if (i < 0) return false;
      at = i + p.length;
      return true;
    });
    if (!ok) continue;
    if (parts.length > bestDepth) {
      best = r;
      bestDepth = parts.length;
      tie = false;
    } else if (parts.length === bestDepth && r !== best) tie = true;
  }
  return tie ? null : best;
}

/** The canonical form name from what a user or a filing's title says, or null. */
export function normaliseForm(s: string): string | null {
  if (/项目/.test(s)) return '项目支出';
  if (/部门整体|整体支出|部门|单位整体/.test(s)) return '部门整体支出';
  return null;
}

/** What a caller asks for (each may be absent: then the filing says it). */
export interface EntryChoice {
  region?: string | undefined;
  year?: string | number | undefined;
  form?: string | undefined;
}

/** What a filing's header says about itself. */
export interface FilingHeader {
  year?: number | undefined;
  form?: string | undefined;
  region?: string | undefined;
  unit?: string | undefined;
  title?: string | undefined;
}

/** Why no template could be chosen, with what the caller needs to word the message. */
export type ChoiceProblem =
  | { problem: 'yearUnknown'; given: string | null }
  | { problem: 'formUnknown'; given: string | null }
  | { problem: 'noTemplate'; form: string; year: number; region: string | null }
  | { problem: 'regionAmbiguous'; form: string; year: number; candidates: LibraryEntry[] };

export type EntryChoiceResult = { entry: LibraryEntry; fallbackFrom: string | null; form: string; year: number; region: string | null } | ChoiceProblem;

/**
 * The template that scores a filing: the one in force for its form, year and jurisdiction
 * (what the caller asks for, else what the filing says; a jurisdiction named in its unit
 * or title, else `folderRegion`). A jurisdiction without its own template uses its
 * parent's, up to 全国; with no jurisdiction and several in force, the caller must choose:
 * the candidates come back, never one picked silently. Shared by the CLI and the server,
 * each of which words the problems for its users.
 */
export function chooseEntry(entries: readonly LibraryEntry[], choice: EntryChoice, filing: FilingHeader | null, folderRegion: string | null = null): EntryChoiceResult {
  const yearText = choice.year !== undefined ? String(choice.year) : filing?.year !== undefined ? String(filing.year) : undefined;
  const formText = choice.form ?? filing?.form;
  if (!yearText || !/^\d{4}$/.test(yearText)) return { problem: 'yearUnknown', given: yearText ?? null };
  const form = formText ? normaliseForm(formText) : null;
  if (!form) return { problem: 'formUnknown', given: formText ?? null };
  const year = Number(yearText);
  const region = regionOfFiling(entries, choice, filing, folderRegion);
  if (region !== null) {
    const r = resolveFor(entries, form, region, year);
    return r ? { entry: r.entry, fallbackFrom: r.fallbackFrom, form, year, region } : { problem: 'noTemplate', form, year, region };
  }
  const cands = candidatesFor(entries, form, year);
  if (cands.length === 1) return { entry: cands[0]!, fallbackFrom: null, form, year, region: null };
  if (cands.length === 0) return { problem: 'noTemplate', form, year, region: null };
  return { problem: 'regionAmbiguous', form, year, candidates: cands };
}

/** The jurisdiction: asked for, else the filing's 地区, else one its unit or title names, else the folder's. */
export function regionOfFiling(entries: readonly LibraryEntry[], choice: EntryChoice, filing: FilingHeader | null, folderRegion: string | null = null): string | null {
  const given = choice.region ?? filing?.region;
  if (given !== undefined && given.trim() !== '') return normaliseRegion(given);
  const header = [filing?.unit, filing?.title].filter((x): x is string => !!x).join(' ');
  const named = header ? regionIn(header, regionsOf(entries)) : null;
  return named ?? folderRegion;
}

/**
 * How 继承 finds a parent in a library: the template of the form in force in the year and
 * jurisdiction it names (or the child's own); with no jurisdiction known, the one template
 * in force that year when there is exactly one. `text` reads an entry's source.
 */
export function libraryParentLoader(entries: readonly LibraryEntry[], text: (e: LibraryEntry) => string): LoadParent {
  return (form, year, region) => {
    const e = region !== undefined ? inForce(entries, form, region, year) : ((c) => (c.length === 1 ? c[0]! : null))(candidatesFor(entries, form, year));
    return e ? { file: e.file, text: text(e), region: e.region } : null;
  };
}
