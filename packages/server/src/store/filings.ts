// Filings: each unit's table for a jurisdiction, year and form, stored with its original
// bytes and the imported model. A resubmission is a new revision of the same filing (the
// history is kept); the same bytes again are not a new revision.
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { importFiling, type Filing, type ImportDiagnostic } from '@jixiao/engine';
import { normaliseForm, regionOfFiling, type LibraryEntry } from '@jixiao/compiler';
import type { Queryable } from '../db/db.ts';
import { apiError, SERVER_CODES, type Msg } from '../codes.ts';
import type { Actor } from '../auth.ts';
import { audit } from './audit.ts';
import type { Limits } from '../limits.ts';

export interface UploadFile {
  name: string;
  bytes: Uint8Array;
}

export interface UploadOutcome {
  name: string;
  ok: boolean;
  filingId?: number;
  revision?: number;
  unit?: string;
  region?: string;
  year?: number;
  form?: string;
  diagnostics?: ImportDiagnostic[];
  error?: { code: string; message: Msg };
}

const FILING_EXT = /\.(xlsx|xlsm|tsv|txt|tab|json)$/i;
const isZipName = (n: string) => /\.zip$/i.test(n);

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The files of an upload, archives opened: every entry checked against the limits before it is inflated. */
export function expandUpload(files: UploadFile[], limits: Limits): { files: UploadFile[]; refused: UploadOutcome[] } {
  const out: UploadFile[] = [];
  const refused: UploadOutcome[] = [];
  for (const f of files) {
    if (!isZipName(f.name)) {
      out.push(f);
      continue;
    }
    let entries: Record<string, Uint8Array>;
    let count = 0;
    try {
      entries = unzipSync(f.bytes, {
        filter: (e) => {
          const name = e.name.split('/').pop() ?? '';
          if (e.name.endsWith('/') || name.startsWith('.') || e.name.startsWith('__MACOSX/') || !FILING_EXT.test(name)) return false;
          count++;
          if (count > limits.filesPerUpload)
            throw apiError(
              'tooManyFiles',
              `压缩包 ${f.name} 中的填报表超过 ${limits.filesPerUpload} 份：请分批上传`,
              `the archive ${f.name} holds more than ${limits.filesPerUpload} filings: upload them in parts`,
            );
          if (e.originalSize > limits.filingBytes) {
            refused.push(tooLarge(`${f.name}/${e.name}`, e.originalSize, limits));
            return false;
          }
          return true;
        },
      });
    } catch (e) {
      if (e instanceof Error && 'code' in e && (e as { code: unknown }).code === SERVER_CODES.tooManyFiles.code) throw e;
      refused.push({
        name: f.name,
        ok: false,
        error: {
          code: SERVER_CODES.badZip.code,
          message: { zh: `压缩包 ${f.name} 无法读取：${(e as Error).message}`, en: `the archive ${f.name} cannot be read: ${(e as Error).message}` },
        },
      });
      continue;
    }
    for (const [name, b] of Object.entries(entries)) out.push({ name: `${f.name}/${name}`, bytes: b });
  }
  if (out.length > limits.filesPerUpload)
    throw apiError(
      'tooManyFiles',
      `一次最多上传 ${limits.filesPerUpload} 份填报表，这次有 ${out.length} 份：请分批上传`,
      `at most ${limits.filesPerUpload} filings per upload, this one has ${out.length}: upload them in parts`,
    );
  return { files: out, refused };
}

function tooLarge(name: string, size: number, limits: Limits): UploadOutcome {
  return {
    name,
    ok: false,
    error: {
      code: SERVER_CODES.filingTooLarge.code,
      message: {
        zh: `填报表 ${name} 过大：${mb(size)}，上限为 ${mb(limits.filingBytes)}`,
        en: `the filing ${name} is too large: ${mb(size)}, the limit is ${mb(limits.filingBytes)}`,
      },
    },
  };
}

export interface Placement {
  region?: string | undefined;
  year?: string | number | undefined;
  form?: string | undefined;
}

/** Read one file and say where it belongs (jurisdiction, year, form, unit), or why not. */
export async function readUpload(
  f: UploadFile,
  given: Placement,
  entries: readonly LibraryEntry[],
  limits: Limits,
): Promise<{ outcome: UploadOutcome; filing?: Filing; place?: { region: string; year: number; form: string; unit: string } }> {
  if (f.bytes.byteLength > limits.filingBytes) return { outcome: tooLarge(f.name, f.bytes.byteLength, limits) };
  const base = f.name.split('/').pop() ?? f.name;
  const r = await importFiling(f.bytes, { filename: base });
  if (!r.filing) {
    const first = r.diagnostics.find((d) => d.severity === 'error');
    return {
      outcome: {
        name: f.name,
        ok: false,
        diagnostics: r.diagnostics,
        error: { code: first?.code ?? SERVER_CODES.invalidRequest.code, message: first ? withLine(first) : { zh: '无法读取填报表', en: 'the filing cannot be read' } },
      },
    };
  }
  const filing = r.filing;
  const region = regionOfFiling(entries, { region: given.region }, filing);
  const yearText = given.year !== undefined && given.year !== '' ? String(given.year) : filing.year !== undefined ? String(filing.year) : '';
  const form = normaliseForm(given.form || filing.form || '');
  const missing: Msg[] = [];
  if (!region) missing.push({ zh: '地区（在上传时指定，或在表中写明“地区”）', en: 'the jurisdiction (give it with the upload, or write 地区 in the table)' });
  if (!/^\d{4}$/.test(yearText)) missing.push({ zh: '年度（在上传时指定，或在标题中写明年度）', en: 'the year (give it with the upload, or in the title)' });
  if (!form) missing.push({ zh: '表单（项目支出 或 部门整体支出）', en: 'the form (项目支出 or 部门整体支出)' });
  if (missing.length)
    return {
      outcome: {
        name: f.name,
        ok: false,
        diagnostics: r.diagnostics,
        error: {
          code: SERVER_CODES.filingUnplaced.code,
          message: { zh: `无法确定填报表 ${f.name} 的${missing.map((m) => m.zh).join('、')}`, en: `cannot tell ${missing.map((m) => m.en).join(', ')} of the filing ${f.name}` },
        },
      },
    };
  const unit = (filing.unit?.trim() || base.replace(/\.[^.]+$/, '')).slice(0, 500);
  return { outcome: { name: f.name, ok: true, diagnostics: r.diagnostics }, filing, place: { region: region!, year: Number(yearText), form: form!, unit } };
}

function withLine(d: ImportDiagnostic): Msg {
  return d.line !== undefined && !d.message.zh.includes(`第 ${d.line} 行`) ? { zh: `第 ${d.line} 行：${d.message.zh}`, en: `line ${d.line}: ${d.message.en}` } : d.message;
}

const formatOf = (name: string) => (/\.json$/i.test(name) ? 'json' : /\.xls[xm]$/i.test(name) ? 'xlsx' : 'tsv');

/** Store a read filing: a new filing, or a new revision of the unit's filing (the same bytes: the revision it has). */
export async function storeFiling(
  q: Queryable,
  actor: Actor,
  f: UploadFile,
  filing: Filing,
  diagnostics: ImportDiagnostic[],
  p: { region: string; year: number; form: string; unit: string },
): Promise<{ filingId: number; revision: number; revisionId: number; unchanged: boolean }> {
  const sha = createHash('sha256').update(f.bytes).digest('hex');
  const row = await q.query<{ id: number }>(
    `INSERT INTO filings (region, year, form, unit) VALUES ($1, $2, $3, $4)
     ON CONFLICT (region, year, form, unit) DO UPDATE SET unit = EXCLUDED.unit RETURNING id`,
    [p.region, p.year, p.form, p.unit],
  );
  const filingId = row[0]!.id;
  const last = (
    await q.query<{ id: number; number: number; sha256: string }>(`SELECT id, number, sha256 FROM filing_revisions WHERE filing_id = $1 ORDER BY number DESC LIMIT 1 FOR UPDATE`, [
      filingId,
    ])
  )[0];
  if (last && last.sha256 === sha) return { filingId, revision: last.number, revisionId: last.id, unchanged: true };
  const number = (last?.number ?? 0) + 1;
  const rev = await q.query<{ id: number }>(
    `INSERT INTO filing_revisions (filing_id, number, filename, format, content, sha256, model, diagnostics, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9) RETURNING id`,
    [filingId, number, f.name, formatOf(f.name), f.bytes, sha, JSON.stringify(filing), JSON.stringify(diagnostics), actor.name],
  );
  await q.query(`UPDATE filings SET latest_revision = $2 WHERE id = $1`, [filingId, rev[0]!.id]);
  await audit(q, actor.name, number === 1 ? 'filing.upload' : 'filing.resubmit', `filing:${filingId}`, { revision: number, file: f.name, sha256: sha, ...p });
  return { filingId, revision: number, revisionId: rev[0]!.id, unchanged: false };
}

export interface FilingRow {
  id: number;
  region: string;
  year: number;
  form: string;
  unit: string;
  revision: number;
  revision_id: number;
  filename: string;
  format: string;
  uploaded_by: string;
  uploaded_at: Date;
}

export const filingSummary = (r: FilingRow) => ({
  id: r.id,
  region: r.region,
  year: r.year,
  form: r.form,
  unit: r.unit,
  revision: r.revision,
  revisionId: r.revision_id,
  filename: r.filename,
  format: r.format,
  uploadedBy: r.uploaded_by,
  uploadedAt: new Date(r.uploaded_at).toISOString(),
});

const FILING_SELECT = `SELECT f.id, f.region, f.year, f.form, f.unit, r.number AS revision, r.id AS revision_id, r.filename, r.format, r.uploaded_by, r.uploaded_at
  FROM filings f JOIN filing_revisions r ON r.id = f.latest_revision`;

export async function listFilings(
  q: Queryable,
  f: { region?: string | undefined; year?: number | undefined; form?: string | undefined; unit?: string | undefined; limit?: number | undefined; offset?: number | undefined },
) {
  const where = `WHERE ($1::text IS NULL OR f.region = $1) AND ($2::int IS NULL OR f.year = $2) AND ($3::text IS NULL OR f.form = $3) AND ($4::text IS NULL OR strpos(f.unit, $4) > 0)`;
  const params = [f.region ?? null, f.year ?? null, f.form ? (normaliseForm(f.form) ?? f.form) : null, f.unit ?? null];
  const total = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM filings f ${where}`, params))[0]!.n;
  const rows = await q.query<FilingRow>(`${FILING_SELECT} ${where} ORDER BY f.region, f.year, f.form, f.unit LIMIT $5 OFFSET $6`, [...params, f.limit ?? 100, f.offset ?? 0]);
  return { total, filings: rows.map(filingSummary) };
}

export async function filingDetail(q: Queryable, id: number) {
  const r = (
    await q.query<FilingRow & { model: unknown; diagnostics: unknown }>(`${FILING_SELECT.replace('SELECT f.id', 'SELECT r.model, r.diagnostics, f.id')} WHERE f.id = $1`, [id])
  )[0];
  if (!r) throw apiError('notFound', `找不到填报表 ${id}`, `no filing ${id}`);
  const revs = await q.query<{ id: number; number: number; filename: string; format: string; sha256: string; size: number; uploaded_by: string; uploaded_at: Date }>(
    `SELECT id, number, filename, format, sha256, octet_length(content) AS size, uploaded_by, uploaded_at FROM filing_revisions WHERE filing_id = $1 ORDER BY number DESC`,
    [id],
  );
  return {
    ...filingSummary(r),
    model: r.model as Record<string, unknown>,
    diagnostics: r.diagnostics as ImportDiagnostic[],
    revisions: revs.map((v) => ({
      id: v.id,
      number: v.number,
      filename: v.filename,
      format: v.format,
      sha256: v.sha256,
      size: Number(v.size),
      uploadedBy: v.uploaded_by,
      uploadedAt: new Date(v.uploaded_at).toISOString(),
    })),
  };
}
