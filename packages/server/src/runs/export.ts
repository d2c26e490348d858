// A run as a workbook (exceljs, streamed): a summary sheet — unit, total, grade, stated
// total, error and warning counts — and a findings sheet with each finding's review.
// Reports are read in pages, so a run of any size is exported in flat memory.
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db } from '../db/db.ts';
import type { Report } from '@jixiao/engine';

export const SUMMARY_HEADER = ['单位 Unit', '总分 Total', '等级 Grade', '填报总分 Stated total', '错误 Errors', '警告 Warnings', '问题代码 Codes'];
export const FINDINGS_HEADER = ['单位 Unit', '代码 Code', '级别 Severity', '位置 Path', '问题', 'Finding', '审核状态 Review', '理由 Reason'];

const SEVERITY: Record<string, string> = { error: '错误 error', warning: '警告 warning', info: '提示 info' };

export function exportRun(db: Db, runId: number): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const write = async () => {
    const summary = wb.addWorksheet('汇总 Summary');
    summary.columns = SUMMARY_HEADER.map((h, i) => ({ header: h, key: String(i), width: i === 0 ? 36 : i === 6 ? 40 : 14 }));
    summary.getRow(1).font = { bold: true };
    const findings = wb.addWorksheet('问题 Findings');
    findings.columns = FINDINGS_HEADER.map((h, i) => ({ header: h, key: String(i), width: [36, 10, 12, 40, 60, 60, 14, 30][i] }));
    findings.getRow(1).font = { bold: true };
    let after = 0;
    for (;;) {
      const page = await db.query<{
        seq: number;
        filing_id: number;
        unit: string;
        total: number | null;
        grade: string | null;
        stated_total: number | null;
        errors: number;
        warnings: number;
        codes: string[];
        report: Report | null;
        error: { code: string; message: { zh: string; en: string } } | null;
      }>(`SELECT seq, filing_id, unit, total, grade, stated_total, errors, warnings, codes, report, error FROM reports WHERE run_id = $1 AND seq > $2 ORDER BY seq LIMIT 500`, [
        runId,
        after,
      ]);
      if (page.length === 0) break;
      after = page[page.length - 1]!.seq;
      const reviews = await db.query<{ filing_id: number; finding: number; status: string; reason: string }>(
        `SELECT filing_id, finding, status, reason FROM finding_reviews WHERE run_id = $1 AND filing_id = ANY($2::int[])`,
        [runId, page.map((p) => p.filing_id)],
      );
      const rv = new Map(reviews.map((r) => [`${r.filing_id}:${r.finding}`, r]));
      for (const p of page) {
        summary.addRow([p.unit, p.total, p.grade, p.stated_total, p.errors, p.warnings, p.codes.join(' ')]).commit();
        if (p.error) findings.addRow([p.unit, p.error.code, SEVERITY['error'], '', p.error.message.zh, p.error.message.en, '', '']).commit();
        (p.report?.findings ?? []).forEach((f, i) => {
          const r = rv.get(`${p.filing_id}:${i}`);
          findings.addRow([p.unit, f.code, SEVERITY[f.severity] ?? f.severity, f.path.join(' › '), f.message.zh, f.message.en, r?.status ?? '待核实', r?.reason ?? '']).commit();
        });
      }
    }
    summary.commit();
    findings.commit();
    await wb.commit();
  };
  write().catch((e) => out.destroy(e as Error));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
