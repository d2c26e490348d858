// Impact of a template change on filings: score one filing under two templates (usually
// last year's and next year's draft) and say, for every row and section whose score
// moved, which change of the rules moved it. Isomorphic, like the rest of the engine.
import { flattenSections, type CheckedTemplate } from '@jixiao/compiler';
import type { Filing } from '../filing/model.ts';
import type { ImportDiagnostic } from '../import/diagnostics.ts';
import { diffTemplates, type DiffItem, type TemplateDiff } from '../diff/diff.ts';
import { formatNumber, sameMicro, sumExact } from '@jixiao/compiler';
import type { Report, ReportRow } from '../score/report.ts';
import { scoreFiling, type PreparedTemplate } from '../score/score.ts';
import { quote, type Message } from '@jixiao/language';

export interface Move {
  /** the row's path (new names), or a level-1 section's name alone */
  path: string[];
  /** score before and after; null where the row or section does not exist on that side */
  from: number | null;
  to: number | null;
  /** the rule change(s) that moved it */
  why: Message;
}

export interface FilingImpact {
  from: { total: number; grade: string; year: number };
  to: { total: number; grade: string; year: number };
  delta: number;
  gradeChanged: boolean;
  moved: Move[];
  reports: { from: Report; to: Report };
}

/** The rule name a row was scored by, from its explanation (`正向: 实际 … → … = 4`). */
function ruleOf(row: ReportRow | undefined, t: CheckedTemplate): string | null {
  if (!row) return null;
  const m = /^([^:：]+)[:：]/.exec(row.explain);
  const name = m?.[1]?.trim();
  return name && t.rules.some((r) => r.name === name) ? name : null;
}

/**
 * A section's explanation in English. The compiler writes it in Chinese; the proportional
 * scaling (各行分值合计 40 ≠ 分值 15，按比例折算 …) is said in English, anything else is
 * quoted as the template's own words.
 */
export function explainEn(explain: string): string {
  const m = /^(.*?):\s*各行分值合计 (\S+) ≠ 分值 (\S+)，按比例折算 (.*)$/.exec(explain);
  if (m) return `${quote(m[1])}: its rows' weights sum to ${m[2]}, not its cap ${m[3]}, so it is scaled: ${m[4]}`;
  return quote(explain, Infinity);
}

function join(items: DiffItem[]): Message {
  return { zh: items.map((d) => d.message.zh).join('；'), en: items.map((d) => d.message.en).join('; ') };
}

const sub = (a: number, b: number) => sumExact([a, -b]);

/** Compare one filing's reports under `from` and `to` (already scored). */
export function compareReports(a: CheckedTemplate, b: CheckedTemplate, ra: Report, rb: Report, diff: TemplateDiff = diffTemplates(a, b)): FilingImpact {
  const moved: Move[] = [];
  const renamedTo = new Map<string, string>();
  for (const d of diff.changes) if (d.area === 'indicators' && d.change === 'renamed' && d.path.length === 1 && d.from) renamedTo.set(d.from, d.to!);
  const newName = (n: string) => renamedTo.get(n) ?? n;
  const sectionChanges = (name: string) => diff.changes.filter((d) => d.area === 'indicators' && d.path[0] === name);
  const ruleChanges = (name: string | null) => diff.changes.filter((d) => d.area === 'rules' && name !== null && d.path[0] === name);
  const general = diff.changes.filter((d) => d.area === 'rounding' || d.area === 'tiers');

  // rows: paired by their path (level-1 names through the renames), the n-th occurrence of a
  // path with the n-th; rows that pair by no path (a row one template places and the other
  // does not, or names differently) pair in order among themselves. Rows of sections with a
  // formula exist under one template and not the other, so positions alone would misalign.
  const key = (r: ReportRow, renamed: boolean) => (renamed ? [newName(r.path[0]!), ...r.path.slice(1)] : r.path).join('\u0000');
  const pairs: [ReportRow | undefined, ReportRow | undefined][] = [];
  const byKey = new Map<string, ReportRow[]>();
  for (const r of ra.rows) {
    const k = key(r, true);
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  const pairedA = new Set<ReportRow>();
  const leftB: ReportRow[] = [];
  for (const r of rb.rows) {
    const match = byKey.get(key(r, false))?.shift();
    if (match) {
      pairs.push([match, r]);
      pairedA.add(match);
    } else leftB.push(r);
  }
  const leftA = ra.rows.filter((r) => !pairedA.has(r));
  // a row of a formula section that only one template has stays unpaired
  const formulaA = new Set(
    flattenSections(a)
      .filter((s) => s.kind === 'formula')
      .map((s) => s.name),
  );
  const formulaB = new Set(
    flattenSections(b)
      .filter((s) => s.kind === 'formula')
      .map((s) => s.name),
  );
  const own = (r: ReportRow, names: Set<string>) => names.has(r.path[r.path.length - 1]!);
  const restA = leftA.filter((r) => !own(r, formulaA));
  const restB = leftB.filter((r) => !own(r, formulaB));
  const n = Math.max(restA.length, restB.length);
  for (let i = 0; i < n; i++) pairs.push([restA[i], restB[i]]);
  for (const r of leftA) if (own(r, formulaA)) pairs.push([r, undefined]);
  for (const r of leftB) if (own(r, formulaB)) pairs.push([undefined, r]);

  for (const [ro, rn] of pairs) {
    const from = ro ? ro.score : null;
    const to = rn ? rn.score : null;
    if (from !== null && to !== null && sameMicro(from, to)) continue;
    if (from === null && to === null) continue;
    const path = rn?.path ?? ro!.path.map((p, i) => (i === 0 ? newName(p) : p));
    const why: DiffItem[] = [];
    const rA = ruleOf(ro, a);
    const rB = ruleOf(rn, b);
    if (rA !== rB) {
      why.push(...ruleChanges(rA).filter((d) => d.change === 'removed'));
      why.push(...ruleChanges(rB).filter((d) => d.field === 'shapes' || d.change === 'added'));
      if (why.length === 0)
        why.push({
          area: 'rules',
          change: 'changed',
          path,
          from: rA,
          to: rB,
          message: { zh: `计分规则 ${rA ?? '（无）'} → ${rB ?? '（无）'}`, en: `scored by ${rA ?? '(none)'} → ${rB ?? '(none)'}` },
        });
    } else why.push(...ruleChanges(rB).filter((d) => d.field === 'formula'));
    const sec = sectionChanges(path[0]!).filter((d) => d.path.length <= path.length && d.path.every((p, i) => path[i] === p));
    why.push(...sec.filter((d) => d.change !== 'renamed'));
    if (why.length === 0) why.push(...general);
    const w = why.length ? join(why) : { zh: '模板变化', en: 'the template changed' };
    moved.push({ path, from, to, why: w });
  }

  // level-1 sections whose score moved (a re-weighted 单位填报 section is scaled to its new cap)
  for (const s of rb.sections) {
    const old = ra.sections.find((x) => newName(x.name) === s.name);
    const from = old ? old.score : null;
    if (from !== null && sameMicro(from, s.score)) continue;
    if (moved.some((m) => m.path.length === 1 && m.path[0] === s.name)) continue;
    const why = sectionChanges(s.name);
    const rowsMoved = moved.some((m) => m.path[0] === s.name);
    const w = join(why);
    if (s.explain) {
      w.zh += `${w.zh ? '；' : ''}${s.explain}`;
      w.en += `${w.en ? '; ' : ''}${explainEn(s.explain)}`;
    }
    if (!w.zh && rowsMoved) Object.assign(w, { zh: '下列指标行的得分变化', en: 'rows below it moved' });
    if (s.score === 0 && !old) {
      w.zh += '（表中没有该指标的行）';
      w.en += ' (the filing has no rows for it)';
    }
    moved.push({ path: [s.name], from, to: s.score, why: w.zh ? w : { zh: '模板变化', en: 'the template changed' } });
  }
  for (const s of ra.sections) {
    if (rb.sections.some((x) => x.name === newName(s.name))) continue;
    moved.push({ path: [s.name], from: s.score, to: null, why: join(sectionChanges(s.name)) });
  }

  // the total: deductions and the grade bands explain what the sections do not
  const delta = sub(rb.total, ra.total);
  const gradeChanged = ra.grade !== rb.grade;
  return {
    from: { total: ra.total, grade: ra.grade, year: a.year },
    to: { total: rb.total, grade: rb.grade, year: b.year },
    delta,
    gradeChanged,
    moved,
    reports: { from: ra, to: rb },
  };
}

/** Score `filing` under both templates and compare. */
export function impactOf(from: PreparedTemplate, to: PreparedTemplate, filing: Filing, importDiagnostics: readonly ImportDiagnostic[] = [], diff?: TemplateDiff): FilingImpact {
  const ra = scoreFiling(from, filing, importDiagnostics);
  const rb = scoreFiling(to, filing, importDiagnostics);
  return compareReports(from.checked, to.checked, ra, rb, diff);
}

/** Why the grade moved, when it did: the total crossed a band, or the bands moved. */
export function gradeReason(i: FilingImpact, diff: TemplateDiff): Message | null {
  if (!i.gradeChanged) return null;
  const bands = diff.changes.filter((d) => d.area === 'grades');
  const parts = [`总分 ${formatNumber(i.from.total)} → ${formatNumber(i.to.total)}`, ...bands.map((d) => d.message.zh)];
  const en = [`total ${formatNumber(i.from.total)} → ${formatNumber(i.to.total)}`, ...bands.map((d) => d.message.en)];
  return { zh: `等级 ${i.from.grade} → ${i.to.grade}（${parts.join('；')}）`, en: `grade ${i.from.grade} → ${i.to.grade} (${en.join('; ')})` };
}
