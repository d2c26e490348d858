// Import diagnostics: stable codes, a severity, a position in the imported text
// (TSV: line and character column; xlsx: row and column number; JSON: a path) and
// a message in Chinese with English available.

import type { Message } from '../filing/message.ts';
import type { JsonPath } from '../filing/model.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface ImportDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** 1-based; TSV: line of the pasted text, xlsx: row number */
  line?: number;
  /** 1-based; TSV: character column, xlsx: column number */
  column?: number;
  /** JSON filings: the path of the offending value */
  path?: JsonPath;
  /** JSON filings: the offending value */
  value?: unknown;
  message: Message;
  help?: Message;
}

export interface ImportCodeInfo {
  /** the usual severity; absent when it depends on the case (each diagnostic carries its own) */
  severity?: Severity;
  title: { zh: string; en: string };
}

function c(severity: Severity | undefined, zh: string, en: string): ImportCodeInfo {
  return severity ? { severity, title: { zh, en } } : { title: { zh, en } };
}

/** The catalogue of import diagnostic codes (docs/errors.md lists the same). */
export const DIAGNOSTIC_CODES = {
  IMP001: c('error', '未识别出指标表头行（列出应有的列）', 'No indicator header row recognised (lists the expected columns)'),
  IMP002: c('error', '输入为空：没有找到表格', 'Empty input: no table found'),
  IMP003: c(undefined, '识别出的表头缺少必需的列', 'A required column is missing from the recognised header'),
  IMP004: c('info', '表头文字按另一种写法识别为已知列', 'A header label read as a known column under another spelling'),
  IMP005: c('error', '文件类型未知或无法读取', 'Unknown or unreadable file type'),
  IMP006: c('error', '列对应关系指向不存在或重复使用的列', 'A column mapping names a column that does not exist or is used twice'),
  IMP007: c('error', '填报表过大（字节数或指标行数超过上限）', 'Filing too large (bytes or indicator rows beyond the limit)'),
  IMP008: c('warning', '表中没有分值：分值取自模板，或须在表中补填', 'The table gives no weights: they come from the template or must be filled in'),
  IMP009: c('info', '表中只有一列指标名称：一级、二级指标按模板中的同名指标归入', 'One indicator column only: level 1 and 2 come from the template indicator of the same name'),
  IMP010: c('info', '没有找到标题，无法从中读取年度和表单', 'No title found; year and form cannot be read from it'),
  IMP011: c('info', '从标题中读取了年度或表单', 'Year or form read from the title'),
  IMP012: c('warning', '引号未闭合的单元格，按原文读取', 'Unterminated quoted cell, read literally'),
  IMP013: c('info', '从报告正文读出自评得分', 'Total read from the report text'),
  IMP014: c('info', '读入了指标表之外的数据（如全年预算调剂金额）', 'A figure outside the indicator table read as an extra input (such as the budget adjustment amount)'),
  IMP020: c('warning', '一行因缺少单元格而错位：已修复', 'Row shifted by a missing cell: repaired'),
  IMP021: c('warning', '一行中超出表头的单元格，已忽略', 'Row has cells beyond the header, ignored'),
  IMP022: c('warning', '指标行没有三级指标名称', 'Indicator row without a level-3 name'),
  IMP023: c('warning', '缺少一级或二级指标名称，且上方没有可沿用的名称', 'Level-1 or level-2 name missing with nothing above to inherit'),
  IMP024: c('info', '从单元格文字中读取了一级或二级指标分值', 'Level-1 / level-2 cap read from the cell text'),
  IMP025: c('info', '去掉了指标名称两端的引号', 'Quotes stripped from an indicator name'),
  IMP026: c('info', '去掉了指标名称前的编号（如“指标1:”）', 'A numbering prefix (Indicator 1:) stripped from an indicator name'),
  IMP027: c('warning', '指标名称中带有目标值，目标值栏为空：按名称中的目标值读取', 'The indicator name carries the target and the target cell is empty: the target is read from the name'),
  IMP028: c('info', '指标标为不适用（“/”“—”“不适用”）', 'Indicator marked not applicable (a slash, a dash or the words for not applicable)'),
  IMP029: c('warning', '没有一级、二级指标的行在模板中找不到同名指标，不计分', 'A row without level-1/2 names has no indicator of its name in the template; not scored'),
  IMP030: c(undefined, '分值不是数字', 'Weight is not a number'),
  IMP031: c(undefined, '得分不是数字', 'Stated score is not a number'),
  IMP040: c('warning', '预算单元格不是数字', 'Budget cell is not a number'),
  IMP041: c('info', '没有找到预算执行部分', 'No budget block found'),
  IMP042: c('warning', '无法识别的资金子行', 'Fund sub-row not recognised'),
  IMP043: c('warning', '资金总额为 0 而其中各项有金额：按其中各项之和读取', 'Fund total of 0 while its sub-rows carry money: read as their sum'),
  IMP050: c('info', '没有找到总分行', 'No total row found'),
  IMP051: c('info', '读取了扣分行', 'Deduction row read'),
  IMP060: c('error', 'JSON 语法错误', 'JSON syntax error'),
  IMP061: c('error', 'JSON 填报表不符合填报表结构', 'JSON filing does not match the filing schema'),
  IMP062: c('error', '填报表嵌套过深（所属单位层数或 JSON 层数超过上限）', 'Filing nested too deep (levels of units or of JSON beyond the limit)'),
  IMP070: c('error', '无法读取 xlsx 工作簿', 'xlsx workbook cannot be read'),
  IMP071: c('info', '选用了 xlsx 中的工作表', 'xlsx sheet chosen'),
} as const satisfies Record<string, ImportCodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** All import codes in order, for documentation. */
export function listImportCodes(): ({ code: DiagnosticCode } & ImportCodeInfo)[] {
  return (Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]).sort().map((code) => ({ code, ...DIAGNOSTIC_CODES[code] }));
}

export function diag(
  code: DiagnosticCode,
  severity: Severity,
  line: number | undefined,
  column: number | undefined,
  message: Message,
  help?: Message,
): ImportDiagnostic {
  const d: ImportDiagnostic = { code, severity, message };
  if (line !== undefined) d.line = line;
  if (column !== undefined) d.column = column;
  if (help) d.help = help;
  return d;
}

export function hasErrors(ds: readonly ImportDiagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}
