// Units of measure written after numbers in filings (20万元, ≥266米, 15亩, 3万人次), and
// which of them can be compared with which.
//
// A target and an actual in units of one dimension are converted exactly before they are
// compared (≥200000元 against 15万元 reads 150000元). Units of different dimensions are
// never compared as bare numbers: the row is reported (JX3025) and not scored.
//
// What counts as one dimension (the decision, also in docs/dsl.md “数值的读法”):
//   - money:   元, 千元, 万元, 百万元, 亿元 (any multiplier prefix below on 元)
//   - length:  米, 千米 = 公里, 厘米, 毫米
//   - mass:    克, 千克 = 公斤, 吨, 斤 (500 克), 毫克
//   - area:    平方米 = 平米 = ㎡, 平方千米 = 平方公里, 公顷 (10000 ㎡), 亩 (10000/15 ㎡, exact as a fraction)
//   - volume:  立方米 = 方 = m³, 升, 毫升
//   - days:    天 = 日, 周 = 星期 (7 天), 小时 (1/24 天); exact among themselves only
//   - months:  月 = 个月, 季度 (3 个月), 半年 (6), 年 (12); days and months are NOT one
//              dimension (a month is 28–31 days), so 30天 against 1个月 is a finding
//   - counts:  every other word is a counting word of its own (人, 人次, 次, 个, 项, 件, 户 …);
//              a count converts only to its own multiples (人 ↔ 万人, 次 ↔ 万次). 人 and 人次
//              count different things, and so do 个 and 项: a target in 项 met by an actual in
//              个 is a finding, not a silent comparison — the unit may have counted another thing.
//   - compound units a/b (元/人, 万元/公里) are one dimension when both parts are.
// Multiplier prefixes: 十, 百, 千, 万, 十万, 百万, 千万, 亿 on any unit above (万亩, 万人次,
// 千瓦时). A number with only a multiplier (15万) takes the other side's base unit.
// Percentages (%, 百分比, 百分点, ‰) are rates, read by readRates in value.ts, not here.

/** An exact factor num/den to the dimension's base unit. */
interface Unit {
  dim: string;
  num: number;
  den: number;
}

const BASE: Record<string, Unit> = {
  元: { dim: 'money', num: 1, den: 1 },
  米: { dim: 'length', num: 1, den: 1 },
  公里: { dim: 'length', num: 1000, den: 1 },
  厘米: { dim: 'length', num: 1, den: 100 },
  毫米: { dim: 'length', num: 1, den: 1000 },
  克: { dim: 'mass', num: 1, den: 1 },
  公斤: { dim: 'mass', num: 1000, den: 1 },
  吨: { dim: 'mass', num: 1_000_000, den: 1 },
  斤: { dim: 'mass', num: 500, den: 1 },
  毫克: { dim: 'mass', num: 1, den: 1000 },
  平方米: { dim: 'area', num: 1, den: 1 },
  平米: { dim: 'area', num: 1, den: 1 },
  '㎡': { dim: 'area', num: 1, den: 1 },
  m2: { dim: 'area', num: 1, den: 1 },
  'm²': { dim: 'area', num: 1, den: 1 },
  平方千米: { dim: 'area', num: 1_000_000, den: 1 },
  平方公里: { dim: 'area', num: 1_000_000, den: 1 },
  公顷: { dim: 'area', num: 10_000, den: 1 },
  亩: { dim: 'area', num: 2000, den: 3 },
  立方米: { dim: 'volume', num: 1, den: 1 },
  方: { dim: 'volume', num: 1, den: 1 },
  'm³': { dim: 'volume', num: 1, den: 1 },
  m3: { dim: 'volume', num: 1, den: 1 },
  升: { dim: 'volume', num: 1, den: 1000 },
  毫升: { dim: 'volume', num: 1, den: 1_000_000 },
  天: { dim: 'days', num: 1, den: 1 },
  日: { dim: 'days', num: 1, den: 1 },
  周: { dim: 'days', num: 7, den: 1 },
  星期: { dim: 'days', num: 7, den: 1 },
  小时: { dim: 'days', num: 1, den: 24 },
  月: { dim: 'months', num: 1, den: 1 },
  个月: { dim: 'months', num: 1, den: 1 },
  季度: { dim: 'months', num: 3, den: 1 },
  半年: { dim: 'months', num: 6, den: 1 },
  年: { dim: 'months', num: 12, den: 1 },
};

/** Multiplier prefixes, longest first so that 十万 is not read as 十 + 万…. */
const MULTIPLIERS: [string, number][] = [
  ['十万', 100_000],
  ['百万', 1_000_000],
  ['千万', 10_000_000],
  ['十', 10],
  ['百', 100],
  ['千', 1000],
  ['万', 10_000],
  ['亿', 100_000_000],
];

/** The base unit (word) of a dimension, for display: money → 元; a count → its word. */
function baseWord(dim: string): string {
  const named: Record<string, string> = { money: '元', length: '米', mass: '克', area: '平方米', volume: '立方米', days: '天', months: '月' };
  return named[dim] ?? dim.replace(/^count:/, '');
}

function simple(u: string): Unit | null {
  const known = BASE[u];
  if (known) return known;
  for (const [p, m] of MULTIPLIERS) {
    if (u.length > p.length && u.startsWith(p)) {
      const rest = simple(u.slice(p.length));
      if (rest) return { dim: rest.dim, num: rest.num * m, den: rest.den };
    }
  }
  // Any other word counts things of its own kind (人, 人次, 项, 个 …).
  if (/^[\p{Script=Han}A-Za-z]+$/u.test(u)) return { dim: `count:${u}`, num: 1, den: 1 };
  return null;
}

/** The dimension and exact factor of a unit as written, or null when it is not a unit we can read. */
export function unitOf(u: string): Unit | null {
  const s = u.trim();
  const slash = s.split(/[/／]/);
  if (slash.length === 2 && slash[0] && slash[1]) {
    const a = simple(slash[0]);
    const b = simple(slash[1]);
    if (!a || !b) return null;
    return { dim: `${a.dim}/${b.dim}`, num: a.num * b.den, den: a.den * b.num };
  }
  return simple(s);
}

/** 万, 千, 亿 … written alone after a number (15万): a multiplier of the other side's base unit. */
function multiplierOnly(u: string): number | null {
  for (const [p, m] of MULTIPLIERS) if (u === p) return m;
  return null;
}

export type UnitReading =
  /** both sides on one scale: the actual (and target) as numbers in `unit` */
  | { ok: true; target: number; actual: number; unit: string | null; converted: boolean }
  /** different dimensions: never compared */
  | { ok: false; targetDim: string; actualDim: string };

const exact = (x: number) => Number(x.toPrecision(15));

/**
 * Read a target and an actual with their units on one scale. A side without a unit is
 * taken to be in the other side's unit (≥5项 against 7). The actual is expressed in the
 * target's unit; when the target has only a multiplier (≥20万) both are in base units.
 */
export function readUnits(target: number, targetUnit: string | null, actual: number, actualUnit: string | null): UnitReading {
  if (targetUnit === null || actualUnit === null || targetUnit === actualUnit) return { ok: true, target, actual, unit: targetUnit ?? actualUnit, converted: false };
  const tm = multiplierOnly(targetUnit);
  const am = multiplierOnly(actualUnit);
  const t = tm === null ? unitOf(targetUnit) : null;
  const a = am === null ? unitOf(actualUnit) : null;
  if (tm !== null && am !== null) return { ok: true, target: exact(target * tm), actual: exact(actual * am), unit: null, converted: true };
  if (tm !== null && a) {
    // ≥20万 against 150000元: both in the base unit of the actual's dimension
    return { ok: true, target: exact(target * tm), actual: exact((actual * a.num) / a.den), unit: baseWord(a.dim), converted: true };
  }
  if (t && am !== null) {
    // ≥200000元 against 15万: 15万 = 150000 base units, expressed in the target's unit
    return { ok: true, target, actual: exact((actual * am * t.den) / t.num), unit: targetUnit, converted: true };
  }
  if (!t || !a || t.dim !== a.dim) return { ok: false, targetDim: t?.dim ?? targetUnit, actualDim: a?.dim ?? actualUnit };
  // actual × (a.num / a.den) / (t.num / t.den), with the integer parts multiplied first
  return { ok: true, target, actual: exact((actual * a.num * t.den) / (a.den * t.num)), unit: targetUnit, converted: true };
}
