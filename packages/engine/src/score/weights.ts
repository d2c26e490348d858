// What a filed weight may be. The evaluator takes weights in [0, MAX_WEIGHT] and sums them
// in millionths; anything else is an input it refuses ('invalid-input'). The engine says so
// first, naming the row and the value, and never lets such a weight into a sum.
import { MAX_WEIGHT } from '@jixiao/compiler';
import { fmt } from './exact.ts';

/** The largest weight a row may carry: the evaluator's. */
export const MAX_ROW_WEIGHT = MAX_WEIGHT;
/** The smallest weight above 0: weights are summed in millionths, a smaller one would count as 0. */
export const MIN_ROW_WEIGHT = 1e-6;

/** A filed weight the evaluator takes, and counts as written: 0, or in [MIN_ROW_WEIGHT, MAX_ROW_WEIGHT]. */
export function validWeight(w: number): boolean {
  return Number.isFinite(w) && (w === 0 || (w >= MIN_ROW_WEIGHT && w <= MAX_ROW_WEIGHT));
}

/** A filed number as a message shows it: never "NaN" or "Infinity", never 5e-324 as "0". */
export function numberText(x: number): { zh: string; en: string } {
  if (Number.isFinite(x)) {
    const s = x !== 0 && fmt(x) === '0' ? String(x) : fmt(x);
    return { zh: s, en: s };
  }
  if (Number.isNaN(x)) return { zh: '非数字', en: 'not a number' };
  return x > 0 ? { zh: '无穷大', en: 'infinite' } : { zh: '负无穷大', en: 'minus infinite' };
}

/** Why a weight is invalid, as the end of a sentence. */
export function weightRange(w: number): { zh: string; en: string } {
  if (Number.isFinite(w) && w > 0 && w < MIN_ROW_WEIGHT)
    return { zh: `小于评分能区分的 ${fmt(MIN_ROW_WEIGHT)}`, en: `below ${fmt(MIN_ROW_WEIGHT)}, the smallest weight scoring can tell from 0` };
  return { zh: `分值应在 0 到 ${fmt(MAX_ROW_WEIGHT)} 之间`, en: `a weight lies between 0 and ${fmt(MAX_ROW_WEIGHT)}` };
}
