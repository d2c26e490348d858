// `jixiao diff <yearA> <yearB> [--form F] [--json]`: the semantic diff of the templates in
// force in two years — indicators added, removed, renamed, re-weighted; rules, tiers,
// grades, deductions, rounding and aggregation changed. Not a text diff.
import pc from 'picocolors';
import { AREA_LABEL, diffTemplates, type DiffItem, type TemplateDiff } from '@jixiao/engine';
import { validTemplate } from '../filing.ts';
import { userError } from '../errors.ts';
import { t, tr } from '../i18n.ts';
import { shownPath, userPath } from '../paths.ts';
import { findTemplate, knownForms, normaliseForm, type LoadedTemplate } from '../templates.ts';

export interface DiffOptions {
  form?: string;
  json?: boolean;
}

/** A year (the template of the form in force that year) or a .jx file. */
export function templateFor(spec: string, form: string | null): LoadedTemplate | null {
  if (/\.jx$/i.test(spec)) return validTemplate(userPath(spec));
  if (!/^\d{4}$/.test(spec)) throw userError('yearUnknown', { spec });
  if (!form) return null;
  const path = findTemplate(form, Number(spec));
  return path ? validTemplate(path) : null;
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

export function renderDiff(d: TemplateDiff, fromPath: string, toPath: string): string {
  const out = [pc.bold(`${d.from.form} ${d.from.year} → ${d.to.year}`) + pc.dim(`  (${fromPath} → ${toPath})`)];
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

export function diffCommand(a: string, b: string, opts: DiffOptions): number {
  const only = formOption(opts.form);
  const fileSpec = /\.jx$/i.test(a) || /\.jx$/i.test(b);
  const forms = only ? [only] : fileSpec ? [null] : knownForms();
  let shown = 0;
  for (const form of forms) {
    let ta = templateFor(a, form);
    let tb = templateFor(b, form);
    // a .jx file names its own form; the other side follows it
    if (form === null) {
      const f = (ta ?? tb)?.checked?.form ?? null;
      ta ??= templateFor(a, f);
      tb ??= templateFor(b, f);
    }
    if (!ta || !tb) {
      if (only) {
        const missing = !ta ? a : b;
        throw userError('noTemplate', { form: only, year: missing });
      }
      continue;
    }
    const d = diffTemplates(ta.checked!, tb.checked!);
    if (opts.json) process.stdout.write(JSON.stringify({ ...d, files: { from: shownPath(ta.path), to: shownPath(tb.path) } }) + '\n');
    else console.log((shown > 0 ? '\n' : '') + renderDiff(d, shownPath(ta.path), shownPath(tb.path)));
    shown++;
  }
  if (shown === 0) throw userError('noTemplate', { years: [a, b] });
  return 0;
}
