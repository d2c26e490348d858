// A row scored by a chain of cases is explained by the case that decided it, where the row's
// own comparison (实际 ≠ 目标) does not say it: 江西's cost band and satisfaction grades. The
// compiled evaluator and the reference interpreter word it the same.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSource, interpret, type EvalInput, type LoadParent } from '@jixiao/compiler';
import { prepareTemplate, scoreFiling, type Filing } from '../../src/index.ts';

const read = (p: string) => readFileSync(new URL(`../../../../${p}`, import.meta.url), 'utf8');
const file = 'rules/江西/2017/项目支出.jx';
const checked = checkSource({ file, text: read(file), region: '江西' }, (() => null) as LoadParent).template!;
const prepared = prepareTemplate(checked);
const filing = JSON.parse(read('rules/江西/2017/examples/示例.json')) as Filing;

describe('the case that decided a row', () => {
  const report = scoreFiling(prepared, filing);
  const explain = (name: string) => report.rows.find((r) => r.path[r.path.length - 1] === name)!.explain;

  it('names the band of a cost row and the grade of a satisfaction row, with the row’s values', () => {
    // 工程总成本: 目标 300, 实际 336; |336 − 300| = 36 > 30 (10%) but ≤ 45 (15%) → 5 × 60% = 3
    expect(explain('工程总成本')).toBe('成本控制: 实际 336 ≠ 目标 300；max(336 - 300, 300 - 336) ≤ 300 × 15% → 5 × 60% = 3');
    // 受益群众满意度 87: below 90, at least 85 → 10 − 1 = 9
    expect(explain('受益群众满意度')).toBe('满意度: 实际 87 < 目标 90；87 ≥ 85 → max(0, 10 - 1) = 9');
  });

  it('leaves it out where the row’s comparison is the case (正向, 反向)', () => {
    expect(explain('供水单位成本')).not.toContain('；');
  });

  it('the reference interpreter words it the same', () => {
    // the evaluator's own input, caught on its way in
    const inputs: EvalInput[] = [];
    const spy = {
      ...prepared,
      evaluate: (i: EvalInput) => {
        inputs.push(i);
        return prepared.evaluate(i);
      },
    };
    const compiled = scoreFiling(spy, filing);
    expect(inputs).toHaveLength(1);
    const reference = interpret(checked, inputs[0]!, { explain: true })
      .rows.flat()
      .map((r) => r.explain);
    for (const name of ['工程总成本', '受益群众满意度']) {
      const text = compiled.rows.find((r) => r.path[r.path.length - 1] === name)!.explain;
      expect(text).toContain('；');
      expect(reference).toContain(text);
    }
  });
});
