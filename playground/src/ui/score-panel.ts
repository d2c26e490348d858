// The score panel: total and grade, each section as a bar against its cap, row scores
// against weights, findings with their severity. Renders a ScoreView (scoring.ts).
import type { Words } from '../i18n.ts';
import { formatNumber } from '@jixiao/compiler';
import type { Finding } from '@jixiao/engine';
import type { ScoreView, TemplateSummary } from '../scoring.ts';
import { h } from './dom.ts';
import type { MarkerData } from '../worker/protocol.ts';

const fmt = (n: number | null | undefined): string => formatNumber(n);

function bar(score: number | null, cap: number, over: boolean): HTMLElement {
  const pct = cap > 0 && score !== null ? Math.max(0, Math.min(100, (score / cap) * 100)) : 0;
  return h(
    'div',
    { class: 'bar' + (over ? ' over' : ''), role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': cap, 'aria-valuenow': score ?? 0 },
    h('div', { class: 'fill', style: `width:${pct.toFixed(1)}%` }),
  );
}

function sectionsTable(w: Words, template: TemplateSummary, scores: Map<string, { score: number; stated: number | null; explain?: string }> | null): HTMLElement {
  const { t } = w;
  const body = template.sections.map((s) => {
    const sc = scores?.get(s.name) ?? null;
    const label = h('th', { scope: 'row' }, s.name);
    if (sc?.explain) label.title = sc.explain;
    return h(
      'tr',
      { 'data-section': s.name },
      label,
      h('td', { class: 'num' }, sc ? fmt(sc.score) : '—'),
      h('td', { class: 'num muted' }, `/ ${s.cap}`),
      h('td', { class: 'barcell' }, bar(sc ? sc.score : null, s.cap, false)),
      h('td', { class: 'num muted' }, sc && sc.stated !== null ? `${t('stated')} ${sc.stated}` : ''),
    );
  });
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

function findingItem(w: Words, root: HTMLElement, f: Finding, ctx: ScoreContext | undefined): HTMLElement {
  const { t, pick } = w;
  const content = [
    h('span', { class: `sev sev-${f.severity}` }, t(f.severity)),
    h('code', {}, f.code),
    ' ',
    f.path.length ? h('span', { class: 'path' }, f.path.join(' › ') + '：') : null,
    pick(f.message),
  ];
  const li = h('li', { class: `finding sev-${f.severity}`, 'data-code': f.code, 'data-path': rowKey(f.path) });
  if (!ctx) {
    li.append(...content.filter((c): c is HTMLElement | string => c !== null));
    return li;
  }
  const isRow = f.path.length >= 2;
  const btn = h('button', { type: 'button', class: 'finding-btn', title: t(isRow ? 'findingRowHint' : 'findingEditorHint') }, ...content);
  btn.addEventListener('click', () => {
    const key = rowKey(f.path);
    if (isRow && highlightRow(root, key, true)) {
      ctx.selectRow(key);
      return;
    }
    if (f.path.length >= 1) {
      highlightSection(root, f.path[0]!);
      if (!ctx.reveal({ section: f.path[0]! })) ctx.reveal({ statement: '一级指标' });
      return;
    }
    const st = STATEMENT[f.code];
    if (st) ctx.reveal({ statement: st });
  });
  li.append(btn);
  return li;
}

const SEVERITY_RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then infos; the engine's order within a severity (sort is stable). */
export function sortFindings(fs: readonly Finding[]): Finding[] {
  return [...fs].sort((a, b) => (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3));
}

/** The rule a row was scored by, from its explanation (`正向: 实际 … = 4`). */
function ruleOfRow(explain: string): string | null {
  const m = /^([^:：\s]+)\s*[:：]/.exec(explain);
  return m?.[1] ?? null;
}

export function renderScore(root: HTMLElement, w: Words, view: ScoreView | null, stale: boolean, ctx?: ScoreContext): void {
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
    if (errs.length)
      root.append(
        h(
          'ul',
          { class: 'diagnostics' },
          ...errs.slice(0, 50).map((m) => {
            const b = h('button', { type: 'button', class: 'link' }, `${m.startLineNumber}:${m.startColumn}`);
            b.addEventListener('click', () => ctx!.jump(m.startLineNumber, m.startColumn, m.endLineNumber, m.endColumn));
            return h('li', { class: 'finding sev-error' }, b, h('code', {}, m.code), ' ', pick(m.message));
          }),
        ),
      );
    if (ctx?.lastGood && ctx.lastGood.kind !== 'none') {
      const old = h('div', { class: 'last-good', 'aria-label': t('lastGood') });
      root.append(h('p', { class: 'muted' }, t('lastGood')), old);
      renderScore(old, w, ctx.lastGood, false);
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
      h('div', { class: 'headline' }, h('span', { class: 'big' }, `${view.template.form} ${view.template.year}`), h('span', { class: 'muted' }, ` ${t('total')} ${view.template.total}`)),
      sectionsTable(w, view.template, null),
    );
    return;
  }
  const r = view.report;
  const grade = h('span', { class: `grade grade-${r.grade}`, 'data-testid': 'grade' }, r.grade);
  root.append(
    h(
      'div',
      { class: 'headline' },
      h('span', { class: 'label' }, t('total')),
      h('span', { class: 'big', 'data-testid': 'total' }, fmt(r.total)),
      h('span', { class: 'muted' }, ` / ${r.cap}`),
      h('span', { class: 'label' }, t('grade')),
      grade,
      r.statedTotal !== null ? h('span', { class: 'muted' }, `${t('stated')} ${r.statedTotal}`) : null,
    ),
  );
  const scores = new Map<string, { score: number; stated: number | null; explain?: string }>();
  for (const s of r.sections) {
    const v: { score: number; stated: number | null; explain?: string } = { score: s.score, stated: s.statedScore };
    if (s.explain) v.explain = s.explain;
    scores.set(s.name, v);
  }
  // sections from the report (it may order or name them as the filing matched them)
  const summary: TemplateSummary = { ...view.template, sections: r.sections.map((s) => ({ name: s.name, cap: s.cap })) };
  root.append(sectionsTable(w, summary, scores));

  // findings before rows: they are what a reviewer reads first
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const findings = h(
    'section',
    { class: 'findings', 'aria-label': t('findings') },
    h('h3', {}, `${t('findings')} (${r.findings.length}${errors ? ` · ${t('nErrors', { n: errors })}` : ''})`),
  );
  if (r.findings.length === 0) findings.append(h('p', { class: 'muted' }, t('noFindings')));
  else
    findings.append(
      h(
        'ul',
        {},
        ...sortFindings(r.findings).map((f) => findingItem(w, root, f, ctx)),
      ),
    );
  root.append(findings);

  const rows = r.rows.map((row) => {
    const over = row.statedScore !== null && row.statedScore !== row.score;
    const rule = ruleOfRow(row.explain);
    const name = h('td', {}, row.path.join(' › '));
    name.title = row.explain;
    if (ctx && rule) {
      const b = h('button', { type: 'button', class: 'link rule-link', title: t('rowRuleHint'), 'aria-label': `${t('rowRuleHint')}：${rule}` }, rule);
      b.addEventListener('click', () => {
        ctx.selectRow(rowKey(row.path));
        highlightRow(root, rowKey(row.path), false);
        ctx.reveal({ rule });
      });
      name.append(' ', b);
    }
    return h(
      'tr',
      { class: over ? 'differs' : '', 'data-row': rowKey(row.path), tabindex: -1 },
      name,
      h('td', { class: 'num' }, fmt(row.weight)),
      h('td', { class: 'num' }, fmt(row.score)),
      h('td', { class: 'num' + (over ? ' warn' : '') }, fmt(row.statedScore)),
      h('td', { class: 'barcell' }, bar(row.score, row.weight, false)),
    );
  });
  root.append(
    h(
      'table',
      { class: 'rows' },
      h('caption', {}, t('rows')),
      h('thead', {}, h('tr', {}, h('th', {}, t('indicator')), h('th', {}, t('weight')), h('th', {}, t('score')), h('th', {}, t('statedScore')), h('th', {}, ''))),
      h('tbody', {}, ...rows),
    ),
  );
  if (ctx?.selectedRow) highlightRow(root, ctx.selectedRow, false);
}
