// The score panel's adapter: template text + filing text → what the panel shows.
// All of it runs in the analysis worker. Today it uses the whole pipeline that exists:
// parse → resolve (继承) → check → compile → import the filing → engine.scoreFiling.
// When a stage is missing or fails, the view degrades to what is known: the checked
// template's sections and caps, or nothing but the reason.
import { checkSource, type CheckedTemplate, type CheckSourceResult } from '@jixiao/compiler';
import { importJson, importTsv, prepareTemplate, scoreFiling, type Filing, type ImportDiagnostic, type PreparedTemplate, type Report } from '@jixiao/engine';
import type { Diagnostic } from '@jixiao/language';
import { officialFor } from './rules.ts';

export interface Bilingual {
  zh: string;
  en: string;
}

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
  problems: { severity: 'error' | 'warning' | 'info'; line?: number; message: Bilingual }[];
}

export type ScoreView =
  /** the filing scored under the template */
  | { kind: 'report'; report: Report; template: TemplateSummary; filing: FilingState }
  /** the template is valid but the filing could not be scored: its sections and caps */
  | { kind: 'template'; template: TemplateSummary; filing: FilingState; reason: Bilingual }
  /** the template has errors */
  | { kind: 'none'; filing: FilingState; reason: Bilingual };

function summary(t: CheckedTemplate): TemplateSummary {
  return {
    form: t.form,
    year: t.year,
    total: t.total.value,
    sections: t.sections.map((s) => ({ name: s.name, cap: s.weight.value })),
    grades: t.grades.map((g) => g.name),
  };
}

export function importFilingText(text: string): { state: FilingState; diagnostics: ImportDiagnostic[] } {
  const json = text.replace(/^\uFEFF/, '').trimStart().startsWith('{');
  const r = json ? importJson(text) : importTsv(text);
  const state: FilingState = {
    json: r.filing,
    format: json ? 'json' : 'tsv',
    problems: r.diagnostics.map((d) => {
      const p: FilingState['problems'][number] = { severity: d.severity, message: { zh: d.message.zh, en: d.message.en } };
      if (d.line !== undefined) p.line = d.line;
      return p;
    }),
  };
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
export function scoreView(checked: CheckSourceResult, filingText: string): ScoreView {
  const { state: filing, diagnostics: importDiags } = importFilingText(filingText);
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
