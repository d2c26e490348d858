// The right side's tabs (评分, 填报表, JSON, 对比): a WAI-ARIA tablist; ← / → move between
// tabs. Which tab is open is the store's; the 对比 tab's own pane follows it (diff-tab.ts).
import type { Key } from '../i18n.ts';
import type { Store, TabId } from '../state/store.ts';
import { h } from '../ui/dom.ts';
import type { Labels } from '../ui/labels.ts';

export interface TabSpec {
  id: TabId;
  key: Key;
  panel: HTMLElement;
}

export class Tabs {
  readonly list = h('div', { role: 'tablist', class: 'tabs' });
  private readonly buttons: HTMLButtonElement[];

  constructor(
    store: Store,
    labels: Labels,
    private readonly tabs: readonly TabSpec[],
  ) {
    this.buttons = tabs.map((tab, i) => {
      const b = labels.tx(h('button', { type: 'button', role: 'tab', id: `tab-${tab.id}`, 'aria-controls': `panel-${tab.id}`, tabindex: i === 0 ? 0 : -1 }), tab.key);
      tab.panel.id = `panel-${tab.id}`;
      tab.panel.setAttribute('role', 'tabpanel');
      tab.panel.setAttribute('aria-labelledby', b.id);
      tab.panel.classList.add('panel');
      b.addEventListener('click', () => store.dispatch({ type: 'tab', tab: tab.id }));
      b.addEventListener('keydown', (e) => {
        const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
        if (!d) return;
        e.preventDefault();
        const j = (i + d + tabs.length) % tabs.length;
        store.dispatch({ type: 'tab', tab: tabs[j]!.id });
        this.buttons[j]!.focus();
      });
      this.list.append(b);
      return b;
    });
    this.show(store.state.tab);
    store.subscribe((s, prev) => {
      if (s.tab !== prev.tab) this.show(s.tab);
    });
  }

  /** The panels, in the tabs' order (the layout places them after the list). */
  panels(): HTMLElement[] {
    return this.tabs.map((t) => t.panel);
  }

  private show(id: TabId): void {
    this.tabs.forEach((tab, j) => {
      const on = tab.id === id;
      this.buttons[j]!.setAttribute('aria-selected', String(on));
      this.buttons[j]!.tabIndex = on ? 0 : -1;
      tab.panel.hidden = !on;
    });
  }
}
