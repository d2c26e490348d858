// What a deduction (扣分) row is. A real one says 扣分/扣减 in its level-1 cell (or sits under
// such a merged level-1 cell), or follows the 总分 row. An indicator whose level-3 name
// contains 扣减 or 扣分 under merged (empty) level-1/2 cells is an indicator: it inherits the
// names above like every merged row, and is scored, never subtracted from the total.
import { describe, expect, it } from 'vitest';
import { importTsv } from '../../src/import/tsv.ts';
import { score } from '../score/helpers.ts';

const HEAD =
  '部门整体支出绩效自评表 (2023年度)\n年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n100\t100\t100\t10\t100%\t10\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分';
const tsv = (...lines: string[]) => [HEAD, ...lines].join('\n') + '\n';

/** A clean 2023 table (budget 10; weights 20 + 50 + 10 + 10); `perf` completes 履职效果 after 调研课题 (20) with 30 more. */
function table(perf: string[] = ['\t\t媒体宣传报道数\t≥10篇\t36篇\t30\t30'], after: string[] = [], total = '总分\t\t\t\t\t100\t100'): string {
  return tsv(
    '部门管理\t资金投入\t基本支出预算执行率\t≥95%\t98%\t10\t10',
    '\t财务管理\t财务管理制度健全性\t健全\t健全\t10\t10',
    '履职效果\t部门履职目标\t调研课题\t≥5项\t7项\t20\t20',
    ...perf,
    '能力建设\t人力资源建设\t人员考核合格率\t100%\t100%\t10\t10',
    '服务对象满意度\t满意度指标\t服务对象满意度\t≥90%\t95%\t10\t10',
    total,
    ...after,
  );
}

const names = (text: string) => importTsv(text).filing!.rows.map((r) => [r.level1, r.level2, r.level3]);

describe('deduction rows and indicators named 扣减/扣分', () => {
  const indicators = table(['\t\t扣减不合规支出金额\t≤0万元\t0万元\t10\t10', '\t部门效果目标\t扣分事项整改率\t100%\t100%\t10\t10', '\t\t扣分问题整改完成率\t≥90%\t45%\t10\t5']);

  it('a level-3 name with 扣减/扣分 under merged level-1/2 cells is an indicator inheriting the names above', () => {
    const r = importTsv(indicators);
    expect(r.filing!.deductions).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).not.toContain('IMP051');
    expect(names(indicators).slice(3, 6)).toEqual([
      ['履职效果', '部门履职目标', '扣减不合规支出金额'],
      ['履职效果', '部门效果目标', '扣分事项整改率'],
      ['履职效果', '部门效果目标', '扣分问题整改完成率'],
    ]);
  });

  it('they are scored, not subtracted', () => {
    const r = score(importTsv(indicators).filing!);
    const row = (n: string) => r.rows.find((x) => x.path[2] === n)!;
    // ≤0万元, actual 0万元: 反向, 0 ≤ 0 → the full weight 10
    expect(row('扣减不合规支出金额').score).toBe(10);
    // 45% of ≥90%: 10 × min(45 / 90, 1) = 5
    expect(row('扣分问题整改完成率').score).toBe(5);
    // 10 + 20 (部门管理) + 20 + 10 + 10 + 5 (履职效果: weights 50) + 10 + 10 = 95; no deduction
    expect(r.total).toBe(95);
    expect(r.findings.map((f) => f.code)).not.toContain('JX3021');
  });

  it('a row whose level-1 cell says 扣分 is a deduction, and so are the rows under that merged cell', () => {
    const text = table(undefined, [], '扣分\t审计发现问题\t\t\t\t\t-3\n\t巡视发现问题\t\t\t\t\t-2\n总分\t\t\t\t\t100\t95');
    const r = importTsv(text);
    expect(r.filing!.deductions).toEqual([
      { reason: '扣分 审计发现问题', points: 3 },
      { reason: '巡视发现问题', points: 2 },
    ]);
    expect(r.filing!.rows).toHaveLength(6); // the six indicator rows
    // 100 − 3 − 2 = 95 (both within 每项最多 5 分, 合计最多 10 分)
    expect(score(r.filing!).total).toBe(95);
  });

  it('a deduction block ends at the next level-1 name: its rows are indicators again', () => {
    const text = tsv('部门管理\t资金投入\t基本支出预算执行率\t≥95%\t98%\t10\t10', '扣减项\t审计发现问题\t\t\t\t\t-3', '部门管理\t财务管理\t财务管理制度健全性\t健全\t健全\t10\t10');
    const r = importTsv(text);
    expect(r.filing!.deductions).toEqual([{ reason: '扣减项 审计发现问题', points: 3 }]);
    expect(r.filing!.rows.map((x) => x.level3)).toEqual(['基本支出预算执行率', '财务管理制度健全性']);
  });

  it('a row after the 总分 row that says 扣分 is a deduction, wherever the word stands', () => {
    const text = table(undefined, ['\t\t扣分：审计发现问题\t\t\t\t-2']);
    const r = importTsv(text);
    expect(r.filing!.deductions).toEqual([{ reason: '扣分：审计发现问题', points: 2 }]);
    // 100 − 2 = 98
    expect(score(r.filing!).total).toBe(98);
  });
});
