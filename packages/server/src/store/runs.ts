// Runs: every filing of (region, year, form) scored under one template version, one
// report per filing; review statuses and comments per finding.
import { compareReports, diffTemplates, gradeReason, scoreFiling, type FilingImpact, type PreparedTemplate, type Report } from '@jixiao/engine';
import { resolveFor, type CheckedTemplate } from '@jixiao/compiler';
import type { Queryable } from '../db/db.ts';
import { apiError } from '../codes.ts';
import type { Actor } from '../auth.ts';
import { audit } from './audit.ts';
import { fileOf, loadVersion, publishedLibrary, type DbEntry } from './library.ts';
import { mustVersion, place } from './templates.ts';
import type { RunTemplate } from '../runs/task.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

interface RunRow {
  id: number;
  region: string;
  year: number;
  form: string;
  template_version_id: number;
  template: RunTemplate;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  done: number;
  failed: number;
  created_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  error: { code: string; message: { zh: string; en: string } } | null;
  v_number: number;
  v_status: 'draft' | 'published';
  v_hash: string;
  v_region: string;
  v_year: number;
}

const RUN_SELECT = `SELECT r.*, v.number AS v_number, v.status AS v_status, v.content_hash AS v_hash, t.region AS v_region, t.year AS v_year
  FROM runs r JOIN template_versions v ON v.id = r.template_version_id JOIN templates t ON t.id = v.template_id`;

export const runView = (r: RunRow) => ({
  id: r.id,
  region: r.region,
  year: r.year,
  form: r.form,
  version: { id: r.template_version_id, number: r.v_number, status: r.v_status, contentHash: r.v_hash, region: r.v_region, year: r.v_year },
  status: r.status,
  total: r.total,
  done: r.done,
  failed: r.failed,
  createdBy: r.created_by,
  createdAt: iso(r.created_at)!,
  startedAt: iso(r.started_at),
  finishedAt: iso(r.finished_at),
  error: r.error,
});

export async function getRun(q: Queryable, id: number) {
  const r = (await q.query<RunRow>(`${RUN_SELECT} WHERE r.id = $1`, [id]))[0];
  if (!r) throw apiError('notFound', `找不到评分运行 ${id}`, `no run ${id}`);
  return r;
}

export async function listRuns(q: Queryable, f: { region?: string | undefined; year?: number | undefined; form?: string | undefined }) {
  const rows = await q.query<RunRow>(
    `${RUN_SELECT} WHERE ($1::text IS NULL OR r.region = $1) AND ($2::int IS NULL OR r.year = $2) AND ($3::text IS NULL OR r.form = $3) ORDER BY r.id DESC LIMIT 200`,
    [f.region ?? null, f.year ?? null, f.form ?? null],
  );
  return rows.map(runView);
}

/** The template a run or an impact names: a version, or the one in force for the jurisdiction (its own, else its parent's). */
export async function templateFor(
  q: Queryable,
  region: string,
  year: number,
  form: string,
  versionId: number | undefined,
  lib: DbEntry[],
): Promise<{ template: RunTemplate; versionId: number; checked: CheckedTemplate }> {
  let vId = versionId;
  let fallbackFrom: string | null = null;
  if (vId === undefined) {
    const r = resolveFor(lib, form, region, year);
    if (!r)
      throw apiError(
        'noTemplate',
        `${region} 及其上级地区没有 ${year} 年及以前已发布的 “${form}” 模板`,
        `no published template of '${form}' for ${year} or earlier in ${region} or above it`,
      );
    vId = (r.entry as DbEntry).versionId;
    fallbackFrom = r.fallbackFrom;
  }
  const v = await mustVersion(q, vId);
  const loaded = loadVersion(v, lib);
  if (!loaded.checked.checked) {
    const d = loaded.checked.diagnostics.find((x) => x.severity === 'error');
    throw apiError(
      'noTemplate',
      `第 ${v.number} 版模板有错误，不能用于评分：第 ${d?.range.start.line} 行：${d?.message.zh}`,
      `version ${v.number} of the template has errors and cannot score: line ${d?.range.start.line}: ${d?.message.en}`,
    );
  }
  return {
    template: {
      key: `${v.id}:${v.content_hash}:${lib.map((e) => e.versionId).join(',')}`,
      source: { file: fileOf(v.region, v.year, v.form), text: v.source, region: v.region },
      parents: loaded.checked.parents,
      fallbackFrom,
    },
    versionId: v.id,
    checked: loaded.checked.checked,
  };
}

export async function createRun(q: Queryable, actor: Actor, req: { region: string; year: number; form: string; version?: number | undefined }) {
  const { region, form } = place(req.region, req.form);
  const lib = await publishedLibrary(q);
  const t = await templateFor(q, region, req.year, form, req.version, lib);
  const n = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM filings WHERE region = $1 AND year = $2 AND form = $3`, [region, req.year, form]))[0]!.n;
  if (n === 0) throw apiError('noFilings', `${region} ${req.year} 年的 “${form}” 还没有上传填报表`, `no filings of '${form}' for ${region}, ${req.year} have been uploaded`);
  const run = await q.query<{ id: number }>(
    `INSERT INTO runs (region, year, form, template_version_id, template, status, total, created_by) VALUES ($1, $2, $3, $4, $5::jsonb, 'queued', $6, $7) RETURNING id`,
    [region, req.year, form, t.versionId, JSON.stringify(t.template), n, actor.name],
  );
  const id = run[0]!.id;
  // the latest revision of each filing, fixed now: a resubmission during the run belongs to the next run
  await q.query(
    `INSERT INTO run_items (run_id, seq, filing_id, revision_id, state)
     SELECT $1, row_number() OVER (ORDER BY f.unit, f.id), f.id, f.latest_revision, 'pending'
       FROM filings f WHERE f.region = $2 AND f.year = $3 AND f.form = $4`,
    [id, region, req.year, form],
  );
  await audit(q, actor.name, 'run.create', `run:${id}`, { region, year: req.year, form, version: t.versionId, filings: n });
  return getRun(q, id);
}

const SORT: Record<string, string> = { unit: 'unit', total: 'total', grade: 'grade', errors: 'errors', warnings: 'warnings' };

export async function runFilings(
  q: Queryable,
  runId: number,
  f: {
    grade?: string | undefined;
    code?: string | undefined;
    unit?: string | undefined;
    sort?: string | undefined;
    order?: 'asc' | 'desc' | undefined;
    limit?: number | undefined;
    offset?: number | undefined;
  },
) {
  await getRun(q, runId);
  const where = `WHERE p.run_id = $1 AND ($2::text IS NULL OR p.grade = $2) AND ($3::text IS NULL OR p.codes @> ARRAY[$3::text]) AND ($4::text IS NULL OR strpos(p.unit, $4) > 0)`;
  const params = [runId, f.grade ?? null, f.code ?? null, f.unit ?? null];
  const total = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM reports p ${where}`, params))[0]!.n;
  const col = SORT[f.sort ?? 'unit'] ?? 'unit';
  const dir = f.order === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS LAST';
  const rows = await q.query<{
    filing_id: number;
    unit: string;
    total: number | null;
    grade: string | null;
    stated_total: number | null;
    errors: number;
    warnings: number;
    codes: string[];
    error: unknown;
    reviewed: number;
  }>(
    `SELECT p.filing_id, p.unit, p.total, p.grade, p.stated_total, p.errors, p.warnings, p.codes, p.error,
            (SELECT count(*)::int FROM finding_reviews w WHERE w.run_id = p.run_id AND w.filing_id = p.filing_id AND w.status <> '待核实') AS reviewed
       FROM reports p ${where} ORDER BY ${col} ${dir}, p.seq LIMIT $5 OFFSET $6`,
    [...params, f.limit ?? 200, f.offset ?? 0],
  );
  return {
    total,
    rows: rows.map((r) => ({
      filingId: r.filing_id,
      unit: r.unit,
      total: r.total,
      grade: r.grade,
      statedTotal: r.stated_total,
      errors: r.errors,
      warnings: r.warnings,
      codes: r.codes,
      error: r.error as never,
      reviewed: r.reviewed,
    })),
  };
}

/** Grade distribution, each section's average share of its cap, and how many filings have each code. */
export async function runStats(q: Queryable, runId: number) {
  await getRun(q, runId);
  const grades = await q.query<{ grade: string; count: number }>(`SELECT grade, count(*)::int AS count FROM reports WHERE run_id = $1 AND grade IS NOT NULL GROUP BY grade`, [
    runId,
  ]);
  const sections = await q.query<{ name: string; cap: number; average: number; ord: number }>(
    `SELECT s->>'name' AS name, max((s->>'cap')::float8) AS cap, avg((s->>'score')::float8) AS average, min(o) AS ord
       FROM reports p, jsonb_array_elements(p.report->'sections') WITH ORDINALITY AS x(s, o)
      WHERE p.run_id = $1 AND p.report IS NOT NULL GROUP BY s->>'name' ORDER BY ord`,
    [runId],
  );
  const codes = await q.query<{ code: string; filings: number }>(
    `SELECT c AS code, count(*)::int AS filings FROM reports p, unnest(p.codes) AS c WHERE p.run_id = $1 GROUP BY c ORDER BY count(*) DESC, c`,
    [runId],
  );
  return {
    grades: grades.sort((a, b) => a.grade.localeCompare(b.grade, 'zh')),
    sections: sections.map((s) => ({ name: s.name, cap: s.cap, average: round(s.average), share: s.cap > 0 ? round(s.average / s.cap) : 0 })),
    codes,
  };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

export async function runReport(q: Queryable, runId: number, filingId: number) {
  const r = (
    await q.query<{ unit: string; report: Report | null; error: unknown }>(`SELECT unit, report, error FROM reports WHERE run_id = $1 AND filing_id = $2`, [runId, filingId])
  )[0];
  if (!r) throw apiError('notFound', `评分运行 ${runId} 中没有填报表 ${filingId} 的报告`, `run ${runId} has no report of filing ${filingId}`);
  const reviews = await q.query<{ finding: number; status: string; reason: string; updated_by: string; updated_at: Date }>(
    `SELECT finding, status, reason, updated_by, updated_at FROM finding_reviews WHERE run_id = $1 AND filing_id = $2`,
    [runId, filingId],
  );
  const comments = await q.query<{ id: number; finding: number | null; author: string; body: string; created_at: Date }>(
    `SELECT id, finding, author, body, created_at FROM comments WHERE run_id = $1 AND filing_id = $2 ORDER BY id`,
    [runId, filingId],
  );
  const byIndex = new Map(reviews.map((x) => [x.finding, x]));
  return {
    filingId,
    unit: r.unit,
    report: r.report,
    error: r.error as never,
    findings: (r.report?.findings ?? []).map((f, index) => {
      const w = byIndex.get(index);
      return {
        ...f,
        index,
        review: { status: (w?.status ?? '待核实') as '待核实', reason: w?.reason ?? '', updatedBy: w?.updated_by ?? null, updatedAt: iso(w?.updated_at ?? null) },
      };
    }),
    comments: comments.map((c) => ({ id: c.id, finding: c.finding, author: c.author, body: c.body, createdAt: iso(c.created_at)! })),
  };
}

export async function review(q: Queryable, actor: Actor, runId: number, filingId: number, index: number, status: string, reason: string | undefined) {
  const r = (
    await q.query<{ code: string | null }>(`SELECT report->'findings'->$3::int->>'code' AS code FROM reports WHERE run_id = $1 AND filing_id = $2`, [runId, filingId, index])
  )[0];
  if (!r) throw apiError('notFound', `评分运行 ${runId} 中没有填报表 ${filingId} 的报告`, `run ${runId} has no report of filing ${filingId}`);
  if (!r.code) throw apiError('notFound', `该报告没有第 ${index} 条问题`, `the report has no finding ${index}`);
  if (status !== '待核实' && !reason?.trim()) throw apiError('invalidRequest', `把问题标为 “${status}” 需要写明理由`, `marking a finding '${status}' needs a reason`);
  await q.query(
    `INSERT INTO finding_reviews (run_id, filing_id, finding, code, status, reason, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (run_id, filing_id, finding) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [runId, filingId, index, r.code, status, reason?.trim() ?? '', actor.name],
  );
  await audit(q, actor.name, 'finding.review', `run:${runId}/filing:${filingId}/finding:${index}`, { code: r.code, status, reason: reason ?? '' });
}

export async function comment(q: Queryable, actor: Actor, runId: number, filingId: number, body: string, finding: number | undefined) {
  const ok = await q.query(`SELECT 1 FROM reports WHERE run_id = $1 AND filing_id = $2`, [runId, filingId]);
  if (!ok.length) throw apiError('notFound', `评分运行 ${runId} 中没有填报表 ${filingId} 的报告`, `run ${runId} has no report of filing ${filingId}`);
  const r = await q.query<{ id: number }>(`INSERT INTO comments (run_id, filing_id, finding, author, body) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
    runId,
    filingId,
    finding ?? null,
    actor.name,
    body,
  ]);
  await audit(q, actor.name, 'comment.add', `run:${runId}/filing:${filingId}`, { comment: r[0]!.id, finding: finding ?? null });
}

/** A unit's total in each year: from the newest finished run of each year that scored it. */
export async function unitHistory(q: Queryable, unit: string, region: string | undefined, form: string | undefined) {
  const rows = await q.query<{ year: number; total: number | null; grade: string | null; run_id: number }>(
    `SELECT DISTINCT ON (r.year) r.year, p.total, p.grade, r.id AS run_id
       FROM reports p JOIN runs r ON r.id = p.run_id
      WHERE p.unit = $1 AND r.status = 'done' AND ($2::text IS NULL OR r.region = $2) AND ($3::text IS NULL OR r.form = $3)
      ORDER BY r.year, r.id DESC`,
    [unit, region ?? null, form ?? null],
  );
  return { unit, points: rows.map((r) => ({ year: r.year, total: r.total, grade: r.grade, runId: r.run_id })) };
}

/**
 * Impact of a template change over the stored filings of a year: each filing scored under
 * both, the grade migration matrix, the largest movers and why they moved.
 */
export async function corpusImpact(
  q: Queryable,
  req: { from: CheckedTemplate; to: CheckedTemplate; fromPrepared: PreparedTemplate; toPrepared: PreparedTemplate; region: string; year: number; form: string; top: number },
) {
  const diff = diffTemplates(req.from, req.to);
  const filings: { filingId: number; unit: string; from: { total: number; grade: string }; to: { total: number; grade: string }; delta: number }[] = [];
  const failed: { filingId: number; unit: string; error: { code: string; message: { zh: string; en: string } } }[] = [];
  const movers: (FilingImpact & { filingId: number; unit: string })[] = [];
  let after = 0;
  for (;;) {
    // in pages: memory stays flat however many filings the year has
    const page = await q.query<{ id: number; unit: string; model: string; diagnostics: string }>(
      `SELECT f.id, f.unit, r.model::text AS model, r.diagnostics::text AS diagnostics FROM filings f JOIN filing_revisions r ON r.id = f.latest_revision
        WHERE f.region = $1 AND f.year = $2 AND f.form = $3 AND f.id > $4 ORDER BY f.id LIMIT 500`,
      [req.region, req.year, req.form, after],
    );
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    for (const p of page) {
      try {
        const filing = JSON.parse(p.model);
        const diags = JSON.parse(p.diagnostics);
        const i = compareReports(req.from, req.to, scoreFiling(req.fromPrepared, filing, diags), scoreFiling(req.toPrepared, filing, diags), diff);
        filings.push({ filingId: p.id, unit: p.unit, from: { total: i.from.total, grade: i.from.grade }, to: { total: i.to.total, grade: i.to.grade }, delta: i.delta });
        if (i.delta !== 0 || i.gradeChanged) {
          movers.push({ ...i, reports: undefined as never, filingId: p.id, unit: p.unit });
          movers.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || Number(b.gradeChanged) - Number(a.gradeChanged));
          if (movers.length > req.top) movers.length = req.top;
        }
      } catch (e) {
        failed.push({
          filingId: p.id,
          unit: p.unit,
          error: { code: 'JX5000', message: { zh: `评分时出错：${(e as Error).message}`, en: `scoring failed: ${(e as Error).message}` } },
        });
      }
    }
  }
  const gFrom = req.from.grades.map((g) => g.name);
  const gTo = req.to.grades.map((g) => g.name);
  const matrix = gFrom.map(() => gTo.map(() => 0));
  for (const f of filings) {
    const i = gFrom.indexOf(f.from.grade);
    const j = gTo.indexOf(f.to.grade);
    if (i >= 0 && j >= 0) matrix[i]![j]!++;
  }
  return {
    filings,
    failed,
    grades: { from: gFrom, to: gTo },
    matrix,
    movers: movers.map((m) => ({ filingId: m.filingId, unit: m.unit, delta: m.delta, from: m.from.total, to: m.to.total, gradeReason: gradeReason(m, diff), moved: m.moved })),
    diff,
  };
}
