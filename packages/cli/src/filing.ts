// Reading a filing from disk and choosing the template that scores it.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { importFiling, MAX_FILING_BYTES, type Filing, type ImportDiagnostic } from '@jixiao/engine';
import { normaliseRegion, regionIn, regionsOf } from '@jixiao/compiler';
import { findTemplate, knownForms, library, loadTemplate, normaliseForm, regionOfFile, templateCandidates, type LoadedTemplate } from './templates.ts';
import { shownPath, userPath } from './paths.ts';
import { CLI_CODES } from './codes.ts';

export interface TemplateChoice {
  year?: string | undefined;
  form?: string | undefined;
  rules?: string | undefined;
  /** 地区: 全国, 甘肃, 四川/遂宁/大英县 … */
  region?: string | undefined;
}

/** The template that scores a filing, and how it was found. */
export interface Chosen {
  template: LoadedTemplate;
  /** the jurisdiction asked for, when its parent's template is used (大英县 → 四川) */
  fallbackFrom: string | null;
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
const found = new Map<string, { file: string; fallbackFrom: string | null }>();

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

/**
 * The template for a filing: --rules, else the one in force for its form, year and
 * jurisdiction (--form/--year/--region, else what the filing says). A jurisdiction without
 * its own template uses its parent's, up to 全国; with no jurisdiction given and several
 * in force, the user chooses: the candidates are listed, never picked silently.
 */
export function chooseTemplate(choice: TemplateChoice, filing: Filing | null, filingPath?: string): Chosen {
  if (choice.rules) return { template: validTemplate(userPath(choice.rules)), fallbackFrom: null };
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
  const year = Number(yearText);
  const region = regionOf(choice, filing, filingPath);
  // The rules/ folder is looked up once per (form, year, region), not once per filing of a batch.
  const key = `${form}\u0000${yearText}\u0000${region ?? ''}`;
  let hit = found.get(key);
  if (hit === undefined) {
    hit = region !== null ? lookUp(form, year, region) : only(form, year);
    found.set(key, hit);
  }
  return { template: validTemplate(hit.file), fallbackFrom: hit.fallbackFrom };
}

/**
 * The jurisdiction: --region, else the filing's 地区, else one its unit or title names,
 * else, for an example kept in rules/<地区>/…, that folder's.
 */
function regionOf(choice: TemplateChoice, filing: Filing | null, filingPath?: string): string | null {
  const given = choice.region ?? filing?.region;
  if (given !== undefined && given.trim() !== '') return normaliseRegion(given);
  const header = [filing?.unit, filing?.title].filter((x): x is string => !!x).join(' ');
  const named = header ? regionIn(header, regionsOf(library())) : null;
  return named ?? (filingPath ? regionOfFile(filingPath) : null);
}

function lookUp(form: string, year: number, region: string): { file: string; fallbackFrom: string | null } {
  const r = findTemplate(form, year, region);
  if (!r)
    throw new UserError(
      `rules/ 中没有 ${region} 及其上级地区 ${year} 年及以前的 “${form}” 模板`,
      `rules/ has no template of '${form}' for ${year} or earlier in ${region} or above it`,
      CLI_CODES.noTemplate.code,
    );
  return { file: r.entry.file, fallbackFrom: r.fallbackFrom };
}

/** No jurisdiction given: the template when only one is in force, else the list to choose from. */
function only(form: string, year: number): { file: string; fallbackFrom: string | null } {
  const cands = templateCandidates(form, year);
  if (cands.length === 1) return { file: cands[0]!.file, fallbackFrom: null };
  if (cands.length === 0)
    throw new UserError(`rules/ 中没有 ${year} 年及以前的 “${form}” 模板`, `rules/ has no template of '${form}' for ${year} or earlier`, CLI_CODES.noTemplate.code);
  const list = cands.map((c) => `${c.region} ${c.year}（${shownPath(c.file)}）`);
  throw new UserError(
    `填报表没有写明地区，${year} 年的 “${form}” 有 ${cands.length} 个地区的模板可用：${list.join('、')}。请用 --region 指定地区（如 --region ${cands[0]!.region}），或在填报表中写明“地区”`,
    `the filing names no jurisdiction and ${cands.length} jurisdictions have a '${form}' template for ${year}: ${list.join(', ')}. Pass --region (e.g. --region ${cands[0]!.region}) or give the filing's 地区`,
    CLI_CODES.regionAmbiguous.code,
  );
}
