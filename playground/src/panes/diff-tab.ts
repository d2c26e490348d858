// The 对比 (diff) tab: two years of one form. While it is open, Monaco's diff editor takes
// the template editor's place on the left (created the first time); the right lists the
// engine's semantic diff and its impact on the current filing (ui/diff-view.ts). The texts
// are the page's, with the edits made in the editor; the comparison runs in the worker.
import { monaco } from '../monaco.ts';
import { LANGUAGE_ID } from '../language/jixiao.ts';
import type { Words } from '../i18n.ts';
import type { Analysis } from '../state/analysis.ts';
import { entriesOf, filingEdited, formsOf, type Store } from '../state/store.ts';
import { renderDiff } from '../ui/diff-view.ts';
import { h } from '../ui/dom.ts';
import type { Labels } from '../ui/labels.ts';
import { EDITOR_FONT, type TemplateEditor } from './editor.ts';

/** how long filing edits may pause before the comparison is made again */
const FILING_DEBOUNCE_MS = 150;

export class DiffTab {
  /** the left pane: a caption naming the two files over the diff editor */
  readonly pane: HTMLElement;
  /** the tab's panel on the right: form and years, the semantic diff and the impact */
  readonly panel: HTMLElement;
  private readonly host = h('div', { id: 'diff-editor' });
  private readonly caption = h('div', { id: 'diff-caption', class: 'diff-caption' });
  private readonly formSelect = h('select', { id: 'diff-form' });
  private readonly fromSelect = h('select', { id: 'diff-from' });
  private readonly toSelect = h('select', { id: 'diff-to' });
  private readonly view = h('div', { id: 'diff-view', 'aria-live': 'polite' });
  private diffEditor: monaco.editor.IStandaloneDiffEditor | null = null;
  private models: { original: monaco.editor.ITextModel; modified: monaco.editor.ITextModel } | null = null;
  /** the number of the latest comparison asked for: older answers are dropped */
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly store: Store,
    private readonly w: Words,
    labels: Labels,
    private readonly editor: TemplateEditor,
    private readonly analysis: Analysis,
  ) {
    const { tx } = labels;
    this.pane = h('div', { id: 'diff-pane', hidden: true }, this.caption, this.host);
    const swapBtn = tx(h('button', { type: 'button', id: 'diff-swap' }), 'diffSwap');
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
      this.view,
    );
    for (const f of formsOf(store.catalogue)) this.formSelect.append(h('option', { value: f }, f));

    this.formSelect.addEventListener('change', () => store.dispatch({ type: 'diff/form', form: this.formSelect.value }));
    this.fromSelect.addEventListener('change', () => store.dispatch({ type: 'diff/from', file: this.fromSelect.value }));
    this.toSelect.addEventListener('change', () => store.dispatch({ type: 'diff/to', file: this.toSelect.value }));
    swapBtn.addEventListener('click', () => store.dispatch({ type: 'diff/swap' }));

    store.subscribe((s, prev, a) => {
      const active = s.tab === 'diff';
      // the diff mode swaps the left pane: the template editor gives way to the diff editor
      if (active !== (prev.tab === 'diff')) this.setMode(active);
      if (a.type === 'diff/form' || a.type === 'diff/from' || a.type === 'diff/to' || a.type === 'diff/swap') {
        this.showPick();
        void this.update();
      }
      if (active && filingEdited(s, prev, a)) {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.update(), FILING_DEBOUNCE_MS);
      }
      // a switch of template or of mapping changes what is compared: at once
      if (active && ((a.type === 'template/select' && s.file !== prev.file) || a.type === 'mapping/apply' || a.type === 'mapping/clear')) void this.update();
      if (s.lang !== prev.lang) {
        this.diffEditor?.updateOptions({ ariaLabel: w.t('diffEditorLabel') });
        if (s.lastDiff) renderDiff(this.view, w, s.lastDiff);
      }
    });
  }

  /** Monaco's diff editor (null before the tab was first opened). */
  editorOrNull(): monaco.editor.IStandaloneDiffEditor | null {
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
    this.editor.host.hidden = on;
    if (!on) return;
    if (!this.diffEditor) {
      this.showPick();
      this.models = {
        original: monaco.editor.createModel('', LANGUAGE_ID, monaco.Uri.parse('inmemory://jixiao/diff/original.jx')),
        modified: monaco.editor.createModel('', LANGUAGE_ID, monaco.Uri.parse('inmemory://jixiao/diff/modified.jx')),
      };
      this.diffEditor = monaco.editor.createDiffEditor(this.host, {
        theme: 'jixiao',
        automaticLayout: true,
        readOnly: true,
        originalEditable: false,
        renderSideBySide: true,
        useInlineViewWhenSpaceIsLimited: false,
        minimap: { enabled: false },
        fontSize: 13,
        fontFamily: EDITOR_FONT,
        lineNumbersMinChars: 3,
        wordWrap: 'on',
        diffWordWrap: 'on',
        renderOverviewRuler: false,
        ariaLabel: this.w.t('diffEditorLabel'),
      });
      this.diffEditor.setModel(this.models);
    }
    void this.update();
  }

  private async update(): Promise<void> {
    const { store, w } = this;
    const pick = store.state.diffPick;
    if (!this.diffEditor || !this.models || !pick) return;
    const entry = (file: string) => store.catalogue.find((o) => o.file === file);
    const a = entry(pick.from);
    const b = entry(pick.to);
    if (!a || !b) return;
    const ta = store.templateText(a.file)!;
    const tb = store.templateText(b.file)!;
    const edited = (o: typeof a, text: string) => (text !== o.text ? ` ${w.t('diffEdited')}` : '');
    this.caption.textContent = `${a.file}${edited(a, ta)}  ⟷  ${b.file}${edited(b, tb)}`;
    if (this.models.original.getValue() !== ta) this.models.original.setValue(ta);
    if (this.models.modified.getValue() !== tb) this.models.modified.setValue(tb);
    if (a.file === b.file) {
      store.dispatch({ type: 'diff/reply', reply: null });
      const years = entriesOf(store.catalogue, pick.form).length;
      this.view.replaceChildren(h('p', { class: 'notice' }, w.t(years < 2 ? 'diffOneYear' : 'diffSameYear')));
      return;
    }
    const seq = ++this.seq;
    if (!store.state.lastDiff) renderDiff(this.view, w, null);
    const { filing, mapping } = store.state;
    const req = { kind: 'diff' as const, seq, from: { file: a.file, text: ta }, to: { file: b.file, text: tb }, filing };
    const reply = await this.analysis.diff(mapping ? { ...req, mapping } : req);
    if (reply.seq !== this.seq) return; // a newer comparison follows
    store.dispatch({ type: 'diff/reply', reply });
    renderDiff(this.view, w, reply);
  }
}
