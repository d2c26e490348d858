// From a request to what the engine takes: a filing (text or object) to a Filing, and a
// template reference (version, text, or jurisdiction/year/form) to a checked template.
import { chooseEntry, flattenSections, type CheckedTemplate } from '@jixiao/compiler';
import { importFiling, importJsonValue, prepareTemplate, type Filing, type ImportDiagnostic, type PreparedTemplate } from '@jixiao/engine';
import type { Queryable } from '../db/db.ts';
import { apiError } from '../codes.ts';
import { checkWithLibrary, fileOf, loadVersion, type DbEntry } from '../store/library.ts';
import { mustVersion, place } from '../store/templates.ts';
import { resolveFor } from '@jixiao/compiler';

export async function readFilingInput(filing: string | Record<string, unknown>, format: 'json' | 'tsv' | undefined): Promise<{ filing: Filing; diagnostics: ImportDiagnostic[] }> {
  const r = typeof filing === 'string' ? await importFiling(filing, format ? { format } : {}) : importJsonValue(filing);
  if (!r.filing) {
    const first = r.diagnostics.find((d) => d.severity === 'error');
    const where = first?.line !== undefined ? { zh: `第 ${first.line} 行：`, en: `line ${first.line}: ` } : { zh: '', en: '' };
    const e = apiError('invalidRequest', `无法读取填报表：${where.zh}${first?.message.zh ?? ''}`, `cannot read the filing: ${where.en}${first?.message.en ?? ''}`, {
      diagnostics: r.diagnostics,
    });
    // a filing that cannot be read keeps its import code
    (e as { code: string }).code = first?.code ?? e.code;
    throw e;
  }
  return { filing: r.filing, diagnostics: r.diagnostics };
}

export interface Scorer {
  prepared: PreparedTemplate;
  file: string;
  fallbackFrom: string | null;
  source: string;
}

function invalidTemplate(diags: readonly { severity: string; range: { start: { line: number } }; message: { zh: string; en: string } }[]): never {
  const errs = diags.filter((d) => d.severity === 'error');
  const d = errs[0];
  throw apiError(
    'noTemplate',
    `模板有 ${errs.length} 个错误，无法评分；第一个：第 ${d?.range.start.line} 行：${d?.message.zh}`,
    `the template has ${errs.length} error(s) and cannot score; the first: line ${d?.range.start.line}: ${d?.message.en}`,
    { diagnostics: diags },
  );
}

/** The template that scores a filing: `rules` (a .jx text), else the published one in force (compiler's chooseEntry). */
export function scorerFor(
  lib: DbEntry[],
  req: { rules?: string | undefined; region?: string | undefined; year?: number | undefined; form?: string | undefined },
  filing: Filing,
): Scorer {
  if (req.rules !== undefined) {
    const c = checkWithLibrary({ file: 'rules.jx', text: req.rules, ...(req.region ? { region: req.region } : {}) }, lib);
    if (!c.checked) invalidTemplate(c.diagnostics);
    return { prepared: prepareTemplate(c.checked), file: 'rules.jx', fallbackFrom: null, source: req.rules };
  }
  const r = chooseEntry(lib, req, filing);
  if ('problem' in r) {
    switch (r.problem) {
      case 'yearUnknown':
        throw apiError(
          'filingUnplaced',
          `无法确定年度：填报表没有写年度，请在请求中给出 year${r.given ? `；“${r.given}” 不是年份` : ''}`,
          `cannot tell the year: the filing gives none; pass year${r.given ? `; '${r.given}' is not a year` : ''}`,
        );
      case 'formUnknown':
        throw apiError(
          'filingUnplaced',
          `无法确定表单：请在请求中给出 form（项目支出 或 部门整体支出）${r.given ? `；“${r.given}” 不是已知表单` : ''}`,
          `cannot tell the form: pass form (项目支出 or 部门整体支出)${r.given ? `; '${r.given}' is not a known form` : ''}`,
        );
      case 'noTemplate':
        throw apiError(
          'noTemplate',
          `没有 ${r.region ?? ''}${r.region ? ' 及其上级地区' : ''} ${r.year} 年及以前已发布的 “${r.form}” 模板`,
          `no published template of '${r.form}' for ${r.year} or earlier${r.region ? ` in ${r.region} or above it` : ''}`,
        );
      case 'regionAmbiguous': {
        const list = r.candidates.map((c) => `${c.region} ${c.year}`);
        throw apiError(
          'filingUnplaced',
          `填报表没有写明地区，${r.year} 年的 “${r.form}” 有 ${list.length} 个地区的模板：${list.join('、')}；请在请求中给出 region`,
          `the filing names no jurisdiction and ${list.length} have a '${r.form}' template for ${r.year}: ${list.join(', ')}; pass region`,
          { candidates: list },
        );
      }
    }
  }
  const e = r.entry as DbEntry;
  const loaded = loadVersion({ id: e.versionId, template_id: e.templateId, number: e.number, source: e.source, region: e.region, year: e.year, form: e.form } as never, lib);
  if (!loaded.prepared) invalidTemplate(loaded.checked.diagnostics);
  return { prepared: loaded.prepared, file: e.file, fallbackFrom: r.fallbackFrom, source: e.source };
}

export type TemplateRefInput = { version: number } | { source: string; region?: string | undefined } | { region: string; year: number; form: string };

/** A template reference, checked and compiled. */
export async function templateOfRef(
  q: Queryable,
  ref: TemplateRefInput,
  lib: DbEntry[],
): Promise<{ checked: CheckedTemplate; prepared: PreparedTemplate; file: string; source: string }> {
  if ('version' in ref) {
    const v = await mustVersion(q, ref.version);
    const l = loadVersion(v, lib);
    if (!l.prepared) invalidTemplate(l.checked.diagnostics);
    return { checked: l.prepared.checked, prepared: l.prepared, file: fileOf(v.region, v.year, v.form), source: v.source };
  }
  if ('source' in ref) {
    const c = checkWithLibrary({ file: 'template.jx', text: ref.source, ...(ref.region ? { region: ref.region } : {}) }, lib);
    if (!c.checked) invalidTemplate(c.diagnostics);
    return { checked: c.checked, prepared: prepareTemplate(c.checked), file: 'template.jx', source: ref.source };
  }
  const { region, form } = place(ref.region, ref.form);
  const r = resolveFor(lib, form, region, ref.year);
  if (!r)
    throw apiError(
      'noTemplate',
      `${region} 及其上级地区没有 ${ref.year} 年及以前已发布的 “${form}” 模板`,
      `no published template of '${form}' for ${ref.year} or earlier in ${region} or above it`,
    );
  return templateOfRef(q, { version: (r.entry as DbEntry).versionId }, lib);
}

export function ruleOfRow(checked: CheckedTemplate, explain: string): { name: string; text: string; line: number } | null {
  const name = explain.split(':')[0];
  const rule = checked.rules.find((x) => x.name === name);
  if (rule) return { name: rule.name, text: rule.text, line: rule.range.start.line };
  const own = flattenSections(checked).find((s) => s.kind === 'formula' && s.name === name);
  return own ? { name: own.name, text: own.formulaText ?? '', line: own.range.start.line } : null;
}
