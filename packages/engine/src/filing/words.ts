// Qualitative words that say “achieved” or “not achieved”, as data in one place.
//
// A qualitative row whose actual is not one of the template's tier names or aliases is
// read against its target by polarity: the positive word of a pair (or the target's own
// word) is the top tier, the negative word the lowest tier. Polarity is relative to the
// target: against the target 无 (“重大事故：无”), the actual 有 is the opposite word and
// so the lowest tier, while 无 is the target's own word and so the top tier.

/** [positive, negative…]: the achieved word first, then the words that deny it. */
export const POLAR_PAIRS: readonly (readonly [string, ...string[]])[] = [
  ['是', '否', '不是'],
  ['有', '无', '没有'],
  ['达到', '未达到', '没有达到', '未达'],
  ['达成', '未达成', '没有达成'],
  ['完成', '未完成', '没有完成', '没完成'],
  ['已完成', '未完成', '尚未完成'],
  ['全部完成', '未完成'],
  ['实现', '未实现'],
  ['符合', '不符合'],
  ['符合要求', '不符合要求'],
  ['合格', '不合格'],
  ['达标', '未达标', '不达标'],
  ['满意', '不满意'],
  ['健全', '不健全'],
  ['完善', '不完善'],
  ['规范', '不规范'],
  ['及时', '不及时'],
  ['按时', '未按时', '不按时'],
  ['按时完成', '未按时完成'],
  ['显著', '不显著'],
  ['明显', '不明显'],
  ['有效', '无效'],
  ['通过', '未通过'],
  ['落实', '未落实'],
  ['到位', '未到位', '不到位'],
  ['建立', '未建立'],
  ['已建立', '未建立'],
  ['开展', '未开展'],
  ['已开展', '未开展'],
  ['执行', '未执行'],
  ['准确', '不准确'],
  ['安全', '不安全'],
  ['稳定', '不稳定'],
];

/** Prefixes that negate the word after them (未按时完成, 不符合规定, 没有落实). */
export const NEGATION_PREFIXES: readonly string[] = ['尚未', '没有', '没', '未', '不', '无'];

const POSITIVE = new Map<string, number>();
const NEGATIVE = new Map<string, number[]>();
POLAR_PAIRS.forEach(([pos, ...negs], i) => {
  POSITIVE.set(pos, i);
  for (const n of negs) NEGATIVE.set(n, [...(NEGATIVE.get(n) ?? []), i]);
});

/** Every word of the pairs, for recognising qualitative cells. */
export const POLAR_WORDS: readonly string[] = [...new Set(POLAR_PAIRS.flat())];

/** +1 achieved, -1 not achieved, 0 neither (显著 is +1, 不显著 -1, 较好 0). */
export function polarity(word: string): 1 | -1 | 0 {
  if (POSITIVE.has(word)) return 1;
  if (NEGATIVE.has(word)) return -1;
  for (const p of NEGATION_PREFIXES) if (word.length > p.length && word.startsWith(p) && polarity(word.slice(p.length)) === 1) return -1;
  return 0;
}

/** `actual` is a negation of `word`: 未按时完成 of 按时完成, 否 of 是, 未完成 of 已完成. */
function denies(actual: string, word: string): boolean {
  const pairs = NEGATIVE.get(actual);
  const i = POSITIVE.get(word);
  if (pairs && i !== undefined && pairs.includes(i)) return true;
  const bare = word.replace(/^已/, '');
  return NEGATION_PREFIXES.some((p) => actual === p + word || actual === p + bare);
}

/**
 * The actual word against the target word: 'met' (the target's own word, or a word of the
 * same polarity), 'missed' (its negation, or a word of the opposite polarity), or null
 * when the words say nothing about each other. A target without a known polarity counts
 * as positive: targets state what is to be achieved.
 */
export function readAgainst(actual: string, target: string | null): 'met' | 'missed' | null {
  if (target !== null && actual === target) return 'met';
  if (target !== null && denies(actual, target)) return 'missed';
  if (target !== null && denies(target, actual)) return 'missed';
  const a = polarity(actual);
  if (a === 0) return null;
  const t = target === null ? 1 : polarity(target) || 1;
  return a === t ? 'met' : 'missed';
}
