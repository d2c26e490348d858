// The playground page: the template in Monaco on the left, the filing and its score on
// the right. Analysis (parse, check, score) runs in a worker. This module builds the
// layout and wires the panes to the one store (state/store.ts); it keeps no state itself.
import './style.css';
import { words } from './i18n.ts';
import { DEFAULT_FILE, DEFAULT_TEMPLATE, officialTemplates, SEED_FILING } from './rules.ts';
import { readLink } from './share.ts';
import { Analysis } from './state/analysis.ts';
import { initialState, Store } from './state/store.ts';
import { DiffTab } from './panes/diff-tab.ts';
import { TemplateEditor } from './panes/editor.ts';
import { FilingTab } from './panes/filing-tab.ts';
import { JsonTab } from './panes/json-tab.ts';
import { ScoreTab } from './panes/score-tab.ts';
import { StatusBar } from './panes/status.ts';
import { Tabs } from './panes/tabs.ts';
import { Toolbar } from './panes/toolbar.ts';
import { h } from './ui/dom.ts';
import { Labels } from './ui/labels.ts';
import { installTestHooks } from './test-hooks.ts';
import { startWorkspace } from './workspace/workspace.ts';

// a shared link opens the page on its state; a damaged one on the defaults (and says so)
const link = readLink(location.hash);
const restored = link.shared;
const store = new Store(
  initialState({
    file: restored?.file ?? DEFAULT_FILE,
    year: restored?.year ?? 2023,
    template: restored?.template ?? DEFAULT_TEMPLATE,
    filing: restored?.filing ?? SEED_FILING,
    ...(restored?.lang ? { lang: restored.lang } : {}),
  }),
  officialTemplates,
);
const w = words(() => store.state.lang);
// the analysis loop first: it hears of an edit before any pane renders for it
const analysis = new Analysis(store);
const labels = new Labels(store, w);
const status = new StatusBar(store, w);
const editor = new TemplateEditor(store, w);
const toolbar = new Toolbar(store, w, labels, editor);
const filing = new FilingTab(store, w, labels);
const json = new JsonTab(store, w, labels);
const diff = new DiffTab(store, w, labels, editor, analysis);
const score = new ScoreTab(store, w, editor, () => {
  store.dispatch({ type: 'tab', tab: 'filing' });
  filing.focusMapping();
});
const tabs = new Tabs(store, labels, [
  { id: 'score', key: 'tabScore', panel: h('div', {}, score.panel) },
  { id: 'filing', key: 'tabFiling', panel: filing.panel },
  { id: 'json', key: 'tabJson', panel: json.panel },
  { id: 'diff', key: 'tabDiff', panel: diff.panel },
]);

const header = h(
    'header',
    {},
    toolbar.title,
    toolbar.templateLabel,
    toolbar.templateSelect,
    toolbar.formatBtn,
    toolbar.shareBtn,
    h('span', { class: 'spacer' }),
    status.toast,
    toolbar.langBtn,
  );
const main = h('main', {}, h('section', { class: 'left' }, editor.host, diff.pane), h('section', { class: 'right' }, tabs.list, ...tabs.panels()));
document.getElementById('app')!.append(header, main, h('footer', {}, status.status, labels.tx(h('span', { class: 'muted' }), 'tabHint')));

installTestHooks({ store, analysis, editor, filing, diff });

if (restored) store.dispatch({ type: 'toast', key: 'restored' });
if (link.failed) store.dispatch({ type: 'toast', key: 'badLink' });
analysis.request(true);
// served by `jixiao serve`: the workspace (template versions, filings, runs); as static files: nothing changes
void startWorkspace({ store, w, editor, header, main, beforeLang: toolbar.langBtn }).then((ws) => {
  (window as unknown as { __jixiaoWorkspace: unknown }).__jixiaoWorkspace = ws;
});
