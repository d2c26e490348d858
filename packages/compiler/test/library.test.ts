import { describe, expect, it } from 'vitest';
import {
  candidatesFor,
  checkSource,
  chooseEntry,
  defaultEntry,
  libraryParentLoader,
  normaliseRegion,
  regionChain,
  regionIn,
  resolveFor,
  type LibraryEntry,
  type LoadParent,
} from '../src/index.ts';
import { parse, format } from '../../language/src/index.ts';

const e = (region: string, year: number, form = '项目支出'): LibraryEntry => ({ region, year, form, file: `rules/${region}/${year}/${form}.jx` });
const lib = [e('全国', 2020), e('四川', 2023), e('安徽', 2022), e('四川/遂宁/大英县', 2020, '部门整体支出'), e('甘肃', 2023, '部门整体支出'), e('甘肃', 2024, '部门整体支出')];

describe('the rule library', () => {
  it('reads jurisdictions as users write them', () => {
    expect(normaliseRegion('四川／遂宁 / 大英县')).toBe('四川/遂宁/大英县');
    expect(normaliseRegion('甘肃省')).toBe('甘肃');
    expect(regionChain('四川/遂宁/大英县')).toEqual(['四川/遂宁/大英县', '四川/遂宁', '四川', '全国']);
  });

  it("resolves the jurisdiction's latest year ≤ the year, else its parent's, up to 全国", () => {
    expect(resolveFor(lib, '项目支出', '四川', 2024)).toEqual({ entry: e('四川', 2023), fallbackFrom: null });
    // 四川 2023 is not yet in force in 2022: 全国 2020
    expect(resolveFor(lib, '项目支出', '四川', 2022)).toEqual({ entry: e('全国', 2020), fallbackFrom: '四川' });
    expect(resolveFor(lib, '项目支出', '四川/遂宁/大英县', 2023)).toEqual({ entry: e('四川', 2023), fallbackFrom: '四川/遂宁/大英县' });
    expect(resolveFor(lib, '部门整体支出', '四川/遂宁/大英县', 2021)?.entry).toEqual(e('四川/遂宁/大英县', 2020, '部门整体支出'));
    expect(resolveFor(lib, '部门整体支出', '四川', 2023)).toBeNull();
  });

  it('lists the candidates in force when no jurisdiction is given', () => {
    expect(candidatesFor(lib, '项目支出', 2023).map((x) => x.region)).toEqual(['全国', '四川', '安徽']);
    expect(candidatesFor(lib, '项目支出', 2021).map((x) => x.region)).toEqual(['全国']);
  });

  it('chooses a filing’s template, or says why it cannot: never a silent pick among several', () => {
    // several in force and no jurisdiction named: the candidates come back
    expect(chooseEntry(lib, {}, { year: 2023, form: '项目支出' })).toEqual({
      problem: 'regionAmbiguous',
      form: '项目支出',
      year: 2023,
      candidates: [e('全国', 2020), e('四川', 2023), e('安徽', 2022)],
    });
    // one in force: it
    expect(chooseEntry(lib, {}, { year: 2021, form: '项目支出' })).toMatchObject({ entry: e('全国', 2020), fallbackFrom: null });
    // a jurisdiction named, in the filing or asked for: its own or its parent's, up to 全国
    expect(chooseEntry(lib, {}, { year: 2023, form: '项目支出', region: '河南省' })).toMatchObject({ entry: e('全国', 2020), fallbackFrom: '河南' });
    expect(chooseEntry(lib, {}, { year: 2023, form: '项目支出', unit: '四川省遂宁市大英县财政局' })).toMatchObject({ entry: e('四川', 2023), fallbackFrom: '四川/遂宁/大英县' });
    // none in its chain: no template, naming the jurisdictions that have one
    expect(chooseEntry(lib, { region: '河南' }, { year: 2023, form: '部门整体支出' })).toEqual({
      problem: 'noTemplate',
      form: '部门整体支出',
      year: 2023,
      region: '河南',
      elsewhere: [e('四川/遂宁/大英县', 2020, '部门整体支出'), e('甘肃', 2023, '部门整体支出')],
    });
    // older than every template of its jurisdiction: none (the latest year ≤ the filing's)
    expect(chooseEntry(lib, {}, { year: 2021, form: '部门整体支出', region: '甘肃' })).toMatchObject({ problem: 'noTemplate' });
  });

  it('reads bare years of a comparison, and a draft’s parent, in the default jurisdiction: 全国, else the broadest', () => {
    expect(defaultEntry(lib, '项目支出', 2023)?.entry).toEqual(e('全国', 2020));
    expect(defaultEntry(lib, '项目支出', 2023)?.others.map((x) => x.region)).toEqual(['四川', '安徽']);
    // the province before the county, whatever their years
    expect(defaultEntry(lib, '部门整体支出', 2024)?.entry).toEqual(e('甘肃', 2024, '部门整体支出'));
    expect(defaultEntry(lib, '部门整体支出', 2019)).toBeNull();
    expect(libraryParentLoader(lib, () => '')('部门整体支出', 2023)?.file).toBe(e('甘肃', 2023, '部门整体支出').file);
  });

  it('finds the deepest jurisdiction a text names, none when two tie', () => {
    const known = ['全国', '四川', '四川/遂宁/大英县', '甘肃', '安徽'];
    expect(regionIn('四川省遂宁市大英县财政局', known)).toBe('四川/遂宁/大英县');
    expect(regionIn('四川省眉山市青神县', known)).toBe('四川');
    expect(regionIn('正宁县人大常委会办公室', known)).toBeNull();
    expect(regionIn('甘肃、安徽两省联合项目', known)).toBeNull();
  });
});

describe('继承 a jurisdiction', () => {
  const national = '模板 项目支出 2020 { 总分 100 分 等级 { 优 >= 90 分; 差 } 规则 正向 适用 >= { 得分 = 权重 * min(实际 / 目标, 1) } 一级指标 产出 分值 100 分 { 单位填报 } }';
  const province = '模板 项目支出 2020 继承 全国 2020 { 等级 { 优 >= 80 分; 差 } }';
  const files: Record<string, string> = { '全国/2020': national, '四川/2020': province };
  const load: LoadParent = (form, year, region) => {
    const text = files[`${region}/${year}`];
    return text ? { file: `rules/${region}/${year}/${form}.jx`, text, region: region! } : null;
  };

  it('parses and prints 继承 全国 2020 and 继承 四川/遂宁 2020', () => {
    const t = parse('模板 项目支出 2020 继承 四川/遂宁 2020 { }').ast.templates[0]!;
    expect(t.extendsRegion?.text).toBe('四川/遂宁');
    expect(t.extends?.value).toBe(2020);
    expect(format(parse('模板 项目支出 2020 继承 四川 / 遂宁 2020 { }').ast)).toContain('模板 项目支出 2020 继承 四川/遂宁 2020 {');
  });

  it('lets a county extend its province of the same year, which extends 全国', () => {
    const r = checkSource({ file: 'rules/四川/遂宁/大英县/2020/项目支出.jx', text: '模板 项目支出 2020 继承 四川 2020 { }', region: '四川/遂宁/大英县' }, load);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.template?.region).toBe('四川/遂宁/大英县');
    expect(r.template?.grades[0]).toMatchObject({ name: '优', lo: 80 });
    expect(r.chain.map((c) => c.region)).toEqual(['四川/遂宁/大英县', '四川', '全国']);
  });

  it('refuses a template that extends its own jurisdiction and year, or one that comes back to it', () => {
    const self = checkSource({ file: 'x.jx', text: '模板 项目支出 2020 继承 四川 2020 { }', region: '四川' }, load);
    expect(self.diagnostics.map((d) => d.code)).toContain('JX2029');
    const loop: LoadParent = (_form, _year, region) =>
      region === '甲' ? { file: 'a.jx', text: '模板 项目支出 2020 继承 乙 2020 { }', region: '甲' } : { file: 'b.jx', text: '模板 项目支出 2020 继承 甲 2020 { }', region: '乙' };
    const r = checkSource({ file: 'a.jx', text: '模板 项目支出 2020 继承 乙 2020 { }', region: '甲' }, loop);
    expect(r.diagnostics.map((d) => d.code)).toContain('JX2029');
  });
});
