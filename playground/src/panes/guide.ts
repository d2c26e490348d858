// The guided start: three short steps — what the two panes are, how to paste a table, how
// to try a change — shown on a first visit, closed for this visit or for good (the page
// remembers it), and opened again from the header's 指引 button.
import type { Key, Words } from '../i18n.ts';
import type { Store } from '../state/store.ts';
import { h } from '../ui/dom.ts';
import type { Labels } from '../ui/labels.ts';

export const GUIDE_KEY = 'jixiao.guide.done';

/** Whether the guide was closed for good in this browser. */
export function guideDone(): boolean {
  try {
    return localStorage.getItem(GUIDE_KEY) === '1';
  } catch {
    return false;
  }
}

const STEPS: { title: Key; text: Key; target: string }[] = [
  { title: 'guide1Title', text: 'guide1Text', target: 'main' },
  { title: 'guide2Title', text: 'guide2Text', target: '#tab-filing' },
  { title: 'guide3Title', text: 'guide3Text', target: '#left-pane' },
];

export class Guide {
  readonly el: HTMLElement;
  private step = 0;
  private readonly title = h('h2', { id: 'guide-title' });
  private readonly text = h('p', { id: 'guide-text' });
  private readonly count = h('span', { class: 'muted' });
  private readonly prev: HTMLButtonElement;
  private readonly next: HTMLButtonElement;

  constructor(
    private readonly store: Store,
    private readonly w: Words,
    labels: Labels,
  ) {
    const { tx } = labels;
    this.prev = tx(h('button', { type: 'button', id: 'guide-prev' }), 'guidePrev');
    this.next = h('button', { type: 'button', id: 'guide-next', class: 'primary' });
    const close = tx(h('button', { type: 'button', id: 'guide-close' }), 'guideClose');
    const never = tx(h('button', { type: 'button', id: 'guide-never' }), 'guideNever');
    this.el = h(
      'section',
      { id: 'guide', class: 'guide', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'guide-title', 'aria-describedby': 'guide-text', hidden: true },
      this.count,
      this.title,
      this.text,
      h('div', { class: 'bar-row' }, this.prev, this.next, h('span', { class: 'spacer' }), close, never),
    );
    this.prev.addEventListener('click', () => this.go(this.step - 1));
    this.next.addEventListener('click', () => (this.step + 1 < STEPS.length ? this.go(this.step + 1) : store.dispatch({ type: 'guide', open: false })));
    close.addEventListener('click', () => store.dispatch({ type: 'guide', open: false }));
    never.addEventListener('click', () => {
      try {
        localStorage.setItem(GUIDE_KEY, '1');
      } catch {
        /* storage off: closed for this visit */
      }
      store.dispatch({ type: 'guide', open: false });
    });
    this.el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') store.dispatch({ type: 'guide', open: false });
    });
    store.subscribe((s, prev) => {
      if (s.guide !== prev.guide) this.toggle(s.guide);
      else if (s.lang !== prev.lang && s.guide) this.go(this.step);
    });
    if (store.state.guide) this.toggle(true);
  }

  private toggle(open: boolean): void {
    this.el.hidden = !open;
    document.querySelectorAll('.guide-target').forEach((e) => e.classList.remove('guide-target'));
    if (open) {
      this.go(0);
      this.next.focus();
    } else (document.getElementById('guide-open') as HTMLElement | null)?.focus();
  }

  private go(i: number): void {
    const { t } = this.w;
    this.step = Math.max(0, Math.min(STEPS.length - 1, i));
    const s = STEPS[this.step]!;
    this.title.textContent = t(s.title);
    this.text.textContent = t(s.text);
    this.count.textContent = t('guideStep', { i: this.step + 1, n: STEPS.length });
    this.prev.disabled = this.step === 0;
    this.next.textContent = t(this.step + 1 < STEPS.length ? 'guideNext' : 'guideDone');
    document.querySelectorAll('.guide-target').forEach((e) => e.classList.remove('guide-target'));
    document.querySelector(s.target)?.classList.add('guide-target');
    void this.store;
  }
}
