// The left pane before Monaco: the template highlighted by the language's own lexer, with
// line numbers and the analysis' problems underlined, in the editor's font and metrics.
// Monaco (and its 2.7 MB) loads when the template is to be edited — a click, a key, focus
// from the keyboard, the pointer resting on it, 格式化, a fix or the 对比 tab — and takes
// over at the same line. The first screen (template, score, filing) needs none of it.
//
// `EditorHost` is what the rest of the page talks to: it answers from the light view
// until the editor is there, and from the editor after.
import type { Words } from '../i18n.ts';
import { lexLine } from '../language/highlight.ts';
import type { Store } from '../state/store.ts';
import { h } from '../ui/dom.ts';
import { locate, type RevealTarget } from '../ui/locate.ts';
import type { FixData, MarkerData, SpanData } from '../worker/protocol.ts';
import type { TemplateEditor } from './editor.ts';

type Marker = { message: string; code: string | undefined; severity: string; startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number };

/** how long the pointer rests on the template before the editor starts loading */
const HOVER_LOAD_MS = 600;

export class EditorHost {
  /** the left pane's editor area: the light view, then Monaco */
  readonly host = h('div', { id: 'editor-area' });
  private readonly view: HTMLElement;
  private readonly lines = h('div', { class: 'tv-lines' });
  private readonly monacoHost = h('div', { id: 'editor', hidden: true });
  private readonly loadingNote = h('div', { class: 'tv-loading', role: 'status', hidden: true });
  private loaded: TemplateEditor | null = null;
  private loading: Promise<TemplateEditor> | null = null;
  private hoverTimer: ReturnType<typeof setTimeout> | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly store: Store,
    private readonly w: Words,
    /** open an error code's explanation (the docs panel) */
    private readonly openDoc: (code: string) => void,
  ) {
    this.view = h('div', { class: 'tpl-view', tabindex: 0, role: 'region', 'aria-describedby': 'tv-hint' }, this.lines);
    this.host.append(h('p', { id: 'tv-hint', class: 'sr-only' }), this.view, this.loadingNote, this.monacoHost);
    this.relabel();
    this.render();

    // the intent to edit: the editor comes, at the place clicked
    this.view.addEventListener('pointerdown', (e) => {
      const pos = this.positionAt(e.clientX, e.clientY);
      const first = this.firstVisibleLine();
      e.preventDefault();
      this.withEditor((ed) => ed.placeCursor(pos, first, true));
    });
    this.view.addEventListener('focus', () => {
      const first = this.firstVisibleLine();
      this.withEditor((ed) => ed.placeCursor(null, first, true));
    });
    this.view.addEventListener('pointerenter', () => {
      this.hoverTimer = setTimeout(() => this.withEditor(() => undefined), HOVER_LOAD_MS);
    });
    this.view.addEventListener('pointerleave', () => {
      if (this.hoverTimer) clearTimeout(this.hoverTimer);
    });

    store.subscribe((s, prev, a) => {
      if (this.loaded) return;
      if (a.type === 'analysis/reply' || a.type === 'template/select' || a.type === 'link/restore' || s.lang !== prev.lang) this.render();
      if (s.lang !== prev.lang) this.relabel();
    });
  }

  /** The Monaco editor, once loaded. */
  editor(): TemplateEditor | null {
    return this.loaded;
  }

  /** Load Monaco and put the editor in the light view's place (once; later calls share the load). */
  load(): Promise<TemplateEditor> {
    if (this.loading) return this.loading;
    this.loadingNote.hidden = false;
    this.loadingNote.textContent = this.w.t('editorLoading');
    const chunk = import('./editor.ts').catch((e: unknown) => {
      // the chunk could not be fetched (the server went away): say so, and let the next intent try again
      this.loading = null;
      this.loadingNote.textContent = this.w.t('editorLoadFailed');
      throw e;
    });
    this.loading = chunk.then(({ TemplateEditor }) => {
      const first = this.firstVisibleLine();
      this.monacoHost.hidden = false;
      const ed = new TemplateEditor(this.monacoHost, this.store, this.w, this.openDoc);
      this.view.hidden = true;
      this.loadingNote.hidden = true;
      this.loaded = ed;
      // the same lines in view; the focus stays where it is (the pointer may only rest here)
      ed.placeCursor(null, first, false);
      return ed;
    });
    return this.loading;
  }

  /** Do `f` with the editor once it is there (a failed load is said on the page, not thrown). */
  private withEditor(f: (ed: TemplateEditor) => void): void {
    this.load().then(f, () => undefined);
  }

  /** The open template's text. */
  text(): string {
    return this.loaded ? this.loaded.model.getValue() : this.store.template();
  }

  /** Replace the open template's text (a version opened from the workspace): the editor's, or the store's until it loads. */
  setText(text: string): void {
    if (this.loaded) this.loaded.model.setValue(text);
    else this.store.dispatch({ type: 'template/edit', text });
  }

  format(): void {
    this.withEditor((ed) => ed.format());
  }

  applyFix(fix: FixData): void {
    this.withEditor((ed) => ed.applyFix(fix));
  }

  /** Bring a span to the middle of the view and mark it; `focus`: to be edited (loads the editor). */
  revealSpan(sp: SpanData, focus: boolean): void {
    if (this.loaded || focus) {
      this.withEditor((ed) => ed.revealSpan(sp, focus));
      return;
    }
    const line = this.lines.children[sp.startLineNumber - 1] as HTMLElement | undefined;
    if (!line) return;
    this.view.scrollTop = Math.max(0, line.offsetTop - this.view.clientHeight / 2);
    for (const el of this.lines.querySelectorAll('.tv-revealed')) el.classList.remove('tv-revealed');
    for (let l = sp.startLineNumber; l <= sp.endLineNumber; l++) this.lines.children[l - 1]?.classList.add('tv-revealed');
    if (this.flashTimer) clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => this.lines.querySelectorAll('.tv-revealed').forEach((el) => el.classList.remove('tv-revealed')), 2500);
  }

  /** Reveal an indicator, a rule or a statement; false (and a toast) when the template does not write it. */
  reveal(target: RevealTarget): boolean {
    if (this.loaded) return this.loaded.reveal(target);
    const sp = locate(this.store.state.outline, this.store.template(), target);
    if (!sp) {
      if (target.section ?? target.rule) this.store.dispatch({ type: 'toast', key: 'notInTemplate', vars: { name: target.section ?? target.rule ?? '' } });
      return false;
    }
    this.revealSpan(sp, false);
    return true;
  }

  /** The problems shown in the template (the editor's markers, or the light view's). */
  markers(): Marker[] {
    if (this.loaded) return this.loaded.markers();
    const { pick } = this.w;
    return this.current().map((m) => ({
      message: pick(m.message),
      code: m.code,
      severity: m.severity,
      startLineNumber: m.startLineNumber,
      startColumn: m.startColumn,
      endLineNumber: m.endLineNumber,
      endColumn: m.endColumn,
    }));
  }

  /** The analysis' markers when they are of the text shown. */
  private current(): MarkerData[] {
    const { last, version } = this.store.state;
    return last && last.version === version ? last.markers : [];
  }

  private relabel(): void {
    this.view.setAttribute('aria-label', this.w.t('editorLabel'));
    this.host.querySelector('#tv-hint')!.textContent = this.w.t('editorViewHint');
  }

  private render(): void {
    const text = this.store.template();
    const markers = this.current();
    const { pick } = this.w;
    this.lines.replaceChildren(
      ...text.split('\n').map((src, i) => {
        const n = i + 1;
        const on = markers.filter((m) => m.startLineNumber <= n && n <= m.endLineNumber);
        const code = h('span', { class: 'tv-code' });
        let at = 0;
        const put = (from: number, to: number, cls: string) => {
          if (to <= from) return;
          const col = from + 1;
          const hit = on.find((m) => (m.startLineNumber < n || m.startColumn < to + 1) && (m.endLineNumber > n || m.endColumn > col));
          const c = [cls, hit ? `tv-sq tv-sq-${hit.severity}` : ''].filter(Boolean).join(' ');
          code.append(c ? h('span', { class: c }, src.slice(from, to)) : src.slice(from, to));
        };
        for (const tk of lexLine(src)) {
          put(at, tk.start, '');
          put(tk.start, tk.end, `tk-${tk.type.replace(/\./g, '-')}`);
          at = tk.end;
        }
        put(at, src.length, '');
        if (src.length === 0) code.append('\u200b');
        const line = h(
          'div',
          { class: 'tv-line' + (on.length ? ` tv-has-${on.some((m) => m.severity === 'error') ? 'error' : 'warning'}` : '') },
          h('span', { class: 'tv-no', 'aria-hidden': 'true' }, String(n)),
          code,
        );
        if (on.length) line.title = on.map((m) => `${m.code} ${pick(m.message)}`).join('\n');
        return line;
      }),
    );
  }

  /** The first line the light view shows (Monaco opens scrolled to it). */
  private firstVisibleLine(): number {
    const top = this.view.scrollTop;
    const lines = [...this.lines.children] as HTMLElement[];
    const i = lines.findIndex((l) => l.offsetTop + l.offsetHeight > top);
    return Math.max(1, i + 1);
  }

  /** The template position under a point of the light view (null outside the text). */
  private positionAt(x: number, y: number): { lineNumber: number; column: number } | null {
    const doc = document as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
    const caret =
      doc.caretPositionFromPoint?.(x, y) ??
      (() => {
        const r = document.caretRangeFromPoint?.(x, y);
        return r ? { offsetNode: r.startContainer, offset: r.startOffset } : null;
      })();
    const el = document.elementFromPoint(x, y)?.closest('.tv-line');
    if (!el) return null;
    const lineNumber = [...this.lines.children].indexOf(el) + 1;
    const code = el.querySelector('.tv-code')!;
    if (!caret || !code.contains(caret.offsetNode)) return { lineNumber, column: 1 };
    // the caret's offset in the line: the text before its node, plus its offset in the node
    let column = 1;
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (t === caret.offsetNode) return { lineNumber, column: column + caret.offset };
      column += (t.textContent ?? '').replace(/\u200b/g, '').length;
    }
    return { lineNumber, column: 1 };
  }
}
