// Issue 13, "the playground for policy staff who are not programmers", item by item in
// Chromium at 1366×768: what a finance-bureau staffer meets, each with the screenshot
// kept under test-output/browser/13-*.png.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, settled, settledLight, shot, startPlayground, type Page, type Playground } from './harness.ts';

let pg: Playground;
const template2023 = readFileSync(join(repoRoot, 'rules/甘肃/2023/部门整体支出.jx'), 'utf8');
const template2024 = readFileSync(join(repoRoot, 'rules/甘肃/2024/部门整体支出.jx'), 'utf8');
const seed = readFileSync(join(repoRoot, 'rules/甘肃/2023/examples/seed.tsv'), 'utf8');
const clean = readFileSync(join(repoRoot, 'rules/甘肃/2023/examples/clean.json'), 'utf8');
const hubei2020 = readFileSync(join(repoRoot, 'rules/湖北/2020/examples/示例.json'), 'utf8');
const project = readFileSync(join(repoRoot, 'packages/engine/test/fixtures/project.tsv'), 'utf8');
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/**
 * Run `body` in the page with `j` = window.__jixiao and `doc` = document (the root
 * tsconfig has no DOM types; the tests read the page through these two).
 */
function js<R = unknown>(p: Page, body: string, arg?: unknown): Promise<R> {
  return p.evaluate(
    ({ body, arg }) => {
      const g = globalThis as unknown as { __jixiao: unknown; document: unknown };
      return new Function('j', 'doc', 'arg', body)(g.__jixiao, g.document, arg) as R;
    },
    { body, arg },
  );
}
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Rest the pointer on a point of the editor until Monaco's hover shows `words` (it may need a second approach). */
async function hoverUntil(p: Page, xy: { x: number; y: number }, words: string): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await p.mouse.move(xy.x + 120, xy.y + 100);
    await wait(300);
    await p.mouse.move(xy.x, xy.y, { steps: 3 });
    for (let k = 0; k < 20; k++) {
      if ((await js<string>(p, 'return Array.from(doc.querySelectorAll(".monaco-hover:not(.hidden)")).map((h) => h.innerText).join("\\n")')).includes(words)) return;
      await wait(150);
    }
  }
  throw new Error(`no hover with ${words}`);
}

async function open(opts: { guide?: boolean; light?: boolean } = {}): Promise<Page> {
  const p = await pg.newPage({ guide: opts.guide ?? false });
  await p.goto(pg.url);
  await (opts.light ? settledLight(p) : settled(p));
  return p;
}

/** The cursor at line/column of the editor, focused. */
async function at(p: Page, lineNumber: number, column: number): Promise<void> {
  await js(p, 'j.editor.focus(); j.editor.setPosition(arg); j.editor.revealLineInCenter(arg.lineNumber)', { lineNumber, column });
}

const markers = (p: Page) => js<{ code: string; message: string; startLineNumber: number; startColumn: number }[]>(p, 'return j.markers()');
const text = (p: Page, sel: string) => js<string>(p, 'const e = doc.querySelector(arg); return e ? e.innerText : null', sel);
const count = (p: Page, sel: string) => js<number>(p, 'return doc.querySelectorAll(arg).length', sel);
const visible = (p: Page, sel: string) =>
  js<boolean>(
    p,
    'const e = doc.querySelector(arg); if (!e) return false; const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden"',
    sel,
  );

beforeAll(async () => {
  pg = await startPlayground();
});
afterAll(async () => {
  await pg?.close();
});

describe('1 · trust in the headline', () => {
  it('says plainly that the seed’s 100 rests on a filing with 12 errors, and writes the scaling out', async () => {
    const p = await open({ light: true });
    const trust = await text(p, '[data-testid=trust]');
    expect(trust).toContain('这个得分基于有 12 个错误的填报表');
    expect(trust).toContain('不能作为结果');
    // the grade is not shown as a green 优 but as provisional
    expect(await js(p, 'return doc.querySelector("[data-testid=grade]").classList.contains("provisional")')).toBe(true);
    expect(await text(p, '#score .headline')).toContain('待更正');
    // 部门管理: rows weigh 40 against its cap 20, scaled 40 ÷ 40 × 20 = 20 — on the page, not in a tooltip
    expect(await visible(p, 'tr.scaling[data-scaled="部门管理"]')).toBe(true);
    expect(await text(p, 'tr.scaling[data-scaled="部门管理"]')).toContain('各行分值合计 40，不等于分值 20，得分按比例折算：');
    expect(await text(p, 'tr.scaling[data-scaled="部门管理"]')).toContain('40 ÷ 40 × 20 = 20');
    expect(await count(p, 'tr.scaling')).toBe(4);
    await p.screenshot({ path: shot('13-1-trust.png') });

    // a clean filing: no notice, the grade is the result
    await js(p, 'j.setFiling(arg)', clean);
    await settledLight(p);
    expect(await count(p, '[data-testid=trust]')).toBe(0);
    expect(await js(p, 'return doc.querySelector("[data-testid=grade]").classList.contains("provisional")')).toBe(false);
    expect(await count(p, 'tr.scaling')).toBe(0);
    await p.close();
  });
});

describe('2 · errors a non-programmer can act on', () => {
  it('words the missing min, offers 权重 * min(实际 / 目标, 1) as a quick fix, and Monaco speaks Chinese', async () => {
    const p = await open();
    const line = lineOf(template2023, '否则 权重 * min(实际 / 目标, 1)');
    const col = template2023.split('\n')[line - 1]!.indexOf('权重 * min(实际 / 目标, 1)') + 1;
    // 正向 without its clamp: 权重 * min(实际 / 目标, 1) → 权重 * 实际 / 目标
    await js(
      p,
      'const m = j.editor.getModel(); j.editor.executeEdits("t", [{ range: { startLineNumber: arg.line, startColumn: arg.col, endLineNumber: arg.line, endColumn: arg.col + "权重 * min(实际 / 目标, 1)".length }, text: "权重 * 实际 / 目标" }])',
      { line, col },
    );
    await settled(p);
    const m = (await markers(p)).find((x) => x.code === 'JX2021')!;
    expect(m.message).toMatch(/^得分可能超出 0 到权重的范围：当 “实际 >= 目标” 不成立时，得分按 “权重 \* 实际 \/ 目标” 计算，其中 “实际 \/ 目标” 可能大于 1，得分没有上限/);

    // Monaco's own words in its hover: 查看问题 / 快速修复, not View Problem / Quick Fix
    const where = () =>
      js<{ x: number; y: number }>(
        p,
        'const e = j.editor; const q = e.getScrolledVisiblePosition({ lineNumber: arg.line, column: arg.col + 3 }); const r = e.getDomNode().getBoundingClientRect(); return { x: r.left + q.left + 2, y: r.top + q.top + q.height / 2 }',
        { line, col },
      );
    await hoverUntil(p, await where(), '查看问题');
    const hover = await text(p, '.monaco-hover:not(.hidden)');
    expect(hover).toContain('查看问题');
    expect(hover).toContain('快速修复');
    expect(hover).not.toMatch(/View Problem|Quick Fix/);
    expect(hover).toContain('JX2021');
    await p.screenshot({ path: shot('13-2a-hover-zh.png') });

    // the quick fix: the light bulb's menu (Ctrl+.) offers the simplest correct form
    await at(p, line, col);
    await p.keyboard.press('Control+Period');
    await p.waitForFunction(() => /改为 权重 \* min\(实际 \/ 目标, 1\)/.test((globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText));
    await p.screenshot({ path: shot('13-2b-quick-fix.png') });
    await p.keyboard.press('Enter');
    await p.waitForFunction((t) => (globalThis as unknown as { __jixiao: { template(): string } }).__jixiao.template() === t, template2023);
    await settled(p);
    expect(await markers(p)).toEqual([]);

    // in English, Monaco says View Problem
    await js(p, 'j.lang("en")');
    await js(
      p,
      'const m = j.editor.getModel(); j.editor.executeEdits("t", [{ range: { startLineNumber: arg.line, startColumn: arg.col, endLineNumber: arg.line, endColumn: arg.col + "权重 * min(实际 / 目标, 1)".length }, text: "权重 * 实际 / 目标" }])',
      { line, col },
    );
    await settled(p);
    await p.keyboard.press('Escape');
    // the fix scrolled the editor: the place is found again
    await hoverUntil(p, await where(), 'View Problem');
    expect(await text(p, '.monaco-hover:not(.hidden)')).toContain('the score can leave the range 0 to the weight');
    await p.screenshot({ path: shot('13-2c-hover-en.png') });
    await p.close();
  });

  it('shows a broken sum where the edit was made too, and fixes it from the panel', async () => {
    const p = await open();
    const line = lineOf(template2023, '一级指标 部门管理 分值 20 分');
    const col = template2023.split('\n')[line - 1]!.indexOf('20 分') + 1;
    await at(p, line, col + 2);
    await p.keyboard.press('Backspace');
    await p.keyboard.type('5'); // 部门管理 25: the caps add up to 105 against 100
    await settled(p);
    const sums = (await markers(p)).filter((x) => x.code === 'JX2013');
    // on 总分 and on the line just edited, naming the edited weight
    expect(sums.map((x) => x.startLineNumber).sort((a, b) => a - b)).toEqual([lineOf(template2023, '总分 100 分'), line]);
    expect(sums.find((x) => x.startLineNumber === line)!.message).toContain('“部门管理”的分值 25 计入合计 105，应合计 100');
    // the panel lists the error with its place in words and one-click fixes
    const diag = await text(p, '#score .diagnostics');
    expect(diag).toContain(`第 ${lineOf(template2023, '总分 100 分')} 行第`);
    expect(diag).toContain('一键修复：把“部门管理”的分值改为 20（合计 100）');
    await p.screenshot({ path: shot('13-2d-sum-fix.png') });
    await js(p, 'Array.from(doc.querySelectorAll("#score .fix-btn")).find((b) => b.textContent.includes("“部门管理”的分值改为 20")).click()');
    await p.waitForFunction((t) => (globalThis as unknown as { __jixiao: { template(): string } }).__jixiao.template() === t, template2023);
    await settled(p);
    expect(await markers(p)).toEqual([]);
    await p.close();
  });

  it('words a syntax error without parser words, places it as 第 1 行第 1 列, and links the code to its explanation', async () => {
    const p = await open();
    // the first note lost its '#': outside the template (it used to say “模板文件中缺少 EOF”)
    await at(p, 1, 1);
    await p.keyboard.press('Delete');
    await p.keyboard.press('Delete');
    await settled(p);
    const m = (await markers(p))[0]!;
    expect(m.code).toBe('JX0002');
    expect(m.message).toContain('不在模板之内');
    expect(m.message).not.toMatch(/EOF/);
    const diag = await text(p, '#score .diagnostics');
    expect(diag).toContain('第 1 行第 1 列');
    expect(diag).not.toMatch(/\b1:1\b/);
    // the code opens docs/errors.md's section in the page
    await p.click('#score .diagnostics .code-link');
    await p.waitForFunction(() =>
      /JX0002/.test((globalThis as unknown as { document: { querySelector(s: string): { innerText: string } | null } }).document.querySelector('#doc-body .doc')?.innerText ?? ''),
    );
    expect(await js(p, 'return doc.getElementById("doc-dialog").open')).toBe(true);
    const doc = await text(p, '#doc-body');
    expect(doc).toContain('JX0002 语法错误');
    expect(doc).toContain('修正');
    expect(doc).not.toContain('**');
    await p.screenshot({ path: shot('13-2e-doc.png') });
    await p.keyboard.press('Escape');
    expect(await js(p, 'return doc.getElementById("doc-dialog").open')).toBe(false);
    // the focus is back on the code it was opened from
    expect(await js(p, 'return doc.activeElement.classList.contains("code-link")')).toBe(true);
    await p.close();
  });

  it("lists each finding's help, as the CLI does", async () => {
    const p = await open({ light: true });
    expect(await text(p, 'li.finding[data-code="JX3009"] .help')).toBe('怎么改：核实调查结果，填写 0%–100% 之间的比率');
    // JX3010 four times: one group, opened
    await p.click('li.finding-group[data-code="JX3010"] summary');
    expect(await text(p, 'li.finding[data-code="JX3010"] .help')).toContain('填写实际完成的具体数值');
    await p.screenshot({ path: shot('13-2f-help.png') });
    await p.close();
  });
});

describe('3 · tables a staffer reads', () => {
  it('shows 目标, 实际 and the calculation in columns, grouped by section, headers on one line', async () => {
    const p = await open({ light: true });
    const heads = await js<string[]>(p, 'return Array.from(doc.querySelectorAll("#score table.rows thead th")).map((t) => t.innerText)');
    expect(heads).toEqual(['指标', '目标', '实际', '分值', '得分', '计算过程']);
    const row = await js<string[]>(
      p,
      'return Array.from(doc.querySelector("#score table.rows tr[data-row=\'部门管理 › 资金投入 › 结转结余变动率\']").cells).map((c) => c.innerText.trim())',
    );
    // 目标 ≤100%, 实际 100%, 分值 4, 得分 4 (填报 3), 反向: 实际 100 ≤ 目标 100 → 4
    expect(row.slice(0, 4)).toEqual(['资金投入 › 结转结余变动率', '≤100%', '100%', '4']);
    expect(row[4]).toMatch(/^4\s+填报 3$/);
    expect(row[5]).toContain('反向');
    expect(await count(p, '#score table.rows tr.group')).toBe(5);
    // no header breaks one character per line
    const tall = await js<string[]>(
      p,
      'return Array.from(doc.querySelectorAll("thead th")).filter((t) => t.offsetParent && t.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(t).lineHeight || "18")).map((t) => t.innerText)',
    );
    expect(tall).toEqual([]);
    await js(p, 'doc.querySelector("#score table.rows").scrollIntoView()');
    await p.screenshot({ path: shot('13-3a-rows.png') });
    await p.close();
  });

  it('fits the grid in 1366 with 得分 and 偏差原因, keeps its header and budget block in view, and explains outlines from the keyboard', async () => {
    const p = await open({ light: true });
    await p.click('#tab-filing');
    await p.click('#filing-mode-grid');
    await p.waitForSelector('#grid-rows');
    const fit = await js<{ right: number; panel: number; scroll: boolean }>(
      p,
      'const panel = doc.getElementById("right-pane").getBoundingClientRect(); const th = Array.from(doc.querySelectorAll("#grid-rows thead th")); const s = doc.querySelector(".grid-scroll"); return { right: Math.max(...th.map((t) => t.getBoundingClientRect().right)), panel: panel.right, scroll: s.scrollWidth > s.clientWidth + 1 }',
    );
    expect(fit.scroll).toBe(false);
    expect(fit.right).toBeLessThanOrEqual(fit.panel);
    expect(await js<string[]>(p, 'return Array.from(doc.querySelectorAll("#grid-rows thead th")).map((t) => t.innerText)')).toEqual([
      '#',
      '一级指标',
      '二级指标',
      '三级指标',
      '目标',
      '实际',
      '分值',
      '得分',
      '偏差原因',
    ]);
    // scrolled to the last rows: the budget block and the header are still in view
    await js(p, 'const s = doc.querySelector(".grid-scroll"); s.scrollTop = s.scrollHeight');
    const inView = await js<{ budget: boolean; header: boolean; scrolled: boolean }>(
      p,
      'const s = doc.querySelector(".grid-scroll"); const sr = s.getBoundingClientRect(); const b = doc.getElementById("grid-budget").getBoundingClientRect(); const h = doc.querySelector("#grid-rows thead th").getBoundingClientRect(); return { budget: b.top >= 0 && b.bottom <= innerHeight, header: h.top >= sr.top - 1 && h.bottom <= sr.top + 40, scrolled: s.scrollTop > 0 }',
    );
    expect(inView).toEqual({ budget: true, header: true, scrolled: true });
    // the legend says what an outline means; a cell of an outlined row says why, to the keyboard too
    expect(await text(p, '#grid-legend')).toContain('有错误');
    await js(p, "doc.querySelector(\"#grid-rows input[data-index='1'][data-field='level3']\").focus()");
    await p.keyboard.press('Tab');
    expect(await js(p, 'return doc.activeElement.dataset.field')).toBe('target');
    expect(await text(p, '#grid-row-notes')).toContain('JX3004');
    const described = await js<string>(p, 'const id = doc.activeElement.getAttribute("aria-describedby"); return id ? doc.getElementById(id).textContent : ""');
    expect(described).toContain('填报得分 3，按规则应为 4');
    await p.screenshot({ path: shot('13-3b-grid.png') });
    await p.close();
  });

  it('moves the divider by dragging and by the keyboard', async () => {
    const p = await open({ light: true });
    const width = () => js<number>(p, 'return doc.getElementById("left-pane").getBoundingClientRect().width');
    const before = await width();
    const d = await js<{ x: number; y: number }>(p, 'const r = doc.querySelector(".divider").getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + 200 }');
    await p.mouse.move(d.x, d.y);
    await p.mouse.down();
    await p.mouse.move(d.x - 200, d.y, { steps: 5 });
    await p.mouse.up();
    expect(await width()).toBeLessThan(before - 150);
    await p.focus('.divider');
    const v0 = Number(await js<string>(p, 'return doc.querySelector(".divider").getAttribute("aria-valuenow")'));
    await p.keyboard.press('ArrowRight');
    expect(Number(await js<string>(p, 'return doc.querySelector(".divider").getAttribute("aria-valuenow")'))).toBe(v0 + 5);
    await p.screenshot({ path: shot('13-3c-divider.png') });
    await p.close();
  });

  it('shows a pasted table aligned, cell under cell, and a note leads to its line', async () => {
    const p = await open({ light: true });
    await p.click('#tab-filing');
    const cells = await js<string[]>(p, 'return Array.from(doc.querySelector("#filing-preview tr[data-line=\'8\']").cells).map((c) => c.innerText)');
    expect(cells.slice(0, 7)).toEqual(['8', '部门管理', '资金投入', '基本支出预算执行率', '≤100%', '≤100%', '≤100%']);
    // every row has as many cells: a column is a column
    expect(new Set(await js<number[]>(p, 'return Array.from(doc.querySelectorAll("#filing-preview tr")).map((r) => r.cells.length)')).size).toBe(1);
    await js(p, 'Array.from(doc.querySelectorAll("#filing-problems button.link")).find((b) => b.textContent === "第 17 行").click()');
    expect(await js(p, 'return doc.querySelector("#filing-preview tr.marked").dataset.line')).toBe('17');
    await p.screenshot({ path: shot('13-3d-aligned.png') });
    await p.close();
  });
});

describe('4 · switching forms', () => {
  it('names a filing of another form once, not as 31 JX3016 errors, and offers its template or this form’s sample', async () => {
    const p = await open({ light: true });
    await js(p, 'j.setFiling(arg)', project);
    await settledLight(p);
    const notice = await text(p, '[data-testid=other-form]');
    expect(notice).toContain('填报表是“项目支出”表，而模板是“部门整体支出”');
    // the JX3016 findings are not listed one by one
    expect(await count(p, '#score li.finding[data-code="JX3016"]')).toBe(0);
    expect(await js<string[]>(p, 'return j.score().report.findings.map((f) => f.code)')).toContain('JX3016');
    await p.screenshot({ path: shot('13-4a-other-form.png') });
    await p.click('#use-form-template');
    await settledLight(p);
    expect(await js<string>(p, 'return j.page().file')).toBe('rules/全国/2020/项目支出.jx');
    expect(await js<string[]>(p, 'return j.score().report.findings.map((f) => f.code)')).not.toContain('JX3016');
    // 恢复样例 restores the sample of the chosen form: 全国 2020 has none of its own, so the
    // nearest year's of the broadest jurisdiction, 湖北 2020 (not 湖北/某市/某区 2020)
    await p.click('#tab-filing');
    expect(await text(p, '#reset-filing')).toBe('恢复样例填报表（项目支出）');
    await p.click('#reset-filing');
    await settledLight(p);
    expect(await js<string>(p, 'return j.filing()')).toBe(hubei2020);
    // and back on 部门整体支出, the seed
    await p.selectOption('#template-select', 'rules/甘肃/2023/部门整体支出.jx');
    await p.click('#reset-filing');
    await settledLight(p);
    expect(await js<string>(p, 'return j.filing()')).toBe(seed);
    await p.close();
  });
});

describe('5 · bugs', () => {
  it('Ctrl+Z after a switch of template stays in the template it was typed in', async () => {
    const p = await open();
    await at(p, 1, 1);
    await p.keyboard.type('# 改动\n');
    await settled(p);
    await p.selectOption('#template-select', 'rules/甘肃/2024/部门整体支出.jx');
    await settled(p);
    await js(p, 'j.editor.focus()');
    await p.keyboard.press('Control+Z');
    await p.keyboard.press('Control+Z');
    await settled(p);
    // the 2024 template is still the 2024 template, under its name
    expect(await js(p, 'return j.template()')).toBe(template2024);
    expect(await js(p, 'return j.page().buffers.get("rules/甘肃/2024/部门整体支出.jx")')).toBe(template2024);
    await p.selectOption('#template-select', 'rules/甘肃/2023/部门整体支出.jx');
    await settled(p);
    expect(await js(p, 'return j.template()')).toBe('# 改动\n' + template2023);
    // undo works where the edit was made (typing goes back in a few steps)
    await js(p, 'j.editor.focus()');
    for (let i = 0; i < 6 && (await js(p, 'return j.template()')) !== template2023; i++) await p.keyboard.press('Control+Z');
    await settled(p);
    expect(await js(p, 'return j.template()')).toBe(template2023);
    await p.close();
  });

  it('Tab leaves the editor (indentation is Ctrl+], and the footer says so)', async () => {
    const p = await open();
    await at(p, 12, 1);
    await p.keyboard.press('Tab');
    expect(await js(p, 'return !!doc.activeElement.closest(".monaco-editor")')).toBe(false);
    expect(await js(p, 'return j.template()')).toBe(template2023);
    await at(p, 12, 1);
    await p.keyboard.press('Control+BracketRight');
    expect((await js<string>(p, 'return j.template()')).split('\n')[11]).toBe('  ' + template2023.split('\n')[11]);
    expect(await text(p, '#key-hint')).toContain('Ctrl+]');
    await p.close();
  });

  it('keeps the focus on its finding through a background re-analysis', async () => {
    const p = await open({ light: true });
    const key = await js<string>(p, 'const b = doc.querySelectorAll("#score .finding-btn")[2]; b.focus(); return b.dataset.focusKey');
    await js(p, 'j.setFiling(j.filing() + "\\n")');
    await settledLight(p);
    expect(await js(p, 'return doc.activeElement.dataset.focusKey')).toBe(key);
    await p.close();
  });

  it('keeps the pasted table’s warnings once the grid is edited, until dismissed', async () => {
    const p = await open({ light: true });
    await p.click('#tab-filing');
    await p.click('#filing-mode-grid');
    await p.waitForSelector('#grid-rows');
    await p.fill('#grid-rows input[data-index="0"][data-field="reason"]', '说明');
    await p.waitForFunction(() => (globalThis as unknown as { __jixiao: { filing(): string } }).__jixiao.filing().startsWith('{'));
    await settledLight(p);
    expect(await text(p, '#filing-problems .kept-notes')).toContain('IMP020');
    await p.click('#tab-score');
    expect(await text(p, '[data-testid=kept-notes]')).toContain('第 17 行错位');
    await p.screenshot({ path: shot('13-5a-kept-notes.png') });
    await p.click('[data-testid=kept-notes] button.dismiss');
    expect(await count(p, '[data-testid=kept-notes]')).toBe(0);
    await p.close();
  });

  it('diffs 2024 → 2023 as the reverse of 2023 → 2024: a rename, not add + delete', async () => {
    const p = await open({ light: true });
    await p.click('#tab-diff');
    await p.waitForFunction(() => !!(globalThis as unknown as { __jixiao: { diff(): unknown } }).__jixiao.diff());
    await p.click('#diff-swap');
    await p.waitForFunction(() => (globalThis as unknown as { __jixiao: { diff(): { diff: { from: { year: number } } } | null } }).__jixiao.diff()?.diff?.from.year === 2024);
    const changes = await js<{ change: string; path: string[]; from: string; to: string }[]>(p, 'return j.diff().diff.changes');
    expect(changes.filter((c) => c.change === 'renamed').map((c) => [c.from, c.to])).toEqual([['履职效能', '履职效果']]);
    expect(changes.some((c) => c.path[0] === '履职效能' || (c.path[0] === '履职效果' && c.change !== 'renamed'))).toBe(false);
    await p.close();
  });

  it('reads the 年度总体目标 texts of a pasted 项目支出 table, not its labels', async () => {
    const p = await open({ light: true });
    const labelsBelow = project.replace(
      /^年度总体目标\t.*\n.*\n/m,
      '年度总体目标\t\t\t\t\t\t\t\n\t预期目标\t\t\t实际完成情况\t\t\t\n\t完成全县120公里农村公路日常养护\t\t\t完成118公里农村公路日常养护\t\t\t\n',
    );
    await js(p, 'j.setFiling(arg)', labelsBelow);
    await settledLight(p);
    await p.click('#tab-json');
    const goals = await js<{ expected: string; actual: string }>(p, 'return JSON.parse(doc.getElementById("json").value).goals');
    expect(goals).toEqual({ expected: '完成全县120公里农村公路日常养护', actual: '完成118公里农村公路日常养护' });
    await p.close();
  });
});

describe('6 · year comparison', () => {
  it('compares the resolved templates, writes rule changes in words, and shows the impact on every loaded filing', async () => {
    const p = await open({ light: true });
    await p.click('#tab-diff');
    await p.waitForFunction(() => !!(globalThis as unknown as { __jixiao: { diff(): unknown } }).__jixiao.diff());
    await p.waitForSelector('.monaco-diff-editor', { state: 'visible' });
    await p.waitForFunction(() =>
      (
        (globalThis as unknown as { __jixiao: { diffEditor(): { getModifiedEditor(): { getValue(): string } } | null } }).__jixiao.diffEditor()?.getModifiedEditor().getValue() ??
        ''
      ).includes('一级指标 能力建设'),
    );
    // the 2024 side holds what is in force (its parent's 能力建设 too); few lines differ
    const changed = await js<number>(
      p,
      'const e = j.diffEditor(); const lc = e.getLineChanges() || []; return lc.reduce((n, c) => n + Math.max(0, c.originalEndLineNumber - c.originalStartLineNumber + 1), 0)',
    );
    const lines = template2023.split('\n').length;
    expect(changed).toBeLessThan(lines / 3);
    expect(await text(p, '#diff-caption')).toContain('已展开继承');
    // a rule change in words
    const words = await js<string[]>(p, 'return Array.from(doc.querySelectorAll("[data-testid=change-words] li")).map((l) => l.innerText)');
    expect(words).toContain('新增情形：实际 ≥ 目标 时，得满分');
    // the impact on the current filing, and on the loaded ones
    expect(await text(p, '[data-testid=impact-to]')).toBe('95');
    await p.click('#diff-files-examples');
    await p.waitForFunction(() => ((globalThis as unknown as { __jixiao: { diff(): { set?: unknown[] } | null } }).__jixiao.diff()?.set ?? []).length === 3);
    const set = await js<{ name: string; from: { total: number }; to: { total: number } }[]>(p, 'return j.diff().set');
    // the three 部门整体支出 samples (甘肃's seed and clean, 大英县's); seed: 100 → 95 (部门管理 20 → 15); clean: both 100 (its 部门管理 rows are rescaled to the new cap)
    expect(set.map((x) => [x.name.replace(/^.*\//, ''), x.from.total, x.to.total])).toContainEqual(['seed.tsv', 100, 95]);
    expect(await text(p, '[data-testid=impact-set]')).toContain('3 份中');
    // files chosen from the disk, as a staffer has them
    await p.setInputFiles('#diff-files', [
      { name: '甲单位.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(seed) },
      {
        name: '乙单位.tsv',
        mimeType: 'text/tab-separated-values',
        buffer: Buffer.from(seed.replace('党建工作(项)\t≥1项\t≥1项\t≥1项\t3\t3', '党建工作(项)\t≥1项\t≥1项\t0项\t3\t0')),
      },
    ]);
    await p.waitForFunction(() =>
      ((globalThis as unknown as { __jixiao: { diff(): { set?: { name: string }[] } | null } }).__jixiao.diff()?.set ?? []).some((x) => x.name === '乙单位.tsv'),
    );
    expect(await count(p, '[data-testid=impact-set] tbody tr')).toBe(2);
    await p.screenshot({ path: shot('13-6-diff.png') });
    await p.close();
  });
});

describe('7 · first use', () => {
  it('guides a first visit in three steps, and can be closed for good', async () => {
    const p = await open({ guide: true, light: true });
    expect(await visible(p, '#guide')).toBe(true);
    expect(await text(p, '#guide')).toContain('左边是规则，右边是填报表和得分');
    await p.screenshot({ path: shot('13-7a-guide.png') });
    await p.click('#guide-next');
    expect(await text(p, '#guide')).toContain('粘贴一张自评表');
    await p.click('#guide-next');
    expect(await text(p, '#guide')).toContain('试着改一处规则');
    await p.click('#guide-never');
    expect(await visible(p, '#guide')).toBe(false);
    await p.reload();
    await settledLight(p);
    expect(await visible(p, '#guide')).toBe(false);
    await p.click('#guide-open');
    expect(await visible(p, '#guide')).toBe(true);
    await p.close();
  });

  it('wraps long comments and completes whole snippets: an indicator line, a rule skeleton', async () => {
    const p = await open();
    expect(await js(p, 'return j.editor.getRawOptions().wordWrap')).toBe('on');
    // the long 定性分档 line wraps: more screen lines than text lines
    expect(await js<number>(p, 'return j.editor.getContentHeight() / 20')).toBeGreaterThan(template2023.split('\n').length);
    const last = lineOf(template2023, '扣分 ');
    await at(p, last, 1);
    await p.keyboard.press('End');
    await p.keyboard.press('Enter');
    await p.keyboard.type('一级');
    await js(p, 'j.editor.trigger("t", "editor.action.triggerSuggest", {})');
    await p.waitForFunction(() => /一级指标 … 分值 … 分 \{ 单位填报 \}/.test((globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText));
    await p.screenshot({ path: shot('13-7b-snippet.png') });
    await js(p, 'j.editor.trigger("t", "acceptSelectedSuggestion", {})');
    // the placeholder 指标名称 is selected: typed over, then Tab goes to the weight
    await p.keyboard.type('成本控制');
    await p.keyboard.press('Tab');
    await p.keyboard.type('0');
    const lineText = (await js<string>(p, 'return j.template()')).split('\n')[last]!;
    expect(lineText.trim()).toBe('一级指标 成本控制 分值 0 分 { 单位填报 }');
    await p.keyboard.press('Escape');
    await p.keyboard.press('End');
    await p.keyboard.press('Enter');
    await p.keyboard.type('规则');
    await js(p, 'j.editor.trigger("t", "editor.action.triggerSuggest", {})');
    await p.waitForFunction(() => /规则 … 适用 … \{ 得分 = … \}/.test((globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText));
    await p.keyboard.press('ArrowDown');
    const picked = await js<string>(p, 'return doc.querySelector(".suggest-widget .monaco-list-row.focused").innerText');
    if (!picked.includes('规则 …')) await p.keyboard.press('ArrowUp');
    await js(p, 'j.editor.trigger("t", "acceptSelectedSuggestion", {})');
    await p.keyboard.press('Escape');
    expect(await js<string>(p, 'return j.template()')).toContain('得分 = 如果 实际 >= 目标 则 权重 否则 权重 * min(实际 / 目标, 1)');
    await p.close();
  });
});

describe('9 · size', () => {
  it('loads 1.5 MB or less of JS and CSS for the first screen; Monaco comes when the template is edited', async () => {
    const p = await pg.newPage();
    const loaded: { url: string; bytes: number }[] = [];
    p.on('response', (r) => {
      void r
        .body()
        .then((b) => loaded.push({ url: r.url(), bytes: b.length }))
        .catch(() => undefined);
    });
    await p.goto(pg.url);
    await settledLight(p);
    await wait(500);
    const jsCss = loaded.filter((x) => /\.(js|css)$/.test(x.url));
    const bytes = jsCss.reduce((n, x) => n + x.bytes, 0);
    expect(bytes).toBeLessThanOrEqual(1.5e6);
    expect(jsCss.some((x) => /monaco-/.test(x.url))).toBe(false);
    // the first screen is whole: the template (highlighted) and its score
    expect(await count(p, '.tpl-view .tv-line')).toBe(template2023.split('\n').length);
    expect(await text(p, '[data-testid=total]')).toBe('100');
    await p.screenshot({ path: shot('13-9-first-screen.png') });
    // a click in the template brings the editor, at the place clicked
    const y = await js<number>(p, 'const l = doc.querySelectorAll(".tpl-view .tv-line")[10].getBoundingClientRect(); return l.top + l.height / 2');
    await p.mouse.click(200, y);
    await p.waitForFunction(() => (globalThis as unknown as { __jixiao: { editorLoaded(): boolean } }).__jixiao.editorLoaded());
    await p.waitForSelector('.monaco-editor', { state: 'visible' });
    expect(loaded.some((x) => /monaco-.*\.js$/.test(x.url))).toBe(true);
    expect(await js<{ lineNumber: number }>(p, 'return j.editor.getPosition()')).toMatchObject({ lineNumber: 11 });
    await p.close();
  });
});

describe('the seed at 1366×768 and 1920×1080 (the report’s “after” screenshots)', () => {
  it('shows the seed', async () => {
    for (const [w, h] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      const p = await pg.newPage({ viewport: { width: w, height: h } });
      await p.goto(pg.url);
      await settledLight(p);
      await p.screenshot({ path: shot(`after-seed-${w}.png`) });
      await p.close();
    }
  });

  it('logs no page errors', () => {
    expect(pg.errors).toEqual([]);
  });
});
