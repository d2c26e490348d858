// Indicator names as cells write them: quotes around them, caps inside them, the form's
// numbering before them (指标1:), a slash for an indicator that does not apply, and
// sometimes the target itself (群众满意度≥90%).

import { quote } from '../filing/message.ts';
import { cellAt } from './cells.ts';
import { diag, type ImportDiagnostic } from './diagnostics.ts';
import type { GridRow } from './grid.ts';
import type { Columns } from './labels.ts';

const QUOTE = /[“”"'‘’「」『』]/;
const QUOTES = /^[“”"'‘’「」『』]+|[“”"'‘’「」『』]+$/g;

/**
 * A name without the quotes around it: “培训次数” → 培训次数, and a stray quote at one end
 * (培训次数”). Quotes that mark a word inside the name stay, and so do the ones at its ends
 * then: “三公经费”变动率 and “三公”经费“变动” are those names.
 */
export function stripNameQuotes(name: string): string {
  const t = name.trim();
  const inner = t.replace(QUOTES, '');
  return QUOTE.test(inner) ? t : inner.trim();
}

/** "产出指标(70分)" / "产出指标（70分）" / "产出指标 70分" → name and cap. */
export function splitCap(text: string): { name: string; cap: number | null } {
  const m = /^(.*?)\s*[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]\s*$/.exec(text) ?? /^(.*?[^\d\s.])\s*(\d+(?:\.\d+)?)\s*分\s*$/.exec(text);
  if (m && m[1]!.trim() !== '') return { name: m[1]!.trim(), cap: Number(m[2]) };
  return { name: text, cap: null };
}

/** "指标1:" / "指标2：" / "指标一、" before a name: the form's numbering, not part of the name. */
const NUMBERING = /^(指标\s*(?:\d+|[一二三四五六七八九十]+))\s*[:：、.．]\s*/;

/** The name without the form's numbering, and the numbering ("指标1"), or null when there is none. */
export function stripNumbering(name: string): { name: string; numbering: string | null } {
  const m = NUMBERING.exec(name);
  return m ? { name: name.slice(m[0].length).trim(), numbering: m[1]!.replace(/\s+/g, '') } : { name, numbering: null };
}

/** A cell marking an indicator as not applicable: a slash, a dash, 不适用 (spaces aside). */
export const NOT_APPLICABLE = /^(?:[/／\\、]+|[—–－\-─━]+|不适用|不涉及|无此项|无此指标|本项目不适用|N\/?A)$/i;

export function isNotApplicable(text: string): boolean {
  return NOT_APPLICABLE.test(text.replace(/[\s\u00A0\u3000]+/g, ''));
}

const SIGN = /(?:≥|≧|>=|＞＝|≤|≦|<=|＜＝|>|＞|<|＜|═|=|＝|不低于|不高于|不少于|不多于|不超过|不小于|不大于|达到)/;

/**
 * A name that carries its target (安徽 2022 forms: "群众满意度≥90%", "工程质量合格"), read
 * when the value cells are empty: the target from a comparison sign on, and the name
 * before it; after the form's numbering, also a closing qualitative word ("合格", "改善"),
 * which stays part of the name. Null when the name carries none.
 */
export function targetInName(name: string, numbered: boolean, isValue: (text: string) => boolean, words: readonly string[]): { name: string; target: string } | null {
  const m = new RegExp(`^(.+?)\\s*(${SIGN.source}\\s*\\S.*)$`).exec(name);
  if (m && isValue(m[2]!)) return { name: m[1]!.trim(), target: m[2]!.trim() };
  if (!numbered) return null;
  const word = words.filter((w) => w.length >= 2 && name.length > w.length && name.endsWith(w)).sort((a, b) => b.length - a.length)[0];
  return word ? { name, target: word } : null;
}

/**
 * The level-3 name as the cell writes it: without quotes (IMP025) and without the form's
 * numbering (指标1:, IMP026). A numbering with nothing or a slash after it (指标1:/) is an
 * indicator slot the unit marked not applicable; its name is the numbering.
 */
export function readName(row: GridRow, columns: Columns, raw3: string, diagnostics: ImportDiagnostic[]): { name: string; numbering: string | null; notApplicable: boolean } {
  let name = raw3;
  const unquoted = stripNameQuotes(raw3);
  const c = cellAt(row, columns.level3);
  if (unquoted !== raw3) {
    diagnostics.push(
      diag('IMP025', 'info', c!.line, c!.column, {
        zh: `指标名称 ${raw3} 去掉引号读作 ${quote(unquoted)}`,
        en: `indicator name ${raw3} read without quotes as ${quote(unquoted)}`,
      }),
    );
    name = unquoted;
  }
  const n = stripNumbering(name);
  if (n.numbering === null) return { name, numbering: null, notApplicable: false };
  if (n.name === '' || isNotApplicable(n.name)) return { name: n.numbering, numbering: n.numbering, notApplicable: true };
  diagnostics.push(
    diag('IMP026', 'info', c!.line, c!.column, {
      zh: `指标名称 ${quote(name)} 去掉表格的编号读作 ${quote(n.name)}`,
      en: `indicator name ${quote(name)} read without the form's numbering as ${quote(n.name)}`,
    }),
  );
  return { name: n.name, numbering: n.numbering, notApplicable: false };
}
