// The playground page: the template on the left, the filing and its score on the right.
// Analysis (parse, check, score) runs in a worker. This module builds the layout and wires
// the panes to the one store (state/store.ts); it keeps no state itself. Monaco is not
// part of the first screen: the template shows in a light view until it is edited
// (panes/template-view.ts), and the 对比 tab loads the diff editor when opened.
import './style.css';
import { words } from './i18n.ts';
import { DEFAULT_FILE, DEFAULT_TEMPLATE, officialTemplates, SEED_FILING } from './rules.ts';
import { readLink } from './share.ts';
import { Analysis } from './state/analysis.ts';
import { initialState, Store } from './state/store.ts';
import { DiffTab } from './panes/diff-tab.ts';
import { Divider, SPLIT_KEY } from './panes/divider.ts';
import { DocsDialog } from './panes/docs.ts';
import { FilingTab } from './panes/filing-tab.ts';
import { Guide, guideDone } from './panes/guide.ts';
import { JsonTab } from './panes/json-tab.ts';
import { ScoreTab } from './panes/score-tab.ts';
import { StatusBar } from './panes/status.ts';
import { Tabs } from './panes/tabs.ts';
import { EditorHost } from './panes/template-view.ts';
import { Toolbar } from './panes/toolbar.ts';
import { h } from './ui/dom.ts';
import { Labels } from './ui/labels.ts';
import { installTestHooks } from './test-hooks.ts';
import { startWorkspace } from './workspace/start.ts';

// a shared link opens the page on its state; a damaged one on the defaults (and says so)
const link = readLink(location.hash);
const restored = link.shared;
const savedSplit = (() => {
  try {
    return Number(localStorage.getItem(SPLIT_KEY)) || null;
  } catch {
    return null;
  }
})();
const store = new Store(
  initialState({
    file: restored?.file ?? DEFAULT_FILE,
    year: restored?.year ?? 2023,
    template: restored?.template ?? DEFAULT_TEMPLATE,
    filing: restored?.filing ?? SEED_FILING,
    ...(restored?.lang ? { lang: restored.lang } : {}),
    // a first visit opens the guided start; a shared link goes straight to what it shares
    guide: !restored && !guideDone(),
  }),
  officialTemplates,
);
if (savedSplit) store.dispatch({ type: 'split', share: savedSplit });
document.documentElement.lang = store.state.lang === 'zh' ? 'zh-CN' : 'en';
const w = words(() => store.state.lang);
// the analysis loop first: it hears of an edit before any pane renders for it
const analysis = new Analysis(store);
const labels = new Labels(store, w);
const status = new StatusBar(store, w);
const openDoc = (code: string) => store.dispatch({ type: 'doc', code });
const editor = new EditorHost(store, w, openDoc);
const toolbar = new Toolbar(store, w, labels, editor);
const filing = new FilingTab(store, w, labels);
const json = new JsonTab(store, w, labels);
const diff = new DiffTab(store, w, labels, editor, analysis);
const score = new ScoreTab(store, w, editor, () => {
  store.dispatch({ type: 'tab', tab: 'filing' });
  filing.focusMapping();
});
const docs = new DocsDialog(store, w, labels);
const guide = new Guide(store, w, labels);
const tabs = new Tabs(store, labels, [
  { id: 'score', key: 'tabScore', panel: h('div', {}, score.panel) },
  { id: 'filing', key: 'tabFiling', panel: filing.panel },
  { id: 'json', key: 'tabJson', panel: json.panel },
  { id: 'diff', key: 'tabDiff', panel: diff.panel },
]);

const main = h('main', {});
const divider = new Divider(store, w, labels, main);
main.append(
  labels.tx(h('section', { class: 'left', id: 'left-pane' }, editor.host, diff.pane), 'leftPane', 'aria-label'),
  divider.el,
  labels.tx(h('section', { class: 'right', id: 'right-pane' }, tabs.list, ...tabs.panels()), 'rightPane', 'aria-label'),
);

const header = h(
  'header',
  {},
  toolbar.title,
  toolbar.templateLabel,
  toolbar.templateSelect,
  toolbar.formatBtn,
  toolbar.shareBtn,
  toolbar.guideBtn,
  h('span', { class: 'spacer' }),
  status.toast,
  toolbar.langBtn,
);
document.getElementById('app')!.append(header, main, h('footer', {}, status.status, labels.tx(h('span', { class: 'muted', id: 'key-hint' }), 'tabHint')), guide.el, docs.dialog);

installTestHooks({ store, analysis, editor, filing, diff });

if (restored) store.dispatch({ type: 'toast', key: 'restored' });
if (link.failed) store.dispatch({ type: 'toast', key: 'badLink' });
analysis.request(true);
// served by `jixiao serve`: the workspace (template versions, filings, runs); as static files: nothing changes
void startWorkspace({ store, w, editor, header, main, beforeLang: toolbar.langBtn }).then((ws) => {
  (window as unknown as { __jixiaoWorkspace: unknown }).__jixiaoWorkspace = ws;
});
