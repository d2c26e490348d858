// The years diff beside Monaco's diff editor: the engine's semantic diff (diffTemplates),
// grouped by area and coloured by kind of change, and its impact on the current filing
// (impactOf): old and new total and grade, the delta, the rows that moved and why.
import { formatNumber, fromMicro, toMicro } from '@jixiao/compiler';
import { quote } from '@jixiao/language';
import { AREA_LABEL, type DiffArea, type DiffItem } from '@jixiao/engine';
import type { Key, Words } from '../i18n.ts';
import type { DiffReply, ImpactView } from '../worker/protocol.ts';
import { h } from './dom.ts';

const num = (x: number | null): string => formatNumber(x);
/** A change of score, to the millionth (scores are exact there; a difference of doubles may carry noise). */
const signed = (d: number): string => {
  const x = fromMicro(toMicro(d));
  return x > 0 ? `+${num(x)}` : x < 0 ? `−${num(-x)}` : '±0';
};

/** The kind of change as the page colours it. */
export function changeKind(d: DiffItem): 'added' | 'removed' | 'renamed' | 'reweighted' | 'rule' | 'changed' {
  if (d.change === 'added' || d.change === 'removed' || d.change === 'renamed') return d.change;
  if (d.field === 'weight') return 'reweighted';
  if (d.area === 'rules' || d.field === 'formula' || d.field === 'rule') return 'rule';
  return 'changed';
}

const KIND_KEY: Record<ReturnType<typeof changeKind>, Key> = {
  added: 'changeAdded',
  removed: 'changeRemoved',
  renamed: 'changeRenamed',
  reweighted: 'changeReweighted',
  rule: 'changeRule',
  changed: 'changeChanged',
};
const KIND_MARK = { added: '+', removed: '−', renamed: '→', reweighted: '⚖', rule: 'ƒ', changed: '~' } as const;

function semanticList(w: Words, reply: DiffReply): HTMLElement {
  const { t, pick } = w;
  const box = h('section', { class: 'semantic', 'aria-label': t('diffSemantic'), 'data-testid': 'semantic-diff' });
  const diff = reply.diff!;
  box.append(h('h2', {}, `${t('diffSemantic')} · ${diff.from.year} → ${diff.to.year}`, h('span', { class: 'muted' }, ` ${t('diffCount', { n: diff.changes.length })}`)));
  if (diff.changes.length === 0) {
    box.append(h('p', { class: 'muted' }, t('diffNone')));
    return box;
  }
  const areas = [...new Set(diff.changes.map((d) => d.area))] as DiffArea[];
  for (const area of areas) {
    const items = diff.changes.filter((d) => d.area === area);
    box.append(
      h('h3', {}, pick(AREA_LABEL[area])),
      h(
        'ul',
        { class: 'changes' },
        ...items.map((d) => {
          const k = changeKind(d);
          // a formula change: in words first (case by case), the two formulas after
          const words = d.details?.length ? h('ul', { class: 'change-words', 'data-testid': 'change-words' }, ...d.details.map((x) => h('li', {}, pick(x)))) : null;
          return h(
            'li',
            { class: `change change-${k}`, 'data-change': k, 'data-area': d.area },
            h('span', { class: `badge badge-${k}` }, `${KIND_MARK[k]} ${t(KIND_KEY[k])}`),
            ' ',
            words ? h('span', {}, pick(AREA_LABEL[d.area]), ' ', h('span', { translate: 'no' }, quote(d.path.join(' › ')))) : h('span', { class: 'change-text' }, pick(d.message)),
            words,
            words ? h('details', { class: 'formulas' }, h('summary', {}, t('diffFormulas')), h('p', { translate: 'no' }, pick(d.message))) : null,
          );
        }),
      ),
    );
  }
  return box;
}

function impactBlock(w: Words, i: ImpactView): HTMLElement {
  const { t, pick } = w;
  const box = h('section', { class: 'impact', 'aria-label': t('impactTitle'), 'data-testid': 'impact' });
  const deltaCls = i.delta > 0 ? 'up' : i.delta < 0 ? 'down' : '';
  box.append(
    h('h2', {}, t('impactTitle')),
    h(
      'div',
      { class: 'headline impact-headline' },
      h('span', { class: 'label' }, `${i.from.year}`),
      h('span', { class: 'big', 'data-testid': 'impact-from' }, num(i.from.total)),
      h('span', { class: `grade grade-${i.from.grade}` }, i.from.grade),
      h('span', { class: 'arrow' }, '→'),
      h('span', { class: 'label' }, `${i.to.year}`),
      h('span', { class: 'big', 'data-testid': 'impact-to' }, num(i.to.total)),
      h('span', { class: `grade grade-${i.to.grade}` }, i.to.grade),
      h('span', { class: `delta ${deltaCls}`, 'data-testid': 'impact-delta' }, `(${signed(i.delta)})`),
    ),
  );
  if (i.gradeReason) box.append(h('p', { class: 'notice' }, pick(i.gradeReason)));
  if (i.moved.length === 0) {
    box.append(h('p', { class: 'muted' }, t('impactNone')));
    return box;
  }
  box.append(
    h(
      'table',
      { class: 'rows moved' },
      h('caption', {}, t('impactMoved')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, t('indicator')),
          h('th', { class: 'num' }, t('impactFrom')),
          h('th', { class: 'num' }, t('impactTo')),
          h('th', { class: 'num' }, t('impactDelta')),
          h('th', {}, t('impactWhy')),
        ),
      ),
      h(
        'tbody',
        {},
        ...i.moved.map((m) => {
          const d = m.from !== null && m.to !== null ? m.to - m.from : null;
          return h(
            'tr',
            { 'data-path': m.path.join(' › ') },
            h('td', { class: 'path', translate: 'no' }, m.path.join(' › ')),
            h('td', { class: 'num' }, num(m.from)),
            h('td', { class: 'num' }, num(m.to)),
            h('td', { class: 'num ' + (d === null ? '' : toMicro(d) < 0 ? 'down' : toMicro(d) > 0 ? 'up' : '') }, d === null ? '' : signed(d)),
            h('td', { class: 'why' }, pick(m.why)),
          );
        }),
      ),
    ),
  );
  return box;
}

/** The impact on each loaded filing: totals and grades under both templates, the biggest moves first. */
function setBlock(w: Words, reply: DiffReply): HTMLElement | null {
  const set = reply.set ?? [];
  if (!set.length) return null;
  const { t, pick } = w;
  const moved = set.filter((x) => x.delta !== null && toMicro(x.delta) !== 0).length;
  const graded = set.filter((x) => x.from && x.to && x.from.grade !== x.to.grade).length;
  const rows = [...set].sort((a, b) => Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0));
  const from = reply.diff?.from.year ?? '';
  const to = reply.diff?.to.year ?? '';
  return h(
    'section',
    { class: 'impact set', 'aria-labelledby': 'set-title', 'data-testid': 'impact-set' },
    h('h2', { id: 'set-title' }, t('setTitle')),
    h('p', { class: 'muted' }, t('setSummary', { n: set.length, moved, graded })),
    h(
      'table',
      { class: 'rows moved' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('setFiling')),
          h('th', { scope: 'col', class: 'num' }, `${from}`),
          h('th', { scope: 'col', class: 'num' }, `${to}`),
          h('th', { scope: 'col', class: 'num' }, t('impactDelta')),
        ),
      ),
      h(
        'tbody',
        {},
        ...rows.map((x) =>
          h(
            'tr',
            { 'data-file': x.name },
            h('td', { class: 'path', translate: 'no' }, x.name.replace(/^.*\//, '')),
            h('td', { class: 'num' }, x.from ? `${num(x.from.total)} ${x.from.grade}` : '—'),
            h('td', { class: 'num' }, x.to ? `${num(x.to.total)} ${x.to.grade}` : '—'),
            h(
              'td',
              { class: 'num ' + (x.delta === null ? '' : toMicro(x.delta) < 0 ? 'down' : toMicro(x.delta) > 0 ? 'up' : '') },
              x.delta === null ? (x.problem ? pick(x.problem) : '') : signed(x.delta),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Render the diff reply (null while it is computed). */
export function renderDiff(root: HTMLElement, w: Words, reply: DiffReply | null): void {
  const { t, pick } = w;
  root.replaceChildren();
  if (!reply) {
    root.append(h('p', { class: 'muted' }, t('diffLoading')));
    return;
  }
  for (const p of reply.problems) root.append(h('p', { class: 'notice error' }, pick(p)));
  if (reply.diff) root.append(semanticList(w, reply));
  if (reply.impact) root.append(impactBlock(w, reply.impact));
  const set = setBlock(w, reply);
  if (set) root.append(set);
}
