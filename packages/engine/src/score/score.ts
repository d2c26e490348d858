// Scoring a filing: match its rows to the template, run the compiled evaluator, and
// compare what the unit stated with what the rules give. Every check that compares
// numbers quotes both in its finding.
import { compile, flattenSections, type CheckedTemplate, type EvalInput, type EvalOutput, type Evaluator, type RowInput, type SectionModel } from '@jixiao/compiler';
import type { Filing, IndicatorRow, Section as FilingSection } from '../filing/model.ts';
import type { ImportDiagnostic } from '../import/diagnostics.ts';
import { finding, type Finding } from './findings.ts';
import { matchSection } from './match.ts';
import { prepareRow, type PreparedRow } from './rows.ts';
import type { Report, ReportRow, ReportSection } from './report.ts';
import { sumExact, same, sameAt, fmt } from './exact.ts';
import { aggregateFiling } from './aggregate.ts';

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
}

/** Which level-1 sections compute from the budget (their formula reads budget figures). */
export function isBudgetSection(s: SectionModel): boolean {
  return s.kind === 'formula' && !!s.formulaText && /预算数|执行数/.test(s.formulaText);
}

/** Path of child indices below a fixed level-1 section, from the row's level-2/3 names. */
function childPath(section: SectionModel, row: IndicatorRow): number[] {
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
    .map((d) => {
      // name the line unless the message already does
      const where = d.line !== undefined && !d.message.zh.includes(`第 ${d.line} 行`) ? { zh: `（第 ${d.line} 行）`, en: ` (line ${d.line})` } : { zh: '', en: '' };
      const f: Finding = {
        code: d.code,
        severity: d.severity,
        path: [],
        message: { zh: d.message.zh + where.zh, en: d.message.en + where.en },
      };
      if (d.help) f.help = d.help;
      return f;
    });
}

export function scoreFiling(p: PreparedTemplate, filed: Filing, importDiagnostics: readonly ImportDiagnostic[] = []): Report {
  const t = p.checked;
  const findings: Finding[] = importFindings(importDiagnostics);
  // A department with subordinate units is scored on the aggregate of their tables.
  let filing = filed;
  let aggregationNotes: string[] = [];
  if (filed.units && filed.units.length > 0) {
    const a = aggregateFiling(filed, t);
    filing = a.filing;
    findings.push(...a.findings);
    aggregationNotes = a.notes;
  }
  const inputs: RowInput[][] = t.sections.map(() => []);

  // ── place every row under a template section ──
  const placed: Placed[] = filing.rows.map((row, index) => {
    const m = matchSection(t.sections, row.level1);
    const section = m && m.section.kind !== 'formula' ? m.section : null;
    const path = [section ? section.name : row.level1, row.level2, row.level3].filter((x, i) => i === 0 || x !== '');
    if (!section) {
      findings.push(
        finding(
          'unknownSection',
          path,
          `一级指标 “${row.level1}” 不在模板 ${t.form} ${t.year} 中 (模板的一级指标：${t.sections.map((s) => s.name).join('、')})`,
          `level-1 indicator '${row.level1}' is not in template ${t.form} ${t.year} (its sections: ${t.sections.map((s) => s.name).join(', ')})`,
          { zh: '改用模板中的一级指标名称', en: "use one of the template's section names" },
        ),
      );
      return { row, index, path, section: null, top: -1, slot: -1, prepared: null };
    }
    const top = t.sections.indexOf(section);
    const prepared = prepareRow(row, path, t, { year: filing.year ?? t.year });
    const input: RowInput = { ...prepared.input, path: childPath(section, row) };
    const slot = inputs[top]!.push(input) - 1;
    findings.push(...prepared.findings);
    return { row, index, path, section, top, slot, prepared };
  });

  // ── the same indicator listed twice ──
  const seen = new Set<string>();
  for (const pl of placed) {
    const key = pl.path.join('\u0000');
    if (seen.has(key))
      findings.push(
        finding('duplicateRow', pl.path, `指标 “${pl.path.join(' › ')}” 在表中出现了不止一次，每次都计分`, `indicator '${pl.path.join(' › ')}' is listed more than once; each is scored`),
      );
    seen.add(key);
  }

  // ── budget ──
  const b = filing.budget;
  const budgetSections = t.sections.filter(isBudgetSection);
  if (!b && budgetSections.length > 0)
    findings.push(
      finding('missingBudget', [budgetSections[0]!.name], '表中没有预算执行数据 (年初预算数、全年预算数、全年执行数)', 'the filing has no budget figures'),
    );

  // ── deductions: items go to the declaration their reason names, else the first ──
  const deductions: number[][] = t.deductions.map(() => []);
  for (const d of filing.deductions ?? []) {
    const i = Math.max(0, t.deductions.findIndex((decl) => d.reason.includes(decl.name)));
    if (deductions[i]) deductions[i]!.push(d.points);
  }

  const input: EvalInput = {
    budget: { initialBudget: b?.initialBudget ?? null, budget: b?.budget ?? null, spent: b?.spent ?? null },
    sections: inputs,
    deductions,
  };
  const out = p.evaluate(input);
  // Stated scores are compared with computed ones at the template's 保留小数 places.
  const sameScore = sameAt(t.decimals);

  // ── rows of the report ──
  const rows: ReportRow[] = [];
  for (const s of budgetSections) {
    const r = out.sections[s.id]!;
    rows.push({ path: [s.name], weight: s.weight.value, score: r.score, statedScore: b?.statedScore ?? null, explain: r.explain ?? '' });
  }
  for (const pl of placed) {
    const stated = pl.row.statedScore;
    if (!pl.section) {
      rows.push({ path: pl.path, weight: pl.row.weight ?? 0, score: 0, statedScore: stated, explain: '不在模板中，不计分 (not in the template)' });
      continue;
    }
    const r = out.rows[pl.top]![pl.slot]!;
    const notes = [pl.prepared?.note, aggregationNotes[pl.index]].filter((n) => !!n);
    const note = notes.length ? `（${notes.join('；')}）` : '';
    const met = pl.prepared?.met ?? null;
    rows.push({ path: pl.path, weight: r.weight, score: r.score, statedScore: stated, explain: (r.explain ?? '') + note, met });
    rowStatusFindings(pl, r.status, findings);
    // The form asks for 偏差原因分析及改进措施 wherever a target was missed: whether it was
    // met is the comparison of actual and target (5% against <5% is missed even where the
    // rule still gives the full weight), not whether the score fell short of the weight.
    // A row whose values are in error is to be corrected first, not explained.
    const inError = pl.prepared?.findings.some((f) => f.severity === 'error') ?? false;
    if (r.status === 'ok' && met === false && !inError && !pl.row.reason?.trim()) {
      const name = pl.path[pl.path.length - 1];
      const over = pl.prepared?.input.shape === '=' && (pl.prepared.input.actual ?? 0) > (pl.prepared.input.target ?? 0);
      const what = over ? { zh: '与目标不一致', en: 'deviates from its target' } : { zh: '未完成目标', en: 'missed its target' };
      findings.push(
        finding(
          'missingReason',
          pl.path,
          `“${name}”${what.zh}（目标 “${pl.row.target}”，实际 “${pl.row.actual}”，得分 ${fmt(r.score)} / ${fmt(r.weight)}），但没有填写偏差原因分析及改进措施`,
          `'${name}' ${what.en} (target '${pl.row.target}', actual '${pl.row.actual}', ${fmt(r.score)} of ${fmt(r.weight)}) but gives no deviation reason`,
          { zh: '在 “偏差原因分析及改进措施” 栏说明原因和改进措施', en: 'explain the cause and the remedy in the deviation-reason column' },
        ),
      );
    }
    statedScoreFindings(pl.path, stated, r.weight, r.score, pl.prepared?.input.shape === 'qualitative', sameScore, findings);
  }

  // ── sections ── (what the filing says of each section, matched once)
  const statedOf = new Map(t.sections.map((s) => [s, filing.sections?.find((fs) => matchSection([s], fs.name))] as const));
  const sections: ReportSection[] = t.sections.map((s) => {
    const r = out.sections[s.id]!;
    const stated = statedOf.get(s);
    const sec: ReportSection = { name: s.name, cap: s.weight.value, score: r.score, statedScore: stated?.statedScore ?? (isBudgetSection(s) ? (b?.statedScore ?? null) : null) };
    if (r.explain) sec.explain = r.explain;
    return sec;
  });
  sectionFindings(t, statedOf, out, placed, sameScore, findings);
  budgetFindings(t, filing, out, budgetSections, sameScore, findings);
  totalFindings(t, filing, out, rows, sameScore, findings);
  deductionFindings(t, out, findings);

  return {
    template: { name: t.form, year: t.year, decimals: t.decimals },
    total: out.total,
    cap: t.total.value,
    grade: t.grades[out.grade]?.name ?? '',
    statedTotal: filing.statedTotal ?? null,
    sections,
    rows,
    findings,
  };
}

function rowStatusFindings(pl: Placed, status: string, findings: Finding[]): void {
  const name = pl.path[pl.path.length - 1]!;
  const already = pl.prepared?.findings.some((f) => f.severity === 'error') ?? false;
  if (status === 'div-by-zero')
    findings.push(
      finding('divisionByZero', pl.path, `“${name}”计分时除数为 0 (目标 “${pl.row.target}”)，该项不能计分，按 0 分计`, `'${name}': division by zero (target '${pl.row.target}'); scored 0`),
    );
  else if (status === 'no-rule' && !already)
    findings.push(
      finding('noRule', pl.path, `“${name}”的目标值 “${pl.row.target}” 没有适用的计分规则，按 0 分计`, `'${name}': no rule applies to the target '${pl.row.target}'; scored 0`),
    );
  else if (status === 'invalid-input' && !already) {
    // A negative number is read as the number it is; whether a rule takes it is the rule's domain.
    const input = pl.prepared?.input;
    const negative = (input?.target ?? 0) < 0 || (input?.actual ?? 0) < 0;
    findings.push(
      negative
        ? finding(
            'unreadableValue',
            pl.path,
            `“${name}”的目标或实际为负数 (目标 “${pl.row.target}”，实际 “${pl.row.actual}”)，所用计分规则不接受负数，按 0 分计`,
            `'${name}': the target or actual is negative (target '${pl.row.target}', actual '${pl.row.actual}') and its rule does not take negative numbers; scored 0`,
          )
        : finding('unreadableValue', pl.path, `“${name}”的数值不完整或无效 (目标 “${pl.row.target}”，实际 “${pl.row.actual}”)，按 0 分计`, `'${name}': missing or invalid values (target '${pl.row.target}', actual '${pl.row.actual}'); scored 0`),
    );
  }
  else if (status === 'unplaced')
    findings.push(
      finding('unknownSection', pl.path, `“${name}”无法对应到模板中的指标，不计分`, `'${name}' does not correspond to an indicator of the template; not scored`),
    );
}

function statedScoreFindings(path: string[], stated: number | null, weight: number, score: number, qualitative: boolean, sameScore: (a: number, b: number) => boolean, findings: Finding[]): void {
  const name = path[path.length - 1]!;
  if (stated === null) return;
  if (stated > weight + 1e-9) {
    findings.push(
      finding('statedAboveWeight', path, `“${name}”填报得分 ${fmt(stated)} 超过分值 ${fmt(weight)}`, `'${name}': stated score ${fmt(stated)} is above its weight ${fmt(weight)}`, {
        zh: '各项指标得分最高不能超过该指标分值',
        en: 'a score may never exceed its weight',
      }),
    );
    return;
  }
  // Qualitative rows take the unit's score when it lies in its tier: the tier check speaks for them.
  if (!qualitative && !sameScore(stated, score))
    findings.push(
      finding(
        'statedScoreDiffers',
        path,
        `“${name}”填报得分 ${fmt(stated)}，按规则应为 ${fmt(score)}`,
        `'${name}': stated score ${fmt(stated)}, the rule gives ${fmt(score)}`,
      ),
    );
}

function sectionFindings(
  t: CheckedTemplate,
  statedOf: ReadonlyMap<SectionModel, FilingSection | undefined>,
  out: EvalOutput,
  placed: Placed[],
  sameScore: (a: number, b: number) => boolean,
  findings: Finding[],
): void {
  for (const s of t.sections) {
    const r = out.sections[s.id]!;
    if (s.filledByUnit && !placed.some((p) => p.section === s))
      findings.push(finding('missingSection', [s.name], `一级指标 “${s.name}” (分值 ${s.weight.text}) 在表中没有任何指标行，得 0 分`, `section '${s.name}' (cap ${s.weight.text}) has no rows in the filing; it scores 0`));
    else if (r.weightMismatch && r.weightSum !== null) {
      const ws = placed.filter((p) => p.section === s).map((p) => p.row.weight ?? 0);
      findings.push(
        finding(
          'sectionWeights',
          [s.name],
          `一级指标 “${s.name}” 下各行分值之和为 ${ws.map(fmt).join(' + ')} = ${fmt(r.weightSum)}，应等于分值 ${s.weight.text}`,
          `section '${s.name}': its rows' weights sum to ${fmt(r.weightSum)}, not its cap ${s.weight.text}`,
          { zh: `调整二、三级指标分值，使其合计 ${s.weight.text}`, en: `adjust the indicator weights to sum to ${s.weight.text}` },
        ),
      );
    }
    const stated = statedOf.get(s);
    // A subtotal row of the filing against the section's computed score (the budget
    // section's stated score is its budget row, compared in budgetFindings).
    const statedScore = stated?.statedScore;
    if (statedScore !== null && statedScore !== undefined && !isBudgetSection(s) && r.status === 'ok' && !sameScore(statedScore, r.score))
      findings.push(
        finding(
          'statedScoreDiffers',
          [s.name],
          `一级指标 “${s.name}” 填报得分 ${fmt(statedScore)}，按规则应为 ${fmt(r.score)}`,
          `section '${s.name}': stated score ${fmt(statedScore)}, the rules give ${fmt(r.score)}`,
        ),
      );
    if (stated && stated.statedCap !== null && !same(stated.statedCap, s.weight.value))
      findings.push(
        finding('statedCap', [s.name], `表中 “${stated.name}” 标注分值 ${fmt(stated.statedCap)}，模板规定为 ${s.weight.text}`, `the filing gives '${stated.name}' a cap of ${fmt(stated.statedCap)}; the template says ${s.weight.text}`),
      );
  }
}

function budgetFindings(t: CheckedTemplate, filing: Filing, out: EvalOutput, budgetSections: SectionModel[], sameScore: (a: number, b: number) => boolean, findings: Finding[]): void {
  const b = filing.budget;
  if (!b) return;
  for (const s of budgetSections) {
    const r = out.sections[s.id]!;
    const path = [s.name];
    if (r.status === 'div-by-zero')
      findings.push(finding('divisionByZero', path, `全年预算数为 ${fmt(b.budget ?? 0)}，无法计算预算执行率，该项按 0 分计`, `the budget is ${fmt(b.budget ?? 0)}: the execution rate cannot be computed; scored 0`));
    else if (r.status === 'invalid-input')
      findings.push(finding('missingBudget', path, '预算执行数据不完整 (全年预算数或全年执行数为空或为负)', 'budget figures incomplete (budget or spent missing or negative)'));
    if (b.weight !== null && b.weight !== undefined && !same(b.weight, s.weight.value))
      findings.push(finding('statedCap', path, `表中预算执行率分值为 ${fmt(b.weight)}，模板规定为 ${s.weight.text}`, `the filing gives the budget execution a weight of ${fmt(b.weight)}; the template says ${s.weight.text}`));
    if (b.statedScore !== null && b.statedScore !== undefined) {
      if (b.statedScore > s.weight.value + 1e-9)
        findings.push(finding('statedAboveWeight', path, `预算执行率填报得分 ${fmt(b.statedScore)} 超过分值 ${s.weight.text}`, `budget execution: stated score ${fmt(b.statedScore)} above its weight ${s.weight.text}`));
      else if (r.status === 'ok' && !sameScore(b.statedScore, r.score))
        findings.push(
          finding('statedScoreDiffers', path, `预算执行率填报得分 ${fmt(b.statedScore)}，按规则应为 ${fmt(r.score)} (${fmt(b.spent ?? 0)} / ${fmt(b.budget ?? 0)})`, `budget execution: stated ${fmt(b.statedScore)}, the rule gives ${fmt(r.score)}`),
        );
    }
  }
  if (b.budget !== null && b.spent !== null && b.spent > b.budget && b.budget > 0)
    findings.push(
      finding('overspend', ['预算执行率'], `全年执行数 ${fmt(b.spent)} 超过全年预算数 ${fmt(b.budget)} (执行率 ${fmt((b.spent / b.budget) * 100)}%)`, `spent ${fmt(b.spent)} exceeds the budget ${fmt(b.budget)}`),
    );
  const funds = b.funds ?? [];
  const fundSum = sumExact(funds.map((f) => f.budget ?? f.initialBudget ?? 0));
  if ((b.budget === 0 || b.initialBudget === 0) && fundSum > 0)
    findings.push(
      finding('fundTotalZero', ['预算执行率'], `资金总额为 0，而其中各项合计 ${fmt(fundSum)} 万元`, `the fund total is 0 while its sub-rows carry ${fmt(fundSum)}`),
    );
  void t;
}

function totalFindings(t: CheckedTemplate, filing: Filing, out: EvalOutput, rows: ReportRow[], sameScore: (a: number, b: number) => boolean, findings: Finding[]): void {
  const weights = rows.map((r) => r.weight);
  const weightSum = sumExact(weights);
  if (!same(weightSum, t.total.value)) {
    const statedNote =
      filing.statedWeightTotal !== null && filing.statedWeightTotal !== undefined
        ? { zh: `，而总分行写的是 ${fmt(filing.statedWeightTotal)}`, en: `, while the total row says ${fmt(filing.statedWeightTotal)}` }
        : { zh: '', en: '' };
    findings.push(
      finding(
        'weightTotal',
        [],
        `全表分值合计 ${fmt(weightSum)}，不等于总分 ${t.total.text}${statedNote.zh}`,
        `all weights sum to ${fmt(weightSum)}, not the total ${t.total.text}${statedNote.en}`,
        { zh: '按模板的一级指标分值调整各项分值', en: "adjust the weights to the template's caps" },
      ),
    );
  }
  const stated = filing.statedTotal;
  const statedScores = rows.map((r) => r.statedScore).filter((x): x is number => x !== null);
  if (stated !== null && stated !== undefined) {
    if (statedScores.length > 0) {
      const sum = sumExact(statedScores);
      if (!sameScore(sum, stated))
        findings.push(
          finding('statedTotalVsRows', [], `填报总分 ${fmt(stated)}，但各项填报得分之和为 ${fmt(sum)}`, `the stated total ${fmt(stated)} is not the sum of the stated scores, ${fmt(sum)}`),
        );
    }
    if (!sameScore(stated, out.total))
      findings.push(
        finding('statedTotalVsComputed', [], `填报总分 ${fmt(stated)}，按规则计算为 ${fmt(out.total)}`, `the stated total is ${fmt(stated)}; the rules give ${fmt(out.total)}`),
      );
  }
  // The report around the table may state yet another total (the seed's text: 100 against 97).
  const text = filing.reportTotal;
  if (text !== null && text !== undefined) {
    const against = stated ?? out.total;
    if (!sameScore(text, against))
      findings.push(
        finding(
          'reportTotal',
          [],
          `报告正文写自评得分 ${fmt(text)} 分，而${stated !== null && stated !== undefined ? '表中填报总分' : '按规则计算的总分'}为 ${fmt(against)}`,
          `the report text states a total of ${fmt(text)}, while the ${stated !== null && stated !== undefined ? "table's stated total" : 'computed total'} is ${fmt(against)}`,
          { zh: '报告正文与自评表的总分应一致；按规则计算的总分见报告', en: 'the report text and the table must state the same total; see the computed total in the report' },
        ),
      );
  }
}

function deductionFindings(t: CheckedTemplate, out: EvalOutput, findings: Finding[]): void {
  t.deductions.forEach((d, i) => {
    const r = out.deductions[i];
    if (r?.capped)
      findings.push(
        finding(
          'deductionAboveMax',
          [d.name],
          `扣分 “${d.name}” 超过上限 (每项最多 ${d.perItemMax?.text ?? '—'} 分，合计最多 ${d.totalMax.text} 分)，按上限扣 ${fmt(r.applied)} 分`,
          `deduction '${d.name}' above its maximum (per item ${d.perItemMax?.text ?? '—'}, total ${d.totalMax.text}); ${fmt(r.applied)} taken off`,
        ),
      );
  });
}

export { flattenSections };
