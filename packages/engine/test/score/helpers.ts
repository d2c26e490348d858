// Minimal filings for scoring tests: a clean 2023 filing that the rules accept without a
// single finding, and small edits of it, one per finding.
import { readFileSync } from 'node:fs';
import { parse } from '@jixiao/language';
import { checkTemplate } from '@jixiao/compiler';
import { prepareTemplate, scoreFiling, type Filing, type Report } from '../../src/index.ts';

export function templateOf(rel: string) {
  const src = readFileSync(new URL(`../../../../rules/${rel}`, import.meta.url), 'utf8');
  // rules/<地区>/<年度>/<表单>.jx: the jurisdiction is the path above the year
  const region = rel.split('/').slice(0, -2).join('/');
  const r = checkTemplate(parse(src).ast.templates[0]!, { file: rel, region });
  if (!r.template) throw new Error(`template ${rel} invalid: ${JSON.stringify(r.diagnostics)}`);
  return prepareTemplate(r.template);
}

export const t2023 = templateOf('甘肃/2023/部门整体支出.jx');
export const t2020 = templateOf('全国/2020/项目支出.jx');

export { cleanFiling, row } from '../../../../test/support/filings.ts';

export function score(f: Filing, t = t2023): Report {
  return scoreFiling(t, f);
}

export const codes = (r: Report) => r.findings.map((f) => f.code);

/** The 甘肃 2023 template with each `from` replaced by its `to`: a rule shape added to a known template. */
export function t2023With(...edits: (readonly [from: string, to: string])[]) {
  const rel = '甘肃/2023/部门整体支出.jx';
  let src = readFileSync(new URL(`../../../../rules/${rel}`, import.meta.url), 'utf8');
  for (const [from, to] of edits) {
    if (!src.includes(from)) throw new Error(`${rel} has no ${from}`);
    src = src.replace(from, to);
  }
  const r = checkTemplate(parse(src).ast.templates[0]!, { file: rel, region: '甘肃' });
  if (!r.template) throw new Error(`edited ${rel} invalid: ${JSON.stringify(r.diagnostics.map((d) => d.message.zh))}`);
  return prepareTemplate(r.template);
}
