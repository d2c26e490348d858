// The score panel's adapter: template text + filing text → what the panel shows.
// All of it runs in the analysis worker. Today it uses the whole pipeline that exists:
// parse → resolve (继承) → check → compile → import the filing → engine.scoreFiling.
// When a stage is missing or fails, the view degrades to what is known: the checked
// template's sections and caps, or nothing but the reason.
import { checkSource, type CheckedTemplate, type CheckSourceResult } from '@jixiao/compiler';
import {
  diffTemplates,
  fieldOfLabel,
  gradeReason,
  impactOf,
  importJson,
  importTsv,
  importTsvWithMapping,
  parseTsv,
  prepareTemplate,
  scoreFiling,
  type ColumnField,
  type Filing,
  type ImportDiagnostic,
  type ImportResult,
  type PreparedTemplate,
  type Report,
} from '@jixiao/engine';
import { msg, type Diagnostic, type Message, type Severity } from '@jixiao/language';
import { officialFor } from './rules.ts';
import type { DiffReply, DiffRequest, MappingChoice } from './worker/protocol.ts';


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

/** How a header cell's field was guessed: a known label (as detectHeader reads it), or a keyword in it. */
export type Guess = 'label' | 'keyword' | null;

export interface MappingProposal {
  /** candidate header rows: the table's first non-empty rows, each cell with its guessed field */
  rows: { line: number; cells: { text: string; field: ColumnField | null; guess: Guess }[] }[];
  /** the line of the row guessed (or chosen) as the header */
  headerLine: number;
  /** the mapping in force, when one was applied and still fits the header row */
  applied: MappingChoice | null;
}

/** Keyword guesses for labels detectHeader does not know (the user confirms them in the mapping step). */
const KEYWORDS: [RegExp, ColumnField][] = [
  [/一级/, 'level1'],
  [/二级/, 'level2'],
  [/三级|名称|指标$/, 'level3'],
  [/原因|措施/, 'reason'],
  [/目标|计划|预期/, 'target'],
  [/实际|完成|实绩|实现/, 'actual'],
  [/满分|分值|权重|标准分/, 'weight'],
  [/得分|自评|评分/, 'statedScore'],
  [/单位/, 'unit'],
  [/符号|性质/, 'op'],
];

export function guessField(text: string): { field: ColumnField | null; guess: Guess } {
  const f = fieldOfLabel(text);
  if (f) return { field: f, guess: 'label' };
  const n = text.replace(/\s+/g, '');
  if (!n || n.length > 16) return { field: null, guess: null };
  for (const [re, field] of KEYWORDS) if (re.test(n)) return { field, guess: 'keyword' };
  return { field: null, guess: null };
}

const signatureOf = (cells: { text: string }[]) => cells.map((c) => c.text).join('\t');

/** Candidate header rows of a pasted table and the row most likely to be the header. */
export function proposeMapping(text: string, applied: MappingChoice | null): MappingProposal {
  const grid = parseTsv(text);
  const rows = grid.rows
    .filter((r) => r.cells.filter((c) => c.text !== '').length >= 2)
    .slice(0, 20)
    .map((r) => ({ line: r.line, cells: r.cells.map((c) => ({ text: c.text, ...guessField(c.text) })) }));
  // the header: most cells read as fields, then most non-empty cells (ties: the earlier row)
  let best = rows[0];
  let bestScore = -1;
  for (const r of rows) {
    const known = new Set(r.cells.filter((c) => c.field).map((c) => c.field)).size;
    const filled = r.cells.filter((c) => c.text !== '').length;
    const sc = known * 100 + filled;
    if (sc > bestScore) {
      best = r;
      bestScore = sc;
    }
  }
  return { rows, headerLine: applied?.headerLine ?? best?.line ?? 1, applied };
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
  const json = text.replace(/^\uFEFF/, '').trimStart().startsWith('{');
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
function loadParent(form: string, year: number) {
  const t = officialFor(form, year);
  return t ? { file: t.file, text: t.text } : null;
}

export function checkText(file: string, text: string): CheckSourceResult {
  return checkSource({ file, text }, loadParent);
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
  for (const [side, c] of [[req.from.file, a], [req.to.file, b]] as const)
    if (!c.template) {
      const n = c.diagnostics.filter((d) => d.severity === 'error').length;
      problems.push(msg(`${side} 有 ${n} 个错误，无法比较`, `${side} has ${n} error(s); it cannot be compared`));
    }
  if (!a.template || !b.template) return { kind: 'diffed', seq: req.seq, diff: null, impact: null, problems };
  const diff = diffTemplates(a.template, b.template);
  const { state, diagnostics } = importFilingText(req.filing, req.mapping);
  if (!state.json) {
    problems.push(msg('当前填报表无法读取，无法计算影响（见“填报表”页）', 'the current filing cannot be read, so there is no impact (see the Filing tab)'));
    return { kind: 'diffed', seq: req.seq, diff, impact: null, problems };
  }
  try {
    const i = impactOf(prepareTemplate(a.template), prepareTemplate(b.template), state.json, diagnostics, diff);
    const g = gradeReason(i, diff);
    return {
      kind: 'diffed',
      seq: req.seq,
      diff,
      impact: { from: i.from, to: i.to, delta: i.delta, gradeChanged: i.gradeChanged, gradeReason: g, moved: i.moved },
      problems,
    };
  } catch (e) {
    problems.push(msg(`计算影响失败：${String(e)}`, `impact failed: ${String(e)}`));
    return { kind: 'diffed', seq: req.seq, diff, impact: null, problems };
  }
}
