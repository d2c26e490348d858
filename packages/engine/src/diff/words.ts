// A formula change in words: the cases of a 如果 … 则 … 否则 … chain, each with what it
// gives, compared old against new. "新增情形：实际 ≥ 目标 时，得满分" says what a policy
// officer needs to know; the two formulas side by side do not.
import { printIr, type IrExpr } from '@jixiao/compiler';
import { quote } from '@jixiao/language';

export interface Words {
  zh: string;
  en: string;
}

/** A formula as a person reads it: × ÷ ≥ ≤, 且 / 或, the weight by its name. */
export function exprText(e: IrExpr, weight = '权重'): string {
  return printIr(e, { symbols: true, weight });
}

const isW = (e: IrExpr) => e.op === 'var' && e.v === 'W';
const isNum = (e: IrExpr, n: number) => e.op === 'num' && e.value === n;

/** `min(R, 1)`, `max(0, min(R, 1))`, `min(max(R, 0), 1)` … → R and whether it is held at 0 from below. */
function clampedRatio(e: IrExpr): { r: IrExpr; floor: boolean } | null {
  const pair = (x: IrExpr, op: 'min' | 'max', bound: number): IrExpr | null => {
    if (x.op !== op || x.args.length !== 2) return null;
    const [a, b] = x.args as [IrExpr, IrExpr];
    return isNum(b, bound) ? a : isNum(a, bound) ? b : null;
  };
  const inMin = pair(e, 'min', 1);
  if (inMin) {
    const inner = pair(inMin, 'max', 0);
    return inner ? { r: inner, floor: true } : { r: inMin, floor: false };
  }
  const inMax = pair(e, 'max', 0);
  if (inMax) {
    const inner = pair(inMax, 'min', 1);
    if (inner) return { r: inner, floor: true };
  }
  return null;
}

/** What a case gives, in words: 满分, 0 分, 按 实际 ÷ 目标 的比例给分（最多满分）… */
export function valueWords(e: IrExpr, weight = '权重'): Words {
  if (isW(e)) return { zh: '得满分', en: 'the full weight' };
  if (e.op === 'num' && e.value === 0) return { zh: '得 0 分', en: '0 points' };
  if (e.op === 'num') return { zh: `得 ${exprText(e, weight)}`, en: `${e.text} points` };
  if (e.op === '*' && (isW(e.l) || isW(e.r))) {
    const other = isW(e.l) ? e.r : e.l;
    const c = clampedRatio(other);
    if (c) {
      const r = exprText(c.r, weight);
      return c.floor
        ? { zh: `按 ${r} 的比例给分（0 到满分之间）`, en: `in proportion to ${quote(r, Infinity)} (between 0 and the full weight)` }
        : { zh: `按 ${r} 的比例给分（最多满分）`, en: `in proportion to ${quote(r, Infinity)} (at most the full weight)` };
    }
    return { zh: `得 ${weight} × ${exprText(other, weight)}`, en: quote(`${weight} × ${exprText(other, weight)}`, Infinity) };
  }
  return { zh: `得分 = ${exprText(e, weight)}`, en: `score = ${quote(exprText(e, weight), Infinity)}` };
}

interface Case {
  /** the conditions that must hold, outermost first; [] for the case no condition picks */
  when: IrExpr[];
  /** the 否则 of a 如果 nested under `when` (the top chain's 否则 is the case with no condition) */
  otherwise: boolean;
  value: IrExpr;
}

/**
 * The cases of a formula: each branch of its 如果 chains with the conditions that lead
 * there. An 否则 如果 chain is read flat (each case by its own condition), so adding a
 * case to a chain changes that case alone.
 */
function casesOf(e: IrExpr, when: IrExpr[] = [], otherwise = false): Case[] {
  if (e.op !== 'if') return [{ when, otherwise, value: e }];
  return [...casesOf(e.t, [...when, e.c], false), ...casesOf(e.e, when, when.length > 0)];
}

function whenWords(c: Case, weight: string): Words {
  if (c.when.length === 0) return { zh: '其余情形', en: 'otherwise' };
  const t = c.when.map((x) => exprText(x, weight)).join(' 且 ');
  const en = t.replace(/ 且 /g, ' and ');
  // in English the formula's own words (实际, 目标) are quoted: they are the template's
  return c.otherwise ? { zh: `${t} 的其余情形`, en: `otherwise when ${quote(en, Infinity)}` } : { zh: `${t} 时`, en: `when ${quote(en, Infinity)}` };
}

/**
 * The changes from formula `a` to formula `b`, one line per case added, removed or giving
 * something else; [] when the two have the same cases (a rewrite that reads the same).
 */
export function formulaChangeWords(a: IrExpr, b: IrExpr, weight = '权重'): Words[] {
  const key = (c: Case) => c.when.map((x) => exprText(x, weight)).join(' 且 ') + (c.otherwise ? ' |其余' : '');
  const ca = casesOf(a);
  const cb = casesOf(b);
  const out: Words[] = [];
  for (const c of cb) {
    const w = whenWords(c, weight);
    const v = valueWords(c.value, weight);
    const old = ca.find((x) => key(x) === key(c));
    if (!old) out.push({ zh: `新增情形：${w.zh}，${v.zh}`, en: `new case: ${w.en}, ${v.en}` });
    else if (exprText(old.value, weight) !== exprText(c.value, weight)) {
      const o = valueWords(old.value, weight);
      out.push({ zh: `改变：${w.zh}，由 ${o.zh} 改为 ${v.zh}`, en: `changed: ${w.en}, ${o.en} becomes ${v.en}` });
    }
  }
  for (const c of ca)
    if (!cb.some((x) => key(x) === key(c))) {
      const w = whenWords(c, weight);
      const v = valueWords(c.value, weight);
      out.push({ zh: `删除情形：${w.zh}，${v.zh}`, en: `case removed: ${w.en}, ${v.en}` });
    }
  return out;
}
