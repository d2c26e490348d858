// The playground in workspace mode, served by `jixiao serve` (its startServer, on PGlite in
// memory, seeded from rules/), in real Chromium: open the published 2023 template, edit it,
// save a draft, publish it; upload the seed and two more filings; run; look at the charts;
// sort the table; review a finding; export — and open the exported workbook with exceljs
// and check its summary sheet.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../packages/server/src/serve.ts';
import { launchBrowser, outDir, playgroundRoot, repoRoot, shot, type Browser, type Hooks, type Page } from './harness.ts';

/** The bits of playwright's Page this test needs beyond the harness's. */
type WsPage = Page & {
  setInputFiles(selector: string, files: string[]): Promise<void>;
  textContent(selector: string): Promise<string | null>;
};

let server: RunningServer;
let browser: Browser;
let page: WsPage;
const errors: string[] = [];
const clean = JSON.parse(readFileSync(join(repoRoot, 'rules/甘肃/2023/examples/clean.json'), 'utf8'));
const files = join(outDir, 'workspace-files');

/** The clean filing for another unit, its first row at 85.5% of a ≥95% target. */
function weaker(unit: string): string {
  const f = structuredClone(clean);
  f.unit = unit;
  // 10 × min(85.5 / 95, 1) = 9 on 基本支出预算执行率 (stated 10): total 100 − 10 + 9 = 99
  f.rows[0].actual = '85.5%';
  return JSON.stringify(f);
}

beforeAll(async () => {
  mkdirSync(files, { recursive: true });
  writeFileSync(join(files, 'seed.tsv'), readFileSync(join(repoRoot, 'rules/甘肃/2023/examples/seed.tsv')));
  writeFileSync(join(files, '甲.json'), weaker('甲单位'));
  writeFileSync(join(files, '乙.json'), JSON.stringify({ ...clean, unit: '乙单位' }));
  server = await startServer({ port: 0, playgroundDir: join(playgroundRoot, 'dist'), rulesDir: join(repoRoot, 'rules'), threads: 2 });
  browser = await launchBrowser();
  page = (await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' })) as WsPage;
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type?.() === 'error') errors.push(`console: ${m.text?.()}`);
  });
  await page.goto(server.url);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const statusText = () =>
  page.evaluate(
    () => (globalThis as unknown as { document: { getElementById(i: string): { textContent: string } | null } }).document.getElementById('ws-status')?.textContent ?? '',
  );
/** Wait for the workspace's status line to say `re`; on a timeout, say what it said instead. */
async function waitStatus(re: RegExp): Promise<void> {
  try {
    await page.waitForFunction(
      (src) =>
        new RegExp(src).test(
          (globalThis as unknown as { document: { getElementById(i: string): { textContent: string } | null } }).document.getElementById('ws-status')?.textContent ?? '',
        ),
      re.source,
      { timeout: 30_000 },
    );
  } catch (e) {
    throw new Error(`status line never matched ${re}: it says “${await statusText()}” (${(e as Error).message})`);
  }
}

describe('workspace mode in Chromium', () => {
  it('opens a published version, saves an edit as a draft and publishes it', async () => {
    await page.waitForSelector('#ws-toggle');
    expect(await page.locator('#ws-toggle').innerText()).toBe('工作台');
    await page.click('#ws-toggle');
    await page.waitForSelector('#ws-template');
    const ids = (await (await fetch(`${server.url}api/templates?region=甘肃&year=2023`)).json()) as { templates: { id: number; published: { id: number } }[] };
    const t = ids.templates[0]!;
    await page.selectOption('#ws-template', String(t.id));
    await page.waitForSelector(`.ws-open[data-version="${t.published.id}"]`);
    await page.click(`.ws-open[data-version="${t.published.id}"]`);
    await waitStatus(/第 1 版/);
    const text = await page.evaluate(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.template());
    expect(text).toBe(readFileSync(join(repoRoot, 'rules/甘肃/2023/部门整体支出.jx'), 'utf8'));
    // type a comment line at the top of the template, as a user would
    // Monaco loads on the intent to edit: the first screen shows the template without it
    await page.evaluate(async () => {
      const j = (globalThis as unknown as { __jixiao: Hooks }).__jixiao;
      await j.loadEditor();
      j.editor.focus();
      j.editor.setPosition({ lineNumber: 1, column: 1 });
    });
    await page.keyboard.type('# 工作台修订：浏览器测试\n');
    await page.fill('#ws-note', '加一行说明');
    await page.click('#ws-save');
    await waitStatus(/已保存为第 2 版/);
    await page.waitForSelector('#ws-history tr[data-number="2"]');
    expect(await page.locator('#ws-history tr[data-number="2"]').innerText()).toContain('草稿');
    await page.click('#ws-publish');
    await waitStatus(/第 2 版已发布/);
    expect(await statusText()).toMatch(/覆盖率 100%/);
    await page.screenshot({ path: shot('ws-01-published.png') });
    const after = (await (await fetch(`${server.url}api/templates?region=甘肃&year=2023`)).json()) as {
      templates: { published: { number: number; note: string; author: string } }[];
    };
    expect(after.templates[0]!.published).toMatchObject({ number: 2, note: '加一行说明', author: '本机用户' });
  });

  it('uploads the seed and two more filings', async () => {
    await page.click('#ws-nav-filings');
    await page.waitForSelector('#ws-files');
    await page.setInputFiles('#ws-files', [join(files, 'seed.tsv'), join(files, '甲.json'), join(files, '乙.json')]);
    await page.click('#ws-upload');
    await waitStatus(/已保存 3 份，0 份未能保存/);
    await page.waitForFunction(
      () => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('#ws-filings tbody tr').length === 3,
    );
  });

  it('runs them, draws the charts, sorts the table and reviews a finding', async () => {
    await page.click('#ws-nav-runs');
    await page.waitForSelector('#ws-start-run');
    await page.click('#ws-start-run');
    await page.waitForSelector('#ws-progress[data-status="done"]', { timeout: 60_000 });
    await page.waitForSelector('#ws-run-table tbody tr');
    expect(await page.locator('#ws-run-table tbody tr').count()).toBe(3);
    // the charts are SVG with real text: the grade 优 (all three) and the section names
    await page.waitForSelector('#chart-grades svg');
    expect(await page.locator('#chart-grades').textContent()).toContain('等级分布');
    expect(await page.locator('#chart-grades').textContent()).toContain('优');
    expect(await page.locator('#chart-sections').textContent()).toContain('部门管理');
    expect(await page.locator('#chart-history svg').count()).toBe(1);
    // sort by total, ascending: 甲单位 (99) first
    await page.click('th[data-sort="total"]');
    await page.waitForFunction(() =>
      (
        (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document.querySelector('#ws-run-table th[data-sort="total"]')
          ?.textContent ?? ''
      ).includes('▲'),
    );
    expect(await page.locator('#ws-run-table tbody tr').first().innerText()).toContain('甲单位');
    // filter by finding code
    await page.selectOption('#ws-filter-code', 'JX3004');
    await page.waitForFunction(
      () => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('#ws-run-table tbody tr').length === 2,
    );
    await page.selectOption('#ws-filter-code', '');
    await page.waitForFunction(
      () => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('#ws-run-table tbody tr').length === 3,
    );
    await page.screenshot({ path: shot('ws-02-run.png'), fullPage: true });
    // open 甲单位's report and return its JX3004 to the unit, with a reason
    await page.click('#ws-run-table tbody tr:first-child');
    await page.waitForSelector('#ws-report li[data-code="JX3004"]');
    await page.selectOption('#ws-report li[data-code="JX3004"] .ws-review-status', '已退回');
    await page.fill('#ws-report li[data-code="JX3004"] .ws-review-reason', '请按规则重新计算得分');
    await page.click('#ws-report li[data-code="JX3004"] .ws-review-save');
    await waitStatus(/审核状态已保存/);
    await page.screenshot({ path: shot('ws-03-review.png'), fullPage: true });
  });

  it("shows the impact of the editor's draft over the year's stored filings: the migration matrix", async () => {
    await page.evaluate(async () => {
      const j = (globalThis as unknown as { __jixiao: { loadEditor(): Promise<boolean>; editor: { getModel(): { getValue(): string; setValue(s: string): void } } } }).__jixiao;
      await j.loadEditor();
      const ed = j.editor;
      const m = ed.getModel();
      m.setValue(m.getValue().replace('优 >= 90 分', '优 >= 99.5 分'));
    });
    await page.click('#ws-nav-impact');
    await page.waitForSelector('#ws-impact-run');
    await page.click('#ws-impact-run');
    await page.waitForSelector('#ws-matrix');
    // 甲单位 99 < 99.5: 优 → 良; the other two (100) stay 优
    const cells = await page.evaluate(() => {
      const d = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ textContent: string }> } }).document;
      return Array.from(d.querySelectorAll('#ws-matrix tr')).map((r) =>
        Array.from((r as unknown as { querySelectorAll(s: string): ArrayLike<{ textContent: string }> }).querySelectorAll('th, td')).map((c) => c.textContent),
      );
    });
    expect(cells[0]).toEqual(['→', '优', '良', '中', '差']);
    expect(cells[1]).toEqual(['优', '2', '1', '0', '0']);
    expect(await page.locator('#ws-movers').innerText()).toContain('甲单位');
    await page.screenshot({ path: shot('ws-04-impact.png'), fullPage: true });
  });

  it('exports the run; the workbook summary has each unit, total, grade, stated total, errors and warnings', async () => {
    await page.click('#ws-nav-runs');
    await page.waitForSelector('#ws-export');
    const b64 = await page.evaluate(async () => {
      const d = (globalThis as unknown as { document: { getElementById(i: string): { href: string } } }).document;
      const buf = new Uint8Array(await (await fetch(d.getElementById('ws-export').href)).arrayBuffer());
      let s = '';
      for (const x of buf) s += String.fromCharCode(x);
      return btoa(s);
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(b64, 'base64') as never);
    const summary = wb.getWorksheet('汇总 Summary')!;
    expect((summary.getRow(1).values as unknown[]).slice(1, 7)).toEqual(['单位 Unit', '总分 Total', '等级 Grade', '填报总分 Stated total', '错误 Errors', '警告 Warnings']);
    const rows = new Map(
      summary
        .getSheetValues()
        .slice(2)
        .map((r) => [(r as unknown[])[1], (r as unknown[]).slice(1, 7)]),
    );
    expect(rows.size).toBe(3);
    // 甲单位: 99 (see weaker()); errors JX3004 (row stated 10, rules 9) and JX3008 (stated total 100, computed 99); warning JX3028 (target missed, no reason)
    expect(rows.get('甲单位')).toEqual(['甲单位', 99, '优', 100, 2, 1]);
    expect(rows.get('乙单位')).toEqual(['乙单位', 100, '优', 100, 0, 0]);
    // the seed: 100 by the rules against a stated 97
    expect(rows.get('正常机构办公')!.slice(0, 4)).toEqual(['正常机构办公', 100, '优', 97]);
    const returned = wb
      .getWorksheet('问题 Findings')!
      .getSheetValues()
      .filter((r) => Array.isArray(r) && r[7] === '已退回');
    expect(returned.map((r) => [(r as unknown[])[1], (r as unknown[])[2], (r as unknown[])[8]])).toEqual([['甲单位', 'JX3004', '请按规则重新计算得分']]);
    expect(errors).toEqual([]);
  });
});
