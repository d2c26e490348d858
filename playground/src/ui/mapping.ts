// The column-mapping step: when the pasted table's header is not recognised (IMP001),
// the user picks the header row and, for each of its columns, the filing field it holds.
// Prefilled where a label was recognised (as detectHeader reads it) or a keyword guessed.
// Plain <select>s and buttons: reachable and operable from the keyboard.
import { COLUMN_FIELDS, FIELD_LABELS, type ColumnField, type Columns } from '@jixiao/engine';
import type { Key, Words } from '../i18n.ts';
import type { MappingProposal } from '../scoring.ts';
import type { MappingChoice } from '../worker/protocol.ts';
import { h } from './dom.ts';

const FIELD_EN: Record<ColumnField, string> = {
  label: 'label column',
  level1: 'level-1 indicator',
  level2: 'level-2 indicator',
  level3: 'level-3 indicator',
  indicatorValue: 'indicator value',
  target: 'annual target',
  actual: 'actual value',
  weight: 'weight',
  statedScore: 'stated score',
  reason: 'reason for deviation',
  op: 'comparison sign',
  unit: 'unit of measure',
  explanation: 'indicator explanation',
  criteria: 'scoring criteria',
};

export function fieldLabel(f: ColumnField, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? FIELD_LABELS[f][0]! : FIELD_EN[f];
}

export interface MappingHost {
  apply(choice: MappingChoice): void;
  clear(): void;
}

interface Draft {
  key: string;
  headerLine: number;
  fields: (ColumnField | '')[];
}

function fieldsFor(p: MappingProposal, line: number): (ColumnField | '')[] {
  const row = p.rows.find((r) => r.line === line);
  if (!row) return [];
  if (p.applied && p.applied.headerLine === line) {
    const out: (ColumnField | '')[] = row.cells.map(() => '');
    for (const f of COLUMN_FIELDS) {
      const c = p.applied.columns[f];
      if (c !== undefined && c < out.length && out[c] === '') out[c] = f;
    }
    return out;
  }
  // one column per field: a field guessed twice keeps its first column
  const seen = new Set<ColumnField>();
  return row.cells.map((c) => {
    if (!c.field || seen.has(c.field)) return '';
    seen.add(c.field);
    return c.field;
  });
}

/** What is wrong with the draft, or null when it can be applied. */
function problem(w: Words, fields: (ColumnField | '')[]): string | null {
  const { t } = w;
  const chosen = fields.filter((f): f is ColumnField => f !== '');
  const dup = chosen.find((f, i) => chosen.indexOf(f) !== i);
  if (dup) return t('mapDuplicate', { f: FIELD_LABELS[dup][0]! });
  const has = (...fs: ColumnField[]) => fs.some((f) => chosen.includes(f));
  if (!has('level1', 'level2', 'level3') || !has('target', 'indicatorValue', 'actual') || !has('weight', 'statedScore')) return t('mapNeed');
  return null;
}

/**
 * The mapping step of one page. It keeps the user's draft (header row and fields picked,
 * not yet applied) across re-renders, as long as the proposal it was drawn on holds.
 */
export class MappingStep {
  private draft: Draft | null = null;

  constructor(private readonly w: Words) {}

  /** Render the mapping step for `p` into `root` (empty when there is nothing to map). */
  render(root: HTMLElement, p: MappingProposal | undefined, host: MappingHost): void {
    const { t } = this.w;
    root.replaceChildren();
    if (!p || p.rows.length === 0) {
      this.draft = null;
      return;
    }
    const key = JSON.stringify([p.rows.map((r) => [r.line, r.cells.map((c) => c.text)]), p.applied]);
    if (!this.draft || this.draft.key !== key) this.draft = { key, headerLine: p.headerLine, fields: fieldsFor(p, p.headerLine) };
    const d = this.draft;
    const row = p.rows.find((r) => r.line === d.headerLine) ?? p.rows[0]!;
    const lang = this.w.lang();

    const rowSelect = h('select', { id: 'map-header-row', 'aria-label': t('mapHeaderRow') });
    for (const r of p.rows) {
      const preview = r.cells
        .map((c) => c.text)
        .filter(Boolean)
        .join(' | ');
      rowSelect.append(h('option', { value: r.line }, `${t('mapLine', { n: r.line })}${t('colon')}“${preview.length > 60 ? preview.slice(0, 60) + '…' : preview}”`));
    }
    rowSelect.value = String(row.line);
    rowSelect.addEventListener('change', () => {
      d.headerLine = Number(rowSelect.value);
      d.fields = fieldsFor(p, d.headerLine);
      this.render(root, p, host);
      (root.querySelector('#map-header-row') as HTMLSelectElement | null)?.focus();
    });

    const msg = h('p', { class: 'map-problem', role: 'status', 'aria-live': 'polite' });
    const applyBtn = h('button', { type: 'button', id: 'map-apply', class: 'primary' }, t('mapApply'));
    const refresh = () => {
      const why = problem(this.w, d.fields);
      msg.textContent = why ?? '';
      applyBtn.disabled = why !== null;
    };

    const body = row.cells.map((c, i) => {
      const sel = h('select', { 'data-column': i, 'aria-label': `${t('mapColumn', { n: i + 1 })} “${c.text}”` });
      sel.append(h('option', { value: '' }, t('mapUnused')));
      for (const f of COLUMN_FIELDS) sel.append(h('option', { value: f }, fieldLabel(f, lang)));
      sel.value = d.fields[i] ?? '';
      sel.addEventListener('change', () => {
        d.fields[i] = sel.value as ColumnField | '';
        tr.classList.toggle('guessed', false);
        refresh();
      });
      const guessed = !p.applied && c.guess === 'keyword' && d.fields[i] === c.field && c.field !== null;
      const tr = h(
        'tr',
        { class: guessed ? 'guessed' : '' },
        h('td', { class: 'num muted' }, String(i + 1)),
        h('td', { translate: 'no' }, c.text || h('span', { class: 'muted' }, '—')),
        h('td', {}, sel, guessed ? h('span', { class: 'guess-tag' }, t('mapGuessed')) : null),
      );
      return tr;
    });

    applyBtn.addEventListener('click', () => {
      if (problem(this.w, d.fields)) return;
      const columns: Columns = {};
      d.fields.forEach((f, i) => {
        if (f) columns[f] = i;
      });
      host.apply({ headerLine: row.line, columns, signature: row.cells.map((c) => c.text).join('\t') });
    });

    const titleKey: Key = p.applied ? 'mapTitleApplied' : 'mapTitle';
    const buttons = h('div', { class: 'bar-row' }, applyBtn);
    if (p.applied) {
      const clearBtn = h('button', { type: 'button', id: 'map-clear' }, t('mapClear'));
      clearBtn.addEventListener('click', () => host.clear());
      buttons.append(clearBtn);
    }
    buttons.append(msg);
    root.append(
      h(
        'section',
        { class: 'mapping', 'aria-labelledby': 'map-title', 'data-testid': 'mapping' },
        h('h2', { id: 'map-title' }, t(titleKey)),
        h('label', { class: 'bar-row' }, h('span', {}, t('mapHeaderRow')), rowSelect),
        h(
          'table',
          { class: 'map-table' },
          h('thead', {}, h('tr', {}, h('th', { class: 'num' }, '#'), h('th', {}, t('mapHeader')), h('th', {}, t('mapField')))),
          h('tbody', {}, ...body),
        ),
        buttons,
      ),
    );
    refresh();
  }
}
