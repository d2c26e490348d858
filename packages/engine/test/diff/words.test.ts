// A formula change in words: the 2024 draft's rule changes as a policy officer reads them,
// case by case, instead of two formulas side by side.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSource } from '@jixiao/compiler';
import { diffTemplates } from '../../src/diff/diff.ts';

const read = (p: string) => readFileSync(fileURLToPath(new URL(`../../../../${p}`, import.meta.url)), 'utf8');
const F2023 = 'rules/甘肃/2023/部门整体支出.jx';
const F2024 = 'rules/甘肃/2024/部门整体支出.jx';
const load = (_form: string, year: number) => (year === 2023 ? { file: F2023, text: read(F2023), region: '甘肃' } : null);
const t2023 = checkSource({ file: F2023, text: read(F2023), region: '甘肃' }, load).template!;
const t2024 = checkSource({ file: F2024, text: read(F2024), region: '甘肃' }, load).template!;
const details = (a = t2023, b = t2024) =>
  Object.fromEntries(
    diffTemplates(a, b)
      .changes.filter((c) => c.details)
      .map((c) => [c.path.join('›'), c.details!.map((d) => d.zh)]),
  );

describe('rule changes in words', () => {
  it('says what each changed rule now does differently, case by case', () => {
    expect(details()).toEqual({
      // 2023: 如果 目标 = 0 则 (…) 否则 权重 * min(实际 / 目标, 1); 2024 adds the met case before the ratio
      等于: ['新增情形：实际 ≥ 目标 时，得满分'],
      反向: [
        '新增情形：目标 < 0 时，按 实际 ÷ 目标 的比例给分（0 到满分之间）',
        '新增情形：实际 ≥ 2 × 目标 时，得 0 分',
        '改变：其余情形，由 按 实际 ÷ 目标 的比例给分（0 到满分之间） 改为 按 1 - (实际 - 目标) ÷ 目标 的比例给分（0 到满分之间）',
        '删除情形：目标 ≥ 0 时，按 目标 ÷ 实际 的比例给分（最多满分）',
      ],
      严格反向: [
        '新增情形：实际 ≥ 2 × 目标 时，得 0 分',
        '改变：其余情形，由 得 0 分 改为 按 1 - (实际 - 目标) ÷ 目标 的比例给分（0 到满分之间）',
        '删除情形：目标 > 0 时，按 目标 ÷ 实际 的比例给分（最多满分）',
      ],
    });
  });

  it('reads the other way round as the reverse change, and in English', () => {
    expect(details(t2024, t2023)['等于']).toEqual(['删除情形：实际 ≥ 目标 时，得满分']);
    const en = diffTemplates(t2023, t2024)
      .changes.find((c) => c.path[0] === '等于')!
      .details!.map((d) => d.en);
    expect(en).toEqual(['new case: when “实际 ≥ 目标”, the full weight']);
  });

  it('names a nested 否则 as the rest of its case, not as the case', () => {
    // 等于's 目标 = 0 case: 实际 ≤ 0 gives the weight, the rest of 目标 = 0 gives 0
    const zero = read(F2023).replace('则 (如果 实际 <= 0 则 权重 否则 0 分)', '则 (如果 实际 <= 0 则 权重 否则 权重 * 0.5)');
    expect(zero).not.toBe(read(F2023));
    const t = checkSource({ file: F2023, text: zero, region: '甘肃' }, load).template!;
    expect(details(t2023, t)['等于']).toEqual(['改变：目标 = 0 的其余情形，由 得 0 分 改为 得 权重 × 0.5']);
  });
});

describe('impact in English', () => {
  it('says a section scaled to its new cap in English, not in the compiler’s Chinese', async () => {
    const { explainEn } = await import('../../src/impact/impact.ts');
    // 部门管理's rows weigh 40 (the seed), its 2024 cap is 15: scaled 40 ÷ 40 × 15 = 15
    expect(explainEn('部门管理: 各行分值合计 40 ≠ 分值 15，按比例折算 40 ÷ 40 × 15 = 15')).toBe(
      `“部门管理”: its rows' weights sum to 40, not its cap 15, so it is scaled: 40 ÷ 40 × 15 = 15`,
    );
    expect(explainEn('预算执行率: 10 × min(58 / 58, 1) = 10')).toBe('“预算执行率: 10 × min(58 / 58, 1) = 10”');
  });
});
