// The official templates and example filings, bundled as text (nothing is fetched).
import { inForce, NATIONAL } from '@jixiao/compiler';
import seedTsv from '../../rules/甘肃/2023/examples/seed.tsv?raw';
import tpl2023 from '../../rules/甘肃/2023/部门整体支出.jx?raw';

const files = import.meta.glob('../../rules/**/*.jx', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

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
