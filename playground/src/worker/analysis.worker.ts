// The analysis worker: parse, check and score off the main thread.
import { diffView } from '../scoring.ts';
import { analyse } from './analyse.ts';
import type { AnalyseRequest, DiffReply, DiffRequest } from './protocol.ts';

self.onmessage = (e: MessageEvent<AnalyseRequest | DiffRequest>) => {
  const req = e.data;
  if (req?.kind === 'diff') {
    let reply: DiffReply;
    try {
      reply = diffView(req);
    } catch (err) {
      reply = { kind: 'diffed', seq: req.seq, diff: null, impact: null, problems: [{ zh: `比较失败：${String(err)}`, en: `diff failed: ${String(err)}` }] };
    }
    self.postMessage(reply);
    return;
  }
  if (req?.kind !== 'analyse') return;
  try {
    self.postMessage(analyse(req));
  } catch (err) {
    // never leave the page waiting: report the crash as a marker on line 1
    self.postMessage({
      kind: 'analysed',
      version: req.version,
      seq: req.seq,
      markers: [
        {
          code: 'PLAYGROUND',
          severity: 'error',
          message: { zh: `分析失败：${String(err)}`, en: `analysis failed: ${String(err)}` },
          startLineNumber: 1,
          startColumn: 1,
          endLineNumber: 1,
          endColumn: 2,
        },
      ],
      outline: null,
      score: { kind: 'none', filing: { json: null, format: 'tsv', problems: [] }, reason: { zh: String(err), en: String(err) } },
      workerMs: 0,
    });
  }
};
