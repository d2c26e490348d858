// Workspace mode: when the playground is served by `jixiao serve`, a 工作台 button opens
// the bureau's workspace over the page — template versions (open, save a draft, history,
// diff against any earlier version, publish), filings (upload), runs (start, progress, a
// sortable and filterable table, charts, review of findings, export) and the impact of the
// editor's text over a year's stored filings. Served as plain files, the playground stays
// as it was: the probe finds no API and nothing is added.
import type { Key, Words } from '../i18n.ts';
import type { Store } from '../state/store.ts';
import type { EditorHost } from '../panes/template-view.ts';
import { h } from '../ui/dom.ts';
import { api, ApiFailure, setToken, upload, type Msg } from './api.ts';
import { gradeChart, historyChart, sectionsChart } from './charts.ts';

type View = 'templates' | 'filings' | 'runs' | 'impact';
const GRADE_ORDER = ['优', '良', '中', '差'];
const FORMS = ['部门整体支出', '项目支出'];
const STATUSES = ['待核实', '已退回', '已确认', '已忽略'] as const;

interface Opened {
  templateId: number;
  versionId: number;
  number: number;
  region: string;
  year: number;
  form: string;
}

export interface WorkspaceHooks {
  opened(): Opened | null;
  run(): { id: number; status: string } | null;
}

export interface WorkspacePage {
  store: Store;
  w: Words;
  editor: EditorHost;
  header: HTMLElement;
  main: HTMLElement;
  beforeLang: Node;
}

/** The workspace on the page, once start.ts has found the server (`me`: null until logged in). */
export function openWorkspace(p: WorkspacePage, me: { name: string; roles: string[]; local: boolean } | null): WorkspaceHooks {
  return new Workspace(p, me).hooks();
}

class Workspace {
  private readonly section = h('section', { id: 'workspace', class: 'right', hidden: true });
  private readonly toggle = h('button', { type: 'button', id: 'ws-toggle' });
  private readonly nav = h('nav', { class: 'ws-nav' });
  private readonly body = h('div', { class: 'ws-body' });
  private readonly status = h('div', { id: 'ws-status', role: 'status' });
  private readonly userBox = h('span', { id: 'ws-user', class: 'muted' });
  private view: View = 'templates';
  private opened: Opened | null = null;
  private currentRun: { id: number; status: string } | null = null;
  private poll: number | null = null;
  private readonly w: Words;
  private readonly t: (k: Key, v?: Record<string, string | number>) => string;

  constructor(
    private readonly p: WorkspacePage,
    private me: { name: string; roles: string[]; local: boolean } | null,
  ) {
    this.w = p.w;
    this.t = (k, v) => p.w.t(k, v);
    p.header.insertBefore(this.toggle, p.beforeLang);
    // the workspace takes the right half; the template editor stays on the left, to edit what it opens
    p.main.append(this.section);
    this.section.append(h('div', { class: 'ws-top' }, this.nav, h('span', { class: 'spacer' }), this.userBox), this.status, this.body);
    this.toggle.addEventListener('click', () => this.show(this.section.hidden === true));
    p.store.subscribe((s, prev) => {
      if (s.lang !== prev.lang) this.render();
    });
    this.render();
  }

  hooks(): WorkspaceHooks {
    return { opened: () => this.opened, run: () => this.currentRun };
  }

  private show(on: boolean): void {
    this.section.hidden = !on;
    const right = this.p.main.querySelector<HTMLElement>('.right');
    if (right) right.hidden = on;
    this.p.main.classList.toggle('ws-on', on);
    this.render();
  }

  private say(m: string | Msg, kind: 'ok' | 'error' = 'ok'): void {
    this.status.textContent = typeof m === 'string' ? m : this.w.pick(m);
    this.status.className = kind === 'error' ? 'ws-error' : 'ws-ok';
  }

  private fail(e: unknown): void {
    if (e instanceof ApiFailure) this.say({ zh: `${e.msg.zh} [${e.code}]`, en: `${e.msg.en} [${e.code}]` }, 'error');
    else this.say(String(e), 'error');
  }

  private render(): void {
    this.toggle.textContent = this.section.hidden ? this.t('wsOpen') : this.t('wsClose');
    this.nav.replaceChildren(
      ...(['templates', 'filings', 'runs', 'impact'] as const).map((v) => {
        const b = h(
          'button',
          { type: 'button', id: `ws-nav-${v}`, 'aria-pressed': String(this.view === v) },
          this.t(({ templates: 'wsTemplates', filings: 'wsFilings', runs: 'wsRuns', impact: 'wsImpact' } as const)[v]),
        );
        b.addEventListener('click', () => {
          this.view = v;
          // what the last view said does not belong to the next
          this.status.textContent = '';
          this.render();
        });
        return b;
      }),
    );
    this.userBox.replaceChildren();
    if (this.me) {
      this.userBox.append(this.t('wsUser', { name: this.me.name, roles: this.me.roles.join('、') }));
      if (!this.me.local) {
        const out = h('button', { type: 'button' }, this.t('wsLogout'));
        out.addEventListener('click', () => {
          void api('POST', '/api/logout').finally(() => {
            setToken(null);
            this.me = null;
            this.render();
          });
        });
        this.userBox.append(' ', out);
      }
    }
    if (this.section.hidden) return;
    if (!this.me) {
      this.renderLogin();
      return;
    }
    if (this.poll !== null) clearTimeout(this.poll);
    this.poll = null;
    void ({ templates: () => this.renderTemplates(), filings: () => this.renderFilings(), runs: () => this.renderRuns(), impact: () => this.renderImpact() } as const)
      [this.view]()
      .catch((e) => this.fail(e));
  }

  private renderLogin(): void {
    const name = h('input', { id: 'ws-login-name', autocomplete: 'username' });
    const pw = h('input', { id: 'ws-login-password', type: 'password', autocomplete: 'current-password' });
    const go = h('button', { type: 'submit', id: 'ws-login' }, this.t('wsLogin'));
    const form = h(
      'form',
      { class: 'ws-login' },
      h('p', {}, this.t('wsLoginNeeded')),
      h('label', {}, this.t('wsName'), ' ', name),
      h('label', {}, this.t('wsPassword'), ' ', pw),
      go,
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void api<{ token: string }>('POST', '/api/login', { name: name.value, password: pw.value })
        .then(async (r: { token: string }) => {
          setToken(r.token);
          this.me = await api('GET', '/api/me');
          this.render();
        })
        .catch((e) => this.fail(e));
    });
    this.body.replaceChildren(form);
  }

  // ───────── templates ─────────

  private async renderTemplates(): Promise<void> {
    const { templates } = await api<{
      templates: { id: number; region: string; year: number; form: string; latest: { number: number; status: string }; published: { number: number } | null; versions: number }[];
    }>('GET', '/api/templates');
    const pick = h('select', { id: 'ws-template' }, ...templates.map((t) => h('option', { value: String(t.id) }, `${t.region} ${t.year} ${t.form}（${t.versions}）`)));
    if (this.opened) pick.value = String(this.opened.templateId);
    const history = h('div', { id: 'ws-history' });
    const diffBox = h('div', { id: 'ws-diff' });
    const note = h('input', { id: 'ws-note', placeholder: this.t('wsNote'), size: 30 });
    const save = h('button', { type: 'button', id: 'ws-save' }, this.t('wsSaveDraft'));
    const publish = h('button', { type: 'button', id: 'ws-publish' }, this.t('wsPublish'));
    const openedLine = h(
      'p',
      { id: 'ws-opened', class: 'muted' },
      this.opened ? this.t('wsOpened', { region: this.opened.region, year: this.opened.year, form: this.opened.form, n: this.opened.number }) : this.t('wsNothingOpened'),
    );
    const load = async () => {
      const id = Number(pick.value);
      if (!id) return;
      const { versions } = await api<{ versions: { id: number; number: number; status: string; author: string; createdAt: string; note: string; contentHash: string }[] }>(
        'GET',
        `/api/templates/${id}/versions`,
      );
      const checks = new Map<number, HTMLInputElement>();
      const rows = versions.map((v) => {
        const open = h('button', { type: 'button', class: 'ws-open', 'data-version': String(v.id) }, this.t('wsOpenVersion'));
        open.addEventListener(
          'click',
          () =>
            void this.openVersion(v.id)
              .then(() => this.render())
              .catch((e) => this.fail(e)),
        );
        const cmp = h('button', { type: 'button', class: 'ws-diff-editor' }, this.t('wsDiffWith'));
        cmp.addEventListener(
          'click',
          () => void this.showDiff(diffBox, { version: v.id }, { source: this.p.editor.text(), region: this.opened?.region }).catch((e) => this.fail(e)),
        );
        const box = h('input', { type: 'checkbox', class: 'ws-pick', 'data-version': String(v.id) });
        checks.set(v.id, box);
        return h(
          'tr',
          { 'data-number': String(v.number) },
          h('td', {}, box),
          h('td', { class: 'num' }, String(v.number)),
          h('td', {}, v.status === 'published' ? this.t('wsPublished') : this.t('wsDraft')),
          h('td', {}, v.author),
          h('td', {}, new Date(v.createdAt).toLocaleString()),
          h('td', {}, v.note),
          h('td', {}, h('code', {}, v.contentHash.slice(0, 12))),
          h('td', {}, open, ' ', cmp),
        );
      });
      const two = h('button', { type: 'button', id: 'ws-diff-two' }, this.t('wsDiffPick'));
      two.addEventListener('click', () => {
        const ids = [...checks]
          .filter(([, b]) => b.checked)
          .map(([id]) => id)
          .sort((a, b) => a - b);
        if (ids.length === 2) void this.showDiff(diffBox, { version: ids[0]! }, { version: ids[1]! }).catch((e) => this.fail(e));
      });
      history.replaceChildren(
        h('h3', {}, this.t('wsHistory')),
        h(
          'table',
          { class: 'ws-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', {}),
              h('th', {}, this.t('wsVersion')),
              h('th', {}, this.t('wsStatus')),
              h('th', {}, this.t('wsAuthor')),
              h('th', {}, this.t('wsTime')),
              h('th', {}, this.t('wsNote')),
              h('th', {}, this.t('wsHash')),
              h('th', {}),
            ),
          ),
          h('tbody', {}, ...rows),
        ),
        two,
      );
    };
    pick.addEventListener('change', () => void load().catch((e) => this.fail(e)));
    save.addEventListener('click', () => void this.saveDraft(note.value, diffBox).catch((e) => this.fail(e)));
    publish.addEventListener('click', () => void this.publish().catch((e) => this.fail(e)));
    this.body.replaceChildren(
      h('div', { class: 'bar-row' }, h('label', {}, this.t('wsTemplates'), ' ', pick)),
      openedLine,
      h('div', { class: 'bar-row' }, note, save, publish),
      history,
      diffBox,
    );
    await load();
  }

  private async openVersion(id: number): Promise<void> {
    const v = await api<{ id: number; templateId: number; number: number; region: string; year: number; form: string; source: string }>('GET', `/api/versions/${id}`);
    const file = `rules/${v.region}/${v.year}/${v.form}.jx`;
    if (this.p.store.catalogue.some((c) => c.file === file)) this.p.store.dispatch({ type: 'template/select', file });
    this.p.editor.setText(v.source);
    this.opened = { templateId: v.templateId, versionId: v.id, number: v.number, region: v.region, year: v.year, form: v.form };
    this.say(this.t('wsOpened', { region: v.region, year: v.year, form: v.form, n: v.number }));
  }

  private async saveDraft(note: string, diffBox: HTMLElement): Promise<void> {
    const o = this.opened;
    if (!o) return this.say(this.t('wsNothingOpened'), 'error');
    try {
      const v = await api<{ id: number; number: number }>('POST', `/api/templates/${o.templateId}/versions`, { source: this.p.editor.text(), note, baseVersion: o.versionId });
      if (v.id === o.versionId) this.say(this.t('wsUnchanged'));
      else this.say(this.t('wsSaved', { n: v.number }));
      this.opened = { ...o, versionId: v.id, number: v.number };
      this.render();
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 409) {
        const cur = e.body['current'] as { number: number };
        this.say(this.t('wsConflict', { n: cur.number }), 'error');
        this.renderDiff(diffBox, e.body['diff'] as DiffBody | null, e.body['textDiff'] as { op: string; line: string }[]);
        return;
      }
      throw e;
    }
  }

  private async publish(): Promise<void> {
    const o = this.opened;
    if (!o) return this.say(this.t('wsNothingOpened'), 'error');
    const r = await api<{ version: { number: number }; tests: { cases: unknown[]; coverage: { percent: number } | null } }>('POST', `/api/versions/${o.versionId}/publish`, {});
    this.say(this.t('wsPublishedOk', { n: r.version.number, cases: r.tests.cases.length, pct: r.tests.coverage?.percent ?? 0 }));
    this.render();
  }

  /** The semantic diff and the line diff of two versions (or a version and the editor's text), both from the server. */
  private async showDiff(box: HTMLElement, from: unknown, to: unknown): Promise<void> {
    const d = await api<DiffBody & { textDiff: { op: string; line: string }[] }>('POST', '/api/diff', { from, to });
    this.renderDiff(box, d, d.textDiff);
  }

  private renderDiff(box: HTMLElement, d: DiffBody | null, text: { op: string; line: string }[]): void {
    const changes = d?.changes ?? [];
    box.replaceChildren(
      h('h3', {}, this.t('wsSemantic')),
      changes.length
        ? h('ul', { class: 'ws-changes' }, ...changes.map((c) => h('li', { class: `change-${c.change}` }, this.w.pick(c.message))))
        : h('p', { class: 'muted' }, this.t('wsNoChanges')),
      h('h3', {}, this.t('wsTextDiff')),
      h(
        'pre',
        { class: 'ws-textdiff' },
        ...text
          .filter((l, i, a) => l.op !== ' ' || a[i - 1]?.op !== ' ' || a[i + 1]?.op !== ' ')
          .map((l) => h('div', { class: l.op === '+' ? 'add' : l.op === '-' ? 'del' : '' }, `${l.op} ${l.line}`)),
      ),
    );
  }

  // ───────── filings ─────────

  private placeInputs(prefix: string): { region: HTMLInputElement; year: HTMLInputElement; form: HTMLSelectElement; row: HTMLElement } {
    const region = h('input', { id: `${prefix}-region`, size: 12, value: this.opened?.region ?? '甘肃' });
    const year = h('input', { id: `${prefix}-year`, size: 5, value: String(this.opened?.year ?? 2023) });
    const form = h('select', { id: `${prefix}-form` }, ...FORMS.map((f) => h('option', { value: f }, f)));
    form.value = this.opened?.form ?? '部门整体支出';
    return {
      region,
      year,
      form,
      row: h(
        'span',
        { class: 'bar-row' },
        h('label', {}, this.t('wsRegion'), ' ', region),
        h('label', {}, this.t('wsYear'), ' ', year),
        h('label', {}, this.t('wsForm'), ' ', form),
      ),
    };
  }

  private async renderFilings(): Promise<void> {
    const files = h('input', { type: 'file', id: 'ws-files', multiple: true, accept: '.xlsx,.xlsm,.tsv,.txt,.json,.zip' });
    const place = this.placeInputs('ws-up');
    const go = h('button', { type: 'button', id: 'ws-upload' }, this.t('wsUpload'));
    const result = h('ul', { id: 'ws-upload-result' });
    const list = h('div', { id: 'ws-filings' });
    const refresh = async () => {
      const r = await api<{
        total: number;
        filings: { id: number; region: string; year: number; form: string; unit: string; revision: number; filename: string; uploadedBy: string; uploadedAt: string }[];
      }>('GET', `/api/filings?limit=500`);
      list.replaceChildren(
        h(
          'table',
          { class: 'ws-table' },
          h('thead', {}, h('tr', {}, ...(['wsUnit', 'wsRegion', 'wsYear', 'wsForm', 'wsRevision', 'wsFile', 'wsUploadedBy'] as const).map((k) => h('th', {}, this.t(k))))),
          h(
            'tbody',
            {},
            ...r.filings.map((f) =>
              h(
                'tr',
                {},
                h('td', {}, f.unit),
                h('td', {}, f.region),
                h('td', {}, String(f.year)),
                h('td', {}, f.form),
                h('td', { class: 'num' }, String(f.revision)),
                h('td', {}, f.filename),
                h('td', {}, f.uploadedBy),
              ),
            ),
          ),
        ),
      );
    };
    go.addEventListener('click', () => {
      const fd = new FormData();
      for (const f of files.files ?? []) fd.append('files', f);
      if (place.region.value) fd.append('region', place.region.value);
      if (place.year.value) fd.append('year', place.year.value);
      fd.append('form', place.form.value);
      void upload<{ stored: number; refused: number; files: { name: string; ok: boolean; unit?: string; revision?: number; error?: { code: string; message: Msg } }[] }>(
        '/api/filings',
        fd,
      )
        .then(async (r) => {
          this.say(this.t('wsUploaded', { stored: r.stored, refused: r.refused }), r.refused ? 'error' : 'ok');
          result.replaceChildren(
            ...r.files.map((f) =>
              h(
                'li',
                { class: f.ok ? '' : 'warn' },
                f.ok ? `${f.name} → ${f.unit}（${this.t('wsRevision')} ${f.revision}）` : `${f.name}: ${this.w.pick(f.error!.message)} [${f.error!.code}]`,
              ),
            ),
          );
          await refresh();
        })
        .catch((e) => this.fail(e));
    });
    this.body.replaceChildren(h('p', { class: 'hint' }, this.t('wsUploadHint')), h('div', { class: 'bar-row' }, files, place.row, go), result, list);
    await refresh();
  }

  // ───────── runs ─────────

  private async renderRuns(): Promise<void> {
    const place = this.placeInputs('ws-run');
    const start = h('button', { type: 'button', id: 'ws-start-run' }, this.t('wsStartRun'));
    const runs = await api<{ runs: RunBody[] }>('GET', '/api/runs');
    const pick = h(
      'select',
      { id: 'ws-run-pick' },
      h('option', { value: '' }, this.t('wsSelectRun')),
      ...runs.runs.map((r) => h('option', { value: String(r.id) }, this.t('wsRunOf', { id: r.id, region: r.region, year: r.year, form: r.form, n: r.version.number }))),
    );
    const detail = h('div', { id: 'ws-run' });
    if (this.currentRun) pick.value = String(this.currentRun.id);
    start.addEventListener('click', () => {
      void api<RunBody>('POST', '/api/runs', { region: place.region.value, year: Number(place.year.value), form: place.form.value })
        .then((r) => {
          this.currentRun = { id: r.id, status: r.status };
          this.render();
        })
        .catch((e) => this.fail(e));
    });
    pick.addEventListener('change', () => {
      this.currentRun = pick.value ? { id: Number(pick.value), status: '' } : null;
      this.render();
    });
    this.body.replaceChildren(h('div', { class: 'bar-row' }, place.row, start), h('div', { class: 'bar-row' }, pick), detail);
    if (this.currentRun) await this.renderRun(detail, this.currentRun.id);
  }

  private runFilter = { grade: '', code: '', sort: 'unit', order: 'asc' as 'asc' | 'desc' };

  private async renderRun(box: HTMLElement, id: number): Promise<void> {
    const run = await api<RunBody>('GET', `/api/runs/${id}`);
    this.currentRun = { id, status: run.status };
    const statusWord = this.t(({ queued: 'runQueued', running: 'runRunning', done: 'runDone', failed: 'runFailed' } as const)[run.status]);
    const progress = h('p', { id: 'ws-progress', 'data-status': run.status }, this.t('wsProgress', { done: run.done, total: run.total, failed: run.failed, status: statusWord }));
    if (run.status === 'queued' || run.status === 'running') {
      box.replaceChildren(h('h3', {}, this.t('wsRunOf', { id, region: run.region, year: run.year, form: run.form, n: run.version.number })), progress);
      this.poll = window.setTimeout(() => void this.renderRun(box, id).catch((e) => this.fail(e)), 300);
      return;
    }
    const [stats, table] = await Promise.all([
      api<{ grades: { grade: string; count: number }[]; sections: { name: string; cap: number; average: number; share: number }[]; codes: { code: string; filings: number }[] }>(
        'GET',
        `/api/runs/${id}/stats`,
      ),
      api<{ total: number; rows: RowBody[] }>(
        'GET',
        `/api/runs/${id}/filings?limit=1000&sort=${this.runFilter.sort}&order=${this.runFilter.order}${this.runFilter.grade ? `&grade=${encodeURIComponent(this.runFilter.grade)}` : ''}${this.runFilter.code ? `&code=${this.runFilter.code}` : ''}`,
      ),
    ]);
    const gradeSel = h(
      'select',
      { id: 'ws-filter-grade' },
      h('option', { value: '' }, this.t('wsAllGrades')),
      ...stats.grades.map((g) => h('option', { value: g.grade }, `${g.grade}（${g.count}）`)),
    );
    gradeSel.value = this.runFilter.grade;
    const codeSel = h(
      'select',
      { id: 'ws-filter-code' },
      h('option', { value: '' }, this.t('wsAllCodes')),
      ...stats.codes.map((c) => h('option', { value: c.code }, `${c.code}（${c.filings}）`)),
    );
    codeSel.value = this.runFilter.code;
    for (const [sel, k] of [
      [gradeSel, 'grade'],
      [codeSel, 'code'],
    ] as const)
      sel.addEventListener('change', () => {
        this.runFilter[k] = sel.value;
        void this.renderRun(box, id).catch((e) => this.fail(e));
      });
    const cols: [string, Key, boolean][] = [
      ['unit', 'wsUnit', false],
      ['total', 'wsTotal', true],
      ['grade', 'wsGrade', false],
      ['stated', 'wsStated', true],
      ['errors', 'wsErrors', true],
      ['warnings', 'wsWarnings', true],
      ['codes', 'wsFindings', false],
      ['reviewed', 'wsReviewed', true],
    ];
    const head = h(
      'tr',
      {},
      ...cols.map(([k, label]) => {
        const sortable = ['unit', 'total', 'grade', 'errors', 'warnings'].includes(k);
        const mark = this.runFilter.sort === k ? (this.runFilter.order === 'asc' ? ' ▲' : ' ▼') : '';
        const th = h('th', { 'data-sort': sortable ? k : undefined, class: sortable ? 'sortable' : '' }, this.t(label) + mark);
        if (sortable)
          th.addEventListener('click', () => {
            this.runFilter.order = this.runFilter.sort === k && this.runFilter.order === 'asc' ? 'desc' : 'asc';
            this.runFilter.sort = k;
            void this.renderRun(box, id).catch((e) => this.fail(e));
          });
        return th;
      }),
    );
    const report = h('div', { id: 'ws-report' });
    const rows = table.rows.map((r) => {
      const tr = h(
        'tr',
        { class: 'ws-row', 'data-filing': String(r.filingId) },
        h('td', {}, r.unit),
        h('td', { class: 'num' }, r.total === null ? '—' : String(r.total)),
        h('td', {}, r.grade ?? '—'),
        h('td', { class: 'num' }, r.statedTotal === null ? '—' : String(r.statedTotal)),
        h('td', { class: 'num' }, String(r.errors)),
        h('td', { class: 'num' }, String(r.warnings)),
        h('td', {}, r.error ? `${r.error.code} ${this.w.pick(r.error.message)}` : r.codes.join(' ')),
        h('td', { class: 'num' }, String(r.reviewed)),
      );
      tr.addEventListener('click', () => void this.renderReport(report, id, r.filingId, r.unit, run).catch((e) => this.fail(e)));
      return tr;
    });
    const charts = h(
      'div',
      { class: 'ws-charts' },
      h('div', { id: 'chart-grades', class: 'ws-chart' }),
      h('div', { id: 'chart-sections', class: 'ws-chart' }),
      h('div', { id: 'chart-history', class: 'ws-chart' }),
    );
    const exportLink = h('a', { id: 'ws-export', href: `/api/runs/${id}/export.xlsx`, download: '' }, this.t('wsExport'));
    box.replaceChildren(
      h('h3', {}, this.t('wsRunOf', { id, region: run.region, year: run.year, form: run.form, n: run.version.number })),
      h('div', { class: 'bar-row' }, progress, exportLink),
      charts,
      h('div', { class: 'bar-row' }, gradeSel, codeSel, h('span', { class: 'muted' }, `${table.rows.length} / ${table.total}`)),
      h('table', { class: 'ws-table', id: 'ws-run-table' }, h('thead', {}, head), h('tbody', {}, ...rows)),
      report,
    );
    gradeChart(charts.children[0] as HTMLElement, this.t('wsChartGrades'), stats.grades, GRADE_ORDER);
    sectionsChart(charts.children[1] as HTMLElement, this.t('wsChartSections'), stats.sections);
    const first = table.rows[0];
    if (first) await this.unitHistory(charts.children[2] as HTMLElement, first.unit, run);
  }

  private async unitHistory(el: HTMLElement, unit: string, run: RunBody): Promise<void> {
    const hst = await api<{ points: { year: number; total: number | null; grade: string | null }[] }>(
      'GET',
      `/api/units/history?unit=${encodeURIComponent(unit)}&region=${encodeURIComponent(run.region)}&form=${encodeURIComponent(run.form)}`,
    );
    historyChart(el, this.t('wsChartHistory', { unit }), hst.points);
  }

  private async renderReport(box: HTMLElement, runId: number, filingId: number, unit: string, run: RunBody): Promise<void> {
    const r = await api<{
      report: { total: number; grade: string } | null;
      findings: FindingBody[];
      comments: { author: string; body: string; createdAt: string; finding: number | null }[];
    }>('GET', `/api/runs/${runId}/filings/${filingId}`);
    const hist = document.getElementById('chart-history');
    if (hist) await this.unitHistory(hist, unit, run);
    const items = r.findings.map((f) => {
      const sel = h('select', { class: 'ws-review-status' }, ...STATUSES.map((s) => h('option', { value: s }, s)));
      sel.value = f.review.status;
      const reason = h('input', { class: 'ws-review-reason', placeholder: this.t('wsReason'), value: f.review.reason, size: 28 });
      const save = h('button', { type: 'button', class: 'ws-review-save' }, this.t('wsSaveReview'));
      save.addEventListener('click', () => {
        void api('PUT', `/api/runs/${runId}/filings/${filingId}/findings/${f.index}/review`, { status: sel.value, reason: reason.value })
          .then(() => this.say(this.t('wsReviewSaved')))
          .catch((e) => this.fail(e));
      });
      return h(
        'li',
        { class: `finding sev-${f.severity}`, 'data-index': String(f.index), 'data-code': f.code },
        h('span', { class: 'path' }, f.path.join(' › ')),
        ' ',
        this.w.pick(f.message),
        h('code', {}, f.code),
        h(
          'div',
          { class: 'bar-row' },
          sel,
          reason,
          save,
          f.review.updatedBy ? h('span', { class: 'muted' }, `${f.review.updatedBy} ${new Date(f.review.updatedAt!).toLocaleString()}`) : null,
        ),
      );
    });
    const text = h('input', { id: 'ws-comment', size: 40 });
    const add = h('button', { type: 'button', id: 'ws-comment-add' }, this.t('wsAddComment'));
    add.addEventListener(
      'click',
      () =>
        void api('POST', `/api/runs/${runId}/filings/${filingId}/comments`, { body: text.value })
          .then(() => this.renderReport(box, runId, filingId, unit, run))
          .catch((e) => this.fail(e)),
    );
    box.replaceChildren(
      h('h3', {}, `${unit}${r.report ? ` — ${this.t('wsTotal')} ${r.report.total} ${r.report.grade}` : ''}`),
      h('h4', {}, this.t('wsFindings')),
      h('ul', { class: 'findings ws-findings' }, ...items),
      h('h4', {}, this.t('wsComments')),
      h('ul', {}, ...r.comments.map((c) => h('li', {}, `${c.author}（${new Date(c.createdAt).toLocaleString()}）：${c.body}`))),
      h('div', { class: 'bar-row' }, text, add),
    );
  }

  // ───────── impact ─────────

  private async renderImpact(): Promise<void> {
    const place = this.placeInputs('ws-impact');
    const go = h('button', { type: 'button', id: 'ws-impact-run' }, this.t('wsImpactRun'));
    const out = h('div', { id: 'ws-impact' });
    go.addEventListener('click', () => {
      out.replaceChildren(this.t('wsLoading'));
      const region = place.region.value;
      const year = Number(place.year.value);
      const form = place.form.value;
      void api<ImpactBody>('POST', '/api/impact/corpus', { from: { region, year, form }, to: { source: this.p.editor.text(), region }, region, year, form })
        .then((r) => this.showImpact(out, r))
        .catch((e) => this.fail(e));
    });
    this.body.replaceChildren(h('p', { class: 'hint' }, `${this.t('wsImpactFrom')} → ${this.t('wsImpactTo')}`), h('div', { class: 'bar-row' }, place.row, go), out);
  }

  private showImpact(out: HTMLElement, r: ImpactBody): void {
    const matrix = h(
      'table',
      { class: 'ws-table ws-matrix', id: 'ws-matrix' },
      h('thead', {}, h('tr', {}, h('th', {}, '→'), ...r.grades.to.map((g) => h('th', {}, g)))),
      h(
        'tbody',
        {},
        ...r.grades.from.map((g, i) =>
          h('tr', {}, h('th', {}, g), ...r.grades.to.map((_, j) => h('td', { class: `num${i !== j && r.matrix[i]![j]! > 0 ? ' moved' : ''}` }, String(r.matrix[i]![j]!)))),
        ),
      ),
    );
    const movers = r.movers.length
      ? h(
          'table',
          { class: 'ws-table', id: 'ws-movers' },
          h('thead', {}, h('tr', {}, ...(['wsUnit', 'wsTotal', 'wsDelta', 'wsWhy'] as const).map((k) => h('th', {}, this.t(k))))),
          h(
            'tbody',
            {},
            ...r.movers.map((m) =>
              h(
                'tr',
                {},
                h('td', {}, m.unit),
                h('td', { class: 'num' }, `${m.from} → ${m.to}`),
                h('td', { class: 'num' }, m.delta > 0 ? `+${m.delta}` : String(m.delta)),
                h('td', {}, [m.gradeReason ? this.w.pick(m.gradeReason) : '', ...m.moved.map((x) => `${x.path.join(' › ')}：${this.w.pick(x.why)}`)].filter(Boolean).join('；')),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, this.t('wsNoMovers'));
    out.replaceChildren(h('h3', {}, this.t('wsMatrix')), matrix, h('h3', {}, this.t('wsMovers')), movers);
  }
}

interface DiffBody {
  changes: { area: string; change: string; message: Msg }[];
}
interface RunBody {
  id: number;
  region: string;
  year: number;
  form: string;
  version: { number: number };
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  done: number;
  failed: number;
}
interface RowBody {
  filingId: number;
  unit: string;
  total: number | null;
  grade: string | null;
  statedTotal: number | null;
  errors: number;
  warnings: number;
  codes: string[];
  error: { code: string; message: Msg } | null;
  reviewed: number;
}
interface FindingBody {
  index: number;
  code: string;
  severity: string;
  path: string[];
  message: Msg;
  review: { status: string; reason: string; updatedBy: string | null; updatedAt: string | null };
}
interface ImpactBody {
  grades: { from: string[]; to: string[] };
  matrix: number[][];
  movers: { unit: string; from: number; to: number; delta: number; gradeReason: Msg | null; moved: { path: string[]; why: Msg }[] }[];
}
