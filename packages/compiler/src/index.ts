// @jixiao/compiler — checker, bounds proof, IR, codegen and reference interpreter.

export { checkTemplate, type CheckResult } from './check.ts';
export {
  resolveTemplate,
  checkSource,
  withFile,
  type LoadParent,
  type TemplateSource,
  type ResolveResult,
  type CheckSourceResult,
} from './resolve.ts';
export { CODES, type CodeKey, type Subject, type InvalidValue } from './codes.ts';
export {
  NATIONAL,
  candidatesFor,
  chooseEntry,
  defaultEntry,
  inForce,
  libraryParentLoader,
  normaliseForm,
  normaliseRegion,
  parentRegion,
  regionChain,
  regionIn,
  regionOfFiling,
  regionsOf,
  resolveFor,
  type ChoiceProblem,
  type EntryChoice,
  type EntryChoiceResult,
  type FilingHeader,
  type LibraryEntry,
  type Resolution,
} from './library.ts';
export { placeIn } from './places.ts';
export type { Proof } from './prove.ts';
export type {
  CheckedTemplate,
  Exact,
  GradeBand,
  TierModel,
  RuleModel,
  SectionModel,
  SectionKind,
  DeductionModel,
  AggregationModel,
} from './model.ts';
export { flattenSections } from './model.ts';
export { formulaReads, type FormulaReads, type IrExpr } from './ir.ts';
export { VARIABLES, type VarId, type VarSpelling, type FormulaContext } from './vars.ts';
export { roundScore, type RoundingMode } from './round.ts';
export { formatFiledNumber, formatNumber, fromMicro, numberText, sameAtPlaces, sameMicro, sumExact, toMicro } from './numbers.ts';
export { compile, generate, type CompileOptions } from './codegen.ts';
export { interpret, type InterpretOptions, type TraceEvent } from './interpret.ts';
export { numberIfs, printIr, type PrintStyle, type Trace } from './explain.ts';
export { MAX_WEIGHT } from './evaluator.ts';
export type {
  EvalInput,
  EvalOutput,
  RowInput,
  RowResult,
  RowStatus,
  SectionResult,
  DeductionResult,
  Evaluator,
  TargetShape,
} from './evaluator.ts';
