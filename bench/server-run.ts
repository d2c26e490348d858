// A workspace run at scale: N generated 2023 filings uploaded to `jixiao serve` (the real
// command, in its own process), one run over all of them, timed from POST /api/runs to
// done; the server's peak RSS (VmHWM: main thread and scoring threads) read from /proc.
// Once on PGlite (a temporary data folder) and once on PostgreSQL — a throw-away cluster
// from packages/server/test/pg/with-postgres.sh — skipped with a note when PostgreSQL is
// not installed (the bench does not install it).
//
//   npx tsx bench/server-run.ts [--n 10000] [--backend pglite|postgres]   (one backend, prints a JSON line)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { genFiling, rng, toFilingJson } from './gen.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/jixiao.cjs');

export interface ServerRunResult {
  backend: 'pglite' | 'postgres';
  filings: number;
  uploadSeconds: number;
  runSeconds: number;
  filingsPerSecond: number;
  peakRssMb: number;
}

function peakRssKb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

async function one(backend: 'pglite' | 'postgres', n: number): Promise<ServerRunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  const where = backend === 'postgres' ? ['--db', process.env['JIXIAO_TEST_PG']!] : ['--data', join(dir, 'data')];
  const child = spawn(process.execPath, [BIN, 'serve', ...where, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((res, rej) => {
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) res(m[0]);
      });
      child.on('exit', (c) => rej(new Error(`jixiao serve exited ${c}: ${out}`)));
    });
    const r = rng(11);
    const t0 = performance.now();
    const per = 2000;
    for (let start = 0; start < n; start += per) {
      const files: Record<string, Uint8Array> = {};
      for (let i = start; i < Math.min(n, start + per); i++) files[`u${i}.json`] = new TextEncoder().encode(JSON.stringify(toFilingJson(genFiling(r), i)));
      const fd = new FormData();
      fd.append('files', new File([zipSync(files, { level: 1 })], `part${start}.zip`));
      const up = (await (await fetch(`${url}api/filings`, { method: 'POST', body: fd })).json()) as { stored: number; files: { ok: boolean; error?: unknown }[] };
      if (up.stored !== Math.min(n, start + per) - start) throw new Error(`upload stored ${up.stored}: ${JSON.stringify(up.files.find((f) => !f.ok))}`);
    }
    const uploadSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const run = (await (
      await fetch(`${url}api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ region: '甘肃', year: 2023, form: '部门整体支出' }) })
    ).json()) as { id: number };
    for (;;) {
      const s = (await (await fetch(`${url}api/runs/${run.id}`)).json()) as { status: string; done: number; failed: number };
      if (s.status === 'done' || s.status === 'failed') {
        if (s.done !== n) throw new Error(`the run scored ${s.done} of ${n} (${s.failed} failed)`);
        break;
      }
      await new Promise((res) => setTimeout(res, 50));
    }
    const runSeconds = (performance.now() - t1) / 1000;
    const peakRssMb = peakRssKb(child.pid!) / 1024;
    return { backend, filings: n, uploadSeconds, runSeconds, filingsPerSecond: n / runSeconds, peakRssMb };
  } finally {
    child.kill('SIGTERM');
    await new Promise((res) => child.once('exit', res));
    rmSync(dir, { recursive: true, force: true });
  }
}

const postgresInstalled = () => existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));

/** The bench step: both backends; PostgreSQL skipped with a note when it is not installed. */
export async function serverRunStep(quick: boolean): Promise<{ results: ServerRunResult[]; notes: string[] }> {
  const n = quick ? 2000 : 10_000;
  console.log(`\n## 5. workspace run: \`jixiao serve\`, ${n.toLocaleString('en-US')} filings uploaded, one run (POST /api/runs → done)\n`);
  const results: ServerRunResult[] = [await one('pglite', n)];
  const notes: string[] = [];
  if (postgresInstalled()) {
    const p = spawnSync(
      'bash',
      [join(ROOT, 'packages/server/test/pg/with-postgres.sh'), join(ROOT, 'node_modules/.bin/tsx'), fileURLToPath(import.meta.url), '--backend', 'postgres', '--n', String(n)],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const line = p.stdout.trim().split('\n').pop() ?? '';
    if (p.status === 0 && line.startsWith('{')) results.push(JSON.parse(line) as ServerRunResult);
    else notes.push(`server run on PostgreSQL failed (exit ${p.status})`);
  } else notes.push('server run on PostgreSQL skipped: PostgreSQL is not installed (apt-get install postgresql)');
  console.log(`| backend | filings | upload | run | filings / s | peak RSS |`);
  console.log(`|---|---:|---:|---:|---:|---:|`);
  for (const r of results)
    console.log(
      `| ${r.backend} | ${r.filings.toLocaleString('en-US')} | ${r.uploadSeconds.toFixed(1)} s | ${r.runSeconds.toFixed(1)} s | ${Math.round(r.filingsPerSecond).toLocaleString('en-US')} | ${r.peakRssMb.toFixed(0)} MiB |`,
    );
  for (const note of notes) console.log(`\n${note}`);
  return { results, notes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (k: string) => {
    const i = process.argv.indexOf(k);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const backend = (arg('--backend') ?? 'pglite') as 'pglite' | 'postgres';
  const r = await one(backend, Number(arg('--n') ?? 10_000));
  console.log(JSON.stringify(r));
}
