// `jixiao impact --from <yearA> --to <yearB> <filings…|folder> [--json]`: re-score every
// filing under both years' templates; per filing the old and new total and grade, the
// delta, and each row or section that moved with the rule change that moved it.
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import pc from 'picocolors';
import { formatNumber } from '@jixiao/compiler';
import { diffTemplates, gradeReason, impactOf, prepareTemplate, type FilingImpact, type PreparedTemplate, type TemplateDiff } from '@jixiao/engine';
import { causeOf, readFiling } from '../filing.ts';
import { failureOf, unreadableFiling, userError } from '../errors.ts';
import { t, tr } from '../i18n.ts';
import { shownPath, userPath } from '../paths.ts';
import { normaliseForm, type LoadedTemplate } from '../templates.ts';
import { bareYearsRegion, formOption, templateFor } from './diff.ts';

export interface ImpactOptions {
  from: string;
  to: string;
  form?: string;
  region?: string;
  json?: boolean;
}

const FILING_EXT = new Set(['.tsv', '.txt', '.json', '.xlsx']);

function expand(targets: string[]): string[] {
  const out: string[] = [];
  for (const tgt of targets) {
    const p = userPath(tgt);
    if (statSync(p).isDirectory())
      out.push(
        ...readdirSync(p)
          .filter((f) => FILING_EXT.has(extname(f).toLowerCase()))
          .sort()
          .map((f) => join(p, f)),
      );
    else out.push(p);
  }
  return out;
}

const num = (x: number | null) => formatNumber(x);
const signed = (x: number) => (x > 0 ? pc.green(`+${num(x)}`) : x < 0 ? pc.red(num(x)) : num(x));

interface Pair {
  from: LoadedTemplate;
  to: LoadedTemplate;
  prepared: [PreparedTemplate, PreparedTemplate];
  diff: TemplateDiff;
}

export function renderImpact(file: string, i: FilingImpact, diff: TemplateDiff): string {
  const out = [pc.bold(file)];
  out.push(
    `  ${i.from.year}: ${tr('总分', 'total')} ${num(i.from.total)} ${i.from.grade}  →  ${i.to.year}: ${tr('总分', 'total')} ${num(i.to.total)} ${i.to.grade}   (${signed(i.delta)})`,
  );
  const g = gradeReason(i, diff);
  if (g) out.push(`  ${pc.yellow(t(g))}`);
  if (i.moved.length === 0) out.push(tr('  没有指标得分变化', '  no score moved'));
  for (const m of i.moved) out.push(`  ${pc.bold(m.path.join(' › '))}  ${num(m.from)} → ${num(m.to)}\n      ${pc.dim(t(m.why))}`);
  return out.join('\n');
}

export async function impactCommand(targets: string[], opts: ImpactOptions): Promise<number> {
  const only = formOption(opts.form);
  const files = expand(targets);
  if (files.length === 0) throw unreadableFiling({ none: true });
  const pairs = new Map<string, Pair>();
  // the jurisdiction: --region, else each filing's own 地区
  const pairFor = (form: string | null, region: string | undefined): Pair => {
    const key = `${form ?? ''}\u0000${region ?? ''}`;
    let p = pairs.get(key);
    if (p) return p;
    // bare years and no jurisdiction: both sides in the default one (全国, else the broadest)
    const where = region ?? bareYearsRegion([opts.from, opts.to], form, undefined)?.region;
    const from = templateFor(opts.from, form, where);
    const to = templateFor(opts.to, form, where);
    if (!from || !to) {
      const y = !from ? opts.from : opts.to;
      throw userError('noTemplate', { form: form ?? '?', year: y });
    }
    p = { from, to, prepared: [prepareTemplate(from.checked!), prepareTemplate(to.checked!)], diff: diffTemplates(from.checked!, to.checked!) };
    pairs.set(key, p);
    return p;
  };

  let failed = 0;
  let changedTotal = 0;
  const gradeMoves = new Map<string, number>();
  for (const f of files) {
    const name = shownPath(f);
    try {
      const { filing, diagnostics } = await readFiling(f);
      if (!filing) {
        throw unreadableFiling(causeOf(diagnostics));
      }
      const form = only ?? (filing.form ? normaliseForm(filing.form) : null);
      if (!form && !/\.jx$/i.test(opts.from) && !/\.jx$/i.test(opts.to)) throw userError('formUnknown', { pass: true });
      const p = pairFor(form, opts.region ?? filing.region);
      const i = impactOf(p.prepared[0], p.prepared[1], filing, diagnostics, p.diff);
      if (i.delta !== 0) changedTotal++;
      if (i.gradeChanged) gradeMoves.set(`${i.from.grade}→${i.to.grade}`, (gradeMoves.get(`${i.from.grade}→${i.to.grade}`) ?? 0) + 1);
      if (opts.json)
        process.stdout.write(
          JSON.stringify({
            file: name,
            from: { total: i.from.total, grade: i.from.grade },
            to: { total: i.to.total, grade: i.to.grade },
            delta: i.delta,
            moved: i.moved.map((m) => ({ path: m.path, from: m.from, to: m.to, why: t(m.why) })),
          }) + '\n',
        );
      else console.log(renderImpact(name, i, p.diff) + '\n');
    } catch (e) {
      failed++;
      const err = failureOf(e);
      if (opts.json) process.stdout.write(JSON.stringify({ file: name, error: err }) + '\n');
      else console.error(pc.red(`${name}: ${t(err.message)}`));
    }
  }
  const scored = files.length - failed;
  const grades = [...gradeMoves].map(([k, n]) => `${k} ${n}`).join('，');
  const changedGrades = [...gradeMoves.values()].reduce((a, b) => a + b, 0);
  console.error(
    tr(
      `共 ${files.length} 份填报表：${scored} 份已比较，${changedTotal} 份总分变化，${changedGrades} 份等级变化${grades ? `（${grades}）` : ''}${failed ? `，${failed} 份无法读取` : ''}`,
      `${files.length} filings: ${scored} compared, ${changedTotal} change total, ${changedGrades} change grade${grades ? ` (${grades})` : ''}${failed ? `, ${failed} unreadable` : ''}`,
    ),
  );
  return failed > 0 ? (scored > 0 ? 1 : 2) : 0;
}
