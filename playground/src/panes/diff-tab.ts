// The 对比 (diff) tab: two years of one form. While it is open, Monaco's diff editor takes
// the template editor's place on the left (loaded and created the first time); the right
// lists the engine's semantic diff — each rule change also in words — and its impact on
// the current filing and on any filings loaded here. A template that 继承s another
// states only its changes, so by default both sides are compared resolved (what is in
// force, as the formatter prints it); the texts as written are one click away. The texts
// are the page's, with the edits made in the editor; the comparison runs in the worker.
import type { Words } from '../i18n.ts';
import type { Analysis } from '../state/analysis.ts';
import { entriesOf, filingEdited, formsOf, type LoadedFiling, type Store } from '../state/store.ts';
import { examplesOf } from '../rules.ts';
import { renderDiff } from '../ui/diff-view.ts';
import { h } from '../ui/dom.ts';
import type { Labels } from '../ui/labels.ts';
import type { DiffReply } from '../worker/protocol.ts';
import type { DiffEditor } from './diff-editor.ts';
import type { EditorHost } from './template-view.ts';

/** how long filing edits may pause before the comparison is made again */
const FILING_DEBOUNCE_MS = 150;

export class DiffTab {
  /** the left pane: a caption naming the two files over the diff editor */
  readonly pane: HTMLElement;
  /** the tab's panel on the right: form and years, the semantic diff and the impact */
  readonly panel: HTMLElement;
  private readonly host = h('div', { id: 'diff-editor' });
  private readonly caption = h('div', { id: 'diff-caption', class: 'diff-caption', translate: 'no' });
  // forms, jurisdictions and years are named as the rules name them
  private readonly formSelect = h('select', { id: 'diff-form', translate: 'no' });
  private readonly fromSelect = h('select', { id: 'diff-from', translate: 'no' });
  private readonly toSelect = h('select', { id: 'diff-to', translate: 'no' });
  private readonly resolvedBox = h('input', { type: 'checkbox', id: 'diff-resolved' });
  private readonly fileInput = h('input', { type: 'file', id: 'diff-files', multiple: true, accept: '.tsv,.txt,.json', class: 'sr-only' });
  private readonly filesNote = h('span', { class: 'muted', id: 'diff-files-note' });
  private readonly view = h('div', { id: 'diff-view', 'aria-live': 'polite' });
  private diffEditor: DiffEditor | null = null;
  private loadingEditor: Promise<DiffEditor> | null = null;
  /** the number of the latest comparison asked for: older answers are dropped */
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly store: Store,
    private readonly w: Words,
    labels: Labels,
    private readonly editorHost: EditorHost,
    private readonly analysis: Analysis,
  ) {
    const { tx } = labels;
    this.pane = h('div', { id: 'diff-pane', hidden: true }, this.caption, this.host);
    const swapBtn = tx(h('button', { type: 'button', id: 'diff-swap' }), 'diffSwap');
    const pickBtn = tx(h('button', { type: 'button', id: 'diff-files-pick' }), 'diffFilesPick');
    const examplesBtn = tx(h('button', { type: 'button', id: 'diff-files-examples' }), 'diffFilesExamples');
    const clearBtn = tx(h('button', { type: 'button', id: 'diff-files-clear' }), 'diffFilesClear');
    this.resolvedBox.checked = store.state.diffResolved;
    tx(this.fileInput, 'diffFilesPick', 'aria-label');
    this.panel = h(
      'div',
      { class: 'diff-tab' },
      h(
        'div',
        { class: 'bar-row diff-controls' },
        h('label', {}, tx(h('span', {}), 'diffForm'), ' ', this.formSelect),
        h('label', {}, tx(h('span', {}), 'diffFrom'), ' ', this.fromSelect),
        h('span', { 'aria-hidden': 'true' }, '→'),
        h('label', {}, tx(h('span', {}), 'diffTo'), ' ', this.toSelect),
        swapBtn,
      ),
      h('div', { class: 'bar-row diff-controls' }, h('label', { class: 'check' }, this.resolvedBox, ' ', tx(h('span', {}), 'diffResolved'))),
      h('div', { class: 'bar-row diff-controls' }, tx(h('span', { class: 'muted' }), 'diffFilesLabel'), pickBtn, examplesBtn, clearBtn, this.fileInput, this.filesNote),
      this.view,
    );
    for (const f of formsOf(store.catalogue)) this.formSelect.append(h('option', { value: f }, f));

    this.formSelect.addEventListener('change', () => store.dispatch({ type: 'diff/form', form: this.formSelect.value }));
    this.fromSelect.addEventListener('change', () => store.dispatch({ type: 'diff/from', file: this.fromSelect.value }));
    this.toSelect.addEventListener('change', () => store.dispatch({ type: 'diff/to', file: this.toSelect.value }));
    swapBtn.addEventListener('click', () => store.dispatch({ type: 'diff/swap' }));
    this.resolvedBox.addEventListener('change', () => store.dispatch({ type: 'diff/resolved', on: this.resolvedBox.checked }));
    pickBtn.addEventListener('click', () => this.fileInput.click());
    this.fileInput.addEventListener('change', () => void this.readFiles());
    examplesBtn.addEventListener('click', () => {
      const form = store.state.diffPick?.form;
      if (form) store.dispatch({ type: 'diff/filings', filings: examplesOf(form).map((e) => ({ name: e.file, text: e.text })) });
    });
    clearBtn.addEventListener('click', () => store.dispatch({ type: 'diff/filings', filings: [] }));

    store.subscribe((s, prev, a) => {
      const active = s.tab === 'diff';
      // the diff mode swaps the left pane: the template editor gives way to the diff editor
      if (active !== (prev.tab === 'diff')) this.setMode(active);
      if (a.type === 'diff/form' || a.type === 'diff/from' || a.type === 'diff/to' || a.type === 'diff/swap') {
        this.showPick();
        void this.update();
      }
      if (a.type === 'diff/resolved') {
        this.resolvedBox.checked = s.diffResolved;
        this.showTexts(s.lastDiff);
      }
      if (a.type === 'diff/filings') {
        this.filesNote.textContent = s.diffFilings.length ? w.t('diffFilesCount', { n: s.diffFilings.length }) : '';
        void this.update();
      }
      if (active && filingEdited(s, prev, a)) {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.update(), FILING_DEBOUNCE_MS);
      }
      // a switch of template or of mapping changes what is compared: at once
      if (active && ((a.type === 'template/select' && s.file !== prev.file) || a.type === 'mapping/apply' || a.type === 'mapping/clear')) void this.update();
      if (s.lang !== prev.lang) {
        this.diffEditor?.relabel();
        this.filesNote.textContent = s.diffFilings.length ? w.t('diffFilesCount', { n: s.diffFilings.length }) : '';
        if (s.lastDiff) renderDiff(this.view, w, s.lastDiff);
        this.showCaption(s.lastDiff);
      }
    });
  }

  /** Monaco's diff editor (null before the tab was first opened). */
  editorOrNull(): DiffEditor | null {
    return this.diffEditor;
  }

  /** The form and templates of the store's pick into the selects: every (jurisdiction, year) of its form. */
  private showPick(): void {
    const pick = this.store.state.diffPick;
    if (!pick) return;
    const entries = entriesOf(this.store.catalogue, pick.form);
    this.formSelect.value = pick.form;
    for (const sel of [this.fromSelect, this.toSelect])
      if (sel.options.length !== entries.length || [...sel.options].some((o, i) => o.value !== entries[i]!.file))
        sel.replaceChildren(...entries.map((e) => h('option', { value: e.file }, `${e.region} ${e.year}`)));
    this.fromSelect.value = pick.from;
    this.toSelect.value = pick.to;
  }

  private setMode(on: boolean): void {
    this.pane.hidden = !on;
    this.editorHost.host.hidden = on;
    if (!on) return;
    this.showPick();
    if (!this.loadingEditor)
      this.loadingEditor = import('./diff-editor.ts').then(({ DiffEditor }) => {
        this.diffEditor = new DiffEditor(this.host, this.w);
        this.showTexts(this.store.state.lastDiff);
        return this.diffEditor;
      });
    void this.update();
  }

  /** Both templates of the pick, with the edits made in the editor. */
  private texts(): { a: { file: string; text: string; edited: boolean }; b: { file: string; text: string; edited: boolean } } | null {
    const { store } = this;
    const pick = store.state.diffPick;
    if (!pick) return null;
    const entry = (file: string) => store.catalogue.find((o) => o.file === file);
    const a = entry(pick.from);
    const b = entry(pick.to);
    if (!a || !b) return null;
    const ta = store.templateText(a.file)!;
    const tb = store.templateText(b.file)!;
    return { a: { file: a.file, text: ta, edited: ta !== a.text }, b: { file: b.file, text: tb, edited: tb !== b.text } };
  }

  private showCaption(reply: DiffReply | null): void {
    const x = this.texts();
    if (!x) return;
    const { t } = this.w;
    const edited = (e: { edited: boolean }) => (e.edited ? ` ${t('diffEdited')}` : '');
    const resolved = this.store.state.diffResolved && reply?.resolved ? ` · ${t('diffResolvedNote')}` : '';
    this.caption.textContent = `${x.a.file}${edited(x.a)}  ⟷  ${x.b.file}${edited(x.b)}${resolved}`;
  }

  /** The two texts into the diff editor: resolved (继承 applied) or as written. */
  private showTexts(reply: DiffReply | null): void {
    const x = this.texts();
    if (!x) return;
    this.showCaption(reply);
    const r = this.store.state.diffResolved ? reply?.resolved : null;
    this.diffEditor?.setTexts(r?.from ?? x.a.text, r?.to ?? x.b.text);
  }

  private async readFiles(): Promise<void> {
    const files = [...(this.fileInput.files ?? [])];
    const loaded: LoadedFiling[] = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    this.fileInput.value = '';
    if (loaded.length) this.store.dispatch({ type: 'diff/filings', filings: loaded });
  }

  private async update(): Promise<void> {
    const { store, w } = this;
    const pick = store.state.diffPick;
    const x = this.texts();
    if (!pick || !x || store.state.tab !== 'diff') return;
    if (x.a.file === x.b.file) {
      store.dispatch({ type: 'diff/reply', reply: null });
      this.showTexts(null);
      const years = entriesOf(store.catalogue, pick.form).length;
      this.view.replaceChildren(h('p', { class: 'notice' }, w.t(years < 2 ? 'diffOneYear' : 'diffSameYear')));
      return;
    }
    const seq = ++this.seq;
    if (!store.state.lastDiff) renderDiff(this.view, w, null);
    const { filing, mapping, diffFilings } = store.state;
    const req = { kind: 'diff' as const, seq, from: { file: x.a.file, text: x.a.text }, to: { file: x.b.file, text: x.b.text }, filing, filings: diffFilings };
    const reply = await this.analysis.diff(mapping ? { ...req, mapping } : req);
    if (reply.seq !== this.seq) return; // a newer comparison follows
    store.dispatch({ type: 'diff/reply', reply });
    this.showTexts(reply);
    renderDiff(this.view, w, reply);
  }
}
