// Jurisdictions (地区) as a dimension of the rules: rules/<地区>/<年度>/<表单>.jx, the
// jurisdiction's own template, else its parent's up to 全国, and never a silent choice
// between jurisdictions.
import { describe, expect, it } from 'vitest';
import { jixiao, tempFile } from './run.ts';

interface Report {
  template: { name: string; year: number; region: string | null; file: string };
  total: number;
  sections: { name: string; cap: number; score: number }[];
  findings: { code: string; severity: string; message: { zh: string } }[];
}

/** A 2023 项目支出 filing: budget 90 of 100 spent, three indicators met in full. */
const project = (extra: Record<string, unknown> = {}) => ({
  year: 2023,
  form: '项目支出',
  budget: { initialBudget: 100, budget: 100, spent: 90 },
  rows: [
    { level1: '产出指标', level2: '数量指标', level3: '培训人次', target: '≥200人次', actual: '230人次', weight: 50, statedScore: null },
    { level1: '效益指标', level2: '社会效益指标', level3: '群众知晓度', target: '显著', actual: '显著', weight: 30, statedScore: null },
    { level1: '满意度指标', level2: '服务对象满意度指标', level3: '参训人员满意度', target: '≥90%', actual: '96%', weight: 10, statedScore: null },
  ],
  ...extra,
});

const score = (filing: object, args: string[] = []) => {
  const r = jixiao(['score', tempFile('f.json', JSON.stringify(filing)), '--json', ...args]);
  return { status: r.status, stderr: r.stderr, report: r.stdout ? (JSON.parse(r.stdout) as Report) : null };
};

describe('jixiao score --region', () => {
  it('with no jurisdiction and several in force, stops with the list: exit 2, no silent choice', () => {
    const r = score(project());
    expect(r.status).toBe(2);
    expect(r.report).toBeNull();
    expect(r.stderr).toContain(
      '填报表没有写明地区，2023 年的 “项目支出” 有 6 个地区的模板可用：全国 2020（rules/全国/2020/项目支出.jx）、四川 2023（rules/四川/2023/项目支出.jx）、',
    );
    expect(r.stderr).toContain('请用 --region 指定地区');
    expect(r.stderr).toContain('[JX4008]');
  });

  it('a jurisdiction without a template of the form, or a filing older than its jurisdiction’s templates: exit 2, saying who has one', () => {
    // 河南 has no 项目支出: 全国's, and an info says so
    const h = score(project({ region: '河南省' }));
    expect(h.report!.template.region).toBe('全国');
    expect(h.report!.findings.map((x) => x.code)).toEqual(['JX3041']);
    // 部门整体支出 has no 全国 template: a 河南 filing names the jurisdictions that have one
    const dept = score({ ...project({ region: '河南' }), form: '部门整体支出' });
    expect(dept.status).toBe(2);
    expect(dept.stderr).toContain('rules/ 中没有 河南 及其上级地区 2023 年及以前的 “部门整体支出” 模板（四川/遂宁/大英县、甘肃 有，可用 --region 指定）');
    // older than every 甘肃 template: none in force
    expect(score({ ...project({ region: '甘肃' }), form: '部门整体支出', year: 2021 }).status).toBe(2);
  });

  it("scores under the jurisdiction's own template and names it in the report", () => {
    // 四川 2023: 预算执行情况 10 × 90/100 = 9; 绩效指标 50 + 30 + 10 = 90 all met; total 99
    const r = score(project(), ['--region', '四川']);
    expect(r.status).toBe(0);
    expect(r.report!.template).toEqual({ name: '项目支出', year: 2023, region: '四川', file: 'rules/四川/2023/项目支出.jx', decimals: 2 });
    expect(r.report!.sections.map((s) => [s.name, s.score])).toEqual([
      ['预算执行情况', 9],
      ['绩效指标', 90],
    ]);
    expect(r.report!.total).toBe(99);
    // the same filing under 全国 2020: 预算执行率 9, 产出 50, 效益 30, 满意度 10 → also 99, other sections
    const n = score(project(), ['--region', '全国']);
    expect(n.report!.template.region).toBe('全国');
    expect(n.report!.sections.map((s) => s.name)).toEqual(['预算执行率', '产出指标', '效益指标', '满意度指标']);
  });

  it("falls back to the parent's template, and an info finding says so", () => {
    const r = score(project(), ['--region', '四川/遂宁/大英县']);
    expect(r.status).toBe(0);
    expect(r.report!.template.region).toBe('四川');
    const f = r.report!.findings.find((x) => x.code === 'JX3041')!;
    expect(f.severity).toBe('info');
    expect(f.message.zh).toBe('四川/遂宁/大英县 没有 2023 年及以前的“项目支出”模板，按上级地区 四川 2023 年的模板评分');
    // a province without its own template falls back to 全国
    expect(score(project(), ['--region', '湖南省']).report!.template.region).toBe('全国');
  });

  it("takes the filing's own 地区, or a jurisdiction its unit names", () => {
    expect(score(project({ region: '四川' })).report!.template.region).toBe('四川');
    expect(score(project({ unit: '四川省眉山市青神县农业农村局' })).report!.template.region).toBe('四川');
    // --region wins over the filing
    expect(score(project({ region: '四川' }), ['--region', '全国']).report!.template.region).toBe('全国');
    // an example kept in rules/四川/2023/examples/ is 四川's
    const ex = jixiao(['score', 'rules/四川/2023/examples/示例.json', '--json']);
    expect(ex.status).toBe(0);
    expect((JSON.parse(ex.stdout) as Report).template.region).toBe('四川');
  });
});

describe('jixiao test and types --region', () => {
  it('runs the rule tests of one jurisdiction', () => {
    const r = jixiao(['test', '--region', '四川']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('四川 项目支出 2023: 规则 8/8');
    expect(r.stdout).not.toContain('甘肃');
  });

  it("writes the types of a jurisdiction's filing", () => {
    const r = jixiao(['types', '--year', '2023', '--form', '项目支出', '--region', '四川', '--schema']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('绩效指标');
  });
});
