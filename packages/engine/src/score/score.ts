// Scoring a filing: match its rows to the template, run the compiled evaluator, and
// compare what the unit stated with what the rules give. Every check that compares
// numbers quotes both in its finding.
import {
  compile,
  flattenSections,
  formulaReads,
  type CheckedTemplate,
  type EvalInput,
  type EvalOutput,
  type Evaluator,
  type RowInput,
  type RowResult,
  type RuleModel,
  type SectionModel,
  type SectionResult,
  formatFiledNumber,
} from '@jixiao/compiler';
import type { Filing, IndicatorRow, Section as FilingSection } from '../filing/model.ts';
import { unnamedLine, type ImportDiagnostic } from '../import/diagnostics.ts';
import { hasErrors, jsonNumber, quote } from '@jixiao/language';
import { finding, type Finding, type InsteadOfWeight } from './findings.ts';
import { matchSection } from './match.ts';
import { prepareRow, type PreparedRow } from './rows.ts';
import type { Report, ReportRow, ReportSection } from './report.ts';
import { sameAtPlaces, sameMicro, sumExact } from '@jixiao/compiler';
import { aggregateFiling } from './aggregate.ts';
import { placeFlatRows } from '../import/place.ts';
import { MAX_ROW_WEIGHT, validWeight } from './weights.ts';

/** A checked template with its evaluator compiled once (explanations on: reports carry them). */
export interface PreparedTemplate {
  checked: CheckedTemplate;
  evaluate: Evaluator;
}

export function prepareTemplate(checked: CheckedTemplate): PreparedTemplate {
  return { checked, evaluate: compile(checked, { explain: true }) };
}

interface Placed {
  row: IndicatorRow;
  index: number;
  path: string[];
  section: SectionModel | null;
  /** index of the level-1 section, and the position of this row in its input array */
  top: number;
  slot: number;
  prepared: PreparedRow | null;
  /** the row names a section that scores by its own formula (any level): it shows that
   * section's score and is not an input of the evaluator */
  formula: SectionModel | null;
  /** another row named the same formula section first: this one is not counted */
  repeat: boolean;
}

/** Which level-1 sections compute from the budget (their formula reads budget figures). */
export function isBudgetSection(s: SectionModel): boolean {
  return s.kind === 'formula' && !!s.formula && formulaReads(s.formula).budget;
}

/** The section a child path leads to. */
function sectionAt(section: SectionModel, path: readonly number[]): SectionModel {
  let cur = section;
  for (const i of path) cur = cur.children[i]!;
  return cur;
}

/** Every section that scores by its own formula, with its path of names, in template order. */
function formulaSections(t: CheckedTemplate): { s: SectionModel; top: number; names: string[] }[] {
  const out: { s: SectionModel; top: number; names: string[] }[] = [];
  const walk = (s: SectionModel, top: number, names: string[]) => {
    if (s.kind === 'formula') out.push({ s, top, names });
    for (const c of s.children) walk(c, top, [...names, c.name]);
  };
  t.sections.forEach((s, i) => walk(s, i, [s.name]));
  return out;
}

/**
 * What scoring reads of a template at every filing, worked out once per template: the
 * sections with formulas, those that read the budget, the 单位填报 indicators, the 择一
 * groups, the comparison at the template's places.
 */
interface Plan {
  formulas: { s: SectionModel; top: number; names: string[] }[];
  budgetSections: SectionModel[];
  readsBudget: { s: SectionModel; top: number; names: string[] }[];
  /** every 单位填报 indicator below level 1, with its path of names */
  filled: { s: SectionModel; names: string[] }[];
  /** 择一 groups, by choice id in template order, and every section's path of names */
  choiceGroups: SectionModel[][];
  paths: Map<SectionModel, string[]>;
  sameScore: (a: number, b: number) => boolean;
}

const plans = new WeakMap<CheckedTemplate, Plan>();

/** A filing without section rows states nothing of any section. */
const NONE_STATED: ReadonlyMap<SectionModel, FilingSection | undefined> = new Map();

function planOf(t: CheckedTemplate): Plan {
  let plan = plans.get(t);
  if (plan) return plan;
  const formulas = formulaSections(t);
  const filled: { s: SectionModel; names: string[] }[] = [];
  const groups = new Map<number, SectionModel[]>();
  const paths = new Map<SectionModel, string[]>();
  const walk = (s: SectionModel, names: string[]) => {
    if (s.filledByUnit && names.length > 1) filled.push({ s, names });
    paths.set(s, names);
    if (s.choice !== null) groups.set(s.choice, [...(groups.get(s.choice) ?? []), s]);
    for (const c of s.children) walk(c, [...names, c.name]);
  };
  for (const s of t.sections) walk(s, [s.name]);
  plan = {
    formulas,
    budgetSections: t.sections.filter(isBudgetSection),
    readsBudget: formulas.filter((f) => isBudgetSection(f.s)),
    filled,
    choiceGroups: [...groups.values()],
    paths,
    // Stated scores are compared with computed ones at the template's 保留小数 places.
    sameScore: sameAtPlaces(t.decimals),
  };
  plans.set(t, plan);
  return plan;
}

/** The section a level-1 name denotes: its name exactly (most rows), else as matchSection matches it. */
function sectionNamed(sections: readonly SectionModel[], name: string): SectionModel | null {
  for (const s of sections) if (s.name === name) return s;
  return matchSection(sections, name)?.section ?? null;
}

/** JX3029: a weight the evaluator refuses (−5, 1e9, 1e-9, a non-number), with its value and what counts instead. */
function invalidWeight(row: IndicatorRow, path: string[], then: InsteadOfWeight): Finding {
  return finding('invalidWeight', path, { name: path[path.length - 1]!, weight: jsonNumber(row.weight!), ...then });
}

const NO_CHILD: number[] = Object.freeze([]) as unknown as number[];

/** Path of child indices below a fixed level-1 section, from the row's level-2/3 names. */
function childPath(section: SectionModel, row: IndicatorRow): number[] {
  // most sections have no children: their rows sit on the section itself (read only, shared)
  if (section.children.length === 0) return NO_CHILD;
  const path: number[] = [];
  let cur = section;
  for (const name of [row.level2, row.level3]) {
    if (cur.children.length === 0 || !name) break;
    const m = matchSection(cur.children, name);
    if (!m) break;
    path.push(cur.children.indexOf(m.section));
    cur = m.section;
  }
  return path;
}

export function importFindings(diags: readonly ImportDiagnostic[]): Finding[] {
  return diags
    .filter((d) => d.severity !== 'info')
    .map((d): Finding => {
      // name the line unless the message already does
      const line = unnamedLine(d);
      const where = line !== undefined ? { zh: `（第 ${line} 行）`, en: ` (line ${line})` } : { zh: '', en: '' };
      const message = { zh: d.message.zh + where.zh, en: d.message.en + where.en };
      return { code: d.code, severity: d.severity, path: [], message, ...(d.help ? { help: d.help } : {}), data: d.data ?? {} };
    });
}

/** Where the template came from, for the report (and a finding when it is a parent jurisdiction's). */
export interface TemplateSourceInfo {
  /** the file it was read from, as the caller names it */
  file?: string;
  /** the jurisdiction asked for, when the template is its parent's (大英县 → 四川) */
  fallbackFrom?: string | null;
}

export function scoreFiling(p: PreparedTemplate, filed: Filing, importDiagnostics: readonly ImportDiagnostic[] = [], source: TemplateSourceInfo = {}): Report {
  const t = p.checked;
  const plan = planOf(t);
  const findings: Finding[] = importFindings(importDiagnostics);
  if (source.fallbackFrom && t.region) findings.push(finding('parentTemplate', [], { from: source.fallbackFrom, region: t.region, year: t.year, form: t.form }));
  // A department with subordinate units is scored on the aggregate of their tables.
  let filing = filed;
  let aggregationNotes: string[] = [];
  let aggregatedFractions: (number | null)[] = [];
  if (filed.units && filed.units.length > 0) {
    const a = aggregateFiling(filed, t);
    filing = a.filing;
    findings.push(...a.findings);
    aggregationNotes = a.notes;
    aggregatedFractions = a.fractions;
  }
  // a flat table's rows take their level-1/2 names from the template (import/place.ts)
  const flat = placeFlatRows(t, filing);
  filing = flat.filing;
  findings.push(...flat.findings);
  const inputs: RowInput[][] = t.sections.map(() => []);
  // by section id: the filing's row of an indicator with its own formula (filed; its 实际/目标)
  const formulaRows: ({ actual: number | null; target: number | null } | null)[] = new Array(t.sectionCount).fill(null);

  // ── place every row under a template section ──
  const namedFormula = new Set<SectionModel>();
  const rowContext = { year: filing.year ?? t.year };
  const placed: Placed[] = filing.rows.map((row, index) => {
    const section = sectionNamed(t.sections, row.level1);
    const path = [section ? section.name : row.level1];
    if (row.level2 !== '') path.push(row.level2);
    if (row.level3 !== '') path.push(row.level3);
    // a weight the evaluator refuses (−5, 1e9, 1e-9, a non-number) is named with its value; what counts instead depends on the row
    const badWeight = row.weight !== null && !validWeight(row.weight);
    if (row.statedScore !== null && !Number.isFinite(row.statedScore))
      findings.push(finding('unreadableValue', path, { kind: 'statedScore', name: path[path.length - 1]!, value: jsonNumber(row.statedScore) }));
    if (!section) {
      if (badWeight) findings.push(invalidWeight(row, path, { instead: 'notCounted' }));
      findings.push(finding('unknownSection', path, { level1: row.level1, form: t.form, year: t.year, sections: t.sections.map((s) => s.name) }));
      return { row, index, path, section: null, top: -1, slot: -1, prepared: null, formula: null, repeat: false };
    }
    const top = t.sections.indexOf(section);
    const childIdx = section.kind === 'formula' ? [] : childPath(section, row);
    const target = sectionAt(section, childIdx);
    if (target.kind === 'formula') {
      // A row naming a section with its own formula (预算执行率, or 三级指标 X { 得分 = … }):
      // the template computes it from the budget, the row only states its score.
      if (badWeight) findings.push(invalidWeight(row, path, { instead: 'template', templateWeight: target.weight.text }));
      const repeat = namedFormula.has(target);
      namedFormula.add(target);
      // its 实际/目标, for an indicator formula that reads them (三级指标 X { 得分 = 分值 * min(实际 / 目标, 1) })
      const own = target.formula && formulaReads(target.formula).row ? prepareRow(row, path, t, rowContext) : null;
      if (own && !repeat) {
        formulaRows[target.id] = { actual: own.input.actual, target: own.input.target };
        findings.push(...own.findings);
      } else if (!repeat) formulaRows[target.id] = { actual: null, target: null };
      return { row, index, path, section, top, slot: -1, prepared: null, formula: target, repeat };
    }
    // The rules read a weight and a stated score only within their ranges: an invalid weight
    // (reported below) reads as 0, a stated score beyond any weight as none (JX3005 names it).
    const bad = badWeight;
    const wild = row.statedScore !== null && !(Math.abs(row.statedScore) <= MAX_ROW_WEIGHT);
    const prepared = prepareRow(bad || wild ? { ...row, weight: bad ? 0 : row.weight, statedScore: wild ? null : row.statedScore } : row, path, t, rowContext);
    // the evaluator's input, in one hidden class for every row (a spread would make each its own)
    const pi = prepared.input;
    const input: RowInput = { weight: pi.weight, shape: pi.shape, target: pi.target, actual: pi.actual, fraction: pi.fraction, path: childIdx };
    // and the evaluator refuses it ('invalid-input'), tiny ones too, so no sum counts it
    if (bad) input.weight = NaN;
    // 不适用: the evaluator leaves the row out as the template says; its "/" cells are no findings
    if (row.notApplicable === true) {
      input.notApplicable = true;
      prepared.findings.length = 0;
      // an empty slot (安徽's 指标2:/, no weight) carries no points: nothing to rescale, nothing to say
      if (row.weight !== null && row.weight !== 0) prepared.findings.push(notApplicableFinding(t, path, row.weight));
    }
    // an aggregated qualitative row: the units' funding-weighted completion (its note says how)
    const aggregated = aggregatedFractions[index];
    if (aggregated !== null && aggregated !== undefined && input.shape === 'qualitative') {
      input.fraction = aggregated;
      prepared.note = null;
    }
    // a fixed leaf indicator is scored with the template's weight; a 单位填报 row with its own
    // (before the evaluator's status: no second, vaguer finding)
    if (badWeight) prepared.findings.push(invalidWeight(row, path, target.kind === 'leaf' ? { instead: 'template', templateWeight: target.weight.text } : { instead: 'zero' }));
    const slot = inputs[top]!.push(input) - 1;
    for (const f of prepared.findings) findings.push(f);
    return { row, index, path, section, top, slot, prepared, formula: null, repeat: false };
  });

  // ── the same indicator listed twice ──
  duplicateFindings(placed, findings);

  // ── budget ──
  const b = filing.budget;
  const { budgetSections, formulas, readsBudget, sameScore } = plan;
  if (!b && readsBudget.length > 0) findings.push(finding('missingBudget', readsBudget[0]!.names, { of: 'none' }));

  // ── deductions: items go to the declaration their reason names, else the first ──
  const deductions: number[][] = t.deductions.map(() => []);
  for (const d of filing.deductions ?? []) {
    const i = Math.max(
      0,
      t.deductions.findIndex((decl) => d.reason.includes(decl.name)),
    );
    if (deductions[i]) deductions[i]!.push(d.points);
  }

  const input: EvalInput = {
    budget: { initialBudget: b?.initialBudget ?? null, budget: b?.budget ?? null, spent: b?.spent ?? null },
    sections: inputs,
    deductions,
    // 输入 …: figures outside the table, by name from the filing
    inputs: t.inputs.map((d) => {
      const v = filing.inputs?.[d.name];
      return typeof v === 'number' ? v : null;
    }),
    // 占比(组, …): each group's rows, by level-2 name (or level-1), with their 实际/目标 read as scoring reads them
    rowSets: t.rowSets.map((set) =>
      placed
        .filter((pl) => pl.row.level2 === set.name || pl.row.level1 === set.name)
        .map((pl) => {
          const pr = pl.prepared ?? prepareRow(pl.row, pl.path, t, rowContext);
          return { actual: pr.input.actual, target: pr.input.target };
        }),
    ),
    formulaRows,
  };
  const out = p.evaluate(input);

  // ── rows of the report ──
  // Every section with its own formula has a row: the filing's row that names it, else one of
  // its own (level-1 ones first, as the budget block stands above the table; deeper ones after
  // the last row of their level-1 section).
  const rows: ReportRow[] = [];
  const rowTop: number[] = [];
  const formulaRow = (f: { s: SectionModel; names: string[] }, path: string[], stated: number | null): ReportRow => {
    const r = out.sections[f.s.id]!;
    return { path, weight: f.s.weight.value, score: r.score, statedScore: stated, explain: r.explain ?? `${f.s.name}: 得分 = ${f.s.formulaText ?? ''}` };
  };
  for (const f of formulas)
    if (f.names.length === 1 && !namedFormula.has(f.s)) {
      rows.push(formulaRow(f, f.names, isBudgetSection(f.s) ? (b?.statedScore ?? null) : null));
      rowTop.push(f.top);
    }
  // the weight a row counts with: an invalid one (reported at placement) counts 0
  const counted = (w: number | null) => (w !== null && validWeight(w) ? w : 0);
  for (const pl of placed) {
    const stated = pl.row.statedScore !== null && Number.isFinite(pl.row.statedScore) ? pl.row.statedScore : null;
    rowTop.push(pl.top);
    if (!pl.section) {
      rows.push({ path: pl.path, weight: counted(pl.row.weight), score: 0, statedScore: stated, explain: '不在模板中，不计分 (not in the template)' });
      continue;
    }
    if (pl.formula) {
      const f = formulas.find((x) => x.s === pl.formula)!;
      if (pl.repeat) {
        rows.push({
          path: pl.path,
          weight: counted(pl.row.weight),
          score: 0,
          statedScore: stated,
          explain: `${quote(f.s.name)}已由前面的行计分，本行不计分 (counted once, by an earlier row)`,
        });
        rowStatusFindings(pl, 'unplaced', findings);
        continue;
      }
      const row = formulaRow(f, pl.path, stated);
      rows.push(row);
      formulaRowFindings(pl, f.s, out.sections[f.s.id]!, row, sameScore, findings);
      continue;
    }
    const r = out.rows[pl.top]![pl.slot]!;
    if (!validWeight(r.weight)) {
      // its own weight is invalid (JX3029): no rule ran, nothing to compare
      rows.push({
        path: pl.path,
        weight: 0,
        score: 0,
        statedScore: stated,
        explain: `分值 ${formatFiledNumber(pl.row.weight ?? NaN).zh} 无效，不计分 (invalid weight, not scored)`,
      });
      continue;
    }
    const n1 = pl.prepared?.note;
    const n2 = aggregationNotes[pl.index];
    const note = n1 && n2 ? `（${n1}；${n2}）` : n1 ? `（${n1}）` : n2 ? `（${n2}）` : '';
    const met = pl.prepared?.met ?? null;
    rows.push({ path: pl.path, weight: r.weight, score: r.score, statedScore: stated, explain: (r.explain ?? '') + note, met });
    rowStatusFindings(pl, r.status, findings, r.rule >= 0 ? t.rules[r.rule] : undefined);
    // The form asks for 偏差原因分析及改进措施 wherever a target was missed: whether it was
    // met is the comparison of actual and target (5% against <5% is missed even where the
    // rule still gives the full weight), not whether the score fell short of the weight.
    // A row whose values are in error is to be corrected first, not explained.
    const inError = hasErrors(pl.prepared?.findings ?? []);
    if (r.status === 'ok' && met === false && !inError && !pl.row.reason?.trim()) {
      const deviates = pl.prepared?.input.shape === '=' && (pl.prepared.input.actual ?? 0) > (pl.prepared.input.target ?? 0);
      findings.push(
        finding('missingReason', pl.path, { name: pl.path[pl.path.length - 1]!, deviates, target: pl.row.target, actual: pl.row.actual, score: r.score, weight: r.weight }),
      );
    }
    statedScoreFindings(pl.path, stated, r.weight, r.score, pl.prepared?.input.shape === 'qualitative', sameScore, findings);
  }

  for (const f of formulas) {
    if (f.names.length === 1 || namedFormula.has(f.s)) continue;
    const last = rowTop.lastIndexOf(f.top);
    const at = last < 0 ? rows.length : last + 1;
    rows.splice(at, 0, formulaRow(f, f.names, null));
    rowTop.splice(at, 0, f.top);
  }

  // ── sections ── (what the filing says of each section, matched once)
  const statedOf: ReadonlyMap<SectionModel, FilingSection | undefined> = filing.sections
    ? new Map(t.sections.map((s) => [s, filing.sections?.find((fs) => matchSection([s], fs.name))] as const))
    : NONE_STATED;
  const sections: ReportSection[] = t.sections.map((s) => {
    const r = out.sections[s.id]!;
    const stated = statedOf.get(s);
    const named = placed.find((pl) => pl.formula === s && !pl.repeat)?.row.statedScore ?? null;
    const sec: ReportSection = {
      name: s.name,
      cap: s.weight.value,
      score: r.score,
      statedScore: stated?.statedScore ?? named ?? (isBudgetSection(s) ? (b?.statedScore ?? null) : null),
    };
    if (r.explain) sec.explain = r.explain;
    return sec;
  });
  sectionFindings(t, plan, statedOf, out, placed, sameScore, findings);
  budgetFindings(t, filing, out, budgetSections, sameScore, findings);
  formulaStatusFindings(
    filing,
    out,
    readsBudget.filter((f) => f.names.length > 1),
    findings,
  );
  inputFindings(t, input, formulas, out, findings);
  choiceFindings(plan, placed, formulaRows, findings);
  totalFindings(t, filing, out, rows, sameScore, findings);
  deductionFindings(t, out, findings);

  return {
    template: { name: t.form, year: t.year, region: t.region, ...(source.file !== undefined ? { file: source.file } : {}), decimals: t.decimals },
    total: out.total,
    cap: t.total.value,
    grade: t.grades[out.grade]?.name ?? '',
    statedTotal: filing.statedTotal ?? null,
    sections,
    rows,
    findings,
  };
}

/**
 * JX3026: a row whose path (the names joined by NUL) an earlier row has. Joining every path
 * cost more than scoring a row, so paths are compared only with those whose ends (the part
 * after the last NUL) look alike, name by name; only where a name has a NUL in it (two
 * paths of different lengths can join alike) are the joined paths compared.
 */
function duplicateFindings(placed: readonly Placed[], findings: Finding[]): void {
  // Equal name by name, or else joined alike: that needs a NUL in the first names that
  // differ (a path that ends earlier joins shorter), and is then compared joined.
  const same = (a: readonly string[], b: readonly string[]) => {
    const n = Math.min(a.length, b.length);
    let i = 0;
    while (i < n && a[i] === b[i]) i++;
    if (i === a.length && i === b.length) return true;
    if (i === n || (!a[i]!.includes('\u0000') && !b[i]!.includes('\u0000'))) return false;
    return a.join('\u0000') === b.join('\u0000');
  };
  // A number read off each path's end (the length and the last character after its last
  // NUL: alike for paths that join alike) picks the rows to compare: open addressing in a
  // table kept between filings, as hashing every name into a map cost as much as the rest.
  const n = placed.length;
  if (n > DUP_SLOTS / 2) {
    duplicatesByMap(placed, findings, same);
    return;
  }
  DUP_ROW.fill(0);
  for (let k = 0; k < n; k++) {
    const path = placed[k]!.path;
    const end = endKey(path);
    let slot = Math.imul(end, 0x9e3779b1) >>> (32 - DUP_BITS);
    let dup = false;
    for (let at = DUP_ROW[slot]!; at !== 0; slot = (slot + 1) & (DUP_SLOTS - 1), at = DUP_ROW[slot]!)
      if (!dup && DUP_END[slot] === end && same(placed[at - 1]!.path, path)) dup = true;
    if (dup) findings.push(finding('duplicateRow', path, { path }));
    DUP_ROW[slot] = k + 1;
    DUP_END[slot] = end;
  }
}

const DUP_BITS = 10;
const DUP_SLOTS = 1 << DUP_BITS;
/** per slot: the row there (its index + 1; 0 empty), and its path's end key */
const DUP_ROW = new Int32Array(DUP_SLOTS);
const DUP_END = new Int32Array(DUP_SLOTS);

/** The length and the last character of a path's last name after its last NUL, as one number. */
function endKey(path: readonly string[]): number {
  const name = path[path.length - 1]!;
  // (indexOf first: lastIndexOf is a call into the runtime, and names seldom hold a NUL)
  const cut = name.indexOf('\u0000') < 0 ? -1 : name.lastIndexOf('\u0000');
  const length = name.length - cut - 1;
  return ((length & 0x7fff) << 16) | (length > 0 ? name.charCodeAt(name.length - 1) : 0);
}

/** The same for a filing of more rows than the table holds: grouped by end key in a map. */
function duplicatesByMap(placed: readonly Placed[], findings: Finding[], same: (a: readonly string[], b: readonly string[]) => boolean): void {
  const byEnd = new Map<number, string[][]>();
  for (const pl of placed) {
    const end = endKey(pl.path);
    const before = byEnd.get(end);
    if (before === undefined) {
      byEnd.set(end, [pl.path]);
      continue;
    }
    if (before.some((p) => same(p, pl.path))) findings.push(finding('duplicateRow', pl.path, { path: pl.path }));
    before.push(pl.path);
  }
}

/** Findings for a row the evaluator could not score; `rule` is the rule it was given, if any. */
function rowStatusFindings(pl: Placed, status: RowResult['status'], findings: Finding[], rule?: RuleModel): void {
  const name = pl.path[pl.path.length - 1]!;
  const already = hasErrors(pl.prepared?.findings ?? []);
  // a negative 实际 or 目标 the rule does not take (允许负数) is named as such
  const input = pl.prepared?.input;
  if (status === 'invalid-input' && rule && input) {
    const negative = (
      [
        ['actual', input.actual, pl.row.actual],
        ['target', input.target, pl.row.target],
      ] as const
    ).find(([v, x]) => typeof x === 'number' && x < 0 && !rule.negatives.includes(v));
    if (negative) {
      const [field, , text] = negative;
      findings.push(finding('negativeValue', pl.path, { name, field, text, rule: rule.name }));
      return;
    }
  }
  if (status === 'div-by-zero') findings.push(finding('divisionByZero', pl.path, { of: 'row', name, target: pl.row.target }));
  else if (status === 'no-rule' && !already) findings.push(finding('noRule', pl.path, { of: 'target', name, target: pl.row.target }));
  else if (status === 'invalid-input' && !already) findings.push(finding('unreadableValue', pl.path, { kind: 'incomplete', name, target: pl.row.target, actual: pl.row.actual }));
  else if (status === 'unplaced') findings.push(finding('unknownSection', pl.path, { name, unplaced: true }));
}

/** A filing row that names a formula section: its stated score and weight against the section's. */
function formulaRowFindings(pl: Placed, s: SectionModel, r: SectionResult, row: ReportRow, sameScore: (a: number, b: number) => boolean, findings: Finding[]): void {
  const name = pl.path[pl.path.length - 1]!;
  const w = pl.row.weight;
  if (w !== null && validWeight(w) && !sameMicro(w, s.weight.value)) findings.push(finding('statedCap', pl.path, { of: 'row', name, stated: w, template: s.weight.text }));
  const stated = pl.row.statedScore;
  if (stated === null || !Number.isFinite(stated)) return;
  // a formula that could not be computed has its own finding; its 0 is no rule's answer
  if (r.status !== 'ok' && !(stated > s.weight.value + 1e-9)) return;
  statedScoreFindings(pl.path, stated, row.weight, row.score, false, sameScore, findings);
}

/** Formula sections below level 1 that read the budget and could not be computed (level 1: budgetFindings). */
function formulaStatusFindings(filing: Filing, out: EvalOutput, sections: { s: SectionModel; names: string[] }[], findings: Finding[]): void {
  const b = filing.budget;
  if (!b) return;
  for (const { s, names } of sections) {
    const r = out.sections[s.id]!;
    if (r.status === 'div-by-zero') findings.push(finding('divisionByZero', names, { of: 'section', name: s.name, formula: s.formulaText ?? '' }));
    else if (r.status === 'invalid-input') findings.push(finding('missingBudget', names, { of: 'section', name: s.name, formula: s.formulaText ?? '' }));
  }
}

/** A row marked 不适用: what happens to it under the template's 不适用 (or that the template does not say). */
function notApplicableFinding(t: CheckedTemplate, path: string[], weight: number | null): Finding {
  const name = path[path.length - 1]!;
  const w = weight === null ? null : jsonNumber(weight);
  return t.notApplicable === null ? finding('notApplicableUndeclared', path, { name, weight: w }) : finding('notApplicable', path, { name, weight: w, how: t.notApplicable });
}

/** An indicator formula that reads a declared input the filing does not give, or its own row that is missing. */
function inputFindings(t: CheckedTemplate, input: EvalInput, formulas: { s: SectionModel; names: string[] }[], out: EvalOutput, findings: Finding[]): void {
  for (const { s, names } of formulas) {
    if (!s.formula || out.sections[s.id]!.status !== 'invalid-input') continue;
    // an alternative of 择一 not filed is expected; any other indicator that reads its row must have one
    if (formulaReads(s.formula).row && !input.formulaRows?.[s.id] && s.choice === null)
      findings.push(finding('missingSection', names, { section: s.name, cap: s.weight.text, indicator: true }));
    for (const i of formulaReads(s.formula).inputs) {
      const v = input.inputs?.[i];
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0) continue;
      const d = t.inputs[i]!;
      findings.push(finding('missingInput', names, { name: s.name, input: d.name, invalid: v !== null && v !== undefined, ...(d.unit ? { unit: d.unit } : {}) }));
    }
  }
}

/** 择一: a unit files one alternative; when it files more, the first counts. */
function choiceFindings(plan: Plan, placed: readonly Placed[], formulaRows: readonly (object | null)[], findings: Finding[]): void {
  const { paths } = plan;
  for (const options of plan.choiceGroups) {
    const filed = options.filter((o) => formulaRows[o.id] || placed.some((pl) => pl.section && pl.prepared && sectionAt(pl.section, childPath(pl.section, pl.row)) === o));
    if (filed.length < 2) continue;
    findings.push(finding('choiceBothFiled', paths.get(filed[0]!)!, { options: options.map((o) => o.name), filed: filed.map((o) => o.name) }));
  }
}

function statedScoreFindings(
  path: string[],
  stated: number | null,
  weight: number,
  score: number,
  qualitative: boolean,
  sameScore: (a: number, b: number) => boolean,
  findings: Finding[],
): void {
  const name = path[path.length - 1]!;
  if (stated === null) return;
  if (stated > weight + 1e-9) {
    findings.push(finding('statedAboveWeight', path, { name, stated, weight }));
    return;
  }
  // Qualitative rows take the unit's score when it lies in its tier: the tier check speaks for them.
  if (!qualitative && !sameScore(stated, score)) findings.push(finding('statedScoreDiffers', path, { of: 'row', name, stated, score }));
}

/** Under 不适用 按一级指标折算, a section's weights miss its cap by exactly its not-applicable rows: expected, not an error. */
function naExplains(t: CheckedTemplate, s: SectionModel, weightSum: number, placed: readonly Placed[]): boolean {
  if (t.notApplicable !== 'section') return false;
  // the rows given are the indicator's own
  const na = placed.filter((p) => p.row.notApplicable === true && p.row.weight !== null && validWeight(p.row.weight)).map((p) => p.row.weight!);
  return na.length > 0 && sameMicro(sumExact([weightSum, ...na]), s.weight.value);
}

/** A 单位填报 indicator whose rows do not weigh its cap: scaled to it by the evaluator, said here (JX3001). */
function weightFindings(t: CheckedTemplate, s: SectionModel, names: string[], out: EvalOutput, rows: readonly Placed[], findings: Finding[]): void {
  const r = out.sections[s.id]!;
  if (!r.weightMismatch || r.weightSum === null || naExplains(t, s, r.weightSum, rows)) return;
  // the weights the evaluator summed: the rows with a valid weight
  const own = rows.filter((p) => !p.formula && !(t.notApplicable === 'section' && p.row.notApplicable));
  const weights = own.filter((p) => p.row.weight === null || validWeight(p.row.weight)).map((p) => p.row.weight ?? 0);
  const invalid = own.filter((p) => p.row.weight !== null && !validWeight(p.row.weight)).map((p) => ({ name: p.path[p.path.length - 1]!, weight: jsonNumber(p.row.weight!) }));
  const level = names.length;
  findings.push(finding('sectionWeights', names, { section: s.name, weights, sum: r.weightSum, cap: s.weight.text, invalid, ...(level === 2 || level === 3 ? { level } : {}) }));
}

function sectionFindings(
  t: CheckedTemplate,
  plan: Plan,
  statedOf: ReadonlyMap<SectionModel, FilingSection | undefined>,
  out: EvalOutput,
  placed: Placed[],
  sameScore: (a: number, b: number) => boolean,
  findings: Finding[],
): void {
  // every 单位填报 indicator below level 1: its rows are those placed under it
  for (const { s, names } of plan.filled) {
    const rows = placed.filter((p) => p.section && !p.formula && sectionAt(p.section, childPath(p.section, p.row)) === s);
    if (rows.length === 0) findings.push(finding('missingSection', names, { section: s.name, cap: s.weight.text, indicator: true }));
    else weightFindings(t, s, names, out, rows, findings);
  }
  for (const s of t.sections) {
    const r = out.sections[s.id]!;
    if (s.filledByUnit && !placed.some((p) => p.section === s)) findings.push(finding('missingSection', [s.name], { section: s.name, cap: s.weight.text }));
    else if (s.filledByUnit)
      weightFindings(
        t,
        s,
        [s.name],
        out,
        placed.filter((p) => p.section === s),
        findings,
      );
    const stated = statedOf.get(s);
    // A subtotal row of the filing against the section's computed score (the budget
    // section's stated score is its budget row, compared in budgetFindings).
    const statedScore = stated?.statedScore;
    if (statedScore !== null && statedScore !== undefined && !isBudgetSection(s) && r.status === 'ok' && !sameScore(statedScore, r.score))
      findings.push(finding('statedScoreDiffers', [s.name], { of: 'section', name: s.name, stated: statedScore, score: r.score }));
    if (stated && stated.statedCap !== null && !sameMicro(stated.statedCap, s.weight.value))
      findings.push(finding('statedCap', [s.name], { of: 'section', name: stated.name, stated: stated.statedCap, template: s.weight.text }));
  }
}

function budgetFindings(
  t: CheckedTemplate,
  filing: Filing,
  out: EvalOutput,
  budgetSections: SectionModel[],
  sameScore: (a: number, b: number) => boolean,
  findings: Finding[],
): void {
  const b = filing.budget;
  if (!b) return;
  for (const s of budgetSections) {
    const r = out.sections[s.id]!;
    const path = [s.name];
    if (r.status === 'div-by-zero') findings.push(finding('divisionByZero', path, { of: 'budget', budget: b.budget ?? 0 }));
    else if (r.status === 'invalid-input') findings.push(finding('missingBudget', path, { of: 'incomplete' }));
    if (b.weight !== null && b.weight !== undefined && !sameMicro(b.weight, s.weight.value))
      findings.push(finding('statedCap', path, { of: 'budget', stated: b.weight, template: s.weight.text }));
    if (b.statedScore !== null && b.statedScore !== undefined) {
      if (b.statedScore > s.weight.value + 1e-9) findings.push(finding('statedAboveWeight', path, { budget: true, stated: b.statedScore, cap: s.weight.text }));
      else if (r.status === 'ok' && !sameScore(b.statedScore, r.score))
        findings.push(finding('statedScoreDiffers', path, { of: 'budget', stated: b.statedScore, score: r.score, spent: b.spent ?? 0, budget: b.budget ?? 0 }));
    }
  }
  if (b.budget !== null && b.spent !== null && b.spent > b.budget && b.budget > 0) findings.push(finding('overspend', ['预算执行率'], { spent: b.spent, budget: b.budget }));
  const funds = b.funds ?? [];
  const fundSum = sumExact(funds.map((f) => f.budget ?? f.initialBudget ?? 0));
  if ((b.budget === 0 || b.initialBudget === 0) && fundSum > 0) findings.push(finding('fundTotalZero', ['预算执行率'], { funds: fundSum }));
  void t;
}

function totalFindings(t: CheckedTemplate, filing: Filing, out: EvalOutput, rows: ReportRow[], sameScore: (a: number, b: number) => boolean, findings: Finding[]): void {
  const weights = rows.map((r) => r.weight);
  const weightSum = sumExact(weights);
  if (!sameMicro(weightSum, t.total.value)) {
    const statedTotal = filing.statedWeightTotal;
    findings.push(
      finding(
        'weightTotal',
        [],
        statedTotal !== null && statedTotal !== undefined ? { sum: weightSum, total: t.total.text, statedTotal } : { sum: weightSum, total: t.total.text },
      ),
    );
  }
  const stated = filing.statedTotal;
  const statedScores = rows.map((r) => r.statedScore).filter((x): x is number => x !== null);
  if (stated !== null && stated !== undefined) {
    // a stated score beyond any weight is reported on its row (JX3005); summed, it would overflow
    if (statedScores.length > 0 && statedScores.every((x) => Math.abs(x) <= MAX_ROW_WEIGHT)) {
      const sum = sumExact(statedScores);
      if (!sameScore(sum, stated)) findings.push(finding('statedTotalVsRows', [], { stated, sum }));
    }
    if (!sameScore(stated, out.total)) findings.push(finding('statedTotalVsComputed', [], { stated, computed: out.total }));
  }
  // The report around the table may state yet another total (the seed's text: 100 against 97).
  const text = filing.reportTotal;
  if (text !== null && text !== undefined) {
    const against = stated ?? out.total;
    if (!sameScore(text, against)) findings.push(finding('reportTotal', [], { text, against, of: stated !== null && stated !== undefined ? 'stated' : 'computed' }));
  }
}

function deductionFindings(t: CheckedTemplate, out: EvalOutput, findings: Finding[]): void {
  t.deductions.forEach((d, i) => {
    const r = out.deductions[i];
    if (r?.capped)
      findings.push(finding('deductionAboveMax', [d.name], { deduction: d.name, perItemMax: d.perItemMax?.text ?? null, totalMax: d.totalMax.text, applied: r.applied }));
  });
}

export { flattenSections };
