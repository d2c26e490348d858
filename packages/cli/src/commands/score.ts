// `jixiao score <filing | folder | file.ndjson>`: score one filing (a table or a JSON
// report, exit 0/1/2), or stream a batch, one report per line (exit 2 when any filing
// could not be scored, else 1 when any has errors, else 0).
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import cliProgress from 'cli-progress';
import pc from 'picocolors';
import { hasErrorFindings, importJson, prepareTemplate, scoreFiling, type Filing, type ImportDiagnostic, type PreparedTemplate, type Report } from '@jixiao/engine';
import { causeOf, chooseTemplate, readFiling, type Chosen, type TemplateChoice } from '../filing.ts';
import { failureOf, unreadableFiling } from '../errors.ts';
import { renderReport } from '../report-view.ts';
import { repoPath, shownPath, userPath } from '../paths.ts';
import { t, tr } from '../i18n.ts';
import type { LoadedTemplate } from '../templates.ts';

export interface ScoreOptions extends TemplateChoice {
  json?: boolean;
}

const prepared = new WeakMap<LoadedTemplate, PreparedTemplate>();
function prepare(l: LoadedTemplate): PreparedTemplate {
  let p = prepared.get(l);
  if (!p) {
    p = prepareTemplate(l.checked!);
    prepared.set(l, p);
  }
  return p;
}

export async function scoreOne(path: string, opts: TemplateChoice): Promise<Report> {
  return (await scoreWithTemplate(path, opts)).report;
}

/** Score a filing under a chosen template, naming the template's file and jurisdiction in the report. */
function scoreUnder(chosen: Chosen, filing: Filing, diagnostics: readonly ImportDiagnostic[]): Report {
  return scoreFiling(prepare(chosen.template), filing, diagnostics, { file: repoPath(chosen.template.path), fallbackFrom: chosen.fallbackFrom });
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
  const path = userPath(target);
  const st = statSync(path);
  if (st.isDirectory()) {
    const files = readdirSync(path)
      .filter((f) => FILING_EXT.has(extname(f).toLowerCase()))
      .sort()
      .map((f) => join(path, f));
    return batch(files.length, toAsync(files.map((f) => ({ name: shownPath(f), run: () => scoreOne(f, opts) }))), opts);
  }
  if (extname(path).toLowerCase() === '.ndjson') return batch(null, ndjsonJobs(path, opts), opts);
  const report = await scoreOne(path, opts);
  if (opts.json) process.stdout.write(JSON.stringify(report) + '\n');
  else console.log(renderReport(report, shownPath(path)));
  return hasErrorFindings(report) ? 1 : 0;
}

interface Job {
  name: string;
  run: () => Promise<Report>;
}

async function* toAsync<T>(xs: T[]): AsyncGenerator<T> {
  yield* xs;
}

/** Each line of an NDJSON file is one canonical JSON filing; read as a stream. */
async function* ndjsonJobs(path: string, opts: TemplateChoice): AsyncGenerator<Job> {
  const rl = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (line.trim() === '') continue;
    const lineNo = n;
    yield {
      name: `${shownPath(path)}:${lineNo}`,
      run: async () => {
        const r = importJson(line);
        if (!r.filing) {
          const { cause } = causeOf(r.diagnostics);
          throw unreadableFiling(cause ? { ndjsonLine: lineNo, cause } : { ndjsonLine: lineNo });
        }
        return scoreUnder(chooseTemplate(opts, r.filing), r.filing, r.diagnostics);
      },
    };
  }
}

/** Write one line, waiting when the pipe is full: a slow reader must not make reports pile up in memory. */
async function emit(line: string): Promise<void> {
  if (!process.stdout.write(line + '\n')) await once(process.stdout, 'drain');
}

/** Score jobs one after another; a bad filing yields its own error line and the batch goes on. */
async function batch(count: number | null, jobs: AsyncIterable<Job>, opts: ScoreOptions): Promise<number> {
  const tty = process.stderr.isTTY && !process.env['CI'];
  const progress = tty ? new cliProgress.SingleBar({ format: `{bar} {value}${count ? '/{total}' : ''} {name}`, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : null;
  progress?.start(count ?? 0, 0, { name: '' });
  let done = 0;
  let failed = 0;
  let withErrors = 0;
  const grades = new Map<string, number>();
  for await (const job of jobs) {
    try {
      const r = await job.run();
      if (hasErrorFindings(r)) withErrors++;
      grades.set(r.grade, (grades.get(r.grade) ?? 0) + 1);
      if (opts.json) await emit(JSON.stringify({ file: job.name, ...r }));
      else {
        progress?.stop();
        console.log(renderReport(r, job.name) + '\n');
      }
    } catch (e) {
      failed++;
      const err = failureOf(e);
      if (opts.json) await emit(JSON.stringify({ file: job.name, error: err, findings: [] }));
      else console.error(pc.red(`${job.name}: ${t(err.message)}`));
    }
    done++;
    if (progress) {
      if (count === null) progress.setTotal(done);
      progress.update(done, { name: job.name });
    }
  }
  progress?.stop();
  const dist = [...grades].map(([g, n]) => `${g || '—'} ${n}`).join('，');
  console.error(
    tr(
      `共 ${done} 份：${done - failed} 份已评分（其中 ${withErrors} 份有错误），${failed} 份无法评分；等级分布：${dist || '—'}`,
      `${done} filings: ${done - failed} scored (${withErrors} with errors), ${failed} could not be scored; grades: ${dist || '—'}`,
    ),
  );
  return batchExitCode(failed, withErrors);
}

/** A batch exits 2 when any filing could not be scored (unreadable, invalid), else 1 when any
 * scored filing has error-level findings, else 0: the worse outcome decides. */
export function batchExitCode(failed: number, withErrors: number): number {
  return failed > 0 ? 2 : withErrors > 0 ? 1 : 0;
}
