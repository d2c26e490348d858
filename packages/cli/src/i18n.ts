// Which language the user reads: Chinese by default, English with --lang en or
// JIXIAO_LANG=en. Every message in jixiao carries both; this picks one.
import type { Message } from '@jixiao/language/diagnostics';

export type Lang = 'zh' | 'en';

let current: Lang = process.env['JIXIAO_LANG'] === 'en' ? 'en' : 'zh';

export function setLang(l: string | undefined): void {
  if (l === 'en' || l === 'zh') current = l;
}

export function lang(): Lang {
  return current;
}

/** Pick the user's language from a {zh, en} pair. */
export function t(m: Message): string {
  return m[current];
}

/** Shorthand for an inline pair. */
export function tr(zh: string, en: string): string {
  return current === 'en' ? en : zh;
}
