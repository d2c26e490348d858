// The analysis itself, free of worker plumbing so it can be called directly too:
// template text + filing text → markers, outline and the score panel's view.
import { parse, printExpr, type Diagnostic, type Range, type SectionDecl, type Template } from '@jixiao/language';
import { checkText, scoreView } from '../scoring.ts';
import type { AnalyseReply, AnalyseRequest, MarkerData, Outline, SpanData } from './protocol.ts';

function span(r: Range): SpanData {
  return { startLineNumber: r.start.line, startColumn: r.start.column, endLineNumber: r.end.line, endColumn: r.end.column };
}

/** A position as a person reads it: 第 11 行第 6 列 / line 11, column 6. */
export function positionWords(line: number, column: number): { zh: string; en: string } {
  return { zh: `第 ${line} 行第 ${column} 列`, en: `line ${line}, column ${column}` };
}

export function toMarker(d: Diagnostic, file: string): MarkerData {
  const inFile = (r: Range) => (r.file ?? d.file) === undefined || (r.file ?? d.file) === file;
  const elsewhere = !inFile(d.range);
  let s = span(d.range);
  let message = d.message;
  if (elsewhere) {
    // a diagnostic inside the parent template (继承): shown on the header, naming where it is
    const where = positionWords(d.range.start.line, d.range.start.column);
    const f = d.range.file ?? d.file;
    message = { zh: `${f} ${where.zh}：${d.message.zh}`, en: `${f}, ${where.en}: ${d.message.en}` };
    s = { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 1 };
  }
  // an empty range would draw no squiggle: widen it to one character
  if (s.startLineNumber === s.endLineNumber && s.endColumn <= s.startColumn) s = { ...s, endColumn: s.startColumn + 1 };
  const m: MarkerData = { code: d.code, severity: d.severity, message, ...s };
  if (d.help) m.help = d.help;
  // fixes and places in the editor's own text only
  const fixes = (d.fixes ?? []).filter((f) => f.edits.every((e) => inFile(e.range)));
  if (fixes.length) m.fixes = fixes.map((f) => ({ title: f.title, edits: f.edits.map((e) => ({ ...span(e.range), text: e.text })) }));
  const related = (d.related ?? []).filter((r) => inFile(r.range));
  if (related.length) m.related = related.map((r) => ({ ...span(r.range), message: r.message }));
  return m;
}

export function outlineOf(t: Template): Outline {
  const o: Outline = { sections: [], rules: [], tiers: [], grades: [], deductions: [] };
  const walk = (s: SectionDecl) => {
    o.sections.push({
      name: s.name.text,
      level: s.level,
      weight: s.weight.text + (s.weight.unit ? ` ${s.weight.unit}` : ''),
      aliases: s.aliases.map((a) => a.text),
      rule: s.rule?.text ?? null,
      span: span(s.range),
      nameSpan: span(s.name.range),
    });
    s.children.forEach(walk);
  };
  for (const it of t.items) {
    switch (it.kind) {
      case 'Section':
        walk(it);
        break;
      case 'Rule':
        o.rules.push({ name: it.name.text, shapes: it.shapes.map(String), formula: safePrint(it.score), span: span(it.range), nameSpan: span(it.name.range) });
        break;
      case 'Tiers':
        o.tiers.push(...it.tiers.map((x) => x.name.text));
        break;
      case 'Grades':
        o.grades.push(...it.bands.map((b) => b.name.text));
        break;
      case 'Deduction':
        o.deductions.push(it.name.text);
        break;
      default:
        break;
    }
  }
  return o;
}

function safePrint(e: Parameters<typeof printExpr>[0]): string {
  try {
    return printExpr(e);
  } catch {
    return '';
  }
}

export function analyse(req: AnalyseRequest): AnalyseReply {
  const t0 = performance.now();
  const parsed = parse(req.template, req.file);
  const first = parsed.ast.templates[0];
  const outline = first ? outlineOf(first) : null;
  const checked = checkText(req.file, req.template);
  const markers = checked.diagnostics.map((d) => toMarker(d, req.file));
  const score = scoreView(checked, req.filing, req.mapping);
  return { kind: 'analysed', version: req.version, seq: req.seq, markers, outline, score, workerMs: performance.now() - t0 };
}
