// `jixiao score <filing | folder | file.ndjson>`: score one filing (a table or a JSON
// report, exit 0/1/2), or stream a batch, one report per line (exit 2 when any filing
// could not be scored, else 1 when any has errors, else 0). An NDJSON file is read in
// large chunks, without a promise per line (batch/); with --jobs N, N worker threads score
// it and the reports keep the order of the lines.
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import cliProgress from 'cli-progress';
import { hasErrorFindings, type Report } from '@jixiao/engine';
import { causeOf, chooseTemplate, readFiling, type TemplateChoice } from '../filing.ts';
import { unreadableFiling, userError } from '../errors.ts';
import { renderReport } from '../report-view.ts';
import { shownPath, userPath } from '../paths.ts';
import { lang, tr } from '../i18n.ts';
import type { LoadedTemplate } from '../templates.ts';
import { lineText, readLineChunks } from '../batch/lines.ts';
import { Output } from '../batch/output.ts';
import { outcomeOf, scoreLine, type BatchOptions, type Outcome } from '../batch/score-line.ts';
import { scoreUnder } from '../batch/prepared.ts';
import type { Done } from '../batch/worker.ts';

export interface ScoreOptions extends TemplateChoice {
  json?: boolean;
  /** --jobs: worker threads for an NDJSON batch; a count, or 0 / auto for every core */
  jobs?: string;
}

/** The most --jobs takes: beyond the cores of any machine jixiao runs on, threads only cost memory. */
export const MAX_JOBS = 256;

/** --jobs as a number of threads: 1 by default; 0 and auto are the cores available. */
export function parseJobs(given: string | undefined): number {
  if (given === undefined) return 1;
  const v = given.trim();
  if (v === 'auto' || v === '0') return availableParallelism();
  if (/^\d+$/.test(v) && Number(v) <= MAX_JOBS) return Number(v);
  throw userError('invalidOption', {
    option: '--jobs',
    value: given,
    expected: {
      zh: `应为 1 到 ${MAX_JOBS} 的整数，或 0、auto（使用全部处理器核）`,
      en: `give a whole number from 1 to ${MAX_JOBS}, or 0 or auto (every core)`,
    },
  });
}

export async function scoreOne(path: string, opts: TemplateChoice): Promise<Report> {
  return (await scoreWithTemplate(path, opts)).report;
}

/** Score a filing file and say which template scored it (explain shows the rule's source). */
export async function scoreWithTemplate(path: string, opts: TemplateChoice): Promise<{ report: Report; template: LoadedTemplate }> {
  const { filing, diagnostics } = await readFiling(path);
  if (!filing) {
    throw unreadableFiling({ file: shownPath(path), ...causeOf(diagnostics) });
  }
  const chosen = chooseTemplate(opts, filing, path);
  return { report: scoreUnder(chosen, filing, diagnostics), template: chosen.template };
}

const FILING_EXT = new Set(['.tsv', '.txt', '.json', '.xlsx']);

export async function scoreCommand(target: string, opts: ScoreOptions): Promise<number> {
  const jobs = parseJobs(opts.jobs);
  const path = userPath(target);
  const st = statSync(path);
  if (st.isDirectory()) {
    const files = readdirSync(path)
      .filter((f) => FILING_EXT.has(extname(f).toLowerCase()))
      .sort()
      .map((f) => join(path, f));
    return folderBatch(files, opts);
  }
  if (extname(path).toLowerCase() === '.ndjson') return ndjsonBatch(path, opts, jobs);
  const report = await scoreOne(path, opts);
  if (opts.json) process.stdout.write(JSON.stringify(report) + '\n');
  else console.log(renderReport(report, shownPath(path)));
  return hasErrorFindings(report) ? 1 : 0;
}

/** What a batch counts, shows progress of and says at the end. */
class Tally {
  private done = 0;
  private failed = 0;
  private withErrors = 0;
  private readonly grades = new Map<string, number>();
  private readonly progress: cliProgress.SingleBar | null;

  constructor(
    private readonly count: number | null,
    private readonly output: Output,
    private readonly opts: BatchOptions,
  ) {
    const tty = process.stderr.isTTY && !process.env['CI'];
    this.progress = tty
      ? new cliProgress.SingleBar({ format: `{bar} {value}${count ? '/{total}' : ''} {name}`, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic)
      : null;
    this.progress?.start(count ?? 0, 0, { name: '' });
  }

  /** Count a filing's outcome and write its text; true when the caller must await the output's drained(). */
  add(name: string, o: Outcome): boolean {
    this.tally(name, o.failed, o.withErrors, o.grade, o.out !== '');
    this.output.err(o.err);
    return this.output.out(o.out);
  }

  /** Count a filing (its text is written by the caller); `name` is read only for the progress bar. */
  tally(name: string | (() => string), failed: boolean, withErrors: boolean, grade: string | null, hasOut: boolean): void {
    if (failed) this.failed++;
    else {
      if (withErrors) this.withErrors++;
      this.grades.set(grade!, (this.grades.get(grade!) ?? 0) + 1);
    }
    this.done++;
    if (this.progress) {
      // a report as a table replaces the progress bar (it would overwrite the table)
      if (!this.opts.json && hasOut) this.progress.stop();
      if (this.count === null) this.progress.setTotal(this.done);
      this.progress.update(this.done, { name: typeof name === 'string' ? name : name() });
    }
  }

  /** Say how the batch went; its exit code. */
  end(): number {
    this.progress?.stop();
    const dist = [...this.grades].map(([g, n]) => `${g || '—'} ${n}`).join('，');
    const { done, failed, withErrors } = this;
    console.error(
      tr(
        `共 ${done} 份：${done - failed} 份已评分（其中 ${withErrors} 份有错误），${failed} 份无法评分；等级分布：${dist || '—'}`,
        `${done} filings: ${done - failed} scored (${withErrors} with errors), ${failed} could not be scored; grades: ${dist || '—'}`,
      ),
    );
    return batchExitCode(failed, withErrors);
  }
}

/** Score the filings of a folder one after another; a bad filing yields its own error line and the batch goes on. */
async function folderBatch(files: string[], opts: ScoreOptions): Promise<number> {
  const output = new Output();
  const tally = new Tally(files.length, output, opts);
  for (const f of files) {
    const name = shownPath(f);
    let o: Outcome;
    try {
      o = outcomeOf(name, await scoreOne(f, opts), null, opts);
    } catch (e) {
      o = outcomeOf(name, null, e, opts);
    }
    if (tally.add(name, o)) await output.drained();
  }
  await output.flush();
  return tally.end();
}

/**
 * Score each line of an NDJSON file (one canonical JSON filing per line; blank lines are
 * skipped but counted, so that each report names its line), on this thread or on `jobs`
 * worker threads; the reports are written in the order of the lines either way.
 */
async function ndjsonBatch(path: string, opts: ScoreOptions, jobs: number): Promise<number> {
  const file = shownPath(path);
  const batchOpts: BatchOptions = { year: opts.year, form: opts.form, rules: opts.rules, region: opts.region, json: opts.json };
  const output = new Output();
  const tally = new Tally(null, output, opts);
  if (jobs <= 1) {
    for await (const { bytes, starts, ends, firstNo } of readLineChunks(path))
      for (let i = 0; i < starts.length; i++) {
        const text = lineText(bytes, starts[i]!, ends[i]!);
        if (text.trim() !== '' && tally.add(`${file}:${firstNo + i}`, scoreLine(file, firstNo + i, text, batchOpts))) await output.drained();
      }
  } else {
    const { Pool } = await import('../batch/pool.ts');
    const { BLANK, FAILED, WITH_ERRORS } = await import('../batch/worker-flags.ts');
    const pool = new Pool(jobs, { opts: batchOpts, file, lang: lang() });
    // pieces of this many lines go to a worker: large enough that messages cost little, small enough to share the work
    const PIECE = 32;
    const inFlight: { firstNo: number; done: Promise<Done> }[] = [];
    const writeFirst = async () => {
      const { firstNo, done } = inFlight.shift()!;
      const d = await done;
      for (let i = 0; i < d.flags.length; i++) {
        const f = d.flags[i]!;
        if (f & BLANK) continue;
        const no = firstNo + i;
        tally.tally(() => `${file}:${no}`, (f & FAILED) !== 0, (f & WITH_ERRORS) !== 0, d.grades[i]!, d.out !== null ? d.out.length > 0 : d.outs![i] !== '');
        // a failure said on standard error goes where it falls among the reports
        if (d.outs) {
          output.err(d.errs![i]!);
          if (output.out(d.outs[i]!)) await output.drained();
        }
      }
      if (d.out !== null && output.bytes(d.out)) await output.drained();
    };
    try {
      for await (const { bytes, starts, ends, firstNo } of readLineChunks(path)) {
        for (let i = 0; i < starts.length; i += PIECE) {
          const j = Math.min(i + PIECE, starts.length);
          const from = starts[i]!;
          // the piece's bytes, copied out of the chunk (which is not moved): moved to the worker
          const piece = new Uint8Array(bytes.subarray(from, ends[j - 1]!));
          inFlight.push({
            firstNo: firstNo + i,
            done: pool.score({ bytes: piece, starts: starts.slice(i, j).map((x) => x - from), ends: ends.slice(i, j).map((x) => x - from), firstNo: firstNo + i }),
          });
          while (inFlight.length >= pool.window) await writeFirst();
        }
      }
      while (inFlight.length > 0) await writeFirst();
    } finally {
      await pool.close();
    }
  }
  await output.flush();
  return tally.end();
}

/** A batch exits 2 when any filing could not be scored (unreadable, invalid), else 1 when any
 * scored filing has error-level findings, else 0: the worse outcome decides. */
export function batchExitCode(failed: number, withErrors: number): number {
  return failed > 0 ? 2 : withErrors > 0 ? 1 : 0;
}
