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

describe('jixiao score on the seed table (rules/甘肃/2023/examples/seed.tsv, the seed lines 72–111)', () => {
  const seedTsv = readFileSync(join(root, 'rules/甘肃/2023/examples/seed.tsv'), 'utf8');
  const seedLines = readFileSync(join(root, 'test/fixtures/seed/000_73134533154cb10e.txt'), 'utf8').split('\n');
  it('is the seed table byte for byte', () => {
    expect(seedTsv).toBe(seedLines.slice(71, 111).join('\n') + (seedTsv.endsWith('\n') ? '\n' : ''));
  });

  const r = jixiao(['score', 'rules/甘肃/2023/examples/seed.tsv', '--year', '2023', '--form', '部门整体支出', '--json']);
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
    expect(report.template).toEqual({ name: '部门整体支出', year: 2023, region: '甘肃', file: 'rules/甘肃/2023/部门整体支出.jx', decimals: 2 });
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

  it("finds the table inside the whole seed document and the report text's own total, 100", () => {
    const r2 = jixiao(['score', join(root, 'test/fixtures/seed/000_73134533154cb10e.txt'), '--year', '2023', '--form', '部门整体支出', '--json']);
    const whole = JSON.parse(r2.stdout) as typeof report;
    expect(whole.rows.map((x) => x.path.join('/'))).toEqual(report.rows.map((x) => x.path.join('/')));
    expect(whole.statedTotal).toBe(97);
    expect(zh(whole.findings.find((f) => f.code === 'JX3027')!)).toBe('报告正文写自评得分 100 分，而表中填报总分为 97');
  });

  it('reads the year and form from the title when they are not given', () => {
    const r2 = jixiao(['score', 'rules/甘肃/2023/examples/seed.tsv', '--json']);
    expect(r2.status).toBe(1);
    expect(JSON.parse(r2.stdout).total).toBe(report.total);
  });

  it('prints a readable table without --json', () => {
    const r3 = jixiao(['score', 'rules/甘肃/2023/examples/seed.tsv']);
    expect(r3.status).toBe(1);
    expect(r3.stdout).toContain('建设规划');
    expect(r3.stdout).toContain('总分');
    expect(r3.stdout).toContain('JX3001');
  });
});

describe('jixiao score: exit codes and choosing the template', () => {
  it('exits 0 for a clean filing', () => {
    const r = jixiao(['score', 'rules/甘肃/2023/examples/clean.json']);
    expect(r.status).toBe(0);
  });

  it('exits 2 with a clear message for an unreadable filing', () => {
    const r = jixiao(['score', tempFile('x.tsv', '这不是一张表\n'), '--year', '2023', '--form', '部门整体支出']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('无法读取填报表');
    expect(r.stdout).toBe('');
  });

  it('exits 2 when the year cannot be told', () => {
    const f = JSON.parse(readFileSync(join(root, 'rules/甘肃/2023/examples/clean.json'), 'utf8'));
    delete f.year;
    delete f.title;
    const r = jixiao(['score', tempFile('noyear.json', JSON.stringify(f))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--year');
  });

  it('--year picks the newest template of that form at or before the year', () => {
    const r = jixiao(['score', 'rules/甘肃/2023/examples/clean.json', '--year', '2026', '--json']);
    expect(JSON.parse(r.stdout).template.year).toBeLessThanOrEqual(2026);
    const old = jixiao(['score', 'rules/甘肃/2023/examples/clean.json', '--year', '2021', '--json']);
    expect(old.status).toBe(2);
    expect(old.stderr).toContain('2021');
  });

  it('--rules names a template file directly and exits 2 when it is invalid', () => {
    const bad = tempFile('bad.jx', '模板 部门整体支出 2023 { 总分 100 分 一级指标 A 分值 90 分 }');
    const r = jixiao(['score', 'rules/甘肃/2023/examples/clean.json', '--rules', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('模板无效');
  });
});

describe('jixiao score: a department aggregated from its units (汇总)', () => {
  it('sums targets with actuals, and weights the units’ tiers when no score is stated', () => {
    const r = (level1: string, level2: string, level3: string, target: string, actual: string, weight: number, statedScore: number | null) => ({
      level1,
      level2,
      level3,
      target,
      actual,
      weight,
      statedScore,
    });
    const unit = (reports: string, tier: string) => ({
      budget: { initialBudget: 100, budget: 100, spent: 100 },
      rows: [r('部门管理', '财务管理', '财务管理制度健全性', '健全', tier, 20, null), r('履职效果', '部门履职目标', '媒体宣传报道数', '≥10篇', reports, 50, null)],
    });
    const f = tempFile(
      'dept.json',
      JSON.stringify({
        year: 2023,
        form: '部门整体支出',
        region: '甘肃',
        rows: [],
        units: [
          { name: '一中', funding: 100, filing: unit('12篇', '健全') },
          { name: '二中', funding: 300, filing: unit('6篇', '部分达成') },
        ],
      }),
    );
    const out = jixiao(['score', f, '--json']);
    const report = JSON.parse(out.stdout) as { rows: { path: string[]; score: number; explain: string }[] };
    const row = (n: string) => report.rows.find((x) => x.path[2] === n)!;
    // target 10 + 10 = 20, actual 12 + 6 = 18: 50 × min(18 / 20, 1) = 45
    expect(row('媒体宣传报道数').score).toBe(45);
    // (100% × 100 + 70% × 300) / 400 = 77.5%: 20 × 0.775 = 15.5
    expect(row('财务管理制度健全性').score).toBe(15.5);
  });
});

describe('jixiao score / explain: a fixed indicator with its own formula', () => {
  const rules = tempFile(
    'nested.jx',
    `模板 部门整体支出 2023 {
  总分 100 分
  保留小数 2 位 四舍五入
  等级 { 优 >= 90 分; 良 >= 80 分; 中 >= 60 分; 差 }
  定性分档 { 达成 80%..100%; 部分达成 60%..80%; 未达成 0%..60% }
  规则 正向 适用 >=, > { 得分 = 权重 * min(实际 / 目标, 1) }
  一级指标 资金管理 分值 20 分 {
    二级指标 预算执行 分值 10 分 { 得分 = 分值 * min(全年执行数 / 全年预算数, 1) }
    二级指标 资金使用 分值 10 分 {
      三级指标 支出进度 分值 5 分 { 得分 = 分值 * min(全年执行数 / 年初预算数, 1) }
      三级指标 资金到位率 分值 5 分
    }
  }
  一级指标 履职效果 分值 80 分 { 单位填报 }
}
`,
  );
  const r = (level1: string, level2: string, level3: string, target: string, actual: string, weight: number, statedScore: number) => ({
    level1,
    level2,
    level3,
    target,
    actual,
    weight,
    statedScore,
  });
  const filing = tempFile(
    'nested.json',
    JSON.stringify({
      year: 2023,
      budget: { initialBudget: 200, budget: 100, spent: 80 },
      rows: [
        r('资金管理', '预算执行', '', '', '', 10, 8),
        r('资金管理', '资金使用', '支出进度', '', '', 5, 5),
        r('资金管理', '资金使用', '资金到位率', '≥90%', '90%', 5, 5),
        r('履职效果', '产出', '培训次数', '≥4次', '4次', 80, 80),
      ],
    }),
  );

  it('the report rows carry the computed scores; the stated one is compared, nothing is “not in the template”', () => {
    const out = jixiao(['score', filing, '--rules', rules, '--json']);
    const report = JSON.parse(out.stdout) as { total: number; rows: { path: string[]; score: number }[]; findings: Finding[] };
    // 10 × min(80 / 100, 1) = 8; 5 × min(80 / 200, 1) = 2
    expect(report.rows.map((x) => [x.path.join('/'), x.score])).toEqual([
      ['资金管理/预算执行', 8],
      ['资金管理/资金使用/支出进度', 2],
      ['资金管理/资金使用/资金到位率', 5],
      ['履职效果/产出/培训次数', 80],
    ]);
    expect(report.findings.map((f) => f.code)).toEqual(['JX3004']);
    expect(report.total).toBe(95); // 8 + 2 + 5 + 80
    const text = jixiao(['score', filing, '--rules', rules]).stdout;
    expect(text).toContain('支出进度: 5 × min(80 / 200, 1) = 2');
    expect(text).not.toContain('不计分');
  });

  it('explain shows the derivation and the formula with its line', () => {
    const out = jixiao(['explain', filing, '支出进度', '--rules', rules]);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('分值: 5   得分: 2   填报得分: 5');
    expect(out.stdout).toContain('计算: 支出进度: 5 × min(80 / 200, 1) = 2');
    expect(out.stdout).toMatch(/公式 支出进度（.*nested\.jx:10）: 得分 = 分值 \* min\(全年执行数 \/ 年初预算数, 1\)/);
    expect(out.stdout).toContain('“支出进度”填报得分 5，按规则应为 2');
  });
});

describe('jixiao score: invalid weights', () => {
  it('names −5 and 1e9 with their values and keeps every number of the JSON report a number', () => {
    const f = JSON.parse(readFileSync(join(root, 'rules/甘肃/2023/examples/clean.json'), 'utf8'));
    f.rows[0].weight = -5;
    f.rows[2].weight = 1e9;
    const out = jixiao(['score', tempFile('w.json', JSON.stringify(f)), '--json']);
    expect(out.status).toBe(1);
    const report = JSON.parse(out.stdout) as { total: number; rows: { weight: number; score: number }[]; findings: (Finding & { message: { zh: string } })[] };
    expect(report.findings.filter((x) => x.code === 'JX3029').map((x) => x.message.zh)).toEqual([
      '“基本支出预算执行率”的分值 -5 无效：分值应在 0 到 10000 之间，该行按 0 分计，分值不计入合计',
      '“调研课题”的分值 1000000000 无效：分值应在 0 到 10000 之间，该行按 0 分计，分值不计入合计',
    ]);
    // 10 (budget) + 0 + 10 + 0 + 20 + 10 + 10 + 10 = 70
    expect(report.findings.find((x) => x.code === 'JX3002')!.message.zh).toBe('全表分值合计 70，不等于总分 100');
    for (const r of report.rows) expect([typeof r.weight, typeof r.score]).toEqual(['number', 'number']);
    expect(out.stdout).not.toMatch(/NaN|Infinity|null,"score"/);
  });
});

describe('jixiao score: units nested 3,000 levels deep', () => {
  it('exits 2 with IMP062 naming the limit of 32 levels, not an internal error', () => {
    let text = JSON.stringify({ rows: [{ level1: '部门管理', level2: '资金投入', level3: '调研课题', target: '≥1项', actual: '1项', weight: 20, statedScore: 20 }] });
    for (let i = 0; i < 3000; i++) text = `{"rows":[],"units":[{"name":"u${i}","funding":1,"filing":${text}}]${i === 2999 ? ',"year":2023,"form":"部门整体支出"' : ''}}`;
    const f = tempFile('deep.json', text);
    const r = jixiao(['score', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('所属单位嵌套 3000 层，超过上限 32 层（第 33 层是单位 “u2967”） [IMP062]');
    expect(r.stderr).not.toMatch(/内部错误|Maximum call stack/);
    // in a batch it is that filing's error line, and the batch exits 2
    const b = jixiao(['score', tempFile('deep.ndjson', text + '\n'), '--json']);
    expect(JSON.parse(b.stdout.trim()).error.code).toBe('IMP062');
    expect(b.status).toBe(2);
  });
});

describe('jixiao score: batches', () => {
  it('scores a folder, one JSON line per filing, and a malformed filing does not stop it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-batch-'));
    copyFileSync(join(root, 'rules/甘肃/2023/examples/seed.tsv'), join(dir, 'a.tsv'));
    writeFileSync(join(dir, 'b.json'), '{ not json');
    copyFileSync(join(root, 'rules/甘肃/2023/examples/clean.json'), join(dir, 'c.json'));
    // the seed's table alone names no jurisdiction (the whole seed document does: 正宁县)
    const r = jixiao(['score', dir, '--json', '--region', '甘肃']);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].total).toBeGreaterThan(0);
    expect(lines[1].error.code).toBeDefined();
    expect(lines[2].grade).toBe('优');
    expect(r.stderr).toContain('共 3 份');
    // one filing could not be scored: 2, though another one has errors (2 takes precedence over 1)
    expect(r.status).toBe(2);
  });

  it('names the line of an unreadable filing once, in each language its own words', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-batch-'));
    // a JSON syntax error: IMP060, whose message names line 1 itself (it used to be named twice,
    // and under --lang en the Chinese message began with the English "line 1: ")
    writeFileSync(join(dir, 'b.json'), '{ not json');
    const r = jixiao(['score', dir, '--json', '--lang', 'en']);
    const b = JSON.parse(r.stdout.trim()).error;
    expect(b.code).toBe('IMP060');
    expect(b.message.zh).toMatch(/^无法读取填报表 .*b\.json：JSON 语法错误（第 1 行第 3 列）：/);
    expect(b.message.en).toMatch(/^cannot read the filing .*b\.json: JSON syntax error at line 1, column 3: /);
  });

  it('streams an NDJSON file line by line', () => {
    const clean = JSON.stringify(JSON.parse(readFileSync(join(root, 'rules/甘肃/2023/examples/clean.json'), 'utf8')));
    const f = tempFile('b.ndjson', [clean, '{"rows": "nope"}', clean, ''].join('\n'));
    const r = jixiao(['score', f, '--json']);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => (l.error ? 'error' : l.grade))).toEqual(['优', 'error', '优']);
    expect(r.stderr).toMatch(/共 3 份.*1 份无法评分/);
    expect(r.status).toBe(2);
  });

  describe('exit codes', () => {
    const clean = JSON.stringify(JSON.parse(readFileSync(join(root, 'rules/甘肃/2023/examples/clean.json'), 'utf8')));
    const withError = JSON.stringify({ ...JSON.parse(clean), statedTotal: 90 }); // JX3008: stated 90, computed 100

    it('0 when every filing is scored without errors (folder and NDJSON)', () => {
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-batch-'));
      writeFileSync(join(dir, 'a.json'), clean);
      writeFileSync(join(dir, 'b.json'), clean);
      expect(jixiao(['score', dir, '--json']).status).toBe(0);
      expect(jixiao(['score', tempFile('ok.ndjson', `${clean}\n${clean}\n`), '--json']).status).toBe(0);
    });

    it('1 when a filing has error-level findings and every filing was scored', () => {
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-batch-'));
      writeFileSync(join(dir, 'a.json'), clean);
      writeFileSync(join(dir, 'b.json'), withError);
      const r = jixiao(['score', dir, '--json']);
      expect(r.stderr).toMatch(/共 2 份：2 份已评分（其中 1 份有错误），0 份无法评分/);
      expect(r.status).toBe(1);
      expect(jixiao(['score', tempFile('e.ndjson', `${clean}\n${withError}\n`), '--json']).status).toBe(1);
    });

    it('2 when a filing cannot be scored, even when others have errors', () => {
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-batch-'));
      writeFileSync(join(dir, 'a.json'), clean);
      writeFileSync(join(dir, 'b.json'), '{ not json');
      expect(jixiao(['score', dir, '--json']).status).toBe(2);
      writeFileSync(join(dir, 'c.json'), withError);
      const r = jixiao(['score', dir, '--json']);
      expect(r.stderr).toMatch(/共 3 份：2 份已评分（其中 1 份有错误），1 份无法评分/);
      expect(r.status).toBe(2);
      expect(jixiao(['score', tempFile('b.ndjson', `${withError}\n{"rows": "nope"}\n`), '--json']).status).toBe(2);
      // without --json too: the exit code does not depend on the output format
      expect(jixiao(['score', dir]).status).toBe(2);
    });

    it('--help says so, Chinese by default and English with --lang en', () => {
      expect(jixiao(['score', '--help']).stdout).toContain('2 有任何一份无法评分（读不了或不是有效的填报表）；否则 1 有任何一份有错误；否则 0。2 优先于 1');
      expect(jixiao(['score', '--help', '--lang', 'en']).stdout).toContain(
        '2 when any filing could not be scored (unreadable or invalid); else 1 when any has errors; else 0. 2 takes precedence over 1',
      );
    });
  });
});

describe('jixiao explain', () => {
  it('prints the derivation of one indicator with its rule and findings', () => {
    const r = jixiao(['explain', 'rules/甘肃/2023/examples/seed.tsv', '建设规划']);
    expect(r.status).toBe(0);
    // the met branch of 正向: 3 ≥ 1, so the full weight
    expect(r.stdout).toContain('正向: 实际 3 ≥ 目标 1 → 4 = 4');
    expect(r.stdout).toContain('得分 = 如果 实际 >= 目标 则 权重 否则 权重 * min(实际 / 目标, 1)');
    expect(r.stdout).toContain('JX3004');
  });

  it('exits 2 for an unknown indicator', () => {
    const r = jixiao(['explain', 'rules/甘肃/2023/examples/seed.tsv', '不存在的指标']);
    expect(r.status).toBe(2);
  });
});
