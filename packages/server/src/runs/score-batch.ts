// Score a batch of stored filings under one template: the work of a scoring worker thread
// (worker.ts), also callable in-process. A filing that cannot be scored gets an error
// result; the batch goes on.
import { prepareTemplate, scoreFiling, type Filing, type ImportDiagnostic, type PreparedTemplate } from '@jixiao/engine';
import { checkRecorded } from '../store/library.ts';
import { SERVER_CODES } from '../codes.ts';
import type { RunTemplate, ScoreTask, TaskResult } from './task.ts';

const prepared = new Map<string, PreparedTemplate | null>();

function templateOf(t: RunTemplate): PreparedTemplate | null {
  let p = prepared.get(t.key);
  if (p === undefined) {
    const checked = checkRecorded(t.source, t.parents);
    p = checked ? prepareTemplate(checked) : null;
    if (prepared.size > 50) prepared.clear();
    prepared.set(t.key, p);
  }
  return p;
}

export function scoreBatch(task: ScoreTask): TaskResult[] {
  const p = templateOf(task.template);
  return task.items.map((it) => {
    const base = { seq: it.seq, filingId: it.filingId, revisionId: it.revisionId, unit: it.unit };
    const fail = (code: string, zh: string, en: string): TaskResult => ({
      ...base,
      total: null,
      grade: null,
      statedTotal: null,
      errors: 1,
      warnings: 0,
      codes: code,
      report: null,
      error: JSON.stringify({ code, message: { zh, en } }),
    });
    if (!p) return fail(SERVER_CODES.noTemplate.code, '运行所用的模板无效，无法评分', 'the template of the run does not check; nothing can be scored');
    try {
      const filing = JSON.parse(it.model) as Filing;
      const diags = JSON.parse(it.diagnostics) as ImportDiagnostic[];
      const r = scoreFiling(p, filing, diags, { file: task.template.source.file, fallbackFrom: task.template.fallbackFrom });
      let errors = 0;
      let warnings = 0;
      const codes = new Set<string>();
      for (const f of r.findings) {
        if (f.severity === 'error') errors++;
        else if (f.severity === 'warning') warnings++;
        codes.add(f.code);
      }
      return { ...base, total: r.total, grade: r.grade, statedTotal: r.statedTotal, errors, warnings, codes: [...codes].sort().join(','), report: JSON.stringify(r), error: null };
    } catch (e) {
      return fail(SERVER_CODES.internal.code, `评分时出错：${(e as Error).message}`, `scoring failed: ${(e as Error).message}`);
    }
  });
}
