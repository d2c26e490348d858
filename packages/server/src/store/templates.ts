// Templates and their versions. Every save is a new version (history: author, time, note,
// content hash); a draft is a version not yet published; publishing is refused unless the
// template checks and its rule tests pass; a published version is immutable (the database
// refuses an update too). Saving over a version someone else saved since → 409 with the diff.
import { posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Coverage, coverageThreshold, diffTemplates, readCaseFile, runCase, type CaseResult, type CoverageSummary } from '@jixiao/engine';
import type { Queryable } from '../db/db.ts';
import { bytes } from '../db/db.ts';
import { apiError } from '../codes.ts';
import type { Actor } from '../auth.ts';
import { audit } from './audit.ts';
import { checkWithLibrary, contentHash, fileOf, loadVersion, publishedLibrary, versionById, type DbEntry, type VersionRow } from './library.ts';
import { lineDiff } from './textdiff.ts';
import { normaliseForm, normaliseRegion } from '@jixiao/compiler';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function versionSummary(v: VersionRow) {
  return {
    id: v.id,
    templateId: v.template_id,
    number: v.number,
    status: v.status,
    contentHash: v.content_hash,
    author: v.author,
    note: v.note,
    basedOn: v.based_on,
    createdAt: iso(v.created_at)!,
    publishedAt: iso(v.published_at),
    publishedBy: v.published_by,
  };
}

export const versionView = (v: VersionRow) => ({ ...versionSummary(v), source: v.source, region: v.region, year: v.year, form: v.form });

const VERSION_SELECT = `SELECT v.*, t.region, t.year, t.form FROM template_versions v JOIN templates t ON t.id = v.template_id`;

export async function listTemplates(q: Queryable, f: { region?: string | undefined; year?: number | undefined; form?: string | undefined }) {
  const rows = await q.query<VersionRow & { versions: number }>(
    `${VERSION_SELECT.replace('SELECT v.*', 'SELECT v.*, (SELECT count(*)::int FROM template_versions w WHERE w.template_id = t.id) AS versions')}
      WHERE ($1::text IS NULL OR t.region = $1) AND ($2::int IS NULL OR t.year = $2) AND ($3::text IS NULL OR t.form = $3)
      ORDER BY t.region, t.form, t.year, v.number`,
    [f.region ?? null, f.year ?? null, f.form ?? null],
  );
  const byTemplate = new Map<number, VersionRow[]>();
  for (const r of rows) byTemplate.set(r.template_id, [...(byTemplate.get(r.template_id) ?? []), r]);
  return [...byTemplate.values()].map((vs) => {
    const latest = vs[vs.length - 1]!;
    const published = [...vs].reverse().find((v) => v.status === 'published') ?? null;
    return {
      id: latest.template_id,
      region: latest.region,
      year: latest.year,
      form: latest.form,
      latest: versionSummary(latest),
      published: published ? versionSummary(published) : null,
      versions: vs.length,
    };
  });
}

export async function history(q: Queryable, templateId: number) {
  const rows = await q.query<VersionRow>(`${VERSION_SELECT} WHERE v.template_id = $1 ORDER BY v.number DESC`, [templateId]);
  if (rows.length === 0) throw notFound('模板', 'template', templateId);
  return rows;
}

export const notFound = (zh: string, en: string, id: number | string) => apiError('notFound', `找不到${zh} ${id}`, `no ${en} ${id}`);

export async function mustVersion(q: Queryable, id: number): Promise<VersionRow> {
  const v = await versionById(q, id);
  if (!v) throw notFound('模板版本', 'template version', id);
  return v;
}

async function latestOf(q: Queryable, templateId: number): Promise<VersionRow | null> {
  return (await q.query<VersionRow>(`${VERSION_SELECT} WHERE v.template_id = $1 ORDER BY v.number DESC LIMIT 1 FOR UPDATE OF v`, [templateId]))[0] ?? null;
}

async function insertVersion(q: Queryable, templateId: number, number: number, source: string, actor: Actor, note: string, basedOn: number | null): Promise<VersionRow> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO template_versions (template_id, number, status, source, content_hash, author, note, based_on) VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7) RETURNING id`,
    [templateId, number, source, contentHash(source), actor.name, note, basedOn],
  );
  return (await versionById(q, r[0]!.id))!;
}

/** Canonical region and form of a request (甘肃省 → 甘肃, 部门整体支出绩效自评表 → 部门整体支出). */
export function place(region: string, form: string): { region: string; form: string } {
  const f = normaliseForm(form);
  if (!f) throw apiError('invalidRequest', `“${form}” 不是已知表单（项目支出、部门整体支出）`, `'${form}' is not a known form (项目支出, 部门整体支出)`);
  return { region: normaliseRegion(region), form: f };
}

/** A new template (a new jurisdiction, year or form): its first draft, by default extending the one in force before it. */
export async function createTemplate(
  q: Queryable,
  actor: Actor,
  req: { region: string; year: number; form: string; source?: string | undefined; note?: string | undefined },
): Promise<VersionRow> {
  const { region, form } = place(req.region, req.form);
  const exists = await q.query(`SELECT 1 FROM templates WHERE region = $1 AND year = $2 AND form = $3`, [region, req.year, form]);
  if (exists.length)
    throw apiError(
      'exists',
      `${region} ${req.year} 年的 “${form}” 模板已存在：在它上面保存新版本`,
      `the template of '${form}' for ${region}, ${req.year} exists already: save a new version of it`,
    );
  let source = req.source;
  if (source === undefined) {
    const lib = await publishedLibrary(q);
    const prev = checkWithLibrary({ file: fileOf(region, req.year, form), text: `模板 ${form} ${req.year} 继承 ${region} ${req.year - 1} {\n}\n`, region }, lib);
    const parent = prev.chain[1];
    source = parent
      ? `# ${req.year} 年${form}绩效自评规则：继承 ${parent.region ?? region} ${parent.year} 年，只写改动\n模板 ${form} ${req.year} 继承 ${parent.region ?? region} ${parent.year} {\n}\n`
      : `模板 ${form} ${req.year} {\n  总分 100 分\n}\n`;
  }
  const t = await q.query<{ id: number }>(`INSERT INTO templates (region, year, form) VALUES ($1, $2, $3) RETURNING id`, [region, req.year, form]);
  const v = await insertVersion(q, t[0]!.id, 1, source, actor, req.note ?? '', null);
  await audit(q, actor.name, 'template.create', `template:${t[0]!.id}`, { region, year: req.year, form, version: v.id });
  return v;
}

/**
 * Save a new version. `baseVersion` is the version the editor started from; when another
 * version was saved since, nothing is written and the answer is 409 with the semantic diff
 * and the line diff from the base to the current version.
 */
export async function saveDraft(
  q: Queryable,
  actor: Actor,
  templateId: number,
  req: { source: string; note?: string | undefined; baseVersion: number | null },
  lib: DbEntry[],
): Promise<{ version: VersionRow; unchanged: boolean }> {
  const latest = await latestOf(q, templateId);
  if (!latest) throw notFound('模板', 'template', templateId);
  if (req.baseVersion !== latest.id) {
    const base = req.baseVersion !== null ? await versionById(q, req.baseVersion) : null;
    const from = base ?? { source: '' };
    const a = base ? loadVersion(base, lib).checked.checked : null;
    const b = loadVersion(latest, lib).checked.checked;
    throw apiError(
      'conflict',
      `保存冲突：你基于第 ${base?.number ?? '?'} 版修改，而 ${latest.author} 此后保存了第 ${latest.number} 版。请先查看差异（diff、textDiff），在最新版本上重新修改`,
      `save conflict: you edited version ${base?.number ?? '?'}, and ${latest.author} has saved version ${latest.number} since. Look at the diff (diff, textDiff) and redo your change on the newest version`,
      { current: versionView(latest), diff: a && b ? diffTemplates(a, b) : null, textDiff: lineDiff(from.source, latest.source) },
    );
  }
  if (latest.source === req.source) return { version: latest, unchanged: true };
  const v = await insertVersion(q, templateId, latest.number + 1, req.source, actor, req.note ?? '', latest.id);
  await audit(q, actor.name, 'template.save', `version:${v.id}`, { template: templateId, number: v.number, hash: v.content_hash, basedOn: latest.id, note: v.note });
  return { version: v, unchanged: false };
}

/** Every rule test case of a template (rules/<地区>/<年度>/tests/*.yaml as stored), run against `v`. */
export async function runTemplateTests(
  q: Queryable,
  v: VersionRow,
  lib: DbEntry[],
): Promise<{ ok: boolean; threshold: number; cases: CaseResult[]; coverage: CoverageSummary | null }> {
  const loaded = loadVersion(v, lib);
  const checked = loaded.checked.checked;
  const dir = `${v.region}/${v.year}/tests/`;
  const files = await q.query<{ path: string; content: Uint8Array }>(
    `SELECT path, content FROM rule_files WHERE starts_with(path, $1) AND (path LIKE '%.yaml' OR path LIKE '%.yml') ORDER BY path`,
    [dir],
  );
  const thr = (await q.query<{ content: Uint8Array }>(`SELECT content FROM rule_files WHERE path = 'coverage.yaml'`))[0];
  const threshold = thr ? coverageThreshold(parseYaml(new TextDecoder().decode(bytes(thr.content)))) : 0;
  if (!checked) return { ok: false, threshold, cases: [], coverage: null };
  const forms = (await q.query<{ form: string }>(`SELECT form FROM templates WHERE region = $1 AND year = $2`, [v.region, v.year])).map((r) => r.form);
  const cov = new Coverage(checked);
  const cases: CaseResult[] = [];
  for (const f of files) {
    const shown = `rules/${f.path}`;
    const cf = readCaseFile(parseYaml(new TextDecoder().decode(bytes(f.content))));
    const form = cf.form ?? (forms.length === 1 ? forms[0]! : posix.basename(f.path).replace(/\.ya?ml$/i, ''));
    if (form !== v.form) continue;
    for (const e of cf.errors) cases.push({ file: shown, name: '—', ok: false, failures: [], error: e });
    const reader = async (rel: string) => {
      const p = posix.normalize(posix.join(posix.dirname(f.path), rel));
      const r = await q.query<{ content: Uint8Array }>(`SELECT content FROM rule_files WHERE path = $1`, [p]);
      return r[0] ? { bytes: bytes(r[0].content), filename: posix.basename(p) } : null;
    };
    for (const c of cf.cases) cases.push(await runCase(cov, c, shown, reader));
  }
  const coverage = cov.summary();
  const ok = cases.length > 0 && cases.every((c) => c.ok) && coverage.percent >= threshold;
  return { ok, threshold, cases, coverage };
}

/** Publish a draft: it must check, and its rule tests must pass at the coverage threshold. */
export async function publish(q: Queryable, actor: Actor, versionId: number, note: string | undefined) {
  const v = await mustVersion(q, versionId);
  if (v.status === 'published')
    throw apiError(
      'immutable',
      `第 ${v.number} 版已由 ${v.published_by} 发布，已发布的版本不可修改：请保存新版本`,
      `version ${v.number} was published by ${v.published_by}; a published version cannot change: save a new version`,
    );
  const newer = await q.query<{ number: number }>(`SELECT number FROM template_versions WHERE template_id = $1 AND status = 'published' AND number > $2`, [
    v.template_id,
    v.number,
  ]);
  if (newer.length)
    throw apiError(
      'conflict',
      `已发布了更新的第 ${newer[0]!.number} 版，不能再发布较早的第 ${v.number} 版`,
      `the newer version ${newer[0]!.number} is published; the older version ${v.number} cannot be published after it`,
    );
  const lib = await publishedLibrary(q);
  const loaded = loadVersion(v, lib);
  if (!loaded.checked.checked) {
    const errs = loaded.checked.diagnostics.filter((d) => d.severity === 'error');
    const d = errs[0];
    throw apiError(
      'checkFailed',
      `模板有 ${errs.length} 个错误，不能发布；第一个：第 ${d?.range.start.line} 行：${d?.message.zh}`,
      `the template has ${errs.length} error(s) and cannot be published; the first: line ${d?.range.start.line}: ${d?.message.en}`,
      { diagnostics: loaded.checked.diagnostics },
    );
  }
  const tests = await runTemplateTests(q, v, lib);
  if (!tests.ok) {
    const failed = tests.cases.filter((c) => !c.ok);
    const why =
      tests.cases.length === 0
        ? {
            zh: `${v.region} ${v.year} 年的 “${v.form}” 没有规则测试用例：请先在 rules/${v.region}/${v.year}/tests/ 中写用例`,
            en: `'${v.form}' of ${v.region}, ${v.year} has no rule test cases: write some in rules/${v.region}/${v.year}/tests/ first`,
          }
        : failed.length > 0
          ? { zh: `${failed.length} 个规则测试用例未通过（首个：${failed[0]!.name}）`, en: `${failed.length} rule test case(s) fail (the first: ${failed[0]!.name})` }
          : {
              zh: `规则测试覆盖率 ${tests.coverage?.percent}% 低于下限 ${tests.threshold}%`,
              en: `rule test coverage ${tests.coverage?.percent}% is below the threshold of ${tests.threshold}%`,
            };
    throw apiError('testsFailed', `不能发布：${why.zh}`, `cannot publish: ${why.en}`, { tests });
  }
  await q.query(
    `UPDATE template_versions SET status = 'published', published_at = now(), published_by = $2, note = CASE WHEN $3::text IS NULL OR $3 = '' THEN note ELSE $3 END WHERE id = $1`,
    [v.id, actor.name, note ?? null],
  );
  await audit(q, actor.name, 'template.publish', `version:${v.id}`, { template: v.template_id, number: v.number, hash: v.content_hash });
  return { version: (await versionById(q, v.id))!, tests };
}
