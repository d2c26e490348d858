// The analysis worker: parse, check and score off the main thread.
import { analyse } from './analyse.ts';
import type { AnalyseRequest } from './protocol.ts';

self.onmessage = (e: MessageEvent<AnalyseRequest>) => {
  const req = e.data;
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
