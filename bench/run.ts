// `pnpm bench [--quick]`: the 2023 template scored by six engines on the same
// generated filings (checked equal before anything is timed), compile-time scaling,
// and an end-to-end CLI batch. Writes bench/results.json.
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
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
const only = (name: string) => !args.some((a) => a.startsWith('--only=')) || args.some((a) => a === `--only=${name}`);

const TEMPLATE_FILE = join(ROOT, 'rules/甘肃/2023/部门整体支出.jx');

function checkSource(src: string): CheckedTemplate {
  const p = parse(src);
  if (p.diagnostics.length) throw new Error(`parse: ${p.diagnostics[0]!.message.en}`);
  const c = checkTemplate(p.ast.templates[0]!);
  if (!c.template) throw new Error(`check: ${c.diagnostics[0]?.message.en}`);
  return c.template;
}

const fmtNs = (ns: number) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
const lpad = (s: string, n: number) => ' '.repeat(Math.max(0, n - [...s].length)) + s;

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
    console.log(`| ${n.toLocaleString('en-US')} | ${src.length.toLocaleString('en-US')} | ${(tp / reps).toFixed(1)} ms | ${(tc / reps).toFixed(1)} ms | ${(tg / reps).toFixed(1)} ms | ${total.toFixed(1)} ms | ${((total * 1000) / n).toFixed(1)} |`);
    cases.push({ name: `generated template · ${n} indicators · parse+check+compile (ns per indicator)`, engine: 'compile', nsPerFiling: Math.round((total * 1e6) / n) });
  }
}

// ─────────────────────────── 3. CLI batch end to end ───────────────────────────
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
  peakRssMb: number;
  lines: number;
}

function runCli(file: string): RunStats {
  const cli = join(ROOT, 'packages/cli/src/main.ts');
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const t0 = performance.now();
  let peakKb = 0;
  let lines = 0;
  if (existsSync('/usr/bin/time')) {
    // as a user runs it: reports to /dev/null (into a pipe the CLI waits for 'drain')
    spawnSync('/bin/sh', ['-c', `/usr/bin/time -v "$0" "$1" score "$2" --json >/dev/null 2>"$3"`, tsx, cli, file, `${file}.time`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '1' } });
    const err = readFileSync(`${file}.time`, 'utf8');
    const m0 = /共 (\d+) 份：(\d+) 份已评分/.exec(err) ?? /(\d+) filings: (\d+) scored/.exec(err);
    lines = m0 ? Number(m0[2]) : 0;
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
    peakKb = m ? Number(m[1]) : 0;
  } else {
    const r = spawnSync(process.execPath, ['-e', `const {spawnSync}=require('child_process');const r=spawnSync(process.argv[1],[process.argv[2],'score',process.argv[3],'--json'],{stdio:['ignore','ignore','ignore']});console.log(process.resourceUsage().maxRSS)`, tsx, cli, file], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '1' } });
    peakKb = Number(r.stdout.trim());
    lines = -1; // not known on this path
  }
  return { seconds: (performance.now() - t0) / 1000, peakRssMb: peakKb / 1024, lines };
}

async function batch(): Promise<void> {
  const dir = join(ROOT, 'test-output/bench');
  mkdirSync(dir, { recursive: true });
  const big = QUICK ? 20_000 : 1_000_000;
  const small = QUICK ? 5_000 : 100_000;
  console.log(`\n## 3. CLI batch: \`jixiao score file.ndjson --json > /dev/null\`\n`);
  console.log(`| filings | file size | wall time | filings / s | µs per filing | peak RSS |`);
  console.log(`|---:|---:|---:|---:|---:|---:|`);
  const stats: RunStats[] = [];
  for (const n of [small, big]) {
    const file = join(dir, `filings-${n}.ndjson`);
    if (!existsSync(file)) await writeNdjson(file, n);
    const s = runCli(file);
    if (s.lines >= 0 && s.lines !== n) throw new Error(`the CLI scored ${s.lines} of ${n} filings`);
    stats.push(s);
    const mb = statSync(file).size / 2 ** 20;
    console.log(`| ${n.toLocaleString('en-US')} | ${mb.toFixed(0)} MiB | ${s.seconds.toFixed(1)} s | ${Math.round(n / s.seconds).toLocaleString('en-US')} | ${((s.seconds * 1e6) / n).toFixed(0)} | ${s.peakRssMb.toFixed(0)} MiB |`);
    cases.push({ name: `CLI score ndjson · ${n} filings (end to end, incl. start-up)`, engine: 'cli', nsPerFiling: Math.round((s.seconds * 1e9) / n) });
  }
  const [a, b] = stats;
  const flat = b!.peakRssMb <= a!.peakRssMb * 1.5 + 20;
  console.log(`\npeak RSS ${a!.peakRssMb.toFixed(0)} MiB at ${small.toLocaleString('en-US')} filings vs ${b!.peakRssMb.toFixed(0)} MiB at ${big.toLocaleString('en-US')}: ${flat ? 'flat ✓ (streams)' : 'GROWS ✗'}`);
  notes.push(`cli peak RSS ${a!.peakRssMb.toFixed(0)} MiB @ ${small}, ${b!.peakRssMb.toFixed(0)} MiB @ ${big}`);
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
  if (only('batch')) await batch();
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
    for (const r of s.results) cases.push({ name: `workspace run · ${r.backend} · ${r.filings} filings (POST /api/runs → done)`, engine: `server-${r.backend}`, nsPerFiling: Math.round((r.runSeconds * 1e9) / r.filings) });
  }
  const out = {
    machine: { nproc: Number(nproc), cpu, node },
    quick: QUICK,
    cases,
    notes,
    ...(load?.result ? { firstLoad: load.result } : {}),
    ...(browser?.result ? { browserLatency: browser.result } : {}),
    ...(serverRuns ? { serverRuns } : {}),
  };
  writeFileSync(join(HERE, 'results.json'), JSON.stringify(out, null, 2) + '\n');
  console.log(`\nwrote bench/results.json`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
