// Reading a filing from disk and choosing the template that scores it.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { importFiling, MAX_FILING_BYTES, type Filing, type ImportDiagnostic } from '@jixiao/engine';
import { chooseEntry, type ChoiceProblem } from '@jixiao/compiler';
import { knownForms, library, loadTemplate, regionOfFile, type LoadedTemplate } from './templates.ts';
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
 * in force, the user chooses: the candidates are listed, never picked silently. The choice
 * itself is the compiler's (chooseEntry); this wraps it in the CLI's words and caches it.
 */
export function chooseTemplate(choice: TemplateChoice, filing: Filing | null, filingPath?: string): Chosen {
  if (choice.rules) return { template: validTemplate(userPath(choice.rules)), fallbackFrom: null };
  const folder = filingPath ? regionOfFile(filingPath) : null;
  // The rules/ folder is looked up once per question, not once per filing of a batch.
  const key = JSON.stringify([choice.year ?? filing?.year, choice.form ?? filing?.form, choice.region ?? filing?.region, filing?.unit, filing?.title, folder]);
  let hit = found.get(key);
  if (hit === undefined) {
    const r = chooseEntry(library(), choice, filing, folder);
    if ('problem' in r) throw choiceError(r);
    hit = { file: r.entry.file, fallbackFrom: r.fallbackFrom };
    found.set(key, hit);
  }
  return { template: validTemplate(hit.file), fallbackFrom: hit.fallbackFrom };
}

function choiceError(p: ChoiceProblem): UserError {
  switch (p.problem) {
    case 'yearUnknown':
      return new UserError(
        `无法确定年度：表头没有写年度，请用 --year 指定 (如 --year 2023)${p.given ? `；“${p.given}” 不是年份` : ''}`,
        `cannot tell the year: the title gives none; pass --year (e.g. --year 2023)${p.given ? `; '${p.given}' is not a year` : ''}`,
        CLI_CODES.yearUnknown.code,
      );
    case 'formUnknown':
      return new UserError(
        `无法确定表单：请用 --form 指定 (${knownForms().join(' 或 ')})${p.given ? `；“${p.given}” 不是已知表单` : ''}`,
        `cannot tell the form: pass --form (${knownForms().join(' or ')})${p.given ? `; '${p.given}' is not a known form` : ''}`,
        CLI_CODES.formUnknown.code,
      );
    case 'noTemplate':
      return p.region !== null
        ? new UserError(
            `rules/ 中没有 ${p.region} 及其上级地区 ${p.year} 年及以前的 “${p.form}” 模板`,
            `rules/ has no template of '${p.form}' for ${p.year} or earlier in ${p.region} or above it`,
            CLI_CODES.noTemplate.code,
          )
        : new UserError(`rules/ 中没有 ${p.year} 年及以前的 “${p.form}” 模板`, `rules/ has no template of '${p.form}' for ${p.year} or earlier`, CLI_CODES.noTemplate.code);
    case 'regionAmbiguous': {
      const cands = p.candidates;
      const list = cands.map((c) => `${c.region} ${c.year}（${shownPath(c.file)}）`);
      return new UserError(
        `填报表没有写明地区，${p.year} 年的 “${p.form}” 有 ${cands.length} 个地区的模板可用：${list.join('、')}。请用 --region 指定地区（如 --region ${cands[0]!.region}），或在填报表中写明“地区”`,
        `the filing names no jurisdiction and ${cands.length} jurisdictions have a '${p.form}' template for ${p.year}: ${list.join(', ')}. Pass --region (e.g. --region ${cands[0]!.region}) or give the filing's 地区`,
        CLI_CODES.regionAmbiguous.code,
      );
    }
  }
}
