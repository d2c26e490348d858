// The official templates and example filings, bundled as text (nothing is fetched).
import seedTsv from '../../rules/2023/examples/seed.tsv?raw';
import tpl2023 from '../../rules/2023/部门整体支出.jx?raw';

const files = import.meta.glob('../../rules/*/*.jx', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface OfficialTemplate {
  /** repo-relative path, e.g. rules/2023/部门整体支出.jx */
  file: string;
  form: string;
  year: number;
  text: string;
}

export const officialTemplates: OfficialTemplate[] = Object.entries(files)
  .map(([path, text]) => {
    const m = /rules\/(\d{4})\/([^/]+)\.jx$/.exec(path);
    return m ? { file: `rules/${m[1]}/${m[2]}.jx`, year: Number(m[1]), form: m[2]!, text } : null;
  })
  .filter((x): x is OfficialTemplate => x !== null)
  .sort((a, b) => a.form.localeCompare(b.form) || a.year - b.year);

export const DEFAULT_FILE = 'rules/2023/部门整体支出.jx';
export const DEFAULT_TEMPLATE = tpl2023;
export const SEED_FILING = seedTsv;

/** The template of `form` in force in `year`: the newest official one at or before it. */
export function officialFor(form: string, year: number): OfficialTemplate | null {
  let best: OfficialTemplate | null = null;
  for (const t of officialTemplates) if (t.form === form && t.year <= year && (!best || t.year > best.year)) best = t;
  return best;
}
