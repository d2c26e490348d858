// What every engine must agree on before anything is timed: each row's score, each
// level-1 section's score, the total and the grade.
import { roundScore, type EvalInput, type EvalOutput } from '@jixiao/compiler';

export interface Scores {
  rows: number[][];
  sections: number[];
  total: number;
  grade: number;
}

export function scoresOf(o: EvalOutput, sectionCount = 5): Scores {
  return { rows: o.rows.map((rs) => rs.map((r) => r.score)), sections: o.sections.slice(0, sectionCount).map((s) => s.score), total: o.total, grade: o.grade };
}

/** The first difference between two results, or null when they agree exactly. */
export function diffScores(a: Scores, b: Scores): string | null {
  if (a.total !== b.total) return `total ${a.total} ≠ ${b.total}`;
  if (a.grade !== b.grade) return `grade ${a.grade} ≠ ${b.grade}`;
  for (let s = 0; s < Math.max(a.sections.length, b.sections.length); s++) if (a.sections[s] !== b.sections[s]) return `section ${s}: ${a.sections[s]} ≠ ${b.sections[s]}`;
  for (let s = 0; s < Math.max(a.rows.length, b.rows.length); s++) {
    const x = a.rows[s] ?? [];
    const y = b.rows[s] ?? [];
    if (x.length !== y.length) return `section ${s}: ${x.length} rows ≠ ${y.length}`;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return `section ${s} row ${j}: ${x[j]} ≠ ${y[j]}`;
  }
  return null;
}

/** Half-up to 2 decimals on the decimal a double stands for (what a careful user of a peer engine writes). */
export function round2(x: number): number {
  const y = x * 100;
  if (y >= 0 && y < 1e9) {
    const f = Math.floor(y);
    const d = y - f;
    if (d < 0.49999 || d > 0.50001) return (d > 0.5 ? f + 1 : f) / 100;
  }
  return roundScore(x, 2, 'half-up');
}

/**
 * Sections, deductions, total and grade of the 2023 template from row scores, in
 * cents (for the peers whose rule language stops at the row). Caps: 20, 50, 10, 10.
 */
export function aggregate2023(input: EvalInput, rowScores: number[][], budgetScore: number, grade: (total: number) => number): Scores {
  const caps = [10, 20, 50, 10, 10];
  const sections = [budgetScore];
  let sum = Math.round(budgetScore * 100);
  for (let s = 1; s < 5; s++) {
    let cents = 0;
    let micro = 0;
    const rs = rowScores[s] ?? [];
    for (let j = 0; j < rs.length; j++) {
      cents += Math.round(rs[j]! * 100);
      micro += Math.round(input.sections[s]![j]!.weight * 1e6);
    }
    if (micro > 0 && micro !== caps[s]! * 1e6) cents = Math.round(round2(((cents / 100) * caps[s]! * 1e6) / micro) * 100);
    sections.push(cents / 100);
    sum += cents;
  }
  let claimed = 0;
  for (const x of input.deductions?.[0] ?? []) claimed += Math.min(Math.round(round2(x) * 100), 500);
  claimed = Math.min(claimed, 1000);
  const total = Math.max(sum - claimed, Math.min(sum, 0)) / 100 + 0;
  return { rows: rowScores, sections, total, grade: grade(total) };
}
