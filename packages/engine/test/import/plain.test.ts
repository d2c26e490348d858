// The fast path of reading a JSON filing (filing/plain.ts) against zod (filing/model.ts):
// whenever the fast path takes a value, zod takes it too and makes the same filing, to the
// key order; whatever zod refuses, the fast path leaves to zod. A wrong filing from the fast
// path would be scored; these tests keep it from being wrong.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainFiling } from '../../src/filing/plain.ts';
import { validateFiling } from '../../src/filing/model.ts';
import { importJson } from '../../src/import/json.ts';
import { importTsv } from '../../src/import/tsv.ts';

const repo = (p: string) => fileURLToPath(new URL(`../../../../${p}`, import.meta.url));
const EXAMPLES = [
  'rules/四川/2023/examples/示例.json',
  'rules/甘肃/2023/examples/clean.json',
  'rules/湖北/2020/examples/示例.json',
  'rules/湖北/某市/某区/2020/examples/示例.json',
  'rules/江西/2017/examples/示例.json',
];

/** Every key of every object, in order, with the values: equal filings and equal key orders. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape);
  if (v !== null && typeof v === 'object') return Object.entries(v).map(([k, x]) => [k, shape(x)]);
  return Object.is(v, -0) ? '-0' : v;
}

/** The fast path agrees with zod on this value (as JSON.parse would make it). */
function agrees(data: unknown): 'plain' | 'zod' {
  const plain = plainFiling(data);
  const zod = validateFiling(data);
  if (plain === null) return 'zod';
  expect(zod.ok).toBe(true);
  if (zod.ok) expect(shape(plain)).toEqual(shape(zod.filing));
  return 'plain';
}

const text = fc.oneof(fc.constantFrom('', '≥95%', '达成', '部门管理', '１０项', ' x '), fc.string({ maxLength: 6 }));
// numbers as JSON carries them, and what it cannot (Infinity, as 1e400 reads, and NaN from code)
const number = fc.oneof(
  { arbitrary: fc.integer({ min: -5, max: 3000 }), weight: 20 },
  fc.double({ noNaN: false }),
  fc.constantFrom(0, -0, 1900, 2999, 2023.5, Number.POSITIVE_INFINITY),
);
const year = fc.oneof({ arbitrary: fc.constantFrom(2020, 2023), weight: 6 }, number);
const value = fc.oneof(text, number, fc.constant(null), fc.boolean(), fc.constant([]), fc.constant({}));
/** A key of the model, or one it does not have. */
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });

const row = fc.record({
  level1: text,
  level2: text,
  level3: text,
  indicatorValue: maybe(text),
  target: text,
  actual: text,
  weight: fc.oneof(number, fc.constant(null)),
  statedScore: fc.oneof(number, fc.constant(null)),
  reason: maybe(text),
  notApplicable: maybe(fc.boolean()),
  source: maybe(fc.record({ line: fc.integer({ min: 0, max: 30 }), column: fc.integer({ min: 1, max: 9 }) })),
});
const budget = fc.record({
  initialBudget: fc.oneof(number, fc.constant(null)),
  budget: fc.oneof(number, fc.constant(null)),
  spent: fc.oneof(number, fc.constant(null)),
  weight: maybe(fc.oneof(number, fc.constant(null))),
  statedRate: maybe(fc.oneof(text, fc.constant(null))),
  statedScore: maybe(number),
  funds: maybe(fc.array(fc.record({ name: text, budget: maybe(number) }), { maxLength: 2 })),
});
const filing = fc.record({
  title: maybe(text),
  unit: maybe(text),
  year: maybe(year),
  form: maybe(text),
  region: maybe(text),
  budget: maybe(budget),
  goals: maybe(fc.record({ expected: text, actual: text })),
  sections: maybe(
    fc.array(
      fc.record({ name: text, statedCap: fc.oneof(number, fc.constant(null)), groups: maybe(fc.array(fc.record({ name: text, statedCap: fc.constant(null) }), { maxLength: 2 })) }),
      { maxLength: 2 },
    ),
  ),
  rows: fc.array(row, { maxLength: 4 }),
  statedTotal: maybe(fc.oneof(number, fc.constant(null))),
  deductions: maybe(fc.array(fc.record({ reason: text, points: number }), { maxLength: 2 })),
  // extra inputs are zod's to read: now and then
  inputs: fc.oneof({ arbitrary: fc.constant(undefined), weight: 8 }, fc.dictionary(text, number, { maxKeys: 2 })),
});

/** A filing with one thing changed: a key set to any value, an unknown key added, a key dropped, or an object's keys in reverse order, somewhere in it. */
const changed = fc
  .tuple(
    filing,
    fc.nat(),
    fc.constantFrom('set', 'add', 'drop', 'reverse'),
    fc.constantFrom('rows', 'weight', 'target', 'budget', 'spent', 'year', 'extra', 'source', 'line', 'name', 'units'),
    value,
  )
  .map(([f, at, how, key, v]) => {
    const objects: Record<string, unknown>[] = [];
    const walk = (x: unknown) => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x !== null && typeof x === 'object') {
        objects.push(x as Record<string, unknown>);
        Object.values(x).forEach(walk);
      }
    };
    walk(f);
    const o = objects[at % objects.length]!;
    if (how === 'reverse') {
      // the same object, its keys in reverse order: zod puts them back in the model's
      const entries = Object.entries(o).reverse();
      for (const k of Object.keys(o)) delete o[k];
      for (const [k, x] of entries) o[k] = x;
    } else if (how === 'drop') delete o[Object.keys(o)[at % Math.max(1, Object.keys(o).length)]!];
    else o[how === 'add' ? key : (Object.keys(o)[at % Math.max(1, Object.keys(o).length)] ?? key)] = v;
    return f;
  });

describe('the fast path of JSON filings (filing/plain.ts)', () => {
  it('takes the examples of rules/ and makes what zod makes', () => {
    for (const f of EXAMPLES) expect(agrees(JSON.parse(readFileSync(repo(f), 'utf8'))), f).toBe('plain');
  });

  it('takes a filing imported from a table (every optional row field: source, reason …) and makes what zod makes', () => {
    const f = importTsv(readFileSync(repo('rules/甘肃/2023/examples/seed.tsv'), 'utf8')).filing!;
    expect(f.rows.some((r) => r.source)).toBe(true);
    expect(agrees(JSON.parse(JSON.stringify(f)))).toBe('plain');
  });

  it('agrees with zod on generated filings, each with one thing changed or not', () => {
    const taken = { plain: 0, zod: 0 };
    fc.assert(
      fc.property(fc.oneof(filing, changed), (f) => {
        // as a filing arrives: JSON text, parsed (undefined keys gone, 1e400 as Infinity)
        taken[agrees(JSON.parse(JSON.stringify(f).replace(/"year":2023.5/, '"year":1e400')))]++;
      }),
      { numRuns: 3000, seed: 20240611 },
    );
    // neither side vacuous: many take the fast path, many go to zod
    expect(taken.plain).toBeGreaterThan(1000);
    expect(taken.zod).toBeGreaterThan(1000);
  });

  it("puts keys in the model's order, as zod does, where the JSON has them in another (a row, its source, the filing)", () => {
    const base = JSON.parse(readFileSync(repo('rules/甘肃/2023/examples/clean.json'), 'utf8'));
    const reversed = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).reverse());
    const data = reversed({ ...base, rows: [reversed({ ...base.rows[0], source: { column: 2, line: 7 } }), ...base.rows.slice(1)] });
    expect(agrees(data)).toBe('plain');
    const f = plainFiling(data)!;
    expect(Object.keys(f)[0]).toBe(Object.keys(validateFiling(data).ok ? (validateFiling(data) as { filing: object }).filing : {})[0]);
    expect(Object.keys(f.rows[0]!)).toEqual(['level1', 'level2', 'level3', 'target', 'actual', 'weight', 'statedScore', 'source']);
    expect(Object.keys(f.rows[0]!.source!)).toEqual(['line', 'column']);
  });

  it('leaves to zod what it must word: an unknown key, a wrong type, a number JSON cannot hold, __proto__', () => {
    const base = JSON.parse(readFileSync(repo('rules/甘肃/2023/examples/clean.json'), 'utf8'));
    const cases = [
      { ...base, extra: 1 },
      { ...base, rows: [{ ...base.rows[0], weight: '二十' }] },
      { ...base, rows: [{ ...base.rows[0], colour: 'red' }] },
      { ...base, year: 1899 },
      { ...base, budget: { initialBudget: 1, budget: 2 } },
    ];
    for (const c of cases) {
      expect(plainFiling(c)).toBeNull();
      expect(validateFiling(c).ok).toBe(false);
    }
    const huge = importJson(JSON.stringify(base).replace(/"weight":(\d+)/, '"weight":1e400'));
    expect(huge.diagnostics.map((d) => d.code)).toEqual(['IMP061']);
    const proto = importJson(JSON.stringify(base).replace('{', '{"__proto__":{"x":1},'));
    expect(proto.filing).toBeNull();
    expect(proto.diagnostics[0]!.message.zh).toContain('__proto__');
  });

  it('leaves subordinate units and extra inputs to zod (they are read the slow way, as before)', () => {
    const base = JSON.parse(readFileSync(repo('rules/甘肃/2023/examples/clean.json'), 'utf8'));
    expect(plainFiling({ ...base, units: [] })).toBeNull();
    expect(plainFiling({ ...base, inputs: { 全年预算调剂金额: 5 } })).toBeNull();
    expect(importJson(JSON.stringify({ ...base, inputs: { 全年预算调剂金额: 5 } })).filing?.inputs).toEqual({ 全年预算调剂金额: 5 });
  });
});
