// What a filed weight may be. The evaluator takes weights in [0, MAX_WEIGHT] and sums them
// in millionths; anything else is an input it refuses ('invalid-input'). The engine says so
// first, naming the row and the value, and never lets such a weight into a sum.
import { MAX_WEIGHT } from '@jixiao/compiler';
import { formatNumber } from '@jixiao/compiler';
import type { Message } from '@jixiao/language';

/** The largest weight a row may carry: the evaluator's. */
export const MAX_ROW_WEIGHT = MAX_WEIGHT;
/** The smallest weight above 0: weights are summed in millionths, a smaller one would count as 0. */
export const MIN_ROW_WEIGHT = 1e-6;

/** A filed weight the evaluator takes, and counts as written: 0, or in [MIN_ROW_WEIGHT, MAX_ROW_WEIGHT]. */
export function validWeight(w: number): boolean {
  return Number.isFinite(w) && (w === 0 || (w >= MIN_ROW_WEIGHT && w <= MAX_ROW_WEIGHT));
}

/** Why a weight is invalid, as the end of a sentence. */
export function weightRange(w: number): Message {
  if (Number.isFinite(w) && w > 0 && w < MIN_ROW_WEIGHT)
    return { zh: `小于评分能区分的 ${formatNumber(MIN_ROW_WEIGHT)}`, en: `below ${formatNumber(MIN_ROW_WEIGHT)}, the smallest weight scoring can tell from 0` };
  return { zh: `分值应在 0 到 ${formatNumber(MAX_ROW_WEIGHT)} 之间`, en: `a weight lies between 0 and ${formatNumber(MAX_ROW_WEIGHT)}` };
}
