// The playground's store: the reducer's rules (what an action keeps, what it drops) and the
// store's announcement order when a listener dispatches. The panes rely on both: e.g. the
// editor dispatches its edit while it is handling a switch of template.
import { describe, expect, it } from 'vitest';
import { defaultPick, filingEdited, initialState, reduce, Store, type Action, type PageState, type TemplateEntry } from '../src/state/store.ts';
import type { AnalyseReply, MappingChoice, Outline } from '../src/worker/protocol.ts';

const catalogue: TemplateEntry[] = [
  { file: 'rules/全国/2020/部门整体支出.jx', region: '全国', form: '部门整体支出', year: 2020, text: 'T2020' },
  { file: 'rules/全国/2020/项目支出.jx', region: '全国', form: '项目支出', year: 2020, text: 'P2020' },
  { file: 'rules/全国/2022/项目支出.jx', region: '全国', form: '项目支出', year: 2022, text: 'P2022' },
  { file: 'rules/甘肃/2023/部门整体支出.jx', region: '甘肃', form: '部门整体支出', year: 2023, text: 'T2023' },
  { file: 'rules/甘肃/2024/部门整体支出.jx', region: '甘肃', form: '部门整体支出', year: 2024, text: 'T2024' },
];
const F2020 = 'rules/全国/2020/部门整体支出.jx';
const F2023 = 'rules/甘肃/2023/部门整体支出.jx';
const F2024 = 'rules/甘肃/2024/部门整体支出.jx';
const P2020 = 'rules/全国/2020/项目支出.jx';
const P2022 = 'rules/全国/2022/项目支出.jx';

const start = (over: Partial<PageState> = {}): PageState => ({ ...initialState({ file: F2023, year: 2023, template: 'T2023', filing: 'seed' }), ...over });
const run = (s: PageState, ...as: Action[]): PageState => as.reduce((x, a) => reduce(x, a, catalogue), s);

const outline: Outline = { sections: [], rules: [], tiers: [], grades: [], deductions: [] };
const filingState = { text: '', json: null, problems: [] };
function reply(kind: 'none' | 'template' | 'report', over: Partial<AnalyseReply> = {}): AnalyseReply {
  // only `kind` matters to the store; the rest of the view is opaque to it
  const score = { kind, filing: filingState } as unknown as AnalyseReply['score'];
  return { kind: 'analysed', version: 1, seq: 1, markers: [], outline, score, workerMs: 1, ...over };
}
const mapping: MappingChoice = { headerLine: 2, columns: { level1: 0 }, signature: 'a\tb' };

describe('reduce', () => {
  it('keeps the edits of each template across switches of year', () => {
    const store = new Store(start(), catalogue);
    store.dispatch({ type: 'template/edit', text: 'T2023 edited' });
    store.dispatch({ type: 'template/select', file: F2024 });
    expect(store.state).toMatchObject({ file: F2024, year: 2024 });
    // its official text, untouched by the switch
    expect(store.templateText(F2024)).toBe('T2024');
    expect(store.template()).toBe('T2024');
    expect(store.templateText(F2023)).toBe('T2023 edited');
    // an edit lands in the open file's buffer only
    store.dispatch({ type: 'template/edit', text: 'T2024 edited' });
    store.dispatch({ type: 'template/select', file: F2023 });
    expect(store.templateText(F2023)).toBe('T2023 edited');
    expect(store.templateText(F2024)).toBe('T2024 edited');
    expect(store.shared()).toEqual({ file: F2023, year: 2023, template: 'T2023 edited', filing: 'seed', lang: 'zh' });
  });

  it('numbers every text the editor shows: an edit, a switch of template and a link each make a new version', () => {
    const s0 = start();
    const s1 = run(s0, { type: 'template/edit', text: 'a', at: { line: 3, column: 2 } });
    expect(s1).toMatchObject({ version: s0.version + 1, lastEditAt: { line: 3, column: 2 } });
    const s2 = run(s1, { type: 'template/select', file: F2024 });
    // a switch is no edit: where the last edit was made no longer applies
    expect(s2).toMatchObject({ version: s0.version + 2, lastEditAt: null });
    const s3 = run(s2, { type: 'link/restore', shared: { file: F2023, year: 2023, template: 'L', filing: 'f' } });
    expect(s3.version).toBe(s0.version + 3);
    // a reply of an earlier version is stale against the store's
    expect(run(s3, { type: 'analysis/reply', reply: reply('report', { version: s2.version }) }).last?.version).not.toBe(s3.version);
  });

  it('keeps the notes of a pasted table when the filing becomes JSON, until they are dismissed', () => {
    const note = { code: 'IMP020', severity: 'warning' as const, line: 17, message: { zh: '错位', en: 'shifted' } };
    const info = { code: 'IMP011', severity: 'info' as const, message: { zh: '标题', en: 'title' } };
    const tsv = reply('report', { score: { kind: 'report', filing: { json: null, format: 'tsv', problems: [note, info] } } as unknown as AnalyseReply['score'] });
    const json = reply('report', { seq: 2, score: { kind: 'report', filing: { json: null, format: 'json', problems: [] } } as unknown as AnalyseReply['score'] });
    const s = run(start(), { type: 'analysis/reply', reply: tsv });
    // warnings and errors are kept, infos are not
    expect(s.keptNotes).toEqual([note]);
    const edited = run(s, { type: 'filing/grid', text: '{}' }, { type: 'analysis/reply', reply: json });
    expect(edited.keptNotes).toEqual([note]);
    expect(run(edited, { type: 'notes/dismiss' }).keptNotes).toEqual([]);
    // a reset starts over
    expect(run(edited, { type: 'filing/reset', text: 'seed' }).keptNotes).toEqual([]);
  });

  it("keeps the divider within a fifth of either side, and opens and closes the guide and a code's explanation", () => {
    expect(run(start(), { type: 'split', share: 0.05 }).split).toBe(0.2);
    expect(run(start(), { type: 'split', share: 0.95 }).split).toBe(0.8);
    expect(run(start(), { type: 'split', share: 0.4 }).split).toBe(0.4);
    expect(run(start(), { type: 'guide', open: true }).guide).toBe(true);
    expect(run(start(), { type: 'doc', code: 'JX2021' }, { type: 'doc', code: null }).doc).toBe(null);
  });

  it('ignores a template that is not in the catalogue, and the one already open', () => {
    const s = start();
    expect(run(s, { type: 'template/select', file: 'rules/1999/x.jx' })).toBe(s);
    expect(run(s, { type: 'template/select', file: F2023 })).toBe(s);
  });

  it('keeps the last outline and the last good score through a template that does not parse', () => {
    const good = reply('report');
    const s1 = run(start(), { type: 'analysis/reply', reply: good });
    expect(s1).toMatchObject({ last: good, outline, lastGood: good.score });
    const broken = reply('none', { outline: null, version: 2 });
    const s2 = run(s1, { type: 'analysis/reply', reply: broken });
    expect(s2.last).toBe(broken);
    expect(s2.outline).toBe(outline);
    expect(s2.lastGood).toBe(good.score);
    // a template whose filing cannot be read is still a valid template: its view is the last good one
    const templateOnly = reply('template', { version: 3 });
    expect(run(s2, { type: 'analysis/reply', reply: templateOnly }).lastGood).toBe(templateOnly.score);
  });

  it('resets the filing to the seed with no mapping, no selection and no pending JSON edit', () => {
    const s = run(start(), { type: 'mapping/apply', choice: mapping }, { type: 'row/select', key: 'a › b' }, { type: 'json/edit' }, { type: 'filing/type', text: 'x' });
    expect(s).toMatchObject({ filing: 'x', mapping, selectedRow: 'a › b', jsonDirty: true });
    expect(run(s, { type: 'filing/reset', text: 'seed' })).toMatchObject({ filing: 'seed', mapping: null, selectedRow: null, jsonDirty: false });
  });

  it('drops the selected row when a mapping is applied, not when it is cleared', () => {
    const s = run(start(), { type: 'row/select', key: 'a › b' }, { type: 'mapping/apply', choice: mapping });
    expect(s).toMatchObject({ mapping, selectedRow: null });
    const t = run(s, { type: 'row/select', key: 'c › d' }, { type: 'mapping/clear' });
    expect(t).toMatchObject({ mapping: null, selectedRow: 'c › d' });
  });

  it('restores a link: template, filing and language; the mapping and the selection stay', () => {
    const s = run(start(), { type: 'mapping/apply', choice: mapping }, { type: 'row/select', key: 'k' }, { type: 'json/edit' });
    const r = run(s, { type: 'link/restore', shared: { file: F2024, year: 2024, template: 'linked', filing: 'f', lang: 'en' } });
    expect(r).toMatchObject({ file: F2024, year: 2024, filing: 'f', lang: 'en', jsonDirty: false, mapping, selectedRow: 'k' });
    expect(r.buffers.get(F2024)).toBe('linked');
    expect(r.buffers.get(F2023)).toBe('T2023');
    // a link without a language keeps the page's
    expect(run(start({ lang: 'en' }), { type: 'link/restore', shared: { file: F2023, year: 2023, template: 't', filing: 'f' } }).lang).toBe('en');
  });

  it('counts an edit of the filing: typed or from the grid always, valid JSON only when it differs', () => {
    const s = start();
    const edited = (a: Action) => filingEdited(reduce(s, a, catalogue), s, a);
    expect(edited({ type: 'filing/type', text: 'seed' })).toBe(true);
    expect(edited({ type: 'filing/grid', text: '{}' })).toBe(true);
    expect(edited({ type: 'filing/json', text: '{}' })).toBe(true);
    expect(edited({ type: 'filing/json', text: 'seed' })).toBe(false);
    // a reset and a link make their own requests
    expect(edited({ type: 'filing/reset', text: 'other' })).toBe(false);
    // a valid JSON edit that changes nothing still clears the pending edit
    expect(run(start({ jsonDirty: true }), { type: 'filing/json', text: 'seed' }).jsonDirty).toBe(false);
  });

  it('numbers the toasts, so the same message said twice shows twice', () => {
    const s = run(start(), { type: 'toast', key: 'restored' }, { type: 'toast', key: 'restored' });
    expect(s.toast).toEqual({ key: 'restored', n: 2 });
    expect(run(s, { type: 'toast', key: 'notInTemplate', vars: { name: 'X' } }).toast).toEqual({ key: 'notInTemplate', vars: { name: 'X' }, n: 3 });
  });
});

describe('the templates compared on the 对比 tab', () => {
  it("starts from the editor's template against the next year of its jurisdiction, or the previous one against the newest", () => {
    expect(defaultPick(catalogue, '部门整体支出', F2023)).toEqual({ form: '部门整体支出', from: F2023, to: F2024 });
    expect(defaultPick(catalogue, '部门整体支出', F2024)).toEqual({ form: '部门整体支出', from: F2023, to: F2024 });
    // 全国 has one 部门整体支出: compared with itself, not with 甘肃's
    expect(defaultPick(catalogue, '部门整体支出', F2020)).toEqual({ form: '部门整体支出', from: F2020, to: F2020 });
  });

  it("for another form, the two newest years in the editor's jurisdiction, else in the first that has the form", () => {
    // the editor is in 全国, which has 部门整体支出 2020 only
    expect(defaultPick(catalogue, '部门整体支出', P2020)).toEqual({ form: '部门整体支出', from: F2020, to: F2020 });
    // the editor is in 甘肃, which has no 项目支出: 全国's two newest
    expect(defaultPick(catalogue, '项目支出', F2023)).toEqual({ form: '项目支出', from: P2020, to: P2022 });
  });

  it("is picked when the tab first opens, from the editor's form, and kept after", () => {
    const s = run(start(), { type: 'tab', tab: 'diff' });
    expect(s.diffPick).toEqual({ form: '部门整体支出', from: F2023, to: F2024 });
    const t = run(s, { type: 'diff/swap' }, { type: 'tab', tab: 'score' }, { type: 'template/select', file: F2024 }, { type: 'tab', tab: 'diff' });
    expect(t.diffPick).toEqual({ form: '部门整体支出', from: F2024, to: F2023 });
  });

  it('a new form takes its default templates and clears the comparison shown; any two (jurisdiction, year) can be picked', () => {
    const shown = { kind: 'diffed' as const, seq: 1, diff: null, impact: null, problems: [] };
    const s = run(start(), { type: 'tab', tab: 'diff' }, { type: 'diff/reply', reply: shown });
    expect(s.lastDiff).toBe(shown);
    const t = run(s, { type: 'diff/form', form: '项目支出' });
    expect(t).toMatchObject({ diffPick: { form: '项目支出', from: P2020, to: P2022 }, lastDiff: null });
    expect(run(t, { type: 'diff/from', file: P2022 }, { type: 'diff/to', file: P2020 }).diffPick).toEqual({ form: '项目支出', from: P2022, to: P2020 });
    // across jurisdictions
    expect(run(s, { type: 'diff/from', file: F2020 }).diffPick).toEqual({ form: '部门整体支出', from: F2020, to: F2024 });
  });
});

describe('Store', () => {
  it('announces an action dispatched by a listener after the one being announced, each with its own state', () => {
    const store = new Store(start(), catalogue);
    const heard: string[] = [];
    // like the editor: a switch of template makes it replace its text, which is an edit
    store.subscribe((s, _prev, a) => {
      if (a.type === 'template/select') {
        store.dispatch({ type: 'template/edit', text: 'replaced' });
        // the state is current at once, though the edit is announced later
        heard.push(`state after nested dispatch: ${store.state.version}`);
      }
      heard.push(`A ${a.type} ${s.file} v${s.version}`);
    });
    store.subscribe((s, prev, a) => heard.push(`B ${a.type} ${prev.version}→${s.version}`));
    store.dispatch({ type: 'template/select', file: F2024 });
    expect(heard).toEqual(['state after nested dispatch: 3', `A template/select ${F2024} v2`, 'B template/select 1→2', `A template/edit ${F2024} v3`, 'B template/edit 2→3']);
    expect(store.templateText(F2024)).toBe('replaced');
  });

  it('runs every listener when one throws, then rethrows the error', () => {
    const store = new Store(start(), catalogue);
    const heard: string[] = [];
    store.subscribe(() => {
      throw new Error('pane failed');
    });
    store.subscribe((_s, _p, a) => heard.push(a.type));
    expect(() => store.dispatch({ type: 'lang', lang: 'en' })).toThrow('pane failed');
    expect(heard).toEqual(['lang']);
    expect(store.state.lang).toBe('en');
    // the store goes on: the next action is announced (and the failure reported) again
    expect(() => store.dispatch({ type: 'lang', lang: 'zh' })).toThrow('pane failed');
    expect(heard).toEqual(['lang', 'lang']);
  });

  it('stops announcing to an unsubscribed listener', () => {
    const store = new Store(start(), catalogue);
    const heard: string[] = [];
    const off = store.subscribe((_s, _p, a) => heard.push(a.type));
    store.dispatch({ type: 'json/edit' });
    off();
    store.dispatch({ type: 'filing/mode', mode: 'grid' });
    expect(heard).toEqual(['json/edit']);
    expect(store.state.filingMode).toBe('grid');
  });
});
