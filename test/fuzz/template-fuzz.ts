// The template fuzzer: mutated valid templates through parse → check → compile →
// evaluate. Nothing may throw, every diagnostic must point inside the text, and a
// mutant that still checks must evaluate identically compiled and interpreted.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { format, parse, type Diagnostic } from '@jixiao/language';
import { checkTemplate, compile, interpret, type CheckedTemplate, type EvalInput } from '@jixiao/compiler';
import { arbTemplate } from '../support/arbitraries.ts';
import { mutate, pieces, prng } from './mutate.ts';

/**
 * Inputs across all template fuzz files: a smoke of a few thousand in the default test
 * run (seconds); `pnpm test:fuzz` (in test:all) runs 100,000 and `pnpm fuzz` a million.
 */
export const TOTAL = Number(process.env['FUZZ_INPUTS'] ?? 4_000);
/**
 * A test's time limit grows with its inputs: a fixed limit that a fast machine meets with
 * room to spare is missed by a slower CI machine (50,000 mutants took 309 s there, 6 ms
 * each). 25 ms an input leaves four times that margin and still stops a hang.
 */
export function timeoutFor(count: number): number {
  return Math.max(120_000, count * 25);
}
/** FUZZ_SEED shifts every seed, so a long run on demand explores new inputs. */
export const SEED = Number(process.env['FUZZ_SEED'] ?? 0);

function bases(seed: number): string[][] {
  const official = ['甘肃/2023/部门整体支出.jx', '全国/2020/项目支出.jx'].map((f) => readFileSync(new URL(`../../rules/${f}`, import.meta.url), 'utf8'));
  const generated = fc.sample(arbTemplate(), { numRuns: 30, seed }).map((t) => format({ kind: 'File', templates: [t], range: t.range }));
  return [...official, ...generated].map(pieces);
}

function located(d: Diagnostic, text: string): void {
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/).length;
  if (!(d.range.start.offset >= 0 && d.range.start.offset <= text.length && d.range.start.line >= 1 && d.range.start.line <= lines && d.message.zh && d.message.en))
    throw new Error(`diagnostic outside the text or without a message: ${JSON.stringify(d)}`);
}

const input: EvalInput = {
  budget: { initialBudget: 100, budget: 100, spent: 93.7 },
  sections: Array.from({ length: 8 }, () => [
    { weight: 4, shape: '>=', target: 10, actual: 7, fraction: null },
    { weight: 3, shape: '<=', target: 5, actual: 6, fraction: null },
    { weight: 2.5, shape: 'qualitative', target: null, actual: null, fraction: 0.7 },
    { weight: 1, shape: '=', target: 0, actual: 0, fraction: null },
  ]),
  deductions: [[2, 7]],
};

export interface FuzzStats {
  inputs: number;
  parsedClean: number;
  checked: number;
  compiled: number;
}

export function fuzzTemplates(seed: number, count: number): FuzzStats {
  const bs = bases(seed);
  const r = prng(seed);
  const stats: FuzzStats = { inputs: 0, parsedClean: 0, checked: 0, compiled: 0 };
  for (let i = 0; i < count; i++) {
    const text = mutate(bs[i % bs.length]!, r);
    stats.inputs++;
    try {
      const p = parse(text);
      p.diagnostics.forEach((d) => located(d, text));
      const t = p.ast.templates[0];
      if (p.diagnostics.length > 0 || !t) continue;
      stats.parsedClean++;
      const c = checkTemplate(t);
      c.diagnostics.forEach((d) => located(d, text));
      if (!c.template) continue;
      stats.checked++;
      // compiling is costly: every 8th checked mutant is compiled and compared
      if (stats.checked % 8 === 0) {
        differential(c.template);
        stats.compiled++;
      }
    } catch (e) {
      throw new Error(`input #${i} (seed ${seed}) failed: ${(e as Error).stack}\n--- input ---\n${text}`);
    }
  }
  return stats;
}

function differential(t: CheckedTemplate): void {
  const a = compile(t)(input);
  const b = interpret(t, input);
  expect(a).toEqual(b);
}

/**
 * One half of the template fuzz budget, as a test: template-1 and template-2 each run one,
 * as files of their own so that vitest runs the halves in parallel.
 */
export function fuzzHalf(part: 1 | 2): void {
  const count = Math.ceil(TOTAL / 2);
  it(
    `survives mutated templates through parse, check, compile and evaluate (part ${part})`,
    () => {
      const stats = fuzzTemplates(101 * part + SEED, count);
      console.log(`template fuzz part ${part}`, JSON.stringify(stats));
      expect(stats.inputs).toBe(count);
      // the mutants must still reach the checker and the compiler, or the fuzz is shallow
      expect(stats.checked).toBeGreaterThan(stats.inputs / 50);
      expect(stats.compiled).toBeGreaterThan(0);
    },
    timeoutFor(count),
  );
}
