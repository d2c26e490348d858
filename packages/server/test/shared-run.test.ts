// Two server processes against one PostgreSQL server share a run: work is claimed with
// FOR UPDATE SKIP LOCKED, so both take part and no filing is scored twice. PostgreSQL only
// (PGlite is one process's database); run by test:server:pg.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { openDb } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { createPool } from '../src/runs/pool.ts';
import { Runner } from '../src/runs/runner.ts';
import { seedFromRules } from '../src/seed.ts';
import { createRun } from '../src/store/runs.ts';
import { storeFiling } from '../src/store/filings.ts';
import { LOCAL_ACTOR } from '../src/auth.ts';
import { freshPgDatabase, PG_URL, rulesDir } from './support.ts';

it.skipIf(!PG_URL)(
  'two processes share one run without scoring a filing twice',
  async () => {
    const fresh = await freshPgDatabase();
    const dbs = [await openDb({ url: fresh.url }), await openDb({ url: fresh.url })];
    try {
      const [a, b] = dbs as [Awaited<ReturnType<typeof openDb>>, Awaited<ReturnType<typeof openDb>>];
      await Promise.all([migrate(a), migrate(b)]);
      await seedFromRules(a, rulesDir);
      const clean = JSON.parse(readFileSync(`${rulesDir}/甘肃/2023/examples/clean.json`, 'utf8'));
      const N = 1000;
      await a.tx(async (q) => {
        for (let i = 0; i < N; i++) {
          const f = { ...clean, unit: `单位${i}` };
          await storeFiling(q, LOCAL_ACTOR, { name: `u${i}.json`, bytes: new TextEncoder().encode(JSON.stringify(f)) }, f, [], {
            region: '甘肃',
            year: 2023,
            form: '部门整体支出',
            unit: f.unit,
          });
        }
      });
      const run = await a.tx((q) => createRun(q, LOCAL_ACTOR, { region: '甘肃', year: 2023, form: '部门整体支出' }));
      const pools = [createPool(1), createPool(1)];
      const runners = [new Runner(a, pools[0]!, { batch: 10, pollMs: 50 }), new Runner(b, pools[1]!, { batch: 10, pollMs: 50 })];
      await Promise.all(runners.map((r) => r.start()));
      for (let i = 0; i < 1200; i++) {
        const r = (await a.query<{ status: string }>(`SELECT status FROM runs WHERE id = $1`, [run.id]))[0]!;
        if (r.status === 'done') break;
        await new Promise((res) => setTimeout(res, 100));
      }
      await Promise.all(runners.map((r) => r.stop()));
      await Promise.all(pools.map((p) => p.close()));
      const [r] = await a.query<{ status: string; done: number }>(`SELECT status, done FROM runs WHERE id = $1`, [run.id]);
      expect(r).toMatchObject({ status: 'done', done: N });
      // each process scored a share, and the shares add up to N exactly: nothing twice
      expect(runners[0]!.scored).toBeGreaterThan(0);
      expect(runners[1]!.scored).toBeGreaterThan(0);
      expect(runners[0]!.scored + runners[1]!.scored).toBe(N);
      const by = await a.query<{ claimed_by: string; n: number }>(`SELECT claimed_by, count(*)::int AS n FROM run_items WHERE run_id = $1 GROUP BY claimed_by`, [run.id]);
      expect(by.map((x) => x.claimed_by).sort()).toEqual([runners[0]!.instanceId, runners[1]!.instanceId].sort());
      expect((await a.query<{ n: number }>(`SELECT count(*)::int AS n FROM reports WHERE run_id = $1`, [run.id]))[0]!.n).toBe(N);
    } finally {
      await Promise.all(dbs.map((d) => d.close()));
      await fresh.drop();
    }
  },
  300_000,
);
