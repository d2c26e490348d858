// `pnpm bench [--quick]`: the 2023 template scored by six engines on the same
// generated filings (checked equal before anything is timed), compile-time scaling,
// an end-to-end CLI batch against its I/O floor (--jobs 1 and 2) with the CLI's start-up,
// and the playground and server steps. Writes bench/results.json.
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, createWriteStream, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { parse } from '@jixiao/language';
import { checkTemplate, compile, interpret, type CheckedTemplate, type EvalInput, type EvalOutput } from '@jixiao/compiler';
import { genFilings, genTemplate, rng, genFiling, toEvalInput, toFilingJson } from './gen.ts';
import { diffScores, scoresOf, type Scores } from './engines/common.ts';
import { scoreHand } from './engines/hand.ts';
import { makeJre } from './engines/jre.ts';
import { makeZen } from './engines/zen.ts';
import { browserLatencyStep } from './browser-latency.ts';
import { serverRunStep, type ServerRunResult } from './server-run.ts';
import { firstLoadStep } from './first-load.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
// --only=batch or --only batch (more than one may be given)
const onlyNames = args.flatMap((a, i) => (a.startsWith('--only=') ? [a.slice('--only='.length)] : a === '--only' && args[i + 1] ? [args[i + 1]!] : []));
const only = (name: string) => onlyNames.length === 0 || onlyNames.includes(name);

const TEMPLATE_FILE = join(ROOT, 'rules/甘肃/2023/部门整体支出.jx');

function checkSource(src: string): CheckedTemplate {
  const p = parse(src);
  if (p.diagnostics.length) throw new Error(`parse: ${p.diagnostics[0]!.message.en}`);
  const c = checkTemplate(p.ast.templates[0]!);
  if (!c.template) throw new Error(`check: ${c.diagnostics[0]?.message.en}`);
  return c.template;
}

interface Case {
  name: string;
  engine: string;
  nsPerFiling: number;
}
const cases: Case[] = [];
const notes: string[] = [];

// ─────────────────────────── 1. engines on the same filings ───────────────────────────
async function engines(): Promise<void> {
  const N = 1000;
  const checked = checkSource(readFileSync(TEMPLATE_FILE, 'utf8'));
  const inputs: EvalInput[] = genFilings(N).map(toEvalInput);
  const rows = inputs.reduce((n, x) => n + x.sections.reduce((m, s) => m + s.length, 0), 0);
  console.log(`\n## 1. 2023 部门整体支出: ${N} generated filings (seed 2023), ${rows} rows, ${(rows / N).toFixed(1)} rows per filing\n`);

  const compiled = compile(checked);
  const explained = compile(checked, { explain: true });
  const jre = makeJre();
  const zen = makeZen();

  // ── every engine must give the same scores on every filing before anything is timed ──
  const sync: Record<string, (x: EvalInput) => Scores> = {
    compiled: (x) => scoresOf(compiled(x)),
    'compiled-explain': (x) => scoresOf(explained(x)),
    interpreter: (x) => scoresOf(interpret(checked, x)),
    'hand-written': (x) => scoresOf(scoreHand(x)),
  };
  const async_: Record<string, (x: EvalInput) => Promise<Scores>> = { 'zen-engine': zen.evaluate, 'json-rules-engine': jre };
  let disagree = 0;
  for (let i = 0; i < N; i++) {
    const ref = sync['compiled']!(inputs[i]!);
    const full: EvalOutput = compiled(inputs[i]!);
    const hand = scoreHand(inputs[i]!);
    if (JSON.stringify(full) !== JSON.stringify(hand)) {
      console.error(`hand-written differs from compiled beyond the scores on filing ${i}`);
      disagree++;
    }
    for (const [name, f] of Object.entries(sync)) {
      const d = diffScores(ref, f(inputs[i]!));
      if (d) {
        console.error(`${name} disagrees with compiled on filing ${i}: ${d}`);
        disagree++;
      }
    }
    for (const [name, f] of Object.entries(async_)) {
      const d = diffScores(ref, await f(inputs[i]!));
      if (d) {
        console.error(`${name} disagrees with compiled on filing ${i}: ${d}`);
        disagree++;
      }
    }
    if (disagree > 10) break;
  }
  if (disagree) {
    console.error(`\nABORT: the engines do not compute the same scores (${disagree} differences); nothing was timed.`);
    process.exit(1);
  }
  console.log(`all 6 engines give the same row, section and total scores and grades on all ${N} filings ✓\n`);

  // ── timing: one task = scoring a batch of filings; ns per filing = mean / batch ──
  const slowN = QUICK ? 50 : 200; // peers: a slice of the same filings
  const bench = new Bench({ time: QUICK ? 400 : 3000, warmupTime: QUICK ? 100 : 500, iterations: QUICK ? 3 : 10, warmupIterations: 2 });
  const per = new Map<string, number>();
  let sink = 0;
  const add = (name: string, n: number, fn: () => unknown) => {
    per.set(name, n);
    bench.add(name, fn);
  };
  add('compiled', N, () => {
    for (let i = 0; i < N; i++) sink += compiled(inputs[i]!).total;
  });
  add('compiled-explain', N, () => {
    for (let i = 0; i < N; i++) sink += explained(inputs[i]!).total;
  });
  add('interpreter', N, () => {
    for (let i = 0; i < N; i++) sink += interpret(checked, inputs[i]!).total;
  });
  add('hand-written', N, () => {
    for (let i = 0; i < N; i++) sink += scoreHand(inputs[i]!).total;
  });
  add('zen-engine', slowN, async () => {
    for (let i = 0; i < slowN; i++) sink += (await zen.evaluate(inputs[i]!)).total;
  });
  add('json-rules-engine', slowN, async () => {
    for (let i = 0; i < slowN; i++) sink += (await jre(inputs[i]!)).total;
  });
  await bench.run();
  zen.dispose();
  if (sink === 42) console.log(''); // keep the results alive

  const ns: Record<string, number> = {};
  for (const t of bench.tasks) {
    const r = t.result as { state: string; latency?: { mean: number }; error?: unknown };
    if (r.state !== 'completed' || !r.latency) throw new Error(`${t.name}: ${r.state} ${String(r.error ?? '')}`);
    ns[t.name] = (r.latency.mean * 1e6) / per.get(t.name)!;
  }
  const base = ns['compiled']!;
  console.log(`| engine | ns per filing | × compiled |`);
  console.log(`|---|---:|---:|`);
  for (const name of ['compiled', 'compiled-explain', 'interpreter', 'hand-written', 'zen-engine', 'json-rules-engine']) {
    const v = ns[name]!;
    cases.push({ name: `2023 部门整体支出 · ${name}`, engine: name, nsPerFiling: Math.round(v) });
    console.log(`| ${name} | ${Math.round(v).toLocaleString('en-US')} | ${(v / base).toFixed(2)} |`);
  }
  const r = (a: string, b: string) => ns[a]! / ns[b]!;
  console.log('\ntargets:');
  const target = (ok: boolean, s: string) => console.log(`  ${ok ? '✓' : '✗'} ${s}`);
  target(r('compiled', 'hand-written') <= 1.2, `compiled ≤ 1.2× hand-written: ${r('compiled', 'hand-written').toFixed(2)}×`);
  target(r('compiled-explain', 'compiled') <= 5, `compiled-explain ≤ 5× compiled: ${r('compiled-explain', 'compiled').toFixed(2)}×`);
  target(r('zen-engine', 'compiled') >= 200, `zen-engine ≥ 200× compiled: ${r('zen-engine', 'compiled').toFixed(0)}×`);
  target(r('json-rules-engine', 'compiled') >= 200, `json-rules-engine ≥ 200× compiled: ${r('json-rules-engine', 'compiled').toFixed(0)}×`);
}

// ─────────────────────────── 2. compile-time scaling ───────────────────────────
function timeIt(fn: () => void, minMs: number, maxRuns: number): number {
  // warm: until the JIT has settled (half the time budget, at least 20 runs)
  const w0 = performance.now();
  for (let i = 0; i < 20 || performance.now() - w0 < minMs / 2; i++) fn();
  let runs = 0;
  const t0 = performance.now();
  let t = t0;
  while (runs < maxRuns && (runs < 3 || t - t0 < minMs)) {
    fn();
    runs++;
    t = performance.now();
  }
  return (t - t0) / runs;
}

function compileScaling(): void {
  console.log(`\n## 2. parse + check + compile\n`);
  const src2023 = readFileSync(TEMPLATE_FILE, 'utf8');
  const full = () => void compile(checkSource(src2023));
  const parts = {
    parse: () => void parse(src2023),
    'parse+check': () => void checkSource(src2023),
  };
  const ms2023 = timeIt(full, QUICK ? 300 : 2000, 100000);
  console.log(`2023 部门整体支出 (${src2023.length} chars): parse+check+compile ${ms2023.toFixed(3)} ms warm (target < 2 ms) ${ms2023 < 2 ? '✓' : '✗'}`);
  for (const [k, f] of Object.entries(parts)) console.log(`  of which ${k}: ${timeIt(f, QUICK ? 200 : 1000, 100000).toFixed(3)} ms`);
  cases.push({ name: '2023 部门整体支出 · parse+check+compile (warm, ns per template)', engine: 'compile', nsPerFiling: Math.round(ms2023 * 1e6) });

  const sizes = QUICK ? [30, 300, 3000] : [30, 300, 3000, 30000];
  console.log(`\n| indicators | chars | parse | check | compile | total | µs per indicator |`);
  console.log(`|---:|---:|---:|---:|---:|---:|---:|`);
  for (const n of sizes) {
    const src = genTemplate(n);
    const reps = n >= 30000 ? 2 : n >= 3000 ? 5 : 20;
    let tp = 0;
    let tc = 0;
    let tg = 0;
    checkSource(src); // warm
    for (let i = 0; i < reps; i++) {
      const a = performance.now();
      const p = parse(src);
      const b = performance.now();
      const c = checkTemplate(p.ast.templates[0]!);
      const d = performance.now();
      compile(c.template!);
      const e = performance.now();
      tp += b - a;
      tc += d - b;
      tg += e - d;
    }
    const total = (tp + tc + tg) / reps;
    console.log(
      `| ${n.toLocaleString('en-US')} | ${src.length.toLocaleString('en-US')} | ${(tp / reps).toFixed(1)} ms | ${(tc / reps).toFixed(1)} ms | ${(tg / reps).toFixed(1)} ms | ${total.toFixed(1)} ms | ${((total * 1000) / n).toFixed(1)} |`,
    );
    cases.push({ name: `generated template · ${n} indicators · parse+check+compile (ns per indicator)`, engine: 'compile', nsPerFiling: Math.round((total * 1e6) / n) });
  }
}

// ─────────────────────────── 3. CLI batch end to end ───────────────────────────
// `jixiao score file.ndjson --json > /dev/null` through the bundled bin, as users run it,
// against the I/O floor of the same file (bench/floor.mjs: read the lines, JSON.parse
// each, JSON.stringify a report-sized object, write), each its own process, side by side.
async function writeNdjson(path: string, n: number): Promise<void> {
  const r = rng(7);
  const out = createWriteStream(path);
  for (let i = 0; i < n; i++) {
    const ok = out.write(JSON.stringify(toFilingJson(genFiling(r), i)) + '\n');
    if (!ok) await new Promise<void>((res) => out.once('drain', () => res()));
  }
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
}

interface RunStats {
  seconds: number;
  /** user + system CPU seconds (every thread), when /usr/bin/time says; NaN when not known */
  cpuSeconds: number;
  peakRssMb: number;
  /** filings the CLI says it scored; -1 when not known */
  lines: number;
}

const BIN = join(ROOT, 'packages/cli/bin/jixiao.cjs');

/** Run `node <args>` with stdout to /dev/null: its wall time, and its peak RSS (with /usr/bin/time, else from a parent's maxRSS). */
function runNode(args: string[], tag: string): RunStats & { stderr: string } {
  const errFile = join(ROOT, `test-output/bench/${tag}.stderr`);
  const t0 = performance.now();
  let peakKb = 0;
  let cpu = NaN;
  let stderr = '';
  if (existsSync('/usr/bin/time')) {
    spawnSync('/bin/sh', ['-c', `/usr/bin/time -v "$@" >/dev/null 2>"${errFile}"`, 'sh', process.execPath, ...args], { cwd: ROOT, env: { ...process.env, CI: '1' } });
    stderr = readFileSync(errFile, 'utf8');
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    peakKb = m ? Number(m[1]) : 0;
    const u = /User time \(seconds\): ([\d.]+)/.exec(stderr);
    const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
    cpu = u && sys ? Number(u[1]) + Number(sys[1]) : NaN;
  } else {
    const r = spawnSync(
      process.execPath,
      [
        '-e',
        `const {spawnSync}=require('child_process');const r=spawnSync(process.execPath,process.argv.slice(1),{stdio:['ignore','ignore','pipe'],env:{...process.env,CI:'1'}});process.stderr.write(r.stderr);console.log(process.resourceUsage().maxRSS)`,
        ...args,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    peakKb = Number(r.stdout.trim());
    stderr = r.stderr;
  }
  const seconds = (performance.now() - t0) / 1000;
  const m0 = /共 (\d+) 份：(\d+) 份已评分/.exec(stderr) ?? /(\d+) filings: (\d+) scored/.exec(stderr);
  return { seconds, cpuSeconds: cpu, peakRssMb: peakKb / 1024, lines: m0 ? Number(m0[2]) : -1, stderr };
}

const runCli = (file: string, jobs: number, tag: string) => runNode([BIN, 'score', file, '--json', '--jobs', String(jobs)], tag);

/** Median wall time of `node <args>`: `jixiao check` on the 2023 template through the bundled bin is the command's start-up. */
function startup(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export interface BatchResult {
  filings: number;
  fileMiB: number;
  floorUs: number;
  jobs1Us: number;
  jobs2Us: number;
  ratio: number;
  /** the same ratio in CPU time: less moved by other processes on a shared machine */
  cpuRatio: number;
  floorRssMb: number;
  jobs1RssMb: number;
  jobs2RssMb: number;
}

async function batch(): Promise<{ startupMs: number; nodeMs: number; runs: BatchResult[]; loadAverage: number[] }> {
  const dir = join(ROOT, 'test-output/bench');
  mkdirSync(dir, { recursive: true });
  const sizes = QUICK ? [5_000, 20_000] : [100_000, 1_000_000];
  console.log(`\n## 3. CLI batch: \`jixiao score file.ndjson --json > /dev/null\` (bundled bin) against the I/O floor\n`);
  // the bundle is rebuilt when a source is newer: not inside a timed run
  spawnSync(process.execPath, [BIN, '--help'], { cwd: ROOT, stdio: 'ignore' });
  const times = QUICK ? 5 : 15;
  const startupMs = startup([BIN, 'check', TEMPLATE_FILE], times);
  const nodeMs = startup(['-e', ''], times);
  console.log(
    `start-up: \`jixiao check rules/甘肃/2023/部门整体支出.jx\` ${startupMs.toFixed(0)} ms wall, median of ${times} (target < 150 ms) ${startupMs < 150 ? '✓' : '✗'}; \`node -e ''\` alone ${nodeMs.toFixed(0)} ms on this machine\n`,
  );
  cases.push({ name: 'CLI start-up · jixiao check 2023 部门整体支出 (wall, ns)', engine: 'cli', nsPerFiling: Math.round(startupMs * 1e6) });

  console.log(
    `floor: bench/floor.mjs reads the same lines, JSON.parses each, JSON.stringifies one of its reports, of their mean size (with the line's name), and writes it, reading and writing as the CLI does\n`,
  );
  console.log(`| filings | file size | floor µs/filing | jobs 1 µs/filing | jobs 1 ÷ floor (wall; CPU) | jobs 2 µs/filing | jobs 1 ÷ jobs 2 | peak RSS floor / jobs 1 / jobs 2 |`);
  console.log(`|---:|---:|---:|---:|---:|---:|---:|---:|`);
  const runs: BatchResult[] = [];
  for (const n of sizes) {
    // named by its first filing, so that a file written by an older generator is not reused
    const first0 = createHash('sha1')
      .update(JSON.stringify(toFilingJson(genFiling(rng(7)), 0)))
      .digest('hex')
      .slice(0, 8);
    const file = join(dir, `filings-${n}-${first0}.ndjson`);
    if (!existsSync(file)) await writeNdjson(file, n);
    // the floor's object: of the CLI's reports of the first 200 filings, the one nearest their mean size
    const first = join(dir, 'first.ndjson');
    const head = Buffer.alloc(4_000_000);
    const fd = openSync(file, 'r');
    const got = readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    writeFileSync(first, head.subarray(0, got).toString('utf8').split('\n').slice(0, 200).join('\n') + '\n');
    const reports = spawnSync(process.execPath, [BIN, 'score', first, '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 })
      .stdout.trim()
      .split('\n');
    const mean = reports.reduce((a, r) => a + Buffer.byteLength(r), 0) / reports.length;
    const typical = reports.reduce((a, r) => (Math.abs(Buffer.byteLength(r) - mean) < Math.abs(Buffer.byteLength(a) - mean) ? r : a));
    const report = join(dir, 'typical-report.json');
    writeFileSync(report, typical + '\n');
    const floor = runNode([join(HERE, 'floor.mjs'), file, report], `floor-${n}`);
    const j1 = runCli(file, 1, `jobs1-${n}`);
    const j2 = runCli(file, 2, `jobs2-${n}`);
    for (const [k, s] of [
      ['jobs 1', j1],
      ['jobs 2', j2],
    ] as const)
      if (s.lines !== n) throw new Error(`${k}: the CLI scored ${s.lines} of ${n} filings\n${s.stderr}`);
    const us = (s: RunStats) => (s.seconds * 1e6) / n;
    const r: BatchResult = {
      filings: n,
      fileMiB: statSync(file).size / 2 ** 20,
      floorUs: us(floor),
      jobs1Us: us(j1),
      jobs2Us: us(j2),
      ratio: us(j1) / us(floor),
      cpuRatio: j1.cpuSeconds / floor.cpuSeconds,
      floorRssMb: floor.peakRssMb,
      jobs1RssMb: j1.peakRssMb,
      jobs2RssMb: j2.peakRssMb,
    };
    runs.push(r);
    console.log(
      `| ${n.toLocaleString('en-US')} | ${r.fileMiB.toFixed(0)} MiB | ${r.floorUs.toFixed(0)} | ${r.jobs1Us.toFixed(0)} | ${r.ratio.toFixed(2)}×; ${r.cpuRatio.toFixed(2)}× | ${r.jobs2Us.toFixed(0)} | ${(r.jobs1Us / r.jobs2Us).toFixed(2)}× | ${r.floorRssMb.toFixed(0)} / ${r.jobs1RssMb.toFixed(0)} / ${r.jobs2RssMb.toFixed(0)} MiB |`,
    );
    cases.push({
      name: `CLI score ndjson · ${n} filings · I/O floor (read, JSON.parse, JSON.stringify a report, write)`,
      engine: 'floor',
      nsPerFiling: Math.round(r.floorUs * 1e3),
    });
    cases.push({ name: `CLI score ndjson · ${n} filings · --jobs 1 (end to end, incl. start-up)`, engine: 'cli', nsPerFiling: Math.round(r.jobs1Us * 1e3) });
    cases.push({ name: `CLI score ndjson · ${n} filings · --jobs 2 (end to end, incl. start-up)`, engine: 'cli-jobs2', nsPerFiling: Math.round(r.jobs2Us * 1e3) });
  }
  const [a, b] = runs;
  // other processes on the machine take cores from a run; say how busy it was
  console.log(
    `\nload average at the end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')} (${cpus().length} cores)`,
  );
  console.log('\ntargets:');
  const target = (ok: boolean, s: string) => console.log(`  ${ok ? '✓' : '✗'} ${s}`);
  for (const r of runs)
    target(
      r.ratio <= 2,
      `${r.filings.toLocaleString('en-US')} filings: jobs 1 within 2× the floor: ${r.ratio.toFixed(2)}× (${r.jobs1Us.toFixed(0)} against ${r.floorUs.toFixed(0)} µs per filing)`,
    );
  target(b!.jobs1Us / b!.jobs2Us >= 1.5, `--jobs 2 scales: ${(b!.jobs1Us / b!.jobs2Us).toFixed(2)}× jobs 1 on ${cpus().length} cores`);
  for (const k of ['jobs1RssMb', 'jobs2RssMb'] as const) {
    const flat = b![k] <= a![k] * 1.5 + 20;
    target(
      flat && b![k] < 300,
      `${k === 'jobs1RssMb' ? 'jobs 1' : 'jobs 2'} peak RSS ${a![k].toFixed(0)} MiB at ${a!.filings.toLocaleString('en-US')} vs ${b![k].toFixed(0)} MiB at ${b!.filings.toLocaleString('en-US')}: ${flat ? 'flat' : 'GROWS'}, < 300 MiB`,
    );
  }
  notes.push(
    `cli start-up ${startupMs.toFixed(0)} ms (node alone ${nodeMs.toFixed(0)} ms); batch ${runs.map((r) => `${r.filings}: floor ${r.floorUs.toFixed(0)} µs, jobs1 ${r.jobs1Us.toFixed(0)} µs (${r.ratio.toFixed(2)}×), jobs2 ${r.jobs2Us.toFixed(0)} µs, RSS ${r.jobs1RssMb.toFixed(0)}/${r.jobs2RssMb.toFixed(0)} MiB`).join('; ')}`,
  );
  return { startupMs, nodeMs, runs, loadAverage: loadavg() };
}

async function main(): Promise<void> {
  const node = process.version;
  const cpu = cpus()[0]?.model ?? '?';
  let nproc = String(cpus().length);
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {}
  console.log(`# jixiao benchmark${QUICK ? ' (--quick)' : ''}\n\nmachine: ${nproc} cores (nproc), ${cpu}, Node ${node}`);
  if (only('engines')) await engines();
  if (only('compile')) compileScaling();
  const batchResult = only('batch') ? await batch() : null;
  // the playground in Chromium, last: its first load (bench/first-load.ts) and keystroke
  // latency (bench/browser-latency.ts); skipped with a note when Chromium is missing
  const load = only('browser') ? await firstLoadStep() : null;
  if (load) notes.push(load.note);
  const browser = only('browser') ? await browserLatencyStep(QUICK) : null;
  if (browser) notes.push(browser.note);
  // the workspace server: a run over 10,000 stored filings, on PGlite and on PostgreSQL (bench/server-run.ts)
  let serverRuns: ServerRunResult[] | null = null;
  if (only('server')) {
    const s = await serverRunStep(QUICK);
    serverRuns = s.results;
    notes.push(...s.notes);
    for (const r of s.results)
      cases.push({
        name: `workspace run · ${r.backend} · ${r.filings} filings (POST /api/runs → done)`,
        engine: `server-${r.backend}`,
        nsPerFiling: Math.round((r.runSeconds * 1e9) / r.filings),
      });
  }
  const out = {
    machine: { nproc: Number(nproc), cpu, node },
    quick: QUICK,
    cases,
    notes,
    ...(load?.result ? { firstLoad: load.result } : {}),
    ...(browser?.result ? { browserLatency: browser.result } : {}),
    ...(serverRuns ? { serverRuns } : {}),
    ...(batchResult ? { batch: batchResult } : {}),
  };
  writeFileSync(join(HERE, 'results.json'), JSON.stringify(out, null, 2) + '\n');
  console.log(`\nwrote bench/results.json`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
