// The 2023 template as a GoRules JSON Decision Model (JDM), as its users would draw
// it: a decision table scores each row (loop over `rows`, first hit), an expression
// node sums the sections, scales mis-added weights, applies the deductions, and a
// second decision table gives the grade. Evaluated by @gorules/zen-engine (Rust, native).
import { ZenEngine } from '@gorules/zen-engine';
import type { EvalInput } from '@jixiao/compiler';
import type { Scores } from './common.ts';

const P = { x: 0, y: 0 };
const CAPS = [10, 20, 50, 10, 10];

type Cell = string;
function table(id: string, name: string, inputs: string[], outputs: string[], rows: Cell[][], loop?: { inputField: string; outputPath: string }) {
  return {
    id,
    type: 'decisionTableNode',
    name,
    position: P,
    content: {
      hitPolicy: 'first',
      passThrough: true,
      executionMode: loop ? 'loop' : 'single',
      inputField: loop?.inputField ?? null,
      outputPath: loop?.outputPath ?? null,
      inputs: inputs.map((field, i) => ({ id: `${id}i${i}`, name: field, field })),
      outputs: outputs.map((field, i) => ({ id: `${id}o${i}`, name: field, field })),
      rules: rows.map((cells, r) => {
        const o: Record<string, string> = { _id: `${id}r${r}` };
        inputs.forEach((_, i) => (o[`${id}i${i}`] = cells[i] ?? ''));
        outputs.forEach((_, i) => (o[`${id}o${i}`] = cells[inputs.length + i] ?? ''));
        return o;
      }),
    },
  };
}

export function jdm2023(): object {
  // columns: shape | target | actual  →  score | sec
  const rowTable = table(
    'rows',
    '行计分',
    ['shape', 'target', 'actual'],
    ['score', 'sec'],
    [
      ['">="', '', '>= target', 'round(weight, 2)', 'sec'],
      ['">="', '> 0', '< target', 'round(weight * actual / target, 2)', 'sec'],
      ['">="', '', '', '0', 'sec'],
      ['">"', '', '> target', 'round(weight, 2)', 'sec'],
      ['">"', '> 0', '', 'round(weight * actual / target, 2)', 'sec'],
      ['">"', '', '', '0', 'sec'],
      ['"<="', '', '<= target', 'round(weight, 2)', 'sec'],
      ['"<="', '', '> target', 'round(weight * target / actual, 2)', 'sec'],
      ['"<"', '', '< target', 'round(weight, 2)', 'sec'],
      ['"<"', '', '> 0', 'round(weight * target / actual, 2)', 'sec'],
      ['"<"', '', '', '0', 'sec'],
      ['"="', '0', '<= 0', 'round(weight, 2)', 'sec'],
      ['"="', '0', '', '0', 'sec'],
      ['"="', '> 0', '>= target', 'round(weight, 2)', 'sec'],
      ['"="', '> 0', '< target', 'round(weight * actual / target, 2)', 'sec'],
      ['"qualitative"', '', '', 'round(weight * fraction, 2)', 'sec'],
      ['"deadline"', '', '<= target', 'round(weight, 2)', 'sec'],
      ['', '', '', '0', 'sec'],
    ],
    { inputField: 'rows', outputPath: 'scored' },
  );
  const exprs: [string, string][] = [];
  for (let s = 1; s < 5; s++) {
    exprs.push([`raw${s}`, `sum(map(filter(scored, #.sec == ${s}), #.score))`]);
    exprs.push([`ws${s}`, `sum(map(filter(rows, #.sec == ${s}), #.weight))`]);
    exprs.push([`s${s}`, `$.ws${s} == ${CAPS[s]} or $.ws${s} == 0 ? $.raw${s} : round($.raw${s} * ${CAPS[s]} / $.ws${s}, 2)`]);
  }
  exprs.push(['s0', 'budget > 0 ? round(10 * min([spent / budget, 1]), 2) : 0']);
  exprs.push(['ded', 'min([sum(map(deductions, min([round(#, 2), 5]))), 10])']);
  exprs.push(['sum', '$.s0 + $.s1 + $.s2 + $.s3 + $.s4']);
  exprs.push(['total', 'max([$.sum - $.ded, min([$.sum, 0])])']);
  const sums = {
    id: 'sum',
    type: 'expressionNode',
    name: '汇总',
    position: P,
    content: { passThrough: true, inputField: null, outputPath: null, executionMode: 'single', expressions: exprs.map(([key, value], i) => ({ id: `e${i}`, key, value })) },
  };
  const grades = table(
    'grade',
    '等级',
    ['total'],
    ['grade'],
    [
      ['>= 90', '0'],
      ['>= 80', '1'],
      ['>= 60', '2'],
      ['', '3'],
    ],
  );
  const nodes = [{ id: 'in', type: 'inputNode', name: '填报', position: P }, rowTable, sums, grades, { id: 'out', type: 'outputNode', name: '结果', position: P }];
  const chain = ['in', 'rows', 'sum', 'grade', 'out'];
  const edges = chain.slice(1).map((to, i) => ({ id: `edge${i}`, sourceId: chain[i]!, targetId: to, type: 'edge' }));
  return { nodes, edges };
}

interface ZenOut {
  scored: { score: number; sec: number }[];
  s0: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  total: number;
  grade: number;
}

export function makeZen(): { evaluate: (input: EvalInput) => Promise<Scores>; dispose: () => void } {
  const engine = new ZenEngine();
  const decision = engine.createDecision(jdm2023() as never);
  const evaluate = async (input: EvalInput): Promise<Scores> => {
    const rows: object[] = [];
    for (let s = 1; s < input.sections.length; s++)
      for (const r of input.sections[s]!) rows.push({ sec: s, shape: r.shape, weight: r.weight, target: r.target, actual: r.actual, fraction: r.fraction });
    const { result } = (await decision.evaluate({ budget: input.budget.budget, spent: input.budget.spent, deductions: input.deductions?.[0] ?? [], rows })) as { result: ZenOut };
    const rowScores: number[][] = input.sections.map(() => []);
    for (const x of result.scored) rowScores[x.sec]!.push(x.score);
    return { rows: rowScores, sections: [result.s0, result.s1, result.s2, result.s3, result.s4], total: result.total, grade: result.grade };
  };
  return { evaluate, dispose: () => engine.dispose() };
}
