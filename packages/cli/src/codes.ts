// The catalogue of the command line's own errors (the JX4 family, exit code 2). A failure
// that comes from reading a filing keeps the import code (IMPnnn) instead (errors.ts
// `unreadableFiling`). Codes never change meaning; the titles feed docs/errors.md.
// From the language's diagnostics module only: every command loads this, the parser it need not.

import { code, quote, type Catalogue, type Message } from '@jixiao/language/diagnostics';

/** The diagnostic a CLI error passes on: its code and message. */
export type Cause = { code: string; message: Message };

const YEAR_EXAMPLE = { zh: '(如 --year 2023)', en: '(e.g. --year 2023)' };

export const CLI_CODES = {
  internal: code({
    code: 'JX4000',
    severity: 'error',
    title: { zh: '内部错误', en: 'Internal error' },
    /** error: what the failure said (a defect in jixiao, not in the input) */
    message: (d: { error: string }) => ({ zh: `内部错误：${d.error}`, en: `internal error: ${d.error}` }),
  }),
  generic: code({
    code: 'JX4001',
    severity: 'error',
    title: { zh: '命令无法完成', en: 'The command cannot be completed' },
    /**
     * stage: `jixiao check --dump` with a stage it does not know; said: another argument the
     * command cannot use, worded where it is refused (a port, a user name, a backup file)
     */
    message: (d: { stage: string; stages: string[] } | { said: Message }) =>
      'said' in d ? d.said : { zh: `未知的阶段 ${quote(d.stage)}：可选 ${d.stages.join('、')}`, en: `unknown stage ${quote(d.stage)}: one of ${d.stages.join(', ')}` },
  }),
  invalidTemplate: code({
    code: 'JX4002',
    severity: 'error',
    title: { zh: '模板无效，无法评分', en: 'Invalid template, nothing can be scored' },
    /** the first error of the template, where it is */
    message: (d: { file?: string; line?: number; column?: number; cause?: Cause }) => {
      const where = d.cause && d.file !== undefined ? `${d.file}:${d.line}:${d.column}: ` : '';
      return {
        zh: `模板无效：${where}${d.cause?.message.zh ?? ''}（运行 jixiao check 查看全部错误）`,
        en: `invalid template: ${where}${d.cause?.message.en ?? ''} (run jixiao check for every error)`,
      };
    },
  }),
  yearUnknown: code({
    code: 'JX4003',
    severity: 'error',
    title: { zh: '无法确定年度', en: 'The year cannot be determined' },
    /** given: a --year (or title) that is no year; spec: a diff argument that is neither a year nor a .jx file */
    message: (d: { given?: string } | { spec: string }) =>
      'spec' in d
        ? { zh: `${quote(d.spec)} 不是年份（如 2023、甘肃/2023），也不是 .jx 模板文件`, en: `${quote(d.spec)} is neither a year (2023, 甘肃/2023) nor a .jx template` }
        : {
            zh: `无法确定年度：表头没有写年度，请用 --year 指定 ${YEAR_EXAMPLE.zh}${d.given !== undefined ? `；${quote(d.given)} 不是年份` : ''}`,
            en: `cannot tell the year: the title gives none; pass --year ${YEAR_EXAMPLE.en}${d.given !== undefined ? `; ${quote(d.given)} is not a year` : ''}`,
          },
  }),
  formUnknown: code({
    code: 'JX4004',
    severity: 'error',
    title: { zh: '无法确定表单', en: 'The form cannot be determined' },
    /** pass: no form given nor found (with the known ones, when listed); unknown: a --form that is no known form */
    message: (d: { pass: true; known?: string[]; given?: string } | { unknown: string; known: string[] }) => {
      if ('unknown' in d) return { zh: `${quote(d.unknown)} 不是已知表单（${d.known.join('、')}）`, en: `${quote(d.unknown)} is not a known form (${d.known.join(', ')})` };
      const known = d.known ? { zh: ` (${d.known.join(' 或 ')})`, en: ` (${d.known.join(' or ')})` } : { zh: '', en: '' };
      const given = d.given !== undefined ? { zh: `；${quote(d.given)} 不是已知表单`, en: `; ${quote(d.given)} is not a known form` } : { zh: '', en: '' };
      return { zh: `无法确定表单：请用 --form 指定${known.zh}${given.zh}`, en: `cannot tell the form: pass --form${known.en}${given.en}` };
    },
  }),
  noTemplate: code({
    code: 'JX4005',
    severity: 'error',
    title: { zh: '该年度没有模板', en: 'No template for that year' },
    /**
     * a form and a year rules/ has no template for (in `region` or above it; `elsewhere`: the
     * jurisdictions that have one); or two years (甘肃/2023 …) no form has a template in both
     */
    message: (d: { form: string; year: string; region?: string; elsewhere?: string[] } | { years: [string, string] }) => {
      if ('years' in d) return { zh: `${d.years[0]} 和 ${d.years[1]} 没有共同的表单模板`, en: `no form has a template in both ${d.years[0]} and ${d.years[1]}` };
      if (d.region === undefined)
        return { zh: `rules/ 中没有 ${d.year} 年及以前的 ${quote(d.form)} 模板`, en: `rules/ has no template of ${quote(d.form)} for ${d.year} or earlier` };
      const other = d.elsewhere?.length
        ? { zh: `（${d.elsewhere.join('、')} 有，可用 --region 指定）`, en: ` (${d.elsewhere.join(', ')} have one: pass --region)` }
        : { zh: '', en: '' };
      return {
        zh: `rules/ 中没有 ${d.region} 及其上级地区 ${d.year} 年及以前的 ${quote(d.form)} 模板${other.zh}`,
        en: `rules/ has no template of ${quote(d.form)} for ${d.year} or earlier in ${d.region} or above it${other.en}`,
      };
    },
  }),
  unreadableFiling: code({
    code: 'JX4006',
    severity: 'error',
    title: { zh: '无法读取填报表', en: 'The filing cannot be read' },
    /**
     * file: a filing that cannot be read, with the import error that stopped it (`line`: where,
     * when its message does not say); ndjsonLine: a line of an NDJSON batch; none: no filing given
     */
    message: (d: { file?: string; line?: number; cause?: Cause } | { ndjsonLine: number; cause?: Cause } | { none: true }) => {
      if ('none' in d)
        return { zh: '没有可比较的填报表：请给出填报表文件或文件夹 (.tsv .json .xlsx)', en: 'no filings to compare: give filing files or a folder (.tsv .json .xlsx)' };
      const cause = d.cause?.message ?? { zh: '', en: '' };
      if ('ndjsonLine' in d) return { zh: `第 ${d.ndjsonLine} 行不是有效的填报 JSON：${cause.zh}`, en: `line ${d.ndjsonLine} is not a valid JSON filing: ${cause.en}` };
      const file = d.file !== undefined ? ` ${d.file}` : '';
      const line = d.line !== undefined ? { zh: `第 ${d.line} 行：`, en: `line ${d.line}: ` } : { zh: '', en: '' };
      return { zh: `无法读取填报表${file}：${line.zh}${cause.zh}`, en: `cannot read the filing${file}: ${line.en}${cause.en}` };
    },
  }),
  unknownIndicator: code({
    code: 'JX4007',
    severity: 'error',
    title: { zh: '填报表中没有该指标', en: 'The filing has no such indicator' },
    message: (d: { indicator: string }) => ({ zh: `填报表中没有指标 ${quote(d.indicator)}`, en: `the filing has no indicator ${quote(d.indicator)}` }),
  }),
  regionAmbiguous: code({
    code: 'JX4008',
    severity: 'error',
    title: { zh: '未指定地区而有多个地区的模板可用', en: 'No jurisdiction given and several have a template' },
    /** a filing that names no jurisdiction, scored when several have a template of its form in force */
    message: (d: { form: string; year: number; candidates: { region: string; year: number; file: string }[] }) => {
      const list = d.candidates.map((c) => `${c.region} ${c.year}（${c.file}）`);
      const first = d.candidates[0]?.region ?? '';
      return {
        zh: `填报表没有写明地区，${d.year} 年的 ${quote(d.form)} 有 ${d.candidates.length} 个地区的模板可用：${list.join('、')}。请用 --region 指定地区（如 --region ${first}），或在填报表中写明“地区”`,
        en: `the filing names no jurisdiction and ${d.candidates.length} jurisdictions have a ${quote(d.form)} template for ${d.year}: ${list.join(', ')}. Pass --region (e.g. --region ${first}) or give the filing's 地区`,
      };
    },
  }),
  invalidOption: code({
    code: 'JX4009',
    severity: 'error',
    title: { zh: '选项的值无效', en: 'An option has an invalid value' },
    /** option: as the user wrote it (--jobs); value: what was given; expected: what it takes */
    message: (d: { option: string; value: string; expected: Message }) => ({
      zh: `${d.option} 的值 ${quote(d.value)} 无效：${d.expected.zh}`,
      en: `${d.option}: ${quote(d.value)} is not a valid value: ${d.expected.en}`,
    }),
  }),
} as const satisfies Catalogue;

export type CliCodeKey = keyof typeof CLI_CODES;
