// A workspace for a test file: the API app over a fresh database — PGlite in memory, or,
// when JIXIAO_TEST_PG names a PostgreSQL server (test:server:pg), a new database on it
// that is dropped afterwards — seeded from rules/, with the run loop on worker threads.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createApp } from '../src/app.ts';
import { openDb, type Db } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { DEFAULT_LIMITS, type Limits } from '../src/limits.ts';
import { createPool } from '../src/runs/pool.ts';
import { Runner } from '../src/runs/runner.ts';
import { seedFromRules } from '../src/seed.ts';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const rulesDir = `${repoRoot}rules`;
export const PG_URL = process.env['JIXIAO_TEST_PG'];

/** A fresh database URL on the test PostgreSQL server, and how to drop it. */
export async function freshPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `jx_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG_URL!);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: PG_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export interface Workspace {
  db: Db;
  runner: Runner;
  call<T = any>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T; headers: Headers }>;
  raw(method: string, path: string, init?: RequestInit): Promise<Response>;
  openapi(): object;
  close(): Promise<void>;
}

export async function workspace(opts: { limits?: Partial<Limits>; threads?: number } = {}): Promise<Workspace> {
  const pgdb = PG_URL ? await freshPgDatabase() : null;
  const db = await openDb({ url: pgdb?.url });
  await migrate(db);
  await seedFromRules(db, rulesDir);
  const pool = createPool(opts.threads ?? 2);
  const runner = new Runner(db, pool, { pollMs: 100, batch: 16 });
  await runner.start();
  const { app, openapi } = createApp({ db, limits: { ...DEFAULT_LIMITS, ...opts.limits }, runner, playgroundDir: null });
  const raw = async (method: string, path: string, init: RequestInit = {}) => app.request(path, { method, ...init });
  return {
    db,
    runner,
    raw,
    openapi,
    async call(method, path, body, token) {
      const headers: Record<string, string> = {};
      if (token) headers['authorization'] = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await raw(method, path, { headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {}
      return { status: res.status, body: parsed as never, headers: res.headers };
    },
    async close() {
      await runner.stop();
      await pool.close();
      await db.close();
      await pgdb?.drop();
    },
  };
}

/** multipart/form-data of files (name → bytes or text) and fields. */
export function formOf(files: Record<string, string | Uint8Array>, fields: Record<string, string> = {}): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const [name, data] of Object.entries(files)) fd.append('files', new File([typeof data === 'string' ? new TextEncoder().encode(data) : data], name));
  return fd;
}

export async function waitRun(w: Workspace, id: number, timeoutMs = 60_000): Promise<any> {
  const t0 = Date.now();
  for (;;) {
    const r = await w.call('GET', `/api/runs/${id}`);
    if (r.body.status === 'done' || r.body.status === 'failed') return r.body;
    if (Date.now() - t0 > timeoutMs) throw new Error(`run ${id} not done: ${JSON.stringify(r.body)}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}
