// The page's side of the analysis worker: debounced, latest-wins. At most one request is
// in flight; edits made meanwhile collapse into the next request.
import type { AnalyseReply, AnalyseRequest, DiffReply, DiffRequest } from './protocol.ts';
import AnalysisWorker from './analysis.worker.ts?worker';

export type Listener = (reply: AnalyseReply) => void;

export class AnalysisClient {
  private worker = new AnalysisWorker();
  private inFlight: AnalyseRequest | null = null;
  private pending: AnalyseRequest | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private diffs = new Map<number, (r: DiffReply) => void>();

  constructor(
    private listener: Listener,
    private debounceMs = 60,
  ) {
    this.worker.onmessage = (e: MessageEvent<AnalyseReply | DiffReply>) => {
      if (e.data.kind === 'diffed') {
        const done = this.diffs.get(e.data.seq);
        this.diffs.delete(e.data.seq);
        done?.(e.data);
        return;
      }
      this.inFlight = null;
      this.listener(e.data);
      this.flush();
    };
  }

  /** Ask for an analysis after the debounce delay (immediately when `now`). */
  request(req: AnalyseRequest, now = false): void {
    this.pending = req;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (now) this.flush();
    else
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush();
      }, this.debounceMs);
  }

  /** The years diff and its impact on the filing; the worker answers in order, after any analysis in flight. */
  diff(req: DiffRequest): Promise<DiffReply> {
    return new Promise((resolve) => {
      this.diffs.set(req.seq, resolve);
      this.worker.postMessage(req);
    });
  }

  private flush(): void {
    if (this.inFlight || !this.pending || this.timer) return;
    this.inFlight = this.pending;
    this.pending = null;
    this.worker.postMessage(this.inFlight);
  }
}
