// The playground page: the template in Monaco on the left, the filing and its score on
// the right. Analysis (parse, check, score) runs in a worker; this module only wires.
import './style.css';
import { monaco } from './monaco.ts';
import { LANGUAGE_ID, registerJixiao } from './language/jixiao.ts';
import { getLang, onLangChange, pick, setLang, t, type Key, type Lang } from './i18n.ts';
import { DEFAULT_FILE, DEFAULT_TEMPLATE, officialTemplates, SEED_FILING } from './rules.ts';
import { decodeState, encodeState, type SharedState } from './share.ts';
import { highlightRow, renderScore } from './ui/score-panel.ts';
import { renderDiff } from './ui/diff-view.ts';
import { renderMapping } from './ui/mapping.ts';
import { FilingGrid } from './ui/grid.ts';
import { importJson, pathToText, type Filing } from '@jixiao/engine';
import { h } from './ui/dom.ts';
import { AnalysisClient } from './worker/client.ts';
import type { AnalyseReply, DiffReply, MappingChoice, MarkerData, SpanData } from './worker/protocol.ts';

// ───────────── state ─────────────
let file = DEFAULT_FILE;
let year = 2023;
let last: AnalyseReply | null = null;
let lastOutline: AnalyseReply['outline'] = null;
let lastGood: AnalyseReply['score'] | null = null;
/** edits per official template, so switching years keeps what was typed */
const buffers = new Map<string, string>();
/** the column mapping chosen in the mapping step (sent with every analysis) */
let mapping: MappingChoice | null = null;
/** the row selected in the rows table (its path joined by ' › ') */
let selectedRow: string | null = null;

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
// the years diff: Monaco's diff editor on the left, the semantic diff and impact on the right
const diffHost = h('div', { id: 'diff-editor' });
const diffCaption = h('div', { id: 'diff-caption', class: 'diff-caption' });
const diffPane = h('div', { id: 'diff-pane', hidden: true }, diffCaption, diffHost);
const diffFormSelect = h('select', { id: 'diff-form' });
const diffFromSelect = h('select', { id: 'diff-from' });
const diffToSelect = h('select', { id: 'diff-to' });
const diffSwapBtn = tx(h('button', { type: 'button', id: 'diff-swap' }), 'diffSwap');
const diffView = h('div', { id: 'diff-view', 'aria-live': 'polite' });
const mappingHost = h('div', { id: 'mapping' });
const filingArea = tx(h('textarea', { id: 'filing', spellcheck: 'false', wrap: 'off' }), 'tabFiling', 'aria-label');
const resetFilingBtn = tx(h('button', { type: 'button', id: 'reset-filing' }), 'resetFiling');
const filingProblems = h('div', { id: 'filing-problems' });
// the JSON tab: the filing as canonical JSON, editable; a valid edit replaces the filing
const jsonView = tx(h('textarea', { id: 'json', spellcheck: 'false', wrap: 'off' }), 'jsonEditor', 'aria-label');
const jsonError = h('div', { id: 'json-error', role: 'alert' });
// the 填报表 tab edits the filing either as a grid or as pasted text
const gridHost = h('div', { id: 'grid', hidden: true });
const modeGridBtn = tx(h('button', { type: 'button', id: 'filing-mode-grid', 'aria-pressed': 'false' }), 'filingModeGrid');
const modePasteBtn = tx(h('button', { type: 'button', id: 'filing-mode-paste', 'aria-pressed': 'true' }), 'filingModePaste');
const modeGroup = tx(h('div', { class: 'seg', role: 'group' }, modeGridBtn, modePasteBtn), 'filingMode', 'aria-label');
const filingHint = tx(h('p', { class: 'hint' }), 'filingHint');
const scorePanel = h('div', { id: 'score' });

const tabs: { id: string; key: Key; panel: HTMLElement }[] = [
  { id: 'score', key: 'tabScore', panel: h('div', {}, scorePanel) },
  {
    id: 'filing',
    key: 'tabFiling',
    panel: h('div', { class: 'filing-tab' }, h('div', { class: 'bar-row' }, modeGroup, filingHint, resetFilingBtn), mappingHost, filingArea, gridHost, filingProblems),
  },
  { id: 'json', key: 'tabJson', panel: h('div', { class: 'json-tab' }, tx(h('p', { class: 'hint' }), 'jsonHint'), jsonError, jsonView) },
  {
    id: 'diff',
    key: 'tabDiff',
    panel: h(
      'div',
      { class: 'diff-tab' },
      h(
        'div',
        { class: 'bar-row diff-controls' },
        h('label', {}, tx(h('span', {}), 'diffForm'), ' ', diffFormSelect),
        h('label', {}, tx(h('span', {}), 'diffFrom'), ' ', diffFromSelect),
        h('span', { 'aria-hidden': 'true' }, '→'),
        h('label', {}, tx(h('span', {}), 'diffTo'), ' ', diffToSelect),
        diffSwapBtn,
      ),
      diffView,
    ),
  },
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
let currentTab = 0;
function selectTab(i: number): void {
  const was = tabs[currentTab]?.id;
  currentTab = i;
  tabs.forEach((tab, j) => {
    tabButtons[j]!.setAttribute('aria-selected', String(i === j));
    tabButtons[j]!.tabIndex = i === j ? 0 : -1;
    tab.panel.hidden = i !== j;
  });
  const diffMode = tabs[i]!.id === 'diff';
  // the diff mode swaps the left pane: the template editor gives way to the diff editor
  if (diffMode !== (was === 'diff') || !diffPane.hidden !== diffMode) setDiffMode(diffMode);
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
    h('section', { class: 'left' }, editorHost, diffPane),
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
  diffEditor?.updateOptions({ ariaLabel: t('diffEditorLabel') });
  if (last) show(last);
  grid.relabel();
  if (last) markGrid(last);
  if (lastDiff) renderDiff(diffView, lastDiff);
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

// ───────────── years diff ─────────────
const formsOf = [...new Set(officialTemplates.map((o) => o.form))];
for (const f of formsOf) diffFormSelect.append(h('option', { value: f }, f));
let diffEditor: monaco.editor.IStandaloneDiffEditor | null = null;
let diffModels: { original: monaco.editor.ITextModel; modified: monaco.editor.ITextModel } | null = null;
let diffSeq = 0;
let lastDiff: DiffReply | null = null;

/** The text of an official template as the page has it: with the editor's edits, if any. */
function textOf(f: string): string {
  if (f === file) return model.getValue();
  return buffers.get(f) ?? officialTemplates.find((o) => o.file === f)!.text;
}

function fillYears(form: string, from?: number, to?: number): void {
  const years = officialTemplates.filter((o) => o.form === form).map((o) => o.year);
  for (const sel of [diffFromSelect, diffToSelect]) sel.replaceChildren(...years.map((y) => h('option', { value: y }, String(y))));
  // default: the editor's year against the next one (or the previous one against it)
  const cur = form === officialTemplates.find((o) => o.file === file)?.form ? year : years[years.length - 1]!;
  const i = Math.max(0, years.indexOf(cur));
  const a = from ?? (i + 1 < years.length ? years[i]! : years[Math.max(0, i - 1)]!);
  const b = to ?? (i + 1 < years.length ? years[i + 1]! : years[i]!);
  diffFromSelect.value = String(a);
  diffToSelect.value = String(b);
}

function setDiffMode(on: boolean): void {
  diffPane.hidden = !on;
  editorHost.hidden = on;
  if (!on) return;
  if (!diffEditor) {
    const form = officialTemplates.find((o) => o.file === file)?.form ?? formsOf[0]!;
    diffFormSelect.value = form;
    fillYears(form);
    diffModels = {
      original: monaco.editor.createModel('', LANGUAGE_ID, monaco.Uri.parse('inmemory://jixiao/diff/original.jx')),
      modified: monaco.editor.createModel('', LANGUAGE_ID, monaco.Uri.parse('inmemory://jixiao/diff/modified.jx')),
    };
    diffEditor = monaco.editor.createDiffEditor(diffHost, {
      theme: 'jixiao',
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: false,
      minimap: { enabled: false },
      fontSize: 13,
      fontFamily: '"Noto Sans Mono CJK SC", "Sarasa Mono SC", Menlo, Consolas, "Microsoft YaHei", monospace',
      lineNumbersMinChars: 3,
      wordWrap: 'on',
      diffWordWrap: 'on',
      renderOverviewRuler: false,
      ariaLabel: t('diffEditorLabel'),
    });
    diffEditor.setModel(diffModels);
  }
  void updateDiff();
}

async function updateDiff(): Promise<void> {
  if (!diffEditor || !diffModels) return;
  const form = diffFormSelect.value;
  const pick2 = (y: string) => officialTemplates.find((o) => o.form === form && String(o.year) === y);
  const a = pick2(diffFromSelect.value);
  const b = pick2(diffToSelect.value);
  if (!a || !b) return;
  const ta = textOf(a.file);
  const tb = textOf(b.file);
  const edited = (o: typeof a) => (textOf(o.file) !== o.text ? ` ${t('diffEdited')}` : '');
  diffCaption.textContent = `${a.file}${edited(a)}  ⟷  ${b.file}${edited(b)}`;
  if (diffModels.original.getValue() !== ta) diffModels.original.setValue(ta);
  if (diffModels.modified.getValue() !== tb) diffModels.modified.setValue(tb);
  const years = officialTemplates.filter((o) => o.form === form).length;
  if (a.file === b.file) {
    lastDiff = null;
    diffView.replaceChildren(h('p', { class: 'notice' }, t(years < 2 ? 'diffOneYear' : 'diffSameYear')));
    return;
  }
  const seqNow = ++diffSeq;
  if (!lastDiff) renderDiff(diffView, null);
  const req = { kind: 'diff' as const, seq: seqNow, from: { file: a.file, text: ta }, to: { file: b.file, text: tb }, filing: filingArea.value };
  const reply = await client.diff(mapping ? { ...req, mapping } : req);
  if (reply.seq !== diffSeq) return; // a newer comparison follows
  lastDiff = reply;
  renderDiff(diffView, reply);
}

diffFormSelect.addEventListener('change', () => {
  lastDiff = null;
  fillYears(diffFormSelect.value);
  void updateDiff();
});
diffFromSelect.addEventListener('change', () => void updateDiff());
diffToSelect.addEventListener('change', () => void updateDiff());
diffSwapBtn.addEventListener('click', () => {
  const a = diffFromSelect.value;
  diffFromSelect.value = diffToSelect.value;
  diffToSelect.value = a;
  void updateDiff();
});
const diffActive = () => tabs[currentTab]?.id === 'diff';

// ───────────── analysis ─────────────
const latencies: number[] = [];
const scoreLatencies: number[] = [];
const editMarks = new Map<number, string>();
const scoreMeasured = new Set<number>();

const client = new AnalysisClient((reply) => {
  if (reply.version !== model.getVersionId()) return; // stale: a newer request follows
  show(reply);
  const mark = editMarks.get(reply.version);
  // keystroke → score table updated: measured once the panel's DOM holds this version's view
  if (mark && !scoreMeasured.has(reply.version)) {
    scoreMeasured.add(reply.version);
    const m = performance.measure('jx-keystroke-score', mark);
    scoreLatencies.push(m.duration);
    if (scoreLatencies.length > 1000) scoreLatencies.shift();
  }
  // keystroke → markers visible: measured to the frame after the markers are set
  if (mark) {
    requestAnimationFrame(() => {
      const m = performance.measure('jx-keystroke-markers', mark);
      latencies.push(m.duration);
      if (latencies.length > 1000) latencies.shift();
      for (const [v, name] of editMarks)
        if (v <= reply.version) {
          performance.clearMarks(name);
          editMarks.delete(v);
          scoreMeasured.delete(v);
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
  renderMapping(mappingHost, f.mapping, {
    lang: getLang,
    apply(choice) {
      mapping = choice;
      selectedRow = null;
      analyse(true);
      if (diffActive()) void updateDiff();
      pendingMappingToast = true;
    },
    clear() {
      mapping = null;
      analyse(true);
      if (diffActive()) void updateDiff();
    },
  });
  if (pendingMappingToast && f.mapping?.applied && f.json) {
    pendingMappingToast = false;
    say('mapApplied');
  }
  // the JSON tab follows the filing unless it holds an edit of its own
  if (!jsonDirty && document.activeElement !== jsonView) jsonView.value = f.json ? JSON.stringify(f.json, null, 2) : '';
  jsonView.placeholder = t('noFilingJson');
  // the grid follows the filing text when it changed elsewhere (paste, JSON tab, reset, link)
  if (filingMode === 'grid' && reply.seq === seq && gridText !== filingArea.value) {
    grid.load(f.json);
    gridText = filingArea.value;
  }
  markGrid(reply);
  filingProblems.replaceChildren();
  if (f.problems.length)
    filingProblems.append(
      h('h3', {}, t('filingProblems')),
      h('ul', {}, ...f.problems.map((p) => h('li', { class: `sev-${p.severity}` }, (p.line ? `${p.line}: ` : '') + pick(p.message)))),
    );
  renderStatus();
}

let pendingMappingToast = false;

// ───────────── filing grid and JSON editing ─────────────
let filingMode: 'grid' | 'paste' = 'paste';
/** the filing text the grid shows (null: reload it from the next analysis) */
let gridText: string | null = null;
/** the JSON tab holds an edit that has not (yet) replaced the filing */
let jsonDirty = false;

const grid = new FilingGrid(gridHost, (f: Filing) => {
  // the grid's filing, as canonical JSON, is the filing from now on (and what a link carries)
  filingArea.value = JSON.stringify(f, null, 2);
  gridText = filingArea.value;
  filingChanged();
});

function markGrid(reply: AnalyseReply): void {
  grid.mark(reply.score.kind === 'report' ? reply.score.report.findings : []);
}

function setFilingMode(m: 'grid' | 'paste'): void {
  filingMode = m;
  modeGridBtn.setAttribute('aria-pressed', String(m === 'grid'));
  modePasteBtn.setAttribute('aria-pressed', String(m === 'paste'));
  gridHost.hidden = m !== 'grid';
  filingArea.hidden = m === 'grid';
  filingHint.hidden = m === 'grid';
  if (m === 'grid') {
    gridText = null;
    // the last analysis of the current filing text fills the grid now; otherwise the next one
    if (last && last.seq === seq) {
      grid.load(last.score.filing.json);
      gridText = filingArea.value;
      markGrid(last);
    }
  }
}
modeGridBtn.addEventListener('click', () => setFilingMode('grid'));
modePasteBtn.addEventListener('click', () => setFilingMode('paste'));

let jsonTimer: ReturnType<typeof setTimeout> | null = null;
/** The JSON tab's text: valid → it replaces the filing; invalid → the error with its path, the score stays. */
function applyJson(): void {
  const text = jsonView.value;
  const r = importJson(text);
  jsonError.replaceChildren();
  jsonView.classList.toggle('invalid', !r.filing);
  jsonView.setAttribute('aria-invalid', String(!r.filing));
  if (!r.filing) {
    jsonError.append(
      h('p', {}, t('jsonInvalid')),
      h(
        'ul',
        {},
        ...r.diagnostics.slice(0, 20).map((d) => {
          const where = d.path?.length ? pathToText(d.path) : d.line ? `${d.line}:${d.column ?? 1}` : '';
          return h('li', { class: 'sev-error', 'data-path': where }, h('code', {}, d.code), ' ', where ? h('code', { class: 'json-path' }, where) : '', ' ', pick(d.message));
        }),
      ),
    );
    return;
  }
  jsonDirty = false;
  if (text === filingArea.value) return;
  filingArea.value = text;
  filingChanged(true);
}
jsonView.addEventListener('input', () => {
  jsonDirty = true;
  if (jsonTimer) clearTimeout(jsonTimer);
  jsonTimer = setTimeout(applyJson, 120);
});
jsonView.addEventListener('blur', () => {
  if (!jsonDirty && last) jsonView.value = last.score.filing.json ? JSON.stringify(last.score.filing.json, null, 2) : '';
});

/** Select a span in the template editor and bring it to the middle of the view. */
let revealed: monaco.editor.IEditorDecorationsCollection | null = null;
let revealTimer: ReturnType<typeof setTimeout> | null = null;
function revealSpan(sp: SpanData, focus: boolean): void {
  const range = { startLineNumber: sp.startLineNumber, startColumn: sp.startColumn, endLineNumber: sp.endLineNumber, endColumn: sp.endColumn };
  editor.setSelection(range);
  editor.revealLineInCenter(sp.startLineNumber);
  // the selection of an unfocused editor is faint: mark the line for a moment
  revealed?.clear();
  revealed = editor.createDecorationsCollection([
    { range, options: { isWholeLine: true, className: 'jx-revealed' } },
    { range, options: { inlineClassName: 'jx-revealed-text' } },
  ]);
  if (revealTimer) clearTimeout(revealTimer);
  revealTimer = setTimeout(() => revealed?.clear(), 2500);
  if (focus) editor.focus();
}

/** The first match of a regular expression in the template, as a span. */
function findInTemplate(re: string): SpanData | null {
  const m = model.findMatches(re, false, true, false, null, false, 1)[0];
  if (!m) return null;
  const r = m.range;
  return { startLineNumber: r.startLineNumber, startColumn: r.startColumn, endLineNumber: r.endLineNumber, endColumn: r.endColumn };
}
const escapeRe = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function reveal(target: { section?: string; rule?: string; statement?: string }): boolean {
  const o = lastOutline;
  let sp: SpanData | null = null;
  if (target.rule) {
    sp = o?.rules.find((r) => r.name === target.rule)?.nameSpan ?? findInTemplate(`规则\\s+${escapeRe(target.rule)}(?=\\s|$|\\{)`);
    // a formula section's row (预算执行率) names the section, not a rule
    if (!sp) target = { section: target.rule };
  }
  if (target.section) {
    const name = target.section;
    sp = o?.sections.find((x) => x.name === name || x.aliases.includes(name))?.nameSpan ?? findInTemplate(`(一级指标|重命名 一级指标)\\s+.*${escapeRe(name)}`) ?? null;
  }
  if (target.statement) sp = findInTemplate(`^\\s*${escapeRe(target.statement)}(?=\\s)`);
  if (!sp) {
    if (target.section ?? target.rule) toast.textContent = t('notInTemplate', { name: target.section ?? target.rule ?? '' });
    return false;
  }
  revealSpan(sp, false);
  return true;
}

function scoreContext(reply: AnalyseReply) {
  return {
    markers: reply.markers,
    lastGood,
    jump(lineNumber: number, column: number, endLineNumber = lineNumber, endColumn = column) {
      revealSpan({ startLineNumber: lineNumber, startColumn: column, endLineNumber, endColumn }, true);
    },
    reveal,
    selectedRow,
    selectRow(key: string | null) {
      selectedRow = key;
    },
    openMapping() {
      selectTab(tabs.findIndex((x) => x.id === 'filing'));
      mappingHost.querySelector<HTMLElement>('select')?.focus();
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
  const req = { kind: 'analyse' as const, version: model.getVersionId(), seq: ++seq, file, template: model.getValue(), filing: filingArea.value };
  client.request(mapping ? { ...req, mapping } : req, now);
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
let diffTimer: ReturnType<typeof setTimeout> | null = null;
/** The filing changed: a new analysis of the same template version. */
function filingChanged(now = false): void {
  analyse(now);
  if (diffActive()) {
    if (diffTimer) clearTimeout(diffTimer);
    diffTimer = setTimeout(() => void updateDiff(), 150);
  }
}
filingArea.addEventListener('input', () => filingChanged());
resetFilingBtn.addEventListener('click', () => {
  filingArea.value = SEED_FILING;
  jsonDirty = false;
  mapping = null;
  selectedRow = null;
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
  if (diffActive()) void updateDiff();
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
    jsonDirty = false;
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
  /** keystroke → score table updated, ms (performance.measure('jx-keystroke-score')) */
  scoreLatencies: () => [...scoreLatencies],
  workerMs: () => last?.workerMs ?? null,
  editor,
  /** the years diff shown on the 对比 tab (null before it was opened) */
  diff: () => lastDiff,
  diffEditor: () => diffEditor,
  /** the column mapping in force (from the mapping step) */
  mapping: () => mapping,
  selectedRow: () => selectedRow,
  /** the 填报表 tab's mode and the filing the grid holds */
  filingMode: () => filingMode,
  grid: () => grid.value(),
  lang: (l?: Lang) => {
    if (l) setLang(l);
    return getLang();
  },
};
