// How cells are read before scoring: deadlines as dates, negative numbers, per mille,
// the unit table (filing/units.ts), the word pairs (filing/words.ts) and the joint rate
// rule (readRates in filing/value.ts).
import { describe, expect, it } from 'vitest';
import { deadlineDate, parseValue, readRates, type DeadlineValue } from '../../src/filing/value.ts';
import { readUnits, unitOf } from '../../src/filing/units.ts';
import { polarity, POLAR_PAIRS, readAgainst } from '../../src/filing/words.ts';

const date = (text: string, year = 2023) => {
  const v = parseValue(text);
  if (v.kind !== 'deadline') throw new Error(`${text} parsed as ${v.kind}`);
  return deadlineDate(v as DeadlineValue, year);
};

describe('deadlines name a date: the end of the period they name', () => {
  it.each([
    ['9月底', 20230930],
    ['9月末', 20230930],
    ['9月前', 20230930],
    ['9月', 20230930],
    ['9月30日前', 20230930],
    ['9月15日', 20230915],
    ['9月上旬', 20230910],
    ['9月中旬', 20230920],
    ['9月下旬', 20230930],
    ['年底前', 20231231],
    ['上半年', 20230630],
    ['第三季度', 20230930],
    ['第一季度末', 20230331],
    ['2月底', 20230228],
    ['2024年2月底', 20240229],
    ['2023年12月底前', 20231231],
    ['2024年3月', 20240331],
    ['2023年', 20231231],
    ['2023年度内', 20231231],
    ['2023-12-31', 20231231],
    ['2023/6/30前', 20230630],
    ['2023.06.30', 20230630],
    ['2023-06', 20230630],
    ['十二月底', 20231231],
  ])('%s → %s', (text, expected) => {
    expect(date(text)).toBe(expected);
  });

  it('a deadline without a year takes the year given', () => {
    expect(date('12月底前', 2024)).toBe(20241231);
  });

  it.each(['2月30日', '4月31日', '13月', '2023.12', '1800年', '底前'])('%s is not a deadline', (text) => {
    expect(parseValue(text).kind).not.toBe('deadline');
  });
});

describe('numbers', () => {
  it.each([
    ['−5%', -5],
    ['-30%', -30],
    ['－2万元', -2],
    ['﹣0.5', -0.5],
    ['＋3', 3],
  ])('%s reads as %s', (text, value) => {
    expect(parseValue(text)).toMatchObject({ kind: 'number', value });
  });

  it('5‰ is 0.5%', () => {
    expect(parseValue('≤5‰')).toMatchObject({ kind: 'number', op: '<=', value: 0.5, unit: '%', percent: true });
  });

  it('a dash alone is still a placeholder', () => {
    for (const t of ['-', '－', '－－', '—']) expect(parseValue(t).kind).toBe('placeholder');
  });
});

describe('units: one dimension converts exactly, two never compare', () => {
  it.each([
    // target, its unit, actual, its unit, actual in the target's unit
    [200000, '元', 15, '万元', 150000],
    [2, '亿元', 5000, '万元', 0.5],
    [3, '千元', 1500, '元', 1.5],
    [2, '公里', 2500, '米', 2.5],
    [2, '千米', 1, '公里', 1],
    [2000, '公斤', 1.5, '吨', 1500],
    [1, '千克', 2, '斤', 1],
    [2, '公顷', 30, '亩', 2],
    [100, '平方米', 1, '亩', 666.666666666667],
    [28, '天', 3, '周', 21],
    [12, '个月', 1, '年', 12],
    [16000, '人次', 1.2, '万人次', 12000],
    [3, '万人', 5000, '人', 0.5],
    [500, '元/人', 0.06, '万元/人', 600],
  ])('%s%s against %s%s: the actual is %s', (t, tu, a, au, expected) => {
    expect(readUnits(t, tu, a, au)).toMatchObject({ ok: true, target: t, actual: expected });
  });

  it('a multiplier alone takes the other side’s base unit', () => {
    expect(readUnits(200000, '元', 15, '万')).toMatchObject({ ok: true, actual: 150000 });
    expect(readUnits(20, '万', 150000, '元')).toMatchObject({ ok: true, target: 200000, actual: 150000 });
  });

  it('a bare side is in the other side’s unit', () => {
    expect(readUnits(5, '项', 7, null)).toEqual({ ok: true, target: 5, actual: 7, unit: '项', converted: false });
  });

  it.each([
    ['人', '人次'],
    ['个', '项'],
    ['天', '个月'],
    ['米', '平方米'],
    ['元', '人'],
    ['%', '人'],
    ['篇', '份'],
  ])('%s and %s do not convert', (a, b) => {
    expect(readUnits(1, a, 1, b).ok).toBe(false);
  });

  it('the factor of 亩 is exact as a fraction', () => {
    expect(unitOf('亩')).toEqual({ dim: 'area', num: 2000, den: 3 });
    expect(unitOf('万亩')).toEqual({ dim: 'area', num: 20_000_000, den: 3 });
  });
});

describe('word pairs', () => {
  it('every pair is a positive word and its negations', () => {
    for (const [pos, ...negs] of POLAR_PAIRS) {
      expect(polarity(pos)).toBe(1);
      for (const n of negs) expect(polarity(n)).toBe(-1);
    }
  });

  it('a negation prefix on a positive word is negative; on another word it says nothing', () => {
    expect(polarity('未按时完成')).toBe(-1);
    expect(polarity('不符合要求')).toBe(-1);
    expect(polarity('不断提高')).toBe(0);
  });

  it('reads the actual against the target', () => {
    expect(readAgainst('否', '是')).toBe('missed');
    expect(readAgainst('是', '是')).toBe('met');
    expect(readAgainst('有', '无')).toBe('missed');
    expect(readAgainst('否', '无')).toBe('met');
    expect(readAgainst('完成', '达到')).toBe('met');
    expect(readAgainst('未落实整改', '落实整改')).toBe('missed');
    expect(readAgainst('还行', '是')).toBeNull();
  });
});

describe('rates: one scale for target and actual', () => {
  const p = (value: number) => ({ value, percent: true });
  const b = (value: number) => ({ value, percent: false });
  it.each([
    ['both with %', p(95), p(98), 95, 98],
    ['both bare ≤ 2: fractions', b(1), b(1.05), 100, 105],
    ['both bare, above 2: percentages', b(95), b(98), 95, 98],
    ['a bare fraction beside a percentage', p(95), b(0.98), 95, 98],
    ['a bare 1.05 beside 100%', p(100), b(1.05), 100, 105],
    ['a bare 1 beside ≤2%: 1%', p(2), b(1), 2, 1],
    ['a bare 3 beside ≤5%: 3% (above 2)', p(5), b(3), 5, 3],
    ['a bare fraction beside a bare percentage', b(90), b(0.95), 90, 95],
    ['a bare 1 beside ≤10%: a tie, read as a fraction', p(10), b(1), 10, 100],
    ['0%: fraction by default', p(0), b(0.5), 0, 50],
    ['negative sizes', p(-3), b(-0.05), -3, -5],
  ])('%s', (_name, t, a, tv, av) => {
    expect(readRates(t, a)).toEqual({ target: tv, actual: av });
  });
});
