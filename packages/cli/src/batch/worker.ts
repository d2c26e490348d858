// A scoring worker of `jixiao score … --jobs N` (batch/pool.ts): it chooses, loads and
// compiles its own templates, scores the lines it is sent and sends back their outcomes,
// the text the main thread writes. Bundled as dist/score-worker.mjs (build.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import { setLang } from '../i18n.ts';
import { scoreLine, type BatchOptions, type Outcome } from './score-line.ts';

export interface WorkerData {
  opts: BatchOptions;
  /** the NDJSON file as the user sees it */
  file: string;
  lang: string;
}

/** A piece of the file: its lines, by number. */
export interface Task {
  id: number;
  nos: number[];
  texts: string[];
}

export interface Done {
  id: number;
  outcomes: Outcome[];
}

const data = workerData as WorkerData;
setLang(data.lang);
parentPort!.on('message', (task: Task) => {
  const outcomes = new Array<Outcome>(task.texts.length);
  for (let i = 0; i < task.texts.length; i++) outcomes[i] = scoreLine(data.file, task.nos[i]!, task.texts[i]!, data.opts);
  parentPort!.postMessage({ id: task.id, outcomes } satisfies Done);
});
