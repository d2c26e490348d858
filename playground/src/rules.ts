// The official templates and example filings, bundled as text (nothing is fetched).
import { inForce, NATIONAL } from '@jixiao/compiler';
import seedTsv from '../../rules/甘肃/2023/examples/seed.tsv?raw';
import tpl2023 from '../../rules/甘肃/2023/部门整体支出.jx?raw';

const files = import.meta.glob('../../rules/**/*.jx', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const exampleFiles = import.meta.glob(['../../rules/**/examples/*.tsv', '../../rules/**/examples/*.json'], { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

export interface OfficialTemplate {
  /** repo-relative path, e.g. rules/甘肃/2023/部门整体支出.jx */
  file: string;
  /** the jurisdiction: 全国, 甘肃, 四川/遂宁/大英县 … */
  region: string;
  form: string;
  year: number;
  text: string;
}

/** rules/<地区>/<年度>/<表单>.jx, 地区 a path of one or more folders */
export const officialTemplates: OfficialTemplate[] = Object.entries(files)
  .map(([path, text]) => {
    const m = /rules\/(.+)\/(\d{4})\/([^/]+)\.jx$/.exec(path);
    return m ? { file: `rules/${m[1]}/${m[2]}/${m[3]}.jx`, region: m[1]!, year: Number(m[2]), form: m[3]!, text } : null;
  })
  .filter((x): x is OfficialTemplate => x !== null)
  .sort((a, b) => regionOrder(a.region, b.region) || a.form.localeCompare(b.form) || a.year - b.year);

/** 全国 first, then the jurisdictions in order, each before the ones below it. */
function regionOrder(a: string, b: string): number {
  return a === b ? 0 : a === NATIONAL ? -1 : b === NATIONAL ? 1 : a.localeCompare(b, 'zh');
}

export const DEFAULT_FILE = 'rules/甘肃/2023/部门整体支出.jx';
export const DEFAULT_TEMPLATE = tpl2023;
export const SEED_FILING = seedTsv;

/** The official template of `form` in force in `year` in exactly this jurisdiction (what 继承 names). */
export function officialFor(form: string, year: number, region: string): OfficialTemplate | null {
  const e = inForce(officialTemplates, form, region, year);
  return e ? officialTemplates.find((t) => t.file === e.file)! : null;
}

/** The jurisdiction of a bundled template file (rules/甘肃/2023/x.jx → 甘肃), else undefined. */
export function regionOfFile(file: string): string | undefined {
  return officialTemplates.find((t) => t.file === file)?.region;
}

/** A sample filing bundled with the rules (rules/<地区>/<年度>/examples/*). */
export interface Example {
  file: string;
  region: string;
  year: number;
  /** the form it is a filing of: its JSON `form`, or read from its title */
  form: string | null;
  text: string;
}

/** The form a sample filing is of, from its JSON or the title of its table. */
function formOfExample(text: string): string | null {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('{')) {
    try {
      const f = (JSON.parse(t) as { form?: unknown }).form;
      return typeof f === 'string' ? f : null;
    } catch {
      return null;
    }
  }
  const head = t.slice(0, 400);
  return /整体支出|部门整体/.test(head) ? '部门整体支出' : /项目支出/.test(head) ? '项目支出' : null;
}

export const examples: Example[] = Object.entries(exampleFiles)
  .map(([path, text]) => {
    const m = /rules\/(.+)\/(\d{4})\/examples\/([^/]+)$/.exec(path);
    return m ? { file: `rules/${m[1]}/${m[2]}/examples/${m[3]}`, region: m[1]!, year: Number(m[2]), form: formOfExample(text), text } : null;
  })
  .filter((x): x is Example => x !== null)
  // the seed first: it is the page's sample
  .sort((a, b) => Number(b.file.endsWith('seed.tsv')) - Number(a.file.endsWith('seed.tsv')) || a.file.localeCompare(b.file));

/** Every sample filing of a form. */
export function examplesOf(form: string): Example[] {
  return examples.filter((e) => e.form === form);
}

/**
 * The sample filing for a template: one of its own form — from its own jurisdiction and
 * year if there is one, else its jurisdiction's, else the nearest year's — and the seed when its form has none.
 */
export function sampleFor(file: string): Example {
  const t = officialTemplates.find((o) => o.file === file);
  const same = t ? examplesOf(t.form) : [];
  // else the nearest year's, the broadest jurisdiction first (a province's before a county's)
  const nearest = t ? [...same].sort((a, b) => Math.abs(a.year - t.year) - Math.abs(b.year - t.year) || a.region.split('/').length - b.region.split('/').length)[0] : undefined;
  const pick = same.find((e) => e.region === t!.region && e.year === t!.year) ?? same.find((e) => e.region === t!.region) ?? same.find((e) => e.region === NATIONAL) ?? nearest;
  return pick ?? examples.find((e) => e.file.endsWith('seed.tsv')) ?? { file: 'seed', region: '', year: 0, form: null, text: SEED_FILING };
}

/**
 * The official template for a filing of `form`, nearest the one open in the editor: the
 * same jurisdiction and year, else the same jurisdiction's latest, else the national one,
 * else the first. Null when the page has no template of that form.
 */
export function templateForForm(form: string, file: string): OfficialTemplate | null {
  const open = officialTemplates.find((o) => o.file === file);
  const all = officialTemplates.filter((o) => o.form === form);
  const region = all.filter((o) => o.region === open?.region);
  return (
    region.find((o) => o.year === open?.year) ?? region.filter((o) => !open || o.year <= open.year).at(-1) ?? all.filter((o) => o.region === NATIONAL).at(-1) ?? all[0] ?? null
  );
}
