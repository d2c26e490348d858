// Minimal filings for scoring tests: a clean 2023 filing that the rules accept without a
// single finding, and small edits of it, one per finding.
import { readFileSync } from 'node:fs';
import { parse } from '@jixiao/language';
import { checkTemplate } from '@jixiao/compiler';
import { prepareTemplate, scoreFiling, type Filing, type IndicatorRow, type Report } from '../../src/index.ts';

export function templateOf(rel: string) {
  const src = readFileSync(new URL(`../../../../rules/${rel}`, import.meta.url), 'utf8');
  const r = checkTemplate(parse(src).ast.templates[0]!, { file: rel });
  if (!r.template) throw new Error(`template ${rel} invalid: ${JSON.stringify(r.diagnostics)}`);
  return prepareTemplate(r.template);
}

export const t2023 = templateOf('2023/部门整体支出.jx');
export const t2020 = templateOf('2020/项目支出.jx');

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

export function score(f: Filing, t = t2023): Report {
  return scoreFiling(t, f);
}

export const codes = (r: Report) => r.findings.map((f) => f.code);
