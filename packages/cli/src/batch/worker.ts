// A scoring worker of `jixiao score … --jobs N` (batch/pool.ts): it chooses, loads and
// compiles its own templates, decodes and scores the lines it is sent, and sends back what
// the main thread writes — with --json the piece's reports as UTF-8 bytes, moved, not
// copied — and what the summary counts of each filing. Bundled as dist/score-worker.mjs
// (build.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import { setLang } from '../i18n.ts';
import { lineText } from './lines.ts';
import { scoreLine, type BatchOptions } from './score-line.ts';
import { BLANK, FAILED, WITH_ERRORS } from './worker-flags.ts';

export interface WorkerData {
  opts: BatchOptions;
  /** the NDJSON file as the user sees it */
  file: string;
  lang: string;
}

/** A piece of the file: consecutive lines, line k being bytes[starts[k], ends[k]), numbered firstNo + k. */
export interface Task {
  id: number;
  bytes: Uint8Array;
  starts: number[];
  ends: number[];
  firstNo: number;
}

export interface Done {
  id: number;
  /** standard output of the piece, the filings' texts in order, as UTF-8; null when `outs` has it */
  out: Uint8Array | null;
  /** each line's standard output and standard error, when some filing has text for standard error (which goes where it falls among them) */
  outs: string[] | null;
  errs: string[] | null;
  /** per line: BLANK (skipped), FAILED, WITH_ERRORS */
  flags: number[];
  /** per line: its grade, null when not scored */
  grades: (string | null)[];
}

const data = workerData as WorkerData;
setLang(data.lang);
const encoder = new TextEncoder();
parentPort!.on('message', (task: Task) => {
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  const n = task.starts.length;
  const outs = new Array<string>(n);
  const errs = new Array<string>(n);
  const flags = new Array<number>(n);
  const grades = new Array<string | null>(n);
  let anyErr = false;
  for (let i = 0; i < n; i++) {
    const text = lineText(bytes, task.starts[i]!, task.ends[i]!);
    if (text.trim() === '') {
      outs[i] = errs[i] = '';
      flags[i] = BLANK;
      grades[i] = null;
      continue;
    }
    const o = scoreLine(data.file, task.firstNo + i, text, data.opts);
    outs[i] = o.out;
    errs[i] = o.err;
    if (o.err !== '') anyErr = true;
    flags[i] = (o.failed ? FAILED : 0) | (o.withErrors ? WITH_ERRORS : 0);
    grades[i] = o.grade;
  }
  if (anyErr) parentPort!.postMessage({ id: task.id, out: null, outs, errs, flags, grades } satisfies Done);
  else {
    // a fresh buffer of its own (TextEncoder never pools): moved to the main thread
    const out = encoder.encode(outs.join(''));
    parentPort!.postMessage({ id: task.id, out, outs: null, errs: null, flags, grades } satisfies Done, [out.buffer]);
  }
});
