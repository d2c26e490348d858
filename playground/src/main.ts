// The playground page: the template in Monaco on the left, the filing and its score on
// the right. Analysis (parse, check, score) runs in a worker; this module only wires.
import './style.css';
import { monaco } from './monaco.ts';
import { LANGUAGE_ID, registerJixiao } from './language/jixiao.ts';
import { getLang, onLangChange, pick, setLang, t, type Key, type Lang } from './i18n.ts';
import { DEFAULT_FILE, DEFAULT_TEMPLATE, officialTemplates, SEED_FILING } from './rules.ts';
import { decodeState, encodeState, type SharedState } from './share.ts';
import { renderScore } from './ui/score-panel.ts';
import { h } from './ui/dom.ts';
import { AnalysisClient } from './worker/client.ts';
import type { AnalyseReply, MarkerData } from './worker/protocol.ts';

// ───────────── state ─────────────
let file = DEFAULT_FILE;
let year = 2023;
let last: AnalyseReply | null = null;
let lastOutline: AnalyseReply['outline'] = null;
let lastGood: AnalyseReply['score'] | null = null;
/** edits per official template, so switching years keeps what was typed */
const buffers = new Map<string, string>();

let restored: SharedState | null = null;
let restoreFailed = false;
try {
  restored = decodeState(location.hash);
} catch {
  restoreFailed = true;
}
if (restored) {
  file = restored.file;
  year = restored.year;
  if (restored.lang) setLang(restored.lang);
}

// ───────────── layout ─────────────
const i18nNodes: [HTMLElement, Key, 'text' | 'aria-label' | 'title' | 'placeholder'][] = [];
function tx<E extends HTMLElement>(el: E, key: Key, where: 'text' | 'aria-label' | 'title' | 'placeholder' = 'text'): E {
  i18nNodes.push([el, key, where]);
  return el;
}

const templateSelect = h('select', { id: 'template-select' });
for (const o of officialTemplates) templateSelect.append(h('option', { value: o.file }, `${o.year} ${o.form}`));
const formatBtn = tx(h('button', { type: 'button', id: 'format' }), 'format');
const shareBtn = tx(h('button', { type: 'button', id: 'share' }), 'share');
const langBtn = h('button', { type: 'button', id: 'lang' });
const status = h('div', { id: 'status', role: 'status', 'aria-live': 'polite' });
const toast = h('div', { id: 'toast', role: 'status', 'aria-live': 'polite' });

const editorHost = h('div', { id: 'editor' });
const filingArea = tx(h('textarea', { id: 'filing', spellcheck: 'false', wrap: 'off' }), 'tabFiling', 'aria-label');
const resetFilingBtn = tx(h('button', { type: 'button', id: 'reset-filing' }), 'resetFiling');
const filingProblems = h('div', { id: 'filing-problems' });
const jsonView = h('pre', { id: 'json', tabindex: 0 });
const scorePanel = h('div', { id: 'score' });

const tabs: { id: string; key: Key; panel: HTMLElement }[] = [
  { id: 'score', key: 'tabScore', panel: h('div', {}, scorePanel) },
  {
    id: 'filing',
    key: 'tabFiling',
    panel: h('div', { class: 'filing-tab' }, h('div', { class: 'bar-row' }, tx(h('p', { class: 'hint' }), 'filingHint'), resetFilingBtn), filingArea, filingProblems),
  },
  { id: 'json', key: 'tabJson', panel: h('div', {}, jsonView) },
];
const tabList = h('div', { role: 'tablist', class: 'tabs' });
const tabButtons = tabs.map((tab, i) => {
  const b = tx(h('button', { type: 'button', role: 'tab', id: `tab-${tab.id}`, 'aria-controls': `panel-${tab.id}`, tabindex: i === 0 ? 0 : -1 }), tab.key);
  tab.panel.id = `panel-${tab.id}`;
  tab.panel.setAttribute('role', 'tabpanel');
  tab.panel.setAttribute('aria-labelledby', b.id);
  tab.panel.classList.add('panel');
  b.addEventListener('click', () => selectTab(i));
  b.addEventListener('keydown', (e) => {
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d) return;
    e.preventDefault();
    const j = (i + d + tabs.length) % tabs.length;
    selectTab(j);
    tabButtons[j]!.focus();
  });
  tabList.append(b);
  return b;
});
function selectTab(i: number): void {
  tabs.forEach((tab, j) => {
    tabButtons[j]!.setAttribute('aria-selected', String(i === j));
    tabButtons[j]!.tabIndex = i === j ? 0 : -1;
    tab.panel.hidden = i !== j;
  });
}
selectTab(0);

document.getElementById('app')!.append(
  h(
    'header',
    {},
    tx(h('h1', {}), 'title'),
    h('label', { for: 'template-select' }, tx(h('span', {}), 'template')),
    templateSelect,
    formatBtn,
    shareBtn,
    h('span', { class: 'spacer' }),
    toast,
    langBtn,
  ),
  h(
    'main',
    {},
    h('section', { class: 'left' }, editorHost),
    h('section', { class: 'right' }, tabList, ...tabs.map((x) => x.panel)),
  ),
  h('footer', {}, status, tx(h('span', { class: 'muted' }), 'tabHint')),
);

function applyLang(): void {
  for (const [el, key, where] of i18nNodes) {
    if (where === 'text') el.textContent = t(key);
    else el.setAttribute(where, t(key));
  }
  langBtn.textContent = t('langToggle');
  langBtn.setAttribute('aria-label', t('langToggleLabel'));
  document.title = t('title');
  editor.updateOptions({ ariaLabel: t('editorLabel') });
  if (last) show(last);
}
langBtn.addEventListener('click', () => setLang(getLang() === 'zh' ? 'en' : 'zh'));
onLangChange(applyLang);

let toastTimer: ReturnType<typeof setTimeout> | null = null;
function say(key: Key): void {
  toast.textContent = t(key);
  if (toastTimer) clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (toast.textContent = ''), 5000);
}

// ───────────── editor ─────────────
registerJixiao({
  outline: () => lastOutline,
  score: () => last?.score ?? null,
  onFormatFailed: () => say('formatFailed'),
});

const model = monaco.editor.createModel(restored?.template ?? DEFAULT_TEMPLATE, LANGUAGE_ID, monaco.Uri.parse('inmemory://jixiao/template.jx'));
const editor = monaco.editor.create(editorHost, {
  model,
  theme: 'jixiao',
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 14,
  fontFamily: '"Noto Sans Mono CJK SC", "Sarasa Mono SC", Menlo, Consolas, "Microsoft YaHei", monospace',
  lineNumbersMinChars: 3,
  wordWrap: 'off',
  renderWhitespace: 'none',
  matchBrackets: 'always',
  bracketPairColorization: { enabled: true },
  quickSuggestions: { other: true, comments: false, strings: false },
  fixedOverflowWidgets: true,
  tabSize: 2,
  ariaLabel: t('editorLabel'),
});
filingArea.value = restored?.filing ?? SEED_FILING;
templateSelect.value = file;

// ───────────── analysis ─────────────
const latencies: number[] = [];
const editMarks = new Map<number, string>();

const client = new AnalysisClient((reply) => {
  if (reply.version !== model.getVersionId()) return; // stale: a newer request follows
  show(reply);
  // keystroke → markers visible: measured to the frame after the markers are set
  const mark = editMarks.get(reply.version);
  if (mark) {
    requestAnimationFrame(() => {
      const m = performance.measure('jx-keystroke-markers', mark);
      latencies.push(m.duration);
      if (latencies.length > 1000) latencies.shift();
      for (const [v, name] of editMarks)
        if (v <= reply.version) {
          performance.clearMarks(name);
          editMarks.delete(v);
        }
      renderStatus();
    });
  }
});

function severityOf(s: MarkerData['severity']): monaco.MarkerSeverity {
  return s === 'error' ? monaco.MarkerSeverity.Error : s === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info;
}

function show(reply: AnalyseReply): void {
  last = reply;
  if (reply.outline) lastOutline = reply.outline;
  if (reply.score.kind !== 'none') lastGood = reply.score;
  monaco.editor.setModelMarkers(
    model,
    'jixiao',
    reply.markers.map((m) => ({
      severity: severityOf(m.severity),
      message: pick(m.message) + (m.help ? `\n${pick(m.help)}` : ''),
      code: m.code,
      source: 'jixiao',
      startLineNumber: m.startLineNumber,
      startColumn: m.startColumn,
      endLineNumber: m.endLineNumber,
      endColumn: m.endColumn,
    })),
  );
  renderScore(scorePanel, reply.score, false, scoreContext(reply));
  const f = reply.score.filing;
  jsonView.textContent = f.json ? JSON.stringify(f.json, null, 2) : t('noFilingJson');
  filingProblems.replaceChildren();
  if (f.problems.length)
    filingProblems.append(
      h('h3', {}, t('filingProblems')),
      h('ul', {}, ...f.problems.map((p) => h('li', { class: `sev-${p.severity}` }, (p.line ? `${p.line}: ` : '') + pick(p.message)))),
    );
  renderStatus();
}

function scoreContext(reply: AnalyseReply) {
  return {
    markers: reply.markers,
    lastGood,
    jump(lineNumber: number, column: number) {
      editor.setPosition({ lineNumber, column });
      editor.revealLineInCenter(lineNumber);
      editor.focus();
    },
  };
}

function renderStatus(): void {
  if (!last) return;
  const errors = last.markers.filter((m) => m.severity === 'error').length;
  const warnings = last.markers.filter((m) => m.severity === 'warning').length;
  const parts = [errors || warnings ? [errors ? t('nErrors', { n: errors }) : '', warnings ? t('nWarnings', { n: warnings }) : ''].filter(Boolean).join(' · ') : t('noDiagnostics')];
  const lat = latencies[latencies.length - 1];
  if (lat !== undefined) parts.push(t('latency', { ms: lat.toFixed(0) }));
  status.textContent = `${t('diagnostics')}：${parts.join(' · ')}`;
  status.dataset['errors'] = String(errors);
}

let seq = 0;
function analyse(now = false): void {
  client.request({ kind: 'analyse', version: model.getVersionId(), seq: ++seq, file, template: model.getValue(), filing: filingArea.value }, now);
}

model.onDidChangeContent(() => {
  const v = model.getVersionId();
  const mark = `jx-edit-${v}`;
  performance.mark(mark);
  editMarks.set(v, mark);
  buffers.set(file, model.getValue());
  renderScore(scorePanel, last?.score ?? null, true, last ? scoreContext(last) : undefined);
  analyse();
});
filingArea.addEventListener('input', () => {
  // the filing changed: a new analysis of the same template version
  analyse();
});
resetFilingBtn.addEventListener('click', () => {
  filingArea.value = SEED_FILING;
  analyse(true);
});

templateSelect.addEventListener('change', () => {
  const o = officialTemplates.find((x) => x.file === templateSelect.value);
  if (!o) return;
  buffers.set(file, model.getValue());
  file = o.file;
  year = o.year;
  // pushEditOperations keeps the switch undoable
  model.pushEditOperations([], [{ range: model.getFullModelRange(), text: buffers.get(o.file) ?? o.text }], () => null);
  editor.setPosition({ lineNumber: 1, column: 1 });
  editor.revealLine(1);
});

formatBtn.addEventListener('click', () => {
  editor.focus();
  void editor.getAction('editor.action.formatDocument')?.run();
});

function currentState(): SharedState {
  return { file, year, template: model.getValue(), filing: filingArea.value, lang: getLang() };
}

shareBtn.addEventListener('click', async () => {
  const hash = encodeState(currentState());
  history.replaceState(null, '', hash);
  try {
    await navigator.clipboard.writeText(location.href);
    say('shareCopied');
  } catch {
    say('shareReady');
  }
});

window.addEventListener('hashchange', () => {
  try {
    const s = decodeState(location.hash);
    if (!s) return;
    file = s.file;
    year = s.year;
    templateSelect.value = file;
    filingArea.value = s.filing;
    if (s.lang && s.lang !== getLang()) setLang(s.lang);
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: s.template }], () => null);
    say('restored');
  } catch {
    say('badLink');
  }
});

applyLang();
if (restored) say('restored');
if (restoreFailed) say('badLink');
analyse(true);

// ───────────── test hooks (read by test/browser and the benchmark) ─────────────
declare global {
  interface Window {
    __jixiao: unknown;
  }
}
window.__jixiao = {
  markers: () =>
    monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({
      message: m.message,
      code: typeof m.code === 'string' ? m.code : m.code?.value,
      severity: m.severity === monaco.MarkerSeverity.Error ? 'error' : m.severity === monaco.MarkerSeverity.Warning ? 'warning' : 'info',
      startLineNumber: m.startLineNumber,
      startColumn: m.startColumn,
      endLineNumber: m.endLineNumber,
      endColumn: m.endColumn,
    })),
  /** the model version the markers and the score panel show (equal to version() when settled) */
  analysedVersion: () => last?.version ?? -1,
  /** true when the markers and the panel show the current template and filing */
  settled: () => !!last && last.version === model.getVersionId() && last.seq === seq,
  version: () => model.getVersionId(),
  template: () => model.getValue(),
  filing: () => filingArea.value,
  state: () => currentState(),
  score: () => last?.score ?? null,
  latencies: () => [...latencies],
  workerMs: () => last?.workerMs ?? null,
  editor,
  lang: (l?: Lang) => {
    if (l) setLang(l);
    return getLang();
  },
};
