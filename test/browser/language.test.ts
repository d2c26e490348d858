// The .jx language in the playground's Monaco: hover, completion, go to definition,
// format, full-width brackets, Chinese IME input, the year switcher and English.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, settled, shot, startPlayground, type Hooks, type Page, type Playground } from './harness.ts';

let pg: Playground;
let page: Page;
const template2023 = readFileSync(join(repoRoot, 'rules/甘肃/2023/部门整体支出.jx'), 'utf8');
const lines = template2023.split('\n');
const lineOf = (text: string): number => lines.findIndex((l) => l.includes(text)) + 1;

const j = () => (globalThis as unknown as { __jixiao: Hooks }).__jixiao;
void j; // (evaluate callbacks spell it out: they run in the page)

async function moveTo(p: Page, pos: { lineNumber: number; column: number }): Promise<void> {
  await p.evaluate((at) => {
    const h = (globalThis as unknown as { __jixiao: Hooks }).__jixiao;
    h.editor.focus();
    h.editor.setPosition(at);
    h.editor.revealLineInCenter(at.lineNumber);
  }, pos);
}
/** Run an editor command as a keybinding would. */
const run = (p: Page, command: string, payload: unknown = null) =>
  p.evaluate(([id, arg]) => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.editor.trigger('keyboard', id as string, arg), [command, payload] as const);
const text = (p: Page) => p.evaluate(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.template());

beforeAll(async () => {
  pg = await startPlayground();
});
afterAll(async () => {
  await pg?.close();
});
beforeEach(async () => {
  if (page) await page.close();
  page = await pg.newPage();
  await page.goto(pg.url);
  await settled(page);
});

describe('the jixiao language in Monaco', () => {
  it('hover on an indicator shows its weight and its computed score', async () => {
    const line = lineOf('一级指标 部门管理 分值 20 分');
    await moveTo(page, { lineNumber: line, column: lines[line - 1]!.indexOf('部门管理') + 2 });
    await run(page, 'editor.action.showHover');
    await page.waitForSelector('.monaco-hover .hover-contents', { state: 'visible' });
    const hover = await page.locator('.monaco-hover').first().innerText();
    expect(hover).toContain('一级指标 部门管理');
    expect(hover).toContain('分值 20');
    expect(hover).toMatch(/得分 [\d.]+ \/ 20/);
    await page.screenshot({ path: shot('10-hover.png') });
  });

  it('completes indicator names, rule names after 采用, and keywords', async () => {
    const line = lineOf('一级指标 部门管理 分值 20 分');
    await moveTo(page, { lineNumber: line, column: lines[line - 1]!.length + 1 });
    await page.keyboard.press('Enter');
    await page.keyboard.type('履职');
    await run(page, 'editor.action.triggerSuggest');
    await page.waitForSelector('.suggest-widget .monaco-list-row', { state: 'visible' });
    expect(await page.locator('.suggest-widget').innerText()).toContain('履职效果');
    await page.screenshot({ path: shot('11-completion.png') });
    await page.keyboard.press('Escape');
    await page.keyboard.type(' 采用 ');
    await run(page, 'editor.action.triggerSuggest');
    await page.waitForSelector('.suggest-widget .monaco-list-row', { state: 'visible' });
    const rules = await page.locator('.suggest-widget').innerText();
    expect(rules).toContain('正向');
    expect(rules).not.toContain('履职效果');
  });

  it('goes to the definition of a rule named in 采用', async () => {
    const line = lineOf('一级指标 部门管理 分值 20 分');
    const col = lines[line - 1]!.indexOf('单位填报');
    await moveTo(page, { lineNumber: line, column: col + 1 });
    await page.keyboard.type('采用 反向; ');
    await settled(page);
    await moveTo(page, { lineNumber: line, column: col + 5 });
    await run(page, 'editor.action.revealDefinition');
    await page.waitForFunction((want) => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.editor.getPosition()?.lineNumber === want, lineOf('规则 反向'));
  });

  it('formats the document with the language package formatter', async () => {
    await run(page, 'editor.action.formatDocument');
    const canonical = await text(page);
    await moveTo(page, { lineNumber: lineOf('总分 100 分'), column: 1 });
    await page.keyboard.type('      ');
    await moveTo(page, { lineNumber: lineOf('等级 { 优'), column: lines[lineOf('等级 { 优') - 1]!.length + 1 });
    await page.keyboard.type('   # 尾注');
    expect(await text(page)).not.toBe(canonical);
    await page.click('#format');
    await page.waitForFunction((want) => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.template() === want, canonical.replace(/(等级 \{[^\n]*)/, '$1 # 尾注'));
  });

  it('closes full-width brackets and matches them', async () => {
    const line = lineOf('一级指标 部门管理 分值 20 分');
    await moveTo(page, { lineNumber: line, column: lines[line - 1]!.length + 1 });
    await page.keyboard.press('Enter');
    // Monaco auto-closes only on lines already tokenized (it never forces tokenization
    // while typing); the background tokenizer catches up between keystrokes
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    // what a keystroke (or an IME commit) goes through
    await run(page, 'type', { text: '（' });
    const t = await text(page);
    expect(t.split('\n')[line]!.trim()).toBe('（）');
    // the cursor sits between the pair: it is highlighted as a matching pair
    await page.waitForSelector('.monaco-editor .bracket-match', { state: 'attached' });
    expect(await page.locator('.monaco-editor .bracket-match').count()).toBeGreaterThan(0);
  });

  it('takes Chinese typed through an input method (composition events)', async () => {
    const line = lineOf('总分 100 分');
    await moveTo(page, { lineNumber: line, column: lines[line - 1]!.length + 1 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'a', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.imeSetComposition', { text: 'an', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.imeSetComposition', { text: '按', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.insertText', { text: ' # 按' });
    await settled(page);
    expect((await text(page)).split('\n')[line - 1]).toBe(lines[line - 1] + ' # 按');
    const ms = await page.evaluate(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.markers());
    expect(ms).toEqual([]);
  });

  it('switches to the 2024 template, which extends 2023, and scores under it', async () => {
    await page.selectOption('#template-select', 'rules/甘肃/2024/部门整体支出.jx');
    await settled(page);
    expect(await text(page)).toContain('继承 2023');
    const ms = await page.evaluate(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.markers());
    expect(ms).toEqual([]);
    const s = await page.evaluate(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.score());
    expect(s?.kind).toBe('report');
    await page.screenshot({ path: shot('12-year-2024.png') });
  });

  it('speaks English on request, diagnostics included', async () => {
    await page.click('#lang');
    expect(await page.locator('#tab-score').innerText()).toBe('Score');
    expect(await page.locator('#score .headline').innerText()).toContain('Total');
    await moveTo(page, { lineNumber: lineOf('总分 100 分'), column: 3 });
    await page.keyboard.type('@');
    await settled(page);
    const ms = await page.evaluate(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.markers());
    expect(ms[0]?.message).toContain('unrecognised character');
    await page.screenshot({ path: shot('13-english.png') });
  });
});
