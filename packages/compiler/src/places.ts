// Where a filing is from, when it says so only in words: "正宁县人大常委会办公室" is a unit of
// 甘肃/庆阳/正宁县. The names of China's provinces, cities and counties come from
// @vant/area-data (the administrative division codes, kept by the Vant team); this module
// only reads a text for them and writes the place as a jurisdiction path, the way rules/
// folders are named: the province and city without their suffix (甘肃, 庆阳), the county as
// written (正宁县). Isomorphic: no Node APIs.

import { areaList } from '@vant/area-data';

interface Place {
  code: string;
  /** the name as written in full (甘肃省, 庆阳市, 正宁县) */
  full: string;
  /** how a jurisdiction path names it */
  path: string;
  /** the last part of the path: its short name (甘肃, 庆阳) or a county's full name */
  short: string;
}

// Suffixes a province or city drops in a jurisdiction path (longest first).
const PROVINCE_SUFFIX = /(?:壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|省|市)$/;
const CITY_SUFFIX = /(?:市|地区|盟|(?:[\u4e00-\u9fff]{1,6}族)+自治州|自治州)$/;
// County names that are no place on their own (several cities have one, or none is a county)
const GENERIC = /^(?:城区|矿区|郊区|东区|西区|南区|北区|新区|市辖区|其它区|其他区)$|开发区|高新区|新城$|园区$/;
// Municipalities: the county sits right under the province (北京/东城区)
const MUNICIPALITY = new Set(['11', '12', '31', '50']);

let index: { provinces: Place[]; cities: Place[]; counties: Place[] } | null = null;

function places() {
  if (index) return index;
  const provinces = Object.entries(areaList.province_list).map(([code, full]) => withShort({ code: code.slice(0, 2), full, path: full.replace(PROVINCE_SUFFIX, '') || full }));
  const byProvince = new Map(provinces.map((p) => [p.code, p]));
  const cities = Object.entries(areaList.city_list)
    .filter(([code]) => !MUNICIPALITY.has(code.slice(0, 2)))
    .map(([code, full]) => withShort({ code: code.slice(0, 4), full, path: `${byProvince.get(code.slice(0, 2))?.path}/${full.replace(CITY_SUFFIX, '') || full}` }));
  const byCity = new Map(cities.map((c) => [c.code, c]));
  const counties = Object.entries(areaList.county_list)
    .filter(([, full]) => !GENERIC.test(full))
    .map(([code, full]) => {
      const above = MUNICIPALITY.has(code.slice(0, 2)) ? byProvince.get(code.slice(0, 2))?.path : byCity.get(code.slice(0, 4))?.path;
      return withShort({ code, full, path: `${above ?? byProvince.get(code.slice(0, 2))?.path}/${full}` });
    });
  index = { provinces, cities, counties };
  return index;
}

// The short name is worked out once per place, not once per place per text read: a batch
// reads the unit and title of every filing against all ~3,000 places.
function withShort(p: Omit<Place, 'short'>): Place {
  return { ...p, short: p.path.split('/').pop()! };
}
const short = (p: Place) => p.short;

/** The places of one kind named in `text`, full names first; a name inside a longer one named (宁县 in 正宁县) does not count. */
function named(xs: readonly Place[], text: string, shortToo: boolean): Place[] {
  const hits = xs.filter((x) => text.includes(x.full) || (shortToo && short(x).length >= 2 && text.includes(short(x))));
  const said = (x: Place) => (text.includes(x.full) ? x.full : short(x));
  return hits.filter((x) => !hits.some((o) => o !== x && said(o).length > said(x).length && said(o).includes(said(x))));
}

/** `text` with each of these names blanked, so that a shorter name is not read inside it (朝阳 in 朝阳区). */
function blank(text: string, names: readonly string[]): string {
  let out = text;
  for (const n of names) out = out.split(n).join('\u0000'.repeat(n.length));
  return out;
}

/**
 * The place a text names, as a jurisdiction path (甘肃/庆阳/正宁县, 四川/眉山, 河南), or null.
 * The most specific one named without doubt: a county whose name is unique, or made unique
 * by the province or city the text also names; else such a city; else a province. A city
 * or province is not read inside a county's or city's name (朝阳 in 朝阳区, 海南 in 海南藏族自治州).
 */
export function placeIn(text: string): string | null {
  if (!text) return null;
  const { provinces, cities, counties } = places();
  const ks0 = named(counties, text, false);
  const t1 = blank(
    text,
    ks0.map((k) => k.full),
  );
  const cs0 = named(cities, t1, true);
  const t2 = blank(
    t1,
    cs0.map((c) => c.full),
  );
  const ps = named(provinces, t2, true);
  const cs = cs0.filter((c) => ps.length === 0 || ps.some((p) => c.code.startsWith(p.code)));
  const ks = ks0.filter((k) => (cs.length === 0 || cs.some((c) => k.code.startsWith(c.code))) && (ps.length === 0 || ps.some((p) => k.code.startsWith(p.code))));
  const one = (xs: Place[]) => {
    const paths = [...new Set(xs.map((x) => x.path))];
    return paths.length === 1 ? paths[0]! : null;
  };
  return one(ks) ?? one(cs) ?? one(ps);
}
