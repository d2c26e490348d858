// The divider between the template and the panel: drag it, or focus it and use ← / →
// (Home / End for the limits). The share of the width is the store's (`split`); the page
// remembers it for the next visit.
import type { Words } from '../i18n.ts';
import { SPLIT_MAX, SPLIT_MIN, type Store } from '../state/store.ts';
import { h } from '../ui/dom.ts';
import type { Labels } from '../ui/labels.ts';

const STEP = 0.05;
export const SPLIT_KEY = 'jixiao.split';

export class Divider {
  readonly el: HTMLElement;

  constructor(
    store: Store,
    w: Words,
    labels: Labels,
    /** the element whose width is split (the page's main area) */
    private readonly area: HTMLElement,
  ) {
    this.el = labels.tx(
      h('div', {
        class: 'divider',
        role: 'separator',
        tabindex: 0,
        'aria-orientation': 'vertical',
        'aria-controls': 'left-pane',
        'aria-valuemin': SPLIT_MIN * 100,
        'aria-valuemax': SPLIT_MAX * 100,
      }),
      'dividerLabel',
      'aria-label',
    );
    labels.tx(this.el, 'dividerHint', 'title');
    const set = (share: number) => store.dispatch({ type: 'split', share });
    this.el.addEventListener('pointerdown', (e) => {
      e.preventDefault();
      this.el.setPointerCapture(e.pointerId);
      this.el.classList.add('dragging');
      const move = (ev: PointerEvent) => {
        const r = area.getBoundingClientRect();
        set((ev.clientX - r.left) / r.width);
      };
      const up = () => {
        this.el.classList.remove('dragging');
        this.el.removeEventListener('pointermove', move);
        this.el.removeEventListener('pointerup', up);
      };
      this.el.addEventListener('pointermove', move);
      this.el.addEventListener('pointerup', up);
    });
    this.el.addEventListener('keydown', (e) => {
      const s = store.state.split;
      const next = e.key === 'ArrowLeft' ? s - STEP : e.key === 'ArrowRight' ? s + STEP : e.key === 'Home' ? SPLIT_MIN : e.key === 'End' ? SPLIT_MAX : null;
      if (next === null) return;
      e.preventDefault();
      set(next);
    });
    this.apply(store.state.split);
    store.subscribe((s, prev) => {
      if (s.split === prev.split) return;
      this.apply(s.split);
      try {
        localStorage.setItem(SPLIT_KEY, String(s.split));
      } catch {
        /* storage may be off: the split lasts the visit */
      }
    });
    void w;
  }

  private apply(share: number): void {
    this.area.style.setProperty('--left', `${(share * 100).toFixed(1)}fr`);
    this.area.style.setProperty('--right', `${((1 - share) * 100).toFixed(1)}fr`);
    this.el.setAttribute('aria-valuenow', (share * 100).toFixed(0));
  }
}
