// The human-readable report: rows, sections against caps, total, grade, findings.
import Table from 'cli-table3';
import pc from 'picocolors';
import { formatNumber } from '@jixiao/compiler';
import { statedDiffers, type Report, type Finding } from '@jixiao/engine';
import { t, tr } from './i18n.ts';
import { severityTag } from './render.ts';

/** No rule between body rows: the table stays as tall as the form. */
const compact = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
/** cli-table3 colours on its own; follow picocolors (NO_COLOR, pipes) instead. */
const tableStyle = pc.isColorSupported ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] };
const bySeverity = { error: 0, warning: 1, info: 2 } as const;

const num = (x: number | null) => (x === null ? pc.dim('—') : formatNumber(x));

export function renderFinding(f: Finding): string {
  const where = f.path.length ? pc.bold(f.path.join(' › ')) + ': ' : '';
  const help = f.help ? `\n    ${pc.cyan(tr('帮助', 'help'))}: ${t(f.help)}` : '';
  return `  ${severityTag(f.severity)} ${pc.dim(f.code)} ${where}${t(f.message)}${help}`;
}

function bar(score: number, cap: number, width = 20): string {
  const filled = cap > 0 ? Math.round((Math.min(score, cap) / cap) * width) : 0;
  return pc.green('█'.repeat(filled)) + pc.dim('░'.repeat(Math.max(0, width - filled)));
}

export function renderReport(r: Report, file: string): string {
  const out: string[] = [];
  const region = r.template.region ? `${r.template.region} ` : '';
  out.push(pc.bold(`${file} — ${tr('模板', 'template')} ${region}${r.template.name} ${r.template.year}`) + (r.template.file ? pc.dim(`  (${r.template.file})`) : ''));
  const rows = new Table({
    head: [tr('指标', 'indicator'), tr('分值', 'weight'), tr('得分', 'score'), tr('填报', 'stated'), tr('计算过程', 'derivation')],
    style: tableStyle,
    chars: compact,
    wordWrap: true,
    colWidths: [null, null, null, null, 60] as unknown as number[],
  });
  for (const row of r.rows) {
    const differs = statedDiffers(r, row.statedScore, row.score);
    rows.push([row.path.join(' › '), num(row.weight), num(row.score), differs ? pc.red(num(row.statedScore)) : num(row.statedScore), row.explain]);
  }
  out.push(rows.toString());
  const secs = new Table({ head: [tr('一级指标', 'section'), tr('得分 / 分值', 'score / cap'), '', tr('填报', 'stated')], style: tableStyle, chars: compact });
  for (const s of r.sections) secs.push([s.name, `${num(s.score)} / ${num(s.cap)}`, bar(s.score, s.cap), num(s.statedScore)]);
  out.push(secs.toString());
  // a section score that is not a plain sum (a formula, a proportion) says how it came about
  for (const s of r.sections) if (s.explain && !r.rows.some((row) => row.path.length === 1 && row.path[0] === s.name)) out.push(pc.dim(`  ${s.explain}`));
  const stated = r.statedTotal === null ? '' : tr(`（填报 ${num(r.statedTotal)}）`, ` (stated ${num(r.statedTotal)})`);
  out.push(pc.bold(`${tr('总分', 'total')} ${num(r.total)} / ${num(r.cap)}${stated}  ${tr('等级', 'grade')} ${r.grade}`));
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const warnings = r.findings.filter((f) => f.severity === 'warning').length;
  out.push(pc.bold(tr(`发现问题 ${r.findings.length} 个（错误 ${errors}，警告 ${warnings}）`, `${r.findings.length} findings (${errors} errors, ${warnings} warnings)`)));
  // errors first, then warnings, then notes; within each, in the order they were found
  const sorted = r.findings.map((f, i) => [f, i] as const).sort(([a, i], [b, j]) => bySeverity[a.severity] - bySeverity[b.severity] || i - j);
  for (const [f] of sorted) out.push(renderFinding(f));
  return out.join('\n');
}
