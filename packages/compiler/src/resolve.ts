// Template resolution: `模板 部门整体支出 2024 继承 2023 { … }` states only what changes;
// resolving merges it over its parent (recursively) into one complete template with no
// edits left, which the checker then checks on its own. Every node keeps the file it was
// written in (Range.file), so an error in an inherited part points at the parent file.
//
// Isomorphic: parents are fetched through an injected loader, never from disk here.
//
// Merge rules, applied to the parent's resolved items in the child's source order:
// - 标题 / 总分 / 保留小数 / 等级 / 定性分档 / 汇总: the child's declaration replaces the parent's.
// - 规则 X, 一级指标 X, 扣分 X: a declaration with the name of an inherited one replaces it
//   in place (whole: weight, body, aliases); a new name is appended.
// - 删除 一级指标|规则|扣分 X: drops the inherited item; X must exist.
// - 重命名 一级指标 X 为 Y: the inherited indicator is called Y from now on; X stays
//   recognised as an alias so last year's filings still match, and the model records it
//   in `renamedFrom` so that a diff can say "renamed".

import { hasErrors, parse, type Diagnostic, type Item, type Name, type Range, type SectionDecl, type Template } from '@jixiao/language';
import { checkTemplate } from './check.ts';
import { DiagnosticSink } from './diag.ts';
import type { CheckedTemplate } from './model.ts';

/** A template file's text, the name to report it under, and its jurisdiction (地区). */
export interface TemplateSource {
  file: string;
  text: string;
  /** 全国, 甘肃, 四川/遂宁/大英县 …; absent for a template outside the library */
  region?: string;
}

/**
 * Finds the template of `form` in force in `year` in jurisdiction `region` (the CLI:
 * rules/<region>/<y>/<form>.jx, newest y ≤ year; the playground: its in-memory files).
 * `region` is what 继承 names, else the child's own (undefined when that is unknown).
 * Null when there is none.
 */
export type LoadParent = (form: string, year: number, region?: string) => TemplateSource | null;

export interface ResolveResult {
  /** the complete template, or null when resolution failed */
  template: Template | null;
  diagnostics: Diagnostic[];
  /** the templates it was assembled from, this one first, then its parent, … */
  chain: { file: string | undefined; year: number; region?: string }[];
}

/** Deep copy of an AST value with `file` set on every range that has none yet. */
export function withFile<T>(x: T, file: string | undefined): T {
  if (file === undefined) return x;
  if (Array.isArray(x)) return x.map((e: unknown) => withFile(e, file)) as T;
  if (x !== null && typeof x === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
      if ((k === 'range' || k === 'scoreRange') && v !== null && typeof v === 'object') {
        const r = v as Range;
        o[k] = r.file !== undefined ? r : { ...r, file };
      } else o[k] = withFile(v, file);
    }
    return o as T;
  }
  return x;
}

const SINGLETON_KINDS = new Set<Item['kind']>(['Title', 'Total', 'Rounding', 'Grades', 'Tiers', 'Aggregation']);
const EDIT_KIND = { section: 'Section', rule: 'Rule', deduction: 'Deduction' } as const;

function namedKey(i: Item): string | null {
  if (i.kind === 'Rule' || i.kind === 'Section' || i.kind === 'Deduction') return `${i.kind}\u0000${i.name.text}`;
  return null;
}

interface Frame {
  form: string;
  year: number;
  region: string | undefined;
  file: string | undefined;
}

/** Resolve `t` (parsed from `file`, of jurisdiction `region`) against its parents. */
export function resolveTemplate(t: Template, file: string | undefined, loadParent: LoadParent, region?: string): ResolveResult {
  const diagnostics: Diagnostic[] = [];
  const chain: ResolveResult['chain'] = [];
  const template = resolveIn(t, file, region, loadParent, [], diagnostics, chain);
  return { template, diagnostics, chain };
}

function resolveIn(
  t: Template,
  file: string | undefined,
  region: string | undefined,
  loadParent: LoadParent,
  stack: Frame[],
  out: Diagnostic[],
  chain: ResolveResult['chain'],
): Template | null {
  const own = withFile(t, file);
  chain.push(region === undefined ? { file, year: t.year.value } : { file, year: t.year.value, region });
  const sink = new DiagnosticSink(file);
  if (!own.extends) {
    for (const i of own.items)
      if (i.kind === 'Remove' || i.kind === 'Rename')
        sink.report('editWithoutParent', i.range, { action: i.kind === 'Remove' ? 'remove' : 'rename', template: `${t.name.text} ${t.year.text}` });
    out.push(...sink.items);
    return sink.hasErrors ? null : own;
  }

  // ── find the parent ──
  const form = t.name.text;
  const year = t.extends!.value;
  // 继承 2023: this jurisdiction's; 继承 全国 2020: that one's (a county may extend its
  // province's template of the same year, a template its own jurisdiction's earlier year)
  const parentRegion = own.extendsRegion?.text ?? region;
  const here: Frame = { form, year: t.year.value, region, file };
  const path = [...stack, here];
  const extendsRange = own.extendsRegion ? { ...own.extends.range, start: own.extendsRegion.range.start } : own.extends.range;
  const shown = (r: string | undefined, y: number) => (r === undefined ? String(y) : `${r} ${y}`);
  if (path.some((f) => f.form === form && f.year === year && f.region === parentRegion) || (year === t.year.value && parentRegion === region)) {
    sink.report('extendsCycle', extendsRange, { form, steps: [...path.map((f) => shown(f.region, f.year)), shown(parentRegion, year)] });
    out.push(...sink.items);
    return null;
  }
  if (year > t.year.value) {
    sink.report('extendsNotEarlier', extendsRange, { year: t.year.text, parentYear: year });
    out.push(...sink.items);
    return null;
  }
  const src = loadParent(form, year, parentRegion);
  const parsed = src ? parse(src.text, src.file) : null;
  const candidates = parsed?.ast.templates.filter((p) => p.name.text === form) ?? [];
  const parentAst = candidates.find((p) => p.year.value === year) ?? candidates[0];
  if (!src || !parsed || !parentAst) {
    sink.report('parentMissing', extendsRange, { form, year, ...(src ? { file: src.file } : {}), ...(parentRegion !== undefined ? { region: parentRegion } : {}) });
    out.push(...sink.items);
    return null;
  }
  const parseErrors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (parseErrors.length > 0) {
    out.push(...parsed.diagnostics);
    return null;
  }
  const srcRegion = src.region ?? parentRegion;
  if (parentAst.year.value > t.year.value || (parentAst.year.value === t.year.value && srcRegion === region)) {
    // the loader answered with a template that is not earlier: following it would loop
    sink.report('extendsCycle', extendsRange, { form, steps: [...path.map((f) => shown(f.region, f.year)), shown(srcRegion, parentAst.year.value)], file: src.file });
    out.push(...sink.items);
    return null;
  }
  const parent = resolveIn(parentAst, src.file, srcRegion, loadParent, path, out, chain);
  if (!parent) return null;

  // ── merge ──
  const items: Item[] = [...parent.items];
  const fromChild = new Set<Item>();
  const overridden = new Set<Item['kind']>();
  const find = (kind: Item['kind'], name: string) => items.findIndex((i) => i.kind === kind && namedKey(i) === `${kind}\u0000${name}`);
  for (const it of own.items) {
    if (it.kind === 'Remove' || it.kind === 'Rename') {
      const kind = it.kind === 'Remove' ? EDIT_KIND[it.what] : 'Section';
      const target = it.kind === 'Remove' ? it.name : it.from;
      const at = find(kind, target.text);
      if (at < 0 || fromChild.has(items[at]!)) {
        const known = items.filter((i) => i.kind === kind && !fromChild.has(i)).map((i) => (i as { name: Name }).name.text);
        const what = it.kind === 'Remove' ? it.what : 'section';
        sink.report('editUnknown', target.range, { action: it.kind === 'Remove' ? 'remove' : 'rename', what, name: target.text, parentYear: parent.year.text, known });
        continue;
      }
      if (it.kind === 'Remove') items.splice(at, 1);
      else {
        const s = items[at] as SectionDecl;
        const keepOld = s.aliases.some((a) => a.text === it.from.text) || it.to.text === it.from.text;
        items[at] = {
          ...s,
          name: it.to,
          aliases: keepOld ? s.aliases : [...s.aliases, it.from],
          renamedFrom: [...(s.renamedFrom ?? []), s.name.text],
        };
      }
      continue;
    }
    if (SINGLETON_KINDS.has(it.kind) && !overridden.has(it.kind)) {
      overridden.add(it.kind);
      const at = items.findIndex((i) => i.kind === it.kind);
      fromChild.add(it);
      if (at >= 0) items[at] = it;
      else items.push(it);
      continue;
    }
    const key = namedKey(it);
    const at = key ? items.findIndex((i) => namedKey(i) === key && !fromChild.has(i)) : -1;
    fromChild.add(it);
    if (at >= 0) {
      const prev = items[at]!;
      items[at] = it.kind === 'Section' && prev.kind === 'Section' && prev.renamedFrom ? { ...it, renamedFrom: prev.renamedFrom } : it;
    } else items.push(it);
  }
  out.push(...sink.items);
  if (sink.hasErrors) return null;
  return { ...own, items };
}

export interface CheckSourceResult {
  /** the checked, resolved template; null when any error was found */
  template: CheckedTemplate | null;
  /** the resolved template AST (null when parsing or resolution failed) */
  resolved: Template | null;
  /** every diagnostic, each with the file it refers to */
  diagnostics: Diagnostic[];
  chain: ResolveResult['chain'];
}

/**
 * Parse, resolve (继承) and check one template file: the whole front end in one call, the
 * same for the CLI, the tests and the playground. The first template of the file is used.
 */
export function checkSource(src: TemplateSource, loadParent: LoadParent): CheckSourceResult {
  const parsed = parse(src.text, src.file);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const t = parsed.ast.templates[0];
  // The checker only ever sees a syntactically clean template.
  if (!t || hasErrors(diagnostics)) return { template: null, resolved: null, diagnostics, chain: [] };
  const r = resolveTemplate(t, src.file, loadParent, src.region);
  diagnostics.push(...r.diagnostics);
  if (!r.template) return { template: null, resolved: null, diagnostics, chain: r.chain };
  const c = checkTemplate(r.template, src.region === undefined ? { file: src.file } : { file: src.file, region: src.region });
  diagnostics.push(...c.diagnostics);
  return { template: c.template, resolved: r.template, diagnostics, chain: r.chain };
}
