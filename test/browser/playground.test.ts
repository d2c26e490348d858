// The playground in real Chromium: it opens on the 2023 template and the seed filing,
// an error typed into the editor shows up as a marker with its message, fixing it clears
// the marker and the score panel follows, and a shared URL restores the whole state.
import { writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outDir, repoRoot, settled, shot, startPlayground, type Hooks, type Page, type Playground } from './harness.ts';

let pg: Playground;
let page: Page;
const template2023 = readFileSync(join(repoRoot, 'rules/甘肃/2023/部门整体支出.jx'), 'utf8');
const seed = readFileSync(join(repoRoot, 'rules/甘肃/2023/examples/seed.tsv'), 'utf8');

/** 1-based line and column just after `needle` on the line that holds `lineText`. */
function posAfter(lineText: string, needle: string): { lineNumber: number; column: number } {
  const lines = template2023.split('\n');
  const i = lines.findIndex((l) => l.includes(lineText));
  if (i < 0) throw new Error(`no line with ${lineText}`);
  return { lineNumber: i + 1, column: lines[i]!.indexOf(needle) + needle.length + 1 };
}

async function moveTo(p: Page, pos: { lineNumber: number; column: number }): Promise<void> {
  await p.evaluate((at) => {
    const j = (globalThis as unknown as { __jixiao: Hooks }).__jixiao;
    j.editor.focus();
    j.editor.setPosition(at);
    j.editor.revealLineInCenter(at.lineNumber);
  }, pos);
}

/** Open Monaco's marker widget (F8) so the screenshot shows the message in place. */
async function showMarker(p: Page): Promise<void> {
  await p.evaluate(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.editor.getAction('editor.action.marker.next')?.run());
  await p.waitForFunction(() => !!(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('.marker-widget'));
}

const markers = (p: Page) => p.evaluate(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.markers());
const score = (p: Page) => p.evaluate(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.score());

beforeAll(async () => {
  pg = await startPlayground();
  page = await pg.newPage();
  await page.goto(pg.url);
  await settled(page);
});

afterAll(async () => {
  await pg?.close();
});

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

describe('playground in Chromium', () => {
  it('opens on the 2023 template and the seed filing, scored', async () => {
    const state = await page.evaluate(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.state());
    expect(state.file).toBe('rules/甘肃/2023/部门整体支出.jx');
    expect(state.template).toBe(template2023);
    expect(state.filing).toBe(seed);
    expect(await markers(page)).toEqual([]);
    const s = await score(page);
    expect(s?.kind).toBe('report');
    expect(s?.report?.sections.map((x) => x.name)).toEqual(['预算执行率', '部门管理', '履职效果', '能力建设', '服务对象满意度']);
    // the seed's known defects are found (部门管理's rows weigh 40 against its cap of 20)
    expect(s?.report?.findings.map((f) => f.code)).toContain('JX3001');
    // the panel shows them, in Chinese, and the editor shows the template
    expect(await page.locator('#score .headline').innerText()).toContain('总分');
    expect(await page.locator('#score').innerText()).toContain('部门管理');
    expect(await page.locator('.monaco-editor .view-lines').innerText()).toContain('部门整体支出');
    await page.screenshot({ path: shot('01-loaded.png') });
  });

  it('rescores as the filing is edited, and shows it as JSON', async () => {
    const codes = async () => ((await score(page))?.report?.findings ?? []).map((f) => f.code);
    expect(await codes()).toContain('JX3009'); // the two satisfaction rates filed as 500%
    await page.click('#tab-filing');
    await page.fill('#filing', seed.replaceAll('500%', '98%'));
    await settled(page);
    expect(await codes()).not.toContain('JX3009');
    await page.screenshot({ path: shot('06-filing-tab.png') });
    await page.click('#tab-json');
    expect(await page.locator('#json').inputValue()).toContain('"level1"');
    await page.screenshot({ path: shot('07-json-tab.png') });
    await page.click('#tab-filing');
    await page.click('#reset-filing');
    await settled(page);
    expect(await codes()).toContain('JX3009');
    await page.click('#tab-score');
  });

  it('a syntax error typed into the editor becomes a marker; deleting it clears the marker', async () => {
    await moveTo(page, posAfter('总分 100 分', '总分 100 分'));
    await page.keyboard.type(' @');
    await settled(page);
    const ms = await markers(page);
    expect(ms.length).toBeGreaterThan(0);
    expect(ms[0]!.message).toContain('无法识别的字符');
    expect(ms[0]!.code).toBe('JX0001');
    expect(ms[0]!.startLineNumber).toBe(posAfter('总分 100 分', '').lineNumber);
    expect((await score(page))?.kind).toBe('none');
    expect(await page.locator('#status').innerText()).toContain('错误');
    await showMarker(page);
    await page.screenshot({ path: shot('02-syntax-error.png') });

    await page.keyboard.press('Escape');
    await moveTo(page, { lineNumber: posAfter('总分 100 分', '').lineNumber, column: posAfter('总分 100 分', '总分 100 分').column + 2 });
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await settled(page);
    expect(await markers(page)).toEqual([]);
    expect((await score(page))?.kind).toBe('report');
  });

  it('a cap that breaks the total is reported by the checker and the score panel follows the fix', async () => {
    const before = (await score(page))?.report?.total;
    // 预算执行率 分值 10 → 15: the caps add up to 105 against a total of 100
    await moveTo(page, posAfter('一级指标 预算执行率 分值 10 分', '一级指标 预算执行率 分值 10'));
    await page.keyboard.press('Backspace');
    await page.keyboard.type('5');
    await settled(page);
    const ms = await markers(page);
    const caps = ms.find((m) => m.code === 'JX2013');
    expect(caps, JSON.stringify(ms)).toBeDefined();
    expect(caps!.message).toContain('总分');
    expect((await score(page))?.kind).toBe('none');
    expect(await page.locator('[data-testid=score-reason]').innerText()).toContain('模板有');
    // the panel lists the error and keeps the last valid score, dimmed
    expect(await page.locator('#score .diagnostics').innerText()).toContain('JX2013');
    expect(await page.locator('#score .last-good').innerText()).toContain('部门管理');
    await showMarker(page);
    await page.screenshot({ path: shot('03-checker-error.png') });

    // the fix: 15 → 10 again
    await page.keyboard.press('Escape');
    await moveTo(page, posAfter('一级指标 预算执行率 分值 10 分', '一级指标 预算执行率 分值 10'));
    await page.keyboard.press('Backspace');
    await page.keyboard.type('0');
    await settled(page);
    expect(await markers(page)).toEqual([]);
    const s = await score(page);
    expect(s?.kind).toBe('report');
    expect(s?.report?.total).toBe(before);
    expect(await page.locator('[data-testid=total]').innerText()).toBe(String(before));
    await page.screenshot({ path: shot('04-fixed.png') });
  });

  it('records keystroke → markers latency while typing (test-output/browser/latency.json)', async () => {
    // type a formula edit at a person's pace (120 ms a key); every keystroke is analysed
    const before = (await page.evaluate(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.latencies())).length;
    // the end of 正向's not-met branch, the first such line of the 2023 template
    await moveTo(page, posAfter('否则 权重 * min(实际 / 目标, 1)', '否则 权重 * min(实际 / 目标, 1)'));
    await page.keyboard.type(' + 0 * 实际 + 0', { delay: 120 });
    await settled(page);
    const lat = (await page.evaluate(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.latencies())).slice(before);
    expect(lat.length).toBeGreaterThan(5);
    for (const x of lat) expect(x).toBeGreaterThan(0);
    const workerMs = await page.evaluate(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.workerMs());
    // keystroke → score table updated, measured by the page as jx-keystroke-score
    const scoreLat = await page.evaluate(() =>
      (globalThis as unknown as { performance: { getEntriesByName(n: string): { duration: number }[] } }).performance.getEntriesByName('jx-keystroke-score').map((e) => e.duration),
    );
    expect(scoreLat.length).toBeGreaterThan(5);
    const summary = {
      what: 'keystroke → markers visible (performance.measure jx-keystroke-markers: edit → worker parse/check/score → setModelMarkers → next frame), 60 ms debounce included',
      samples: lat.length,
      medianMs: quantile(lat, 0.5),
      p95Ms: quantile(lat, 0.95),
      maxMs: Math.max(...lat),
      lastWorkerMs: workerMs,
      score: {
        what: 'keystroke → score panel DOM updated (performance.measure jx-keystroke-score)',
        samples: scoreLat.length,
        medianMs: quantile(scoreLat, 0.5),
        p95Ms: quantile(scoreLat, 0.95),
      },
      all: lat,
    };
    writeFileSync(join(outDir, 'latency.json'), JSON.stringify(summary, null, 2) + '\n');
    // the markers follow typing closely: well under half a second even on a small CI machine
    expect(summary.medianMs).toBeLessThan(500);
  });

  it('a shared URL restores the template, the filing and the year', async () => {
    // an edit to share: a comment in Chinese, typed
    await moveTo(page, { lineNumber: 1, column: 1 });
    await page.keyboard.type('# 分享测试\n');
    await settled(page);
    const edited = await page.evaluate(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.template());
    expect(edited.startsWith('# 分享测试\n')).toBe(true);
    await page.click('#share');
    await page.waitForFunction(() => (globalThis as unknown as { location: { hash: string } }).location.hash.startsWith('#s='));
    const shared = page.url();
    expect(shared).toContain('#s=');

    const other = await pg.newPage();
    await other.goto(shared);
    await settled(other);
    const state = await other.evaluate(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.state());
    expect(state.template).toBe(edited);
    expect(state.filing).toBe(seed);
    expect(state.year).toBe(2023);
    expect(await markers(other)).toEqual([]);
    expect((await score(other))?.kind).toBe('report');
    await other.screenshot({ path: shot('05-restored.png') });
    await other.close();
  });

  it('logs no page errors', () => {
    expect(pg.errors).toEqual([]);
  });
});
