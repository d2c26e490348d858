// The page's state, in one place: every pane reads it from here and changes it by
// dispatching an action; nothing else on the page keeps state between events (the panes
// keep only their DOM, Monaco objects and timers). A small hand-written store: a pure
// reducer (`reduce`, tested on its own) and synchronous subscription.
//
// This module touches no DOM and no bundler feature, so it runs under plain vitest.
import type { Key, Lang } from '../i18n.ts';
import type { OfficialTemplate } from '../rules.ts';
import type { ScoreView } from '../scoring.ts';
import type { SharedState } from '../share.ts';
import type { AnalyseReply, DiffReply, MappingChoice, Outline } from '../worker/protocol.ts';

export type TabId = 'score' | 'filing' | 'json' | 'diff';
export type FilingMode = 'grid' | 'paste';

/** An official template as the store needs it (the page's are in rules.ts). */
export type TemplateEntry = Pick<OfficialTemplate, 'file' | 'region' | 'form' | 'year' | 'text'>;

/** The two templates of one form compared on the 对比 tab: any two (jurisdiction, year), by file. */
export interface DiffPick {
  form: string;
  from: string;
  to: string;
}

/** A note from reading a pasted table (IMP…), kept after the filing became the grid's JSON. */
export interface KeptNote {
  code: string;
  severity: 'error' | 'warning' | 'info';
  line?: number;
  message: { zh: string; en: string };
}

/** A filing loaded on the 对比 tab to see a change's impact on many (file name and text). */
export interface LoadedFiling {
  name: string;
  text: string;
}

export interface Toast {
  key: Key;
  vars?: Record<string, string | number>;
  /** counts toasts, so the same message said twice is shown (and timed) twice */
  n: number;
}

export interface PageState {
  lang: Lang;
  tab: TabId;
  /** the official template the editor started from, e.g. rules/甘肃/2023/部门整体支出.jx */
  file: string;
  year: number;
  /**
   * The template texts as edited, per official template, so switching years keeps what was
   * typed. The editor's own file is always here and always current (each edit lands here).
   */
  buffers: ReadonlyMap<string, string>;
  /**
   * The number of the editor's text: one more at every edit, switch of template or link.
   * Page-wide (each template has its own Monaco model, whose version ids restart at 1),
   * so a reply for any earlier text is recognised as stale.
   */
  version: number;
  /** where the last edit of the template was made (a sum error is also shown there) */
  lastEditAt: { line: number; column: number } | null;
  /** the filing as text: TSV as pasted, or JSON (from the grid or the JSON tab) */
  filing: string;
  filingMode: FilingMode;
  /** the JSON tab holds an edit that has not (yet) replaced the filing */
  jsonDirty: boolean;
  /**
   * The notes (warnings, errors) from reading the pasted table, kept once the filing is the
   * grid's or the JSON tab's JSON (which has no such notes), until the user dismisses them.
   */
  keptNotes: KeptNote[];
  /** the column mapping chosen in the mapping step (sent with every analysis) */
  mapping: MappingChoice | null;
  /** the row selected in the rows table (its path joined by ' › ') */
  selectedRow: string | null;
  /** the number of the latest analysis request: `last.seq === seq` when the last reply is of the current filing */
  seq: number;
  /** the last analysis of the editor's current version */
  last: AnalyseReply | null;
  /** the last outline the template yielded (kept while the text does not parse) */
  outline: Outline | null;
  /** the last score under a valid template, shown dimmed under the errors */
  lastGood: ScoreView | null;
  /** the last keystroke → markers time, ms */
  latency: number | null;
  /** what the 对比 tab compares (null until it is first opened) */
  diffPick: DiffPick | null;
  /** the comparison shown on the 对比 tab (null while none is) */
  lastDiff: DiffReply | null;
  /** the 对比 tab compares the templates with 继承 resolved (what is in force), not their texts */
  diffResolved: boolean;
  /** filings loaded on the 对比 tab: the impact is shown on each of them too */
  diffFilings: LoadedFiling[];
  /** the guided start is open */
  guide: boolean;
  /** the left pane's share of the width (the divider between editor and panel) */
  split: number;
  /** the error code whose explanation (docs/errors.md) is open, null when none */
  doc: string | null;
  toast: Toast | null;
}

export type Action =
  | { type: 'lang'; lang: Lang }
  | { type: 'tab'; tab: TabId }
  /** another official template into the editor (its buffer, or its official text) */
  | { type: 'template/select'; file: string }
  /** the editor's text changed by typing, pasting, a fix or undo (`at`: where) */
  | { type: 'template/edit'; text: string; at?: { line: number; column: number } }
  /** typed or pasted into the filing textarea */
  | { type: 'filing/type'; text: string }
  /** the grid's filing, as canonical JSON */
  | { type: 'filing/grid'; text: string }
  /** the JSON tab's text validated: it replaces the filing (when it differs) */
  | { type: 'filing/json'; text: string }
  /** 恢复样例填报表: the seed filing, no mapping, no selection */
  | { type: 'filing/reset'; text: string }
  | { type: 'filing/mode'; mode: FilingMode }
  /** the JSON tab was edited */
  | { type: 'json/edit' }
  /** the kept notes of the pasted table were read: drop them */
  | { type: 'notes/dismiss' }
  | { type: 'mapping/apply'; choice: MappingChoice }
  | { type: 'mapping/clear' }
  | { type: 'row/select'; key: string | null }
  /** a new analysis request is made: seq + 1 */
  | { type: 'analysis/request' }
  | { type: 'analysis/reply'; reply: AnalyseReply }
  | { type: 'analysis/latency'; ms: number }
  /** a shared link's state replaces the page's */
  | { type: 'link/restore'; shared: SharedState }
  | { type: 'diff/form'; form: string }
  | { type: 'diff/from'; file: string }
  | { type: 'diff/to'; file: string }
  | { type: 'diff/swap' }
  /** the comparison on the 对比 tab (null: none, e.g. the same year twice) */
  | { type: 'diff/reply'; reply: DiffReply | null }
  | { type: 'diff/resolved'; on: boolean }
  | { type: 'diff/filings'; filings: LoadedFiling[] }
  | { type: 'guide'; open: boolean }
  | { type: 'split'; share: number }
  | { type: 'doc'; code: string | null }
  | { type: 'toast'; key: Key; vars?: Record<string, string | number> };

export interface InitialOptions {
  file: string;
  year: number;
  template: string;
  filing: string;
  lang?: Lang;
  /** open the guided start (a first visit) */
  guide?: boolean;
}

/** The divider keeps both panes usable: neither below a fifth of the width. */
export const SPLIT_MIN = 0.2;
export const SPLIT_MAX = 0.8;

export function initialState(o: InitialOptions): PageState {
  return {
    lang: o.lang ?? 'zh',
    tab: 'score',
    file: o.file,
    year: o.year,
    buffers: new Map([[o.file, o.template]]),
    version: 1,
    lastEditAt: null,
    filing: o.filing,
    filingMode: 'paste',
    jsonDirty: false,
    keptNotes: [],
    mapping: null,
    selectedRow: null,
    seq: 0,
    last: null,
    outline: null,
    lastGood: null,
    latency: null,
    diffPick: null,
    lastDiff: null,
    diffResolved: true,
    diffFilings: [],
    guide: o.guide ?? false,
    split: 0.55,
    doc: null,
    toast: null,
  };
}

/** The forms of the catalogue, in its order. */
export function formsOf(catalogue: readonly TemplateEntry[]): string[] {
  return [...new Set(catalogue.map((o) => o.form))];
}

/** The templates of a form in the catalogue, by jurisdiction (in the catalogue's order), oldest year first. */
export function entriesOf(catalogue: readonly TemplateEntry[], form: string): TemplateEntry[] {
  const regions = [...new Set(catalogue.map((o) => o.region))];
  return catalogue.filter((o) => o.form === form).sort((a, b) => regions.indexOf(a.region) - regions.indexOf(b.region) || a.year - b.year);
}

/**
 * The two templates the 对比 tab starts from for `form`: the editor's against the next year
 * of its jurisdiction (or, for the newest, the previous one against it); for another form
 * than the editor's, the two newest years of the editor's jurisdiction, or of the first
 * jurisdiction with that form. A jurisdiction of one year is compared with itself.
 */
export function defaultPick(catalogue: readonly TemplateEntry[], form: string, file: string): DiffPick {
  const editor = catalogue.find((o) => o.file === file);
  const all = entriesOf(catalogue, form);
  // the editor's jurisdiction when it has templates of this form, else the first that does
  const region = editor && all.some((o) => o.region === editor.region) ? editor.region : all[0]?.region;
  const own = all.filter((o) => o.region === region);
  const cur = editor && editor.form === form ? own.findIndex((o) => o.file === editor.file) : own.length - 1;
  const i = Math.max(0, cur);
  const from = i + 1 < own.length ? own[i]! : own[Math.max(0, i - 1)]!;
  const to = i + 1 < own.length ? own[i + 1]! : own[i]!;
  return { form, from: from.file, to: to.file };
}

/** The page's state after `a`. Pure: the same state and action give the same result. */
export function reduce(s: PageState, a: Action, catalogue: readonly TemplateEntry[]): PageState {
  switch (a.type) {
    case 'lang':
      return s.lang === a.lang ? s : { ...s, lang: a.lang };
    case 'tab': {
      if (s.tab === a.tab) return s;
      if (a.tab !== 'diff' || s.diffPick) return { ...s, tab: a.tab };
      // the 对比 tab opens on the editor's form, the first time
      const form = catalogue.find((o) => o.file === s.file)?.form ?? formsOf(catalogue)[0];
      return { ...s, tab: a.tab, diffPick: form === undefined ? null : defaultPick(catalogue, form, s.file) };
    }
    case 'template/select': {
      const o = catalogue.find((x) => x.file === a.file);
      if (!o || o.file === s.file) return s;
      // the template's own text comes in (its buffer, untouched by the switch)
      const buffers = s.buffers.has(o.file) ? s.buffers : new Map(s.buffers).set(o.file, o.text);
      return { ...s, file: o.file, year: o.year, buffers, version: s.version + 1, lastEditAt: null };
    }
    case 'template/edit':
      return { ...s, version: s.version + 1, lastEditAt: a.at ?? null, buffers: new Map(s.buffers).set(s.file, a.text) };
    case 'filing/type':
    case 'filing/grid':
      return { ...s, filing: a.text };
    case 'filing/json':
      return { ...s, filing: a.text, jsonDirty: false };
    case 'filing/reset':
      return { ...s, filing: a.text, jsonDirty: false, mapping: null, selectedRow: null, keptNotes: [] };
    case 'notes/dismiss':
      return s.keptNotes.length ? { ...s, keptNotes: [] } : s;
    case 'filing/mode':
      return s.filingMode === a.mode ? s : { ...s, filingMode: a.mode };
    case 'json/edit':
      return s.jsonDirty ? s : { ...s, jsonDirty: true };
    case 'mapping/apply':
      // the rows are read anew: a selected row may not be there any more
      return { ...s, mapping: a.choice, selectedRow: null };
    case 'mapping/clear':
      return { ...s, mapping: null };
    case 'row/select':
      return { ...s, selectedRow: a.key };
    case 'analysis/request':
      return { ...s, seq: s.seq + 1 };
    case 'analysis/reply': {
      const r = a.reply;
      const f = r.score.filing;
      return {
        ...s,
        last: r,
        // a pasted table's notes are kept for when it becomes JSON (the grid, the JSON tab)
        keptNotes: f.format === 'tsv' ? f.problems.filter((p) => p.severity !== 'info') : s.keptNotes,
        // a text that does not parse keeps the last outline (completion, hover, reveal go on)
        outline: r.outline ?? s.outline,
        lastGood: r.score.kind !== 'none' ? r.score : s.lastGood,
      };
    }
    case 'analysis/latency':
      return { ...s, latency: a.ms };
    case 'link/restore': {
      const l = a.shared;
      // the mapping and the selection stay: they apply while the filing reads the same
      return {
        ...s,
        file: l.file,
        year: l.year,
        buffers: new Map(s.buffers).set(l.file, l.template),
        version: s.version + 1,
        lastEditAt: null,
        filing: l.filing,
        jsonDirty: false,
        lang: l.lang ?? s.lang,
      };
    }
    case 'diff/form':
      // a new form: its default years, and nothing shown until they are compared
      return { ...s, diffPick: defaultPick(catalogue, a.form, s.file), lastDiff: null };
    case 'diff/from':
      return s.diffPick ? { ...s, diffPick: { ...s.diffPick, from: a.file } } : s;
    case 'diff/to':
      return s.diffPick ? { ...s, diffPick: { ...s.diffPick, to: a.file } } : s;
    case 'diff/swap':
      return s.diffPick ? { ...s, diffPick: { ...s.diffPick, from: s.diffPick.to, to: s.diffPick.from } } : s;
    case 'diff/reply':
      return { ...s, lastDiff: a.reply };
    case 'diff/resolved':
      return s.diffResolved === a.on ? s : { ...s, diffResolved: a.on };
    case 'diff/filings':
      return { ...s, diffFilings: a.filings };
    case 'guide':
      return s.guide === a.open ? s : { ...s, guide: a.open };
    case 'split': {
      const share = Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, a.share));
      return share === s.split ? s : { ...s, split: share };
    }
    case 'doc':
      return s.doc === a.code ? s : { ...s, doc: a.code };
    case 'toast': {
      const toast: Toast = { key: a.key, n: (s.toast?.n ?? 0) + 1 };
      if (a.vars) toast.vars = a.vars;
      return { ...s, toast };
    }
  }
}

/**
 * The filing was edited in the page (typed, in the grid, or by valid JSON that differs):
 * it is analysed again, and so is the comparison on the 对比 tab. A reset or a link is
 * not an edit here (they make their own requests).
 */
export function filingEdited(s: PageState, prev: PageState, a: Action): boolean {
  return a.type === 'filing/type' || a.type === 'filing/grid' || (a.type === 'filing/json' && s.filing !== prev.filing);
}

/** A listener hears of every action, with the state right after it and the state before. */
export type Listener = (state: PageState, prev: PageState, action: Action) => void;

export class Store {
  private current: PageState;
  private readonly listeners: Listener[] = [];
  private readonly queue: [PageState, PageState, Action][] = [];
  private notifying = false;

  constructor(
    initial: PageState,
    /** the official templates the page bundles */
    readonly catalogue: readonly TemplateEntry[],
  ) {
    this.current = initial;
  }

  get state(): PageState {
    return this.current;
  }

  /**
   * Apply an action. The state changes at once (`state` is current right after the call,
   * also inside a listener); listeners hear of actions in the order they were dispatched:
   * an action dispatched by a listener is announced after the one being announced, so each
   * listener sees every action once, with the state that action produced. A listener that
   * throws does not stop the others; the first error is rethrown once all have run.
   */
  dispatch(action: Action): void {
    const prev = this.current;
    this.current = reduce(prev, action, this.catalogue);
    this.queue.push([this.current, prev, action]);
    if (this.notifying) return;
    this.notifying = true;
    let failure: { error: unknown } | null = null;
    try {
      for (let item = this.queue.shift(); item; item = this.queue.shift())
        for (const l of [...this.listeners])
          try {
            l(...item);
          } catch (error) {
            failure ??= { error };
          }
    } finally {
      this.notifying = false;
    }
    if (failure) throw failure.error;
  }

  /** Hear of every action from now on; returns the unsubscribe function. */
  subscribe(l: Listener): () => void {
    this.listeners.push(l);
    return () => {
      const i = this.listeners.indexOf(l);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** The text of an official template as the page has it: with the edits made in the editor, if any. */
  templateText(file: string): string | undefined {
    return this.current.buffers.get(file) ?? this.catalogue.find((o) => o.file === file)?.text;
  }

  /** The editor's text. */
  template(): string {
    return this.current.buffers.get(this.current.file) ?? '';
  }

  /** What a shared link carries. */
  shared(): SharedState {
    const s = this.current;
    return { file: s.file, year: s.year, template: this.template(), filing: s.filing, lang: s.lang };
  }
}
