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

/** A qualitative tier as fractions of the weight: [lo, hi), the top tier closed at 1. */
export interface TierModel {
  name: string;
  aliases: string[];
  lo: Exact;
  hi: Exact;
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
