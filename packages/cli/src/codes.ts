// Stable codes of the command line's own errors (exit code 2). A failure that comes
// from reading a filing keeps the import code (IMPnnn) instead. Codes never change
// meaning; the titles feed docs/errors.md.

export interface CliCodeInfo {
  code: string;
  severity: 'error';
  title: { zh: string; en: string };
}

function c(code: string, zh: string, en: string): CliCodeInfo {
  return { code, severity: 'error', title: { zh, en } };
}

export const CLI_CODES = {
  internal: c('JX4000', '内部错误', 'Internal error'),
  generic: c('JX4001', '命令无法完成', 'The command cannot be completed'),
  invalidTemplate: c('JX4002', '模板无效，无法评分', 'Invalid template, nothing can be scored'),
  yearUnknown: c('JX4003', '无法确定年度', 'The year cannot be determined'),
  formUnknown: c('JX4004', '无法确定表单', 'The form cannot be determined'),
  noTemplate: c('JX4005', '该年度没有模板', 'No template for that year'),
  unreadableFiling: c('JX4006', '无法读取填报表', 'The filing cannot be read'),
  unknownIndicator: c('JX4007', '填报表中没有该指标', 'The filing has no such indicator'),
  regionAmbiguous: c('JX4008', '未指定地区而有多个地区的模板可用', 'No jurisdiction given and several have a template'),
} as const satisfies Record<string, CliCodeInfo>;

export type CliCodeKey = keyof typeof CLI_CODES;

/** All CLI codes in order, for documentation. */
export function listCliCodes(): CliCodeInfo[] {
  return Object.values(CLI_CODES).slice().sort((a, b) => a.code.localeCompare(b.code));
}
