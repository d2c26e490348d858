// The filing as a grid and as editable JSON, in Chromium: a cell edit re-scores through the
// worker and its finding goes away; rows are added and deleted from the keyboard and the
// buttons; a JSON edit that does not validate names its path and keeps the last good score;
// findings are listed errors first; a shared link carries the edited filing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled, shot, startPlayground, type Hooks, type Page, type Playground } from './harness.ts';

interface Row {
  level1: string;
  level2: string;
  level3: string;
  target: string;
  actual: string;
  weight: number | null;
  statedScore: number | null;
}
interface GridHooks extends Hooks {
  filingMode(): 'grid' | 'paste';
  grid(): { rows: Row[]; statedTotal?: number | null } | null;
}
type Report = { total: number; findings: { code: string; severity: string; path: string[] }[]; rows: { path: string[]; score: number }[] };

let pg: Playground;
let page: Page;

const report = async (p: Page): Promise<Report> =>
  (await p.evaluate(() => ((globalThis as unknown as { __jixiao: Hooks }).__jixiao.score() as { report?: unknown } | null)?.report ?? null)) as Report;
const gridRows = (p: Page) => p.evaluate(() => (globalThis as unknown as { __jixiao: GridHooks }).__jixiao.grid()?.rows ?? []);
/** The focused element's grid coordinates. */
const focused = (p: Page) =>
  p.evaluate(() => {
    const a = (globalThis as unknown as { document: { activeElement: { dataset?: Record<string, string>; value?: string } | null } }).document.activeElement;
    return { index: a?.dataset?.['index'] ?? null, field: a?.dataset?.['field'] ?? null };
  });
/** A grid row's finding marks: class, codes, tooltip. */
const rowMark = (p: Page, sel: string) =>
  p.evaluate((s) => {
    const el = (globalThis as unknown as { document: { querySelector(s: string): { dataset: Record<string, string>; title: string; className: string } } }).document.querySelector(
      s,
    );
    return { className: el.className, codes: el.dataset['codes'] ?? '', title: el.title };
  }, sel);
/** Wait until the page analysed a filing that satisfies `pred` (as text) and settled. */
async function filingSettles(p: Page, needle: string, present = true): Promise<void> {
  await p.waitForFunction(
    ([n, yes]) => {
      const h = (globalThis as unknown as { __jixiao: Hooks }).__jixiao;
      return h.filing().includes(n) === yes && h.settled();
    },
    [needle, present] as [string, boolean],
    { timeout: 30_000 },
  );
}
const is3009For = (r: Report, name: string) => r.findings.some((f) => f.code === 'JX3009' && f.path[f.path.length - 1] === name);

beforeAll(async () => {
  pg = await startPlayground();
  page = await pg.newPage();
  await page.goto(pg.url);
  await settled(page);
});
afterAll(async () => {
  await pg?.close();
});

describe('the filing grid', () => {
  it('edits 实际完成值 of 干部职工满意度 in a cell: JX3009 for it goes, the score updates', async () => {
    const p = page;
    await p.click('#tab-filing');
    await p.click('#filing-mode-grid');
    await p.waitForSelector('#grid-rows tbody tr[data-index]', { state: 'visible' });
    expect(await p.evaluate(() => (globalThis as unknown as { __jixiao: GridHooks }).__jixiao.filingMode())).toBe('grid');
    // the seed's rows, budget block and stated total are in the cells
    const rows = await gridRows(p);
    expect(rows.length).toBeGreaterThan(10);
    const i = rows.findIndex((r) => r.level3 === '干部职工满意度');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(await p.locator(`#grid-rows input[data-index="${i}"][data-field="actual"]`).inputValue()).toBe('500%');
    expect(await p.locator('#grid-budget input[data-field="budget.spent"]').inputValue()).not.toBe('');

    const before = await report(p);
    expect(is3009For(before, '干部职工满意度')).toBe(true);
    // the row with the finding is marked, its message in the tooltip
    const tr = `#grid-rows tr[data-index="${i}"]`;
    const marked = await rowMark(p, tr);
    expect(marked.className).toContain('has-finding');
    expect(marked.codes).toContain('JX3009');
    expect(marked.title).toContain('JX3009');
    await p.screenshot({ path: shot('grid-01-seed.png') });

    await p.fill(`#grid-rows input[data-index="${i}"][data-field="actual"]`, '95%');
    await filingSettles(p, '"actual": "95%"');
    const after = await report(p);
    expect(is3009For(after, '干部职工满意度')).toBe(false);
    // the other satisfaction rate still filed as 500% keeps its finding
    expect(is3009For(after, '人民群众对廉洁文化宣传满意度')).toBe(true);
    const rowScore = (r: Report) => r.rows.find((x) => x.path[x.path.length - 1] === '干部职工满意度')?.score;
    // the engine caps 500% at the full 4 points, so the score panel shows one finding less
    // (and the TSV reader's notes, IMP…, are gone: the filing is canonical JSON now)
    const scoring = (r: Report) => r.findings.filter((f) => !f.code.startsWith('IMP'));
    expect(scoring(after).length).toBe(scoring(before).length - 1);
    expect(after.findings.some((f) => f.code.startsWith('IMP'))).toBe(false);
    expect(await p.locator('#score .findings h2').innerText()).toContain(`(${after.findings.length}`);
    expect(rowScore(after)).toBe(4);
    // a value under the target does move the row score and the total
    await p.fill(`#grid-rows input[data-index="${i}"][data-field="actual"]`, '60%');
    await filingSettles(p, '"actual": "60%"');
    const low = await report(p);
    expect(rowScore(low)!).toBeLessThan(4);
    expect(low.total).toBeLessThan(after.total);
    expect(await p.locator('#score [data-testid=total]').textContent()).toBe(String(low.total));
    await p.fill(`#grid-rows input[data-index="${i}"][data-field="actual"]`, '95%');
    await filingSettles(p, '"actual": "95%"');
    expect((await report(p)).total).toBe(after.total);
    expect(await p.locator('#score [data-testid=total]').textContent()).toBe(String(after.total));
    expect((await rowMark(p, tr)).codes).not.toContain('JX3009');
    // the canonical JSON filing is the filing now
    const filing = JSON.parse(await p.evaluate(() => (globalThis as unknown as { __jixiao: GridHooks }).__jixiao.filing())) as { rows: Row[] };
    expect(filing.rows[i]!.actual).toBe('95%');
    await p.screenshot({ path: shot('grid-02-edited.png') });
  });

  it('moves with Enter and Tab, adds a row and deletes it', async () => {
    const p = page;
    const n = (await gridRows(p)).length;
    const total = (await report(p)).total;
    await p.click('#grid-rows input[data-index="0"][data-field="actual"]');
    await p.keyboard.press('Enter');
    expect(await focused(p)).toEqual({ index: '1', field: 'actual' });
    await p.keyboard.press('Tab');
    expect(await focused(p)).toEqual({ index: '1', field: 'weight' });

    await p.click('#grid-add-row');
    expect((await gridRows(p)).length).toBe(n + 1);
    // the new row takes the previous row's 一级 / 二级 and the focus goes to its 三级 cell
    expect(await focused(p)).toEqual({ index: String(n), field: 'level3' });
    await p.keyboard.type('新增测试指标');
    await p.keyboard.press('Tab');
    await p.keyboard.type('100%');
    await p.keyboard.press('Tab');
    await p.keyboard.type('100%');
    await p.keyboard.press('Tab');
    await p.keyboard.type('2');
    await filingSettles(p, '"weight": 2,');
    const added = (await gridRows(p))[n]!;
    expect(added).toMatchObject({ level3: '新增测试指标', target: '100%', actual: '100%', weight: 2 });
    expect(added.level1).toBe((await gridRows(p))[n - 1]!.level1);
    expect((await report(p)).rows.some((r) => r.path[r.path.length - 1] === '新增测试指标')).toBe(true);
    // a number cell refuses text: marked, not applied
    await p.fill(`#grid-rows input[data-index="${n}"][data-field="statedScore"]`, '两分');
    expect(await p.locator(`#grid-rows input[data-index="${n}"][data-field="statedScore"].invalid`).count()).toBe(1);
    expect((await gridRows(p))[n]!.statedScore).toBe(null);

    // Ctrl+Enter inserts a row below the cell's row, Ctrl+Delete deletes it again
    await p.click('#grid-rows input[data-index="1"][data-field="level3"]');
    await p.keyboard.press('Control+Enter');
    expect((await gridRows(p)).length).toBe(n + 2);
    expect(await focused(p)).toEqual({ index: '2', field: 'level3' });
    expect((await gridRows(p))[2]!.level3).toBe('');
    await p.keyboard.press('Control+Delete');
    expect((await gridRows(p)).length).toBe(n + 1);
    expect((await gridRows(p))[n]!.level3).toBe('新增测试指标');

    await p.click(`#grid-rows button.grid-del[data-index="${n}"]`);
    expect((await gridRows(p)).length).toBe(n);
    await filingSettles(p, '新增测试指标', false);
    expect((await report(p)).total).toBe(total);
    expect((await report(p)).rows.some((r) => r.path[r.path.length - 1] === '新增测试指标')).toBe(false);
  });

  it('lists findings errors first, then warnings, then infos', async () => {
    const sev = await page.evaluate(() =>
      [...(globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<{ className: string }> } }).document.querySelectorAll('#score .findings li.finding')].map(
        (li) => /sev-(error|warning|info)/.exec(li.className)![1]!,
      ),
    );
    const rank = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    expect(sev.length).toBeGreaterThan(1);
    expect(sev.map((s) => rank[s])).toEqual([...sev.map((s) => rank[s]!)].sort((a, b) => a - b));
    const fromEngine = (await report(page)).findings;
    // stable within a severity: the engine's order
    expect(sev.filter((s) => s === 'error').length).toBe(fromEngine.filter((f) => f.severity === 'error').length);
  });

  it('a shared link carries the grid-edited filing as JSON', async () => {
    await page.click('#share');
    await page.waitForFunction(() => (globalThis as unknown as { location: { hash: string } }).location.hash.startsWith('#s='));
    const url = page.url();
    const total = (await report(page)).total;
    const other = await pg.newPage();
    await other.goto(url);
    await settled(other);
    expect(await other.evaluate(() => (globalThis as unknown as { __jixiao: GridHooks }).__jixiao.filing())).toContain('"actual": "95%"');
    expect((await report(other)).total).toBe(total);
    await other.close();
  });
});

describe('the JSON tab', () => {
  it('shows the path of a bad value, keeps the last good score, and scores the fixed JSON', async () => {
    const p = page;
    await p.click('#tab-json');
    const good = await p.locator('#json').inputValue();
    const total = (await report(p)).total;
    const f = JSON.parse(good) as { rows: (Omit<Row, 'weight'> & { weight: unknown })[] };
    const k = 3;
    const w = f.rows[k]!.weight;
    f.rows[k]!.weight = '四分';
    await p.fill('#json', JSON.stringify(f, null, 2));
    await p.waitForSelector('#json-error li', { state: 'visible' });
    const err = await p.locator('#json-error').innerText();
    expect(err).toContain(`rows[${k}].weight`);
    expect(err).toContain('应为数字');
    expect(await p.locator('#json.invalid').count()).toBe(1);
    // the filing and the score stay those of the last valid JSON
    expect(await p.evaluate(() => (globalThis as unknown as { __jixiao: GridHooks }).__jixiao.settled())).toBe(true);
    expect(await p.evaluate(() => (globalThis as unknown as { __jixiao: GridHooks }).__jixiao.filing())).not.toContain('四分');
    expect((await report(p)).total).toBe(total);
    await p.screenshot({ path: shot('grid-03-json-error.png') });

    // a syntax error gives its line and column
    await p.fill('#json', '{"rows": [}');
    await p.waitForFunction(() =>
      (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document.querySelector('#json-error')?.textContent.includes('IMP060'),
    );

    // fixed: the filing is replaced and scored; a changed weight moves the score
    f.rows[k]!.weight = w;
    f.rows[k]!.actual = '0';
    await p.fill('#json', JSON.stringify(f, null, 2));
    await p.waitForFunction(
      () => (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document.querySelector('#json-error')?.textContent === '',
    );
    await filingSettles(p, '"actual": "0"');
    expect(await p.locator('#json.invalid').count()).toBe(0);
    const r = await report(p);
    expect(r.total).toBeLessThanOrEqual(total);
    // the grid follows the JSON
    await p.click('#tab-filing');
    expect(await p.locator(`#grid-rows input[data-index="${k}"][data-field="actual"]`).inputValue()).toBe('0');
    await p.click('#reset-filing');
    await filingSettles(p, '"actual": "0"', false);
    expect(pg.errors).toEqual([]);
  });
});
