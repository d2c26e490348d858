// The JSON tab: the filing as canonical JSON, editable. JSON that validates replaces the
// filing and is scored; otherwise its errors are listed with their path (or line and
// column) and the score stays that of the last valid filing.
import { importJson, pathToText } from '@jixiao/engine';
import type { Words } from '../i18n.ts';
import type { Store } from '../state/store.ts';
import { h } from '../ui/dom.ts';
import type { Labels } from '../ui/labels.ts';
import type { AnalyseReply } from '../worker/protocol.ts';

/** how long typing in the JSON may pause before it is validated */
const JSON_DEBOUNCE_MS = 120;

const jsonOf = (reply: AnalyseReply): string => {
  const json = reply.score.filing.json;
  return json ? JSON.stringify(json, null, 2) : '';
};

export class JsonTab {
  readonly panel: HTMLElement;
  private readonly view: HTMLTextAreaElement;
  private readonly error = h('div', { id: 'json-error', role: 'alert' });
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly store: Store,
    private readonly w: Words,
    labels: Labels,
  ) {
    const { tx } = labels;
    this.view = tx(h('textarea', { id: 'json', spellcheck: 'false', wrap: 'off' }), 'jsonEditor', 'aria-label');
    this.panel = h('div', { class: 'json-tab' }, tx(h('p', { class: 'hint' }), 'jsonHint'), this.error, this.view);

    this.view.addEventListener('input', () => {
      store.dispatch({ type: 'json/edit' });
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.apply(), JSON_DEBOUNCE_MS);
    });
    // leaving the tab with nothing pending shows the filing's JSON again
    this.view.addEventListener('blur', () => {
      const { jsonDirty, last } = store.state;
      if (!jsonDirty && last) this.view.value = jsonOf(last);
    });
    store.subscribe((s, prev, a) => {
      if (a.type === 'analysis/reply') this.show(a.reply);
      else if (s.lang !== prev.lang && s.last) this.show(s.last);
    });
  }

  private show(reply: AnalyseReply): void {
    // the JSON tab follows the filing unless it holds an edit of its own
    if (!this.store.state.jsonDirty && document.activeElement !== this.view) this.view.value = jsonOf(reply);
    this.view.placeholder = this.w.t('noFilingJson');
  }

  /** The JSON tab's text: valid → it replaces the filing; invalid → the error with its path, the score stays. */
  private apply(): void {
    const { t, pick } = this.w;
    const text = this.view.value;
    const r = importJson(text);
    this.error.replaceChildren();
    this.view.classList.toggle('invalid', !r.filing);
    this.view.setAttribute('aria-invalid', String(!r.filing));
    if (!r.filing) {
      this.error.append(
        h('p', {}, t('jsonInvalid')),
        h(
          'ul',
          {},
          ...r.diagnostics.slice(0, 20).map((d) => {
            const where = d.path?.length ? pathToText(d.path) : d.line ? t('position', { line: d.line, column: d.column ?? 1 }) : '';
            return h('li', { class: 'sev-error', 'data-path': where }, h('code', {}, d.code), ' ', where ? h('code', { class: 'json-path' }, where) : '', ' ', pick(d.message));
          }),
        ),
      );
      return;
    }
    this.store.dispatch({ type: 'filing/json', text });
  }
}
