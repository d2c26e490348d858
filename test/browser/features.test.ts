// The playground's reviewing tools in Chromium: the years diff (Monaco's diff editor,
// the engine's semantic diff and the impact on the filing), the column-mapping step for
// a table whose header is not recognised, and findings that lead to their row or rule.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, settled, shot, startPlayground, type Hooks, type Page, type Playground } from './harness.ts';

interface DiffHooks extends Hooks {
  diff(): {
    diff: { changes: { area: string; change: string; field?: string; path: string[]; from: string | null; to: string | null; message: { zh: string } }[] } | null;
    impact: {
      from: { total: number; grade: string };
      to: { total: number; grade: string };
      delta: number;
      moved: { path: string[]; from: number | null; to: number | null }[];
    } | null;
    problems: { zh: string }[];
  } | null;
  diffEditor(): { getModifiedEditor(): { getValue(): string }; getOriginalEditor(): { getValue(): string }; getLineChanges(): unknown[] | null } | null;
  mapping(): { headerLine: number; columns: Record<string, number> } | null;
  selectedRow(): string | null;
}
type EditorWithSelection = Hooks['editor'] & { getSelection(): { startLineNumber: number; endLineNumber: number; startColumn: number; endColumn: number } | null };

let pg: Playground;
let page: Page;
const template2023 = readFileSync(join(repoRoot, 'rules/甘肃/2023/部门整体支出.jx'), 'utf8');
const template2024 = readFileSync(join(repoRoot, 'rules/甘肃/2024/部门整体支出.jx'), 'utf8');
const seed = readFileSync(join(repoRoot, 'rules/甘肃/2023/examples/seed.tsv'), 'utf8');
const HEADER = '指标项\t细指标\t被指标\t指标值\t年度目标值\t实际完成值\t分值\t得分';
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const score = (p: Page) => p.evaluate(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.score());
const diffOf = (p: Page) => p.evaluate(() => (globalThis as unknown as { __jixiao: DiffHooks }).__jixiao.diff());

async function fresh(): Promise<Page> {
  if (page) await page.close();
  page = await pg.newPage();
  await page.goto(pg.url);
  await settled(page);
  return page;
}

beforeAll(async () => {
  pg = await startPlayground();
});
afterAll(async () => {
  await pg?.close();
});

describe('years diff: 2023 → 2024', () => {
  it('shows the text diff, the semantic changes and the impact on the seed filing', async () => {
    const p = await fresh();
    await p.click('#tab-diff');
    await p.waitForFunction(() => !!(globalThis as unknown as { __jixiao: DiffHooks }).__jixiao.diff());
    expect(await p.locator('#diff-from').count()).toBe(1);
    const d = (await diffOf(p))!;
    expect(d.problems).toEqual([]);
    const changes = d.diff!.changes;
    // 部门管理 20 → 15, re-weighted
    const w = changes.find((c) => c.area === 'indicators' && c.field === 'weight' && c.path[0] === '部门管理');
    expect(w).toMatchObject({ from: '20', to: '15' });
    expect(changes.some((c) => c.change === 'added' && c.path[0] === '成本控制')).toBe(true);
    expect(changes.some((c) => c.change === 'renamed' && c.to === '履职效能')).toBe(true);
    // 2024 keeps 等于 for “= 0” and scores other “= x” like 正向: a changed rule
    expect(changes.some((c) => c.change === 'changed' && c.area === 'rules' && c.path[0] === '等于')).toBe(true);

    // the list on the page, in Chinese, coloured by kind of change
    const list = await p.locator('[data-testid=semantic-diff]').innerText();
    expect(list).toContain('“部门管理”分值 20 → 15');
    expect(list).toContain('成本控制');
    expect(list).toContain('改名为“履职效能”');
    expect(await p.locator('.change-reweighted').count()).toBe(1);
    expect(await p.locator('.change-added').count()).toBeGreaterThan(0);
    expect(await p.locator('.change-renamed').count()).toBe(1);
    // the 2024 draft removes nothing (共 10 处改动：…删除 0)
    expect(await p.locator('.change-removed').count()).toBe(0);
    expect(await p.locator('.change-rule').count()).toBeGreaterThan(0);

    // Monaco's diff editor holds the two sources, side by side: resolved by default (2024
    // 继承s 2023 and writes only its changes), as written on request
    await p.waitForSelector('.monaco-diff-editor', { state: 'visible' });
    const sidesOf = () =>
      p.evaluate(() => {
        const e = (globalThis as unknown as { __jixiao: DiffHooks }).__jixiao.diffEditor()!;
        return { original: e.getOriginalEditor().getValue(), modified: e.getModifiedEditor().getValue() };
      });
    await p.waitForFunction(() => (globalThis as unknown as { __jixiao: DiffHooks }).__jixiao.diffEditor()?.getModifiedEditor().getValue().includes('一级指标 能力建设'));
    const resolved = await sidesOf();
    expect(resolved.modified).not.toContain('继承');
    expect(resolved.original).toMatch(/^模板 部门整体支出 2023 \{/);
    await p.click('#diff-resolved');
    await p.waitForFunction(() => (globalThis as unknown as { __jixiao: DiffHooks }).__jixiao.diffEditor()?.getModifiedEditor().getValue().includes('继承 2023'));
    expect(await sidesOf()).toEqual({ original: template2023, modified: template2024 });
    await p.waitForFunction(() => ((globalThis as unknown as { __jixiao: DiffHooks }).__jixiao.diffEditor()!.getLineChanges() ?? []).length > 0);
    expect(await p.locator('.monaco-diff-editor .editor.original').count()).toBe(1);
    expect(await p.locator('.monaco-diff-editor .editor.modified').count()).toBe(1);
    // the template editor gives way to the diff editor and comes back
    expect(await p.evaluate(() => (globalThis as unknown as { document: { getElementById(s: string): { hidden: boolean } } }).document.getElementById('editor-area').hidden)).toBe(
      true,
    );

    // the impact on the seed: 100 → 95, 部门管理 20 → 15, 成本控制 has no rows
    const i = d.impact!;
    expect(i.from).toMatchObject({ total: 100, grade: '优' });
    expect(i.to).toMatchObject({ total: 95, grade: '优' });
    expect(i.delta).toBe(-5);
    expect(i.moved.find((m) => m.path[0] === '部门管理')).toMatchObject({ from: 20, to: 15 });
    expect(i.moved.find((m) => m.path[0] === '成本控制')).toMatchObject({ from: null, to: 0 });
    expect(await p.locator('[data-testid=impact-from]').innerText()).toBe('100');
    expect(await p.locator('[data-testid=impact-to]').innerText()).toBe('95');
    expect(await p.locator('[data-testid=impact-delta]').innerText()).toBe('(−5)');
    const impact = await p.locator('[data-testid=impact]').innerText();
    expect(impact).toContain('对当前填报表的影响');
    expect(impact).toContain('表中没有该指标的行');
    await p.screenshot({ path: shot('20-diff-2023-2024.png') });

    // swapped: 2024 → 2023, the impact turns round
    await p.click('#diff-swap');
    await p.waitForFunction(() => (globalThis as unknown as { __jixiao: DiffHooks }).__jixiao.diff()?.impact?.from.total === 95);
    expect((await diffOf(p))!.impact!.to.total).toBe(100);

    // back to the score: the editor is there again
    await p.click('#tab-score');
    expect(await p.evaluate(() => (globalThis as unknown as { document: { getElementById(s: string): { hidden: boolean } } }).document.getElementById('editor').hidden)).toBe(
      false,
    );
    expect(await p.locator('.monaco-editor .view-lines').first().innerText()).toContain('部门整体支出');
  });

  it('follows the filing: a different filing gives a different impact', async () => {
    const p = await fresh();
    await p.click('#tab-filing');
    // a reverse (≤) indicator overshot by half: 2023 scores it 目标/实际, 2024 by its deviation
    const changed = seed.replace('结转结余变动率\t≤10%\t≤100%\t100%', '结转结余变动率\t≤10%\t≤100%\t150%');
    expect(changed).not.toBe(seed);
    await p.fill('#filing', changed);
    await settled(p);
    await p.click('#tab-diff');
    await p.waitForFunction(() => !!(globalThis as unknown as { __jixiao: DiffHooks }).__jixiao.diff()?.impact);
    const i = (await diffOf(p))!.impact!;
    expect(i.delta).toBeLessThan(-5);
    const row = i.moved.find((m) => m.path.includes('结转结余变动率'))!;
    expect(row.from! > row.to!).toBe(true);
    expect(await p.locator('[data-testid=impact]').innerText()).toContain('结转结余变动率');
  });
});

describe('column mapping for a table whose header is not recognised', () => {
  it('offers the mapping step, prefilled where it could guess, and scores after mapping', async () => {
    const p = await fresh();
    const odd = seed.replace(HEADER, '类别\t子类\t名目\t指标值\t计划\t实绩\t满分\t自评');
    expect(odd).not.toBe(seed);
    await p.click('#tab-filing');
    await p.fill('#filing', odd);
    await settled(p);
    const s = await score(p);
    expect(s?.kind).toBe('template');
    expect(await p.locator('#filing-problems').innerText()).toContain('没有找到指标表的表头行');
    await p.waitForSelector('[data-testid=mapping]', { state: 'visible' });
    const step = await p.locator('[data-testid=mapping]').innerText();
    expect(step).toContain('列映射');
    // the header row is guessed, and so are the columns it could read
    const values = await p.evaluate(() => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { value: string }; querySelectorAll(s: string): ArrayLike<{ value: string }> } }).document;
      return { row: doc.querySelector('#map-header-row').value, fields: Array.from(doc.querySelectorAll('select[data-column]')).map((x) => x.value) };
    });
    expect(Number(values.row)).toBe(lineOf(odd, '类别\t子类'));
    expect(values.fields).toEqual(['', '', '', 'indicatorValue', 'target', 'actual', 'weight', 'statedScore']);
    // not enough yet: the apply button waits for a name column
    expect(await p.locator('.map-problem').innerText()).toContain('至少需要');
    await p.screenshot({ path: shot('21-mapping-step.png') });

    await p.selectOption('select[data-column="0"]', 'level1');
    await p.selectOption('select[data-column="1"]', 'level2');
    await p.selectOption('select[data-column="2"]', 'level3');
    expect(await p.locator('.map-problem').innerText()).toBe('');
    // keyboard: from the last column's select, Tab reaches the apply button; Enter applies
    await p.evaluate(() => (globalThis as unknown as { document: { querySelector(s: string): { focus(): void } } }).document.querySelector('select[data-column="7"]').focus());
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('map-apply');
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.score()?.kind === 'report');
    await settled(p);
    const mapped = await p.evaluate(() => (globalThis as unknown as { __jixiao: DiffHooks }).__jixiao.mapping());
    expect(mapped?.columns).toMatchObject({ level1: 0, level2: 1, level3: 2, indicatorValue: 3, target: 4, actual: 5, weight: 6, statedScore: 7 });
    expect(await p.locator('[data-testid=mapping]').innerText()).toContain('已应用');
    await p.screenshot({ path: shot('22-mapping-applied.png') });

    // the same score as the seed with its usual header
    const r = (await score(p))!.report!;
    expect(r.sections.map((x) => x.name)).toEqual(['预算执行率', '部门管理', '履职效果', '能力建设', '服务对象满意度']);
    expect(r.total).toBe(100);
    await p.click('#tab-score');
    expect(await p.locator('[data-testid=total]').innerText()).toBe('100');
    await p.screenshot({ path: shot('23-mapped-score.png') });

    // the mapping holds while the table is edited below its header
    await p.click('#tab-filing');
    await p.fill('#filing', odd.replaceAll('500%', '98%'));
    await settled(p);
    expect((await score(p))?.kind).toBe('report');
  });

  it('offers the step from the score tab too', async () => {
    const p = await fresh();
    await p.click('#tab-filing');
    await p.fill('#filing', seed.replace(HEADER, 'A\tB\tC\tD\tE\tF\tG\tH'));
    await settled(p);
    await p.click('#tab-score');
    await p.click('#open-mapping');
    expect(await p.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('map-header-row');
  });
});

describe('findings lead to their row or to the template', () => {
  it('clicking a row finding selects and highlights its row', async () => {
    const p = await fresh();
    const r = (await score(p))!.report! as unknown as { findings: { code: string; path: string[] }[] };
    const f = r.findings.find((x) => x.code === 'JX3009')!;
    expect(f.path.length).toBeGreaterThan(1);
    await p.click('li.finding[data-code="JX3009"] .finding-btn');
    const key = f.path.join(' › ');
    expect(await p.evaluate(() => (globalThis as unknown as { __jixiao: DiffHooks }).__jixiao.selectedRow())).toBe(key);
    expect(await p.locator('table.rows tr.selected').count()).toBe(1);
    expect(await p.locator('table.rows tr.selected td').first().innerText()).toContain(f.path[f.path.length - 1]!);
    // scrolled into view inside the panel
    const visible = await p.evaluate(() => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { getBoundingClientRect(): { top: number; bottom: number } } } }).document;
      const row = doc.querySelector('table.rows tr.selected').getBoundingClientRect();
      const panel = doc.querySelector('#panel-score').getBoundingClientRect();
      return row.top >= panel.top && row.bottom <= panel.bottom;
    });
    expect(visible).toBe(true);
    await p.screenshot({ path: shot('24-finding-row.png') });
    // the selection survives a re-score
    await p.click('#tab-filing');
    await p.fill('#filing', seed + '\n');
    await settled(p);
    await p.click('#tab-score');
    expect(await p.locator('table.rows tr.selected').count()).toBe(1);
  });

  it('clicking a section finding reveals the indicator in the editor; a row names its rule', async () => {
    const p = await fresh();
    // four sections' JX3001: one group, opened to reach them
    await p.click('li.finding-group[data-code="JX3001"] summary');
    await p.click('li.finding[data-code="JX3001"] .finding-btn');
    const sel = await p.evaluate(() => (globalThis as unknown as { __jixiao: { editor: EditorWithSelection } }).__jixiao.editor.getSelection());
    const line = lineOf(template2023, '一级指标 部门管理 分值 20 分');
    expect(sel?.startLineNumber).toBe(line);
    expect(template2023.split('\n')[line - 1]!.slice(sel!.startColumn - 1, sel!.endColumn - 1)).toBe('部门管理');
    await p.screenshot({ path: shot('25-finding-editor.png') });

    // a row's rule link selects the rule in the editor
    await p.click('table.rows tr[data-row] button.rule-link');
    const rule = await p.evaluate(() => (globalThis as unknown as { __jixiao: { editor: EditorWithSelection } }).__jixiao.editor.getSelection());
    const ruleLine = template2023.split('\n')[rule!.startLineNumber - 1]!;
    expect(ruleLine).toMatch(/^\s*(规则|一级指标) /);
  });

  it("a rule the editor's template inherits is named in a toast, which clears like every toast", async () => {
    const p = await fresh();
    await p.selectOption('#template-select', 'rules/甘肃/2024/部门整体支出.jx');
    await settled(p);
    // 2024 writes out 正向 and 反向 only; the rows' other rules come from 2023
    const rule = await p.evaluate(() => {
      const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ textContent: string; click(): void }> } }).document;
      const b = Array.from(doc.querySelectorAll('table.rows button.rule-link')).find((x) => x.textContent !== '正向' && x.textContent !== '反向');
      b?.click();
      return b?.textContent ?? null;
    });
    expect(rule).not.toBeNull();
    expect(template2024).not.toMatch(new RegExp(`规则\\s+${rule}`));
    expect(await p.locator('#toast').innerText()).toBe(`编辑器中的模板没有写出“${rule}”（可能来自所继承的模板）`);
    // it used to stay until the next toast; every toast clears after 5 s
    await p.waitForFunction(
      () => (globalThis as unknown as { document: { getElementById(s: string): { textContent: string } } }).document.getElementById('toast').textContent === '',
      undefined,
      { timeout: 8000 },
    );
  });

  it('logs no page errors', () => {
    expect(pg.errors).toEqual([]);
  });
});
