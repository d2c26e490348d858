import { readFileSync, writeFileSync, mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao, root, tempFile } from './run.ts';

interface Finding {
  code: string;
  severity: string;
  path: string[];
  message: string;
}

describe('jixiao score on the seed table (rules/2023/examples/seed.tsv, the seed lines 72–111)', () => {
  const seedTsv = readFileSync(join(root, 'rules/2023/examples/seed.tsv'), 'utf8');
  const seedLines = readFileSync(join(root, 'test/fixtures/seed/000_73134533154cb10e.txt'), 'utf8').split('\n');
  it('is the seed table byte for byte', () => {
    expect(seedTsv).toBe(seedLines.slice(71, 111).join('\n') + (seedTsv.endsWith('\n') ? '\n' : ''));
  });

  const r = jixiao(['score', 'rules/2023/examples/seed.tsv', '--year', '2023', '--form', '部门整体支出', '--json']);
  const report = JSON.parse(r.stdout) as {
    template: { name: string; year: number };
    total: number;
    cap: number;
    grade: string;
    statedTotal: number | null;
    sections: { name: string; cap: number; score: number; statedScore: number | null }[];
    rows: { path: string[]; weight: number; score: number; statedScore: number | null; explain: string }[];
    findings: (Finding & { message: { zh: string; en: string } })[];
  };
  const zh = (f: { message: { zh: string } }) => f.message.zh;

  it('exits 1 and prints exactly one JSON object', () => {
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(report.template).toEqual({ name: '部门整体支出', year: 2023, decimals: 2 });
    expect(report.cap).toBe(100);
  });

  it('scores every indicator row within its weight, with an explanation', () => {
    expect(report.rows.length).toBe(28);
    for (const row of report.rows) {
      expect(row.score).toBeGreaterThanOrEqual(0);
      expect(row.score).toBeLessThanOrEqual(row.weight);
      expect(row.explain.length).toBeGreaterThan(0);
    }
  });

  it('reports the five sections with their caps, each score within its cap, and the total within 100', () => {
    expect(report.sections.map((s) => [s.name, s.cap])).toEqual([
      ['预算执行率', 10],
      ['部门管理', 20],
      ['履职效果', 50],
      ['能力建设', 10],
      ['服务对象满意度', 10],
    ]);
    for (const s of report.sections) expect(s.score).toBeLessThanOrEqual(s.cap);
    expect(report.total).toBeLessThanOrEqual(100);
  });

  it('keeps the stated total 97', () => {
    expect(report.statedTotal).toBe(97);
  });

  it('finds the weight sums of 部门管理 (40/20), 履职效果 (33/50), 能力建设 (19/10)', () => {
    const ws = report.findings.filter((f) => f.code === 'JX3001');
    const by = (name: string) => ws.find((f) => f.path[0] === name);
    expect(zh(by('部门管理')!)).toMatch(/40.*20/);
    expect(zh(by('履职效果')!)).toMatch(/33.*50/);
    expect(zh(by('能力建设')!)).toMatch(/19.*10/);
    for (const f of ws) expect(f.severity).toBe('error');
  });

  it('finds the 110-point total', () => {
    const f = report.findings.find((f) => f.code === 'JX3002');
    expect(zh(f!)).toContain('110');
    expect(f!.severity).toBe('error');
  });

  it('cites the stated total 97 against the stated rows 107', () => {
    const f = report.findings.find((f) => f.code === 'JX3007');
    expect(zh(f!)).toContain('97');
    expect(zh(f!)).toContain('107');
  });

  it('flags both 500% satisfaction rates', () => {
    const f = report.findings.filter((f) => f.code === 'JX3009');
    expect(f.map((x) => x.path[2])).toEqual(['干部职工满意度', '人民群众对廉洁文化宣传满意度']);
    for (const x of f) expect(zh(x)).toContain('500%');
  });

  it('flags every stated score that differs from the rule, 建设规划 among them', () => {
    const differs = report.rows.filter((row) => row.statedScore !== null && Math.abs(row.statedScore - row.score) >= 0.005);
    const flagged = report.findings.filter((f) => f.code === 'JX3004').map((f) => f.path.join('/'));
    expect(differs.length).toBeGreaterThan(0);
    for (const row of differs) expect(flagged).toContain(row.path.join('/'));
    expect(flagged).toContain('履职效果/部门履职目标/建设规划');
  });

  it('flags the shifted 重点工作管理制度 row and the ≤10% vs ≤100% columns', () => {
    expect(report.findings.some((f) => f.code === 'IMP020' && zh(f).includes('重点工作管理制度'))).toBe(true);
    expect(report.findings.some((f) => f.code === 'JX3012' && f.path[2] === '结转结余变动率')).toBe(true);
  });

  it('finds the table inside the whole seed document and the report text\'s own total, 100', () => {
    const r2 = jixiao(['score', join(root, 'test/fixtures/seed/000_73134533154cb10e.txt'), '--year', '2023', '--form', '部门整体支出', '--json']);
    const whole = JSON.parse(r2.stdout) as typeof report;
    expect(whole.rows.map((x) => x.path.join('/'))).toEqual(report.rows.map((x) => x.path.join('/')));
    expect(whole.statedTotal).toBe(97);
    expect(zh(whole.findings.find((f) => f.code === 'JX3027')!)).toBe('报告正文写自评得分 100 分，而表中填报总分为 97');
  });

  it('reads the year and form from the title when they are not given', () => {
    const r2 = jixiao(['score', 'rules/2023/examples/seed.tsv', '--json']);
    expect(r2.status).toBe(1);
    expect(JSON.parse(r2.stdout).total).toBe(report.total);
  });

  it('prints a readable table without --json', () => {
    const r3 = jixiao(['score', 'rules/2023/examples/seed.tsv']);
    expect(r3.status).toBe(1);
    expect(r3.stdout).toContain('建设规划');
    expect(r3.stdout).toContain('总分');
    expect(r3.stdout).toContain('JX3001');
  });
});

describe('jixiao score: exit codes and choosing the template', () => {
  it('exits 0 for a clean filing', () => {
    const r = jixiao(['score', 'rules/2023/examples/clean.json']);
    expect(r.status).toBe(0);
  });

  it('exits 2 with a clear message for an unreadable filing', () => {
    const r = jixiao(['score', tempFile('x.tsv', '这不是一张表\n'), '--year', '2023', '--form', '部门整体支出']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('无法读取填报表');
    expect(r.stdout).toBe('');
  });

  it('exits 2 when the year cannot be told', () => {
    const f = JSON.parse(readFileSync(join(root, 'rules/2023/examples/clean.json'), 'utf8'));
    delete f.year;
    delete f.title;
    const r = jixiao(['score', tempFile('noyear.json', JSON.stringify(f))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--year');
  });

  it('--year picks the newest template of that form at or before the year', () => {
    const r = jixiao(['score', 'rules/2023/examples/clean.json', '--year', '2026', '--json']);
    expect(JSON.parse(r.stdout).template.year).toBeLessThanOrEqual(2026);
    const old = jixiao(['score', 'rules/2023/examples/clean.json', '--year', '2021', '--json']);
    expect(old.status).toBe(2);
    expect(old.stderr).toContain('2021');
  });

  it('--rules names a template file directly and exits 2 when it is invalid', () => {
    const bad = tempFile('bad.jx', '模板 部门整体支出 2023 { 总分 100 分 一级指标 A 分值 90 分 }');
    const r = jixiao(['score', 'rules/2023/examples/clean.json', '--rules', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('模板无效');
  });
});

describe('jixiao score: batches', () => {
  it('scores a folder, one JSON line per filing, and a malformed filing does not stop it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-batch-'));
    copyFileSync(join(root, 'rules/2023/examples/seed.tsv'), join(dir, 'a.tsv'));
    writeFileSync(join(dir, 'b.json'), '{ not json');
    copyFileSync(join(root, 'rules/2023/examples/clean.json'), join(dir, 'c.json'));
    const r = jixiao(['score', dir, '--json']);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].total).toBeGreaterThan(0);
    expect(lines[1].error.code).toBeDefined();
    expect(lines[2].grade).toBe('优');
    expect(r.stderr).toContain('共 3 份');
    expect(r.status).toBe(1);
  });

  it('streams an NDJSON file line by line', () => {
    const clean = JSON.stringify(JSON.parse(readFileSync(join(root, 'rules/2023/examples/clean.json'), 'utf8')));
    const f = tempFile('b.ndjson', [clean, '{"rows": "nope"}', clean, ''].join('\n'));
    const r = jixiao(['score', f, '--json']);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => (l.error ? 'error' : l.grade))).toEqual(['优', 'error', '优']);
    expect(r.stderr).toMatch(/共 3 份.*1 份无法评分/);
  });
});

describe('jixiao explain', () => {
  it('prints the derivation of one indicator with its rule and findings', () => {
    const r = jixiao(['explain', 'rules/2023/examples/seed.tsv', '建设规划']);
    expect(r.status).toBe(0);
    // the met branch of 正向: 3 ≥ 1, so the full weight
    expect(r.stdout).toContain('正向: 实际 3 ≥ 目标 1 → 4 = 4');
    expect(r.stdout).toContain('得分 = 如果 实际 >= 目标 则 权重 否则 权重 * min(实际 / 目标, 1)');
    expect(r.stdout).toContain('JX3004');
  });

  it('exits 2 for an unknown indicator', () => {
    const r = jixiao(['explain', 'rules/2023/examples/seed.tsv', '不存在的指标']);
    expect(r.status).toBe(2);
  });
});
