// The 填报表 tab: the filing as pasted text (粘贴) or as a grid (表格), the column-mapping
// step when the pasted table's header is not recognised, and the notes from reading it.
// Once the grid is edited the filing is its canonical JSON (what a link then carries).
import type { Filing } from '@jixiao/engine';
import type { Words } from '../i18n.ts';
import { SEED_FILING } from '../rules.ts';
import type { FilingMode, Store } from '../state/store.ts';
import { h } from '../ui/dom.ts';
import { FilingGrid } from '../ui/grid.ts';
import type { Labels } from '../ui/labels.ts';
import { MappingStep } from '../ui/mapping.ts';
import type { AnalyseReply } from '../worker/protocol.ts';

export class FilingTab {
  readonly panel: HTMLElement;
  private readonly textarea: HTMLTextAreaElement;
  private readonly gridHost = h('div', { id: 'grid', hidden: true });
  private readonly mappingHost = h('div', { id: 'mapping' });
  private readonly problems = h('div', { id: 'filing-problems' });
  private readonly modeGridBtn: HTMLButtonElement;
  private readonly modePasteBtn: HTMLButtonElement;
  private readonly hint: HTMLElement;
  private readonly grid: FilingGrid;
  private readonly mapping: MappingStep;
  /** the filing text the grid shows (null: reload it from the next analysis) */
  private gridText: string | null = null;
  /** a mapping was applied: say so once the filing reads with it */
  private pendingMappingToast = false;

  constructor(
    private readonly store: Store,
    private readonly w: Words,
    labels: Labels,
  ) {
    const { tx } = labels;
    this.textarea = tx(h('textarea', { id: 'filing', spellcheck: 'false', wrap: 'off' }), 'tabFiling', 'aria-label');
    this.textarea.value = store.state.filing;
    const resetBtn = tx(h('button', { type: 'button', id: 'reset-filing' }), 'resetFiling');
    this.modeGridBtn = tx(h('button', { type: 'button', id: 'filing-mode-grid', 'aria-pressed': 'false' }), 'filingModeGrid');
    this.modePasteBtn = tx(h('button', { type: 'button', id: 'filing-mode-paste', 'aria-pressed': 'true' }), 'filingModePaste');
    const modeGroup = tx(h('div', { class: 'seg', role: 'group' }, this.modeGridBtn, this.modePasteBtn), 'filingMode', 'aria-label');
    this.hint = tx(h('p', { class: 'hint' }), 'filingHint');
    this.panel = h('div', { class: 'filing-tab' }, h('div', { class: 'bar-row' }, modeGroup, this.hint, resetBtn), this.mappingHost, this.textarea, this.gridHost, this.problems);

    this.mapping = new MappingStep(w);
    this.grid = new FilingGrid(this.gridHost, w, (f: Filing) => {
      // the grid's filing, as canonical JSON, is the filing from now on (and what a link carries)
      const text = JSON.stringify(f, null, 2);
      this.gridText = text;
      store.dispatch({ type: 'filing/grid', text });
    });
    this.grid.relabel();

    this.textarea.addEventListener('input', () => store.dispatch({ type: 'filing/type', text: this.textarea.value }));
    resetBtn.addEventListener('click', () => store.dispatch({ type: 'filing/reset', text: SEED_FILING }));
    this.modeGridBtn.addEventListener('click', () => store.dispatch({ type: 'filing/mode', mode: 'grid' }));
    this.modePasteBtn.addEventListener('click', () => store.dispatch({ type: 'filing/mode', mode: 'paste' }));

    store.subscribe((s, prev, a) => {
      // the textarea follows the filing wherever it changed (grid, JSON tab, reset, link)
      if (s.filing !== prev.filing && this.textarea.value !== s.filing) this.textarea.value = s.filing;
      if (a.type === 'filing/mode') this.setMode(a.mode);
      if (a.type === 'analysis/reply') this.show(a.reply);
      if (s.lang !== prev.lang) {
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

  private markGrid(reply: AnalyseReply): void {
    this.grid.mark(reply.score.kind === 'report' ? reply.score.report.findings : []);
  }

  private setMode(m: FilingMode): void {
    this.modeGridBtn.setAttribute('aria-pressed', String(m === 'grid'));
    this.modePasteBtn.setAttribute('aria-pressed', String(m === 'paste'));
    this.gridHost.hidden = m !== 'grid';
    this.textarea.hidden = m === 'grid';
    this.hint.hidden = m === 'grid';
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
    this.problems.replaceChildren();
    if (f.problems.length)
      this.problems.append(
        h('h3', {}, w.t('filingProblems')),
        h('ul', {}, ...f.problems.map((p) => h('li', { class: `sev-${p.severity}` }, (p.line ? `${p.line}: ` : '') + w.pick(p.message)))),
      );
  }
}
