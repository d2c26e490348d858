// The rule library as the database holds it: the published version of each template is
// in force from its year, as rules/<地区>/<年度>/<表单>.jx is for the CLI. Which template
// scores a filing, and how 继承 finds a parent, is the compiler's library logic over these
// entries; this module only lists them and checks versions (cached by version id: a
// version's text never changes).
import { createHash } from 'node:crypto';
import { checkSource, libraryParentLoader, type CheckedTemplate, type LibraryEntry, type TemplateSource } from '@jixiao/compiler';
import type { Diagnostic } from '@jixiao/language';
import { prepareTemplate, type PreparedTemplate } from '@jixiao/engine';
import type { Queryable } from '../db/db.ts';

export interface DbEntry extends LibraryEntry {
  templateId: number;
  versionId: number;
  number: number;
  source: string;
}

/** The file a template version is named by in reports: the path it has in rules/. */
export const fileOf = (region: string, year: number, form: string) => `rules/${region}/${year}/${form}.jx`;

export const contentHash = (source: string) => createHash('sha256').update(source, 'utf8').digest('hex');

/** The newest published version of every template: the library in force. */
export async function publishedLibrary(q: Queryable): Promise<DbEntry[]> {
  const rows = await q.query<{ template_id: number; region: string; year: number; form: string; id: number; number: number; source: string }>(
    `SELECT DISTINCT ON (t.id) t.id AS template_id, t.region, t.year, t.form, v.id, v.number, v.source
       FROM templates t JOIN template_versions v ON v.template_id = t.id
      WHERE v.status = 'published'
      ORDER BY t.id, v.number DESC`,
  );
  return rows.map((r) => ({
    region: r.region,
    year: r.year,
    form: r.form,
    file: fileOf(r.region, r.year, r.form),
    templateId: r.template_id,
    versionId: r.id,
    number: r.number,
    source: r.source,
  }));
}

export interface Checked {
  checked: CheckedTemplate | null;
  diagnostics: Diagnostic[];
  chain: { file: string | undefined; year: number; region?: string }[];
  /** the parent sources 继承 used, by the question asked, for a worker to resolve the same way */
  parents: ParentAnswer[];
}

export interface ParentAnswer {
  form: string;
  year: number;
  region: string | undefined;
  source: TemplateSource | null;
}

/** Check a template text against the published library (its parents come from there). */
export function checkWithLibrary(src: TemplateSource, entries: readonly DbEntry[]): Checked {
  const base = libraryParentLoader(entries, (e) => (e as DbEntry).source);
  const parents: ParentAnswer[] = [];
  const r = checkSource(src, (form, year, region) => {
    const s = base(form, year, region);
    parents.push({ form, year, region, source: s });
    return s;
  });
  return { checked: r.template, diagnostics: r.diagnostics, chain: r.chain, parents };
}

/** Check again from recorded parent answers (a worker thread has no database). */
export function checkRecorded(src: TemplateSource, parents: readonly ParentAnswer[]): CheckedTemplate | null {
  return checkSource(src, (form, year, region) => parents.find((p) => p.form === form && p.year === year && p.region === region)?.source ?? null).template;
}

export interface VersionRow {
  id: number;
  template_id: number;
  number: number;
  status: 'draft' | 'published';
  source: string;
  content_hash: string;
  author: string;
  note: string;
  based_on: number | null;
  created_at: Date;
  published_at: Date | null;
  published_by: string | null;
  region: string;
  year: number;
  form: string;
}

export async function versionById(q: Queryable, id: number): Promise<VersionRow | null> {
  const r = await q.query<VersionRow>(`SELECT v.*, t.region, t.year, t.form FROM template_versions v JOIN templates t ON t.id = v.template_id WHERE v.id = $1`, [id]);
  return r[0] ?? null;
}

/** A checked, compiled template version; parents resolve against the library as published now. */
export interface LoadedVersion {
  version: VersionRow;
  checked: Checked;
  prepared: PreparedTemplate | null;
}

const cache = new Map<string, LoadedVersion>();

/** Check and compile a version, once per version and library state. */
export function loadVersion(v: VersionRow, entries: readonly DbEntry[]): LoadedVersion {
  // the library's state matters to a template that inherits: key by the versions in force
  const key = `${v.id}:${entries.map((e) => e.versionId).join(',')}`;
  let hit = cache.get(key);
  if (!hit) {
    const checked = checkWithLibrary({ file: fileOf(v.region, v.year, v.form), text: v.source, region: v.region }, entries);
    hit = { version: v, checked, prepared: checked.checked ? prepareTemplate(checked.checked) : null };
    if (cache.size > 200) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}
