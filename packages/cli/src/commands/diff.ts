// `jixiao diff <A> <B> [--form F] [--region R] [--json]`: the semantic diff of two templates —
// each a year (in --region, or the one jurisdiction with a template), a jurisdiction and
// year (甘肃/2023, 四川/遂宁/大英县/2020) or a .jx file — indicators added, removed, renamed,
// re-weighted; rules, tiers, grades, deductions, rounding and aggregation changed. Not a
// text diff.
import { CLI_CODES } from '../codes.ts';
import pc from 'picocolors';
import { AREA_LABEL, diffTemplates, type DiffItem, type TemplateDiff } from '@jixiao/engine';
import { UserError, validTemplate } from '../filing.ts';
import { t, tr } from '../i18n.ts';
import { shownPath, userPath } from '../paths.ts';
import { normaliseRegion } from '@jixiao/compiler';
import { findTemplate, knownForms, normaliseForm, templateCandidates, type LoadedTemplate } from '../templates.ts';

export interface DiffOptions {
  form?: string;
  region?: string;
  json?: boolean;
}

/**
 * The template a spec names: a .jx file; a jurisdiction and year (甘肃/2023: the template
 * in force there, or its parent's); a year in `region`; a bare year when one jurisdiction
 * only has a template of the form in force (several: the user must choose, they are listed).
 */
export function templateFor(spec: string, form: string | null, region?: string): LoadedTemplate | null {
  if (/\.jx$/i.test(spec)) return validTemplate(userPath(spec));
  const m = SPEC.exec(spec.trim());
  if (!m) throw new UserError(`“${spec}” 不是年份（如 2023、甘肃/2023），也不是 .jx 模板文件`, `'${spec}' is neither a year (2023, 甘肃/2023) nor a .jx template`, CLI_CODES.yearUnknown.code);
  if (!form) return null;
  const year = Number(m[2]);
  const where = m[1] !== undefined ? normaliseRegion(m[1]) : region !== undefined ? normaliseRegion(region) : null;
  if (where !== null) {
    const r = findTemplate(form, year, where);
    return r ? validTemplate(r.entry.file) : null;
  }
  const cands = templateCandidates(form, year);
  if (cands.length <= 1) return cands[0] ? validTemplate(cands[0].file) : null;
  const list = cands.map((c) => `${c.region}/${c.year}`).join('、');
  throw new UserError(
    `${year} 年的 “${form}” 有 ${cands.length} 个地区的模板：${list}；请写明地区（如 ${cands[0]!.region}/${year}）或用 --region 指定`,
    `${cands.length} jurisdictions have a '${form}' template for ${year}: ${list}; name one (e.g. ${cands[0]!.region}/${year}) or pass --region`,
    CLI_CODES.regionAmbiguous.code,
  );
}

export function formOption(form: string | undefined): string | null {
  if (form === undefined) return null;
  const f = normaliseForm(form);
  if (!f) throw new UserError(`“${form}” 不是已知表单（${knownForms().join('、')}）`, `'${form}' is not a known form (${knownForms().join(', ')})`, CLI_CODES.formUnknown.code);
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
  for (const spec of [a, b])
    if (!/\.jx$/i.test(spec) && !SPEC.test(spec.trim()))
      throw new UserError(`“${spec}” 不是年份（如 2023、甘肃/2023），也不是 .jx 模板文件`, `'${spec}' is neither a year (2023, 甘肃/2023) nor a .jx template`, CLI_CODES.yearUnknown.code);
  const only = formOption(opts.form);
  const fileSpec = /\.jx$/i.test(a) || /\.jx$/i.test(b);
  const forms = only ? [only] : fileSpec ? [null] : knownForms();
  let shown = 0;
  for (const form of forms) {
    let ta = templateFor(a, form, opts.region);
    let tb = templateFor(b, form, opts.region);
    // a .jx file names its own form; the other side follows it
    if (form === null) {
      const f = (ta ?? tb)?.checked?.form ?? null;
      ta ??= templateFor(a, f, opts.region);
      tb ??= templateFor(b, f, opts.region);
    }
    if (!ta || !tb) {
      if (only) {
        const missing = !ta ? a : b;
        throw new UserError(`rules/ 中没有 ${missing} 年及以前的 “${only}” 模板`, `rules/ has no template of '${only}' for ${missing} or earlier`, CLI_CODES.noTemplate.code);
      }
      continue;
    }
    const d = diffTemplates(ta.checked!, tb.checked!);
    if (opts.json) process.stdout.write(JSON.stringify({ ...d, files: { from: shownPath(ta.path), to: shownPath(tb.path) }, regions: { from: ta.region, to: tb.region } }) + '\n');
    else console.log((shown > 0 ? '\n' : '') + renderDiff(d, shownPath(ta.path), shownPath(tb.path), [ta.region, tb.region]));
    shown++;
  }
  if (shown === 0) throw new UserError(`${a} 和 ${b} 没有共同的表单模板`, `no form has a template in both ${a} and ${b}`, CLI_CODES.noTemplate.code);
  return 0;
}
