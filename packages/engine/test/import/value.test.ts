import { describe, expect, it } from 'vitest';
import { isRateLikeName, normaliseRate, parsePlainNumber, parseValue } from '../../src/filing/value.ts';

const num = (text: string) => {
  const v = parseValue(text);
  if (v.kind !== 'number') throw new Error(`${text} parsed as ${v.kind}`);
  return { op: v.op, value: v.value, unit: v.unit, percent: v.percent };
};

describe('parseValue: numbers', () => {
  it.each([
    ['≥1项', '>=', 1, '项', false],
    ['≤100%', '<=', 100, '%', true],
    ['>90%', '>', 90, '%', true],
    ['98.00%', null, 98, '%', true],
    ['1', null, 1, null, false],
    ['20万元', null, 20, '万元', false],
    ['≥50个', '>=', 50, '个', false],
    ['≥100百分比', '>=', 100, '%', true],
    ['≥95％', '>=', 95, '%', true],
    ['＞90%', '>', 90, '%', true],
    ['＜5%', '<', 5, '%', true],
    ['>=90%', '>=', 90, '%', true],
    ['<=10%', '<=', 10, '%', true],
    ['=0', '=', 0, null, false],
    ['36篇', null, 36, '篇', false],
    ['2项', null, 2, '项', false],
    ['≥266米', '>=', 266, '米', false],
    ['500%', null, 500, '%', true],
    ['≥ 10 篇', '>=', 10, '篇', false],
    ['１２０公里', null, 120, '公里', false],
    ['1,200人', null, 1200, '人', false],
    ['95%以上', '>=', 95, '%', true],
    ['不低于90%', '>=', 90, '%', true],
  ])('%s', (text, op, value, unit, percent) => {
    expect(num(text)).toEqual({ op, value, unit, percent });
  });

  it('keeps the raw text', () => {
    expect(parseValue(' ≥1项 ')).toMatchObject({ kind: 'number', text: ' ≥1项 ' });
  });
});

describe('parseValue: qualitative', () => {
  it.each(['显著', '健全', '规范', '效果明显', '达成预期指标', '部分达成'])('%s is a known word', (w) => {
    expect(parseValue(w)).toEqual({ kind: 'qualitative', word: w, known: true, text: w });
  });
  it('an unknown phrase is qualitative but not known', () => {
    expect(parseValue('明显改善')).toMatchObject({ kind: 'qualitative', word: '明显改善', known: false });
  });
});

describe('parseValue: deadlines', () => {
  it('9月前 is before September', () => {
    expect(parseValue('9月前')).toEqual({ kind: 'deadline', year: null, month: 9, day: null, before: true, text: '9月前' });
  });
  it('年底前 is the end of December', () => {
    expect(parseValue('年底前')).toMatchObject({ kind: 'deadline', month: 12, day: 31, before: true });
  });
  it('7月 is July, not a number', () => {
    expect(parseValue('7月')).toMatchObject({ kind: 'deadline', month: 7, day: null, before: false });
  });
  it('2023年6月30日前 carries year and day', () => {
    expect(parseValue('2023年6月30日前')).toMatchObject({ kind: 'deadline', year: 2023, month: 6, day: 30, before: true });
  });
  it('第三季度 ends in September', () => {
    expect(parseValue('第三季度')).toMatchObject({ kind: 'deadline', month: 9 });
  });
  it('13月 is not a deadline', () => {
    expect(parseValue('13月').kind).not.toBe('deadline');
  });
});

describe('parseValue: placeholders, empty, unparsed', () => {
  it.each(['≥**', '**', 'xx', 'XX', '空', '—', '/'])('%s is a placeholder', (t) => {
    expect(parseValue(t)).toEqual({ kind: 'placeholder', text: t });
  });
  it.each(['', '   ', null, undefined])('%s is empty', (t) => {
    expect(parseValue(t)).toEqual({ kind: 'empty' });
  });
  it('text with digits it cannot read is unparsed', () => {
    expect(parseValue('完成3项中的2项')).toEqual({ kind: 'unparsed', text: '完成3项中的2项' });
  });
  it('never throws on odd input', () => {
    for (const t of ['≥', '>>>', '%', '1..2', '\u0000', '≥≥1', '("")']) expect(() => parseValue(t)).not.toThrow();
  });
});

describe('rates', () => {
  it('a bare 1 in a rate-like row means 100%', () => {
    expect(isRateLikeName('工作任务量计划完成率')).toBe(true);
    expect(normaliseRate(parseValue('1'), { rateLike: true })).toBe(100);
    expect(normaliseRate(parseValue('0.95'), { rateLike: true })).toBe(95);
    expect(normaliseRate(parseValue('95'), { rateLike: true })).toBe(95);
  });
  it('a bare 1 in a count row is not a rate', () => {
    expect(isRateLikeName('党建工作(项)')).toBe(false);
    expect(normaliseRate(parseValue('1'), { rateLike: false })).toBeNull();
    expect(normaliseRate(parseValue('2项'), { rateLike: true })).toBeNull();
  });
  it('percent values are rates whatever the row', () => {
    expect(normaliseRate(parseValue('98.00%'), { rateLike: false })).toBe(98);
    expect(normaliseRate(parseValue('≥100百分比'), { rateLike: false })).toBe(100);
  });
  it('parsePlainNumber reads weights and rejects values with units', () => {
    expect(parsePlainNumber('10.00')).toBe(10);
    expect(parsePlainNumber('4分')).toBe(4);
    expect(parsePlainNumber('—')).toBeNull();
    expect(parsePlainNumber('4项')).toBeNull();
  });
});

describe('parseValue: values read once per text', () => {
  it('gives the same value for the same text, frozen (it is shared), also after its memory was cleared', () => {
    const first = parseValue('≥95%');
    expect(Object.isFrozen(first)).toBe(true);
    expect(parseValue('≥95%')).toBe(first);
    // more texts than it keeps: it forgets and reads again, to an equal value
    for (let i = 0; i < 20000; i++) parseValue(`${i}项`);
    const again = parseValue('≥95%');
    expect(again).toEqual({ kind: 'number', op: '>=', value: 95, unit: '%', percent: true, text: '≥95%' });
    expect(parseValue('19999项')).toMatchObject({ kind: 'number', value: 19999, unit: '项' });
  });

  it('reads a cell with full-width characters or spaces at its ends as before (the normalising fast path)', () => {
    expect(num(' ≥１０项　')).toEqual({ op: '>=', value: 10, unit: '项', percent: false });
    expect(num('\u00A0３.５%')).toEqual({ op: null, value: 3.5, unit: '%', percent: true });
    expect(num('  12人 ')).toEqual({ op: null, value: 12, unit: '人', percent: false });
  });
});
