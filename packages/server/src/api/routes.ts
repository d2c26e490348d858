// Every route of the API. Stateless computations (like OpenFisca's /calculate and /trace)
// need no storage; the rest reads and writes the workspace, each write in a transaction
// with its audit entry.
import { diffTemplates, gradeReason, impactOf, scoreFiling } from '@jixiao/engine';
import type { Context } from 'hono';
import { z } from './zod.ts';
import * as S from './schemas.ts';
import type { Router, Env } from './route.ts';
import type { AppContext } from '../context.ts';
import { apiError } from '../codes.ts';
import { hasUsers, login, logout } from '../auth.ts';
import { audit } from '../store/audit.ts';
import { checkWithLibrary, publishedLibrary } from '../store/library.ts';
import { createTemplate, history, listTemplates, mustVersion, place, publish, runTemplateTests, saveDraft, versionSummary, versionView } from '../store/templates.ts';
import { expandUpload, filingDetail, listFilings, readUpload, storeFiling, type UploadFile } from '../store/filings.ts';
import { comment, corpusImpact, createRun, getRun, listRuns, review, runFilings, runReport, runStats, runView, unitHistory } from '../store/runs.ts';
import { readFilingInput, ruleOfRow, scorerFor, templateOfRef } from './resolve.ts';
import { exportRun } from '../runs/export.ts';
import { bytes } from '../db/db.ts';
import { normaliseForm, normaliseRegion } from '@jixiao/compiler';
import { lineDiff } from '../store/textdiff.ts';

const ED = ['编辑'] as const;
const RV = ['审核'] as const;

export function registerRoutes(r: Router, ctx: AppContext): void {
  const db = ctx.db;

  // ───────── session ─────────
  r.add(
    { method: 'post', path: '/api/login', tag: 'session', summary: '登录，取得会话令牌 (sign in)', public: true, body: S.LoginRequest, response: S.LoginResponse },
    async ({ body, c }) => {
      const out = await db.tx(async (q) => {
        const s = await login(q, body.name, body.password);
        await audit(q, body.name, 'session.login', `user:${body.name}`);
        return s;
      });
      c.header('Set-Cookie', `jixiao_session=${out.token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${12 * 3600}`);
      return out;
    },
  );
  r.add({ method: 'post', path: '/api/logout', tag: 'session', summary: '退出登录 (sign out)', response: S.Ok }, async ({ c }) => {
    const token = c.get('token');
    if (token) await logout(db, token);
    c.header('Set-Cookie', 'jixiao_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0');
    return { ok: true };
  });
  r.add({ method: 'get', path: '/api/me', tag: 'session', summary: '当前用户及角色 (who am I)', response: S.Me }, async ({ actor }) => ({
    name: actor.name,
    roles: [...actor.roles],
    local: actor.local,
    usersConfigured: await hasUsers(db),
  }));
  r.add(
    { method: 'get', path: '/api/audit', tag: 'session', summary: '审计日志：谁、何时、做了什么 (audit log)', query: S.AuditQuery, response: S.AuditList },
    async ({ query }) => {
      const rows = await db.query<{ id: number; at: Date; actor: string; action: string; target: string; detail: Record<string, unknown> }>(
        `SELECT * FROM audit_log ORDER BY id DESC LIMIT $1`,
        [query.limit ?? 100],
      );
      return { entries: rows.map((e) => ({ ...e, at: new Date(e.at).toISOString() })) };
    },
  );

  // ───────── stateless ─────────
  r.add(
    {
      method: 'post',
      path: '/api/check',
      tag: 'stateless',
      summary: '检查模板：语法、名称、分值、等级、分档，证明得分界限 (check a template)',
      body: S.CheckRequest,
      response: S.CheckResponse,
    },
    async ({ body }) => {
      const lib = await publishedLibrary(db);
      const c = checkWithLibrary({ file: 'template.jx', text: body.source, ...(body.region ? { region: body.region } : {}) }, lib);
      const t = c.checked;
      return {
        ok: !!t,
        diagnostics: c.diagnostics,
        template: t ? { form: t.form, year: t.year, region: t.region ?? null, sections: t.sections.length, rules: t.rules.length, proofs: t.proofs.length } : null,
      };
    },
  );
  r.add(
    { method: 'post', path: '/api/score', tag: 'stateless', summary: '给填报表打分，答复即 jixiao score --json 的报告 (score a filing)', body: S.ScoreRequest, response: S.Report },
    async ({ body }) => {
      const { filing, diagnostics } = await readFilingInput(body.filing, body.format);
      const s = scorerFor(await publishedLibrary(db), body, filing);
      return scoreFiling(s.prepared, filing, diagnostics, { file: s.file, fallbackFrom: s.fallbackFrom });
    },
  );
  r.add(
    { method: 'post', path: '/api/explain', tag: 'stateless', summary: '某个指标得分的完整计算过程 (explain one indicator)', body: S.ExplainRequest, response: S.ExplainResponse },
    async ({ body }) => {
      const { filing, diagnostics } = await readFilingInput(body.filing, body.format);
      const s = scorerFor(await publishedLibrary(db), body, filing);
      const report = scoreFiling(s.prepared, filing, diagnostics, { file: s.file, fallbackFrom: s.fallbackFrom });
      const rows = report.rows.filter((x) => x.path.some((p) => p === body.indicator || p.includes(body.indicator)));
      const section = report.sections.find((x) => x.name === body.indicator) ?? null;
      if (rows.length === 0 && !section) throw apiError('notFound', `填报表中没有指标 “${body.indicator}”`, `the filing has no indicator '${body.indicator}'`);
      const key = (p: string[]) => p.join('\u0000');
      return {
        report,
        section,
        rows: rows.map((x) => ({ ...x, rule: ruleOfRow(s.prepared.checked, x.explain), findings: report.findings.filter((f) => key(f.path) === key(x.path)) })),
      };
    },
  );
  r.add(
    {
      method: 'post',
      path: '/api/diff',
      tag: 'stateless',
      summary: '两个模板的语义比较，附文本逐行差异 (semantic diff, with the line diff)',
      body: S.DiffRequest,
      response: S.DiffResponse,
    },
    async ({ body }) => {
      const lib = await publishedLibrary(db);
      const a = await templateOfRef(db, body.from, lib);
      const b = await templateOfRef(db, body.to, lib);
      return { ...diffTemplates(a.checked, b.checked), textDiff: lineDiff(a.source, b.source) };
    },
  );
  r.add(
    {
      method: 'post',
      path: '/api/impact',
      tag: 'stateless',
      summary: '一份填报表在两个模板下的得分变化及原因 (impact on one filing)',
      body: S.ImpactRequest,
      response: S.ImpactResponse,
    },
    async ({ body }) => {
      const lib = await publishedLibrary(db);
      const { filing, diagnostics } = await readFilingInput(body.filing, body.format);
      const a = await templateOfRef(db, body.from, lib);
      const b = await templateOfRef(db, body.to, lib);
      const diff = diffTemplates(a.checked, b.checked);
      const i = impactOf(a.prepared, b.prepared, filing, diagnostics, diff);
      return { from: i.from, to: i.to, delta: i.delta, gradeChanged: i.gradeChanged, gradeReason: gradeReason(i, diff), moved: i.moved };
    },
  );

  // ───────── templates ─────────
  r.add(
    {
      method: 'get',
      path: '/api/templates',
      tag: 'templates',
      summary: '模板列表，按地区、年度、表单筛选 (templates)',
      query: S.TemplateQuery,
      response: z.object({ templates: z.array(S.TemplateSummary) }),
    },
    async ({ query }) => ({
      templates: await listTemplates(db, {
        year: query.year,
        form: query.form ? (normaliseForm(query.form) ?? query.form) : undefined,
        region: query.region ? normaliseRegion(query.region) : undefined,
      }),
    }),
  );
  r.add(
    {
      method: 'post',
      path: '/api/templates',
      tag: 'templates',
      summary: '新建模板（新的地区、年度或表单），默认继承此前在用的模板 (new template)',
      roles: ED,
      what: { zh: '新建模板', en: 'create templates' },
      body: S.CreateTemplate,
      response: S.Version,
      status: 201,
    },
    async ({ body, actor }) => versionView(await db.tx((q) => createTemplate(q, actor, body))),
  );
  r.add(
    {
      method: 'get',
      path: '/api/templates/{id}/versions',
      tag: 'templates',
      summary: '版本历史：作者、时间、说明、内容哈希 (history)',
      params: S.IdParam,
      response: z.object({ versions: z.array(S.VersionSummary) }),
    },
    async ({ params }) => ({
      versions: (await history(db, params.id)).map(versionSummary),
    }),
  );
  r.add(
    {
      method: 'post',
      path: '/api/templates/{id}/versions',
      tag: 'templates',
      summary: '保存草稿（新版本）；基于的版本已过时则 409 并给出差异 (save a draft)',
      roles: ED,
      what: { zh: '保存模板', en: 'save templates' },
      params: S.IdParam,
      body: S.SaveDraft,
      response: S.Version,
      status: 201,
    },
    async ({ params, body, actor }) => {
      const lib = await publishedLibrary(db);
      const { version } = await db.tx((q) => saveDraft(q, actor, params.id, body, lib));
      return versionView(version);
    },
  );
  r.add(
    {
      method: 'post',
      path: '/api/templates/import',
      tag: 'templates',
      summary: '导入 .jx 文件：存为该模板的新草稿 (import a .jx)',
      roles: ED,
      what: { zh: '导入模板', en: 'import templates' },
      query: z.object({ region: z.string().min(1), note: z.string().optional() }),
      rawBody: { contentType: 'text/plain', schema: z.string().openapi({ description: '.jx 模板文本' }) },
      response: S.Version,
      status: 201,
    },
    async ({ c, query, actor }) => {
      const text = await c.req.text();
      const m = /模板\s+(\S+)\s+(\d{4})/.exec(text);
      if (!m) throw apiError('invalidRequest', '.jx 文件开头应为 “模板 <表单> <年度> {”', "a .jx file starts with '模板 <form> <year> {'");
      const { region, form } = place(query.region, m[1]!);
      const year = Number(m[2]);
      const lib = await publishedLibrary(db);
      const v = await db.tx(async (q) => {
        const t = (await q.query<{ id: number }>(`SELECT id FROM templates WHERE region = $1 AND year = $2 AND form = $3`, [region, year, form]))[0];
        if (!t) return createTemplate(q, actor, { region, year, form, source: text, note: query.note ?? '导入 .jx' });
        const latest = (await q.query<{ id: number }>(`SELECT id FROM template_versions WHERE template_id = $1 ORDER BY number DESC LIMIT 1`, [t.id]))[0]!;
        return (await saveDraft(q, actor, t.id, { source: text, note: query.note ?? '导入 .jx', baseVersion: latest.id }, lib)).version;
      });
      return versionView(v);
    },
  );
  r.add({ method: 'get', path: '/api/versions/{id}', tag: 'templates', summary: '一个版本及其文本 (a version)', params: S.IdParam, response: S.Version }, async ({ params }) =>
    versionView(await mustVersion(db, params.id)),
  );
  r.add(
    {
      method: 'get',
      path: '/api/versions/{id}/source.jx',
      tag: 'templates',
      summary: '导出为 .jx 文件 (export as .jx)',
      params: S.IdParam,
      response: { contentType: 'text/plain', schema: z.string(), description: '.jx 模板文本' },
    },
    async ({ params, c }) => {
      const v = await mustVersion(db, params.id);
      return c.body(v.source, 200, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${v.form}-${v.year}-v${v.number}.jx`)}`,
      });
    },
  );
  r.add(
    {
      method: 'post',
      path: '/api/versions/{id}/publish',
      tag: 'templates',
      summary: '发布：模板检查通过且规则测试通过才发布；已发布版本不可修改 (publish)',
      roles: ED,
      what: { zh: '发布模板', en: 'publish templates' },
      params: S.IdParam,
      body: S.PublishRequest,
      response: S.PublishResponse,
    },
    async ({ params, body, actor }) => {
      const out = await db.tx(async (q) => {
        // one publish or save of a template at a time
        await q.query(`SELECT id FROM template_versions WHERE template_id = (SELECT template_id FROM template_versions WHERE id = $1) FOR UPDATE`, [params.id]);
        return publish(q, actor, params.id, body.note);
      });
      return { version: versionSummary(out.version), tests: { ...out.tests, coverage: out.tests.coverage } };
    },
  );
  r.add(
    { method: 'post', path: '/api/versions/{id}/test', tag: 'templates', summary: '运行该版本的规则测试并报告覆盖率 (run rule tests)', params: S.IdParam, response: S.TestsResult },
    async ({ params }) => {
      const v = await mustVersion(db, params.id);
      return runTemplateTests(db, v, await publishedLibrary(db));
    },
  );
  r.add(
    {
      method: 'get',
      path: '/api/rule-files',
      tag: 'templates',
      summary: '规则目录中的其他文件：规则测试、示例、覆盖率下限 (rule files)',
      query: z.object({ prefix: z.string().optional() }),
      response: z.object({ files: z.array(z.object({ path: z.string(), size: z.number().int() })) }),
    },
    async ({ query }) => ({
      files: (
        await db.query<{ path: string; size: number }>(`SELECT path, octet_length(content) AS size FROM rule_files WHERE starts_with(path, $1) ORDER BY path`, [query.prefix ?? ''])
      ).map((f) => ({ path: f.path, size: Number(f.size) })),
    }),
  );
  r.add(
    { method: 'get', path: '/api/rule-file', tag: 'templates', summary: '读取一个规则文件 (read a rule file)', query: z.object({ path: z.string().min(1) }), response: S.RuleFile },
    async ({ query }) => {
      const f = (await db.query<{ content: Uint8Array }>(`SELECT content FROM rule_files WHERE path = $1`, [query.path]))[0];
      if (!f) throw apiError('notFound', `找不到规则文件 ${query.path}`, `no rule file ${query.path}`);
      return { path: query.path, text: new TextDecoder().decode(bytes(f.content)) };
    },
  );
  r.add(
    {
      method: 'put',
      path: '/api/rule-file',
      tag: 'templates',
      summary: '写入规则文件（如 甘肃/2025/tests/部门整体支出.yaml）(write a rule file)',
      roles: ED,
      what: { zh: '修改规则测试', en: 'change rule tests' },
      query: z.object({
        path: z
          .string()
          .min(1)
          .max(500)
          .regex(/^(?!.*\.\.)[^/].*\.(ya?ml|tsv|json|txt|xlsx)$/),
      }),
      body: S.PutRuleFile,
      response: S.Ok,
    },
    async ({ query, body, actor }) => {
      await db.tx(async (q) => {
        await q.query(
          `INSERT INTO rule_files (path, content, updated_by) VALUES ($1, $2, $3) ON CONFLICT (path) DO UPDATE SET content = EXCLUDED.content, updated_by = EXCLUDED.updated_by, updated_at = now()`,
          [query.path, new TextEncoder().encode(body.text), actor.name],
        );
        await audit(q, actor.name, 'rulefile.write', `rule-file:${query.path}`, { bytes: body.text.length });
      });
      return { ok: true };
    },
  );

  // ───────── filings ─────────
  r.add(
    { method: 'get', path: '/api/filings', tag: 'filings', summary: '填报表列表，按地区、年度、表单、单位筛选 (filings)', query: S.FilingQuery, response: S.FilingList },
    async ({ query }) => listFilings(db, query),
  );
  r.add(
    { method: 'get', path: '/api/filings/{id}', tag: 'filings', summary: '一份填报表：导入的模型、读取提示、各次提交 (a filing)', params: S.IdParam, response: S.FilingDetail },
    async ({ params }) => filingDetail(db, params.id),
  );
  r.add(
    {
      method: 'get',
      path: '/api/revisions/{id}/original',
      tag: 'filings',
      summary: '某次提交的原始文件 (original bytes)',
      params: S.IdParam,
      response: { contentType: 'application/octet-stream', schema: z.string().openapi({ type: 'string', format: 'binary' }) },
    },
    async ({ params, c }) => {
      const r = (await db.query<{ filename: string; content: Uint8Array }>(`SELECT filename, content FROM filing_revisions WHERE id = $1`, [params.id]))[0];
      if (!r) throw apiError('notFound', `找不到提交 ${params.id}`, `no revision ${params.id}`);
      const name = r.filename.split('/').pop()!;
      return c.body(bytes(r.content) as unknown as ArrayBuffer, 200, {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      });
    },
  );
  r.add(
    {
      method: 'post',
      path: '/api/filings',
      tag: 'filings',
      summary: '上传一份或多份填报表（xlsx、tsv、json，或 zip）；同一单位再次上传为新的提交 (upload filings)',
      roles: RV,
      what: { zh: '上传填报表', en: 'upload filings' },
      rawBody: { contentType: 'multipart/form-data', schema: S.UploadForm },
      response: S.UploadResult,
    },
    async ({ c, actor }) => uploadHandler(c, ctx, actor),
  );

  // ───────── runs ─────────
  r.add(
    {
      method: 'post',
      path: '/api/runs',
      tag: 'runs',
      summary: '为某地区某年度某表单的全部填报表评分 (start a run)',
      roles: RV,
      what: { zh: '发起评分运行', en: 'start runs' },
      body: S.CreateRun,
      response: S.Run,
      status: 201,
    },
    async ({ body, actor }) => {
      const run = await db.tx((q) => createRun(q, actor, body));
      ctx.runner?.wake();
      return runView(run);
    },
  );
  r.add({ method: 'get', path: '/api/runs', tag: 'runs', summary: '评分运行列表 (runs)', query: S.TemplateQuery, response: S.RunList }, async ({ query }) => ({
    runs: await listRuns(db, query),
  }));
  r.add({ method: 'get', path: '/api/runs/{id}', tag: 'runs', summary: '评分运行及其进度 (a run and its progress)', params: S.IdParam, response: S.Run }, async ({ params }) =>
    runView(await getRun(db, params.id)),
  );
  r.add(
    {
      method: 'get',
      path: '/api/runs/{id}/filings',
      tag: 'runs',
      summary: '运行中各填报表的结果，可按等级、问题代码、单位筛选和排序 (results table)',
      params: S.IdParam,
      query: S.RunFilingsQuery,
      response: S.RunFilings,
    },
    async ({ params, query }) => runFilings(db, params.id, query),
  );
  r.add(
    { method: 'get', path: '/api/runs/{id}/stats', tag: 'runs', summary: '等级分布、一级指标平均得分率、问题代码 (run statistics)', params: S.IdParam, response: S.RunStats },
    async ({ params }) => runStats(db, params.id),
  );
  r.add(
    {
      method: 'get',
      path: '/api/runs/{id}/filings/{filingId}',
      tag: 'runs',
      summary: '一份填报表的报告、问题及其审核状态、评论 (one report)',
      params: S.RunFilingParam,
      response: S.RunReport,
    },
    async ({ params }) => runReport(db, params.id, params.filingId),
  );
  r.add(
    {
      method: 'get',
      path: '/api/runs/{id}/export.xlsx',
      tag: 'runs',
      summary: '导出工作簿：汇总表与问题表 (export as xlsx)',
      params: S.IdParam,
      response: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', schema: z.string().openapi({ type: 'string', format: 'binary' }) },
    },
    async ({ params, c }) => {
      const run = await getRun(db, params.id);
      const name = `评分-${run.region.replaceAll('/', '-')}-${run.year}-${run.form}-${run.id}.xlsx`;
      return c.body(exportRun(db, run.id), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      });
    },
  );

  // ───────── review ─────────
  r.add(
    {
      method: 'put',
      path: '/api/runs/{id}/filings/{filingId}/findings/{index}/review',
      tag: 'review',
      summary: '问题的审核状态：待核实、已退回、已确认、已忽略（需理由）(review a finding)',
      roles: RV,
      what: { zh: '审核问题', en: 'review findings' },
      params: S.FindingParam,
      body: S.ReviewRequest,
      response: S.Ok,
    },
    async ({ params, body, actor }) => {
      await db.tx((q) => review(q, actor, params.id, params.filingId, params.index, body.status, body.reason));
      return { ok: true };
    },
  );
  r.add(
    {
      method: 'post',
      path: '/api/runs/{id}/filings/{filingId}/comments',
      tag: 'review',
      summary: '评论（可针对某条问题）(comment)',
      roles: RV,
      what: { zh: '发表评论', en: 'comment' },
      params: S.RunFilingParam,
      body: S.CommentRequest,
      response: S.Ok,
      status: 201,
    },
    async ({ params, body, actor }) => {
      await db.tx((q) => comment(q, actor, params.id, params.filingId, body.body, body.finding));
      return { ok: true };
    },
  );
  r.add(
    { method: 'get', path: '/api/units/history', tag: 'runs', summary: '某单位各年度的总分 (a unit across years)', query: S.UnitHistoryQuery, response: S.UnitHistory },
    async ({ query }) => unitHistory(db, query.unit, query.region, query.form),
  );

  // ───────── corpus impact ─────────
  r.add(
    {
      method: 'post',
      path: '/api/impact/corpus',
      tag: 'impact',
      summary: '模板改动对某年度全部已存填报表的影响：各表新旧总分与等级、等级迁移矩阵、变动最大者及原因 (impact over stored filings)',
      body: S.CorpusImpactRequest,
      response: S.CorpusImpact,
    },
    async ({ body }) => {
      const lib = await publishedLibrary(db);
      const { region, form } = place(body.region, body.form);
      const a = await templateOfRef(db, body.from, lib);
      const b = await templateOfRef(db, body.to, lib);
      return corpusImpact(db, { from: a.checked, to: b.checked, fromPrepared: a.prepared, toPrepared: b.prepared, region, year: body.year, form, top: body.top ?? 20 });
    },
  );
}

async function uploadHandler(c: Context<Env>, ctx: AppContext, actor: import('../auth.ts').Actor) {
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw apiError('invalidRequest', '上传应为 multipart/form-data，文件放在 files 字段', 'an upload is multipart/form-data with the files under "files"');
  }
  const files: UploadFile[] = [];
  const given: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) {
    for (const x of Array.isArray(v) ? v : [v]) {
      if (typeof x === 'string') given[k] = x;
      else files.push({ name: x.name || 'filing', bytes: new Uint8Array(await x.arrayBuffer()) });
    }
  }
  if (files.length === 0) throw apiError('invalidRequest', '没有收到文件：把填报表放在 files 字段', 'no file received: put the filings under "files"');
  if (files.length > ctx.limits.filesPerUpload)
    throw apiError(
      'tooManyFiles',
      `一次最多上传 ${ctx.limits.filesPerUpload} 份填报表，这次有 ${files.length} 份：请分批上传`,
      `at most ${ctx.limits.filesPerUpload} filings per upload, this one has ${files.length}: upload them in parts`,
    );
  const { files: all, refused } = expandUpload(files, ctx.limits);
  const lib = await publishedLibrary(ctx.db);
  const read: { f: UploadFile; r: Awaited<ReturnType<typeof readUpload>> }[] = [];
  for (const f of all) read.push({ f, r: await readUpload(f, { region: given['region'], year: given['year'], form: given['form'] }, lib, ctx.limits) });
  const outcomes = [...refused];
  await ctx.db.tx(async (q) => {
    for (const { f, r } of read) {
      if (!r.filing || !r.place) {
        outcomes.push(r.outcome);
        continue;
      }
      const s = await storeFiling(q, actor, f, r.filing, r.outcome.diagnostics ?? [], r.place);
      outcomes.push({ ...r.outcome, filingId: s.filingId, revision: s.revision, ...r.place });
    }
  });
  const stored = outcomes.filter((o) => o.ok).length;
  return { stored, refused: outcomes.length - stored, files: outcomes };
}
