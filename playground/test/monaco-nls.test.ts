// Monaco's strings in Chinese (src/monaco-nls.zh.ts) are looked up by number, and the
// numbers move between Monaco releases: every entry must still be the string Monaco
// passes with that number, or the page would show a wrong Chinese string. After a Monaco
// upgrade this fails until `node playground/scripts/monaco-nls.mjs` is run.
import { describe, expect, it } from 'vitest';
import { MONACO_ZH } from '../src/monaco-nls.zh.ts';
// @ts-expect-error: a plain .mjs script without types (it runs under node as it is)
import { chineseTable, englishStrings } from '../scripts/monaco-nls.mjs';

describe("Monaco's strings in Chinese", () => {
  const en = englishStrings() as Map<number, { text: string }>;
  const zh = chineseTable() as string[];
  it('holds the strings a staffer meets, each under the number Monaco gives it', () => {
    const entries = Object.entries(MONACO_ZH).map(([n, v]) => [Number(n), v] as const);
    expect(entries.length).toBeGreaterThan(300);
    for (const [n, [english, chinese]] of entries) {
      expect(en.get(n)?.text, `Monaco string ${n}`).toBe(english);
      expect(zh[n], `Monaco string ${n} in zh-cn`).toBe(chinese);
    }
  });
  it('has the hover, quick-fix and problem strings', () => {
    const has = (english: string) => Object.values(MONACO_ZH).some(([e]) => e === english);
    for (const s of ['View Problem', 'No quick fixes available', 'Quick Fix...', 'Loading...', 'No suggestions.', 'Error', 'Warning']) expect(has(s), s).toBe(true);
  });
});
