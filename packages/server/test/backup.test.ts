// jixiao backup / restore: a workspace with templates, filings, a finished run and a review
// is written to one file and restored into an empty database, row for row; a restore into
// a workspace that holds data is refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { backup, restore, TABLES } from '../src/backup.ts';
import { openDb, type Db } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { formOf, freshPgDatabase, PG_URL, rulesDir, waitRun, workspace, type Workspace } from './support.ts';

let w: Workspace;
const dir = mkdtempSync(join(tmpdir(), 'jixiao-backup-'));
let target: Db;
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  w = await workspace();
  const pg = PG_URL ? await freshPgDatabase() : null;
  drop = pg?.drop;
  target = await openDb({ url: pg?.url, dataDir: pg ? undefined : join(dir, 'restored') });
  await migrate(target);
}, 120_000);
afterAll(async () => {
  await w?.close();
  await target?.close();
  await drop?.();
  rmSync(dir, { recursive: true, force: true });
});

it('restores every row of a workspace into an empty one, and refuses a workspace with data', async () => {
  const clean = JSON.parse(readFileSync(`${rulesDir}/甘肃/2023/examples/clean.json`, 'utf8'));
  await w.raw('POST', '/api/filings', {
    body: formOf({ 'seed.tsv': readFileSync(`${rulesDir}/甘肃/2023/examples/seed.tsv`, 'utf8'), 'c.json': JSON.stringify(clean) }, { region: '甘肃' }),
  });
  const run = await w.call('POST', '/api/runs', { region: '甘肃', year: 2023, form: '部门整体支出' });
  await waitRun(w, run.body.id);
  const rep = await w.call('GET', `/api/runs/${run.body.id}/filings/1`);
  await w.call('PUT', `/api/runs/${run.body.id}/filings/1/findings/0/review`, { status: '已确认', reason: '核实无误' });
  const file = join(dir, 'b.jsonl.gz');
  const counts = await backup(w.db, file);
  expect(counts['reports']).toBe(2);
  const back = await restore(target, file);
  for (const t of TABLES) {
    const [a] = await w.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
    const [b] = await target.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
    expect(b!.n, t).toBe(a!.n);
  }
  expect(back['filing_revisions']).toBe(2);
  // the same report, bytes of the original filing, review and published versions
  const [r] = await target.query<{ report: { total: number; findings: unknown[] } }>(`SELECT report FROM reports WHERE run_id = $1 AND filing_id = 1`, [run.body.id]);
  expect(r!.report).toEqual(rep.body.report);
  const [orig] = await target.query<{ content: Uint8Array }>(`SELECT content FROM filing_revisions WHERE filename = 'seed.tsv'`);
  expect(new TextDecoder().decode(orig!.content)).toBe(readFileSync(`${rulesDir}/甘肃/2023/examples/seed.tsv`, 'utf8'));
  const [rv] = await target.query<{ status: string; reason: string }>(`SELECT status, reason FROM finding_reviews`);
  expect(rv).toEqual({ status: '已确认', reason: '核实无误' });
  // new rows after a restore get fresh ids
  const [t] = await target.query<{ id: number }>(`INSERT INTO templates (region, year, form) VALUES ('甘肃', 2030, '项目支出') RETURNING id`);
  const [max] = await w.db.query<{ m: number }>(`SELECT max(id)::int AS m FROM templates`);
  expect(t!.id).toBe(max!.m + 1);
  await expect(restore(target, file)).rejects.toThrow(/empty workspace/);
}, 120_000);
