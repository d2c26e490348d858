// The header's controls: the official template in the editor (year switcher), 格式化, the
// share link (and its other half: a link opened or pasted into this page), the language.
import type { Words } from '../i18n.ts';
import { decodeState, encodeState } from '../share.ts';
import type { Store } from '../state/store.ts';
import { h } from '../ui/dom.ts';
import type { Labels } from '../ui/labels.ts';
import type { EditorHost } from './template-view.ts';

export class Toolbar {
  readonly title: HTMLElement;
  readonly templateLabel: HTMLElement;
  /** the templates are named as the rules name them (地区 年度 表单), in any language */
  readonly templateSelect = h('select', { id: 'template-select', translate: 'no' });
  readonly formatBtn: HTMLButtonElement;
  readonly shareBtn: HTMLButtonElement;
  readonly langBtn = h('button', { type: 'button', id: 'lang' });
  readonly guideBtn: HTMLButtonElement;

  constructor(
    private readonly store: Store,
    private readonly w: Words,
    labels: Labels,
    editor: EditorHost,
  ) {
    const { tx } = labels;
    this.title = tx(h('h1', {}), 'title');
    this.templateLabel = h('label', { for: 'template-select' }, tx(h('span', {}), 'template'));
    this.formatBtn = tx(h('button', { type: 'button', id: 'format' }), 'format');
    this.shareBtn = tx(h('button', { type: 'button', id: 'share' }), 'share');
    this.guideBtn = tx(h('button', { type: 'button', id: 'guide-open' }), 'guideOpen');
    this.guideBtn.addEventListener('click', () => store.dispatch({ type: 'guide', open: true }));
    // the template picker lists jurisdictions: one group per 地区, its templates by year
    const groups = new Map<string, HTMLOptGroupElement>();
    for (const o of store.catalogue) {
      let g = groups.get(o.region);
      if (!g) {
        g = h('optgroup', { label: o.region });
        groups.set(o.region, g);
        this.templateSelect.append(g);
      }
      g.append(h('option', { value: o.file }, `${o.region} ${o.year} ${o.form}`));
    }
    this.templateSelect.value = store.state.file;
    this.relabel();

    this.templateSelect.addEventListener('change', () => store.dispatch({ type: 'template/select', file: this.templateSelect.value }));
    this.formatBtn.addEventListener('click', () => editor.format());
    this.shareBtn.addEventListener('click', () => void this.share());
    this.langBtn.addEventListener('click', () => store.dispatch({ type: 'lang', lang: store.state.lang === 'zh' ? 'en' : 'zh' }));
    window.addEventListener('hashchange', () => this.restore());

    store.subscribe((s, prev) => {
      if (s.file !== prev.file) this.templateSelect.value = s.file;
      if (s.lang !== prev.lang) this.relabel();
    });
  }

  private relabel(): void {
    const { t, lang } = this.w;
    this.langBtn.textContent = t('langToggle');
    // the button names the other language in that language
    this.langBtn.lang = lang() === 'zh' ? 'en' : 'zh-CN';
    this.langBtn.setAttribute('aria-label', t('langToggleLabel'));
    document.title = t('title');
    document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
  }

  /** The page's state into the URL's hash, and the URL onto the clipboard when allowed. */
  private async share(): Promise<void> {
    history.replaceState(null, '', encodeState(this.store.shared()));
    try {
      await navigator.clipboard.writeText(location.href);
      this.store.dispatch({ type: 'toast', key: 'shareCopied' });
    } catch {
      this.store.dispatch({ type: 'toast', key: 'shareReady' });
    }
  }

  /** A link's state, when the hash changes under the open page. */
  private restore(): void {
    try {
      const shared = decodeState(location.hash);
      if (!shared) return;
      this.store.dispatch({ type: 'link/restore', shared });
      this.store.dispatch({ type: 'toast', key: 'restored' });
    } catch {
      this.store.dispatch({ type: 'toast', key: 'badLink' });
    }
  }
}
