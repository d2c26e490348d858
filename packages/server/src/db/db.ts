// One storage interface over two engines: PGlite (PostgreSQL compiled to WASM, embedded,
// in a data folder) and a PostgreSQL server (`--db postgres://…`, through `pg`). Both run
// the same SQL: the migrations and every query are written once, for PostgreSQL.
//
// Values cross the boundary in one shape whichever engine runs: ids and counts are int4
// (pg returns int8 as strings), jsonb goes in as JSON text cast with ::jsonb (pg turns a
// JS array into a PostgreSQL array, not JSON), bytea comes back as a Uint8Array.

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** several statements without parameters (migrations) */
  exec(sql: string): Promise<void>;
  /** run `fn` in one transaction: committed when it returns, rolled back when it throws */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /**
   * Hold a session-level advisory lock for as long as this process lives: it is released
   * by PostgreSQL when the process dies, which is how other processes tell a dead one's
   * claimed work from a live one's (runs/recover.ts).
   */
  holdLock(key: string): Promise<void>;
  /** whether the lock of `key` is free (its holder died), tested without keeping it */
  lockFree(key: string): Promise<boolean>;
  close(): Promise<void>;
}

/** PostgreSQL's advisory lock keys are integers: hash the text key into two int4s. */
export const LOCK_SQL = {
  take: `SELECT pg_advisory_lock(hashtext('jixiao'), hashtext($1))`,
  test: `SELECT pg_try_advisory_lock(hashtext('jixiao'), hashtext($1)) AS free`,
  release: `SELECT pg_advisory_unlock(hashtext('jixiao'), hashtext($1))`,
};

/** bytea from either driver (pg: Buffer, PGlite: Uint8Array) as a plain Uint8Array. */
export function bytes(x: unknown): Uint8Array {
  if (x instanceof Uint8Array) return new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
  throw new Error('not a bytea value');
}

/** Open the database a `--db` URL names, else PGlite in `dataDir` (in memory without one). */
export async function openDb(opts: { url?: string | undefined; dataDir?: string | undefined }): Promise<Db> {
  if (opts.url) {
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres(opts.url);
  }
  const { openPglite } = await import('./pglite.ts');
  return openPglite(opts.dataDir);
}
