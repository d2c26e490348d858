// The template editor: Monaco with the jixiao language, on the left. Loaded on demand
// (template-view.ts shows the template until then). Each official template has its own
// Monaco model, so undo (Ctrl+Z) stays within the template it was typed in and a switch of
// template never carries one template's text into another. Every edit goes into the store;
// the markers follow the analysis in the page's language, each with the checker's fixes
// as quick fixes (Ctrl+. or the light bulb), and a sum error is also shown where the edit
// that broke the sum was made.
import { monaco } from '../monaco.ts';
import { setMonacoLanguage } from '../monaco-nls.ts';
import { LANGUAGE_ID, registerJixiao } from '../language/jixiao.ts';
import type { Words } from '../i18n.ts';
import type { Store } from '../state/store.ts';
import { EDITOR_FONT, EDITOR_FONT_SIZE, EDITOR_LINE_HEIGHT } from '../ui/fonts.ts';
import { locate, type RevealTarget } from '../ui/locate.ts';
import type { AnalyseReply, FixData, MarkerData, SpanData } from '../worker/protocol.ts';

function severityOf(s: MarkerData['severity']): monaco.MarkerSeverity {
  return s === 'error' ? monaco.MarkerSeverity.Error : s === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info;
}

const spanKey = (code: string, s: SpanData) => `${code}@${s.startLineNumber}:${s.startColumn}-${s.endLineNumber}:${s.endColumn}`;

/** The related place a sum error is also shown at: the one on the line of the last edit. */
export function placeOfEdit(m: MarkerData, at: { line: number } | null): (SpanData & { message: MarkerData['message'] }) | null {
  if (!at || !m.related) return null;
  return m.related.find((r) => r.startLineNumber <= at.line && at.line <= r.endLineNumber) ?? null;
}

/** The URI of an error code's explanation: opened in the page (the docs panel), not in a new window. */
export const DOC_SCHEME = 'jixiao-doc';

export class TemplateEditor {
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  private readonly models = new Map<string, monaco.editor.ITextModel>();
  private readonly viewStates = new Map<string, monaco.editor.ICodeEditorViewState | null>();
  /** the fixes of the markers shown, by code and place (for the quick-fix provider) */
  private fixes = new Map<string, FixData[]>();
  /** set while the page itself changes a model's text (a link): not an edit of the user's */
  private replacing = false;
  private revealed: monaco.editor.IEditorDecorationsCollection | null = null;
  private revealTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly host: HTMLElement,
    private readonly store: Store,
    private readonly w: Words,
    readonly openDoc: (code: string) => void,
  ) {
    setMonacoLanguage(store.state.lang);
    registerJixiao(
      {
        outline: () => store.state.outline,
        score: () => store.state.last?.score ?? null,
        onFormatFailed: () => store.dispatch({ type: 'toast', key: 'formatFailed' }),
        fixesAt: (marker) => this.fixesOf(marker),
      },
      w,
    );
    // an error code in a hover opens its explanation in the page
    monaco.editor.registerLinkOpener({
      open: (uri) => {
        if (uri.scheme !== DOC_SCHEME) return false;
        openDoc(uri.path.replace(/^\//, ''));
        return true;
      },
    });
    this.editor = monaco.editor.create(host, {
      model: this.modelOf(store.state.file),
      theme: 'jixiao',
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: EDITOR_FONT_SIZE,
      lineHeight: EDITOR_LINE_HEIGHT,
      fontFamily: EDITOR_FONT,
      lineNumbersMinChars: 3,
      // long comments (the sources of a rule) wrap instead of running off the right edge
      wordWrap: 'on',
      wrappingIndent: 'same',
      renderWhitespace: 'none',
      matchBrackets: 'always',
      bracketPairColorization: { enabled: true },
      quickSuggestions: { other: true, comments: false, strings: false },
      // completions come from the language, never from the words of the text
      wordBasedSuggestions: 'off',
      suggest: { showWords: false, snippetsPreventQuickSuggestions: false },
      lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.OnCode },
      fixedOverflowWidgets: true,
      tabSize: 2,
      ariaLabel: w.t('editorLabel'),
    });
    if (store.state.last) this.setMarkers(store.state.last);

    store.subscribe((s, prev, a) => {
      if (a.type === 'analysis/reply') this.setMarkers(a.reply);
      if (s.lang !== prev.lang) {
        setMonacoLanguage(s.lang);
        this.editor.updateOptions({ ariaLabel: w.t('editorLabel') });
        if (s.last) this.setMarkers(s.last);
      }
      if (a.type === 'template/select' && s.file !== prev.file) this.show(prev.file, s.file);
      if (a.type === 'link/restore') {
        const model = this.modelOf(s.file);
        if (model.getValue() !== a.shared.template) {
          this.replacing = true;
          model.setValue(a.shared.template);
          this.replacing = false;
        }
        if (s.file !== prev.file) this.show(prev.file, s.file);
      }
    });
  }

  /** The current template's model. */
  get model(): monaco.editor.ITextModel {
    return this.modelOf(this.store.state.file);
  }

  /** The model of an official template, created with the text the page has for it. */
  private modelOf(file: string): monaco.editor.ITextModel {
    let m = this.models.get(file);
    if (m) return m;
    m = monaco.editor.createModel(this.store.templateText(file) ?? '', LANGUAGE_ID, monaco.Uri.parse(`inmemory://jixiao/template-${this.models.size + 1}.jx`));
    const model = m;
    model.onDidChangeContent((e) => {
      // only the open template's edits are the editor's; a link's text is the store's already
      if (this.replacing || this.store.state.file !== file || this.editor?.getModel() !== model) return;
      const last = e.changes[e.changes.length - 1];
      const at = last ? { line: last.range.startLineNumber, column: last.range.startColumn } : undefined;
      this.store.dispatch(at ? { type: 'template/edit', text: model.getValue(), at } : { type: 'template/edit', text: model.getValue() });
    });
    this.models.set(file, model);
    return model;
  }

  /** Another template into the editor: its own model (own undo history), its own scroll and cursor. */
  private show(from: string, to: string): void {
    this.viewStates.set(from, this.editor.saveViewState());
    const old = this.models.get(from);
    if (old) monaco.editor.setModelMarkers(old, 'jixiao', []);
    this.editor.setModel(this.modelOf(to));
    const vs = this.viewStates.get(to);
    if (vs) this.editor.restoreViewState(vs);
    else {
      this.editor.setPosition({ lineNumber: 1, column: 1 });
      this.editor.revealLine(1);
    }
  }

  private fixesOf(m: { code: string; startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number }): FixData[] {
    // fixes are edits of the text they were computed on: none while the text is newer
    const { last, version } = this.store.state;
    if (!last || last.version !== version) return [];
    return this.fixes.get(spanKey(m.code, m)) ?? [];
  }

  private setMarkers(reply: AnalyseReply): void {
    const { pick, t } = this.w;
    const fixes = new Map<string, FixData[]>();
    const markers: monaco.editor.IMarkerData[] = [];
    const add = (m: MarkerData, at: SpanData, prefix = '') => {
      if (m.fixes) fixes.set(spanKey(m.code, at), m.fixes);
      markers.push({
        startLineNumber: at.startLineNumber,
        startColumn: at.startColumn,
        endLineNumber: at.endLineNumber,
        endColumn: at.endColumn,
        severity: severityOf(m.severity),
        message: prefix + pick(m.message) + (m.help ? `\n${t('helpLabel')}${pick(m.help)}` : ''),
        code: { value: m.code, target: monaco.Uri.from({ scheme: DOC_SCHEME, path: `/${m.code}` }) },
        source: 'jixiao',
      });
    };
    const at = this.store.state.lastEditAt;
    for (const m of reply.markers) {
      add(m, m);
      // a sum that no longer adds up: shown also where the edit was made (one of its terms)
      const place = placeOfEdit(m, at);
      if (place) add(m, place, `${pick(place.message)}\n`);
    }
    this.fixes = fixes;
    monaco.editor.setModelMarkers(this.model, 'jixiao', markers);
  }

  /** Run the language's formatter on the template (the toolbar's 格式化). */
  format(): void {
    this.editor.focus();
    void this.editor.getAction('editor.action.formatDocument')?.run();
  }

  /** Apply a checker fix (the score panel's fix buttons), undoable like typing. */
  applyFix(fix: FixData): void {
    this.editor.focus();
    this.editor.pushUndoStop();
    this.editor.executeEdits(
      'jixiao-fix',
      fix.edits.map((e) => ({ range: new monaco.Range(e.startLineNumber, e.startColumn, e.endLineNumber, e.endColumn), text: e.text })),
    );
    this.editor.pushUndoStop();
  }

  /** Scroll `firstLine` to the top (where the light view was), put the cursor where it was clicked, focus when asked. */
  placeCursor(pos: { lineNumber: number; column: number } | null, firstLine: number, focus: boolean): void {
    this.editor.setScrollTop(this.editor.getTopForLineNumber(firstLine));
    if (pos) this.editor.setPosition(pos);
    if (focus) this.editor.focus();
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

  /**
   * Reveal an indicator, a rule or a statement (总分, 扣分) in the editor. False (and a toast
   * naming it) when the editor's template does not write it, e.g. it comes from the parent template.
   */
  reveal(target: RevealTarget): boolean {
    const sp = locate(this.store.state.outline, this.model.getValue(), target);
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
