/** Tiny element builder: h('div', {class: 'x'}, child, 'text'). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/**
 * Re-render `root` without losing the keyboard's place: the focused element's
 * `data-focus-key` (or the nearest one above it) is found again after `render` and
 * focused, and the scroll position of the scrolling container stays. A background
 * re-analysis must never throw the reader back to the first item.
 */
export function keepFocus(root: HTMLElement, render: () => void): void {
  const active = document.activeElement as HTMLElement | null;
  const within = !!active && root.contains(active);
  const key = within ? active!.closest<HTMLElement>('[data-focus-key]')?.dataset['focusKey'] : undefined;
  const open = [...root.querySelectorAll<HTMLDetailsElement>('details[open] > summary[data-focus-key]')].map((s) => s.dataset['focusKey']);
  const scroller = scrollParent(root);
  const top = scroller?.scrollTop ?? 0;
  render();
  for (const k of open) root.querySelector<HTMLElement>(`summary[data-focus-key="${CSS.escape(k!)}"]`)?.parentElement?.setAttribute('open', '');
  if (scroller) scroller.scrollTop = top;
  if (!within) return;
  const again = key ? root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`) : null;
  // the element is gone (its finding was fixed): the panel itself keeps the focus, not the page
  (again ?? root).focus({ preventScroll: true });
}

function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p: HTMLElement | null = el; p; p = p.parentElement) if (p.scrollHeight > p.clientHeight && getComputedStyle(p).overflowY !== 'visible') return p;
  return null;
}
