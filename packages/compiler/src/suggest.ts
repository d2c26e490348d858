// Fixes the checker can offer as data (Diagnostic.fixes): a weight that makes a sum add up,
// the defined name closest to a misspelt one. Only fixes that are certain to remove the
// error they are attached to; the playground shows them as quick fixes.
import { quote, type DiagnosticFix, type Message, type Quantity, type Range, type RelatedPlace } from '@jixiao/language';
import { type Dec, decAdd, decOf, decSub, decToString } from './decimal.ts';

/** `20 分` rewritten to hold `value`, keeping its unit. */
export function quantityText(q: Quantity, value: Dec): string {
  return q.unit ? `${decToString(value)} ${q.unit}` : decToString(value);
}

function setWeight(q: Quantity, value: Dec, title: Message): DiagnosticFix {
  return { title, edits: [{ range: q.range, text: quantityText(q, value) }] };
}

/**
 * A sum of weights that misses its target (一级指标分值之和 ≠ 总分, 下级指标之和 ≠ 上级分值):
 * either the target takes the sum, or one term takes up the difference (where it stays ≥ 0).
 * The terms are also the diagnostic's related places: the edit that broke the sum was
 * most likely made at one of them.
 */
export function sumFixes(
  target: { quantity: Quantity; what: Message },
  terms: readonly { name: string; quantity: Quantity }[],
  sum: Dec,
): { fixes: DiagnosticFix[]; related: RelatedPlace[] } {
  const want = decOf(target.quantity);
  const diff = decSub(want, sum);
  const fixes: DiagnosticFix[] = [setWeight(target.quantity, sum, { zh: `把${target.what.zh}改为 ${decToString(sum)}`, en: `change ${target.what.en} to ${decToString(sum)}` })];
  for (const t of terms) {
    const v = decAdd(decOf(t.quantity), diff);
    if (v.units < 0n) continue;
    fixes.push(
      setWeight(t.quantity, v, {
        zh: `把${quote(t.name)}的分值改为 ${decToString(v)}（合计 ${decToString(want)}）`,
        en: `change the weight of ${quote(t.name)} to ${decToString(v)} (sum ${decToString(want)})`,
      }),
    );
  }
  const related = terms.map((t) => ({
    range: t.quantity.range,
    message: {
      zh: `${quote(t.name)}的分值 ${decToString(decOf(t.quantity))} 计入合计 ${decToString(sum)}，应合计 ${decToString(want)}`,
      en: `the weight ${decToString(decOf(t.quantity))} of ${quote(t.name)} counts towards the sum ${decToString(sum)}, which should be ${decToString(want)}`,
    },
  }));
  return { fixes, related };
}

/** Levenshtein distance over code points. */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

/**
 * The known names a misspelt one most likely means, closest first: one that contains it
 * or is contained in it (实际值 → 实际), else within an edit or two (正向指标 → 正向).
 */
export function closestNames(name: string, known: readonly string[], max = 3): string[] {
  const scored = [...new Set(known)]
    .filter((k) => k !== name)
    .map((k) => ({ k, d: k.includes(name) || name.includes(k) ? 0.5 : distance(name, k) }))
    .filter((x) => x.d <= Math.max(1, Math.floor([...name].length / 2)));
  return scored
    .sort((a, b) => a.d - b.d)
    .slice(0, max)
    .map((x) => x.k);
}

/** Replace a misspelt name by each of the closest known ones. */
export function renameFixes(range: Range, name: string, known: readonly string[], print: (n: string) => string = (n) => n): DiagnosticFix[] {
  return closestNames(name, known).map((k) => ({ title: { zh: `改为${quote(k)}`, en: `change to ${quote(k)}` }, edits: [{ range, text: print(k) }] }));
}
