// The page's fixed words (buttons, tab names, hints): each element is registered once with
// its key and relabelled when the store's language changes.
import type { Key, Words } from '../i18n.ts';
import type { Store } from '../state/store.ts';

export type LabelPlace = 'text' | 'aria-label' | 'title' | 'placeholder';

export class Labels {
  private readonly nodes: [HTMLElement, Key, LabelPlace][] = [];

  constructor(
    store: Store,
    private readonly w: Words,
  ) {
    store.subscribe((s, prev) => {
      if (s.lang !== prev.lang) for (const n of this.nodes) this.put(...n);
    });
  }

  /** Label `el` with `key` now and in every language to come (an arrow: `const { tx } = labels` works). */
  readonly tx = <E extends HTMLElement>(el: E, key: Key, where: LabelPlace = 'text'): E => {
    this.nodes.push([el, key, where]);
    this.put(el, key, where);
    return el;
  };

  private put(el: HTMLElement, key: Key, where: LabelPlace): void {
    if (where === 'text') el.textContent = this.w.t(key);
    else el.setAttribute(where, this.w.t(key));
  }
}
