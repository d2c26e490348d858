// The template editor: Monaco with the jixiao language, on the left. Its text goes into the
// store with every edit; a switch of template or a shared link brings a text back in; the
// markers follow the analysis in the page's language. Also reveals a span of the template
// (for the score panel's findings and rule links).
import { monaco } from '../monaco.ts';
import { LANGUAGE_ID, registerJixiao } from '../language/jixiao.ts';
import type { Words } from '../i18n.ts';
import type { Store } from '../state/store.ts';
import { h } from '../ui/dom.ts';
import type { AnalyseReply, MarkerData, SpanData } from '../worker/protocol.ts';

export const EDITOR_FONT = '"Noto Sans Mono CJK SC", "Sarasa Mono SC", Menlo, Consolas, "Microsoft YaHei", monospace';

const escapeRe = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function severityOf(s: MarkerData['severity']): monaco.MarkerSeverity {
  return s === 'error' ? monaco.MarkerSeverity.Error : s === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info;
}

export class TemplateEditor {
  readonly host = h('div', { id: 'editor' });
  readonly model: monaco.editor.ITextModel;
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  private revealed: monaco.editor.IEditorDecorationsCollection | null = null;
  private revealTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly store: Store,
    private readonly w: Words,
  ) {
    registerJixiao(
      {
        outline: () => store.state.outline,
        score: () => store.state.last?.score ?? null,
        onFormatFailed: () => store.dispatch({ type: 'toast', key: 'formatFailed' }),
      },
      w,
    );
    this.model = monaco.editor.createModel(store.template(), LANGUAGE_ID, monaco.Uri.parse('inmemory://jixiao/template.jx'));
    this.editor = monaco.editor.create(this.host, {
      model: this.model,
      theme: 'jixiao',
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      fontFamily: EDITOR_FONT,
      lineNumbersMinChars: 3,
      wordWrap: 'off',
      renderWhitespace: 'none',
      matchBrackets: 'always',
      bracketPairColorization: { enabled: true },
      quickSuggestions: { other: true, comments: false, strings: false },
      fixedOverflowWidgets: true,
      tabSize: 2,
      ariaLabel: w.t('editorLabel'),
    });
    store.dispatch({ type: 'template/opened', version: this.model.getVersionId() });
    this.model.onDidChangeContent(() => store.dispatch({ type: 'template/edit', text: this.model.getValue(), version: this.model.getVersionId() }));

    store.subscribe((s, prev, a) => {
      if (a.type === 'analysis/reply') this.setMarkers(a.reply);
      if (s.lang !== prev.lang) {
        this.editor.updateOptions({ ariaLabel: w.t('editorLabel') });
        if (s.last) this.setMarkers(s.last);
      }
      if (a.type === 'template/select' && s.file !== prev.file) {
        this.replaceText(store.templateText(s.file) ?? '');
        this.editor.setPosition({ lineNumber: 1, column: 1 });
        this.editor.revealLine(1);
      }
      if (a.type === 'link/restore') this.replaceText(a.shared.template);
    });
  }

  /** pushEditOperations keeps the replacement undoable (a switch of year can be taken back) */
  private replaceText(text: string): void {
    this.model.pushEditOperations([], [{ range: this.model.getFullModelRange(), text }], () => null);
  }

  private setMarkers(reply: AnalyseReply): void {
    const { pick } = this.w;
    monaco.editor.setModelMarkers(
      this.model,
      'jixiao',
      reply.markers.map((m) => ({
        severity: severityOf(m.severity),
        message: pick(m.message) + (m.help ? `\n${pick(m.help)}` : ''),
        code: m.code,
        source: 'jixiao',
        startLineNumber: m.startLineNumber,
        startColumn: m.startColumn,
        endLineNumber: m.endLineNumber,
        endColumn: m.endColumn,
      })),
    );
  }

  /** Run the language's formatter on the template (the toolbar's 格式化). */
  format(): void {
    this.editor.focus();
    void this.editor.getAction('editor.action.formatDocument')?.run();
  }

  /** Select a span in the template editor and bring it to the middle of the view. */
  revealSpan(sp: SpanData, focus: boolean): void {
    const range = { startLineNumber: sp.startLineNumber, startColumn: sp.startColumn, endLineNumber: sp.endLineNumber, endColumn: sp.endColumn };
    this.editor.setSelection(range);
    this.editor.revealLineInCenter(sp.startLineNumber);
    // the selection of an unfocused editor is faint: mark the line for a moment
    this.revealed?.clear();
    this.revealed = this.editor.createDecorationsCollection([
      { range, options: { isWholeLine: true, className: 'jx-revealed' } },
      { range, options: { inlineClassName: 'jx-revealed-text' } },
    ]);
    if (this.revealTimer) clearTimeout(this.revealTimer);
    this.revealTimer = setTimeout(() => this.revealed?.clear(), 2500);
    if (focus) this.editor.focus();
  }

  /** The first match of a regular expression in the template, as a span. */
  private findInTemplate(re: string): SpanData | null {
    const m = this.model.findMatches(re, false, true, false, null, false, 1)[0];
    if (!m) return null;
    const r = m.range;
    return { startLineNumber: r.startLineNumber, startColumn: r.startColumn, endLineNumber: r.endLineNumber, endColumn: r.endColumn };
  }

  /**
   * Reveal an indicator, a rule or a statement (总分, 扣分) in the editor: from the outline
   * when it names it, else by searching the text. False (and a toast naming it) when the
   * editor's template does not write it, e.g. it comes from the parent template.
   */
  reveal(target: { section?: string; rule?: string; statement?: string }): boolean {
    const o = this.store.state.outline;
    let sp: SpanData | null = null;
    if (target.rule) {
      sp = o?.rules.find((r) => r.name === target.rule)?.nameSpan ?? this.findInTemplate(`规则\\s+${escapeRe(target.rule)}(?=\\s|$|\\{)`);
      // a formula section's row (预算执行率) names the section, not a rule
      if (!sp) target = { section: target.rule };
    }
    if (target.section) {
      const name = target.section;
      sp = o?.sections.find((x) => x.name === name || x.aliases.includes(name))?.nameSpan ?? this.findInTemplate(`(一级指标|重命名 一级指标)\\s+.*${escapeRe(name)}`) ?? null;
    }
    if (target.statement) sp = this.findInTemplate(`^\\s*${escapeRe(target.statement)}(?=\\s)`);
    if (!sp) {
      if (target.section ?? target.rule) this.store.dispatch({ type: 'toast', key: 'notInTemplate', vars: { name: target.section ?? target.rule ?? '' } });
      return false;
    }
    this.revealSpan(sp, false);
    return true;
  }

  /** The markers as the tests read them. */
  markers(): { message: string; code: string | undefined; severity: string; startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number }[] {
    return monaco.editor.getModelMarkers({ resource: this.model.uri }).map((m) => ({
      message: m.message,
      code: typeof m.code === 'string' ? m.code : m.code?.value,
      severity: m.severity === monaco.MarkerSeverity.Error ? 'error' : m.severity === monaco.MarkerSeverity.Warning ? 'warning' : 'info',
      startLineNumber: m.startLineNumber,
      startColumn: m.startColumn,
      endLineNumber: m.endLineNumber,
      endColumn: m.endColumn,
    }));
  }
}
