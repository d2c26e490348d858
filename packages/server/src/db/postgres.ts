// A PostgreSQL server through `pg`: a pool for queries, one dedicated connection for the
// advisory lock that marks this process alive.
import pg from 'pg';
import { LOCK_SQL, type Db, type Queryable } from './db.ts';

// int8 (count(*), bigserial) as numbers: every id and count here is far below 2^53
pg.types.setTypeParser(20, (v: string) => Number(v));

function wrap(c: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      return (await c.query(sql, params as unknown[])).rows as T[];
    },
  };
}

export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // an idle client that loses its server must not crash the process
  pool.on('error', () => {});
  await pool.query('SELECT 1');
  let lockClient: pg.Client | null = null;
  const base = wrap(pool);
  return {
    kind: 'postgres',
    query: base.query,
    async exec(sql) {
      await pool.query(sql);
    },
    async tx(fn) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const r = await fn(wrap(c));
        await c.query('COMMIT');
        return r;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        c.release();
      }
    },
    async holdLock(key) {
      if (!lockClient) {
        lockClient = new pg.Client({ connectionString: url });
        lockClient.on('error', () => {});
        await lockClient.connect();
      }
      await lockClient.query(LOCK_SQL.take, [key]);
    },
    async lockFree(key) {
      const c = await pool.connect();
      try {
        const r = await c.query<{ free: boolean }>(LOCK_SQL.test, [key]);
        if (r.rows[0]?.free) await c.query(LOCK_SQL.release, [key]);
        return !!r.rows[0]?.free;
      } finally {
        c.release();
      }
    },
    async close() {
      await lockClient?.end().catch(() => {});
      await pool.end();
    },
  };
}
