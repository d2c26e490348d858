// Issue 13, item 8: the page in each language, complete — no Chinese label left in
// English mode, no English label in Chinese mode — on every tab and state a staffer meets.
// What the template, the filing and the rules name (indicators, forms, regions, grades,
// the DSL's own words) is data, marked translate="no" on the page or quoted in messages;
// everything else is read: visible text, and the aria-label, title and placeholder read
// aloud or shown on hover.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, settled, settledLight, shot, startPlayground, type Page, type Playground } from './harness.ts';

let pg: Playground;
const project = readFileSync(join(repoRoot, 'packages/engine/test/fixtures/project.tsv'), 'utf8');
const seed = readFileSync(join(repoRoot, 'rules/甘肃/2023/examples/seed.tsv'), 'utf8');
const template2023 = readFileSync(join(repoRoot, 'rules/甘肃/2023/部门整体支出.jx'), 'utf8');

function js<R = unknown>(p: Page, body: string, arg?: unknown): Promise<R> {
  return p.evaluate(
    ({ body, arg }) => {
      const g = globalThis as unknown as { __jixiao: unknown; document: unknown };
      return new Function('j', 'doc', 'arg', body)(g.__jixiao, g.document, arg) as R;
    },
    { body, arg },
  );
}

/** Every piece of text the page shows or reads aloud now, outside data (translate="no") and the template itself. */
const TEXTS = `
  const out = [];
  const skip = (el) => !!el.closest('[translate="no"], .monaco-editor .view-lines, .monaco-editor .margin, script, style');
  const shown = (el) => { for (let e = el; e; e = e.parentElement) { if (e.hidden) return false; const cs = getComputedStyle(e); if (cs.display === 'none' || cs.visibility === 'hidden') return false; } return true; };
  const own = (el) => el.closest('[lang]')?.getAttribute('lang') ?? 'x';
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    const t = n.textContent.trim();
    if (!el || !t || skip(el) || el.closest('.tpl-view') || !shown(el)) continue;
    out.push({ t, lang: own(el), where: el.tagName + (el.id ? '#' + el.id : '') + '.' + String(el.className).slice(0, 30) });
  }
  for (const el of doc.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (skip(el) || !shown(el)) continue;
    for (const a of ['aria-label', 'title', 'placeholder']) {
      const v = el.getAttribute(a);
      if (v && v.trim()) out.push({ t: v.trim(), lang: own(el), where: el.tagName + '[' + a + ']' });
    }
  }
  return out;
`;

/** Quoted data in messages: “…”, "…", '…', 「…」 and the like. */
const QUOTED = /“[^”]*”|"[^"\n]*"|'[^'\n]*'|‘[^’]*’|「[^」]*」|«[^»]*»/g;
/** Proper names of the rules: forms, jurisdictions and grades, wherever they stand. */
const NAMES = /部门整体支出|项目支出|全国|甘肃|四川|优|良|中|差/g;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Latin words a Chinese page rightly shows: formats, keys, codes, units, the product's name. */
const LATIN_OK = /\b(JSON|Excel|WPS|Tab|Ctrl|Enter|Delete|Shift|Home|End|Alt|F8|JX\d{4}|IMP\d{3}|ms|min|max|jixiao|diff)\b/g;

async function check(p: Page, lang: 'zh' | 'en', state: string, bad: Record<string, string[]>): Promise<void> {
  const texts = await js<{ t: string; lang: string; where: string }[]>(p, TEXTS);
  // not a vacuous pass: the state has words, and words of its language
  const own = texts.filter((x) => x.lang.startsWith(lang === 'zh' ? 'zh' : 'en'));
  if (own.length < 15 || !own.some((x) => (lang === 'zh' ? CJK.test(x.t) : /^[A-Z][a-z]+ /.test(x.t)))) bad[`${lang} · ${state} (too few words read: ${own.length})`] = [];
  const wrong: string[] = [];
  for (const { t, lang: l, where } of texts) {
    // the language toggle names the other language in that language (lang="en" / "zh-CN")
    if (l !== 'x' && !l.startsWith(lang === 'zh' ? 'zh' : 'en')) continue;
    if (lang === 'en') {
      if (CJK.test(t.replace(QUOTED, '').replace(NAMES, ''))) wrong.push(`${where}: ${t}`);
    } else if (/[A-Za-z]{2,}/.test(t.replace(LATIN_OK, '').replace(QUOTED, ''))) wrong.push(`${where}: ${t}`);
  }
  if (wrong.length) bad[`${lang} · ${state}`] = [...new Set(wrong)];
}

/** Visit every tab and state in one language; the failures by state. */
async function tour(lang: 'zh' | 'en'): Promise<Record<string, string[]>> {
  const bad: Record<string, string[]> = {};
  const p = await pg.newPage();
  await p.goto(pg.url);
  await settledLight(p);
  await js(p, 'j.lang(arg)', lang);
  const openAll = () => js(p, 'doc.querySelectorAll("details").forEach((d) => (d.open = true))');
  await openAll();
  await check(p, lang, 'score', bad);
  await p.screenshot({ path: shot(`13-8-${lang}-score.png`) });
  await p.click('#tab-filing');
  await check(p, lang, 'filing (paste)', bad);
  await p.click('#filing-mode-grid');
  await p.waitForSelector('#grid-rows');
  await js(p, "doc.querySelector(\"#grid-rows input[data-index='1'][data-field='target']\").focus()");
  await check(p, lang, 'filing (grid)', bad);
  await p.screenshot({ path: shot(`13-8-${lang}-grid.png`) });
  await p.fill('#grid-rows input[data-index="0"][data-field="reason"]', 'x');
  await p.waitForFunction(() => (globalThis as unknown as { __jixiao: { filing(): string } }).__jixiao.filing().startsWith('{'));
  await settledLight(p);
  await check(p, lang, 'filing (grid, kept notes)', bad);
  await p.click('#filing-mode-paste');
  await p.click('#tab-json');
  await check(p, lang, 'JSON', bad);
  await js(p, 'j.setFiling(arg)', seed);
  await settledLight(p);
  await p.click('#tab-diff');
  await p.waitForFunction(() => !!(globalThis as unknown as { __jixiao: { diff(): unknown } }).__jixiao.diff());
  await p.click('#diff-files-examples');
  await p.waitForFunction(() => ((globalThis as unknown as { __jixiao: { diff(): { set?: unknown[] } | null } }).__jixiao.diff()?.set ?? []).length > 0);
  await openAll();
  await check(p, lang, 'compare', bad);
  await p.screenshot({ path: shot(`13-8-${lang}-compare.png`) });
  await p.click('#tab-score');
  await p.click('li.finding[data-code="JX3009"] .code-link');
  await p.waitForFunction(() => !!(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('#doc-body .doc'));
  await check(p, lang, 'explanation of a code', bad);
  await p.screenshot({ path: shot(`13-8-${lang}-doc.png`) });
  await p.keyboard.press('Escape');
  await p.click('#guide-open');
  await check(p, lang, 'guide', bad);
  await p.click('#guide-close');
  // another form's filing, and a table whose header is not recognised
  await js(p, 'j.setFiling(arg)', project);
  await settledLight(p);
  await check(p, lang, 'another form', bad);
  await js(p, 'j.setFiling(arg)', seed.replace('指标项\t细指标\t被指标\t指标值\t年度目标值\t实际完成值\t分值\t得分', 'A\tB\tC\tD\tE\tF\tG\tH'));
  await settledLight(p);
  await p.click('#tab-filing');
  await check(p, lang, 'column mapping', bad);
  // a template error: the panel's list, its place in words, its fix
  await js(p, 'j.setFiling(arg)', seed);
  await p.click('#tab-score');
  await settled(p);
  const line = template2023.split('\n').findIndex((l) => l.includes('否则 权重 * min(实际 / 目标, 1)')) + 1;
  await js(
    p,
    'const c = j.editor.getModel().getLineContent(arg).indexOf("权重 * min") + 1; j.editor.executeEdits("t", [{ range: { startLineNumber: arg, startColumn: c, endLineNumber: arg, endColumn: c + "权重 * min(实际 / 目标, 1)".length }, text: "权重 * 实际 / 目标" }])',
    line,
  );
  await settled(p);
  await check(p, lang, 'template error', bad);
  await p.screenshot({ path: shot(`13-8-${lang}-template-error.png`) });
  await p.close();
  return bad;
}

beforeAll(async () => {
  pg = await startPlayground();
});
afterAll(async () => {
  await pg?.close();
});

describe('8 · each language complete', () => {
  it('English mode has no Chinese label left', async () => {
    expect(await tour('en')).toEqual({});
  });
  it('Chinese mode has no English label', async () => {
    expect(await tour('zh')).toEqual({});
  });
  it('logs no page errors', () => {
    expect(pg.errors).toEqual([]);
  });
});
