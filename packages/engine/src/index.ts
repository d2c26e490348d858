// @jixiao/engine public surface.

export * from './filing/model.ts';
export * from './filing/value.ts';
export * from './import/diagnostics.ts';
export { parseTsv, gridFromRows, type Cell, type Grid, type GridRow } from './import/grid.ts';
export {
  COLUMN_FIELDS,
  FIELD_LABELS,
  FIELD_NAMES,
  fieldOfLabel,
  guessField,
  type ColumnField,
  type Columns,
  type Guess,
} from './import/labels.ts';
export { detectHeader, proposeHeader, type ColumnMapping, type DetectedHeader, type HeaderCandidate, type HeaderLabel } from './import/columns.ts';
export { importGrid, type ImportResult } from './import/table.ts';
export { importTsv, importTsvWithMapping } from './import/tsv.ts';
export { importJson, importJsonValue } from './import/json.ts';
export { importXlsx, xlsxToGrid, worksheetToGrid } from './import/xlsx.ts';
export { importFiling, decodeText, MAX_FILING_BYTES, MAX_FILING_ROWS, type FilingFormat, type ImportOptions } from './import/index.ts';
export * from './score/findings.ts';
export * from './score/report.ts';
export { scoreFiling, prepareTemplate, importFindings, type PreparedTemplate, type TemplateSourceInfo } from './score/score.ts';
export { matchSection, normaliseName } from './score/match.ts';
export { aggregateFiling, type Aggregated } from './score/aggregate.ts';
export { isBudgetSection } from './score/score.ts';
export { MAX_ROW_WEIGHT, MIN_ROW_WEIGHT, validWeight } from './score/weights.ts';
export { diffTemplates, bandText, tierText, AREA_LABEL, type DiffArea, type DiffChange, type DiffItem, type TemplateDiff } from './diff/diff.ts';
export { impactOf, compareReports, gradeReason, type FilingImpact, type Move } from './impact/impact.ts';
export {
  readCaseFile,
  shortFiling,
  checkCase,
  caseFiling,
  coverageThreshold,
  runCase,
  Coverage,
  type CaseFile,
  type RuleCase,
  type FilingSpec,
  type Expectation,
  type CaseFailure,
  type CaseFiling,
  type CasePathReader,
  type CaseResult,
  type CoverageItem,
  type CoverageKind,
  type CoverageSummary,
} from './ruletest/ruletest.ts';
