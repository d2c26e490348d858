// Scoring threads: a piscina pool sized to the cores. The bundled server finds its
// worker beside it (dist/score-worker.mjs); from the sources, a small entry registers tsx.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ScoreTask, TaskResult } from './task.ts';

export function workerFile(): string {
  for (const rel of ['./score-worker.mjs', '../score-worker.mjs']) {
    const u = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(u))) return u.href;
  }
  return new URL('./worker-dev.mjs', import.meta.url).href;
}

export interface ScorePool {
  threads: number;
  run(task: ScoreTask): Promise<TaskResult[]>;
  close(): Promise<void>;
}

export function createPool(threads = availableParallelism()): ScorePool {
  const pool = new Piscina({ filename: workerFile(), minThreads: 1, maxThreads: threads, idleTimeout: 60_000 });
  return {
    threads,
    run: (task) => pool.run(task) as Promise<TaskResult[]>,
    close: () => pool.destroy(),
  };
}
