// Accessibility of every tab, checked by axe-core in Chromium (its source injected into
// the page): no serious or critical violation, in either language, with the light view of
// the template and with Monaco, with the guided start and a code's explanation open.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outDir, playgroundRoot, settled, settledLight, startPlayground, type Page, type Playground } from './harness.ts';

const axeSource = readFileSync(createRequire(join(playgroundRoot, 'package.json')).resolve('axe-core/axe.min.js'), 'utf8');

let pg: Playground;
/** every violation axe found, by state and impact (written to test-output/browser/axe.json) */
const summary: Record<string, Record<string, string[]>> = {};
let state = 'first screen';

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe's serious and critical violations on the page as it is now. */
async function serious(p: Page): Promise<string[]> {
  const loaded = await p.evaluate(() => typeof (globalThis as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await p.evaluate((src) => new Function(src)(), axeSource);
  const vs = await p.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] });
    return r.violations;
  });
  const byImpact: Record<string, string[]> = {};
  for (const v of vs) (byImpact[v.impact] ??= []).push(v.id);
  summary[state] = byImpact;
  return vs
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id} (${v.help}): ${v.nodes
          .slice(0, 4)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

async function tabs(p: Page, lang: string, out: Record<string, string[]>): Promise<void> {
  const record = async (name: string) => {
    state = `${lang} · ${name}`;
    const v = await serious(p);
    if (v.length) out[`${lang} · ${name}`] = v;
  };
  await p.click('#tab-score');
  await p.evaluate(() =>
    (globalThis as unknown as { document: { querySelectorAll(s: string): { forEach(f: (d: { open: boolean }) => void): void } } }).document
      .querySelectorAll('details')
      .forEach((d: { open: boolean }) => (d.open = true)),
  );
  await record('评分 / score');
  await p.click('#tab-filing');
  await record('填报表 / filing (paste)');
  await p.click('#filing-mode-grid');
  await p.waitForSelector('#grid-rows');
  await record('填报表 / filing (grid)');
  await p.click('#filing-mode-paste');
  await p.click('#tab-json');
  await record('JSON');
  await p.click('#tab-diff');
  await p.waitForFunction(() => !!(globalThis as unknown as { __jixiao: { diff(): unknown } }).__jixiao.diff());
  await p.waitForSelector('.monaco-diff-editor', { state: 'visible' });
  await record('对比 / compare');
  await p.click('#tab-score');
  await p.click('li.finding[data-code="JX3009"] .code-link');
  await p.waitForFunction(() => !!(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('#doc-body .doc'));
  await record('explanation of a code');
  await p.keyboard.press('Escape');
  await p.click('#guide-open');
  await record('guided start');
  await p.click('#guide-close');
}

beforeAll(async () => {
  pg = await startPlayground();
});
afterAll(async () => {
  await pg?.close();
});

describe('accessibility (axe-core)', () => {
  it('finds no serious or critical violation on any tab, before Monaco loads', async () => {
    const p = await pg.newPage();
    await p.goto(pg.url);
    await settledLight(p);
    const out: Record<string, string[]> = {};
    const first = await serious(p);
    if (first.length) out['first screen'] = first;
    await tabs(p, 'zh', out);
    await p.evaluate(() => (globalThis as unknown as { __jixiao: { lang(l: string): void } }).__jixiao.lang('en'));
    await tabs(p, 'en', out);
    expect(out).toEqual({});
    await p.close();
  });

  it('finds none with the Monaco editor and a template error shown', async () => {
    const p = await pg.newPage();
    await p.goto(pg.url);
    await settled(p);
    await p.evaluate(() => {
      const e = (globalThis as unknown as { __jixiao: { editor: { getModel(): { getValue(): string; setValue(v: string): void } } } }).__jixiao.editor;
      e.getModel().setValue(e.getModel().getValue().replace('否则 权重 * min(实际 / 目标, 1)', '否则 权重 * 实际 / 目标'));
    });
    await settled(p);
    const out: Record<string, string[]> = {};
    state = 'editor with an error';
    const v = await serious(p);
    if (v.length) out['editor with an error'] = v;
    expect(out).toEqual({});
    await p.close();
  });

  it('logs no page errors', () => {
    writeFileSync(join(outDir, 'axe.json'), JSON.stringify(summary, null, 2) + '\n');
    expect(pg.errors).toEqual([]);
  });
});
