// The embedded engine: PGlite in a data folder (one process owns it), or in memory.
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { LOCK_SQL, type Db, type Queryable } from './db.ts';

function wrap(q: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      return (await q.query<T>(sql, params as unknown[])).rows;
    },
  };
}

export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = new PGlite(dataDir);
  await pg.waitReady;
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    async exec(sql) {
      await pg.exec(sql);
    },
    tx: (fn) => pg.transaction((t) => fn(wrap(t))),
    async holdLock(key) {
      await pg.query(LOCK_SQL.take, [key]);
    },
    async lockFree(key) {
      // one connection: a lock this process holds reads as free here, so callers never ask about their own
      const r = await pg.query<{ free: boolean }>(LOCK_SQL.test, [key]);
      if (r.rows[0]?.free) await pg.query(LOCK_SQL.release, [key]);
      return !!r.rows[0]?.free;
    },
    async close() {
      await pg.close();
    },
  };
}
