// The filing's JSON Schema (which `jixiao types` turns into TypeScript) and the zod
// validator must accept and reject the same filings: both come from one zod model.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filingJsonSchema, importFiling, validateFiling } from '@jixiao/engine';
import { root } from './run.ts';

const ajv = new Ajv2020({ strict: false, allErrors: true });
const schemaAccepts = ajv.compile(filingJsonSchema());
const zodAccepts = (x: unknown) => validateFiling(x).ok;

const clean = JSON.parse(readFileSync(join(root, 'rules/甘肃/2023/examples/clean.json'), 'utf8')) as Record<string, unknown>;
const row = (clean['rows'] as Record<string, unknown>[])[0]!;

const samples: [string, unknown][] = [
  ['clean example', clean],
  ['minimal', { rows: [] }],
  ['a department with a unit', { rows: [], units: [{ name: '下属单位', funding: 10, filing: { rows: [row] } }] }],
  ['a unit with a bad filing', { rows: [], units: [{ name: '下属单位', funding: 10, filing: { rows: 'x' } }] }],
  ['no rows', { year: 2023 }],
  ['rows not an array', { rows: {} }],
  ['unknown key', { rows: [], extra: 1 }],
  ['__proto__ key', JSON.parse('{"rows": [], "__proto__": {"x": 1}}')],
  ['constructor key in a row', { rows: [{ ...row, constructor: 'x' }] }],
  ['year not an integer', { rows: [], year: 2023.5 }],
  ['year too small', { rows: [], year: 1000 }],
  ['year too large', { rows: [], year: 3000 }],
  ['weight as text', { rows: [{ ...row, weight: '10' }] }],
  ['weight null', { rows: [{ ...row, weight: null }] }],
  ['statedScore missing', { rows: [{ ...row, statedScore: undefined }] }],
  ['budget without spent', { rows: [], budget: { initialBudget: 1, budget: 1 } }],
  ['budget null money', { rows: [], budget: { initialBudget: null, budget: null, spent: null } }],
  ['deduction points as text', { rows: [], deductions: [{ reason: 'x', points: '3' }] }],
  ['source line 0', { rows: [{ ...row, source: { line: 0, column: 1 } }] }],
  ['null filing', null],
  ['an array', []],
  ['a string', 'filing'],
];

describe('filing JSON Schema ≡ zod validator', () => {
  it.each(samples)('%s: both agree', (_name, x) => {
    const plain = x === undefined ? x : JSON.parse(JSON.stringify(x) ?? 'null');
    expect(schemaAccepts(plain)).toBe(zodAccepts(plain));
  });

  it('agree on the imported seed filing', async () => {
    const r = await importFiling(new Uint8Array(readFileSync(join(root, 'rules/甘肃/2023/examples/seed.tsv'))), { filename: 'seed.tsv' });
    const plain = JSON.parse(JSON.stringify(r.filing));
    expect(zodAccepts(plain)).toBe(true);
    expect(schemaAccepts(plain)).toBe(true);
  });

  it('agree on random mutations of a valid filing', () => {
    // fresh [] and {} per draw: a shared constant object could be set inside itself and make a cycle
    const leaf = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer({ min: -5, max: 4000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.string({ maxLength: 4 }),
      fc.constant(0).map(() => []),
      fc.constant(0).map(() => ({})),
    );
    const keys = ['rows', 'year', 'form', 'budget', 'weight', 'statedScore', 'level1', 'target', 'units', 'deductions', 'points', 'source', 'line', 'other'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.constantFrom(...keys), leaf, fc.boolean()), { maxLength: 4 }), (edits) => {
        const doc = JSON.parse(JSON.stringify(clean)) as Record<string, unknown>;
        for (const [at, key, value, remove] of edits) {
          // pick an object inside the document by position and set or delete a key
          const objs: Record<string, unknown>[] = [];
          const walk = (v: unknown) => {
            if (v && typeof v === 'object') {
              if (!Array.isArray(v)) objs.push(v as Record<string, unknown>);
              Object.values(v).forEach(walk);
            }
          };
          walk(doc);
          const o = objs[at % objs.length]!;
          if (remove) delete o[key];
          else o[key] = value;
        }
        expect(schemaAccepts(doc)).toBe(zodAccepts(doc));
      }),
      { numRuns: 500 },
    );
  });
});
