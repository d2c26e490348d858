// The fast path of reading a JSON filing: a filing as programs write it (the shape of the
// model, no subordinate units, no extra inputs) is checked and copied here by hand, in a
// few microseconds instead of zod's hundred. The result is what zod would give, to the key
// order: fresh objects, the model's keys in the model's order, absent optional keys left
// out. Anything else — a wrong type, an unknown key, a non-finite number, units, inputs —
// is not judged here: null sends it to zod, which words the problem
// (packages/engine/test/import/plain.test.ts holds the two to the same answer).
//
// For what JSON.parse made only: plain objects and arrays, own enumerable keys, no
// undefined. Other values go to zod.

import type { Filing } from './model.ts';

type Obj = Record<string, unknown>;

/** z.number(): finite */
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const numOrNull = (v: unknown): boolean => v === null || num(v);
const str = (v: unknown): v is string => typeof v === 'string';
const strOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
const int = (v: unknown, min: number, max: number): boolean => num(v) && Number.isInteger(v) && v >= min && v <= max;

/** A field's check, whether it must be present, and (for an object or array) its copy, null when refused. */
type Field = readonly [name: string, ok: (v: unknown) => boolean, required: boolean, copy?: (v: unknown) => unknown];

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A strict object of these fields, copied in their order; null on another key, a missing required one, or a failed check. */
function strictShape(fields: readonly Field[]): (v: unknown) => Obj | null {
  const known = new Set(fields.map((f) => f[0]));
  const n = fields.length;
  return (v) => {
    if (!isObj(v)) return null;
    const keys = Object.keys(v);
    for (let i = 0; i < keys.length; i++) if (!known.has(keys[i]!)) return null;
    const out: Obj = {};
    for (let i = 0; i < n; i++) {
      const [name, ok, required, copy] = fields[i]!;
      const x = v[name];
      if (x === undefined) {
        if (required) return null;
        continue;
      }
      if (!ok(x)) return null;
      if (copy) {
        const c = copy(x);
        if (c === null) return null;
        out[name] = c;
      } else out[name] = x;
    }
    return out;
  };
}

function arrayOf(item: (v: unknown) => unknown): (v: unknown) => unknown[] | null {
  return (v) => {
    if (!Array.isArray(v)) return null;
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const c = item(v[i]);
      if (c === null) return null;
      out[i] = c;
    }
    return out;
  };
}

const any = () => true;

const ROW_KEYS = new Set(['level1', 'level2', 'level3', 'indicatorValue', 'target', 'actual', 'weight', 'statedScore', 'reason', 'explanation', 'criteria', 'notApplicable', 'source']);

/** One row, by hand: a filing has dozens, and this is the hot loop of a batch. */
function row(v: unknown): Obj | null {
  if (!isObj(v)) return null;
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) if (!ROW_KEYS.has(keys[i]!)) return null;
  const { level1, level2, level3, indicatorValue, target, actual, weight, statedScore, reason, explanation, criteria, notApplicable, source } = v;
  if (!str(level1) || !str(level2) || !str(level3) || !str(target) || !str(actual) || !numOrNull(weight) || !numOrNull(statedScore)) return null;
  const out: Obj = { level1, level2, level3 };
  if (indicatorValue !== undefined) {
    if (!str(indicatorValue)) return null;
    out['indicatorValue'] = indicatorValue;
  }
  out['target'] = target;
  out['actual'] = actual;
  out['weight'] = weight;
  out['statedScore'] = statedScore;
  for (const [k, x] of [
    ['reason', reason],
    ['explanation', explanation],
    ['criteria', criteria],
  ] as const) {
    if (x === undefined) continue;
    if (!str(x)) return null;
    out[k] = x;
  }
  if (notApplicable !== undefined) {
    if (typeof notApplicable !== 'boolean') return null;
    out['notApplicable'] = notApplicable;
  }
  if (source !== undefined) {
    const s = sourcePos(source);
    if (!s) return null;
    out['source'] = s;
  }
  return out;
}

function sourcePos(v: unknown): Obj | null {
  if (!isObj(v)) return null;
  const keys = Object.keys(v);
  if (keys.length !== 2 || !int(v['line'], 1, Infinity) || !int(v['column'], 1, Infinity)) return null;
  return { line: v['line'], column: v['column'] };
}

const fund = strictShape([
  ['name', str, true],
  ['initialBudget', numOrNull, false],
  ['budget', numOrNull, false],
  ['spent', numOrNull, false],
]);

const budget = strictShape([
  ['initialBudget', numOrNull, true],
  ['budget', numOrNull, true],
  ['spent', numOrNull, true],
  ['weight', numOrNull, false],
  ['statedRate', strOrNull, false],
  ['statedScore', numOrNull, false],
  ['funds', any, false, arrayOf(fund)],
]);

const goals = strictShape([
  ['expected', str, true],
  ['actual', str, true],
]);

const group = strictShape([
  ['name', str, true],
  ['statedCap', numOrNull, true],
]);

const section = strictShape([
  ['name', str, true],
  ['statedCap', numOrNull, true],
  ['statedScore', numOrNull, false],
  ['groups', any, false, arrayOf(group)],
]);

const deduction = strictShape([
  ['reason', str, true],
  ['points', num, true],
]);

// the model's keys in its order (model.ts `Filing`); a filing with inputs or units is zod's to read
const filing = strictShape([
  ['title', str, false],
  ['project', str, false],
  ['unit', str, false],
  ['department', str, false],
  ['year', (v) => int(v, 1900, 2999), false],
  ['form', str, false],
  ['region', str, false],
  ['place', str, false],
  ['budget', any, false, budget],
  ['goals', any, false, goals],
  ['sections', any, false, arrayOf(section)],
  ['rows', any, true, arrayOf(row)],
  ['statedWeightTotal', numOrNull, false],
  ['statedTotal', numOrNull, false],
  ['reportTotal', numOrNull, false],
  ['deductions', any, false, arrayOf(deduction)],
]);

/**
 * The filing zod would make of `data` (what JSON.parse made), when it is a plain filing
 * without units or inputs that the model accepts as it is; else null (zod decides, and
 * words any problem).
 */
export function plainFiling(data: unknown): Filing | null {
  return filing(data) as Filing | null;
}
