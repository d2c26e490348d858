// Parse a value cell (年度指标值, 实际完成值, …) into a typed Value.
//
// Notations met in real filings: ≥1项, ≤100%, >90%, 98.00%, 1 (a rate of 100% in a
// rate-like row), 20万元, ≥50个, ≥100百分比 (the unit spelled out), full-width
// ≥≤＞＜％ and ASCII >= <=, 36篇, ≥266米; qualitative words (显著, 健全, 规范,
// 效果明显, 达成预期指标, 部分达成 …); deadlines (9月前, 年底前, 7月, 6月30日前);
// placeholders left in (≥**, **, xx, 空, —).
// Percentages keep the number as written: "98.00%" → value 98, percent true.

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
  year: number | null;
  month: number;
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
export type Value =
  | NumberValue
  | QualitativeValue
  | DeadlineValue
  | PlaceholderValue
  | EmptyValue
  | UnparsedValue;

/** Words filed as qualitative targets or actuals. Used to recognise values, not to score them. */
export const QUALITATIVE_WORDS: readonly string[] = [
  '显著', '明显', '效果明显', '效果显著', '成效显著', '较好', '良好', '好', '优', '良', '中', '差', '高', '较高',
  '健全', '完善', '规范', '有效', '合格', '达标', '及时', '按时', '准确', '安全', '稳定', '持续', '长期',
  '达成预期指标', '达成年度指标', '达成', '基本达成', '部分达成', '未达成', '完成', '已完成', '基本完成', '未完成',
  '满意', '基本满意', '不满意', '符合', '符合要求', '是', '否', '有', '无', '提高', '提升', '改善', '增加', '减少', '降低',
];

const KNOWN = new Set(QUALITATIVE_WORDS);

/** Full-width digits, operators and punctuation to their ASCII forms; trims. */
export function normaliseCellText(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/［/g, '[')
    .replace(/．/g, '.')
    .replace(/[\u00A0\u3000]/g, ' ')
    .trim();
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
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12, 正: 1, 腊: 12,
};

function stripQuotes(s: string): string {
  return s.replace(/^[“”"'‘’「」『』《》]+|[“”"'‘’「」『』《》]+$/g, '').trim();
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
  let year: number | null = null;
  const y = /^(\d{4})\s*年(?:度)?/.exec(rest);
  if (y) {
    year = Number(y[1]);
    rest = rest.slice(y[0].length).trim();
  }
  if (/^(?:年底|年末|年终|全年|年内|年|本年度?|当年)$/.test(rest)) {
    return { kind: 'deadline', year, month: 12, day: 31, before: before || rest !== '全年', text };
  }
  const q = /^(?:第)?([一二三四1-4])季度(?:末|底)?$/.exec(rest);
  if (q) {
    const n = { 一: 1, 二: 2, 三: 3, 四: 4 }[q[1] as '一'] ?? Number(q[1]);
    return { kind: 'deadline', year, month: n * 3, day: null, before, text };
  }
  if (/^(?:上半年|年中)$/.test(rest)) return { kind: 'deadline', year, month: 6, day: 30, before, text };
  if (/^下半年$/.test(rest)) return { kind: 'deadline', year, month: 12, day: 31, before, text };
  const m = /^(\d{1,2}|十[一二]?|[一二三四五六七八九正腊])\s*月(?:份)?(?:\s*(\d{1,2})\s*[日号])?(?:底|末|中旬|上旬|下旬)?$/.exec(rest);
  if (m) {
    const month = /^\d/.test(m[1]!) ? Number(m[1]) : (CN_MONTH[m[1]!] ?? NaN);
    if (!(month >= 1 && month <= 12)) return null;
    const day = m[2] ? Number(m[2]) : null;
    if (day !== null && !(day >= 1 && day <= 31)) return null;
    return { kind: 'deadline', year, month, day, before, text };
  }
  return null;
}

/**
 * Parse a value cell. Never throws; text it cannot read is `{kind: 'unparsed'}`.
 * `text` on every result is the cell exactly as given (before trimming).
 */
export function parseValue(raw: string | null | undefined): Value {
  if (raw === null || raw === undefined) return { kind: 'empty' };
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
    if (unit !== null && /^(?:%|％|百分比|百分点|个百分点|百分之)$/.test(unit)) {
      percent = true;
      unit = '%';
    }
    if (unit !== null && (/\d/.test(unit) || unit.length > 6)) return { kind: 'unparsed', text };
    if (Number.isFinite(value)) return { kind: 'number', op, value, unit, percent, text };
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
 * A rate as a percentage number, or null when the value is not a rate.
 * "98.00%" → 98; "≥100百分比" → 100; a bare number in a rate-like row is a
 * fraction when ≤ 1 ("1" → 100, "0.95" → 95) and a percentage otherwise ("95" → 95).
 */
export function normaliseRate(v: Value, opts: { rateLike: boolean }): number | null {
  if (v.kind !== 'number') return null;
  if (v.percent) return v.value;
  if (v.unit !== null || !opts.rateLike) return null;
  return v.value <= 1 ? round(v.value * 100) : v.value;
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
