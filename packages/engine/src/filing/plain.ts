// The fast path of reading a JSON filing: a filing as programs write it (the shape of the
// model, no subordinate units, no extra inputs) is checked and copied here by hand, in a
// few microseconds instead of zod's hundred. The result is what zod would give, to the key
// order: fresh objects, the model's keys in the model's order, absent optional keys left
// out. Anything else — a wrong type, an unknown key, a non-finite number, units, inputs —
// is not judged here: null sends it to zod, which words the problem
// (packages/engine/test/import/plain.test.ts holds the two to the same answer).
//
// For what JSON.parse made only: plain objects and arrays, own enumerable keys, no
// undefined, and nobody else holding them. Other values go to zod. An object whose keys
// already stand in the model's order is what zod would make of it, and is kept as it is
// rather than copied (a filing has dozens of rows).

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

/** Whether the keys are known (by their place in the model) and, second, in the model's order. */
function keysIn(keys: readonly string[], order: ReadonlyMap<string, number>): { known: boolean; ordered: boolean } {
  let last = -1;
  let ordered = true;
  for (let i = 0; i < keys.length; i++) {
    const at = order.get(keys[i]!);
    if (at === undefined) return { known: false, ordered: false };
    if (at < last) ordered = false;
    last = at;
  }
  return { known: true, ordered };
}

const orderOf = (names: readonly string[]) => new Map(names.map((n, i) => [n, i]));

/**
 * A strict object of these fields in their order: the object itself when its keys stand in
 * that order and no field is copied, else a copy; null on another key, a missing required
 * one, or a failed check.
 */
function strictShape(fields: readonly Field[]): (v: unknown) => Obj | null {
  const order = orderOf(fields.map((f) => f[0]));
  const n = fields.length;
  return (v) => {
    if (!isObj(v)) return null;
    const { known, ordered } = keysIn(Object.keys(v), order);
    if (!known) return null;
    let same = ordered;
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
        if (c !== x) same = false;
        out[name] = c;
      } else out[name] = x;
    }
    return same ? v : out;
  };
}

/** An array of these items: the array itself when every item is kept as it is, else a copy. */
function arrayOf(item: (v: unknown) => unknown): (v: unknown) => unknown[] | null {
  return (v) => {
    if (!Array.isArray(v)) return null;
    let out: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const c = item(v[i]);
      if (c === null) return null;
      if (c !== v[i] && out === null) out = v.slice(0, i);
      if (out !== null) out.push(c);
    }
    return out ?? v;
  };
}

const any = () => true;

const ROW_ORDER = orderOf([
  'level1',
  'level2',
  'level3',
  'indicatorValue',
  'target',
  'actual',
  'weight',
  'statedScore',
  'reason',
  'explanation',
  'criteria',
  'notApplicable',
  'source',
]);

// The keys of the row read before, and what keysIn said of them: the rows of a batch mostly
// have the same keys in the same order (JSON.parse gives keys as internalized strings, so
// comparing them is comparing pointers).
let lastKeys: readonly string[] = [];
let lastOrder = { known: true, ordered: true };

/** One row, by hand: a filing has dozens, and this is the hot loop of a batch. */
function row(v: unknown): Obj | null {
  if (!isObj(v)) return null;
  const keys = Object.keys(v);
  let same = keys.length === lastKeys.length;
  for (let i = 0; same && i < keys.length; i++) same = keys[i] === lastKeys[i];
  if (!same) {
    lastOrder = keysIn(keys, ROW_ORDER);
    lastKeys = keys;
  }
  const { known, ordered } = lastOrder;
  if (!known) return null;
  const { level1, level2, level3, indicatorValue, target, actual, weight, statedScore, reason, explanation, criteria, notApplicable, source } = v;
  if (!str(level1) || !str(level2) || !str(level3) || !str(target) || !str(actual) || !numOrNull(weight) || !numOrNull(statedScore)) return null;
  const optionalText = (x: unknown) => x === undefined || str(x);
  if (!optionalText(indicatorValue) || !optionalText(reason) || !optionalText(explanation) || !optionalText(criteria)) return null;
  if (notApplicable !== undefined && typeof notApplicable !== 'boolean') return null;
  const src = source === undefined ? undefined : sourcePos(source);
  if (src === null) return null;
  if (ordered && src === source) return v;
  // the model's order, absent keys left out
  const out: Obj = { level1, level2, level3 };
  if (indicatorValue !== undefined) out['indicatorValue'] = indicatorValue;
  out['target'] = target;
  out['actual'] = actual;
  out['weight'] = weight;
  out['statedScore'] = statedScore;
  if (reason !== undefined) out['reason'] = reason;
  if (explanation !== undefined) out['explanation'] = explanation;
  if (criteria !== undefined) out['criteria'] = criteria;
  if (notApplicable !== undefined) out['notApplicable'] = notApplicable;
  if (src !== undefined) out['source'] = src;
  return out;
}

function sourcePos(v: unknown): Obj | null {
  if (!isObj(v)) return null;
  const keys = Object.keys(v);
  if (keys.length !== 2 || !int(v['line'], 1, Infinity) || !int(v['column'], 1, Infinity)) return null;
  return keys[0] === 'line' ? v : { line: v['line'], column: v['column'] };
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
