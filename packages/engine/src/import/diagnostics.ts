// Import diagnostics (the IMP family): the catalogue of the importers (docs/errors.md lists the
// same), in the one shape of every family (@jixiao/language diagnostics.ts), and the
// diagnostics themselves: a code, its severity, the message and help, the data they cite,
// and a position in the imported text (TSV: line and character column; xlsx: row and
// column number; JSON: a path).
//
// Transitional: most call sites in import/** still word their messages themselves and
// pass the text to `diag`. Their codes are declared with `worded` below, whose builder
// gives only the title; migrating a code means declaring its data and wording here (as
// IMP007 and IMP062 are) and building it with `importDiagnostic`.

import {
  buildFrom,
  code,
  hasErrors,
  quote,
  severityOf,
  type Catalogue,
  type CodeEntry,
  type Coded,
  type Data,
  type DataOf,
  type Message,
  type Severity,
  type SeverityRule,
} from '@jixiao/language';
import type { JsonPath } from '../filing/model.ts';

export { hasErrors, type Severity };

export interface ImportDiagnostic<D extends Data = Data> extends Omit<Coded<D>, 'code' | 'data'> {
  code: DiagnosticCode;
  /** 1-based; TSV: line of the pasted text, xlsx: row number */
  line?: number;
  /** 1-based; TSV: character column, xlsx: column number */
  column?: number;
  /** JSON filings: the path of the offending value */
  path?: JsonPath;
  /** JSON filings: the offending value */
  value?: unknown;
  /**
   * The values the message cites. Absent only where a call site in import/** still builds
   * the diagnostic as an object literal (json.ts), until it is migrated.
   */
  data?: D;
}

/**
 * What a diagnostic made by `diag` cites, until its call site words it here. `line` is set
 * when the message itself names the line it is at, so that no one repeats it.
 */
export type WordedData = { line?: number };

/** A code whose call sites still word its message (see `diag`): the builder gives the title. */
function worded<S extends Severity>(code: string, severity: S, zh: string, en: string): CodeEntry<WordedData> & { severity: S } {
  const title = { zh, en };
  return { code, severity, title, message: () => title };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/**
 * IMP003 is an error when the missing column leaves nothing to read (the name column, or
 * both value columns), and a warning when the column is read as empty.
 */
const missingColumn: SeverityRule<WordedData & { required: boolean }> & { can: readonly ('error' | 'warning')[] } = {
  can: ['error', 'warning'],
  doc: {
    zh: '缺少指标名称列或两个数值列时为错误（无法读取），缺少其他列时为警告（该项按空值读取）',
    en: 'an error when the name column or both value columns are missing (nothing can be read), a warning when another column is missing (read as empty)',
  },
  of: (d) => (d.required ? 'error' : 'warning'),
};

/** The catalogue of import diagnostic codes. */
export const DIAGNOSTIC_CODES = {
  IMP001: worded('IMP001', 'error', '未识别出指标表头行（列出应有的列）', 'No indicator header row recognised (lists the expected columns)'),
  IMP002: worded('IMP002', 'error', '输入为空：没有找到表格', 'Empty input: no table found'),
  IMP003: {
    code: 'IMP003',
    severity: missingColumn,
    title: { zh: '识别出的表头缺少必需的列', en: 'A required column is missing from the recognised header' },
    message: () => ({ zh: '识别出的表头缺少必需的列', en: 'A required column is missing from the recognised header' }),
  },
  IMP004: worded('IMP004', 'info', '表头文字按另一种写法识别为已知列', 'A header label read as a known column under another spelling'),
  IMP005: worded('IMP005', 'error', '文件类型未知或无法读取', 'Unknown or unreadable file type'),
  IMP006: worded('IMP006', 'error', '列对应关系指向不存在或重复使用的列', 'A column mapping names a column that does not exist or is used twice'),
  IMP007: code({
    code: 'IMP007',
    severity: 'error',
    title: { zh: '填报表过大（字节数或指标行数超过上限）', en: 'Filing too large (bytes or indicator rows beyond the limit)' },
    message: (d: { bytes: number; limit: number } | { rows: number; limit: number }) =>
      'bytes' in d
        ? { zh: `填报表过大：${mb(d.bytes)} MB，上限为 ${mb(d.limit)} MB`, en: `filing too large: ${mb(d.bytes)} MB, the limit is ${mb(d.limit)} MB` }
        : { zh: `填报表有 ${d.rows} 行指标，上限为 ${d.limit} 行`, en: `the filing has ${d.rows} indicator rows; the limit is ${d.limit}` },
    help: () => ({ zh: '拆分填报表后分别评分', en: 'split the filing and score the parts' }),
  }),
  IMP008: worded('IMP008', 'warning', '表中没有分值：分值取自模板，或须在表中补填', 'The table gives no weights: they come from the template or must be filled in'),
  IMP009: worded(
    'IMP009',
    'info',
    '表中只有一列指标名称：一级、二级指标按模板中的同名指标归入',
    'One indicator column only: level 1 and 2 come from the template indicator of the same name',
  ),
  IMP010: worded('IMP010', 'info', '没有找到标题，无法从中读取年度和表单', 'No title found; year and form cannot be read from it'),
  IMP011: worded('IMP011', 'info', '从标题中读取了年度或表单', 'Year or form read from the title'),
  IMP012: worded('IMP012', 'warning', '引号未闭合的单元格，按原文读取', 'Unterminated quoted cell, read literally'),
  IMP013: worded('IMP013', 'info', '从报告正文读出自评得分', 'Total read from the report text'),
  IMP014: worded(
    'IMP014',
    'info',
    '读入了指标表之外的数据（如全年预算调剂金额）',
    'A figure outside the indicator table read as an extra input (such as the budget adjustment amount)',
  ),
  IMP020: worded('IMP020', 'warning', '一行因缺少单元格而错位：已修复', 'Row shifted by a missing cell: repaired'),
  IMP021: worded('IMP021', 'warning', '一行中超出表头的单元格，已忽略', 'Row has cells beyond the header, ignored'),
  IMP022: worded('IMP022', 'warning', '指标行没有三级指标名称', 'Indicator row without a level-3 name'),
  IMP023: worded('IMP023', 'warning', '缺少一级或二级指标名称，且上方没有可沿用的名称', 'Level-1 or level-2 name missing with nothing above to inherit'),
  IMP024: worded('IMP024', 'info', '从单元格文字中读取了一级或二级指标分值', 'Level-1 / level-2 cap read from the cell text'),
  IMP025: worded('IMP025', 'info', '去掉了指标名称两端的引号', 'Quotes stripped from an indicator name'),
  // not a number, or beyond the range of numbers: read as empty, so the scorer names the missing value
  IMP026: worded('IMP026', 'info', '去掉了指标名称前的编号（如“指标1:”）', 'A numbering prefix (Indicator 1:) stripped from an indicator name'),
  IMP027: worded(
    'IMP027',
    'warning',
    '指标名称中带有目标值，目标值栏为空：按名称中的目标值读取',
    'The indicator name carries the target and the target cell is empty: the target is read from the name',
  ),
  IMP028: worded('IMP028', 'info', '指标标为不适用（“/”“—”“不适用”）', 'Indicator marked not applicable (a slash, a dash or the words for not applicable)'),
  IMP029: worded(
    'IMP029',
    'warning',
    '没有一级、二级指标的行在模板中找不到同名指标，不计分',
    'A row without level-1/2 names has no indicator of its name in the template; not scored',
  ),
  IMP030: worded('IMP030', 'warning', '分值不是数字', 'Weight is not a number'),
  IMP031: worded('IMP031', 'warning', '得分不是数字', 'Stated score is not a number'),
  IMP040: worded('IMP040', 'warning', '预算单元格不是数字', 'Budget cell is not a number'),
  IMP041: worded('IMP041', 'info', '没有找到预算执行部分', 'No budget block found'),
  IMP042: worded('IMP042', 'warning', '无法识别的资金子行', 'Fund sub-row not recognised'),
  IMP043: worded('IMP043', 'warning', '资金总额为 0 而其中各项有金额：按其中各项之和读取', 'Fund total of 0 while its sub-rows carry money: read as their sum'),
  IMP050: worded('IMP050', 'info', '没有找到总分行', 'No total row found'),
  IMP051: worded('IMP051', 'info', '读取了扣分行', 'Deduction row read'),
  IMP060: worded('IMP060', 'error', 'JSON 语法错误', 'JSON syntax error'),
  IMP061: worded('IMP061', 'error', 'JSON 填报表不符合填报表结构', 'JSON filing does not match the filing schema'),
  IMP062: code({
    code: 'IMP062',
    severity: 'error',
    title: { zh: '填报表嵌套过深（所属单位层数或 JSON 层数超过上限）', en: 'Filing nested too deep (levels of units or of JSON beyond the limit)' },
    /** aggregated: scoring a filing built in code, whose units beyond `limit` levels are left out; `unit` is the first at level `depth` */
    message: (d: { limit: number; depth: number; unit: string; aggregated: true }) => ({
      zh: `所属单位嵌套超过上限 ${d.limit} 层（第 ${d.depth} 层是单位 ${quote(d.unit)}），更深的单位未汇总`,
      en: `subordinate units nest beyond the limit of ${d.limit} levels (level ${d.depth} is the unit ${quote(d.unit)}); the deeper units are not aggregated`,
    }),
  }),
  IMP070: worded('IMP070', 'error', '无法读取 xlsx 工作簿', 'xlsx workbook cannot be read'),
  IMP071: worded('IMP071', 'info', '选用了 xlsx 中的工作表', 'xlsx sheet chosen'),
} as const satisfies Catalogue;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Where a diagnostic is in the imported text. */
export interface ImportPosition {
  line?: number;
  column?: number;
  path?: JsonPath;
  value?: unknown;
}

/** An import diagnostic worded by the catalogue from its data. */
export function importDiagnostic<C extends DiagnosticCode>(code: C, data: DataOf<(typeof DIAGNOSTIC_CODES)[C]>, at: ImportPosition = {}): ImportDiagnostic & { data: Data } {
  const c = buildFrom(DIAGNOSTIC_CODES, code, data);
  const d: ImportDiagnostic & { data: Data } = { code, severity: c.severity, message: c.message, data: c.data };
  if (at.line !== undefined) d.line = at.line;
  if (at.column !== undefined) d.column = at.column;
  if (at.path !== undefined) d.path = at.path;
  if ('value' in at) d.value = at.value;
  if (c.help) d.help = c.help;
  return d;
}

/** The severities a code can have, as the catalogue says. */
type SeverityOf<C extends DiagnosticCode> = (typeof DIAGNOSTIC_CODES)[C]['severity'] extends infer S
  ? S extends Severity
    ? S
    : S extends { can: readonly (infer T)[] }
      ? T
      : never
  : never;

/**
 * Transitional: a diagnostic whose call site words the message itself. The severity is the
 * catalogue's: the argument only restates it (the types allow no other), except for IMP003,
 * where it says whether the missing column was required. Not for new code: use
 * `importDiagnostic`.
 */
export function diag<C extends DiagnosticCode>(
  code: C,
  severity: SeverityOf<C>,
  line: number | undefined,
  column: number | undefined,
  message: Message,
  help?: Message,
): ImportDiagnostic {
  const data: WordedData & { required?: boolean } = {};
  // the one place that reads the text: it goes when the call sites word their messages here
  if (line !== undefined && message.zh.includes(`第 ${line} 行`)) data.line = line;
  if (code === 'IMP003') data.required = severity === 'error';
  const d: ImportDiagnostic = { code, severity: severityOf(DIAGNOSTIC_CODES[code] as CodeEntry<Data>, data), message };
  if (line !== undefined) d.line = line;
  if (column !== undefined) d.column = column;
  if (help) d.help = help;
  d.data = data;
  return d;
}

/** The line a diagnostic is at, unless its message already names it. */
export function unnamedLine(d: ImportDiagnostic): number | undefined {
  return d.line !== undefined && d.data?.['line'] !== d.line ? d.line : undefined;
}
