// Stable codes of the workspace server's errors (JX5000 and up), with their HTTP status.
// Every error body is { error: { code, status, message: { zh, en }, … } }: Chinese first,
// English beside. A filing that cannot be read keeps its import code (IMPnnn). Codes
// never change meaning; the titles feed docs/errors.md.

import { code, type Catalogue, type Message } from '@jixiao/language/diagnostics';

export interface ServerCodeInfo {
  code: string;
  severity: 'error';
  status: number;
  title: Message;
}

function c(code: string, status: number, zh: string, en: string): ServerCodeInfo {
  return { code, severity: 'error', status, title: { zh, en } };
}

export const SERVER_CODES = {
  internal: c('JX5000', 500, '服务器内部错误', 'Internal server error'),
  unauthenticated: c('JX5001', 401, '未登录或会话已过期', 'Not signed in, or the session expired'),
  forbidden: c('JX5002', 403, '当前角色无权进行此操作', 'The role does not allow this'),
  badLogin: c('JX5003', 401, '用户名或密码错误', 'Wrong user name or password'),
  invalidRequest: c('JX5004', 400, '请求内容无效', 'Invalid request'),
  notFound: c('JX5005', 404, '找不到请求的对象', 'Not found'),
  conflict: c('JX5006', 409, '保存冲突：他人已修改此模板', 'Save conflict: someone else changed this template'),
  immutable: c('JX5007', 409, '已发布的版本不可修改', 'A published version cannot change'),
  checkFailed: c('JX5008', 422, '模板检查未通过，不能发布', 'The template does not check; it cannot be published'),
  testsFailed: c('JX5009', 422, '规则测试未通过，不能发布', 'The rule tests fail; the template cannot be published'),
  requestTooLarge: c('JX5010', 413, '请求过大', 'Request too large'),
  tooManyFiles: c('JX5011', 413, '一次上传的文件过多', 'Too many files in one upload'),
  filingTooLarge: c('JX5012', 413, '填报表文件过大', 'Filing file too large'),
  filingUnplaced: c('JX5013', 422, '无法确定填报表的地区、年度或表单', "The filing's jurisdiction, year or form cannot be told"),
  noTemplate: c('JX5014', 422, '没有可用的模板', 'No template to score with'),
  noFilings: c('JX5015', 422, '没有可评分的填报表', 'No filings to score'),
  badZip: c('JX5016', 400, '压缩包无法读取', 'The zip archive cannot be read'),
  exists: c('JX5017', 409, '对象已存在', 'It exists already'),
  unsafeHost: c('JX5018', 0, '未配置用户时只能在本机地址上启动', 'Without users the server only starts on a loopback address'),
} as const satisfies Record<string, ServerCodeInfo>;

export type ServerCodeKey = keyof typeof SERVER_CODES;

/**
 * The codes as the one diagnostics model's catalogue (docs/errors.md, tools/errors): each
 * error answer is worded where it is raised, from what it is about, so a catalogue entry's
 * message is its title.
 */
export const SERVER_CATALOGUE: Catalogue = Object.fromEntries(
  Object.entries(SERVER_CODES).map(([key, c]) => [key, code({ code: c.code, severity: 'error', title: c.title, message: () => c.title })]),
);

export type Msg = Message;

/** An error the API answers with its code, status and bilingual message (never a stack trace). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(
    key: ServerCodeKey,
    readonly msg: Msg,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(msg.en);
    this.code = SERVER_CODES[key].code;
    this.status = SERVER_CODES[key].status;
  }

  body(): { error: Record<string, unknown> } {
    return { error: { code: this.code, status: this.status, message: this.msg, ...this.extra } };
  }
}

export const apiError = (key: ServerCodeKey, zh: string, en: string, extra?: Record<string, unknown>) => new ApiError(key, { zh, en }, extra);
