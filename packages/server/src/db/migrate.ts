// Versioned migrations: migrations/NNN_name.sql, applied in order at start, each in its
// own transaction and recorded in schema_migrations. An advisory transaction lock makes
// two processes that start together against one PostgreSQL server apply each file once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';

/** Where the .sql files are: beside this module in the sources, dist/migrations in the bundle (this code may sit in dist/ or dist/chunks/). */
export const MIGRATIONS_DIR =
  ['./migrations/', '../migrations/'].map((p) => fileURLToPath(new URL(p, import.meta.url))).find((d) => existsSync(d)) ?? fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(`${dir}/${f}`, 'utf8') }));
}

/** Apply the migrations not yet applied; returns the names applied now. */
export async function migrate(db: Db, migrations = readMigrations()): Promise<string[]> {
  // under the lock too: two processes starting together would both try to create it
  await db.tx(async (q) => {
    await q.query(`SELECT pg_advisory_xact_lock(hashtext('jixiao'), hashtext('migrate'))`);
    await q.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  const applied: string[] = [];
  for (const m of migrations) {
    const did = await db.tx(async (q) => {
      await q.query(`SELECT pg_advisory_xact_lock(hashtext('jixiao'), hashtext('migrate'))`);
      const seen = await q.query(`SELECT 1 FROM schema_migrations WHERE version = $1`, [m.version]);
      if (seen.length > 0) return false;
      // statement by statement: a prepared statement holds one command
      for (const stmt of splitSql(m.sql)) await q.query(stmt);
      await q.query(`INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
      return true;
    });
    if (did) applied.push(m.name);
  }
  return applied;
}

/** Split a migration into statements at top-level semicolons (not inside $$ bodies, quotes or comments). */
export function splitSql(sql: string): string[] {
  const out: string[] = [];
  let cur = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
      cur += '\n';
      continue;
    }
    if (sql.startsWith('$$', i)) {
      const end = sql.indexOf('$$', i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      cur += sql.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === "'" && sql[j + 1] !== "'")) j += sql[j] === "'" ? 2 : 1;
      cur += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === ';') {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
      i++;
      continue;
    }
    cur += ch;
    i++;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}
