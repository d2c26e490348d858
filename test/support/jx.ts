// Parse-and-check helpers for tests that use real .jx text.

import { parse } from '../../packages/language/src/index.ts';
import type { Diagnostic, Template } from '../../packages/language/src/index.ts';
import { type CheckResult, checkTemplate } from '../../packages/compiler/src/index.ts';

export function parseTemplate(src: string): Template {
  const r = parse(src, 'test.jx');
  if (r.diagnostics.length > 0) throw new Error(`parse failed: ${JSON.stringify(r.diagnostics.map((d) => [d.range.start.line, d.range.start.column, d.message.zh]))}`);
  const t = r.ast.templates[0];
  if (!t) throw new Error('no template');
  return t;
}

export function checkSource(src: string): CheckResult {
  return checkTemplate(parseTemplate(src), { file: 'test.jx' });
}

/** The 1-based line and column where `needle` (its n-th occurrence) starts in `src`. */
export function posOf(src: string, needle: string, nth = 1): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = src.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`not found: ${needle}`);
  }
  const before = src.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

export function codes(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => d.code);
}

/** A valid template to mutate in tests. Each `{{KEY}}` is replaced from `parts`. */
export const BASE = `模板 部门整体支出 2023 {
  总分 100 分
  保留小数 2 位 四舍五入
  等级 { 优 >= 90 分; 良 >= 80 分; 中 >= 60 分; 差 }
  定性分档 { 达成 80%..100% 别名 达成预期指标; 部分达成 60%..80%; 未达成 0%..60% }
  规则 正向 适用 >=, > { 得分 = 权重 * min(实际 / 目标, 1) }
  规则 定性 适用 定性 { 得分 = 权重 * 完成比例 }
  一级指标 预算执行率 分值 10 分 { 得分 = 分值 * min(全年执行数 / 全年预算数, 1) }
  一级指标 部门管理 分值 20 分 { 单位填报 }
  一级指标 履职效果 分值 70 分 { 单位填报 }
  扣分 审计问题 每项最多 5 分 合计最多 10 分 总分不低于 0 分
}
`;
