// `jixiao backup <file>` / `jixiao restore <file>`: a logical copy of the workspace — every
// row of every table as JSON lines, gzip-compressed — read in one consistent snapshot,
// the same for PGlite and PostgreSQL (so a backup of one restores into the other).
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type { Db, Queryable } from './db/db.ts';
import { apiError } from './codes.ts';

/** Tables in an order that keeps every foreign key satisfied on restore (filings.latest_revision is set after the revisions). */
export const TABLES = [
  'users',
  'audit_log',
  'templates',
  'template_versions',
  'rule_files',
  'filings',
  'filing_revisions',
  'runs',
  'run_items',
  'reports',
  'finding_reviews',
  'comments',
] as const;
const KEY: Record<string, string> = { run_items: 'run_id, seq', reports: 'run_id, filing_id', finding_reviews: 'run_id, filing_id, finding', rule_files: 'path' };

export const BACKUP_FORMAT = 'jixiao-backup';

export async function backup(db: Db, file: string): Promise<Record<string, number>> {
  const gz = createGzip();
  const out = createWriteStream(file);
  gz.pipe(out);
  const write = async (line: string) => {
    if (!gz.write(line + '\n')) await once(gz, 'drain');
  };
  const counts: Record<string, number> = {};
  await db.tx(async (q) => {
    if (db.kind === 'postgres') await q.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const schema = (await q.query<{ v: number }>(`SELECT max(version) AS v FROM schema_migrations`))[0]!.v;
    await write(JSON.stringify({ format: BACKUP_FORMAT, version: 1, schema, createdAt: new Date().toISOString() }));
    for (const t of TABLES) {
      counts[t] = 0;
      const key = KEY[t] ?? 'id';
      for (let offset = 0; ; offset += 1000) {
        const rows = await q.query<{ j: string }>(`SELECT row_to_json(x)::text AS j FROM (SELECT * FROM ${t} ORDER BY ${key} LIMIT 1000 OFFSET ${offset}) x`);
        for (const r of rows) await write(`{"t":"${t}","r":${r.j}}`);
        counts[t] += rows.length;
        if (rows.length < 1000) break;
      }
    }
  });
  gz.end();
  await once(out, 'close');
  return counts;
}

/** Restore into an empty (migrated) workspace; refused when it holds templates or filings already. */
export async function restore(db: Db, file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.tx(async (q) => {
    const busy = await q.query(`SELECT 1 FROM templates UNION ALL SELECT 1 FROM filings UNION ALL SELECT 1 FROM users LIMIT 1`);
    if (busy.length)
      throw apiError(
        'exists',
        '只能恢复到空的工作台：请换一个新的数据目录（--data）或新的数据库（--db）',
        'a backup restores into an empty workspace only: use a new data folder (--data) or database (--db)',
      );
    const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    let first = true;
    const latest: [number, number][] = [];
    for await (const line of rl) {
      if (!line) continue;
      const x = JSON.parse(line) as { t?: string; r?: Record<string, unknown>; format?: string };
      if (first) {
        if (x.format !== BACKUP_FORMAT) throw apiError('invalidRequest', `${file} 不是 jixiao 备份文件`, `${file} is not a jixiao backup`);
        first = false;
        continue;
      }
      const t = x.t!;
      if (!(TABLES as readonly string[]).includes(t)) throw apiError('invalidRequest', `备份中有未知的表 ${t}`, `the backup has an unknown table ${t}`);
      const row = { ...x.r! };
      if (t === 'filings' && row['latest_revision'] !== null) {
        latest.push([row['id'] as number, row['latest_revision'] as number]);
        row['latest_revision'] = null;
      }
      if (t === 'run_items' && row['state'] === 'claimed') Object.assign(row, { state: 'pending', claimed_by: null, claimed_at: null });
      await q.query(`INSERT INTO ${t} SELECT * FROM json_populate_record(NULL::${t}, $1::json)`, [JSON.stringify(row)]);
      counts[t] = (counts[t] ?? 0) + 1;
    }
    for (const [id, rev] of latest) await q.query(`UPDATE filings SET latest_revision = $2 WHERE id = $1`, [id, rev]);
    await resetSequences(q);
  });
  return counts;
}

async function resetSequences(q: Queryable): Promise<void> {
  for (const t of TABLES) {
    if (KEY[t]) continue;
    await q.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), greatest(1, coalesce((SELECT max(id) FROM ${t}), 0)), (SELECT count(*) > 0 FROM ${t}))`);
  }
}
