// One filing of a batch, scored and written out: what the main thread does with --jobs 1,
// and what each worker does with --jobs N (batch/worker.ts). The outcome is the text to
// print, so that the main thread only writes it, in input order, whichever thread made it.
import pc from 'picocolors';
import { hasErrorFindings, importJson, type Report } from '@jixiao/engine';
import { causeOf, chooseTemplate, type TemplateChoice } from '../filing.ts';
import { failureOf, unreadableFiling } from '../errors.ts';
import { renderReport } from '../report-view.ts';
import { t } from '../i18n.ts';
import { scoreUnder } from './prepared.ts';

export interface BatchOptions extends TemplateChoice {
  json?: boolean | undefined;
}

/** What a filing of a batch gives: its output, and what the summary counts. */
export interface Outcome {
  /** for standard output: its JSON line, or its report as a table */
  out: string;
  /** for standard error (a failure, without --json): written where it falls among the reports */
  err: string;
  failed: boolean;
  withErrors: boolean;
  /** the grade, '' when the template gives none; null when not scored */
  grade: string | null;
}

/** The outcome of a scored report, or of a failure (`e`: what was thrown), for a filing named `name`. */
export function outcomeOf(name: string, r: Report | null, e: unknown, opts: BatchOptions): Outcome {
  if (r) {
    const withErrors = hasErrorFindings(r);
    // {"file": name, ...report}: the report's JSON with the name put first, without copying the report
    const out = opts.json ? `{"file":${JSON.stringify(name)},${JSON.stringify(r).slice(1)}\n` : `${renderReport(r, name)}\n\n`;
    return { out, err: '', failed: false, withErrors, grade: r.grade };
  }
  const err = failureOf(e);
  if (opts.json) return { out: `${JSON.stringify({ file: name, error: err, findings: [] })}\n`, err: '', failed: true, withErrors: false, grade: null };
  return { out: '', err: `${pc.red(`${name}: ${t(err.message)}`)}\n`, failed: true, withErrors: false, grade: null };
}

/** Score one line of an NDJSON file (`file` as the user sees it); never throws. */
export function scoreLine(file: string, no: number, text: string, opts: BatchOptions): Outcome {
  const name = `${file}:${no}`;
  try {
    const r = importJson(text);
    if (!r.filing) {
      const { cause } = causeOf(r.diagnostics);
      throw unreadableFiling(cause ? { ndjsonLine: no, cause } : { ndjsonLine: no });
    }
    return outcomeOf(name, scoreUnder(chooseTemplate(opts, r.filing), r.filing, r.diagnostics), null, opts);
  } catch (e) {
    return outcomeOf(name, null, e, opts);
  }
}
