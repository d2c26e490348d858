// Hostile names through a shared link: a template and a filing whose names look like
// code or markup open in the playground as plain text; nothing runs (no script, no
// handler, no global set) and no prototype changes.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundRoot, settled, shot, startPlayground, type Hooks, type Page, type Playground } from './harness.ts';

const lz = createRequire(join(playgroundRoot, 'package.json'))('lz-string') as { compressToEncodedURIComponent(s: string): string };

const evil = [
  '"); globalThis.__pwned = 1; ("',
  '${globalThis.__pwned = 2}',
  '<img src=x onerror="globalThis.__pwned = 3">',
  '</script><script>globalThis.__pwned = 4</script>',
  '__proto__',
  'constructor',
  'toString',
];
const q = (s: string) => `“${s}”`;
const template = [
  '模板 部门整体支出 2023 {',
  '  总分 100 分',
  `  等级 { ${q('__proto__')} >= 90 分; ${q(evil[2]!)} >= 60 分; ${q(evil[0]!)} }`,
  '  规则 正向 适用 >=, > { 得分 = 权重 * min(实际 / 目标, 1) }',
  ...evil.map((n, i) => `  一级指标 ${q(n)} 分值 ${i === 0 ? 40 : 10} 分 { 单位填报 }`),
  '}',
].join('\n');
const filing = JSON.stringify({
  year: 2023,
  form: '部门整体支出',
  rows: evil.map((n, i) => ({
    level1: n,
    level2: evil[(i + 3) % evil.length],
    level3: evil[(i + 1) % evil.length],
    target: '≥1项',
    actual: '2项',
    weight: i === 0 ? 40 : 10,
    statedScore: i === 0 ? 40 : 10,
  })),
  statedTotal: 100,
});

let pg: Playground;
let page: Page;

beforeAll(async () => {
  pg = await startPlayground();
  page = await pg.newPage();
  const hash = '#s=' + lz.compressToEncodedURIComponent(JSON.stringify({ v: 1, file: 'rules/甘肃/2023/部门整体支出.jx', year: 2023, template, filing }));
  await page.goto(pg.url + hash);
  await settled(page);
});

afterAll(async () => {
  await pg?.close();
});

describe('hostile names in the playground', () => {
  it('scores them as data: every name shown as text, nothing run, no prototype changed', async () => {
    const report = await page.evaluate(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.score()?.report ?? null);
    expect(report?.sections.map((s) => s.name)).toEqual(evil);
    expect(report?.total).toBe(100);
    const probe = await page.evaluate(() => ({
      pwned: (globalThis as unknown as { __pwned?: unknown }).__pwned ?? null,
      polluted: ({} as Record<string, unknown>)['polluted'] ?? null,
      images: (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('img[src="x"]').length,
      text: (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText,
    }));
    expect(probe.pwned).toBeNull();
    expect(probe.polluted).toBeNull();
    expect(probe.images).toBe(0);
    // the markup-looking name is on screen as literal text
    expect(probe.text).toContain('<img src=x onerror="globalThis.__pwned = 3">');
    expect(pg.errors).toEqual([]);
    await page.screenshot({ path: shot('30-hostile-names.png') });
  });
});
