// A run killed with SIGKILL mid-way: after a restart it resumes and finishes, every filing
// has exactly one report, and at no point is a half-written report visible (reports are
// written in the same transaction that marks their items done). Runs the real command,
// `jixiao serve`, on a PGlite data folder (or on PostgreSQL under test:server:pg).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, expect, it } from 'vitest';
import { openDb } from '../src/db/db.ts';
import { freshPgDatabase, PG_URL, repoRoot, rulesDir } from './support.ts';

const bin = join(repoRoot, 'packages/cli/bin/jixiao.cjs');
const dir = mkdtempSync(join(tmpdir(), 'jixiao-kill-'));
const children: ChildProcess[] = [];
let drop: (() => Promise<void>) | null = null;

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await drop?.();
  rmSync(dir, { recursive: true, force: true });
});

function serve(where: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, 'serve', ...where, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((res, rej) => {
    let out = '';
    const t = setTimeout(() => rej(new Error(`serve did not start: ${out}`)), 90_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(t);
        res({ child, url: m[0] });
      }
    });
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => rej(new Error(`serve exited ${code}: ${out}`)));
  });
}

const N = 3000;
const clean = JSON.parse(readFileSync(`${rulesDir}/甘肃/2023/examples/clean.json`, 'utf8'));

it('a run killed with SIGKILL resumes after a restart, one report per filing, none half-written', async () => {
  let where: string[];
  let dbOpts: { url?: string; dataDir?: string };
  if (PG_URL) {
    const fresh = await freshPgDatabase();
    drop = fresh.drop;
    where = ['--db', fresh.url];
    dbOpts = { url: fresh.url };
  } else {
    where = ['--data', join(dir, 'data')];
    dbOpts = { dataDir: join(dir, 'data') };
  }
  const a = await serve(where);
  // N filings of N units, in two zips
  for (const part of [0, 1]) {
    const files: Record<string, Uint8Array> = {};
    for (let i = part * (N / 2); i < (part + 1) * (N / 2); i++) files[`u${i}.json`] = new TextEncoder().encode(JSON.stringify({ ...clean, unit: `单位${i}` }));
    const fd = new FormData();
    fd.append('region', '甘肃');
    fd.append('files', new File([zipSync(files)], `part${part}.zip`));
    const up = (await (await fetch(`${a.url}api/filings`, { method: 'POST', body: fd })).json()) as { stored: number };
    expect(up.stored).toBe(N / 2);
  }
  const run = (await (
    await fetch(`${a.url}api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ region: '甘肃', year: 2023, form: '部门整体支出' }) })
  ).json()) as { id: number };
  // kill it once some but not all filings are scored
  let seen = 0;
  for (let i = 0; i < 2000; i++) {
    const r = (await (await fetch(`${a.url}api/runs/${run.id}`)).json()) as { done: number };
    seen = r.done;
    if (seen > 0) break;
    await new Promise((res) => setTimeout(res, 5));
  }
  a.child.kill('SIGKILL');
  await new Promise((res) => a.child.once('exit', res));
  expect(seen).toBeGreaterThan(0);
  expect(seen).toBeLessThan(N);

  // as the dead process left it: every item marked done has its report, and no report lacks its item
  const db = await openDb(dbOpts);
  const state = async () =>
    (
      await db.query<{ done: number; reports: number; orphans: number; counted: number; status: string }>(
        `SELECT (SELECT count(*)::int FROM run_items WHERE run_id = $1 AND state = 'done') AS done,
                (SELECT count(*)::int FROM reports WHERE run_id = $1) AS reports,
                (SELECT count(*)::int FROM reports p WHERE run_id = $1 AND NOT EXISTS (SELECT 1 FROM run_items i WHERE i.run_id = p.run_id AND i.seq = p.seq AND i.state = 'done')) AS orphans,
                (SELECT done FROM runs WHERE id = $1) AS counted,
                (SELECT status FROM runs WHERE id = $1) AS status`,
        [run.id],
      )
    )[0]!;
  const killed = await state();
  expect(killed.reports).toBe(killed.done);
  expect(killed.orphans).toBe(0);
  expect(killed.counted).toBe(killed.done);
  expect(killed.done).toBeLessThan(N);
  expect(killed.status).toBe('running');
  await db.close();

  // restart: the run resumes and finishes
  const b = await serve(where);
  let final: { status: string; done: number; failed: number; total: number } | null = null;
  for (let i = 0; i < 1200; i++) {
    final = (await (await fetch(`${b.url}api/runs/${run.id}`)).json()) as typeof final;
    if (final!.status === 'done' || final!.status === 'failed') break;
    await new Promise((res) => setTimeout(res, 100));
  }
  expect(final).toMatchObject({ status: 'done', done: N, failed: 0, total: N });
  const table = (await (await fetch(`${b.url}api/runs/${run.id}/filings?limit=1`)).json()) as { total: number };
  expect(table.total).toBe(N);
  const audit = (await (await fetch(`${b.url}api/audit?limit=50`)).json()) as { entries: { action: string; target: string }[] };
  expect(audit.entries.some((e) => e.action === 'run.resume' && e.target === `run:${run.id}`)).toBe(true);
  b.child.kill('SIGTERM');
  await new Promise((res) => b.child.once('exit', res));
}, 300_000);
