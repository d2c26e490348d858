// Keystroke latency of the playground in real Chromium: build and serve the playground
// (test/browser/harness.ts), type into a rule's formula at a person's pace, and read the
// page's own performance measures:
//   jx-keystroke-markers  edit → worker parse/check/score → setModelMarkers → next frame
//   jx-keystroke-score    edit → the score panel's DOM holds the analysis of that edit
// Both include the 60 ms debounce of the analysis client. Prints median / p95 / max.
//
//   npx tsx bench/browser-latency.ts [--quick] [--write]   (also run at the end of `pnpm bench`;
//   --write adds the figures to bench/results.json and leaves the rest of it alone)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPlayground, repoRoot, settled, startPlayground, type Hooks } from '../test/browser/harness.ts';

export const CHROMIUM = '/usr/bin/chromium';

export interface LatencyStats {
  samples: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export interface BrowserLatency {
  what: string;
  keystrokes: number;
  delayMs: number;
  markers: LatencyStats;
  score: LatencyStats;
  /** worker time (parse + check + score) of the last analysis */
  lastWorkerMs: number | null;
}

function stats(xs: number[]): LatencyStats {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  const r = (x: number) => Math.round(x * 10) / 10;
  return { samples: s.length, medianMs: r(q(0.5)), p95Ms: r(q(0.95)), maxMs: r(s[s.length - 1] ?? NaN) };
}

/** The formula typed into, at the end of its line: 正向's not-met branch `否则 权重 * min(实际 / 目标, 1)`. */
const FORMULA = '否则 权重 * min(实际 / 目标, 1)';

export async function measureBrowserLatency(keystrokes: number, delayMs = 120): Promise<BrowserLatency> {
  await buildPlayground();
  const pg = await startPlayground();
  try {
    const page = await pg.newPage();
    await page.goto(pg.url);
    await settled(page);
    const template = readFileSync(join(repoRoot, 'rules/甘肃/2023/部门整体支出.jx'), 'utf8').split('\n');
    const i = template.findIndex((l) => l.includes(FORMULA));
    await page.evaluate(
      (at) => {
        const j = (globalThis as unknown as { __jixiao: Hooks }).__jixiao;
        j.editor.focus();
        j.editor.setPosition(at);
        j.editor.revealLineInCenter(at.lineNumber);
      },
      { lineNumber: i + 1, column: template[i]!.length + 1 },
    );
    // ' + 0' repeated: every other state is a syntax error, the rest score; both are analysed
    const text = ' + 0'.repeat(Math.ceil(keystrokes / 4)).slice(0, keystrokes);
    // one key at a time: the page reacts to each before the next arrives
    await page.keyboard.type(text, { delay: delayMs });
    await settled(page);
    // let the last frame's measure land
    await page.evaluate(() => {
      const raf = (globalThis as unknown as { requestAnimationFrame(cb: () => void): void }).requestAnimationFrame;
      return new Promise<void>((r) => raf(() => raf(() => r())));
    });
    const read = (name: string) =>
      page.evaluate(
        (n) => (globalThis as unknown as { performance: { getEntriesByName(n: string): { duration: number }[] } }).performance.getEntriesByName(n).map((e) => e.duration),
        name,
      );
    const markers = await read('jx-keystroke-markers');
    const score = await read('jx-keystroke-score');
    const lastWorkerMs = await page.evaluate(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.workerMs());
    if (pg.errors.length) throw new Error(`page errors: ${pg.errors.join('; ')}`);
    return {
      what: 'playground in headless Chromium, 2023 template, seed filing; typing " + 0" into a rule formula one key at a time; performance measures jx-keystroke-markers (edit → markers set → next frame) and jx-keystroke-score (edit → score panel DOM updated), 60 ms debounce included',
      keystrokes: text.length,
      delayMs,
      markers: stats(markers),
      score: stats(score),
      lastWorkerMs: lastWorkerMs === null ? null : Math.round(lastWorkerMs * 10) / 10,
    };
  } finally {
    await pg.close();
  }
}

export function printLatency(r: BrowserLatency): void {
  console.log(`${r.keystrokes} keystrokes, ${r.delayMs} ms apart (60 ms debounce included in every figure)\n`);
  console.log('| measure | samples | median | p95 | max |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, s] of [
    ['keystroke → markers visible (jx-keystroke-markers)', r.markers],
    ['keystroke → score table updated (jx-keystroke-score)', r.score],
  ] as const)
    console.log(`| ${name} | ${s.samples} | ${s.medianMs} ms | ${s.p95Ms} ms | ${s.maxMs} ms |`);
  if (r.lastWorkerMs !== null) console.log(`\nworker (parse + check + score) on the last keystroke: ${r.lastWorkerMs} ms`);
}

/** The benchmark's step: measured, or skipped with the reason when Chromium is missing. */
export async function browserLatencyStep(quick: boolean): Promise<{ result: BrowserLatency | null; note: string }> {
  console.log(`\n## Playground keystroke latency (Chromium)\n`);
  if (!existsSync(CHROMIUM)) {
    const note = `browser latency skipped: ${CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk, or run test/browser/ensure-chromium.sh)`;
    console.log(note);
    return { result: null, note };
  }
  const r = await measureBrowserLatency(quick ? 16 : 60);
  printLatency(r);
  return {
    result: r,
    note: `browser keystroke → markers median ${r.markers.medianMs} ms, p95 ${r.markers.p95Ms} ms; → score table median ${r.score.medianMs} ms, p95 ${r.score.p95Ms} ms (${r.keystrokes} keystrokes)`,
  };
}

/** Add the figures to bench/results.json as an extra field, leaving everything else as it is. */
export function mergeIntoResults(r: BrowserLatency, quick: boolean): void {
  const file = join(repoRoot, 'bench', 'results.json');
  const out = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  out['browserLatency'] = { ...r, quick };
  writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  console.log('\nadded browserLatency to bench/results.json');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const quick = process.argv.includes('--quick');
  browserLatencyStep(quick)
    .then(({ result }) => {
      if (result && process.argv.includes('--write')) mergeIntoResults(result, quick);
      process.exit(0);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
