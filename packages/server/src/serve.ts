// `jixiao serve`: one Node process serving the playground and the API over one database
// (PGlite in a data folder by default, or PostgreSQL with --db). Binds 127.0.0.1 unless
// told otherwise, and refuses any other address while no users are configured.
import { isIP } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { openDb, type Db } from './db/db.ts';
import { migrate } from './db/migrate.ts';
import { hasUsers } from './auth.ts';
import { createApp } from './app.ts';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import { createPool, type ScorePool } from './runs/pool.ts';
import { Runner, type RunnerOptions } from './runs/runner.ts';
import { seedFromRules } from './seed.ts';
import { apiError } from './codes.ts';

export interface ServeOptions {
  /** postgres://… ; absent: PGlite in `data` */
  db?: string | undefined;
  /** the PGlite data folder; absent (and no db): in memory */
  data?: string | undefined;
  host?: string | undefined;
  port?: number | undefined;
  /** the built playground; null: API only */
  playgroundDir?: string | null | undefined;
  /** the rule library an empty workspace starts with */
  rulesDir?: string | null | undefined;
  threads?: number | undefined;
  limits?: Partial<Limits> | undefined;
  runner?: RunnerOptions | false | undefined;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  runner: Runner | null;
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '[::1]';
}

export async function startServer(opts: ServeOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const db = await openDb({ url: opts.db, dataDir: opts.data });
  let pool: ScorePool | null = null;
  let runner: Runner | null = null;
  let server: ServerType | null = null;
  try {
    await migrate(db);
    if (!isLoopback(host) && !(await hasUsers(db)))
      throw apiError(
        'unsafeHost',
        `未配置用户时只能在本机地址（127.0.0.1）上启动，拒绝在 ${host} 上启动：先用 jixiao user add <用户名> --role <编辑|审核|只读> 添加用户`,
        `without users the server starts on a loopback address (127.0.0.1) only; refusing ${host}: add users first with jixiao user add <name> --role <编辑|审核|只读>`,
      );
    if (opts.rulesDir) await seedFromRules(db, opts.rulesDir);
    if (opts.runner !== false) {
      pool = createPool(opts.threads);
      runner = new Runner(db, pool, opts.runner ?? {});
      await runner.start();
    }
    const { app } = createApp({ db, limits: { ...DEFAULT_LIMITS, ...opts.limits }, runner, playgroundDir: opts.playgroundDir ?? null });
    const port = await new Promise<number>((res, rej) => {
      server = serve({ fetch: app.fetch, hostname: host, port: opts.port ?? 8080 }, (info) => res(info.port));
      server.once('error', rej);
    });
    const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
    return {
      url: `http://${shown}:${port}/`,
      port,
      db,
      runner,
      async close() {
        await new Promise<void>((res) => (server ? server.close(() => res()) : res()));
        await runner?.stop();
        await pool?.close();
        await db.close();
      },
    };
  } catch (e) {
    await runner?.stop().catch(() => {});
    await pool?.close().catch(() => {});
    await db.close().catch(() => {});
    throw e;
  }
}
