// The .jx language in Monaco: highlighting from the chevrotain lexer, completion of
// keywords, indicator and rule names, hover, go to definition, format, brackets.
import { VARIABLES } from '@jixiao/compiler';
import { format, hasErrors, keywordSpellings, parse } from '@jixiao/language';
import { monaco } from '../monaco.ts';
import type { Words } from '../i18n.ts';
import type { Outline } from '../worker/protocol.ts';
import type { ScoreView } from '../scoring.ts';
import { lexLine, monacoTokens, tokenAt, tokenBefore } from './highlight.ts';

export const LANGUAGE_ID = 'jixiao';

/** What the providers read: the latest analysis, from the page's store. */
export interface LanguageContext {
  outline(): Outline | null;
  score(): ScoreView | null;
  onFormatFailed(): void;
}

class LineState implements monaco.languages.IState {
  clone(): monaco.languages.IState {
    return this;
  }
  equals(other: monaco.languages.IState): boolean {
    return other === this;
  }
}
const STATE = new LineState();

const NAME_CHARS = 'A-Za-z_\\u00C0-\\u024F\\u0370-\\u04FF\\u3005\\u3007\\u3040-\\u30FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF';

/** Score and explanation of an indicator by name, from the last report. */
function scoreOf(view: ScoreView | null, name: string): { score: number; cap: number; stated: number | null; explain?: string } | null {
  if (view?.kind !== 'report') return null;
  const sec = view.report.sections.find((s) => s.name === name);
  if (sec) {
    const r: { score: number; cap: number; stated: number | null; explain?: string } = { score: sec.score, cap: sec.cap, stated: sec.statedScore };
    if (sec.explain) r.explain = sec.explain;
    return r;
  }
  const row = view.report.rows.find((r) => r.path[r.path.length - 1] === name);
  return row ? { score: row.score, cap: row.weight, stated: row.statedScore, explain: row.explain } : null;
}

function rangeOf(s: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number }): monaco.IRange {
  return s;
}

export function registerJixiao(ctx: LanguageContext, w: Words): void {
  const { t } = w;
  monaco.languages.register({ id: LANGUAGE_ID, extensions: ['.jx'], aliases: ['jixiao', '绩效模板'] });

  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, {
    comments: { lineComment: '#' },
    brackets: [
      ['{', '}'],
      ['(', ')'],
      ['｛', '｝'],
      ['（', '）'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}' },
      { open: '(', close: ')' },
      { open: '｛', close: '｝' },
      { open: '（', close: '）' },
      { open: '"', close: '"', notIn: ['string', 'comment'] },
      { open: '“', close: '”', notIn: ['string', 'comment'] },
      { open: '「', close: '」', notIn: ['string', 'comment'] },
    ],
    surroundingPairs: [
      { open: '{', close: '}' },
      { open: '(', close: ')' },
      { open: '（', close: '）' },
      { open: '"', close: '"' },
      { open: '“', close: '”' },
      { open: '「', close: '」' },
    ],
    wordPattern: new RegExp(`(\\d+(?:\\.\\d+)?)|([${NAME_CHARS}]+)`),
    indentationRules: { increaseIndentPattern: /[{｛][^}｝]*$/, decreaseIndentPattern: /^\s*[}｝]/ },
  });

  monaco.languages.setTokensProvider(LANGUAGE_ID, {
    getInitialState: () => STATE,
    tokenize: (line) => ({ tokens: monacoTokens(line), endState: STATE }),
  });

  monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, {
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      const K = monaco.languages.CompletionItemKind;
      const line = model.getLineContent(position.lineNumber);
      const prev = tokenBefore(line, word.startColumn - 1);
      const outline = ctx.outline();
      const items: monaco.languages.CompletionItem[] = [];
      const seen = new Set<string>();
      const add = (label: string, kind: monaco.languages.CompletionItemKind, detail: string, sort: string) => {
        if (seen.has(label)) return;
        seen.add(label);
        items.push({ label, kind, detail, insertText: label, range, sortText: sort + label });
      };
      // after 采用 only a rule name fits
      if (prev?.kind === 'Use') {
        for (const r of outline?.rules ?? []) add(r.name, K.Function, `${t('hoverRule')} · ${r.formula}`, '0');
        return { suggestions: items };
      }
      for (const r of outline?.rules ?? []) add(r.name, K.Function, `${t('hoverRule')} · ${r.formula}`, '2');
      for (const s of outline?.sections ?? []) add(s.name, K.Field, `${['', '一级指标', '二级指标', '三级指标'][s.level]} · ${t('hoverWeight')} ${s.weight}`, '1');
      for (const v of VARIABLES) add(v.name, K.Variable, v[w.lang()], '3');
      for (const k of keywordSpellings) {
        add(k.zh, K.Keyword, k.en, '4');
        if (k.en !== k.zh) add(k.en, K.Keyword, k.zh, '5');
      }
      for (const x of outline?.tiers ?? []) add(x, K.EnumMember, '定性分档', '6');
      return { suggestions: items };
    },
  });

  monaco.languages.registerHoverProvider(LANGUAGE_ID, {
    provideHover(model, position) {
      const line = model.getLineContent(position.lineNumber);
      const tk = tokenAt(line, position.column - 1);
      if (!tk || (tk.cls !== 'name' && tk.cls !== 'string')) return null;
      const name = tk.cls === 'string' ? tk.image.slice(1, -1) : tk.image;
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: tk.start + 1, endColumn: tk.end + 1 };
      const outline = ctx.outline();
      const lines: string[] = [];
      const sec = outline?.sections.find((s) => s.name === name || s.aliases.includes(name));
      if (sec) {
        const level = w.lang() === 'zh' ? ['', '一级指标', '二级指标', '三级指标'][sec.level] : ['', 'section', 'indicator', 'subindicator'][sec.level];
        lines.push(`**${level} ${sec.name}** · ${t('hoverWeight')} ${sec.weight}`);
        if (sec.rule) lines.push(`${t('hoverUses')} ${sec.rule}`);
        const sc = scoreOf(ctx.score(), sec.name);
        if (sc) {
          lines.push(`${t('hoverScore')} **${sc.score}** / ${sc.cap}` + (sc.stated !== null ? ` （${t('stated')} ${sc.stated}）` : ''));
          if (sc.explain) lines.push('```\n' + sc.explain + '\n```');
        }
      }
      const rule = outline?.rules.find((r) => r.name === name);
      if (rule) {
        lines.push(`**${t('hoverRule')} ${rule.name}**` + (rule.shapes.length ? ` · ${t('hoverApplies')} ${rule.shapes.join(', ')}` : ''));
        lines.push('```\n得分 = ' + rule.formula + '\n```');
      }
      const v = VARIABLES.find((x) => x.name === name);
      if (v && !sec && !rule) lines.push(`**${v.name}** · ${v[w.lang()]}`);
      if (lines.length === 0) return null;
      return { range, contents: lines.map((value) => ({ value })) };
    },
  });

  monaco.languages.registerDefinitionProvider(LANGUAGE_ID, {
    provideDefinition(model, position) {
      const line = model.getLineContent(position.lineNumber);
      const tk = tokenAt(line, position.column - 1);
      if (!tk || (tk.cls !== 'name' && tk.cls !== 'string')) return null;
      const name = tk.cls === 'string' ? tk.image.slice(1, -1) : tk.image;
      const outline = ctx.outline();
      const rule = outline?.rules.find((r) => r.name === name);
      if (rule) return { uri: model.uri, range: rangeOf(rule.nameSpan) };
      const sec = outline?.sections.find((s) => s.name === name);
      if (sec) return { uri: model.uri, range: rangeOf(sec.nameSpan) };
      return null;
    },
  });

  monaco.languages.registerDocumentFormattingEditProvider(LANGUAGE_ID, {
    displayName: 'jixiao fmt',
    provideDocumentFormattingEdits(model) {
      const text = model.getValue();
      const parsed = parse(text);
      if (hasErrors(parsed.diagnostics)) {
        ctx.onFormatFailed();
        return [];
      }
      const out = format(parsed.ast, parsed.comments, text);
      if (out === text) return [];
      return [{ range: model.getFullModelRange(), text: out }];
    },
  });
}

export { lexLine };
