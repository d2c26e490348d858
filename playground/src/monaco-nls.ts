// Monaco's own words (View Problem, No quick fixes available, Loading…) in the page's language.
// Monaco 0.57's ESM build looks each UI string up by number in
// globalThis._VSCODE_NLS_MESSAGES (vs/nls.js: `localize(1195, "View Problem")`) and, when the
// table has no string there, uses the English it was called with. So Chinese is a table of
// the strings a staffer meets (monaco-nls.zh.ts, generated from Monaco's own zh-cn) and
// English is an empty table. Strings are looked up when shown, so a switch of language
// applies to what Monaco shows next.
import type { Lang } from './i18n.ts';
import { MONACO_ZH } from './monaco-nls.zh.ts';

const ZH: string[] = [];
for (const [n, [, zh]] of Object.entries(MONACO_ZH)) ZH[Number(n)] = zh;

declare global {
  // eslint-disable-next-line no-var
  var _VSCODE_NLS_MESSAGES: (string | undefined)[] | undefined;
}

export function setMonacoLanguage(lang: Lang): void {
  globalThis._VSCODE_NLS_MESSAGES = lang === 'zh' ? ZH : [];
}

// before any of Monaco's modules runs (monaco.ts imports this first): the page's language
// is on <html lang> by then (the toolbar sets it)
setMonacoLanguage(document.documentElement.lang.startsWith('en') ? 'en' : 'zh');
