// diff, impact, test and types: the commands around template versions, run as users run them.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao, root, tempFile } from './run.ts';

describe('jixiao diff', () => {
  it('lists every change of the 2024 draft and nothing else', () => {
    const r = jixiao(['diff', '2023', '2024', '--form', '部门整体支出', '--json']);
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout.trim());
    expect(d.from).toEqual({ form: '部门整体支出', year: 2023 });
    expect(d.to).toEqual({ form: '部门整体支出', year: 2024 });
    expect(
      d.changes.map((c: { area: string; change: string; path: string[]; field?: string; from: string | null; to: string | null }) => [
        c.area,
        c.change,
        c.path.join('›'),
        c.field ?? '',
        c.from,
        c.to,
      ]),
    ).toEqual([
      ['grades', 'changed', '优', 'band', '≥ 90', '≥ 85'],
      ['grades', 'changed', '良', 'band', '≥ 80', '≥ 75'],
      [
        'tiers',
        'changed',
        '全部或基本达成',
        'aliases',
        '达成预期指标、全部达成、基本达成、达成、完成、健全、规范、显著、合规、有效',
        '达成预期指标、全部达成、基本达成、达成、完成、健全、规范、显著、合规、有效、效果明显',
      ],
      [
        'rules',
        'changed',
        '反向',
        'formula',
        '如果 实际 <= 目标 则 权重 否则 如果 目标 >= 0 则 权重 * min(目标 / 实际, 1) 否则 权重 * max(0, min(实际 / 目标, 1))',
        '如果 实际 <= 目标 则 权重 否则 如果 目标 < 0 则 权重 * max(0, min(实际 / 目标, 1)) 否则 如果 实际 >= 2 * 目标 则 0 分 否则 权重 * max(0, min(1, 1 - (实际 - 目标) / 目标))',
      ],
      [
        'rules',
        'changed',
        '严格反向',
        'formula',
        '如果 实际 < 目标 则 权重 否则 如果 目标 > 0 则 权重 * min(目标 / 实际, 1) 否则 如果 目标 < 0 则 权重 * max(0, min(实际 / 目标, 1)) 否则 0 分',
        '如果 实际 < 目标 则 权重 否则 如果 目标 < 0 则 权重 * max(0, min(实际 / 目标, 1)) 否则 如果 实际 >= 2 * 目标 则 0 分 否则 权重 * max(0, min(1, 1 - (实际 - 目标) / 目标))',
      ],
      [
        'rules',
        'changed',
        '等于',
        'formula',
        '如果 目标 = 0 则 (如果 实际 <= 0 则 权重 否则 0 分) 否则 权重 * min(实际 / 目标, 1)',
        '如果 目标 = 0 则 (如果 实际 <= 0 则 权重 否则 0 分) 否则 如果 实际 >= 目标 则 权重 否则 权重 * min(实际 / 目标, 1)',
      ],
      ['indicators', 'changed', '部门管理', 'weight', '20', '15'],
      ['indicators', 'renamed', '履职效能', 'name', '履职效果', '履职效能'],
      ['indicators', 'added', '成本控制', '', null, '5'],
      ['deductions', 'changed', '巡视审计监督问题', 'totalMax', '10', '15'],
    ]);
  });

  it('is symmetric: 2024 → 2023 lists the same changes reversed (a rename stays a rename)', () => {
    type C = { area: string; change: string; path: string[]; field?: string; from: string | null; to: string | null };
    const run = (a: string, b: string) => (JSON.parse(jixiao(['diff', a, b, '--form', '部门整体支出', '--json']).stdout.trim()) as { changes: C[] }).changes;
    const fwd = run('2023', '2024');
    const back = run('2024', '2023');
    // reversing swaps from/to, added/removed; the renamed section keeps its (new side's) name as path
    const mirror = (c: C) => [c.area, c.change === 'added' ? 'removed' : c.change === 'removed' ? 'added' : c.change, c.field ?? '', c.to, c.from];
    const key = (c: C) => [c.area, c.change, c.field ?? '', c.from, c.to];
    expect(back.map(key).map(String).sort()).toEqual(fwd.map(mirror).map(String).sort());
    expect(back.filter((c) => c.change === 'renamed').map((c) => [c.path.join('›'), c.from, c.to])).toEqual([['履职效果', '履职效能', '履职效果']]);
    expect(jixiao(['diff', '2024', '2023', '--form', '部门整体支出']).stdout).toContain('→ 一级指标“履职效能”改名为“履职效果”');
  });

  it('prints a readable diff grouped by area, in Chinese or English', () => {
    const r = jixiao(['diff', '2023', '2024', '--form', '部门整体支出']);
    expect(r.status).toBe(0);
    // the one jurisdiction with a 部门整体支出 template in force, named on both sides
    expect(r.stdout).toContain('部门整体支出 甘肃 2023 → 甘肃 2024');
    expect(r.stdout).toContain('~ “部门管理”分值 20 → 15');
    expect(r.stdout).toContain('→ 一级指标“履职效果”改名为“履职效能”');
    expect(r.stdout).toContain('+ 新增一级指标“成本控制”分值 5');
    expect(r.stdout).toContain('~ 规则“等于”得分 = 如果 目标 = 0 则');
    expect(r.stdout).toContain('共 10 处改动');
    const en = jixiao(['diff', '2023', '2024', '--form', '部门整体支出', '--lang', 'en']);
    expect(en.stdout).toContain('“部门管理” weight 20 → 15');
    expect(en.stdout).toContain('10 changes');
  });

  it('finds no change between a year and itself, and no 项目支出 change 2023 → 2024', () => {
    const same = jixiao(['diff', '2023', '2023', '--form', '部门整体支出']);
    expect(same.stdout).toContain('没有规则改动');
    // 甘肃 has no 项目支出 of its own: 全国 2020 is in force there in both years
    const all = jixiao(['diff', '2023', '2024', '--region', '甘肃', '--json']);
    const lines = all.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.from.form).sort()).toEqual(['部门整体支出', '项目支出']);
    expect(lines.find((l) => l.from.form === '项目支出').changes).toEqual([]);
    expect(lines.find((l) => l.from.form === '项目支出').regions).toEqual({ from: '全国', to: '全国' });
  });

  it('compares any two (jurisdiction, year); bare years are read in the default jurisdiction, with a note naming the others', () => {
    const r = jixiao(['diff', '全国/2020', '四川/2023', '--form', '项目支出', '--json']);
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.regions).toEqual({ from: '全国', to: '四川' });
    // 四川 2023 replaces the four national sections by 预算执行情况 10 and 绩效指标 90
    expect(d.changes.filter((c: { change: string }) => c.change === 'added').map((c: { path: string[] }) => c.path[0])).toEqual(['预算执行情况', '绩效指标']);
    // 2023 alone: 全国 (2020) and 四川 (2023) both have a 项目支出 in force
    const bare = jixiao(['diff', '2020', '2023', '--form', '项目支出']);
    expect(bare.status).toBe(0);
    expect(bare.stdout).toContain('项目支出 全国 2020 → 全国 2020');
    expect(bare.stdout).toMatch(/（未指定地区，按 全国 比较；.*四川.* 另有模板/);
    // named, there is no note
    expect(jixiao(['diff', '全国/2020', '四川/2023', '--form', '项目支出']).stdout).not.toContain('未指定地区');
  });

  it('compares a draft file against a year, and fails clearly on nonsense', () => {
    const draft = tempFile('draft.jx', readFileSync(join(root, 'rules/甘肃/2024/部门整体支出.jx'), 'utf8').replace('合计最多 15 分', '合计最多 20 分'));
    const r = jixiao(['diff', '2024', draft, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).changes.map((c: { message: { zh: string } }) => c.message.zh)).toEqual(['扣分“巡视审计监督问题”合计最多 15 分 → 20 分']);
    const bad = jixiao(['diff', '2023', 'x2024']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('不是年份');
    expect(jixiao(['diff', '2023', '2024', '--form', '别的表']).status).toBe(2);
  });

  it('reports a rule that stops allowing negative values', () => {
    const draft = tempFile(
      'draft.jx',
      readFileSync(join(root, 'rules/甘肃/2024/部门整体支出.jx'), 'utf8').replace('规则 反向 适用 <= 允许负数 实际, 目标 {', '规则 反向 适用 <= 允许负数 实际 {'),
    );
    const r = jixiao(['diff', '2024', draft, '--json']);
    expect(r.status).toBe(0);
    // with 目标 ≥ 0 again, the formula's 目标 < 0 branch is dead and the proof still holds;
    // the diff names the change of what the rule accepts
    const changes = JSON.parse(r.stdout).changes as { field?: string; message: { zh: string } }[];
    expect(changes.filter((c) => c.field === 'negatives').map((c) => c.message.zh)).toEqual(['规则“反向”允许负数 实际, 目标 → 实际']);
  });

  it('has --help', () => {
    const r = jixiao(['diff', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--form');
    expect(r.stdout).toContain('语义');
  });
});

describe('jixiao impact', () => {
  it('shows the seed under both years and the rows that moved, with why', () => {
    const r = jixiao(['impact', '--from', '2023', '--to', '2024', 'rules/甘肃/2023/examples/seed.tsv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2023: 总分 100 优  →  2024: 总分 95 优   (-5)');
    expect(r.stdout).toContain('部门管理  20 → 15');
    expect(r.stdout).toContain('“部门管理”分值 20 → 15');
    expect(r.stdout).toContain('成本控制  — → 0');
    expect(r.stderr).toContain('共 1 份填报表：1 份已比较，1 份总分变化，0 份等级变化');
  });

  it('prints one JSON line per filing with the rule change that moved each row', () => {
    const filing = {
      form: '部门整体支出',
      year: 2023,
      budget: { initialBudget: 100, budget: 100, spent: 100 },
      rows: [
        { level1: '部门管理', level2: '资金投入', level3: '结转结余变动率', target: '≤10%', actual: '18%', weight: 20, statedScore: null },
        { level1: '履职效果', level2: '履职', level3: '差错率', target: '<10%', actual: '18%', weight: 50, statedScore: null },
        { level1: '能力建设', level2: '长效', level3: '制度健全性', target: '健全', actual: '健全', weight: 10, statedScore: null },
        { level1: '服务对象满意度', level2: '满意度', level3: '满意度', target: '≥90%', actual: '80%', weight: 10, statedScore: null },
      ],
    };
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-impact-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(filing));
    cpSync(join(root, 'rules/甘肃/2023/examples/clean.json'), join(dir, 'b.json'));
    const r = jixiao(['impact', '--from', '2023', '--to', '2024', dir, '--json']);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    const a = lines[0];
    expect(Object.keys(a)).toEqual(['file', 'from', 'to', 'delta', 'moved']);
    expect(a.file).toMatch(/a\.json$/);
    // 满意度 10 × 80/90 = 8.89 in both years
    // 2023 (反向 and 严格反向 variant A, 目标/实际): 20 × 10/18 = 11.11; 50 × 10/18 = 27.78;
    //   10 + 11.11 + 27.78 + 10 + 8.89 = 67.78 (中)
    // 2024 (偏离度): 部门管理 20 × (1 − 8/10) = 4 → 4/20 × 15 = 3; 履职效能 50 × (1 − 8/10) = 10;
    //   10 + 3 + 10 + 10 + 8.89 + 成本控制 0 = 41.89 (差)
    expect(a.from).toEqual({ total: 67.78, grade: '中' });
    expect(a.to).toEqual({ total: 41.89, grade: '差' });
    const row = a.moved.find((m: { path: string[] }) => m.path.join('›') === '部门管理›资金投入›结转结余变动率');
    expect(row).toMatchObject({ from: 11.11, to: 4 });
    expect(row.why).toContain('规则“反向”');
    const strict = a.moved.find((m: { path: string[] }) => m.path[2] === '差错率');
    expect(strict).toMatchObject({ from: 27.78, to: 10 });
    expect(strict.path[0]).toBe('履职效能');
    expect(strict.why).toContain('规则“严格反向”');
    expect(r.stderr).toContain('1 份等级变化（中→差 1）');
  });

  it('needs --from and --to, and has --help', () => {
    expect(jixiao(['impact', 'rules/甘肃/2023/examples/seed.tsv']).status).toBe(2);
    const h = jixiao(['impact', '--help']);
    expect(h.status).toBe(0);
    expect(h.stdout).toContain('--from');
  });
});

describe('jixiao test', () => {
  it('runs every case of every year and reaches full coverage of the official templates', () => {
    const r = jixiao(['test']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('项目支出 2020: 规则 8/8，分支 22/22，定性分档 3/3，等级 4/4 — 100%');
    expect(r.stdout).toContain('部门整体支出 2023: 规则 8/8，分支 22/22，定性分档 3/3，等级 4/4 — 100%');
    expect(r.stdout).toContain('部门整体支出 2024: 规则 8/8，分支 26/26，定性分档 3/3，等级 4/4 — 100%');
    expect(r.stdout).toMatch(/共 \d+ 个用例：\d+ 个通过，0 个失败；覆盖率下限 100%/);
    const j = JSON.parse(jixiao(['test', '--json']).stdout);
    expect(j.ok).toBe(true);
    expect(j.threshold).toBe(100);
    expect(j.coverage.every((c: { percent: number }) => c.percent === 100)).toBe(true);
  });

  it('sees coverage drop and a case fail when a template is broken on purpose (in a copy)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-rules-'));
    cpSync(join(root, 'rules'), dir, { recursive: true });
    const f = join(dir, '甘肃/2023/部门整体支出.jx');
    // a branch no case reaches, and a reweighted formula that changes a case's score
    const src = readFileSync(f, 'utf8').replace(
      '得分 = 如果 实际 >= 目标 则 权重 否则 权重 * min(实际 / 目标, 1)\n  }\n\n  # 严格正向',
      '得分 = 如果 目标 > 100000000 则 0 分 否则 权重 * min(实际 / 目标, 1) * 0.5\n  }\n\n  # 严格正向',
    );
    expect(src).not.toBe(readFileSync(f, 'utf8'));
    writeFileSync(f, src);
    const r = jixiao(['test', dir, '--year', '2023']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('✗');
    expect(r.stdout).toMatch(/部门整体支出 2023: 规则 8\/8，分支 21\/22/);
    expect(r.stdout).toContain('未覆盖 规则“正向” 如果 目标 > 100000000 → 则');
    expect(r.stdout).toMatch(/个失败；覆盖率下限 100%，1 个模板低于下限/);
    // the 2024 draft inherits 正向 from 2023, so its cases see the broken rule too
    expect(jixiao(['test', dir, '--year', '2024']).status).toBe(1);
    // a lower threshold lets coverage pass, but the failing case still fails
    writeFileSync(join(dir, 'coverage.yaml'), '阈值: 80\n');
    const r2 = jixiao(['test', dir, '--year', '2023', '--json']);
    const j = JSON.parse(r2.stdout);
    expect(j.threshold).toBe(80);
    expect(j.cases.some((c: { ok: boolean }) => !c.ok)).toBe(true);
    expect(r2.status).toBe(1);
  });

  it('runs one jurisdiction and year, or one test file, named by its path inside rules/', () => {
    const r = jixiao(['test', 'rules/四川/遂宁/大英县/2020']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('四川/遂宁/大英县 部门整体支出 2020: 规则 7/7');
    // only that folder: no other jurisdiction's coverage, and the root's threshold applies
    expect(r.stdout).not.toContain('甘肃');
    expect(r.stdout).toMatch(/共 5 个用例：5 个通过，0 个失败；覆盖率下限 100%/);
    const one = jixiao(['test', 'rules/四川/遂宁/大英县/2020/tests/部门整体支出.yaml', '--json']);
    expect(JSON.parse(one.stdout).cases).toHaveLength(5);
    // a path that does not exist, or one holding no template, is an error, not 0 cases passed
    const missing = jixiao(['test', 'rules/四川/没有这个县']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('找不到 rules/四川/没有这个县');
    const empty = jixiao(['test', 'rules', '--year', '1999']);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('没有 1999 的模板');
  });

  it('reports a broken inherited template with the parent file, and has --help', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-rules-'));
    cpSync(join(root, 'rules'), dir, { recursive: true });
    const f = join(dir, '甘肃/2023/部门整体支出.jx');
    writeFileSync(f, readFileSync(f, 'utf8').replace('一级指标 能力建设 分值 10 分', '一级指标 能力建设 分值 11 分'));
    const r = jixiao(['test', dir, '--year', '2024']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('模板无效');
    expect(r.stdout).toContain('甘肃/2023/部门整体支出.jx');
    const h = jixiao(['test', '--help']);
    expect(h.status).toBe(0);
    expect(h.stdout).toContain('覆盖率');
  });
});

describe('jixiao types', () => {
  it("writes the TypeScript types of a year's filing", () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jixiao-types-')), 'filing.ts');
    const r = jixiao(['types', '--year', '2024', '--out', out]);
    expect(r.status).toBe(0);
    const ts = readFileSync(out, 'utf8');
    expect(ts).toContain('export interface Filing {');
    expect(ts).toContain('rows: {');
    expect(ts).toContain('level1: string;');
    expect(ts).toContain('units?: {');
    expect(ts).toContain('filing: Filing;');
    expect(ts).toContain('export type Level1Name = "预算执行率" | "部门管理" | "履职效能" | "能力建设" | "服务对象满意度" | "成本控制";');
    const y2023 = jixiao(['types', '--year', '2023']);
    expect(y2023.stdout).toContain('"履职效果"');
    expect(y2023.stdout).not.toContain('成本控制');
    const p = jixiao(['types', '--year', '2022', '--form', '项目支出', '--region', '全国']);
    expect(p.stdout).toContain('项目支出 2020');
    expect(jixiao(['types', '--help']).stdout).toContain('--out');
  });
});
