// Reading a filing from disk and choosing the template that scores it.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { importFiling, MAX_FILING_BYTES, type Filing, type ImportDiagnostic } from '@jixiao/engine';
import { findTemplate, knownForms, loadTemplate, normaliseForm, type LoadedTemplate } from './templates.ts';
import { userPath } from './paths.ts';
import { CLI_CODES } from './codes.ts';

export interface TemplateChoice {
  year?: string | undefined;
  form?: string | undefined;
  rules?: string | undefined;
}

/** A failure the user must fix, with a message in both languages; exit code 2. */
import { UserError } from './errors.ts';

export { UserError };

export async function readFiling(path: string): Promise<{ filing: Filing | null; diagnostics: ImportDiagnostic[] }> {
  // Refuse an oversized file before reading it into memory.
  const size = statSync(path).size;
  if (size > MAX_FILING_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new UserError(`填报表过大：${mb(size)} MB，上限为 ${mb(MAX_FILING_BYTES)} MB`, `filing too large: ${mb(size)} MB, the limit is ${mb(MAX_FILING_BYTES)} MB`, 'IMP007');
  }
  const bytes = readFileSync(path);
  const r = await importFiling(new Uint8Array(bytes), { filename: basename(path) });
  return { filing: r.filing, diagnostics: r.diagnostics };
}

const cache = new Map<string, LoadedTemplate>();
const found = new Map<string, string | null>();

/** Load (once per process) and require a valid template. */
export function validTemplate(path: string): LoadedTemplate {
  let t = cache.get(path);
  if (!t) {
    t = loadTemplate(path);
    cache.set(path, t);
  }
  if (!t.checked) {
    const first = t.diagnostics.find((d) => d.severity === 'error');
    const where = first ? `${first.file ?? path}:${first.range.start.line}:${first.range.start.column}: ` : '';
    throw new UserError(
      `模板无效：${where}${first?.message.zh ?? ''}（运行 jixiao check 查看全部错误）`,
      `invalid template: ${where}${first?.message.en ?? ''} (run jixiao check for every error)`,
      CLI_CODES.invalidTemplate.code,
    );
  }
  return t;
}

/** The template for a filing: --rules, else --year/--form, else what the filing's title says. */
export function chooseTemplate(choice: TemplateChoice, filing: Filing | null): LoadedTemplate {
  if (choice.rules) return validTemplate(userPath(choice.rules));
  const yearText = choice.year ?? (filing?.year !== undefined ? String(filing.year) : undefined);
  const formText = choice.form ?? filing?.form;
  if (!yearText || !/^\d{4}$/.test(yearText))
    throw new UserError(
      `无法确定年度：表头没有写年度，请用 --year 指定 (如 --year 2023)${yearText ? `；“${yearText}” 不是年份` : ''}`,
      `cannot tell the year: the title gives none; pass --year (e.g. --year 2023)${yearText ? `; '${yearText}' is not a year` : ''}`,
      CLI_CODES.yearUnknown.code,
    );
  const form = formText ? normaliseForm(formText) : null;
  if (!form)
    throw new UserError(
      `无法确定表单：请用 --form 指定 (${knownForms().join(' 或 ')})${formText ? `；“${formText}” 不是已知表单` : ''}`,
      `cannot tell the form: pass --form (${knownForms().join(' or ')})${formText ? `; '${formText}' is not a known form` : ''}`,
      CLI_CODES.formUnknown.code,
    );
  // The rules/ folder is looked up once per (form, year), not once per filing of a batch.
  const key = `${form}\u0000${yearText}`;
  let path = found.get(key);
  if (path === undefined) {
    path = findTemplate(form, Number(yearText));
    found.set(key, path);
  }
  if (!path)
    throw new UserError(
      `rules/ 中没有 ${yearText} 年及以前的 “${form}” 模板`,
      `rules/ has no template of '${form}' for ${yearText} or earlier`,
      CLI_CODES.noTemplate.code,
    );
  return validTemplate(path);
}
