// Names that look like code are data: a template and a filing full of them are checked
// and scored by the CLI like any other, nothing they say runs, and no prototype changes.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { jixiao, tempFile } from './run.ts';

const marker = join(tmpdir(), `jixiao-pwned-${process.pid}`);
const evil = [
  `"); require('fs').writeFileSync('${marker}', '1'); ("`,
  "${require('fs').writeFileSync('" + marker + "', '2')}",
  'a\u2028b',
  `*/ require('fs').writeFileSync('${marker}', '3'); /*`,
  '__proto__',
  'constructor',
  'toString',
];

/** Quote a name for the template: “…” unless it holds ”, which never happens here. */
const q = (s: string) => `“${s}”`;

function template(): string {
  const caps = evil.map((_, i) => (i === 0 ? 100 - (evil.length - 1) * 10 : 10));
  return [
    `模板 部门整体支出 2023 {`,
    `  总分 100 分`,
    `  等级 { ${q('__proto__')} >= 90 分; ${q('constructor')} >= 60 分; ${q(evil[0]!)} }`,
    `  定性分档 { ${q('toString')} 80%..100%; ${q(evil[1]!)} 60%..80%; ${q(evil[3]!)} 0%..60% }`,
    `  规则 ${q(evil[0]!)} 适用 >=, > { 得分 = 权重 * min(实际 / 目标, 1) }`,
    `  规则 ${q('constructor')} 适用 定性 { 得分 = 权重 * 完成比例 }`,
    ...evil.map((n, i) => `  一级指标 ${q(n)} 分值 ${caps[i]} 分 { 单位填报 }`),
    `}`,
  ].join('\n');
}

function filing(): string {
  const rows = evil.map((n, i) => ({
    level1: n,
    level2: evil[(i + 1) % evil.length],
    level3: evil[(i + 2) % evil.length],
    target: '≥1项',
    actual: '2项',
    weight: i === 0 ? 40 : 10,
    statedScore: i === 0 ? 40 : 10,
  }));
  // JSON text with a literal "__proto__" key inside a row: JSON.parse makes it an own property
  return JSON.stringify({ year: 2023, form: '部门整体支出', rows, statedTotal: 100 }).replace('"rows":[{', '"rows":[{"__proto__":{"polluted":1},');
}

describe('names that look like code, through the CLI', () => {
  it('checks the template with every name as an ordinary name', () => {
    rmSync(marker, { force: true });
    const r = jixiao(['check', tempFile('evil.jx', template())]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(marker)).toBe(false);
  });

  it('scores a filing whose names and keys are hostile; nothing runs, no prototype changes', () => {
    rmSync(marker, { force: true });
    const rules = tempFile('evil.jx', template());
    const f = tempFile('evil.json', filing());
    const r = jixiao(['score', f, '--rules', rules, '--json']);
    expect(existsSync(marker)).toBe(false);
    // the __proto__ key inside a row is an unknown key: the filing is refused with its path, not merged
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('__proto__');
    expect(r.stdout).toBe('');
  });

  it('scores the same hostile names without the __proto__ key, every name kept as data', () => {
    rmSync(marker, { force: true });
    const rules = tempFile('evil.jx', template());
    const f = tempFile('evil.json', filing().replace('"__proto__":{"polluted":1},', ''));
    const r = jixiao(['score', f, '--rules', rules, '--json']);
    expect(existsSync(marker)).toBe(false);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.sections.map((s: { name: string }) => s.name)).toEqual(evil);
    expect(report.rows.map((x: { path: string[] }) => x.path[0])).toEqual(evil);
    expect(report.total).toBe(100);
    expect(report.grade).toBe('__proto__');
  });
});
