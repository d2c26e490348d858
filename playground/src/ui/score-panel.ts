// The score panel: total and grade — said plainly to rest on a filing with errors when it
// does —, each section as a bar against its cap with any proportional scaling written out,
// the findings (each with its help and a link to its explanation; many alike grouped;
// a filing of another form named once), and the row scores with target, actual and the
// calculation in columns, grouped by section. Renders a ScoreView (scoring.ts).
import type { Words } from '../i18n.ts';
import { formatNumber } from '@jixiao/compiler';
import type { Filing, IndicatorRow, Report } from '@jixiao/engine';
import type { ScoreView, TemplateSummary } from '../scoring.ts';
import type { KeptNote } from '../state/store.ts';
import { h, keepFocus } from './dom.ts';
import { codeOf, helpOf, isError, messageOf, pathOf, severityOf, sortFindings, titleOf, type FindingLike } from './findings.ts';
import { rowsOfFinding } from './grid.ts';
import type { FixData, MarkerData } from '../worker/protocol.ts';

const fmt = (n: number | null | undefined): string => formatNumber(n);

/** A section scaled because its rows' weights do not add up to its cap (the compiler's explanation, read back). */
export function scalingOf(explain: string | undefined): { sum: string; cap: string; raw: string; score: string } | null {
  const m = /各行分值合计 (\S+) ≠ 分值 (\S+)，按比例折算 (\S+) ÷ \S+ × \S+ = (\S+)/.exec(explain ?? '');
  return m ? { sum: m[1]!, cap: m[2]!, raw: m[3]!, score: m[4]! } : null;
}

function bar(score: number | null, cap: number, label: string): HTMLElement {
  const pct = cap > 0 && score !== null ? Math.max(0, Math.min(100, (score / cap) * 100)) : 0;
  return h(
    'div',
    { class: 'bar', role: 'meter', 'aria-label': label, 'aria-valuemin': 0, 'aria-valuemax': cap, 'aria-valuenow': score ?? 0 },
    h('div', { class: 'fill', style: `width:${pct.toFixed(1)}%` }),
  );
}

type SectionScore = { score: number; stated: number | null; explain?: string };

function sectionsTable(w: Words, template: TemplateSummary, scores: Map<string, SectionScore> | null): HTMLElement {
  const { t } = w;
  const body: HTMLElement[] = [];
  for (const s of template.sections) {
    const sc = scores?.get(s.name) ?? null;
    body.push(
      h(
        'tr',
        { 'data-section': s.name },
        h('th', { scope: 'row', translate: 'no' }, s.name),
        h('td', { class: 'num' }, sc ? fmt(sc.score) : '—'),
        h('td', { class: 'num muted' }, `/ ${s.cap}`),
        h('td', { class: 'barcell' }, bar(sc ? sc.score : null, s.cap, t('barLabel', { name: s.name, score: sc ? fmt(sc.score) : '—', cap: s.cap }))),
        h('td', { class: 'num muted' }, sc && sc.stated !== null ? `${t('stated')} ${sc.stated}` : ''),
      ),
    );
    // scaling is part of the score: written out on the page, not hidden in a tooltip
    const k = scalingOf(sc?.explain);
    if (k)
      body.push(
        h(
          'tr',
          { class: 'scaling', 'data-scaled': s.name },
          h(
            'td',
            { colspan: 5 },
            h('span', { class: 'scale-tag' }, t('scaledTag')),
            ' ',
            t('scaledText', { sum: k.sum, cap: k.cap }),
            ' ',
            h('span', { class: 'calc', translate: 'no' }, `${k.raw} ÷ ${k.sum} × ${k.cap} = ${k.score}`),
          ),
        ),
      );
  }
  return h('table', { class: 'sections' }, h('caption', {}, t('sections')), h('tbody', {}, ...body));
}

export interface ScoreContext {
  /** the template's diagnostics, listed when it cannot be scored */
  markers: MarkerData[];
  /** the last report of a valid template, shown dimmed under the errors */
  lastGood: ScoreView | null;
  jump(line: number, column: number, endLine?: number, endColumn?: number): void;
  /** reveal an indicator, a rule or a statement (总分, 扣分) in the editor; false when the editor's template does not write it */
  reveal(target: { section?: string; rule?: string; statement?: string }): boolean;
  /** the selected row (its path joined by ' › '), kept across re-renders */
  selectedRow: string | null;
  selectRow(key: string | null): void;
  /** the filing's header was not recognised: open the mapping step */
  openMapping(): void;
  /** open the explanation of an error code (docs/errors.md, in the page) */
  openDoc(code: string): void;
  /** apply one of the checker's fixes to the template */
  applyFix(fix: FixData): void;
  /** the notes of the pasted table, kept after the grid or JSON took over; dismiss them */
  keptNotes: KeptNote[];
  dismissNotes(): void;
  /** the form the filing says it is of, when it is not the template's: switch template / restore the sample */
  otherForm: { form: string; useTemplate: (() => void) | null; restoreSample: () => void } | null;
}

const rowKey = (path: string[]) => path.join(' › ');

/** Select the row `key` in the rows table under `root`: highlight, scroll into view. */
export function highlightRow(root: HTMLElement, key: string | null, scroll: boolean): HTMLElement | null {
  let hit: HTMLElement | null = null;
  for (const tr of root.querySelectorAll<HTMLElement>('table.rows tbody tr[data-row]')) {
    const on = key !== null && tr.dataset['row'] === key && !hit;
    tr.classList.toggle('selected', on);
    tr.setAttribute('aria-selected', String(on));
    if (on) hit = tr;
  }
  if (hit && scroll) {
    hit.scrollIntoView({ block: 'center' });
    hit.focus({ preventScroll: true });
  }
  return hit;
}

function highlightSection(root: HTMLElement, name: string): void {
  for (const tr of root.querySelectorAll<HTMLElement>('table.sections tr[data-section]')) tr.classList.toggle('selected', tr.dataset['section'] === name);
  root.querySelector<HTMLElement>(`table.sections tr.selected`)?.scrollIntoView({ block: 'nearest' });
}

/** The statement of the template a filing-wide finding is about. */
const STATEMENT: Record<string, string> = { JX3002: '总分', JX3007: '总分', JX3008: '总分', JX3021: '扣分' };

/** The button naming a code: its explanation opens in the page. */
function codeButton(w: Words, code: string, ctx: ScoreContext | undefined, key: string): HTMLElement {
  if (!ctx) return h('code', {}, code);
  const b = h('button', { type: 'button', class: 'code-link', 'data-focus-key': `doc:${key}`, 'aria-label': w.t('docOpen', { code }), title: w.t('docOpen', { code }) }, code);
  b.addEventListener('click', (e) => {
    e.stopPropagation();
    ctx.openDoc(code);
  });
  return b;
}

function findingItem(w: Words, root: HTMLElement, f: FindingLike, ctx: ScoreContext | undefined, key: string): HTMLElement {
  const { t } = w;
  const path = pathOf(f);
  const help = helpOf(f, w);
  const text = [
    h('span', { class: `sev sev-${severityOf(f)}` }, t(severityOf(f))),
    ' ',
    path.length ? h('span', { class: 'path', translate: 'no' }, path.join(' › ') + t('colon')) : null,
    f.line !== undefined ? h('span', { class: 'path' }, t('lineN', { n: f.line }) + t('colon')) : null,
    messageOf(f, w),
  ];
  const li = h('li', { class: `finding sev-${severityOf(f)}`, 'data-code': codeOf(f), 'data-path': rowKey(path) });
  const helpEl = help ? h('div', { class: 'help' }, h('span', { class: 'help-label' }, t('helpLabel')), help) : null;
  if (!ctx) {
    li.append(codeButton(w, codeOf(f), ctx, key), ' ', ...text.filter((c): c is HTMLElement | string => c !== null), ...(helpEl ? [helpEl] : []));
    return li;
  }
  const isRow = path.length >= 2;
  const btn = h('button', { type: 'button', class: 'finding-btn', 'data-focus-key': `f:${key}`, title: t(isRow ? 'findingRowHint' : 'findingEditorHint') }, ...text);
  btn.addEventListener('click', () => {
    const k = rowKey(path);
    if (isRow && highlightRow(root, k, true)) {
      ctx.selectRow(k);
      return;
    }
    if (path.length >= 1) {
      highlightSection(root, path[0]!);
      if (!ctx.reveal({ section: path[0]! })) ctx.reveal({ statement: '一级指标' });
      return;
    }
    const st = STATEMENT[codeOf(f)];
    if (st) ctx.reveal({ statement: st });
  });
  li.append(h('div', { class: 'finding-head' }, codeButton(w, codeOf(f), ctx, key), btn));
  if (helpEl) li.append(helpEl);
  return li;
}

/** Findings, errors first; a code met many times is one group (open to list them). */
function findingList(w: Words, root: HTMLElement, fs: readonly FindingLike[], ctx: ScoreContext | undefined, prefix: string): HTMLElement {
  const sorted = sortFindings(fs);
  const count = new Map<string, number>();
  for (const f of sorted) count.set(codeOf(f), (count.get(codeOf(f)) ?? 0) + 1);
  const ul = h('ul', {});
  const groups = new Map<string, HTMLElement>();
  const seen = new Map<string, number>();
  for (const f of sorted) {
    const code = codeOf(f);
    const n = seen.get(code) ?? 0;
    seen.set(code, n + 1);
    const item = findingItem(w, root, f, ctx, `${prefix}${code}:${rowKey(pathOf(f))}:${n}`);
    if ((count.get(code) ?? 0) < GROUP_AT) {
      ul.append(item);
      continue;
    }
    let g = groups.get(code);
    if (!g) {
      g = h('ul', { class: 'group-items' });
      groups.set(code, g);
      const title = titleOf(code, w);
      const summary = h(
        'summary',
        { 'data-focus-key': `g:${prefix}${code}` },
        h('span', { class: `sev sev-${severityOf(f)}` }, w.t(severityOf(f))),
        ' ',
        h('code', {}, code),
        ' ',
        title ?? '',
        ' ',
        h('strong', {}, w.t('timesN', { n: count.get(code)! })),
      );
      ul.append(h('li', { class: `finding-group sev-${severityOf(f)}`, 'data-code': code }, h('details', {}, summary, g)));
    }
    g.append(item);
  }
  return ul;
}

const GRADE_EN: Record<string, string> = { 优: 'excellent', 良: 'good', 中: 'fair', 差: 'poor' };

/** a code met this many times or more is listed as one group */
const GROUP_AT = 4;

/** The filing row a report row was read from (by its names, parents breaking ties). */
function filedRow(filing: Filing | null, path: string[]): IndicatorRow | null {
  if (!filing) return null;
  const i = rowsOfFinding(path, filing.rows)[0];
  return i === undefined ? null : filing.rows[i]!;
}

/** The row scores, grouped by section: indicator, target, actual, weight, score (and what was stated), how it was computed. */
function rowsTable(w: Words, root: HTMLElement, r: Report, filing: Filing | null, ctx: ScoreContext | undefined): HTMLElement {
  const { t } = w;
  const body: HTMLElement[] = [];
  let section: string | null = null;
  for (const row of r.rows) {
    const top = row.path[0] ?? '';
    if (top !== section) {
      section = top;
      const cap = r.sections.find((s) => s.name === top)?.cap;
      body.push(
        h(
          'tr',
          { class: 'group' },
          h('th', { colspan: 6, scope: 'colgroup', translate: 'no' }, top, cap !== undefined ? h('span', { class: 'muted' }, ` · ${t('weight')} ${fmt(cap)}`) : ''),
        ),
      );
    }
    const differs = row.statedScore !== null && row.statedScore !== row.score;
    const filed = filedRow(filing, row.path);
    const budget = row.path.length === 1 && filing?.budget ? filing.budget : null;
    const target = filed ? filed.target : budget ? `${t('gridBudget')} ${fmt(budget.budget)}` : '';
    const actual = filed ? filed.actual : budget ? `${t('gridSpent')} ${fmt(budget.spent)}` : '';
    const name = h('td', { class: 'name', translate: 'no' }, row.path.length > 1 ? row.path.slice(1).join(' › ') : row.path[0]!);
    const rule = /^([^:：\s]+)\s*[:：]/.exec(row.explain)?.[1] ?? null;
    const calc = h('td', { class: 'calc', translate: 'no' }, row.explain);
    if (ctx && rule) {
      const b = h(
        'button',
        { type: 'button', class: 'link rule-link', 'data-focus-key': `rule:${rowKey(row.path)}`, title: t('rowRuleHint'), 'aria-label': `${t('rowRuleHint')}${t('colon')}${rule}` },
        rule,
      );
      b.addEventListener('click', () => {
        ctx.selectRow(rowKey(row.path));
        highlightRow(root, rowKey(row.path), false);
        ctx.reveal({ rule });
      });
      calc.replaceChildren(b, row.explain.slice(rule.length));
    }
    body.push(
      h(
        'tr',
        { class: differs ? 'differs' : '', 'data-row': rowKey(row.path), tabindex: -1, 'data-focus-key': `row:${rowKey(row.path)}` },
        name,
        h('td', { class: 'val', translate: 'no' }, target),
        h('td', { class: 'val', translate: 'no' }, actual),
        h('td', { class: 'num' }, fmt(row.weight)),
        h('td', { class: 'num' + (differs ? ' warn' : '') }, fmt(row.score), differs ? h('div', { class: 'stated-differs' }, `${t('stated')} ${fmt(row.statedScore)}`) : ''),
        calc,
      ),
    );
  }
  return h(
    'table',
    { class: 'rows' },
    h('caption', {}, t('rows')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('indicator')),
        h('th', { scope: 'col' }, t('gridTargetShort')),
        h('th', { scope: 'col' }, t('gridActualShort')),
        h('th', { scope: 'col', class: 'num' }, t('weight')),
        h('th', { scope: 'col', class: 'num' }, t('score')),
        h('th', { scope: 'col' }, t('calculation')),
      ),
    ),
    h('tbody', {}, ...body),
  );
}

function diagnosticsList(w: Words, markers: MarkerData[], ctx: ScoreContext): HTMLElement {
  const { t, pick } = w;
  return h(
    'ul',
    { class: 'diagnostics' },
    ...markers.slice(0, 50).map((m, i) => {
      const where = t('position', { line: m.startLineNumber, column: m.startColumn });
      const b = h('button', { type: 'button', class: 'link', 'data-focus-key': `d:${i}:${m.code}` }, where);
      b.addEventListener('click', () => ctx.jump(m.startLineNumber, m.startColumn, m.endLineNumber, m.endColumn));
      const li = h(
        'li',
        { class: 'finding sev-error', 'data-code': m.code },
        h('div', { class: 'finding-head' }, codeButton(w, m.code, ctx, `d${i}`), h('span', {}, b, ' ', pick(m.message))),
      );
      if (m.help) li.append(h('div', { class: 'help' }, h('span', { class: 'help-label' }, t('helpLabel')), pick(m.help)));
      for (const [j, fix] of (m.fixes ?? []).entries()) {
        const fb = h('button', { type: 'button', class: 'fix-btn', 'data-focus-key': `fix:${i}:${j}` }, `${t('fixApply')}${t('colon')}${pick(fix.title)}`);
        fb.addEventListener('click', () => ctx.applyFix(fix));
        li.append(fb);
      }
      return li;
    }),
  );
}

export function renderScore(root: HTMLElement, w: Words, view: ScoreView | null, stale: boolean, ctx?: ScoreContext): void {
  keepFocus(root, () => render(root, w, view, stale, ctx));
}

function render(root: HTMLElement, w: Words, view: ScoreView | null, stale: boolean, ctx?: ScoreContext): void {
  const { t, pick } = w;
  root.replaceChildren();
  root.classList.toggle('stale', stale);
  if (!view) {
    root.append(h('p', { class: 'muted' }, t('analysing')));
    return;
  }
  if (view.kind === 'none') {
    root.append(h('p', { class: 'notice error', 'data-testid': 'score-reason' }, pick(view.reason)));
    const errs = (ctx?.markers ?? []).filter((m) => m.severity === 'error');
    if (errs.length && ctx) root.append(diagnosticsList(w, errs, ctx));
    if (ctx?.lastGood && ctx.lastGood.kind !== 'none') {
      const old = h('div', { class: 'last-good', 'aria-label': t('lastGood') });
      root.append(h('p', { class: 'muted' }, t('lastGood')), old);
      render(old, w, ctx.lastGood, false);
    }
    return;
  }
  if (view.kind === 'template') {
    root.append(h('p', { class: 'notice', 'data-testid': 'score-reason' }, pick(view.reason)));
    if (view.filing.mapping && ctx) {
      const go = h('button', { type: 'button', id: 'open-mapping' }, t('mapGo'));
      go.addEventListener('click', () => ctx.openMapping());
      root.append(h('p', { class: 'notice map-notice' }, t('mapNotice'), ' ', go));
    }
    root.append(
      h(
        'div',
        { class: 'headline' },
        h('span', { class: 'big', translate: 'no' }, `${view.template.form} ${view.template.year}`),
        h('span', { class: 'muted' }, ` ${t('total')} ${view.template.total}`),
      ),
      sectionsTable(w, view.template, null),
    );
    return;
  }
  const r = view.report;
  const errors = r.findings.filter(isError).length;
  // a filing of another form: one notice, with the way out (its template, or this form's sample)
  const other = ctx?.otherForm ?? null;
  if (other) {
    const box = h(
      'div',
      { class: 'notice other-form', 'data-testid': 'other-form' },
      h('strong', {}, t('otherFormTitle', { form: other.form, template: view.template.form })),
      ' ',
      t('otherFormText', { n: r.findings.filter((f) => codeOf(f) === 'JX3016').length }),
    );
    const actions = h('div', { class: 'bar-row' });
    if (other.useTemplate) {
      const b = h('button', { type: 'button', id: 'use-form-template', 'data-focus-key': 'use-form' }, t('otherFormUse', { form: other.form }));
      b.addEventListener('click', other.useTemplate);
      actions.append(b);
    }
    const s = h('button', { type: 'button', id: 'restore-form-sample', 'data-focus-key': 'restore-form' }, t('otherFormSample', { form: view.template.form }));
    s.addEventListener('click', other.restoreSample);
    actions.append(s);
    box.append(actions);
    root.append(box);
  }
  // trust: a score computed from a filing with errors is not a result yet
  if (errors) root.append(h('p', { class: 'notice error trust', 'data-testid': 'trust' }, h('strong', {}, t('trustTitle', { n: errors })), ' ', t('trustText')));
  const grade = h('span', { class: `grade grade-${r.grade}${errors ? ' provisional' : ''}`, 'data-testid': 'grade', translate: 'no' }, r.grade);
  // the grade is the template's word; the usual four are glossed in English
  const gloss = w.lang() === 'en' ? GRADE_EN[r.grade] : undefined;
  root.append(
    h(
      'div',
      { class: 'headline' + (errors ? ' provisional' : '') },
      h('span', { class: 'label' }, t('total')),
      h('span', { class: 'big', 'data-testid': 'total' }, fmt(r.total)),
      h('span', { class: 'muted' }, ` / ${r.cap}`),
      h('span', { class: 'label' }, t('grade')),
      grade,
      gloss ? h('span', { class: 'muted gloss' }, gloss) : null,
      errors ? h('span', { class: 'provisional-tag' }, t('provisional')) : null,
      r.statedTotal !== null ? h('span', { class: 'muted' }, `${t('stated')} ${r.statedTotal}`) : null,
    ),
  );
  const scores = new Map<string, SectionScore>();
  for (const s of r.sections) {
    const v: SectionScore = { score: s.score, stated: s.statedScore };
    if (s.explain) v.explain = s.explain;
    scores.set(s.name, v);
  }
  // sections from the report (it may order or name them as the filing matched them)
  const summary: TemplateSummary = { ...view.template, sections: r.sections.map((s) => ({ name: s.name, cap: s.cap })) };
  root.append(sectionsTable(w, summary, scores));

  // findings before rows: they are what a reviewer reads first
  const shown = other ? r.findings.filter((f) => codeOf(f) !== 'JX3016') : r.findings;
  const findings = h(
    'section',
    { class: 'findings', 'aria-labelledby': 'findings-title' },
    h('h2', { id: 'findings-title' }, `${t('findings')} (${r.findings.length}${errors ? ` · ${t('nErrors', { n: errors })}` : ''})`),
  );
  if (r.findings.length === 0) findings.append(h('p', { class: 'muted' }, t('noFindings')));
  else findings.append(findingList(w, root, shown, ctx, ''));
  // the pasted table's notes, kept after the grid or the JSON took over
  if (ctx?.keptNotes.length && view.filing.format === 'json') {
    const dismiss = h('button', { type: 'button', class: 'dismiss', 'data-focus-key': 'dismiss-notes' }, t('notesDismiss'));
    dismiss.addEventListener('click', () => ctx.dismissNotes());
    findings.append(h('div', { class: 'kept-notes', 'data-testid': 'kept-notes' }, h('h3', {}, t('notesKept'), ' ', dismiss), findingList(w, root, ctx.keptNotes, ctx, 'kept:')));
  }
  root.append(findings);
  root.append(rowsTable(w, root, r, view.filing.json, ctx));
  if (ctx?.selectedRow) highlightRow(root, ctx.selectedRow, false);
}
