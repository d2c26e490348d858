// The explanation of an error code, in the page: a dialog with the code's section of
// docs/errors.md (loaded when first asked for; the first screen does not carry it).
import type { Words } from '../i18n.ts';
import type { Store } from '../state/store.ts';
import { h } from '../ui/dom.ts';
import type { Labels } from '../ui/labels.ts';

export class DocsDialog {
  readonly dialog: HTMLDialogElement;
  private readonly body = h('div', { id: 'doc-body', 'aria-live': 'polite' });
  private md: Promise<string> | null = null;
  /** the element focused before the dialog opened: focus goes back there */
  private opener: HTMLElement | null = null;

  constructor(
    private readonly store: Store,
    private readonly w: Words,
    labels: Labels,
  ) {
    const close = labels.tx(h('button', { type: 'button', id: 'doc-close', class: 'doc-close' }), 'close');
    const heading = labels.tx(h('h2', { id: 'doc-heading' }), 'docTitle');
    this.dialog = h('dialog', { id: 'doc-dialog', 'aria-labelledby': 'doc-heading' }, h('div', { class: 'doc-top' }, heading, close), this.body);
    close.addEventListener('click', () => store.dispatch({ type: 'doc', code: null }));
    // Esc closes a modal dialog itself: the store hears of it
    this.dialog.addEventListener('close', () => {
      if (store.state.doc !== null) store.dispatch({ type: 'doc', code: null });
    });
    store.subscribe((s, prev) => {
      if (s.doc !== prev.doc || (s.doc && s.lang !== prev.lang)) void this.show(s.doc);
    });
  }

  /** The section of docs/errors.md, rendered; the dialog closed for null. */
  private async show(code: string | null): Promise<void> {
    if (code === null) {
      if (this.dialog.open) this.dialog.close();
      this.opener?.focus();
      this.opener = null;
      return;
    }
    if (!this.dialog.open) {
      this.opener = document.activeElement as HTMLElement | null;
      this.dialog.showModal();
    }
    this.body.replaceChildren(h('p', { class: 'muted' }, this.w.t('docLoading')));
    this.md ??= import('../../../docs/errors.md?raw').then((m) => m.default);
    const [{ renderDoc, sectionOf }, md] = await Promise.all([import('../ui/markdown.ts'), this.md]);
    if (this.store.state.doc !== code) return;
    const section = sectionOf(md, code);
    this.body.replaceChildren(section ? renderDoc(section, this.w.lang(), (c) => this.store.dispatch({ type: 'doc', code: c })) : h('p', {}, this.w.t('docMissing', { code })));
    this.body.scrollTop = 0;
  }
}
