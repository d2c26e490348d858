// Deterministic generators for the benchmark: evaluator inputs shaped like real
// 2023 department filings, the same filings as canonical JSON (for the CLI batch),
// and .jx templates of any number of indicators (for compile-time scaling).
import type { EvalInput, RowInput } from '@jixiao/compiler';

import { prng } from '../test/support/prng.ts';

/** The seeded PRNG shared with the fuzzers, so every run benchmarks the same data. */
export const rng = prng;

const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const round = (x: number, d: number) => Number(x.toFixed(d));

/** The 4 単位填报 sections of the 2023 template and their caps (section 0 is the budget formula). */
export const FILLED = [
  { name: '部门管理', cap: 20 },
  { name: '履职效果', cap: 50 },
  { name: '能力建设', cap: 10 },
  { name: '服务对象满意度', cap: 10 },
] as const;

/** Split `cap` into n weights in steps of 0.5 that sum exactly to cap (n ≤ 2·cap). */
function splitWeights(r: () => number, cap: number, n: number): number[] {
  const halves = cap * 2;
  const cuts = new Set<number>();
  while (cuts.size < n - 1) cuts.add(int(r, 1, halves - 1));
  const xs = [0, ...[...cuts].sort((a, b) => a - b), halves];
  return xs.slice(1).map((x, i) => (x - xs[i]!) / 2);
}

/** One generated row in a neutral form; both the EvalInput and the JSON filing are built from it. */
export interface GenRow {
  weight: number;
  shape: '>=' | '<=' | '=' | 'qualitative' | 'deadline';
  target: number;
  actual: number;
  /** qualitative rows: the completion fraction (its stated score / weight) */
  fraction: number;
  /** qualitative rows: the tier word */
  word: string;
  unit: string;
}

export interface GenFiling {
  budget: { initialBudget: number; budget: number; spent: number };
  /** rows per filled section, parallel to FILLED */
  sections: GenRow[][];
  deductions: number[];
}

const UNITS = ['项', '次', '篇', '人', '%', '个', '件'];

function genRow(r: () => number, weight: number): GenRow {
  const u = r();
  const unit = pick(r, UNITS);
  if (u < 0.4) {
    // 正向 ≥: counts or rates; a third fall short of the target
    const target = unit === '%' ? int(r, 80, 100) : int(r, 1, 60);
    const actual = r() < 0.66 ? target + int(r, 0, 20) : round(target * (0.3 + 0.7 * r()), 1);
    return { weight, shape: '>=', target, actual, fraction: 0, word: '', unit };
  }
  if (u < 0.55) {
    // 反向 ≤: costs, complaints, error rates
    const target = int(r, 1, 50);
    const actual = r() < 0.7 ? int(r, 0, target) : target + int(r, 1, 30);
    return { weight, shape: '<=', target, actual, fraction: 0, word: '', unit };
  }
  if (u < 0.65) {
    // 等于: “= 0 起” accidents or an exact count
    const target = r() < 0.4 ? 0 : int(r, 1, 20);
    const actual = target === 0 ? (r() < 0.8 ? 0 : int(r, 1, 3)) : int(r, Math.max(0, target - 5), target);
    return { weight, shape: '=', target, actual, fraction: 0, word: '', unit };
  }
  if (u < 0.95) {
    // 定性: a tier word and a stated score inside its tier
    const tier = r();
    const [word, lo, hi] = tier < 0.7 ? ['达成', 0.8, 1] : tier < 0.9 ? ['部分达成', 0.6, 0.79] : ['未达成', 0, 0.59];
    const fraction = round(lo + (hi - lo) * r(), 2);
    return { weight, shape: 'qualitative', target: 0, actual: 0, fraction, word, unit: '' };
  }
  // 时效: 9月前 → 9.31; done in month 6..11
  const target = int(r, 6, 12) + 0.31;
  const actual = int(r, 5, 12) + int(r, 1, 28) / 100;
  return { weight, shape: 'deadline', target, actual, fraction: 0, word: '', unit: '' };
}

/** One filing: 20–40 rows over the 4 filled sections; 1 in 10 has weights that miss a cap. */
export function genFiling(r: () => number): GenFiling {
  const total = int(r, 20, 40);
  // rows per section roughly in proportion to its cap, at least 2 each
  const counts = [Math.max(2, Math.round(total * 0.22)), 0, Math.max(2, Math.round(total * 0.12)), Math.max(2, Math.round(total * 0.1))];
  counts[1] = Math.max(2, total - counts[0]! - counts[2]! - counts[3]!);
  const sections = FILLED.map((s, i) => {
    const n = Math.min(counts[i]!, s.cap * 2);
    const ws = splitWeights(r, s.cap, n);
    if (r() < 0.1) ws[0] = ws[0]! + pick(r, [0.5, 1, 2, 5]); // a unit that mis-adds its weights
    return ws.map((w) => genRow(r, w));
  });
  const budget = round(50 + r() * 5000, 2);
  const spent = round(budget * (0.6 + 0.45 * r()), 2);
  const deductions = r() < 0.15 ? Array.from({ length: int(r, 1, 3) }, () => pick(r, [0.5, 1, 2, 3, 6])) : [];
  return { budget: { initialBudget: round(budget * (0.8 + 0.2 * r()), 2), budget, spent }, sections, deductions };
}

export function genFilings(n: number, seed = 2023): GenFiling[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => genFiling(r));
}

/** The evaluator input the engine would build for this filing (section 0 is the budget formula). */
export function toEvalInput(g: GenFiling): EvalInput {
  const rows = (gs: GenRow[]): RowInput[] =>
    gs.map((x) =>
      x.shape === 'qualitative'
        ? { path: [], weight: x.weight, shape: 'qualitative', target: null, actual: null, fraction: x.fraction }
        : { path: [], weight: x.weight, shape: x.shape, target: x.target, actual: x.actual, fraction: null },
    );
  return { budget: { ...g.budget }, sections: [[], ...g.sections.map(rows)], deductions: [g.deductions.slice()] };
}

const NAMES = ['制度建设', '资金管理', '调研课题', '宣传报道', '培训人次', '信访办结', '安全事故', '人员考核', '督办事项', '会议保障'];

function deadlineText(x: number): string {
  const m = Math.floor(x);
  const d = Math.round((x - m) * 100);
  return d === 31 ? `${m}月前` : `${m}月${d}日`;
}

/** The same filing as a canonical JSON filing (packages/engine/src/filing/model.ts). */
export function toFilingJson(g: GenFiling, i: number): object {
  const rows: object[] = [];
  g.sections.forEach((rs, si) =>
    rs.forEach((x, j) => {
      const sym = x.shape === '>=' ? '≥' : x.shape === '<=' ? '≤' : x.shape === '=' ? '=' : '';
      const target = x.shape === 'qualitative' ? '达成' : x.shape === 'deadline' ? deadlineText(x.target) : `${sym}${x.target}${x.unit}`;
      const actual = x.shape === 'qualitative' ? x.word : x.shape === 'deadline' ? deadlineText(x.actual) : `${x.actual}${x.unit}`;
      rows.push({
        level1: FILLED[si]!.name,
        level2: `二级指标${(j % 3) + 1}`,
        level3: `${NAMES[j % NAMES.length]}${j + 1}`,
        target,
        actual,
        weight: x.weight,
        statedScore: x.shape === 'qualitative' ? Math.round(x.fraction * x.weight * 100) / 100 : x.weight,
      });
    }),
  );
  return {
    title: '部门整体支出绩效自评表 (2023年度)',
    unit: `示例单位${i + 1}`,
    region: '甘肃',
    year: 2023,
    form: '部门整体支出',
    budget: { ...g.budget, weight: 10, statedScore: 10 },
    rows,
    ...(g.deductions.length ? { deductions: g.deductions.map((points) => ({ reason: '审计发现问题', points })) } : {}),
    statedTotal: 100,
  };
}

/** A number in Chinese digits (identifiers have no ASCII digits): 103 → 一零三. */
const cn = (n: number) => [...String(n)].map((d) => '零一二三四五六七八九'[Number(d)]).join('');

/**
 * A template of n indicators: n fixed leaf indicators under level-1 sections of 10
 * level-2 indicators each (weights 1 分), plus the 2023 rules. Built as .jx text.
 */
export function genTemplate(n: number): string {
  const perSection = 10;
  const sections = Math.ceil(n / perSection);
  const L: string[] = [];
  L.push(`模板 规模测试 2023 {`);
  L.push(`  总分 ${n} 分`);
  L.push(`  保留小数 2 位 四舍五入`);
  L.push(`  等级 { 优 >= ${n * 0.9} 分; 良 >= ${n * 0.8} 分; 中 >= ${n * 0.6} 分; 差 }`);
  L.push(`  定性分档 { 达成 80%..100%; 部分达成 60%..80%; 未达成 0%..60% }`);
  L.push(`  规则 正向 适用 >=, > { 得分 = 权重 * min(实际 / 目标, 1) }`);
  L.push(`  规则 反向 适用 <=, < { 得分 = 如果 实际 <= 目标 则 权重 否则 权重 * min(目标 / 实际, 1) }`);
  L.push(`  规则 定性 适用 定性 { 得分 = 权重 * 完成比例 }`);
  let left = n;
  for (let s = 0; s < sections; s++) {
    const k = Math.min(perSection, left);
    left -= k;
    L.push(`  一级指标 类${cn(s + 1)} 分值 ${k} 分 {`);
    for (let j = 0; j < k; j++) L.push(`    二级指标 项${cn(s + 1)}之${cn(j + 1)} 分值 1 分;`);
    L.push(`  }`);
  }
  L.push(`}`);
  return L.join('\n') + '\n';
}
