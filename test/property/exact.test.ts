// Exact arithmetic over random decimal weights: every printed number has at most the
// template's two decimals (0.1 + 0.2 never shows), a section whose weights add up is the
// exact sum of its rounded row scores, and the total is the exact sum of the sections.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '@jixiao/language';
import { checkTemplate } from '@jixiao/compiler';
import { prepareTemplate, scoreFiling, type Filing, type IndicatorRow } from '@jixiao/engine';

const src = readFileSync(new URL('../../rules/甘肃/2023/部门整体支出.jx', import.meta.url), 'utf8');
const prepared = prepareTemplate(checkTemplate(parse(src).ast.templates[0]!).template!);
const caps: [string, number][] = [
  ['部门管理', 20],
  ['履职效果', 50],
  ['能力建设', 10],
  ['服务对象满意度', 10],
];

const cents = (x: number) => Math.round(x * 100);
const hasTwoDecimals = (x: number) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-9 && !/\d\.\d{3,}/.test(String(x));

/** Split `total` cents into `n` positive parts: random decimal weights that add up exactly. */
const split = (total: number, n: number) =>
  fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: n, maxLength: n }).map((ws) => {
    const sum = ws.reduce((a, b) => a + b, 0);
    const parts = ws.map((w) => Math.max(1, Math.floor((w * total) / sum)));
    parts[0]! += total - parts.reduce((a, b) => a + b, 0);
    return parts[0]! > 0 ? parts : null;
  });

const arbRow = fc.record({
  kind: fc.constantFrom('>=', '<=', 'q'),
  target: fc.integer({ min: 1, max: 500 }),
  actual: fc.integer({ min: 0, max: 800 }),
  tenths: fc.integer({ min: 0, max: 9 }),
});

const arbFiling = fc
  .tuple(
    ...caps.map(([, cap]) => fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(split(cap * 100, n), fc.array(arbRow, { minLength: n, maxLength: n })))),
    fc.integer({ min: 0, max: 10_000 }),
  )
  .filter(([...parts]) => parts.slice(0, 4).every((p) => (p as [number[] | null, unknown])[0] !== null))
  .map(([...parts]) => {
    const spent = parts[4] as number;
    const rows: IndicatorRow[] = [];
    caps.forEach(([name], i) => {
      const [ws, rs] = parts[i] as [number[], { kind: string; target: number; actual: number; tenths: number }[]];
      ws.forEach((w, j) => {
        const r = rs[j]!;
        const weight = w / 100;
        const [target, actual] =
          r.kind === 'q' ? ['健全', r.tenths >= 8 ? '健全' : '基本健全'] : [`${r.kind === '>=' ? '≥' : '≤'}${r.target}.${r.tenths}项`, `${r.actual}.${r.tenths}项`];
        rows.push({ level1: name, level2: '二级', level3: `指标${j}`, target, actual, weight, statedScore: r.kind === 'q' ? weight * (r.tenths >= 8 ? 0.9 : 0.7) : null });
      });
    });
    const filing: Filing = { year: 2023, form: '部门整体支出', budget: { initialBudget: 100, budget: 100, spent: spent / 100, weight: 10, statedScore: null }, rows };
    return filing;
  });

describe('exact arithmetic', () => {
  it('totals are exact sums of rounded scores; no float drift is ever shown', () => {
    fc.assert(
      fc.property(arbFiling, (f) => {
        const r = scoreFiling(prepared, f);
        for (const row of r.rows) expect(hasTwoDecimals(row.score), `row ${row.path.join('/')} ${row.score}`).toBe(true);
        for (const s of r.sections) expect(hasTwoDecimals(s.score), `section ${s.name} ${s.score}`).toBe(true);
        expect(hasTwoDecimals(r.total), `total ${r.total}`).toBe(true);
        // weights add up to each cap by construction: a section is the exact sum of its rows
        expect(r.findings.filter((x) => x.code === 'JX3001')).toEqual([]);
        for (const s of r.sections.slice(1)) {
          const rowCents = r.rows.filter((x) => x.path[0] === s.name).reduce((a, x) => a + cents(x.score), 0);
          expect(cents(s.score)).toBe(rowCents);
        }
        expect(cents(r.total)).toBe(r.sections.reduce((a, s) => a + cents(s.score), 0));
        expect(r.total).toBeLessThanOrEqual(100);
      }),
      { numRuns: 500 },
    );
  });

  it('86.2% of 10 is 8.62, and ten weights of 0.1 make exactly 1', () => {
    const f: Filing = {
      year: 2023,
      form: '部门整体支出',
      budget: { initialBudget: 100, budget: 100, spent: 86.2, weight: 10, statedScore: 8.62 },
      rows: Array.from({ length: 200 }, (_, i) => ({
        level1: ['部门管理', '履职效果', '能力建设', '服务对象满意度'][Math.min(3, Math.floor(i / 50))]!,
        level2: '二级',
        level3: `指标${i}`,
        target: '≥1项',
        actual: '1项',
        weight: 0.1,
        statedScore: 0.1,
      })),
    };
    // 50 rows of 0.1 per section: exactly 5 points of weight each
    const r = scoreFiling(prepared, f);
    expect(r.rows[0]!.score).toBe(8.62);
    expect(r.findings.find((x) => x.code === 'JX3001')?.message.zh).toContain('= 5，');
    expect(r.sections.map((s) => s.score)).toEqual([8.62, 20, 50, 10, 10]);
    expect(r.total).toBe(98.62);
  });
});
