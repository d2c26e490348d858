// The playground's first load in real Chromium: the JS and CSS the first screen (the
// template, the seed filing scored) fetches before it has settled, against the budget of
// 1.5 MB raw; then what editing brings (Monaco, on demand). Bytes are the bodies served
// (raw, not compressed: the built files as they are).
//
//   npx tsx bench/first-load.ts   (also run by `pnpm bench`, before the keystroke latency)
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildPlayground, settledLight, startPlayground, type Hooks } from '../test/browser/harness.ts';
import { CHROMIUM } from './browser-latency.ts';

/** the first screen's JS + CSS may not exceed this many bytes (issue 13) */
export const FIRST_LOAD_BUDGET = 1_500_000;

export interface LoadedFile {
  file: string;
  kind: 'js' | 'css' | 'other';
  bytes: number;
}

export interface FirstLoad {
  what: string;
  budget: number;
  /** JS + CSS of the first screen */
  bytes: number;
  withinBudget: boolean;
  files: LoadedFile[];
  /** fetched when the template is first edited (Monaco and the editor) */
  onEdit: LoadedFile[];
  onEditBytes: number;
}

const kindOf = (url: string): LoadedFile['kind'] => (/\.js(\?|$)/.test(url) ? 'js' : /\.css(\?|$)/.test(url) ? 'css' : 'other');

export async function measureFirstLoad(build = true): Promise<FirstLoad> {
  if (build) await buildPlayground();
  const pg = await startPlayground();
  try {
    const page = await pg.newPage();
    const seen: LoadedFile[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (r) => {
      pending.push(
        r
          .body()
          .then(
            (b) =>
              void seen.push({
                file: r
                  .url()
                  .replace(/^.*\/assets\//, 'assets/')
                  .replace(/^https?:\/\/[^/]+\/$/, 'index.html'),
                kind: kindOf(r.url()),
                bytes: b.length,
              }),
          )
          .catch(() => undefined),
      );
    });
    await page.goto(pg.url);
    await settledLight(page);
    // what the first screen asks for just after it settles (a late stylesheet, a font) is still its own
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all(pending);
    const files = [...seen];
    const bytes = files.filter((f) => f.kind !== 'other').reduce((n, f) => n + f.bytes, 0);
    await page.evaluate(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.loadEditor());
    await Promise.all(pending);
    const onEdit = seen.slice(files.length);
    if (pg.errors.length) throw new Error(`page errors: ${pg.errors.join('; ')}`);
    return {
      what: 'playground in headless Chromium: the JS and CSS fetched until the first screen (2023 template, seed filing) has settled, bodies as served (raw); then what the first edit of the template fetches',
      budget: FIRST_LOAD_BUDGET,
      bytes,
      withinBudget: bytes <= FIRST_LOAD_BUDGET,
      files,
      onEdit,
      onEditBytes: onEdit.filter((f) => f.kind !== 'other').reduce((n, f) => n + f.bytes, 0),
    };
  } finally {
    await pg.close();
  }
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;

export function printFirstLoad(r: FirstLoad): void {
  console.log('| first screen | kind | bytes |');
  console.log('|---|---|---:|');
  for (const f of r.files) console.log(`| ${f.file} | ${f.kind} | ${kb(f.bytes)} |`);
  console.log(`| **JS + CSS** | | **${kb(r.bytes)}** |`);
  console.log(`\nbudget ≤ ${kb(r.budget)}: ${r.withinBudget ? '✓' : '✗ OVER'}`);
  console.log(`\nfetched when the template is first edited (Monaco): ${r.onEdit.map((f) => `${f.file} ${kb(f.bytes)}`).join(', ')} — JS + CSS ${kb(r.onEditBytes)}`);
}

/** The benchmark's step: measured, or skipped with the reason when Chromium is missing. */
export async function firstLoadStep(): Promise<{ result: FirstLoad | null; note: string }> {
  console.log(`\n## Playground first load (Chromium)\n`);
  if (!existsSync(CHROMIUM)) {
    const note = `first load skipped: ${CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk, or run test/browser/ensure-chromium.sh)`;
    console.log(note);
    return { result: null, note };
  }
  const r = await measureFirstLoad();
  printFirstLoad(r);
  return {
    result: r,
    note: `playground first load ${kb(r.bytes)} JS+CSS (budget ${kb(r.budget)}${r.withinBudget ? ', within' : ', OVER'}); Monaco on first edit ${kb(r.onEditBytes)}`,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  firstLoadStep()
    .then(({ result }) => process.exit(result && !result.withinBudget ? 1 : 0))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
