// The analysis loop: the store's template, filing and mapping go to the worker (debounced
// while typing, at once for a deliberate change), the replies of the editor's current
// version come back into the store. Also measures keystroke → score panel and keystroke →
// markers, which the status line, the browser tests and the benchmark read.
import { AnalysisClient } from '../worker/client.ts';
import type { AnalyseReply, DiffReply, DiffRequest } from '../worker/protocol.ts';
import { filingEdited, type Store } from './store.ts';

/** the number of latency samples kept (a long session must not grow without bound) */
const KEEP = 1000;

export class Analysis {
  /** keystroke → markers visible, ms (performance.measure('jx-keystroke-markers')) */
  readonly latencies: number[] = [];
  /** keystroke → score panel updated, ms (performance.measure('jx-keystroke-score')) */
  readonly scoreLatencies: number[] = [];
  private readonly editMarks = new Map<number, string>();
  private readonly scoreMeasured = new Set<number>();
  private readonly client: AnalysisClient;

  /** Subscribe before the panes: an edit is marked before anything renders for it. */
  constructor(private readonly store: Store) {
    this.client = new AnalysisClient((reply) => this.received(reply));
    store.subscribe((s, prev, a) => {
      if (a.type === 'template/edit') {
        const mark = `jx-edit-${s.version}`;
        performance.mark(mark);
        this.editMarks.set(s.version, mark);
        this.request();
      } else if (filingEdited(s, prev, a)) this.request(a.type === 'filing/json');
      else if (
        a.type === 'filing/reset' ||
        a.type === 'mapping/apply' ||
        a.type === 'mapping/clear' ||
        a.type === 'link/restore' ||
        (a.type === 'template/select' && s.file !== prev.file)
      )
        this.request(true);
    });
  }

  /** Analyse the store's template and filing: after the debounce, or at once when `now`. */
  request(now = false): void {
    this.store.dispatch({ type: 'analysis/request' });
    const s = this.store.state;
    const req = { kind: 'analyse' as const, version: s.version, seq: s.seq, file: s.file, template: this.store.template(), filing: s.filing };
    this.client.request(s.mapping ? { ...req, mapping: s.mapping } : req, now);
  }

  /** The years diff and its impact on the filing (the worker answers after any analysis in flight). */
  diff(req: DiffRequest): Promise<DiffReply> {
    return this.client.diff(req);
  }

  private received(reply: AnalyseReply): void {
    if (reply.version !== this.store.state.version) return; // stale: a newer request follows
    this.store.dispatch({ type: 'analysis/reply', reply });
    const mark = this.editMarks.get(reply.version);
    // keystroke → score table updated: the panes render synchronously on dispatch, so the
    // panel's DOM holds this version's view by now
    if (mark && !this.scoreMeasured.has(reply.version)) {
      this.scoreMeasured.add(reply.version);
      const m = performance.measure('jx-keystroke-score', mark);
      this.scoreLatencies.push(m.duration);
      if (this.scoreLatencies.length > KEEP) this.scoreLatencies.shift();
    }
    // keystroke → markers visible: measured to the frame after the markers are set
    if (mark) {
      requestAnimationFrame(() => {
        const m = performance.measure('jx-keystroke-markers', mark);
        this.latencies.push(m.duration);
        if (this.latencies.length > KEEP) this.latencies.shift();
        for (const [v, name] of this.editMarks)
          if (v <= reply.version) {
            performance.clearMarks(name);
            this.editMarks.delete(v);
            this.scoreMeasured.delete(v);
          }
        this.store.dispatch({ type: 'analysis/latency', ms: m.duration });
      });
    }
  }
}
