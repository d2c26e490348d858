// The importers never throw, whatever is pasted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importTsv } from '../../src/import/tsv.ts';
import { importJson } from '../../src/import/json.ts';
import { parseValue } from '../../src/filing/value.ts';

const pieces = [
  '\t',
  '\n',
  '\r\n',
  '"',
  '""',
  '一级指标',
  '三级指标',
  '年度指标值',
  '实际完成值',
  '分值',
  '得分',
  '总分',
  '健全',
  '≥1项',
  '100%',
  '4',
  '—',
  '\uFEFF',
  '产出指标(70分)',
  '年初预算数 58.00',
  '其中:当年财政拨款',
  '注：',
  ' ',
];
const pasted = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 80 }).map((a) => a.join(''));

describe('robustness', () => {
  it('importTsv never throws and a filing always comes with no error, or an error comes without a filing', () => {
    fc.assert(
      fc.property(pasted, (text) => {
        const r = importTsv(text);
        const hasError = r.diagnostics.some((d) => d.severity === 'error');
        expect(hasError).toBe(r.filing === null);
      }),
      { numRuns: 500 },
    );
  });
  it('parseValue never throws', () => {
    fc.assert(
      fc.property(pasted, (t) => void parseValue(t)),
      { numRuns: 500 },
    );
  });
  it('importJson never throws', () => {
    fc.assert(
      fc.property(fc.json(), (t) => void importJson(t)),
      { numRuns: 300 },
    );
  });
});
