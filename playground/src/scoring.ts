// The score panel's adapter: template text + filing text → what the panel shows.
// All of it runs in the analysis worker. Today it uses the whole pipeline that exists:
// parse → resolve (继承) → check → compile → import the filing → engine.scoreFiling.
// When a stage is missing or fails, the view degrades to what is known: the checked
// template's sections and caps, or nothing but the reason.
import { checkSource, type CheckedTemplate, type CheckSourceResult } from '@jixiao/compiler';
import {
  diffTemplates,
  gradeReason,
  impactOf,
  importJson,
  importTsv,
  importTsvWithMapping,
  parseTsv,
  prepareTemplate,
  proposeHeader,
  scoreFiling,
  type Filing,
  type HeaderCandidate,
  type ImportDiagnostic,
  type ImportResult,
  type PreparedTemplate,
  type Report,
} from '@jixiao/engine';
import { format, msg, type Diagnostic, type Message, type Severity, type Template } from '@jixiao/language';
import { officialFor, regionOfFile } from './rules.ts';
import type { DiffReply, DiffRequest, MappingChoice, SetImpact } from './worker/protocol.ts';

export interface TemplateSummary {
  form: string;
  year: number;
  total: number;
  sections: { name: string; cap: number }[];
  grades: string[];
}

export interface FilingState {
  /** the imported filing as canonical JSON (null when it could not be read) */
  json: Filing | null;
  format: 'tsv' | 'json';
  problems: { code: string; severity: Severity; line?: number; message: Message }[];
  /** the column-mapping step: offered when the header was not recognised (IMP001) or a mapping is in force */
  mapping?: MappingProposal;
}

export interface MappingProposal {
  /** candidate header rows: the table's first non-empty rows, each cell with its guessed field */
  rows: HeaderCandidate[];
  /** the line of the row guessed (or chosen) as the header */
  headerLine: number;
  /** the mapping in force, when one was applied and still fits the header row */
  applied: MappingChoice | null;
}

const signatureOf = (cells: { text: string }[]) => cells.map((c) => c.text).join('\t');

/** Candidate header rows of a pasted table and the row most likely to be the header (the engine's guess). */
export function proposeMapping(text: string, applied: MappingChoice | null): MappingProposal {
  const { rows, headerLine } = proposeHeader(parseTsv(text));
  return { rows, headerLine: applied?.headerLine ?? headerLine ?? 1, applied };
}

/** The mapping applies while the header row still reads as it did when it was chosen. */
function mappingFits(text: string, m: MappingChoice): boolean {
  const row = parseTsv(text).rows.find((r) => r.line === m.headerLine);
  return !!row && signatureOf(row.cells) === m.signature;
}

export function mappingSignature(cells: { text: string }[]): string {
  return signatureOf(cells);
}

export type ScoreView =
  /** the filing scored under the template */
  | { kind: 'report'; report: Report; template: TemplateSummary; filing: FilingState }
  /** the template is valid but the filing could not be scored: its sections and caps */
  | { kind: 'template'; template: TemplateSummary; filing: FilingState; reason: Message }
  /** the template has errors */
  | { kind: 'none'; filing: FilingState; reason: Message };

function summary(t: CheckedTemplate): TemplateSummary {
  return {
    form: t.form,
    year: t.year,
    total: t.total.value,
    sections: t.sections.map((s) => ({ name: s.name, cap: s.weight.value })),
    grades: t.grades.map((g) => g.name),
  };
}

export function importFilingText(text: string, mapping?: MappingChoice): { state: FilingState; diagnostics: ImportDiagnostic[] } {
  const json = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('{');
  const applied = !json && mapping && mappingFits(text, mapping) ? mapping : null;
  const r: ImportResult = json ? importJson(text) : applied ? importTsvWithMapping(text, { columns: applied.columns, headerLine: applied.headerLine }) : importTsv(text);
  const state: FilingState = {
    json: r.filing,
    format: json ? 'json' : 'tsv',
    problems: r.diagnostics.map((d) => {
      const p: FilingState['problems'][number] = { code: d.code, severity: d.severity, message: { zh: d.message.zh, en: d.message.en } };
      if (d.line !== undefined) p.line = d.line;
      return p;
    }),
  };
  if (!json && (applied || r.diagnostics.some((d) => d.code === 'IMP001'))) state.mapping = proposeMapping(text, applied);
  return { state, diagnostics: r.diagnostics };
}

/** Parent templates of `继承` come from the official rules bundled with the page. */
function loadParent(form: string, year: number, region?: string) {
  const t = region === undefined ? null : officialFor(form, year, region);
  return t ? { file: t.file, text: t.text, region: t.region } : null;
}

/** Check a template text; an official file keeps its jurisdiction, so `继承 2023` finds its own. */
export function checkText(file: string, text: string): CheckSourceResult {
  const region = regionOfFile(file);
  return checkSource(region === undefined ? { file, text } : { file, text, region }, loadParent);
}

// Compiling is cheap, but the same template is scored against many filing edits.
let cached: { checked: CheckedTemplate; prepared: PreparedTemplate } | null = null;
function prepared(checked: CheckedTemplate): PreparedTemplate {
  if (cached?.checked !== checked) cached = { checked, prepared: prepareTemplate(checked) };
  return cached.prepared;
}

/** The panel's view of a checked template (or of its errors) and a filing. */
export function scoreView(checked: CheckSourceResult, filingText: string, mapping?: MappingChoice): ScoreView {
  const { state: filing, diagnostics: importDiags } = importFilingText(filingText, mapping);
  const errors = checked.diagnostics.filter((d: Diagnostic) => d.severity === 'error').length;
  if (!checked.template)
    return {
      kind: 'none',
      filing,
      reason: { zh: `模板有 ${errors} 个错误，改正后才能评分`, en: `the template has ${errors} error(s); fix them to score` },
    };
  const template = summary(checked.template);
  if (!filing.json)
    return {
      kind: 'template',
      template,
      filing,
      reason: { zh: '填报表无法读取，下面只列出模板的一级指标和分值', en: "the filing cannot be read; the template's sections and caps are shown" },
    };
  try {
    const report = scoreFiling(prepared(checked.template), filing.json, importDiags);
    return { kind: 'report', report, template, filing };
  } catch (e) {
    // The engine is never expected to throw; if it does, the page still shows the template.
    return {
      kind: 'template',
      template,
      filing,
      reason: { zh: `评分失败：${String(e)}`, en: `scoring failed: ${String(e)}` },
    };
  }
}

// ───────────── years diff: semantic diff and the impact on the current filing ─────────────

/** The semantic diff of two templates and the filing scored under both (runs in the worker). */
export function diffView(req: DiffRequest): DiffReply {
  const problems: Message[] = [];
  const a = checkText(req.from.file, req.from.text);
  const b = checkText(req.to.file, req.to.text);
  for (const [side, c] of [
    [req.from.file, a],
    [req.to.file, b],
  ] as const)
    if (!c.template) {
      const n = c.diagnostics.filter((d) => d.severity === 'error').length;
      problems.push(msg(`${side} 有 ${n} 个错误，无法比较`, `${side} has ${n} error(s); it cannot be compared`));
    }
  if (!a.template || !b.template) return { kind: 'diffed', seq: req.seq, diff: null, impact: null, problems, resolved: null, set: [] };
  const diff = diffTemplates(a.template, b.template);
  const resolved = a.resolved && b.resolved ? { from: resolvedText(a.resolved), to: resolvedText(b.resolved) } : null;
  const pa = prepareTemplate(a.template);
  const pb = prepareTemplate(b.template);
  const set = (req.filings ?? []).map((f) => setImpact(f, pa, pb, diff));
  const { state, diagnostics } = importFilingText(req.filing, req.mapping);
  if (!state.json) {
    problems.push(msg('当前填报表无法读取，无法计算影响（见“填报表”页）', 'the current filing cannot be read, so there is no impact (see the Filing tab)'));
    return { kind: 'diffed', seq: req.seq, diff, impact: null, problems, resolved, set };
  }
  try {
    const i = impactOf(pa, pb, state.json, diagnostics, diff);
    const g = gradeReason(i, diff);
    return {
      kind: 'diffed',
      seq: req.seq,
      diff,
      impact: { from: i.from, to: i.to, delta: i.delta, gradeChanged: i.gradeChanged, gradeReason: g, moved: i.moved },
      problems,
      resolved,
      set,
    };
  } catch (e) {
    problems.push(msg(`计算影响失败：${String(e)}`, `impact failed: ${String(e)}`));
    return { kind: 'diffed', seq: req.seq, diff, impact: null, problems, resolved, set };
  }
}

/**
 * A template with 继承 resolved, as the formatter prints it: every declaration in force,
 * the parent's and its own, and no header naming the parent (it is all here). Comments
 * stay with the texts as written.
 */
export function resolvedText(t: Template): string {
  return format({ kind: 'File', templates: [{ ...t, extends: null, extendsRegion: null }], range: t.range });
}

/** One loaded filing scored under both templates. */
function setImpact(f: { name: string; text: string }, pa: PreparedTemplate, pb: PreparedTemplate, diff: ReturnType<typeof diffTemplates>): SetImpact {
  const { state, diagnostics } = importFilingText(f.text);
  if (!state.json) return { name: f.name, from: null, to: null, delta: null, problem: msg('无法读取', 'cannot be read') };
  try {
    const i = impactOf(pa, pb, state.json, diagnostics, diff);
    return { name: f.name, from: { total: i.from.total, grade: i.from.grade }, to: { total: i.to.total, grade: i.to.grade }, delta: i.delta };
  } catch (e) {
    return { name: f.name, from: null, to: null, delta: null, problem: msg(`计算失败：${String(e)}`, `failed: ${String(e)}`) };
  }
}
