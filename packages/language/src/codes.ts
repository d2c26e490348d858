// Stable diagnostic codes of the language stage (lexing and parsing). Codes never
// change meaning; new checks get new codes. The titles feed docs/errors.md.

import type { Severity } from './ast.ts';

export interface LanguageCodeInfo {
  code: string;
  severity: Severity;
  title: { zh: string; en: string };
}

function c(code: string, severity: Severity, zh: string, en: string): LanguageCodeInfo {
  return { code, severity, title: { zh, en } };
}

export const LANGUAGE_CODES = {
  lexer: c('JX0001', 'error', '无法识别的字符', 'Unrecognised character'),
  syntax: c('JX0002', 'error', '语法错误', 'Syntax error'),
  tooLarge: c('JX0003', 'error', '模板文件过大', 'Template file too large'),
  noTemplate: c('JX0004', 'error', '文件中没有模板', 'No template in the file'),
  tooDeep: c('JX0005', 'error', '嵌套过深', 'Nesting too deep'),
} as const satisfies Record<string, LanguageCodeInfo>;

export type LanguageCodeKey = keyof typeof LANGUAGE_CODES;

/** All language codes in order, for documentation. */
export function listLanguageCodes(): LanguageCodeInfo[] {
  return Object.values(LANGUAGE_CODES).slice().sort((a, b) => a.code.localeCompare(b.code));
}
