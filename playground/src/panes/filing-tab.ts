// The 填报表 tab: the filing as pasted text (粘贴) or as a grid (表格), the column-mapping
// step when the pasted table's header is not recognised, and the notes from reading it.
// A pasted table is also shown aligned, cell under cell, with its line numbers (the notes
// name lines: a click on one shows it). Once the grid is edited the filing is its canonical
// JSON (what a link then carries); the pasted table's notes stay until dismissed.
import { parseTsv, type Filing } from '@jixiao/engine';
import type { Words } from '../i18n.ts';
import { sampleFor } from '../rules.ts';
import type { FilingMode, KeptNote, Store } from '../state/store.ts';
import { h, keepFocus } from '../ui/dom.ts';
import { FilingGrid } from '../ui/grid.ts';
import type { Labels } from '../ui/labels.ts';
import { MappingStep } from '../ui/mapping.ts';
import type { AnalyseReply } from '../worker/protocol.ts';

/** rows of the aligned view (a pasted table is rarely longer; the text keeps the rest) */
const PREVIEW_ROWS = 400;

export class FilingTab {
  readonly panel: HTMLElement;
  private readonly textarea: HTMLTextAreaElement;
  private readonly gridHost = h('div', { id: 'grid', hidden: true });
  private readonly mappingHost = h('div', { id: 'mapping' });
  private readonly problems = h('div', { id: 'filing-problems', tabindex: -1 });
  /** the aligned view scrolls: it takes the focus, so the keyboard scrolls it too */
  private readonly preview = h('div', { id: 'filing-preview', class: 'preview', tabindex: 0, role: 'region', 'aria-labelledby': 'filing-aligned-title' });
  private readonly pasteArea: HTMLElement;
  private readonly modeGridBtn: HTMLButtonElement;
  private readonly modePasteBtn: HTMLButtonElement;
  private readonly resetBtn: HTMLButtonElement;
  private readonly grid: FilingGrid;
  private readonly mapping: MappingStep;
  /** the filing text the grid shows (null: reload it from the next analysis) */
  private gridText: string | null = null;
  /** the filing text the aligned view shows */
  private previewText: string | null = null;
  /** a mapping was applied: say so once the filing reads with it */
  private pendingMappingToast = false;

  constructor(
    private readonly store: Store,
    private readonly w: Words,
    labels: Labels,
  ) {
    const { tx } = labels;
    this.textarea = tx(h('textarea', { id: 'filing', spellcheck: 'false', wrap: 'off', 'aria-describedby': 'filing-hint' }), 'tabFiling', 'aria-label');
    tx(this.textarea, 'filingPlaceholder', 'placeholder');
    this.textarea.value = store.state.filing;
    this.resetBtn = h('button', { type: 'button', id: 'reset-filing' });
    this.modeGridBtn = tx(h('button', { type: 'button', id: 'filing-mode-grid', 'aria-pressed': 'false' }), 'filingModeGrid');
    this.modePasteBtn = tx(h('button', { type: 'button', id: 'filing-mode-paste', 'aria-pressed': 'true' }), 'filingModePaste');
    const modeGroup = tx(h('div', { class: 'seg', role: 'group' }, this.modeGridBtn, this.modePasteBtn), 'filingMode', 'aria-label');
    const hint = tx(h('p', { class: 'hint', id: 'filing-hint' }), 'filingHint');
    const previewTitle = tx(h('h2', { class: 'preview-title', id: 'filing-aligned-title' }), 'filingAligned');
    this.pasteArea = h('div', { class: 'paste-area' }, hint, this.textarea, previewTitle, this.preview);
    this.panel = h(
      'div',
      { class: 'filing-tab' },
      h('div', { class: 'bar-row' }, modeGroup, h('span', { class: 'spacer' }), this.resetBtn),
      this.mappingHost,
      this.pasteArea,
      this.gridHost,
      this.problems,
    );

    this.mapping = new MappingStep(w);
    this.grid = new FilingGrid(this.gridHost, w, (f: Filing) => {
      // the grid's filing, as canonical JSON, is the filing from now on (and what a link carries)
      const text = JSON.stringify(f, null, 2);
      this.gridText = text;
      store.dispatch({ type: 'filing/grid', text });
    });
    this.grid.relabel();
    this.relabelReset();
    this.showPreview();

    this.textarea.addEventListener('input', () => store.dispatch({ type: 'filing/type', text: this.textarea.value }));
    // 恢复样例: the sample of the form of the template in the editor
    this.resetBtn.addEventListener('click', () => store.dispatch({ type: 'filing/reset', text: sampleFor(store.state.file).text }));
    this.modeGridBtn.addEventListener('click', () => store.dispatch({ type: 'filing/mode', mode: 'grid' }));
    this.modePasteBtn.addEventListener('click', () => store.dispatch({ type: 'filing/mode', mode: 'paste' }));

    store.subscribe((s, prev, a) => {
      // the textarea follows the filing wherever it changed (grid, JSON tab, reset, link)
      if (s.filing !== prev.filing && this.textarea.value !== s.filing) this.textarea.value = s.filing;
      if (s.filing !== prev.filing) this.showPreview();
      if (a.type === 'filing/mode') this.setMode(a.mode);
      if (a.type === 'analysis/reply') this.show(a.reply);
      if (s.file !== prev.file) this.relabelReset();
      if (s.keptNotes !== prev.keptNotes && s.last && a.type !== 'analysis/reply') this.show(s.last);
      if (s.lang !== prev.lang) {
        this.relabelReset();
        if (s.last) this.show(s.last);
        this.grid.relabel();
        if (s.last) this.markGrid(s.last);
      }
    });
  }

  /** The filing the grid holds (for the test hooks). */
  gridValue(): Filing | null {
    return this.grid.value();
  }

  /** Focus the mapping step's first field (the score panel's 指定各列… link). */
  focusMapping(): void {
    this.mappingHost.querySelector<HTMLElement>('select')?.focus();
  }

  /** 恢复样例填报表 names the form whose sample it restores. */
  private relabelReset(): void {
    const ex = sampleFor(this.store.state.file);
    this.resetBtn.textContent = ex.form ? this.w.t('resetFilingOf', { form: ex.form }) : this.w.t('resetFiling');
  }

  /** The pasted text as a table, cell under cell, each row with its line number. */
  private showPreview(): void {
    const text = this.store.state.filing;
    if (text === this.previewText) return;
    this.previewText = text;
    const json = text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .startsWith('{');
    if (json || text.trim() === '') {
      this.preview.replaceChildren(h('p', { class: 'muted' }, this.w.t(json ? 'filingAlignedJson' : 'filingAlignedEmpty')));
      return;
    }
    const grid = parseTsv(text);
    const width = Math.max(0, ...grid.rows.map((r) => r.cells.length));
    const rows = grid.rows
      .slice(0, PREVIEW_ROWS)
      .map((r) =>
        h('tr', { 'data-line': r.line }, h('th', { scope: 'row', class: 'ln' }, String(r.line)), ...Array.from({ length: width }, (_, i) => h('td', {}, r.cells[i]?.text ?? ''))),
      );
    this.preview.replaceChildren(h('table', { class: 'aligned', translate: 'no' }, h('tbody', {}, ...rows)));
  }

  /** Bring a line of the pasted table into view in the aligned view, marked. */
  private showLine(line: number): void {
    if (this.store.state.filingMode !== 'paste') this.store.dispatch({ type: 'filing/mode', mode: 'paste' });
    for (const tr of this.preview.querySelectorAll('tr.marked')) tr.classList.remove('marked');
    const tr = this.preview.querySelector<HTMLElement>(`tr[data-line="${line}"]`);
    if (!tr) return;
    tr.classList.add('marked');
    tr.scrollIntoView({ block: 'center' });
  }

  private markGrid(reply: AnalyseReply): void {
    this.grid.mark(reply.score.kind === 'report' ? reply.score.report.findings : []);
  }

  private setMode(m: FilingMode): void {
    this.modeGridBtn.setAttribute('aria-pressed', String(m === 'grid'));
    this.modePasteBtn.setAttribute('aria-pressed', String(m === 'paste'));
    this.gridHost.hidden = m !== 'grid';
    this.pasteArea.hidden = m === 'grid';
    if (m === 'grid') {
      this.gridText = null;
      // the last analysis of the current filing text fills the grid now; otherwise the next one
      const { last, seq, filing } = this.store.state;
      if (last && last.seq === seq) {
        this.grid.load(last.score.filing.json);
        this.gridText = filing;
        this.markGrid(last);
      }
    }
  }

  private notes(title: string, list: KeptNote[], dismiss: boolean): HTMLElement {
    const { w } = this;
    const head = h('h2', {}, title);
    if (dismiss) {
      const b = h('button', { type: 'button', class: 'dismiss', 'data-focus-key': 'dismiss-kept' }, w.t('notesDismiss'));
      b.addEventListener('click', () => this.store.dispatch({ type: 'notes/dismiss' }));
      head.append(' ', b);
    }
    return h(
      'div',
      { class: dismiss ? 'kept-notes' : '' },
      head,
      h(
        'ul',
        {},
        ...list.map((p, i) => {
          const li = h('li', { class: `sev-${p.severity}` }, h('code', {}, p.code), ' ');
          if (p.line !== undefined) {
            const line = p.line;
            const b = h('button', { type: 'button', class: 'link', 'data-focus-key': `note:${i}` }, w.t('lineN', { n: line }));
            b.addEventListener('click', () => this.showLine(line));
            li.append(b, w.t('colon'));
          }
          li.append(w.pick(p.message));
          return li;
        }),
      ),
    );
  }

  private show(reply: AnalyseReply): void {
    const { store, w } = this;
    const f = reply.score.filing;
    this.mapping.render(this.mappingHost, f.mapping, {
      apply: (choice) => {
        this.pendingMappingToast = true;
        store.dispatch({ type: 'mapping/apply', choice });
      },
      clear: () => store.dispatch({ type: 'mapping/clear' }),
    });
    if (this.pendingMappingToast && f.mapping?.applied && f.json) {
      this.pendingMappingToast = false;
      store.dispatch({ type: 'toast', key: 'mapApplied' });
    }
    // the grid follows the filing text when it changed elsewhere (paste, JSON tab, reset, link)
    const s = store.state;
    if (s.filingMode === 'grid' && reply.seq === s.seq && this.gridText !== s.filing) {
      this.grid.load(f.json);
      this.gridText = s.filing;
    }
    this.markGrid(reply);
    keepFocus(this.problems, () => {
      this.problems.replaceChildren();
      if (f.problems.length) this.problems.append(this.notes(w.t('filingProblems'), f.problems, false));
      // the pasted table's notes, once the filing is the grid's or the JSON tab's
      if (f.format === 'json' && s.keptNotes.length) this.problems.append(this.notes(w.t('notesKept'), s.keptNotes, true));
    });
  }
}
