// The checked template: plain data, produced by `checkTemplate` only when there
// are no errors. Everything downstream (codegen, interpreter, engine, playground)
// reads this, never the AST.

import type { Range, TargetShape } from '@jixiao/language';
import type { Proof } from './prove.ts';
import type { IrExpr } from './ir.ts';
import type { RoundingMode } from './round.ts';
import type { VarId } from './vars.ts';

/** A number the author wrote, with its exact decimal spelling (canonical, no trailing zeros). */
export interface Exact {
  value: number;
  text: string;
}

/** A grade band as an interval of the total; bands are tried in order. */
export interface GradeBand {
  name: string;
  lo: number;
  loClosed: boolean;
  hi: number;
  hiClosed: boolean;
}

/**
 * A qualitative tier as fractions of the weight: [lo, hi); the fraction 1 belongs to the
 * top range, or to a one-point tier `完成 100%` (lo = hi = 1) when the template has one.
 */
export interface TierModel {
  name: string;
  aliases: string[];
  lo: Exact;
  hi: Exact;
  /** whether the fraction 1 (full marks) is in this tier */
  includesOne: boolean;
}

export interface RuleModel {
  index: number;
  name: string;
  shapes: TargetShape[];
  /** inputs this rule accepts below zero (`允许负数`); the others must be ≥ 0 at run time */
  negatives: VarId[];
  formula: IrExpr;
  /** the formula as text, `权重 * min(实际 / 目标, 1)` */
  text: string;
  range: Range;
}

export type SectionKind =
  /** its own formula (`得分 = 分值 * min(执行数 / 预算数, 1)`) over the budget */
  | 'formula'
  /** fixed child indicators; its score is their sum */
  | 'fixed'
  /** rows filled in by each unit; their weights must sum to the section's */
  | 'filled'
  /** a single indicator row with the template's weight, scored by a rule */
  | 'leaf';

export interface SectionModel {
  /** preorder index over the whole tree; evaluator outputs are indexed by it */
  id: number;
  name: string;
  aliases: string[];
  level: 1 | 2 | 3;
  weight: Exact;
  kind: SectionKind;
  formula: IrExpr | null;
  formulaText: string | null;
  /** the pinned rule (index into `rules`), inherited from the nearest ancestor that pins one */
  pinnedRule: number | null;
  filledByUnit: boolean;
  children: SectionModel[];
  /** alternatives of one `择一` group share a number (unique in the template); null otherwise */
  choice: number | null;
  range: Range;
  /** earlier names (oldest first) from `重命名` in the templates this one extends */
  renamedFrom?: string[];
}

export interface DeductionModel {
  name: string;
  perItemMax: Exact | null;
  totalMax: Exact;
  floor: Exact;
}

export interface AggregationModel {
  what: 'absolute' | 'relative' | 'qualitative';
  how: 'sum' | 'funding-weighted' | 'mean';
}

export interface CheckedTemplate {
  form: string;
  year: number;
  /** the jurisdiction (地区) the template belongs to, from where it is kept; null when unknown */
  region: string | null;
  extendsYear: number | null;
  titles: string[];
  total: Exact;
  decimals: number;
  rounding: RoundingMode;
  grades: GradeBand[];
  tiers: TierModel[];
  rules: RuleModel[];
  /** level-1 sections in order, each a tree */
  sections: SectionModel[];
  /** number of sections in the whole tree (ids are 0 … sectionCount-1) */
  sectionCount: number;
  deductions: DeductionModel[];
  aggregation: AggregationModel[];
  /** `不适用 …`: how rows marked not applicable are left out; null when the template does not say */
  notApplicable: 'total' | 'section' | 'none' | null;
  /** `输入 …`: figures the filing carries outside the table, read by formulas (index = position) */
  inputs: { name: string; unit: string | null }[];
  /** the row groups `占比(组, …)` reads, by level-2 name (index = position) */
  rowSets: { name: string }[];
  /** every bound proven by the checker */
  proofs: Proof[];
}

/** All sections in preorder (index = id). */
export function flattenSections(t: Pick<CheckedTemplate, 'sections'>): SectionModel[] {
  const out: SectionModel[] = [];
  const walk = (s: SectionModel) => {
    out.push(s);
    s.children.forEach(walk);
  };
  t.sections.forEach(walk);
  return out;
}
