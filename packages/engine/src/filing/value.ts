// Parse a value cell (年度指标值, 实际完成值, …) into a typed Value.
//
// Notations met in real filings: ≥1项, ≤100%, >90%, 98.00%, 1 (a rate of 100% in a
// rate-like row), 20万元, ≥50个, ≥100百分比 (the unit spelled out), full-width
// ≥≤＞＜％ and ASCII >= <=, 36篇, ≥266米; qualitative words (显著, 健全, 规范,
// 效果明显, 达成预期指标, 部分达成 …); deadlines (9月前, 年底前, 7月, 6月30日前);
// placeholders left in (≥**, **, xx, 空, —); negative numbers (−5%, -30%, －2).
// Percentages keep the number as written: "98.00%" → value 98, percent true; "5‰" → 0.5%.
// How a target and an actual are then read together (rates on one scale, units
// converted, deadlines as dates, words by polarity) is docs/dsl.md “数值的读法”.

import { POLAR_WORDS } from './words.ts';

export type CmpOp = '>=' | '>' | '<=' | '<' | '=';

export interface NumberValue {
  kind: 'number';
  op: CmpOp | null;
  value: number;
  /** unit as written after the number ('%' for 百分比 and ％ too); null when bare */
  unit: string | null;
  percent: boolean;
  text: string;
}
export interface QualitativeValue {
  kind: 'qualitative';
  /** the word without quotes and punctuation */
  word: string;
  /** true when the word is one of the known qualitative words (see QUALITATIVE_WORDS) */
  known: boolean;
  text: string;
}
export interface DeadlineValue {
  kind: 'deadline';
  /** null: the filing's year (or the template's) */
  year: number | null;
  month: number;
  /** null: the end of the month (9月底, 9月, 第三季度 → the month's last day) */
  day: number | null;
  /** written as "…前" / "…以前" / "…之前" / "≤…" */
  before: boolean;
  text: string;
}
export interface PlaceholderValue {
  kind: 'placeholder';
  text: string;
}
export interface EmptyValue {
  kind: 'empty';
}
export interface UnparsedValue {
  kind: 'unparsed';
  text: string;
}
export type Value = NumberValue | QualitativeValue | DeadlineValue | PlaceholderValue | EmptyValue | UnparsedValue;

/** Words filed as qualitative targets or actuals. Used to recognise values, not to score them. */
export const QUALITATIVE_WORDS: readonly string[] = [
  '显著',
  '明显',
  '效果明显',
  '效果显著',
  '成效显著',
  '较好',
  '良好',
  '好',
  '优',
  '良',
  '中',
  '差',
  '高',
  '较高',
  '健全',
  '完善',
  '规范',
  '有效',
  '合格',
  '达标',
  '及时',
  '按时',
  '准确',
  '安全',
  '稳定',
  '持续',
  '长期',
  '达成预期指标',
  '达成年度指标',
  '达成',
  '基本达成',
  '部分达成',
  '未达成',
  '完成',
  '已完成',
  '基本完成',
  '未完成',
  '满意',
  '基本满意',
  '不满意',
  '符合',
  '符合要求',
  '是',
  '否',
  '有',
  '无',
  '提高',
  '提升',
  '改善',
  '增加',
  '减少',
  '降低',
];

const KNOWN = new Set([...QUALITATIVE_WORDS, ...POLAR_WORDS]);

// the characters normaliseCellText rewrites: text without any is only trimmed
const TO_NORMALISE = /[\uFF10-\uFF19［．\u2212\uFF0D\uFE63＋\u00A0\u3000]/;

/** Full-width digits, operators and punctuation to their ASCII forms; trims. */
export function normaliseCellText(text: string): string {
  if (!TO_NORMALISE.test(text)) return text.trim();
  return (
    text
      .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/［/g, '[')
      .replace(/．/g, '.')
      // minus signs as typed by Office and IMEs: − (U+2212), － (full-width), ﹣ (small)
      .replace(/[\u2212\uFF0D\uFE63]/g, '-')
      .replace(/＋/g, '+')
      .replace(/[\u00A0\u3000]/g, ' ')
      .trim()
  );
}

const OPS: [RegExp, CmpOp][] = [
  [/^(?:>=|=>|≥|≧|＞＝|＞=|>＝|大于等于|大于或等于|不低于|不少于|不小于|至少)/, '>='],
  [/^(?:<=|=<|≤|≦|＜＝|＜=|<＝|小于等于|小于或等于|不高于|不多于|不大于|不超过|最多)/, '<='],
  [/^(?:>|＞|大于|高于|超过)/, '>'],
  [/^(?:<|＜|小于|低于)/, '<'],
  [/^(?:==|=|＝|等于)/, '='],
];

const SUFFIX_OPS: [RegExp, CmpOp][] = [
  [/(?:及以上|以上|或以上)$/, '>='],
  [/(?:及以下|以下|或以下|以内|之内|内)$/, '<='],
];

const PLACEHOLDER = /^(?:\*+|＊+|x+|X+|×+|[?？]+|空|待定|—+|－+|-+|\/|／|…+|\.{2,})$/;

const CN_MONTH: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
  正: 1,
  腊: 12,
};

function stripQuotes(s: string): string {
  return s.replace(/^[“”"'‘’「」『』《》]+|[“”"'‘’「」『』《》]+$/g, '').trim();
}

/** Days in a month; February has 29 when the year is not known yet (2月29日前 stays readable). */
export function daysInMonth(month: number, year: number | null): number {
  if (month === 2) return year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function deadline(year: number | null, month: number, day: number | null, before: boolean, text: string): DeadlineValue | null {
  if (!(month >= 1 && month <= 12)) return null;
  if (year !== null && !(year >= 1900 && year <= 2199)) return null;
  if (day !== null && !(day >= 1 && day <= daysInMonth(month, year))) return null;
  return { kind: 'deadline', year, month, day, before, text };
}

function parseDeadline(s: string, text: string): DeadlineValue | null {
  let rest = s;
  let before = false;
  const op = /^(?:<=|≤|＜＝|<|＜|不晚于|不迟于|截至|截止)/.exec(rest);
  if (op) {
    before = true;
    rest = rest.slice(op[0].length).trim();
  }
  const suffix = /(?:之前|以前|前|底前|末前|内|止)$/.exec(rest);
  if (suffix) {
    before = true;
    rest = rest.slice(0, rest.length - suffix[0].length).trim();
    if (suffix[0] === '底前' || suffix[0] === '末前') rest += '底';
  }
  // 2023-12-31, 2023/12/31, 2023.12.31, 2023-12, 2023/12 (a month alone: its last day)
  const iso = /^(\d{4})\s*([-/.])\s*(\d{1,2})(?:\s*\2\s*(\d{1,2}))?$/.exec(rest);
  if (iso && (iso[4] !== undefined || iso[2] !== '.')) return deadline(Number(iso[1]), Number(iso[3]), iso[4] ? Number(iso[4]) : null, before, text);
  let year: number | null = null;
  const y = /^(\d{4})\s*年(?:度)?/.exec(rest);
  if (y) {
    year = Number(y[1]);
    if (!(year >= 1900 && year <= 2199)) return null;
    rest = rest.slice(y[0].length).trim();
  }
  // 2023年, 年底, 年内, 全年: the end of the year
  if ((year !== null && rest === '') || /^(?:年底|年末|年终|全年|年内|年|本年度?|当年|底|末)$/.test(rest)) {
    if (year === null && /^(?:底|末)$/.test(rest)) return null;
    return deadline(year, 12, 31, before || rest !== '全年', text);
  }
  const q = /^(?:第)?([一二三四1-4])季度(?:末|底)?$/.exec(rest);
  if (q) {
    const n = { 一: 1, 二: 2, 三: 3, 四: 4 }[q[1] as '一'] ?? Number(q[1]);
    return deadline(year, n * 3, null, before, text);
  }
  if (/^(?:上半年|年中)$/.test(rest)) return deadline(year, 6, 30, before, text);
  if (/^下半年$/.test(rest)) return deadline(year, 12, 31, before, text);
  const m = /^(\d{1,2}|十[一二]?|[一二三四五六七八九正腊])\s*月(?:份)?(?:\s*(\d{1,2})\s*[日号])?(底|末|上旬|中旬|下旬)?$/.exec(rest);
  if (m) {
    const month = /^\d/.test(m[1]!) ? Number(m[1]) : (CN_MONTH[m[1]!] ?? NaN);
    // 上旬 ends on the 10th, 中旬 on the 20th; 下旬, 底, 末 and a bare month at its last day
    const day = m[2] ? Number(m[2]) : m[3] === '上旬' ? 10 : m[3] === '中旬' ? 20 : null;
    if (m[2] && m[3]) return null;
    return deadline(year, month, day, before, text);
  }
  return null;
}

/** A deadline as the date it names, yyyymmdd (2023年9月底 → 20230930); `year` when it names none. */
export function deadlineDate(v: DeadlineValue, year: number): number {
  const y = v.year ?? year;
  const d = v.day ?? daysInMonth(v.month, y);
  return y * 10000 + v.month * 100 + Math.min(d, daysInMonth(v.month, y));
}

/** yyyymmdd → "2023-09-30". */
export function showDate(n: number): string {
  const y = Math.floor(n / 10000);
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const EMPTY: Value = Object.freeze({ kind: 'empty' });

// Values read before, by their text: a batch reads the same cells (达成, ≥95%, 100%) in
// filing after filing. Frozen, as they are shared; cleared when full, so memory stays flat.
const read = new Map<string, Value>();
const READ_MAX = 8192;

/**
 * Parse a value cell. Never throws; text it cannot read is `{kind: 'unparsed'}`.
 * `text` on every result is the cell exactly as given (before trimming). The result is
 * frozen: the same text gives the same (shared) value.
 */
export function parseValue(raw: string | null | undefined): Value {
  if (raw === null || raw === undefined) return EMPTY;
  let v = read.get(raw);
  if (v === undefined) {
    v = Object.freeze(readValue(raw));
    if (read.size >= READ_MAX) read.clear();
    read.set(raw, v);
  }
  return v;
}

function readValue(raw: string): Value {
  const text = raw;
  const s0 = stripQuotes(normaliseCellText(raw));
  if (s0 === '') return { kind: 'empty' };
  let s = s0;

  // operator prefix (ASCII, Unicode, full-width or words)
  let op: CmpOp | null = null;
  for (const [re, o] of OPS) {
    const m = re.exec(s);
    if (m) {
      op = o;
      s = s.slice(m[0].length).trim();
      break;
    }
  }
  if (s === '') return { kind: 'placeholder', text };
  if (PLACEHOLDER.test(s)) return { kind: 'placeholder', text };

  const deadline = parseDeadline(s0, text);
  if (deadline) return deadline;

  // operator suffix: 95%以上
  for (const [re, o] of SUFFIX_OPS) {
    const m = re.exec(s);
    if (m && op === null && /\d/.test(s)) {
      op = o;
      s = s.slice(0, s.length - m[0].length).trim();
      break;
    }
  }

  const num = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)\s*(.*)$/.exec(s);
  if (num) {
    const value = Number(num[1]!.replace(/,/g, ''));
    let unit: string | null = num[2]!.trim() || null;
    if (unit !== null) {
      // "(项)" / "（个）" around the unit
      unit = unit.replace(/^[（(]\s*|\s*[)）]$/g, '');
    }
    let percent = false;
    let scaled = value;
    if (unit !== null && /^(?:%|％|百分比|百分点|个百分点|百分之)$/.test(unit)) {
      percent = true;
      unit = '%';
    } else if (unit !== null && /^(?:‰|千分比|千分之)$/.test(unit)) {
      // per mille: 5‰ is 0.5%
      percent = true;
      unit = '%';
      scaled = round(value / 10);
    }
    if (unit !== null && (/\d/.test(unit) || unit.length > 6)) return { kind: 'unparsed', text };
    if (Number.isFinite(scaled)) return { kind: 'number', op, value: scaled, unit, percent, text };
  }
  const pct = /^百分之\s*(\d+(?:\.\d+)?)$/.exec(s);
  if (pct) return { kind: 'number', op, value: Number(pct[1]), unit: '%', percent: true, text };

  if (/\d/.test(s)) return { kind: 'unparsed', text };
  const word = s.replace(/[。．.，,；;！!]+$/, '').trim();
  if (op !== null && !KNOWN.has(word)) return { kind: 'unparsed', text };
  return { kind: 'qualitative', word, known: KNOWN.has(word), text };
}

/** True when an indicator name reads as a rate (率, 满意度, 比例, 占比, 覆盖面 …). */
export function isRateLikeName(name: string): boolean {
  return /率|满意度|比例|占比|比重|百分比|覆盖面/.test(name);
}

/**
 * One value of a rate as a percentage number, or null when the value is not a rate.
 * "98.00%" → 98; "≥100百分比" → 100; a bare number in a rate-like row is a
 * fraction when ≤ 1 ("1" → 100, "0.95" → 95) and a percentage otherwise ("95" → 95).
 * Scoring reads a target and an actual together with readRates; this reads one value
 * without the other (aggregation of one row's actuals).
 */
export function normaliseRate(v: Value, opts: { rateLike: boolean }): number | null {
  if (v.kind !== 'number') return null;
  if (v.percent) return v.value;
  if (v.unit !== null || !opts.rateLike) return null;
  return Math.abs(v.value) <= 1 ? round(v.value * 100) : v.value;
}

/** One side of a rate: a number with % (percent) or a bare number. */
export interface RateSide {
  value: number;
  percent: boolean;
}

/**
 * A target and an actual of a rate read on one scale, as percentage numbers.
 *
 * 1. A side written with % is read as written (98.00% → 98).
 * 2. A bare number whose size is above 2 is a percentage as written (95 → 95%): a
 *    fraction above 200% is not what people write.
 * 3. When neither side is so anchored (both bare, both ≤ 2), both are fractions:
 *    target 1 and actual 1.05 → 100% and 105%.
 * 4. Otherwise a bare side of size ≤ 2 is read as a fraction (×100) or as a percentage,
 *    whichever lies nearer the anchored side (the ratio nearer 1), a fraction on a tie or
 *    against 0: ≥95% against 0.98 → 98%; ≥100% against 1.05 → 105%; ≤5% against 3 → 3%
 *    (rule 2); ≤2% against 1 → 1% (100% would be 50 times the target, 1% half of it).
 * Negative numbers are read by their size (−0.05 beside −3% is −5%).
 */
export function readRates(target: RateSide, actual: RateSide | null): { target: number; actual: number | null } {
  const sides = actual ? [target, actual] : [target];
  const anchor = sides.find((x) => x.percent) ?? sides.find((x) => Math.abs(x.value) > 2) ?? null;
  const read = (x: RateSide): number => {
    if (x.percent || Math.abs(x.value) > 2) return x.value;
    if (anchor === null || anchor.value === 0 || x.value === 0) return round(x.value * 100);
    const far = (r: number) => Math.abs(Math.log(Math.abs(r / anchor.value)));
    // ties (1 beside 10%: 10× either way) go to the fraction; 1e-9 absorbs float noise in the logs
    return far(x.value * 100) <= far(x.value) + 1e-9 ? round(x.value * 100) : x.value;
  };
  return { target: read(target), actual: actual ? read(actual) : null };
}

function round(x: number): number {
  return Math.round(x * 1e10) / 1e10;
}

/** Value is a plain number without operator or unit, e.g. a weight cell. */
export function parsePlainNumber(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  const s = normaliseCellText(raw).replace(/分$/, '').trim();
  if (!/^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$/.test(s)) return null;
  return Number(s.replace(/,/g, ''));
}
