// docs/errors.md in the page: the section of one code, rendered from the Markdown the
// generator writes (headings, paragraphs, fenced blocks, tables, lists, **bold**, `code`,
// links) in the page's language. The document states everything twice, Chinese then
// English; each block is shown in the language it is written in, the example in both.
import type { Lang } from '../i18n.ts';
import { h } from './dom.ts';

/** The Markdown of one code's section (`### JX2021 …` up to the next heading), null when absent. */
export function sectionOf(md: string, code: string): string | null {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`### ${code} `) || l === `### ${code}`);
  if (start < 0) return null;
  let end = lines.findIndex((l, i) => i > start && /^#{2,3} /.test(l));
  if (end < 0) end = lines.length;
  return lines.slice(start, end).join('\n');
}

/** Inline Markdown: `code`, **bold**, [text](link) — links to other codes open them in the page. */
function inline(text: string, onCode: (code: string) => void): (Node | string)[] {
  const out: (Node | string)[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)]+)\)/g;
  let at = 0;
  for (const m of text.matchAll(re)) {
    out.push(text.slice(at, m.index));
    if (m[1] !== undefined) out.push(h('code', { translate: 'no' }, m[1]));
    else if (m[2] !== undefined) out.push(h('strong', {}, m[2]));
    else {
      const code = /#?(JX\d{4}|IMP\d{3})/i.exec(m[4]!)?.[1]?.toUpperCase();
      if (code) {
        const b = h('button', { type: 'button', class: 'link' }, m[3]!);
        b.addEventListener('click', () => onCode(code));
        out.push(b);
      } else out.push(h('span', {}, m[3]!));
    }
    at = m.index + m[0].length;
  }
  out.push(text.slice(at));
  return out;
}

const CJK = /[\u4e00-\u9fff]/;

/** The language a block is written in: null for the example itself (shown in both). */
function blockLang(kind: 'p' | 'code', text: string, info: string): Lang | null {
  if (kind === 'code') {
    if (info !== 'text') return null;
    return /(^|\s)(错误|警告|提示|帮助)[:： ]/.test(text) ? 'zh' : 'en';
  }
  if (/^\*\*(修正|例子)/.test(text)) return text.startsWith('**例子') ? null : 'zh';
  if (/^\*\*Fix\*\*/.test(text)) return 'en';
  return CJK.test(text.replace(/`[^`]*`|“[^”]*”|「[^」]*」|'[^']*'/g, '')) ? 'zh' : 'en';
}

/** Render a section of docs/errors.md in `lang`. */
export function renderDoc(md: string, lang: Lang, onCode: (code: string) => void): HTMLElement {
  const box = h('div', { class: 'doc' });
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const heading = /^(#{2,4}) (.*)$/.exec(line);
    if (heading) {
      // `### JX2021 得分公式可能超出 …`: the code and the Chinese title; the English one follows as a line
      const [code, ...title] = heading[2]!.split(' ');
      const next = lines.slice(i + 1).find((l) => l.trim() !== '') ?? '';
      const en = /^(.*) · (错误|警告|提示) \((error|warning|info)\)$/.exec(next);
      const shown = lang === 'en' && en ? en[1]! : title.join(' ');
      box.append(h('h3', { class: 'doc-title' }, h('code', {}, code!), ' ', shown));
      if (en) {
        // the severity in the page's language (the English title is the heading in English)
        box.append(h('p', { class: 'doc-sev muted' }, lang === 'en' ? en[3]! : en[2]!));
        i = lines.indexOf(next, i + 1);
      }
      continue;
    }
    const fence = /^```(\w*)/.exec(line);
    if (fence) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
      const text = body.join('\n');
      const l = blockLang('code', text, fence[1]!);
      if (l && l !== lang) continue;
      box.append(h('pre', { class: `doc-code lang-${fence[1] || 'text'}`, translate: 'no' }, h('code', {}, text)));
      continue;
    }
    if (line.startsWith('|')) {
      const rows: string[][] = [];
      for (; i < lines.length && lines[i]!.startsWith('|'); i++)
        rows.push(
          lines[i]!.split('|')
            .slice(1, -1)
            .map((c) => c.trim()),
        );
      i--;
      const [head, , ...rest] = rows;
      box.append(
        h(
          'table',
          { class: 'doc-table', translate: 'no' },
          h('thead', {}, h('tr', {}, ...(head ?? []).map((c) => h('th', { scope: 'col' }, ...inline(c, onCode))))),
          h('tbody', {}, ...rest.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, ...inline(c, onCode)))))),
        ),
      );
      continue;
    }
    if (/^[-*] /.test(line)) {
      const items: string[] = [];
      for (; i < lines.length && /^[-*] /.test(lines[i]!); i++) items.push(lines[i]!.slice(2));
      i--;
      const l = blockLang('p', items.join(' '), '');
      if (l && l !== lang) continue;
      box.append(h('ul', {}, ...items.map((x) => h('li', {}, ...inline(x, onCode)))));
      continue;
    }
    const para: string[] = [line];
    for (; i + 1 < lines.length && lines[i + 1]!.trim() !== '' && !/^(#|```|\||[-*] )/.test(lines[i + 1]!); i++) para.push(lines[i + 1]!);
    const text = para.join(' ');
    const l = blockLang('p', text, '');
    if (l && l !== lang) continue;
    // the example's label, in the page's language
    const shown = text === '**例子 (example)**' ? (lang === 'en' ? '**Example**' : '**例子**') : text;
    box.append(h('p', {}, ...inline(shown, onCode)));
  }
  return box;
}
