// `--jobs N`: N worker threads score the lines of an NDJSON file while the main thread
// reads the file and writes the outcomes in input order (one output line per input line,
// as with --jobs 1). Work in flight is bounded — at most two pieces per worker — so that
// memory stays flat however long the file and however slow the reader of the output.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Done, Task, WorkerData } from './worker.ts';

/** Where the worker's code is: beside the bundle (dist/score-worker.mjs), or the source under tsx. */
function workerEntry(): { file: URL } | { code: string } {
  const here = import.meta.url;
  if (/\.ts(?:$|\?)/.test(here)) {
    // from the sources (tests run the command through tsx): a worker does not inherit tsx's
    // loader, so the worker loads it itself and imports the TypeScript entry through it
    const entry = new URL('./worker.ts', here).href;
    const tsx = import.meta.resolve('tsx/esm/api');
    return { code: `import(${JSON.stringify(tsx)}).then((m) => m.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))` };
  }
  // the bundle: this code is in dist/commands/score.cjs, the worker in dist/
  for (const rel of ['./score-worker.mjs', '../score-worker.mjs']) {
    const file = new URL(rel, here);
    if (existsSync(file)) return { file };
  }
  throw new Error(`score-worker.mjs is missing beside ${here}: rebuild with node packages/cli/build.mjs`);
}

interface Slot {
  worker: Worker;
  inFlight: number;
}

export class Pool {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, { slot: Slot; resolve: (d: Done) => void; reject: (e: unknown) => void }>();
  private nextId = 0;
  private broken: Error | null = null;

  constructor(n: number, data: WorkerData) {
    const entry = workerEntry();
    for (let i = 0; i < n; i++) {
      // the language and the colours (picocolors reads argv and the terminal) as in the main thread
      const options = { workerData: data, argv: process.argv.slice(2) };
      const worker = 'file' in entry ? new Worker(entry.file, options) : new Worker(entry.code, { ...options, eval: true });
      const slot: Slot = { worker, inFlight: 0 };
      worker.on('message', (m: Done) => {
        const w = this.waiting.get(m.id);
        if (!w) return;
        this.waiting.delete(m.id);
        slot.inFlight--;
        w.resolve(m);
      });
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (code !== 0 || this.waiting.size > 0) this.fail(new Error(`a scoring worker stopped (exit code ${code})`));
      });
      this.slots.push(slot);
    }
  }

  /** Pieces a caller may have in flight before it waits for the first: two per worker. */
  get window(): number {
    return this.slots.length * 2;
  }

  /** Score these lines (task without its id: their bytes are moved to the worker) on the least busy worker. */
  score(task: Omit<Task, 'id'>): Promise<Done> {
    if (this.broken) return Promise.reject(this.broken);
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.inFlight < slot.inFlight) slot = s;
    const id = this.nextId++;
    slot.inFlight++;
    const done = new Promise<Done>((resolve, reject) => {
      this.waiting.set(id, { slot, resolve, reject });
      slot.worker.postMessage({ id, ...task } satisfies Task, [task.bytes.buffer as ArrayBuffer]);
    });
    // a piece that fails while earlier ones are still being written is awaited later, in its turn
    done.catch(() => {});
    return done;
  }

  private fail(e: unknown): void {
    this.broken ??= e instanceof Error ? e : new Error(String(e));
    for (const w of this.waiting.values()) w.reject(this.broken);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const s of slots) s.worker.removeAllListeners('exit');
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
