// `jixiao diff <A> <B> [--form F] [--region R] [--json]`: the semantic diff of two templates —
// each a year (in --region, or the one jurisdiction with a template), a jurisdiction and
// year (甘肃/2023, 四川/遂宁/大英县/2020) or a .jx file — indicators added, removed, renamed,
// re-weighted; rules, tiers, grades, deductions, rounding and aggregation changed. Not a
// text diff.
import pc from 'picocolors';
import { AREA_LABEL, diffTemplates, type DiffItem, type TemplateDiff } from '@jixiao/engine';
import { validTemplate } from '../filing.ts';
import { userError } from '../errors.ts';
import { t, tr } from '../i18n.ts';
import { shownPath, userPath } from '../paths.ts';
import { normaliseRegion } from '@jixiao/compiler';
import { defaultRegion, findTemplate, knownForms, normaliseForm, type LoadedTemplate } from '../templates.ts';

export interface DiffOptions {
  form?: string;
  region?: string;
  json?: boolean;
}

/**
 * The template a spec names: a .jx file; a jurisdiction and year (甘肃/2023: the template
 * in force there, or its parent's); a year in `region` (the caller's --region, or the one it
 * chose with defaultRegion so that both sides of a comparison are one jurisdiction's).
 */
export function templateFor(spec: string, form: string | null, region?: string): LoadedTemplate | null {
  if (/\.jx$/i.test(spec)) return validTemplate(userPath(spec));
  const m = SPEC.exec(spec.trim());
  if (!m) throw userError('yearUnknown', { spec });
  if (!form) return null;
  const year = Number(m[2]);
  const where = m[1] !== undefined ? normaliseRegion(m[1]) : region !== undefined ? normaliseRegion(region) : (defaultRegion(form, year)?.region ?? null);
  if (where === null) return null;
  const r = findTemplate(form, year, where);
  return r ? validTemplate(r.entry.file) : null;
}

/**
 * The jurisdiction bare years are read in when the user names none: the default of the
 * first bare year's (全国, else the broadest), with the others that have a template, for a
 * note. Null when a spec names its own, or --region does.
 */
export function bareYearsRegion(specs: string[], form: string | null, region: string | undefined): { region: string; others: string[] } | null {
  if (region !== undefined || form === null) return null;
  const years = specs
    .map((x) => SPEC.exec(x.trim()))
    .filter((m) => m !== null && m[1] === undefined)
    .map((m) => Number(m![2]));
  const first = years.length ? defaultRegion(form, years[0]!) : null;
  if (!first) return null;
  // the others of every bare year: 2020 → 2023 names 四川, whose template is 2023's
  const others = [...new Set(years.flatMap((y) => defaultRegion(form, y)?.others ?? []))].filter((r) => r !== first.region);
  return { region: first.region, others };
}

export function formOption(form: string | undefined): string | null {
  if (form === undefined) return null;
  const f = normaliseForm(form);
  if (!f) throw userError('formUnknown', { unknown: form, known: knownForms() });
  return f;
}

const MARK: Record<DiffItem['change'], (s: string) => string> = {
  added: (s) => pc.green(`+ ${s}`),
  removed: (s) => pc.red(`- ${s}`),
  renamed: (s) => pc.cyan(`→ ${s}`),
  changed: (s) => pc.yellow(`~ ${s}`),
};

export function renderDiff(d: TemplateDiff, fromPath: string, toPath: string, regions: [string | null, string | null] = [null, null]): string {
  const side = (r: string | null, y: number) => (r ? `${r} ${y}` : String(y));
  const out = [pc.bold(`${d.from.form} ${side(regions[0], d.from.year)} → ${side(regions[1], d.to.year)}`) + pc.dim(`  (${fromPath} → ${toPath})`)];
  if (d.changes.length === 0) {
    out.push(tr('  没有规则改动', '  no rule changes'));
    return out.join('\n');
  }
  let area: string | null = null;
  for (const c of d.changes) {
    if (c.area !== area) {
      area = c.area;
      out.push(pc.bold(`  ${t(AREA_LABEL[c.area])}`));
    }
    out.push(`    ${MARK[c.change](t(c.message))}`);
  }
  const n = (k: DiffItem['change']) => d.changes.filter((c) => c.change === k).length;
  out.push(
    pc.dim(
      tr(
        `  共 ${d.changes.length} 处改动：新增 ${n('added')}，删除 ${n('removed')}，改名 ${n('renamed')}，修改 ${n('changed')}`,
        `  ${d.changes.length} changes: ${n('added')} added, ${n('removed')} removed, ${n('renamed')} renamed, ${n('changed')} changed`,
      ),
    ),
  );
  return out.join('\n');
}

/** A spec is a .jx file, a year, or a jurisdiction and year (甘肃/2023). */
const SPEC = /^(?:(.+?)\s*[/／:：]\s*)?(\d{4})$/;

export function diffCommand(a: string, b: string, opts: DiffOptions): number {
  for (const spec of [a, b]) if (!/\.jx$/i.test(spec) && !SPEC.test(spec.trim())) throw userError('yearUnknown', { spec });
  const only = formOption(opts.form);
  const fileSpec = /\.jx$/i.test(a) || /\.jx$/i.test(b);
  const forms = only ? [only] : fileSpec ? [null] : knownForms();
  let shown = 0;
  for (const form of forms) {
    const chosen = bareYearsRegion([a, b], form, opts.region);
    const region = opts.region ?? chosen?.region;
    let ta = templateFor(a, form, region);
    let tb = templateFor(b, form, region);
    // a .jx file names its own form; the other side follows it
    if (form === null) {
      const f = (ta ?? tb)?.checked?.form ?? null;
      const fc = bareYearsRegion([a, b], f, opts.region);
      ta ??= templateFor(a, f, opts.region ?? fc?.region);
      tb ??= templateFor(b, f, opts.region ?? fc?.region);
    }
    if (!ta || !tb) {
      if (only) {
        const missing = !ta ? a : b;
        throw userError('noTemplate', { form: only, year: missing });
      }
      continue;
    }
    const d = diffTemplates(ta.checked!, tb.checked!);
    if (opts.json) process.stdout.write(JSON.stringify({ ...d, files: { from: shownPath(ta.path), to: shownPath(tb.path) }, regions: { from: ta.region, to: tb.region } }) + '\n');
    else {
      console.log((shown > 0 ? '\n' : '') + renderDiff(d, shownPath(ta.path), shownPath(tb.path), [ta.region, tb.region]));
      // bare years with several jurisdictions to choose from: say which was taken
      if (chosen && chosen.others.length > 0)
        console.log(
          pc.dim(
            tr(
              `  （未指定地区，按 ${chosen.region} 比较；${chosen.others.join('、')} 另有模板，可写 ${chosen.others[0]}/${a} 或用 --region 指定）`,
              `  (no jurisdiction named: compared in ${chosen.region}; ${chosen.others.join(', ')} also have templates: write ${chosen.others[0]}/${a} or pass --region)`,
            ),
          ),
        );
    }
    shown++;
  }
  if (shown === 0) throw userError('noTemplate', { years: [a, b] });
  return 0;
}
