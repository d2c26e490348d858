// The score panel: total and grade, each section as a bar against its cap, row scores
// against weights, findings with their severity. Renders a ScoreView (scoring.ts).
import { pick, t } from '../i18n.ts';
import type { ScoreView, TemplateSummary } from '../scoring.ts';
import { h } from './dom.ts';
import type { MarkerData } from '../worker/protocol.ts';

const fmt = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : String(n));

function bar(score: number | null, cap: number, over: boolean): HTMLElement {
  const pct = cap > 0 && score !== null ? Math.max(0, Math.min(100, (score / cap) * 100)) : 0;
  return h(
    'div',
    { class: 'bar' + (over ? ' over' : ''), role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': cap, 'aria-valuenow': score ?? 0 },
    h('div', { class: 'fill', style: `width:${pct.toFixed(1)}%` }),
  );
}

function sectionsTable(template: TemplateSummary, scores: Map<string, { score: number; stated: number | null; explain?: string }> | null): HTMLElement {
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
  jump(line: number, column: number): void;
}

export function renderScore(root: HTMLElement, view: ScoreView | null, stale: boolean, ctx?: ScoreContext): void {
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
            b.addEventListener('click', () => ctx!.jump(m.startLineNumber, m.startColumn));
            return h('li', { class: 'finding sev-error' }, b, h('code', {}, m.code), ' ', pick(m.message));
          }),
        ),
      );
    if (ctx?.lastGood && ctx.lastGood.kind !== 'none') {
      const old = h('div', { class: 'last-good', 'aria-label': t('lastGood') });
      root.append(h('p', { class: 'muted' }, t('lastGood')), old);
      renderScore(old, ctx.lastGood, false);
    }
    return;
  }
  if (view.kind === 'template') {
    root.append(
      h('p', { class: 'notice', 'data-testid': 'score-reason' }, pick(view.reason)),
      h('div', { class: 'headline' }, h('span', { class: 'big' }, `${view.template.form} ${view.template.year}`), h('span', { class: 'muted' }, ` ${t('total')} ${view.template.total}`)),
      sectionsTable(view.template, null),
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
  root.append(sectionsTable(summary, scores));

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
        ...r.findings.map((f) =>
          h(
            'li',
            { class: `finding sev-${f.severity}`, 'data-code': f.code },
            h('span', { class: `sev sev-${f.severity}` }, t(f.severity)),
            h('code', {}, f.code),
            ' ',
            f.path.length ? h('span', { class: 'path' }, f.path.join(' › ') + '：') : null,
            pick(f.message),
          ),
        ),
      ),
    );
  root.append(findings);

  const rows = r.rows.map((row) => {
    const over = row.statedScore !== null && row.statedScore !== row.score;
    const name = h('td', {}, row.path.join(' › '));
    name.title = row.explain;
    return h(
      'tr',
      { class: over ? 'differs' : '' },
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
}
