// Random weights — negative, huge, 0, many decimals, not numbers at all — never put a
// non-finite number anywhere in a report: not in the total, the sections, the rows, the
// weight sums (JX3001, JX3002) nor any finding's message. A weight the evaluator cannot take
// (outside [0, MAX_WEIGHT = 10,000]) is reported as JX3029 with its value.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '@jixiao/language';
import { checkTemplate } from '@jixiao/compiler';
import { MAX_WEIGHT } from '../../packages/compiler/src/evaluator.ts';
import { importTsv, MAX_ROW_WEIGHT, prepareTemplate, scoreFiling, validWeight, type Filing, type IndicatorRow, type Report } from '@jixiao/engine';
import { cleanFiling } from '../support/filings.ts';

const src = readFileSync(new URL('../../rules/甘肃/2023/部门整体支出.jx', import.meta.url), 'utf8');
const prepared = prepareTemplate(checkTemplate(parse(src).ast.templates[0]!).template!);

/** Every place of a report a number can hide in is a finite number; no text shows NaN or Infinity
 * except inside “quotes”, where a message repeats what the filing wrote. A finding's data cites
 * the filed value as JSON can carry it: a non-finite one by its name ('NaN', 'Infinity'), so the
 * data survive JSON unchanged. */
function assertFinite(r: Report): void {
  const walk = (v: unknown, at: string, data: boolean): void => {
    if (typeof v === 'number') expect(Number.isFinite(v), `${at} = ${v}`).toBe(true);
    else if (typeof v === 'string' && !(data && ['NaN', 'Infinity', '-Infinity'].includes(v))) expect(v.replace(/“[^”]*”/g, ''), at).not.toMatch(/NaN|Infinity/);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`, data));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`, data || k === 'data');
  };
  walk(r, 'report', false);
  for (const f of r.findings) expect(jsonSafe(f.data), `${f.code} data: ${JSON.stringify(f.data)}`).toBe(true);
}

/** Only what JSON carries unchanged (-0 as 0): plain objects, arrays, strings, finite numbers, booleans, null. */
function jsonSafe(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(jsonSafe);
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v).every((x) => x === undefined || jsonSafe(x));
  return false;
}

const weight = fc.oneof(
  fc.constantFrom(0, -0, -5, 1e9, MAX_WEIGHT, MAX_WEIGHT + 0.000001, 1e300, -1e300, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity, null),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.double({ min: 0, max: 100, noNaN: true }), // many decimals
  fc.double(), // anything a double can be
);
const stated = fc.oneof(fc.constant(null), fc.double({ min: 0, max: 100, noNaN: true }), fc.double());

/** The clean 2023 filing with random weights and stated scores; sometimes split into two units. */
const arbFiling = fc
  .tuple(fc.array(fc.tuple(weight, stated), { minLength: 7, maxLength: 7 }), fc.boolean(), fc.double({ min: -1e300, max: 1e300, noNaN: true }))
  .map(([cells, units, statedTotal]) => {
    const f = cleanFiling();
    f.rows = f.rows.map((r, i): IndicatorRow => ({ ...r, weight: cells[i]![0], statedScore: cells[i]![1] }));
    f.statedTotal = statedTotal;
    if (!units) return f;
    const half = (k: number): Filing => ({ budget: f.budget, rows: f.rows.map((r, i) => ({ ...r, weight: cells[(i + k) % 7]![0] })) });
    return {
      year: 2023,
      form: '部门整体支出',
      rows: [],
      units: [
        { name: '一中', funding: 100, filing: half(0) },
        { name: '二中', funding: 300, filing: half(3) },
      ],
    } as Filing;
  });

describe('weights of any value', () => {
  it('the engine’s limit is the evaluator’s', () => {
    expect(MAX_ROW_WEIGHT).toBe(MAX_WEIGHT);
    expect([0, 0.000001, 1e4, 3.3333333].every(validWeight)).toBe(true);
    // 5e-324 would count as 0 in the millionths the weights are summed in
    expect([-5, 1e4 + 1, 5e-324, NaN, Infinity, -Infinity].some(validWeight)).toBe(false);
  });

  it('never produce a non-finite number in the report (filings built in code, with and without units)', () => {
    fc.assert(
      fc.property(arbFiling, (f) => {
        const r = scoreFiling(prepared, f);
        assertFinite(r);
        // a row's invalid weight is always named, with its value, on that row
        if (!f.units)
          for (const row of f.rows)
            if (row.weight !== null && !validWeight(row.weight)) expect(r.findings.some((x) => x.code === 'JX3029' && x.path[x.path.length - 1] === row.level3)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  const cellText = fc.oneof(
    fc.constantFrom('-5', '−5', '－5', '0', '1e9', '1000000000', '1,000,000,000', 'NaN', 'Infinity', '9'.repeat(400), '0.1', '3.3333333333', '', '十分', '—'),
    fc.double({ min: 0, max: 1000, noNaN: true }).map(String),
    fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map(String),
    fc.string({ maxLength: 8 }).filter((s) => !/[\t\n\r"]/.test(s)),
  );

  it('never produce a non-finite number in the report (TSV tables, weights and scores as text)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cellText, cellText), { minLength: 7, maxLength: 7 }), (cells) => {
        const lines = cleanFiling().rows.map((r, i) => [r.level1, r.level2, r.level3, r.target, r.actual, cells[i]![0], cells[i]![1]].join('\t'));
        const text = [
          '部门整体支出绩效自评表 (2023年度)',
          '年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分',
          '100\t100\t100\t10\t100%\t10',
          '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分',
          ...lines,
          '总分\t\t\t\t\t100\t100',
        ].join('\n');
        // a weight cell of 400 digits is a warning (IMP030), not a table that cannot be read
        const imported = importTsv(text);
        expect(imported.filing, JSON.stringify(imported.diagnostics.filter((d) => d.severity === 'error'))).not.toBeNull();
        assertFinite(scoreFiling(prepared, imported.filing!, imported.diagnostics));
      }),
      { numRuns: 300 },
    );
  });

  it('−5 and 1e9 are named with their values; the weight sums leave them out and say so', () => {
    const f = cleanFiling();
    f.rows[0]!.weight = -5; // 部门管理 › 基本支出预算执行率
    f.rows[2]!.weight = 1e9; // 履职效果 › 调研课题
    const r = scoreFiling(prepared, f);
    const zh = (code: string) => r.findings.filter((x) => x.code === code).map((x) => x.message.zh);
    expect(zh('JX3029')).toEqual([
      '“基本支出预算执行率”的分值 -5 无效：分值应在 0 到 10000 之间，该行按 0 分计，分值不计入合计',
      '“调研课题”的分值 1000000000 无效：分值应在 0 到 10000 之间，该行按 0 分计，分值不计入合计',
    ]);
    // 部门管理: 10 (财务管理制度健全性) counted, −5 not; 履职效果: 20 + 10 counted, 1e9 not
    expect(zh('JX3001')).toEqual([
      '一级指标 “部门管理” 下各行分值之和为 10 = 10，应等于分值 20（分值无效、未计入：“基本支出预算执行率” -5）',
      '一级指标 “履职效果” 下各行分值之和为 20 + 10 = 30，应等于分值 50（分值无效、未计入：“调研课题” 1000000000）',
    ]);
    // the rows count 0 for the invalid weights: 10 (budget) + 0 + 10 + 0 + 20 + 10 + 10 + 10 = 70
    expect(zh('JX3002')).toEqual(['全表分值合计 70，不等于总分 100']);
    const bad = r.rows.find((x) => x.path[2] === '调研课题')!;
    expect(bad).toMatchObject({ weight: 0, score: 0, explain: '分值 1000000000 无效，不计分 (invalid weight, not scored)' });
    // no vaguer second finding for the same row, and no stated-score comparison against a weight of 0
    expect(r.findings.filter((x) => x.path[2] === '调研课题').map((x) => x.code)).toEqual(['JX3029']);
  });

  it('TSV: a typeset minus (−5) is a negative weight (JX3029); 400 digits are out of range (IMP030), not an unreadable table', () => {
    const text = [
      '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分',
      '部门管理\t资金投入\t基本支出预算执行率\t≥95%\t98%\t−5\t10',
      `\t财务管理\t财务管理制度健全性\t健全\t健全\t${'9'.repeat(400)}\t10`,
    ].join('\n');
    const imported = importTsv(text);
    expect(imported.filing!.rows.map((r) => r.weight)).toEqual([-5, null]);
    expect(imported.diagnostics.find((d) => d.code === 'IMP030')!.message.zh).toBe('分值 “999999999999999999999999999999999999999…” 超出数值范围，按空值读取');
    const r = scoreFiling(prepared, { ...imported.filing!, year: 2023 }, imported.diagnostics);
    expect(r.findings.find((x) => x.code === 'JX3029')!.message.zh).toContain('“基本支出预算执行率”的分值 -5 无效');
  });

  it('a weight that is not a number at all, from code: named without printing NaN', () => {
    const f = cleanFiling();
    f.rows[1]!.weight = NaN;
    f.rows[3]!.weight = Infinity;
    const r = scoreFiling(prepared, f);
    expect(r.findings.filter((x) => x.code === 'JX3029').map((x) => x.message.zh)).toEqual([
      '“财务管理制度健全性”的分值 非数字 无效：分值应在 0 到 10000 之间，该行按 0 分计，分值不计入合计',
      '“媒体宣传报道数”的分值 无穷大 无效：分值应在 0 到 10000 之间，该行按 0 分计，分值不计入合计',
    ]);
    assertFinite(r);
  });

  it('a stated score that is not a number, on a qualitative row two units aggregate: the tier decides, no NaN% in the explanation', () => {
    // fast-check's counterexample (seed 113376497), shrunk: 一中 files 业务办理便捷程度 (显著, weight 1)
    // with a stated score of NaN. Its completion is then the top tier's 100%, as with no score
    // filed: (100% × 100 + 100% × 300) / 400 = 100%
    const unit = (statedScore: number | null): Filing => {
      const f = cleanFiling();
      const row = f.rows.find((r) => r.level3 === '业务办理便捷程度')!;
      row.statedScore = statedScore;
      return f;
    };
    const f = {
      year: 2023,
      form: '部门整体支出',
      rows: [],
      units: [
        { name: '一中', funding: 100, filing: unit(NaN) },
        { name: '二中', funding: 300, filing: unit(null) },
      ],
    } as unknown as Filing;
    const r = scoreFiling(prepared, f);
    assertFinite(r);
    const row = r.rows.find((x) => x.path[x.path.length - 1] === '业务办理便捷程度')!;
    expect(row.explain).toMatch(/一中 \S+ 100% × 100 \+ 二中 \S+ 100% × 300 → 100%/);
  });
});
