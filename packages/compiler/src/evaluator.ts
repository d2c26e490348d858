// The evaluator's input and output, shared by the generated code and the
// reference interpreter. Every collection is an array indexed by position in
// the checked template; no filing text is ever used as an object key.

import type { TargetShape } from '@jixiao/language';

export type { TargetShape };

/** One indicator row of a filing, already parsed by the engine. */
export interface RowInput {
  /**
   * Where the row sits below its level-1 section: child indices (`[0]` = the
   * first 二级指标, `[0, 2]` = its third 三级指标). Omitted or `[]` = the level-1
   * section itself. The target must be a 单位填报 section or a fixed leaf indicator.
   */
  path?: readonly number[];
  /** the row's 分值 (ignored for fixed leaf indicators, which use the template's) */
  weight: number;
  /** the shape of the target value (`>= 10` → '>='); null when unknown */
  shape: TargetShape | null;
  /** marked 不适用 in the filing ("/", "—", 不适用 in its cells) */
  notApplicable?: boolean;
  target: number | null;
  actual: number | null;
  /** completion fraction of a qualitative row, 0..1 (from its tier) */
  fraction: number | null;
}

export interface EvalInput {
  budget: { initialBudget?: number | null; budget: number | null; spent: number | null };
  /** rows per level-1 section, parallel to `CheckedTemplate.sections` */
  sections: readonly (readonly RowInput[])[];
  /** deduction item amounts (分) per deduction declaration, parallel to `CheckedTemplate.deductions` */
  deductions?: readonly (readonly number[])[];
  /** values of the declared inputs (`输入 …`), parallel to `CheckedTemplate.inputs`; null when missing */
  inputs?: readonly (number | null)[];
  /** the rows of each row set (`占比(组, …)`), parallel to `CheckedTemplate.rowSets` */
  rowSets?: readonly (readonly { actual: number | null; target: number | null }[])[];
  /**
   * by section id: the filing's row of an indicator with its own formula (its 实际/目标), when
   * the filing names it; an alternative of a `择一` group counts only when filed
   */
  formulaRows?: readonly ({ actual: number | null; target: number | null } | null | undefined)[];
}

/**
 * - ok: scored
 * - div-by-zero: the formula divided by zero; the row cannot be scored (0 分 and a finding)
 * - no-rule: no pinned rule and no rule applies to the target's shape (0 分)
 * - invalid-input: an input the formula reads is missing or outside its domain
 *   (实际/目标/预算 ≥ 0, 完成比例 in [0, 1], 分值 ≥ 0), or the result overflowed (0 分)
 * - unplaced: the row's path does not lead to a 单位填报 section or a free fixed
 *   leaf indicator (0 分, not counted)
 * - not-applicable: the row is marked 不适用 (0 分; the template's 不适用 says what its
 *   weight does)
 */
export type RowStatus = 'ok' | 'div-by-zero' | 'no-rule' | 'invalid-input' | 'unplaced' | 'not-applicable';

export interface RowResult {
  /** section id (preorder index in the template) the row was counted in, -1 when unplaced */
  section: number;
  /** rule index, -1 when none */
  rule: number;
  status: RowStatus;
  /** the weight used */
  weight: number;
  score: number;
  /** one-line derivation, only with `{ explain: true }` */
  explain?: string;
}

export interface SectionResult {
  score: number;
  /** for formula sections: how the formula went; 'ok' otherwise */
  status: 'ok' | 'div-by-zero' | 'invalid-input';
  /** 单位填报 sections: the sum of the rows' weights (exact to 1e-6); null otherwise */
  weightSum: number | null;
  /** 单位填报 sections whose row weights do not add up to the section's weight */
  weightMismatch: boolean;
  explain?: string;
}

export interface DeductionResult {
  /** points actually taken off the total (after the caps and the floor) */
  applied: number;
  /** whether a per-item or total maximum cut the claimed amount */
  capped: boolean;
  /** items that were not non-negative finite numbers (ignored) */
  invalidItems: number;
}

export interface EvalOutput {
  /** parallel to `input.sections` */
  rows: RowResult[][];
  /** indexed by section id (preorder over the whole tree) */
  sections: SectionResult[];
  /** Σ level-1 sections (rescaled under 不适用 按总分折算), before deductions */
  sum: number;
  deductions: DeductionResult[];
  total: number;
  /** index into `CheckedTemplate.grades`, -1 when no band matches */
  grade: number;
}

export type Evaluator = (input: EvalInput) => EvalOutput;

/** Weights are summed exactly in millionths. */
export const WEIGHT_SCALE = 1e6;

/**
 * The largest weight (and deduction) a row may carry, 10,000 points (a total is 100).
 * 10^5 rows of it sum to 10^15 µ, below 2^53: every sum of scores and weights is an
 * exact integer. A larger one is an input outside the domain ('invalid-input'), never NaN.
 */
export const MAX_WEIGHT = 1e4;
