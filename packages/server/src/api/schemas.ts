// The API's schemas (zod): one source for validation and for the OpenAPI document.
import { z } from './zod.ts';

export const Msg = z.object({ zh: z.string(), en: z.string() }).openapi('Message');

export const ErrorBody = z
  .object({
    error: z.looseObject({
      code: z.string().openapi({ example: 'JX5002' }),
      status: z.number().int(),
      message: Msg,
    }),
  })
  .openapi('Error');

export const Finding = z
  .looseObject({
    code: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    path: z.array(z.string()),
    message: Msg,
    help: Msg.optional(),
  })
  .openapi('Finding');

export const Report = z
  .looseObject({
    template: z.looseObject({ name: z.string(), year: z.number().int(), region: z.string().nullable().optional(), file: z.string().optional() }),
    total: z.number(),
    cap: z.number(),
    grade: z.string(),
    statedTotal: z.number().nullable(),
    sections: z.array(z.looseObject({ name: z.string(), cap: z.number(), score: z.number(), statedScore: z.number().nullable() })),
    rows: z.array(z.looseObject({ path: z.array(z.string()), weight: z.number(), score: z.number(), statedScore: z.number().nullable(), explain: z.string() })),
    findings: z.array(Finding),
  })
  .openapi('Report', { description: 'the report contract of `jixiao score --json`' });

export const Pos = z.object({ line: z.number().int(), column: z.number().int() });
export const Diagnostic = z
  .looseObject({
    code: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    message: Msg,
    range: z.looseObject({ start: Pos, end: Pos }),
    file: z.string().optional(),
    help: Msg.optional(),
  })
  .openapi('TemplateDiagnostic');

export const ImportDiagnostic = z
  .looseObject({ code: z.string(), severity: z.enum(['error', 'warning', 'info']), message: Msg, line: z.number().int().optional(), column: z.number().int().optional() })
  .openapi('ImportDiagnostic');

const region = z.string().min(1).max(200).openapi({ example: '甘肃' });
const year = z.coerce.number().int().min(1900).max(2999).openapi({ example: 2023 });
const form = z.string().min(1).max(100).openapi({ example: '部门整体支出' });
const id = z.coerce.number().int().positive();

export const TemplateRef = z
  .union([
    z.strictObject({ version: z.number().int().positive().openapi({ description: '模板版本号 (template version id)' }) }),
    z.strictObject({ source: z.string().max(2_000_000), region: region.optional() }),
    z.strictObject({ region, year, form }),
  ])
  .openapi('TemplateRef', { description: '一个模板：版本号、模板文本，或地区/年度/表单（其已发布的版本）' });

const filingInput = {
  filing: z.union([z.string(), z.record(z.string(), z.unknown())]).openapi({ description: '填报表：TSV 或 JSON 文本，或填报对象 (a TSV/JSON text or a filing object)' }),
  format: z.enum(['json', 'tsv']).optional(),
  region: region.optional(),
  year: year.optional(),
  form: form.optional(),
  rules: z.string().max(2_000_000).optional().openapi({ description: '直接给出模板文本 (.jx)，不按地区/年度/表单选择' }),
};

export const ScoreRequest = z.strictObject(filingInput).openapi('ScoreRequest');
export const ExplainRequest = z.strictObject({ ...filingInput, indicator: z.string().min(1) }).openapi('ExplainRequest');
export const ExplainResponse = z
  .object({
    report: Report,
    rows: z.array(
      z.looseObject({
        path: z.array(z.string()),
        weight: z.number(),
        score: z.number(),
        statedScore: z.number().nullable(),
        explain: z.string(),
        rule: z.looseObject({ name: z.string(), text: z.string(), line: z.number().int() }).nullable(),
        findings: z.array(Finding),
      }),
    ),
    section: z.looseObject({ name: z.string(), cap: z.number(), score: z.number(), statedScore: z.number().nullable() }).nullable(),
  })
  .openapi('ExplainResponse');

export const CheckRequest = z.strictObject({ source: z.string().max(2_000_000), region: region.optional() }).openapi('CheckRequest');
export const CheckResponse = z
  .object({
    ok: z.boolean(),
    diagnostics: z.array(Diagnostic),
    template: z
      .object({ form: z.string(), year: z.number().int(), region: z.string().nullable(), sections: z.number().int(), rules: z.number().int(), proofs: z.number().int() })
      .nullable(),
  })
  .openapi('CheckResponse');

export const DiffRequest = z.strictObject({ from: TemplateRef, to: TemplateRef }).openapi('DiffRequest');
export const DiffItem = z
  .looseObject({ area: z.string(), change: z.enum(['added', 'removed', 'renamed', 'changed']), path: z.array(z.string()), message: Msg })
  .openapi('DiffItem');
export const TemplateDiff = z
  .looseObject({ from: z.looseObject({ form: z.string(), year: z.number().int() }), to: z.looseObject({ form: z.string(), year: z.number().int() }), changes: z.array(DiffItem) })
  .openapi('TemplateDiff');

export const TextDiffLine = z.object({ op: z.enum([' ', '+', '-']), line: z.string() }).openapi('TextDiffLine');
export const DiffResponse = TemplateDiff.extend({ textDiff: z.array(TextDiffLine) }).openapi('DiffResponse');

export const ImpactRequest = z.strictObject({ filing: filingInput.filing, format: filingInput.format, from: TemplateRef, to: TemplateRef }).openapi('ImpactRequest');
export const Move = z.object({ path: z.array(z.string()), from: z.number().nullable(), to: z.number().nullable(), why: Msg }).openapi('Move');
export const ImpactResponse = z
  .object({
    from: z.object({ total: z.number(), grade: z.string(), year: z.number().int() }),
    to: z.object({ total: z.number(), grade: z.string(), year: z.number().int() }),
    delta: z.number(),
    gradeChanged: z.boolean(),
    gradeReason: Msg.nullable(),
    moved: z.array(Move),
  })
  .openapi('ImpactResponse');

// ── templates ──
export const VersionSummary = z
  .object({
    id: z.number().int(),
    templateId: z.number().int(),
    number: z.number().int(),
    status: z.enum(['draft', 'published']),
    contentHash: z.string(),
    author: z.string(),
    note: z.string(),
    basedOn: z.number().int().nullable(),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
    publishedBy: z.string().nullable(),
  })
  .openapi('VersionSummary');
export const Version = VersionSummary.extend({ source: z.string(), region: z.string(), year: z.number().int(), form: z.string() }).openapi('Version');

export const TemplateSummary = z
  .object({
    id: z.number().int(),
    region: z.string(),
    year: z.number().int(),
    form: z.string(),
    latest: VersionSummary,
    published: VersionSummary.nullable(),
    versions: z.number().int(),
  })
  .openapi('Template');

export const TemplateQuery = z.object({ region: region.optional(), year: year.optional(), form: form.optional() });
export const IdParam = z.object({ id });
export const RunFilingParam = z.object({ id, filingId: id });

export const CreateTemplate = z.strictObject({ region, year, form, source: z.string().max(2_000_000).optional(), note: z.string().max(2000).optional() }).openapi('CreateTemplate');
export const SaveDraft = z
  .strictObject({
    source: z.string().max(2_000_000),
    note: z.string().max(2000).optional(),
    baseVersion: z
      .number()
      .int()
      .positive()
      .nullable()
      .openapi({ description: '保存所基于的版本：若此后已有他人保存，返回 409 及差异 (the version this edit started from; a newer one → 409 with the diff)' }),
  })
  .openapi('SaveDraft');
export const PublishRequest = z.strictObject({ note: z.string().max(2000).optional() }).openapi('PublishRequest');
export const CaseResult = z.looseObject({ file: z.string(), name: z.string(), ok: z.boolean(), failures: z.array(z.looseObject({})), error: Msg.optional() });
export const TestsResult = z
  .object({
    ok: z.boolean(),
    threshold: z.number(),
    cases: z.array(CaseResult),
    coverage: z.looseObject({ percent: z.number() }).nullable(),
  })
  .openapi('TestsResult');
export const PublishResponse = z.object({ version: VersionSummary, tests: TestsResult }).openapi('PublishResponse');
export const ConflictBody = ErrorBody.openapi('Conflict', { description: '409：error.current 为当前最新版本，error.diff 为语义差异，error.textDiff 为文本差异' });

export const RuleFile = z.object({ path: z.string(), text: z.string() }).openapi('RuleFile');
export const PutRuleFile = z.strictObject({ text: z.string().max(5_000_000) });

// ── filings ──
export const FilingSummary = z
  .object({
    id: z.number().int(),
    region: z.string(),
    year: z.number().int(),
    form: z.string(),
    unit: z.string(),
    revision: z.number().int(),
    revisionId: z.number().int(),
    filename: z.string(),
    format: z.string(),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
  })
  .openapi('FilingSummary');
export const FilingQuery = z.object({
  region: region.optional(),
  year: year.optional(),
  form: form.optional(),
  unit: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
export const FilingList = z.object({ total: z.number().int(), filings: z.array(FilingSummary) }).openapi('FilingList');
export const Revision = z
  .object({
    id: z.number().int(),
    number: z.number().int(),
    filename: z.string(),
    format: z.string(),
    sha256: z.string(),
    size: z.number().int(),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
  })
  .openapi('Revision');
export const FilingDetail = FilingSummary.extend({ model: z.looseObject({}), diagnostics: z.array(ImportDiagnostic), revisions: z.array(Revision) }).openapi('FilingDetail');
export const UploadForm = z
  .object({
    files: z.array(z.string().openapi({ type: 'string', format: 'binary' })).openapi({ description: '一个或多个填报表 (.xlsx .tsv .json) 或 .zip' }),
    region: z.string().optional(),
    year: z.string().optional(),
    form: z.string().optional(),
  })
  .openapi('UploadForm');
export const UploadResult = z
  .object({
    stored: z.number().int(),
    refused: z.number().int(),
    files: z.array(
      z.object({
        name: z.string(),
        ok: z.boolean(),
        filingId: z.number().int().optional(),
        revision: z.number().int().optional(),
        unit: z.string().optional(),
        region: z.string().optional(),
        year: z.number().int().optional(),
        form: z.string().optional(),
        diagnostics: z.array(ImportDiagnostic).optional(),
        error: z.looseObject({ code: z.string(), message: Msg }).optional(),
      }),
    ),
  })
  .openapi('UploadResult');

// ── runs ──
export const CreateRun = z
  .strictObject({ region, year, form, version: z.number().int().positive().optional().openapi({ description: '模板版本号；不给则用该地区该年度在用的已发布版本' }) })
  .openapi('CreateRun');
export const Run = z
  .object({
    id: z.number().int(),
    region: z.string(),
    year: z.number().int(),
    form: z.string(),
    version: VersionSummary.pick({ id: true, number: true, status: true, contentHash: true }).extend({ region: z.string(), year: z.number().int() }),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    total: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    error: z.looseObject({ code: z.string(), message: Msg }).nullable(),
  })
  .openapi('Run');
export const RunList = z.object({ runs: z.array(Run) }).openapi('RunList');
export const RunFilingsQuery = z.object({
  grade: z.string().optional(),
  code: z.string().optional(),
  unit: z.string().optional(),
  sort: z.enum(['unit', 'total', 'grade', 'errors', 'warnings', 'delta']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
export const RunFilingRow = z
  .object({
    filingId: z.number().int(),
    unit: z.string(),
    total: z.number().nullable(),
    grade: z.string().nullable(),
    statedTotal: z.number().nullable(),
    errors: z.number().int(),
    warnings: z.number().int(),
    codes: z.array(z.string()),
    error: z.looseObject({ code: z.string(), message: Msg }).nullable(),
    reviewed: z.number().int(),
  })
  .openapi('RunFilingRow');
export const RunFilings = z.object({ total: z.number().int(), rows: z.array(RunFilingRow) }).openapi('RunFilings');
export const RunStats = z
  .object({
    grades: z.array(z.object({ grade: z.string(), count: z.number().int() })),
    sections: z.array(z.object({ name: z.string(), cap: z.number(), average: z.number(), share: z.number() })),
    codes: z.array(z.object({ code: z.string(), filings: z.number().int() })),
  })
  .openapi('RunStats');
export const ReviewStatus = z.enum(['待核实', '已退回', '已确认', '已忽略']);
export const FindingView = Finding.extend({
  index: z.number().int(),
  review: z.object({ status: ReviewStatus, reason: z.string(), updatedBy: z.string().nullable(), updatedAt: z.string().nullable() }),
}).openapi('FindingView');
export const Comment = z.object({ id: z.number().int(), finding: z.number().int().nullable(), author: z.string(), body: z.string(), createdAt: z.string() }).openapi('Comment');
export const RunReport = z
  .object({
    filingId: z.number().int(),
    unit: z.string(),
    report: Report.nullable(),
    error: z.looseObject({ code: z.string(), message: Msg }).nullable(),
    findings: z.array(FindingView),
    comments: z.array(Comment),
  })
  .openapi('RunReport');
export const ReviewRequest = z.strictObject({ status: ReviewStatus, reason: z.string().max(2000).optional() }).openapi('ReviewRequest');
export const FindingParam = z.object({
  id,
  filingId: id,
  index: z
    .string()
    .regex(/^\d{1,6}$/)
    .transform(Number)
    .openapi({ type: 'integer', description: '问题在报告 findings 中的序号（从 0 起）' }),
});
export const CommentRequest = z.strictObject({ body: z.string().min(1).max(5000), finding: z.number().int().min(0).optional() }).openapi('CommentRequest');
export const UnitHistory = z
  .object({ unit: z.string(), points: z.array(z.object({ year: z.number().int(), total: z.number().nullable(), grade: z.string().nullable(), runId: z.number().int() })) })
  .openapi('UnitHistory');
export const UnitHistoryQuery = z.object({ unit: z.string().min(1), region: region.optional(), form: form.optional() });

// ── corpus impact ──
export const CorpusImpactRequest = z
  .strictObject({ from: TemplateRef, to: TemplateRef, region, year, form, top: z.number().int().min(1).max(200).optional() })
  .openapi('CorpusImpactRequest');
export const CorpusImpact = z
  .object({
    filings: z.array(
      z.object({
        filingId: z.number().int(),
        unit: z.string(),
        from: z.object({ total: z.number(), grade: z.string() }),
        to: z.object({ total: z.number(), grade: z.string() }),
        delta: z.number(),
      }),
    ),
    failed: z.array(z.object({ filingId: z.number().int(), unit: z.string(), error: z.looseObject({ code: z.string(), message: Msg }) })),
    grades: z.object({ from: z.array(z.string()), to: z.array(z.string()) }),
    matrix: z.array(z.array(z.number().int())).openapi({ description: 'matrix[i][j]：原等级 grades.from[i] → 新等级 grades.to[j] 的份数' }),
    movers: z.array(
      z.object({ filingId: z.number().int(), unit: z.string(), delta: z.number(), from: z.number(), to: z.number(), gradeReason: Msg.nullable(), moved: z.array(Move) }),
    ),
    diff: TemplateDiff,
  })
  .openapi('CorpusImpact');

// ── auth ──
export const LoginRequest = z.strictObject({ name: z.string().min(1), password: z.string().min(1) }).openapi('LoginRequest');
export const LoginResponse = z.object({ token: z.string(), user: z.object({ name: z.string(), role: z.string() }), expiresAt: z.string() }).openapi('LoginResponse');
export const Me = z.object({ name: z.string(), roles: z.array(z.string()), local: z.boolean(), usersConfigured: z.boolean() }).openapi('Me');
export const AuditEntry = z
  .object({ id: z.number().int(), at: z.string(), actor: z.string(), action: z.string(), target: z.string(), detail: z.looseObject({}) })
  .openapi('AuditEntry');
export const AuditList = z.object({ entries: z.array(AuditEntry) }).openapi('AuditList');
export const AuditQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).optional() });
export const Ok = z.object({ ok: z.boolean() }).openapi('Ok');
