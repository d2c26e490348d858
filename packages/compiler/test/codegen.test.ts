import { describe, expect, it } from 'vitest';
import { checkTemplate, compile, generate, interpret, type CheckedTemplate, type EvalInput } from '../src/index.ts';
import * as B from '../../../test/support/builder.ts';
import { BASE, checkSource } from '../../../test/support/jx.ts';

const row = (weight: number, shape: EvalInput['sections'][number][number]['shape'], target: number | null, actual: number | null, fraction: number | null = null) => ({
  weight,
  shape,
  target,
  actual,
  fraction,
});

function base(): CheckedTemplate {
  const r = checkSource(BASE);
  expect(r.diagnostics).toEqual([]);
  return r.template!;
}

describe('compiled evaluator', () => {
  const t = base();
  const input: EvalInput = {
    budget: { budget: 100, spent: 86.2 },
    sections: [[], [row(4, '>=', 1, 3), row(6, '>=', 10, 3), row(5, 'qualitative', null, null, 0.7), row(5, '<=', 1, 2)], [row(70, '>', 0, 5)]],
    deductions: [[3, 7, 1]],
  };

  it('scores rows, sections, deductions, total and grade', () => {
    const out = compile(t)(input);
    expect(out.rows[1]!.map((r) => [r.score, r.status, r.rule])).toEqual([
      [4, 'ok', 0],
      [1.8, 'ok', 0],
      [3.5, 'ok', 1],
      [0, 'no-rule', -1],
    ]);
    expect(out.rows[2]![0]).toMatchObject({ status: 'div-by-zero', score: 0 });
    expect(out.sections.map((s) => s.score)).toEqual([8.62, 9.3, 0]);
    expect(out.sections[1]).toMatchObject({ weightSum: 20, weightMismatch: false });
    expect(out.sections[2]).toMatchObject({ weightSum: 70, weightMismatch: false });
    expect(out.sum).toBe(17.92);
    expect(out.deductions).toEqual([{ applied: 9, capped: true, invalidItems: 0 }]);
    expect(out.total).toBe(8.92);
    expect(out.grade).toBe(3);
    expect(out.rows[1]![0]!.explain).toBeUndefined();
    expect(interpret(t, input)).toEqual(out);
  });

  it('explains each row from a trace, and the interpreter agrees', () => {
    const out = compile(t, { explain: true })(input);
    expect(out.rows[1]![0]!.explain).toBe('正向: 实际 3 ≥ 目标 1 → 4 × min(3 / 1, 1) = 4');
    expect(out.rows[1]![1]!.explain).toBe('正向: 实际 3 < 目标 10 → 6 × min(3 / 10, 1) = 1.8');
    expect(out.sections[0]!.explain).toBe('预算执行率: 10 × min(86.2 / 100, 1) = 8.62');
    expect(out.rows[2]![0]!.explain).toContain('除数为 0');
    expect(interpret(t, input, { explain: true })).toEqual(out);
  });

  it('compares to 12 significant digits, so decimal arithmetic lands on its boundaries', () => {
    // |0.33 − 0.3| is 0.030000000000000027 in binary, above 0.3 × 10% = 0.030000000000000002
    expect(Math.abs(0.33 - 0.3) <= 0.3 * 0.1).toBe(false);
    const src = BASE.replace(
      '规则 定性 适用 定性 { 得分 = 权重 * 完成比例 }',
      '规则 定性 适用 定性 { 得分 = 权重 * 完成比例 }\n  规则 成本 适用 <= { 得分 = 如果 max(实际 - 目标, 目标 - 实际) <= 目标 * 10% 则 权重 否则 如果 实际 - 目标 = 0.03 则 权重 * 60% 否则 0 分 }',
    );
    const t2 = checkSource(src).template!;
    const inp: EvalInput = {
      budget: { budget: 1, spent: 1 },
      sections: [[], [row(5, '<=', 0.3, 0.33), row(5, '<=', 0.3, 0.3301), row(5, '<=', 0.3, 0.27), row(5, '<=', 1, 1.1)], []],
    };
    const out = compile(t2)(inp);
    // exactly 10% over, 10.03% over (out), exactly 10% under, 1.1 against 1 (0.10000000000000009)
    expect(out.rows[1]!.map((r) => r.score)).toEqual([5, 0, 5, 5]);
    expect(interpret(t2, inp)).toEqual(out);
  });

  it('explains the branch an if took', () => {
    const src = BASE.replace(
      '规则 定性 适用 定性 { 得分 = 权重 * 完成比例 }',
      '规则 定性 适用 定性 { 得分 = 权重 * 完成比例 }\n  规则 反向 适用 <= { 得分 = 如果 实际 <= 目标 则 权重 否则 权重 * min(目标 / 实际, 1) }',
    );
    const t2 = checkSource(src).template!;
    const inp: EvalInput = { budget: { budget: 1, spent: 1 }, sections: [[], [row(5, '<=', 2, 4), row(5, '<=', 2, 1)], []] };
    const out = compile(t2, { explain: true })(inp);
    expect(out.rows[1]![0]!.explain).toBe('反向: 实际 4 > 目标 2 → 5 × min(2 / 4, 1) = 2.5');
    expect(out.rows[1]![1]!.explain).toBe('反向: 实际 1 ≤ 目标 2 → 5 = 5');
    expect(interpret(t2, inp, { explain: true })).toEqual(out);
  });

  it('rejects inputs outside their domain instead of scoring them', () => {
    const out = compile(t)({ budget: { budget: null, spent: 5 }, sections: [[], [row(5, '>=', 1, -3), row(5, 'qualitative', null, null, 5), row(-1, '>=', 1, 1)], []] });
    expect(out.rows[1]!.map((r) => r.status)).toEqual(['invalid-input', 'invalid-input', 'invalid-input']);
    expect(out.sections[0]!.status).toBe('invalid-input');
    expect(out.sections[1]!.weightMismatch).toBe(true);
  });

  it('places rows by path and marks the rest unplaced', () => {
    const out = compile(t)({ budget: { budget: 1, spent: 1 }, sections: [[row(1, '>=', 1, 1)], [{ ...row(20, '>=', 1, 1), path: [0] }], [], [row(1, '>=', 1, 1)]] });
    expect(out.rows.map((rs) => rs.map((r) => r.status))).toEqual([['unplaced'], ['unplaced'], [], ['unplaced']]);
  });

  it('no float drift in sums: ten rows of 0.1', () => {
    const rows = Array.from({ length: 10 }, () => row(0.1, 'qualitative', null, null, 1));
    const out = compile(t)({ budget: { budget: 1, spent: 1 }, sections: [[], rows, []] });
    // Σ 0.1 × 10 is exactly 1, so the 20-point section is scaled by exactly 20 / 1
    expect(out.sections[1]).toMatchObject({ score: 20, weightSum: 1, weightMismatch: true });
    const full = Array.from({ length: 200 }, () => row(0.1, 'qualitative', null, null, 1));
    expect(compile(t)({ budget: { budget: 1, spent: 1 }, sections: [[], full, []] }).sections[1]).toMatchObject({ score: 20, weightSum: 20, weightMismatch: false });
  });

  it('treats an absurd weight (1e308, found by the importer fuzzer) as an input outside the domain, never NaN', () => {
    const rows = [row(1e308, '>=', 5, 7), row(10, '>=', 1, 1)];
    for (const ev of [compile(t), (x: EvalInput) => interpret(t, x)]) {
      const out = ev({ budget: { budget: 1, spent: 1 }, sections: [[], rows, []] });
      expect(out.rows[1]![0]).toMatchObject({ status: 'invalid-input', score: 0 });
      expect(Number.isFinite(out.total)).toBe(true);
      expect(out.sections[1]!.score).toBeLessThanOrEqual(20);
    }
  });

  it('scores a 单位填报 section whose weights miss its cap in proportion, never above the cap', () => {
    // rows weigh 40 against a cap of 20 and score 38: 38 × 20 / 40 = 19
    const rows = [row(10, '>=', 1, 1), row(10, '>=', 1, 1), row(10, '>=', 1, 1), row(10, '>=', 10, 8)];
    for (const ev of [compile(t, { explain: true }), (x: EvalInput) => interpret(t, x, { explain: true })]) {
      const out = ev({ budget: { budget: 1, spent: 1 }, sections: [[], rows, []] });
      expect(out.sections[1]).toMatchObject({ score: 19, weightSum: 40, weightMismatch: true });
      expect(out.sections[1]!.explain).toContain('38 ÷ 40 × 20 = 19');
    }
  });
});

describe('codegen never splices user text', () => {
  const evil = ['"); process.exit(1); ("', '${globalThis.x=1}', 'a\u2028b', '*/ globalThis.y = 1; /*', '__proto__', 'constructor', "'; globalThis.z = 1; '", '`${globalThis.w=1}`'];

  function evilTemplate() {
    const sections = evil.map((n, i) => B.section(1, n, i === 0 ? 100 - (evil.length - 1) * 10 : 10, { filled: true, aliases: [`别名${i}`] }));
    return B.template([
      B.total(100),
      B.rounding(2),
      B.grades(B.band(evil[0]!, '>=', 60), B.band(evil[5]!)),
      B.standardTiers(),
      B.rule(evil[0]!, ['>=', '>'], B.positive()),
      B.rule(evil[4]!, ['qualitative'], B.qualitative()),
      B.rule(evil[5]!, ['<=', '<'], B.iff(B.cmp('<=', B.v('实际'), B.v('目标')), B.W(), B.num(0))),
      ...sections,
      B.deduction(evil[3]!, 10, 0, 5),
    ]);
  }

  it('compiles and evaluates hostile names as ordinary data', () => {
    const r = checkTemplate(evilTemplate());
    expect(r.diagnostics).toEqual([]);
    const t = r.template!;
    expect(t.sections.map((s) => s.name)).toEqual(evil);
    for (const explain of [false, true]) {
      const { source } = generate(t, { explain });
      for (const n of evil) if (n.length > 3) expect(source).not.toContain(n);
      expect(source).not.toContain('\u2028');
      const inputText = `{"budget": {"budget": 1, "spent": 1}, "sections": [[{"weight": 30, "shape": ">=", "target": 2, "actual": 1, "fraction": null, "__proto__": {"polluted": 1}}], [{"weight": 10, "shape": "qualitative", "target": null, "actual": null, "fraction": 1, "constructor": {"prototype": {"polluted": 1}}}], [{"weight": 10, "shape": "__proto__", "target": 1, "actual": 1, "fraction": null}], [{"weight": 10, "shape": "constructor", "target": 1, "actual": 1, "fraction": null}]], "deductions": [[1]]}`;
      const input = JSON.parse(inputText) as EvalInput;
      const out = compile(t, { explain })(input);
      expect(out.rows[0]![0]).toMatchObject({ score: 15, status: 'ok', rule: 0 });
      expect(out.rows[1]![0]).toMatchObject({ score: 10, status: 'ok', rule: 1 });
      expect(out.rows[2]![0]!.status).toBe('no-rule');
      expect(out.rows[3]![0]!.status).toBe('no-rule');
      expect(out.total).toBe(24);
      expect(out.grade).toBe(1);
      if (explain) expect(out.rows[0]![0]!.explain).toContain(evil[0]);
      expect(interpret(t, input, { explain })).toEqual(out);
    }
    const g = globalThis as Record<string, unknown>;
    expect(g.x).toBeUndefined();
    expect(g.y).toBeUndefined();
    expect(g.z).toBeUndefined();
    expect(g.w).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('refuses to emit a non-finite number from the template', () => {
    const t = checkTemplate(evilTemplate()).template!;
    const broken = { ...t, rules: [{ ...t.rules[0]!, formula: { op: 'num' as const, value: Number.NaN, text: 'NaN', unit: 'number' as const } }] };
    expect(() => generate(broken)).toThrow(/not a number/);
  });
});
