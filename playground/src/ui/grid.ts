// The filing as a grid: one row per indicator row, plain inputs in a table, plus the
// budget block and the stated total. The grid edits a canonical Filing (JSON); every edit
// is handed to `onChange`, which re-scores it through the worker like any other filing.
// Tab moves across cells (DOM order), Enter / Shift+Enter move down / up a column.
import type { Budget, Filing, Finding, IndicatorRow } from '@jixiao/engine';
import type { Key, Words } from '../i18n.ts';
import { h } from './dom.ts';

type RowField = 'level1' | 'level2' | 'level3' | 'target' | 'actual' | 'weight' | 'statedScore' | 'reason';
type BudgetField = 'initialBudget' | 'budget' | 'spent' | 'weight' | 'statedScore';

/** Each column's full name (tooltip, cell labels) and, where it is long, the header's short one. */
const ROW_FIELDS: { field: RowField; key: Key; short?: Key; num?: true; cls: string }[] = [
  { field: 'level1', key: 'gridLevel1', cls: 'c-l1' },
  { field: 'level2', key: 'gridLevel2', cls: 'c-l2' },
  { field: 'level3', key: 'gridLevel3', cls: 'c-l3' },
  { field: 'target', key: 'gridTarget', short: 'gridTargetShort', cls: 'c-val' },
  { field: 'actual', key: 'gridActual', short: 'gridActualShort', cls: 'c-val' },
  { field: 'weight', key: 'weight', num: true, cls: 'c-num' },
  { field: 'statedScore', key: 'gridStated', num: true, cls: 'c-num' },
  { field: 'reason', key: 'gridReason', cls: 'c-reason' },
];
const BUDGET_FIELDS: { field: BudgetField; key: Key }[] = [
  { field: 'initialBudget', key: 'gridInitialBudget' },
  { field: 'budget', key: 'gridBudget' },
  { field: 'spent', key: 'gridSpent' },
  { field: 'weight', key: 'weight' },
  { field: 'statedScore', key: 'gridStated' },
];

/** A numeric cell's text: '' (or —) is null, a number is a number, anything else is invalid. */
export function parseNumberCell(text: string): { ok: true; value: number | null } | { ok: false } {
  const s = text.trim().replace(/,/g, '');
  if (s === '' || s === '—' || s === '-') return { ok: true, value: null };
  const n = Number(s);
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false };
}

const numText = (n: number | null | undefined): string => (n === null || n === undefined ? '' : String(n));
const norm = (s: string) => s.replace(/\s+/g, '');

/**
 * The rows a finding's path ([一级, 二级, 三级]) names: those whose 三级 name matches; when
 * several do, those whose 二级 or 一级 name matches too (the report may name a section as
 * the template does, so the parents only break ties).
 */
export function rowsOfFinding(path: string[], rows: Pick<IndicatorRow, 'level1' | 'level2' | 'level3'>[]): number[] {
  if (path.length < 2) return [];
  const last = norm(path[path.length - 1]!);
  const hits = rows.map((r, i) => (norm(r.level3) === last ? i : -1)).filter((i) => i >= 0);
  if (hits.length <= 1 || path.length < 3) return hits;
  const narrowed = hits.filter((i) => norm(rows[i]!.level2) === norm(path[1]!) || norm(rows[i]!.level1) === norm(path[0]!));
  return narrowed.length ? narrowed : hits;
}

export class FilingGrid {
  private filing: Filing | null = null;
  private findings: Finding[] = [];
  private readonly body = h('tbody');
  private readonly budgetRow = h('tr', { class: 'budget-inputs' });
  private readonly totalInput = h('input', { id: 'grid-total', class: 'c-num', inputmode: 'decimal', autocomplete: 'off' });
  private readonly addBtn = h('button', { type: 'button', id: 'grid-add-row' });
  private readonly notice = h('p', { class: 'notice', hidden: true });
  /** what the findings say of the row being edited: the outline's reasons, for keyboard and eye */
  private readonly rowNotes = h('div', { id: 'grid-row-notes', class: 'row-notes', 'aria-live': 'polite' });
  /** the messages of each outlined row (index → text), for its cells' descriptions */
  private reasons = new Map<number, string>();
  private readonly content: HTMLElement;

  constructor(
    private readonly host: HTMLElement,
    private readonly w: Words,
    private readonly onChange: (f: Filing) => void,
  ) {
    this.addBtn.addEventListener('click', () => this.addRow(this.filing ? this.filing.rows.length : 0));
    this.totalInput.addEventListener('input', () => {
      if (!this.filing) return;
      const v = this.readNumber(this.totalInput);
      if (v === undefined) return;
      this.filing.statedTotal = v;
      this.emit();
    });
    this.content = h('div', { class: 'grid-content' });
    host.append(this.notice, this.content);
    // the reasons of the row the focus is in, under the grid (the outline says only that there are some)
    this.body.addEventListener('focusin', (e) => this.showRowNotes(Number((e.target as HTMLElement).closest('tr')?.dataset['index'] ?? -1)));
  }

  private showRowNotes(i: number): void {
    const why = this.reasons.get(i);
    // the line keeps its place when empty: the grid must not move under the pointer
    this.rowNotes.textContent = why ? `${this.w.t('gridRowN', { n: i + 1 })}${this.w.t('colon')}${why}` : '';
    this.rowNotes.classList.toggle('empty', !why);
  }

  /** The filing the grid holds (edited in place). */
  value(): Filing | null {
    return this.filing;
  }

  /** Show a filing (a copy is edited); null when the filing cannot be read. */
  load(f: Filing | null): void {
    this.filing = f ? (JSON.parse(JSON.stringify(f)) as Filing) : null;
    this.render();
  }

  /** Mark the rows that findings are about (red outline, the messages as tooltip). */
  mark(findings: Finding[]): void {
    this.findings = findings;
    const rows = this.filing?.rows ?? [];
    const byRow = new Map<number, Finding[]>();
    for (const f of findings) for (const i of rowsOfFinding(f.path, rows)) byRow.set(i, [...(byRow.get(i) ?? []), f]);
    this.reasons = new Map();
    this.body.querySelectorAll<HTMLTableRowElement>('tr[data-index]').forEach((tr) => {
      const i = Number(tr.dataset['index']);
      const hits = byRow.get(i) ?? [];
      const sev = hits.some((f) => f.severity === 'error') ? 'error' : hits.some((f) => f.severity === 'warning') ? 'warning' : hits.length ? 'info' : '';
      tr.classList.toggle('has-finding', hits.length > 0);
      tr.dataset['severity'] = sev;
      tr.dataset['codes'] = hits.map((f) => f.code).join(' ');
      const tip = hits.map((f) => `${f.code} ${this.w.pick(f.message)}`).join('\n');
      // the reasons: a tooltip for the mouse, each cell's description for the keyboard
      const why = tr.querySelector<HTMLElement>('.sr-only.why') ?? tr.querySelector('th')!.appendChild(h('span', { class: 'sr-only why', id: `grid-why-${i}` }));
      why.textContent = tip;
      for (const input of tr.querySelectorAll('input')) {
        if (tip) input.setAttribute('aria-describedby', why.id);
        else input.removeAttribute('aria-describedby');
      }
      if (tip) {
        tr.title = tip;
        this.reasons.set(i, tip.replace(/\n/g, '；'));
      } else tr.removeAttribute('title');
    });
    const active = document.activeElement as HTMLElement | null;
    this.showRowNotes(active && this.body.contains(active) ? Number(active.closest('tr')?.dataset['index'] ?? -1) : -1);
    // the budget block: findings on the budget section (预算执行率 / 执行数超过预算数)
    const budgetHits = findings.filter((f) => f.code === 'JX3013' || (f.path.length === 1 && /预算/.test(f.path[0]!)));
    this.budgetRow.classList.toggle('has-finding', budgetHits.length > 0);
    this.budgetRow.title = budgetHits.map((f) => `${f.code} ${this.w.pick(f.message)}`).join('\n');
  }

  /** Re-render in the current language, keeping the focused cell. */
  relabel(): void {
    const a = document.activeElement as HTMLElement | null;
    const where = a && this.host.contains(a) ? { i: a.dataset['index'], f: a.dataset['field'] } : null;
    this.render();
    if (where?.f) this.cell(where.i === undefined ? null : Number(where.i), where.f)?.focus();
  }

  private cell(index: number | null, field: string): HTMLInputElement | null {
    const sel = index === null ? `input[data-field="${field}"]:not([data-index])` : `input[data-index="${index}"][data-field="${field}"]`;
    return this.host.querySelector<HTMLInputElement>(sel);
  }

  private emit(): void {
    if (this.filing) this.onChange(JSON.parse(JSON.stringify(this.filing)) as Filing);
  }

  /** The number in a numeric input, null when empty; undefined (and marked invalid) when it is not a number. */
  private readNumber(input: HTMLInputElement): number | null | undefined {
    const r = parseNumberCell(input.value);
    input.classList.toggle('invalid', !r.ok);
    input.setAttribute('aria-invalid', String(!r.ok));
    if (!r.ok) {
      input.title = this.w.t('gridNotNumber');
      return undefined;
    }
    input.removeAttribute('title');
    return r.value;
  }

  private addRow(at: number): void {
    if (!this.filing) return;
    const prev = this.filing.rows[at - 1] ?? this.filing.rows[at];
    const row: IndicatorRow = { level1: prev?.level1 ?? '', level2: prev?.level2 ?? '', level3: '', target: '', actual: '', weight: null, statedScore: null };
    this.filing.rows.splice(at, 0, row);
    this.render();
    this.emit();
    this.cell(at, prev ? 'level3' : 'level1')?.focus();
  }

  private deleteRow(i: number): void {
    if (!this.filing) return;
    this.filing.rows.splice(i, 1);
    this.render();
    this.emit();
    const n = this.filing.rows.length;
    if (n) this.cell(Math.min(i, n - 1), 'level3')?.focus();
    else this.addBtn.focus();
  }

  private onKey(e: KeyboardEvent, index: number | null, field: string): void {
    if (e.isComposing || e.altKey || index === null) {
      if (e.key === 'Enter' && !e.isComposing) e.preventDefault();
      return;
    }
    const mod = e.ctrlKey || e.metaKey;
    // Ctrl+Enter: a new row below; Ctrl+Delete: delete this row
    if (mod && e.key === 'Enter') {
      e.preventDefault();
      this.addRow(index + 1);
      return;
    }
    if (mod && e.key === 'Delete') {
      e.preventDefault();
      this.deleteRow(index);
      return;
    }
    if (e.key !== 'Enter' || mod) return;
    e.preventDefault();
    const next = index + (e.shiftKey ? -1 : 1);
    this.cell(next, field)?.focus();
  }

  private input(value: string, attrs: Record<string, string | number>, label: string, onInput: (el: HTMLInputElement) => void, num = false): HTMLInputElement {
    const el = h('input', { ...attrs, 'aria-label': label, autocomplete: 'off', spellcheck: 'false', ...(num ? { inputmode: 'decimal' } : {}) });
    el.value = value;
    el.addEventListener('input', () => onInput(el));
    el.addEventListener('focus', () => el.select());
    el.addEventListener('keydown', (e) => this.onKey(e, attrs['data-index'] === undefined ? null : Number(attrs['data-index']), String(attrs['data-field'])));
    return el;
  }

  private render(): void {
    const f = this.filing;
    this.notice.hidden = !!f;
    this.notice.textContent = f ? '' : this.w.t('gridNoFiling');
    this.addBtn.textContent = `＋ ${this.w.t('gridAddRow')}`;
    if (!f) {
      this.content.replaceChildren();
      return;
    }
    // budget block and stated total
    const budget = (): Budget => (f.budget ??= { initialBudget: null, budget: null, spent: null });
    this.budgetRow.replaceChildren(
      ...BUDGET_FIELDS.map(({ field, key }) =>
        h(
          'td',
          {},
          this.input(
            numText(f.budget?.[field]),
            { 'data-field': `budget.${field}`, class: 'c-num' },
            this.w.t(key),
            (el) => {
              const v = this.readNumber(el);
              if (v === undefined) return;
              budget()[field] = v;
              this.emit();
            },
            true,
          ),
        ),
      ),
    );
    this.totalInput.value = numText(f.statedTotal);
    this.totalInput.setAttribute('aria-label', this.w.t('gridStatedTotal'));
    this.totalInput.dataset['field'] = 'statedTotal';
    const budgetTable = h(
      'table',
      { class: 'grid budget-grid', id: 'grid-budget' },
      h('caption', {}, this.w.t('gridBudgetBlock')),
      h('thead', {}, h('tr', {}, ...BUDGET_FIELDS.map(({ key }) => h('th', { scope: 'col' }, this.w.t(key))))),
      h('tbody', {}, this.budgetRow),
    );
    const totalRow = h('div', { class: 'grid-total' }, h('label', { for: 'grid-total' }, this.w.t('gridStatedTotal')), this.totalInput);

    // indicator rows
    this.body.replaceChildren(
      ...f.rows.map((row, i) => {
        const cells = ROW_FIELDS.map(({ field, key, num, cls }) => {
          const v = num ? numText(row[field] as number | null) : ((row[field] as string | undefined) ?? '');
          const el = this.input(
            v,
            { 'data-index': i, 'data-field': field, class: cls },
            `${this.w.t(key)} ${i + 1}`,
            (inp) => {
              const r = this.filing?.rows[i];
              if (!r) return;
              if (num) {
                const n = this.readNumber(inp);
                if (n === undefined) return;
                (r as Record<RowField, unknown>)[field] = n;
              } else (r as Record<RowField, unknown>)[field] = inp.value;
              this.emit();
              if (field === 'level1' || field === 'level2' || field === 'level3') this.mark(this.findings);
            },
            num,
          );
          if (field === 'target' && row.indicatorValue !== undefined) el.title = `${this.w.t('gridIndicatorValue')}${this.w.t('colon')}“${row.indicatorValue}”`;
          return h('td', {}, el);
        });
        // out of the Tab order (Tab moves across cells); Ctrl+Delete in a cell does the same
        const del = h(
          'button',
          {
            type: 'button',
            class: 'grid-del',
            tabindex: -1,
            'data-index': i,
            title: `${this.w.t('gridDeleteRow')} (Ctrl+Delete)`,
            'aria-label': `${this.w.t('gridDeleteRow')} ${i + 1}`,
          },
          '×',
        );
        del.addEventListener('click', () => this.deleteRow(i));
        return h(
          'tr',
          { 'data-index': i, 'data-row': [row.level1, row.level2, row.level3].join(' › ') },
          h('th', { scope: 'row', class: 'c-no' }, h('span', {}, String(i + 1)), del),
          ...cells,
        );
      }),
    );
    const rowsTable = h(
      'table',
      { class: 'grid rows-grid', id: 'grid-rows' },
      h('caption', {}, this.w.t('gridRows')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', class: 'c-no' }, '#'),
          ...ROW_FIELDS.map(({ key, short, cls }) => h('th', { scope: 'col', class: cls, title: this.w.t(key) }, this.w.t(short ?? key))),
        ),
      ),
      this.body,
    );
    // what the outlines mean: red an error, yellow a warning, blue a note
    const legend = h(
      'p',
      { class: 'legend', id: 'grid-legend' },
      h('span', { class: 'swatch sw-error', 'aria-hidden': 'true' }),
      this.w.t('legendError'),
      h('span', { class: 'swatch sw-warning', 'aria-hidden': 'true' }),
      this.w.t('legendWarning'),
      h('span', { class: 'swatch sw-info', 'aria-hidden': 'true' }),
      this.w.t('legendInfo'),
      h('span', { class: 'muted' }, this.w.t('legendHow')),
    );
    // the budget block and the header stay in view; only the rows scroll
    this.content.replaceChildren(
      h('div', { class: 'grid-top' }, budgetTable, totalRow),
      legend,
      h('div', { class: 'grid-scroll' }, rowsTable),
      this.rowNotes,
      h('div', { class: 'bar-row' }, this.addBtn, h('span', { class: 'hint' }, this.w.t('gridKeys'))),
    );
    this.mark(this.findings);
  }
}
