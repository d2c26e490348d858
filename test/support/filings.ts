// Minimal filings shared by the scoring tests and the error catalogue: a 2023 filing that
// rules/甘肃/2023/部门整体支出.jx scores 100 without a single finding, and a row builder.
import type { Filing, IndicatorRow } from '@jixiao/engine';

export function row(level1: string, level2: string, level3: string, target: string, actual: string, weight: number | null, statedScore: number | null): IndicatorRow {
  return { level1, level2, level3, target, actual, weight, statedScore };
}

/** A 2023 filing whose weights match the caps and whose stated scores follow the rules. */
export function cleanFiling(): Filing {
  return {
    year: 2023,
    form: '部门整体支出',
    budget: { initialBudget: 100, budget: 100, spent: 100, weight: 10, statedScore: 10 },
    rows: [
      row('部门管理', '资金投入', '基本支出预算执行率', '≥95%', '98%', 10, 10),
      row('部门管理', '财务管理', '财务管理制度健全性', '健全', '健全', 10, 10),
      row('履职效果', '部门履职目标', '调研课题', '≥5项', '7项', 20, 20),
      row('履职效果', '部门履职目标', '媒体宣传报道数', '≥10篇', '36篇', 20, 20),
      row('履职效果', '部门效果目标', '业务办理便捷程度', '显著', '显著', 10, 10),
      row('能力建设', '人力资源建设', '人员考核合格率', '100%', '100%', 10, 10),
      row('服务对象满意度', '满意度指标', '服务对象满意度', '≥90%', '95%', 10, 10),
    ],
    statedTotal: 100,
  };
}
