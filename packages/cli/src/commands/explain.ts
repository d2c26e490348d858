// `jixiao explain <filing> <indicator>`: the whole derivation of one indicator's score.
import pc from 'picocolors';
import { flattenSections } from '@jixiao/compiler';
import type { TemplateChoice } from '../filing.ts';
import { userError } from '../errors.ts';
import { scoreWithTemplate } from './score.ts';
import { renderFinding } from '../report-view.ts';
import { userPath } from '../paths.ts';
import { tr } from '../i18n.ts';

export async function explainCommand(file: string, indicator: string, opts: TemplateChoice): Promise<number> {
  const path = userPath(file);
  // one read and one import of the filing: the report and the template that scored it
  const { report, template } = await scoreWithTemplate(path, opts);
  const rows = report.rows.filter((r) => r.path.some((p) => p === indicator || p.includes(indicator)));
  const section = report.sections.find((s) => s.name === indicator);
  if (rows.length === 0 && !section) throw userError('unknownIndicator', { indicator });
  const checked = template.checked!;
  if (section) {
    console.log(
      pc.bold(`${section.name}: ${section.score} / ${section.cap}`) +
        (section.statedScore !== null ? tr(`（填报 ${section.statedScore}）`, ` (stated ${section.statedScore})`) : ''),
    );
  }
  for (const r of rows) {
    console.log(pc.bold(r.path.join(' › ')));
    console.log(`  ${tr('分值', 'weight')}: ${r.weight}   ${tr('得分', 'score')}: ${r.score}   ${tr('填报得分', 'stated')}: ${r.statedScore ?? '—'}`);
    console.log(`  ${tr('计算', 'derivation')}: ${r.explain}`);
    const ruleName = r.explain.split(':')[0];
    const rule = checked.rules.find((x) => x.name === ruleName);
    if (rule) console.log(`  ${tr('规则', 'rule')} ${rule.name}（${template.path}:${rule.range.start.line}）: 得分 = ${rule.text}`);
    // a section with its own formula (预算执行率, or a fixed indicator with 得分 = …)
    const own = rule ? undefined : flattenSections(checked).find((s) => s.kind === 'formula' && s.name === ruleName);
    if (own) console.log(`  ${tr('公式', 'formula')} ${own.name}（${template.path}:${own.range.start.line}）: 得分 = ${own.formulaText}`);
    for (const f of report.findings.filter((f) => f.path.join('\u0000') === r.path.join('\u0000'))) console.log(renderFinding(f));
  }
  return 0;
}
