// window.__jixiao: what test/browser and bench/browser-latency.ts read (playground/README.md,
// “Test hooks”). Read-only views of the store and the panes, plus `lang` to switch.
import type { Lang } from './i18n.ts';
import type { Analysis } from './state/analysis.ts';
import type { Store } from './state/store.ts';
import type { DiffTab } from './panes/diff-tab.ts';
import type { EditorHost } from './panes/template-view.ts';
import type { FilingTab } from './panes/filing-tab.ts';

declare global {
  interface Window {
    __jixiao: unknown;
  }
}

export function installTestHooks(p: { store: Store; analysis: Analysis; editor: EditorHost; filing: FilingTab; diff: DiffTab }): void {
  const { store, analysis, editor, filing, diff } = p;
  const s = () => store.state;
  const text = () => editor.editor()?.model.getValue() ?? store.template();
  window.__jixiao = {
    markers: () => editor.markers(),
    /** the text version the markers and the score panel show (equal to version() when settled) */
    analysedVersion: () => s().last?.version ?? -1,
    /** true when the markers and the panel show the current template and filing */
    settled: () => {
      const last = s().last;
      return !!last && last.version === s().version && last.seq === s().seq;
    },
    /** load Monaco (the first screen shows the template without it); resolves when the editor is there */
    loadEditor: async () => {
      await editor.load();
      return true;
    },
    /** whether Monaco has loaded */
    editorLoaded: () => editor.editor() !== null,
    version: () => s().version,
    template: text,
    filing: () => s().filing,
    state: () => ({ ...store.shared(), template: text() }),
    /** the page's whole state (read-only) */
    page: () => s(),
    score: () => s().last?.score ?? null,
    latencies: () => [...analysis.latencies],
    /** keystroke → score table updated, ms (performance.measure('jx-keystroke-score')) */
    scoreLatencies: () => [...analysis.scoreLatencies],
    workerMs: () => s().last?.workerMs ?? null,
    get editor() {
      return editor.editor()?.editor ?? null;
    },
    /** the years diff shown on the 对比 tab (null before it was opened) */
    diff: () => s().lastDiff,
    diffEditor: () => diff.editorOrNull()?.editor ?? null,
    /** the column mapping in force (from the mapping step) */
    mapping: () => s().mapping,
    selectedRow: () => s().selectedRow,
    /** the 填报表 tab's mode and the filing the grid holds */
    filingMode: () => s().filingMode,
    grid: () => filing.gridValue(),
    /** replace the filing as if typed (a background re-analysis, the focus stays where it is) */
    setFiling: (text: string) => store.dispatch({ type: 'filing/type', text }),
    lang: (l?: Lang) => {
      if (l) store.dispatch({ type: 'lang', lang: l });
      return s().lang;
    },
  };
}
