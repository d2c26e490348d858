// The .jx language in Monaco: highlighting from the chevrotain lexer, completion of
// keywords, indicator and rule names, hover, go to definition, format, brackets.
import { VARIABLES } from '@jixiao/compiler';
import { format, hasErrors, keywordSpellings, parse } from '@jixiao/language';
import { monaco } from '../monaco.ts';
import type { Words } from '../i18n.ts';
import type { FixData, Outline } from '../worker/protocol.ts';
import type { ScoreView } from '../scoring.ts';
import { lexLine, monacoTokens, tokenAt, tokenBefore } from './highlight.ts';

export const LANGUAGE_ID = 'jixiao';

/** What the providers read: the latest analysis, from the page's store. */
export interface LanguageContext {
  outline(): Outline | null;
  score(): ScoreView | null;
  onFormatFailed(): void;
  /** the checker's fixes of a marker shown in the editor (none when the text has changed since) */
  fixesAt(marker: { code: string; startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number }): FixData[];
}

/** Snippets a staffer can insert whole: a full indicator line, a rule skeleton, … (Tab moves between the fields). */
export const SNIPPETS: { label: string; key: 'snipSection' | 'snipSectionChildren' | 'snipRule' | 'snipDeduction' | 'snipGrades' | 'snipIf'; body: string; lineStart: boolean }[] =
  [
    { label: '一级指标 … 分值 … 分 { 单位填报 }', key: 'snipSection', body: '一级指标 ${1:指标名称} 分值 ${2:10} 分 { 单位填报 }', lineStart: true },
    {
      label: '一级指标 … { 二级指标 … }',
      key: 'snipSectionChildren',
      body: '一级指标 ${1:指标名称} 分值 ${2:20} 分 {\n\t二级指标 ${3:二级指标名称} 分值 ${4:10} 分 { 单位填报 }\n\t二级指标 ${5:二级指标名称} 分值 ${6:10} 分 { 单位填报 }\n}',
      lineStart: true,
    },
    {
      label: '规则 … 适用 … { 得分 = … }',
      key: 'snipRule',
      body: '规则 ${1:规则名称} 适用 ${2|>=,>,<=,<,=,定性,期限|} {\n\t得分 = 如果 实际 >= 目标 则 权重 否则 权重 * min(实际 / 目标, 1)\n}',
      lineStart: true,
    },
    { label: '扣分 … 每项最多 … 合计最多 …', key: 'snipDeduction', body: '扣分 ${1:扣分名称} 每项最多 ${2:2} 分 合计最多 ${3:10} 分 总分不低于 0 分', lineStart: true },
    { label: '等级 { 优 … 良 … 中 … 差 }', key: 'snipGrades', body: '等级 { 优 >= ${1:90} 分; 良 >= ${2:80} 分; 中 >= ${3:60} 分; 差 }', lineStart: true },
    { label: '如果 … 则 … 否则 …', key: 'snipIf', body: '如果 ${1:实际 >= 目标} 则 ${2:权重} 否则 ${3:0 分}', lineStart: false },
  ];

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

let registered = false;

/** The language itself — id, brackets, highlighting — for every editor, the diff editor too (once). */
export function registerLanguage(): void {
  if (registered) return;
  registered = true;
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
}

/** What the template editor adds: completion, hover, definitions, quick fixes, formatting. */
export function registerJixiao(ctx: LanguageContext, w: Words): void {
  const { t } = w;
  registerLanguage();

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
      // whole snippets: statements where a line starts, 如果 … 则 … 否则 … inside a formula
      const atLineStart = line.slice(0, word.startColumn - 1).trim() === '';
      for (const [i, sn] of SNIPPETS.entries()) {
        if (sn.lineStart !== atLineStart) continue;
        items.push({
          label: sn.label,
          kind: K.Snippet,
          detail: t(sn.key),
          documentation: sn.body
            .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
            .replace(/\$\{\d+:([^}]*)\}/g, '$1')
            .replace(/\t/g, '  '),
          insertText: sn.body,
          insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
          // typed as its first word: 一级 / 规则 / 扣分 / 如果 bring it up
          filterText: sn.label,
          range,
          // in the table's order: the simplest first
          sortText: `0${i}`,
        });
      }
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

  // the checker's fixes as quick fixes (the light bulb, Ctrl+.), the first one preferred
  monaco.languages.registerCodeActionProvider(
    LANGUAGE_ID,
    {
      provideCodeActions(model, _range, context) {
        const actions: monaco.languages.CodeAction[] = [];
        for (const marker of context.markers) {
          const code = typeof marker.code === 'string' ? marker.code : marker.code?.value;
          if (!code) continue;
          ctx.fixesAt({ ...marker, code }).forEach((fix, i) =>
            actions.push({
              title: w.pick(fix.title),
              kind: 'quickfix',
              diagnostics: [marker],
              isPreferred: i === 0,
              edit: {
                edits: fix.edits.map((e) => ({
                  resource: model.uri,
                  versionId: model.getVersionId(),
                  textEdit: { range: { startLineNumber: e.startLineNumber, startColumn: e.startColumn, endLineNumber: e.endLineNumber, endColumn: e.endColumn }, text: e.text },
                })),
              },
            }),
          );
        }
        return { actions, dispose() {} };
      },
    },
    { providedCodeActionKinds: ['quickfix'] },
  );

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
