// Reading where a filing is from when it says so only in words (places.ts).
import { describe, expect, it } from 'vitest';
import { chooseEntry, placeIn, regionOfFiling, type LibraryEntry } from '../src/index.ts';

const e = (region: string, year: number, form = '部门整体支出'): LibraryEntry => ({ region, year, form, file: `rules/${region}/${year}/${form}.jx` });
const lib = [e('甘肃', 2023), e('四川/遂宁/大英县', 2020), e('全国', 2020, '项目支出'), e('四川', 2023, '项目支出')];

describe('placeIn', () => {
  it('reads a county, a city or a province from a unit or a title, as a jurisdiction path', () => {
    expect(placeIn('正宁县人大常委会办公室')).toBe('甘肃/庆阳/正宁县');
    expect(placeIn('甘肃省庆阳市正宁县')).toBe('甘肃/庆阳/正宁县');
    expect(placeIn('四川省眉山市青神县农业农村局')).toBe('四川/眉山/青神县');
    expect(placeIn('遂宁市财政局')).toBe('四川/遂宁');
    expect(placeIn('河南省')).toBe('河南');
    // a municipality has no city level
    expect(placeIn('北京市朝阳区财政局')).toBe('北京/朝阳区');
    // an autonomous prefecture keeps its name; 海南 inside it is no province
    expect(placeIn('海南藏族自治州共和县')).toBe('青海/海南藏族自治州/共和县');
  });

  it('says nothing when the name is not certain', () => {
    // 朝阳区 is in 北京 and in 长春: the city or province the text names decides, else nothing
    expect(placeIn('朝阳区')).toBeNull();
    expect(placeIn('长春市朝阳区')).toBe('吉林/长春/朝阳区');
    // 宁县 is a county of 庆阳 too, but inside 正宁县 it is not read
    expect(placeIn('正宁县')).toBe('甘肃/庆阳/正宁县');
    // names that are no place alone
    expect(placeIn('城区管理办公室')).toBeNull();
    expect(placeIn('某某单位')).toBeNull();
    expect(placeIn('')).toBeNull();
  });
});

describe('a filing’s jurisdiction from its words', () => {
  it('takes the unit’s place at the deepest jurisdiction of the library it falls in', () => {
    expect(regionOfFiling(lib, {}, { unit: '正宁县人大常委会办公室' })).toBe('甘肃');
    expect(regionOfFiling(lib, {}, { unit: '大英县财政局' })).toBe('四川/遂宁/大英县');
    // a place with no template anywhere above it but 全国 stays itself, for the message
    expect(regionOfFiling(lib, {}, { unit: '郑州市中原区财政局' })).toBe('河南/郑州/中原区');
    // a 地区 cell written as one string
    expect(regionOfFiling(lib, {}, { region: '甘肃省庆阳市正宁县' })).toBe('甘肃/庆阳/正宁县');
    expect(regionOfFiling(lib, {}, { region: '四川/遂宁' })).toBe('四川/遂宁');
  });

  it('so the seed’s unit chooses 甘肃’s template among the two in force in 2023', () => {
    expect(chooseEntry(lib, {}, { year: 2023, form: '部门整体支出' })).toMatchObject({ problem: 'regionAmbiguous' });
    expect(chooseEntry(lib, {}, { year: 2023, form: '部门整体支出', unit: '正宁县人大常委会办公室' })).toMatchObject({ entry: e('甘肃', 2023), fallbackFrom: null });
  });
});
