// The footer's status line (the template's diagnostics and the last keystroke → markers
// time) and the header's toast (a short message that clears itself).
import type { Words } from '../i18n.ts';
import type { PageState, Store } from '../state/store.ts';
import { h } from '../ui/dom.ts';

/** how long a toast stays */
const TOAST_MS = 5000;

export class StatusBar {
  readonly status = h('div', { id: 'status', role: 'status', 'aria-live': 'polite' });
  readonly toast = h('div', { id: 'toast', role: 'status', 'aria-live': 'polite' });
  private toastTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    store: Store,
    private readonly w: Words,
  ) {
    store.subscribe((s, prev, a) => {
      if (a.type === 'analysis/reply' || a.type === 'analysis/latency' || s.lang !== prev.lang) this.renderStatus(s);
      if (a.type === 'toast' && s.toast) {
        this.toast.textContent = w.t(s.toast.key, s.toast.vars);
        if (this.toastTimer) clearTimeout(this.toastTimer);
        this.toastTimer = setTimeout(() => (this.toast.textContent = ''), TOAST_MS);
      }
    });
  }

  private renderStatus(s: PageState): void {
    const { t } = this.w;
    const last = s.last;
    if (!last) return;
    const errors = last.markers.filter((m) => m.severity === 'error').length;
    const warnings = last.markers.filter((m) => m.severity === 'warning').length;
    const parts = [
      errors || warnings ? [errors ? t('nErrors', { n: errors }) : '', warnings ? t('nWarnings', { n: warnings }) : ''].filter(Boolean).join(' · ') : t('noDiagnostics'),
    ];
    if (s.latency !== null) parts.push(t('latency', { ms: s.latency.toFixed(0) }));
    this.status.textContent = `${t('diagnostics')}${t('colon')}${parts.join(' · ')}`;
    this.status.dataset['errors'] = String(errors);
  }
}
