// Rule tests: cases written by policy staff beside the rules (rules/<地区>/<year>/tests/*.yaml),
// each a filing and what the rules must give for it, and the coverage the cases reach —
// which rules ran, which branch of each 如果 they took, which tiers and grade bands they
// reached. Coverage comes from the reference interpreter's trace (the same `如果` trace
// the explanations use), not from a second evaluator. Isomorphic: the YAML and the files
// are read by the CLI; this module takes plain values.
import { inTier } from '../score/rows.ts';
import { interpret, numberIfs, flattenSections, printIr, type CheckedTemplate, type IrExpr, type TraceEvent } from '@jixiao/compiler';
import type { Filing, IndicatorRow } from '../filing/model.ts';
import { validateFiling } from '../filing/model.ts';
import { isNotApplicable } from '../import/names.ts';
import type { Report } from '../score/report.ts';
import { scoreFiling, type PreparedTemplate } from '../score/score.ts';
import type { ImportDiagnostic } from '../import/diagnostics.ts';
import { importFiling } from '../import/index.ts';
import { importJsonValue } from '../import/json.ts';
import { formatNumber, sameAtPlaces } from '@jixiao/compiler';
import { quote, type Message } from '@jixiao/language';

// ───────────────────────── case files ─────────────────────────

/** Where a case's filing comes from. */
export type FilingSpec = { kind: 'path'; path: string } | { kind: 'tsv'; text: string } | { kind: 'json'; value: unknown } | { kind: 'short'; value: Record<string, unknown> };

export interface Expectation {
  total?: number;
  grade?: string;
  /** level-1 section name → score */
  sections?: Record<string, number>;
  /** row path (`部门管理/资金投入/结转结余变动率`, `›` also accepted) or its last name → score */
  rows?: Record<string, number>;
  /** the exact set of finding codes */
  findings?: string[];
}

export interface RuleCase {
  name: string;
  filing: FilingSpec;
  expect: Expectation;
}

export interface CaseFile {
  /** the form whose template the cases test (null: the only template of the year) */
  form: string | null;
  cases: RuleCase[];
  /** problems with the file itself, each a message pair */
  errors: Message[];
}

const KEYS = {
  form: ['表单', '模板', 'form'],
  cases: ['用例', 'cases'],
  name: ['名称', 'name'],
  filing: ['填报', '填报表', 'filing'],
  expect: ['期望', 'expect'],
  total: ['总分', 'total'],
  grade: ['等级', 'grade'],
  sections: ['一级指标', 'sections'],
  rows: ['得分', '指标得分', 'rows'],
  findings: ['问题', 'findings'],
} as const;

function pick(o: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const k of keys) if (Object.hasOwn(o, k)) return o[k];
  return undefined;
}

const isObj = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
const toNum = (x: unknown): number | null =>
  typeof x === 'number' && Number.isFinite(x) ? x : typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x)) ? Number(x) : null;

/** Read a parsed YAML document of cases (Chinese or English keys). Never throws. */
export function readCaseFile(doc: unknown): CaseFile {
  const errors: CaseFile['errors'] = [];
  if (!isObj(doc)) return { form: null, cases: [], errors: [{ zh: '文件应为一个映射，含 “用例” 列表', en: "the file must be a mapping with a 'cases' list" }] };
  const formV = pick(doc, KEYS.form);
  const form = typeof formV === 'string' ? formV : null;
  const list = pick(doc, KEYS.cases);
  if (!Array.isArray(list)) return { form, cases: [], errors: [{ zh: '缺少 “用例” 列表', en: "missing the 'cases' list" }] };
  const cases: RuleCase[] = [];
  list.forEach((c, i) => {
    const label = `#${i + 1}`;
    if (!isObj(c)) {
      errors.push({ zh: `用例 ${label} 不是映射`, en: `case ${label} is not a mapping` });
      return;
    }
    const name = String(pick(c, KEYS.name) ?? label);
    const f = pick(c, KEYS.filing);
    let filing: FilingSpec;
    if (typeof f === 'string') filing = /[\n\t]/.test(f) ? { kind: 'tsv', text: f } : { kind: 'path', path: f.trim() };
    else if (isObj(f) && Array.isArray(f['rows'])) filing = { kind: 'json', value: f };
    else if (isObj(f)) filing = { kind: 'short', value: f };
    else {
      errors.push({ zh: `用例${quote(name)}缺少 填报（文件路径、表格文本或填报内容）`, en: `case ${quote(name)} has no filing (a path, table text or content)` });
      return;
    }
    const e = pick(c, KEYS.expect);
    if (!isObj(e)) {
      errors.push({ zh: `用例${quote(name)}缺少 期望`, en: `case ${quote(name)} has no expectation` });
      return;
    }
    const expect: Expectation = {};
    const total = pick(e, KEYS.total);
    if (total !== undefined) {
      const n = toNum(total);
      if (n === null)
        errors.push({ zh: `用例${quote(name)}的期望总分 ${quote(String(total))} 不是数`, en: `case ${quote(name)}: expected total ${quote(String(total))} is not a number` });
      else expect.total = n;
    }
    const grade = pick(e, KEYS.grade);
    if (grade !== undefined) expect.grade = String(grade);
    for (const key of ['sections', 'rows'] as const) {
      const m = pick(e, KEYS[key]);
      if (m === undefined) continue;
      if (!isObj(m)) {
        errors.push({ zh: `用例${quote(name)}的 ${KEYS[key][0]} 应为 名称: 分数 的映射`, en: `case ${quote(name)}: ${key} must map names to scores` });
        continue;
      }
      const out: Record<string, number> = {};
      for (const [k, v] of Object.entries(m)) {
        const n = toNum(v);
        if (n === null)
          errors.push({ zh: `用例${quote(name)}中${quote(k)}的期望分数 ${quote(String(v))} 不是数`, en: `case ${quote(name)}: expected score of ${quote(k)} is not a number` });
        else out[k] = n;
      }
      expect[key] = out;
    }
    const fs = pick(e, KEYS.findings);
    if (fs !== undefined) expect.findings = (Array.isArray(fs) ? fs : [fs]).map(String);
    cases.push({ name, filing, expect });
  });
  return { form, cases, errors };
}

/**
 * The short filing policy staff write inline:
 * `{ 预算: {全年预算数: 100, 全年执行数: 90}, 指标: [[一级, 二级, 三级, 目标, 实际, 分值, 得分?], …], 输入: {全年预算调剂金额: 5}, 扣分: [[原因, 分数]], 总分: 97 }`.
 * A row whose target and actual are both "/" (or 不适用) is not applicable.
 */
export function shortFiling(v: Record<string, unknown>): { filing: Filing | null; errors: string[] } {
  const errors: string[] = [];
  const str = (x: unknown) => (x === undefined || x === null ? '' : String(x));
  const f: Record<string, unknown> = { rows: [] };
  const form = pick(v, ['表单', 'form']);
  if (form !== undefined) f['form'] = str(form);
  const year = toNum(pick(v, ['年度', 'year']));
  if (year !== null) f['year'] = year;
  const b = pick(v, ['预算', 'budget']);
  if (isObj(b))
    f['budget'] = {
      initialBudget: toNum(pick(b, ['年初预算数', 'initialBudget'])),
      budget: toNum(pick(b, ['全年预算数', '预算数', 'budget'])),
      spent: toNum(pick(b, ['全年执行数', '执行数', 'spent'])),
      ...(pick(b, ['得分', 'statedScore']) !== undefined ? { statedScore: toNum(pick(b, ['得分', 'statedScore'])) } : {}),
    };
  const rows = pick(v, ['指标', 'rows']);
  const out: IndicatorRow[] = [];
  (Array.isArray(rows) ? rows : []).forEach((r, i) => {
    const a = Array.isArray(r) ? r : isObj(r) ? ['一级', '二级', '三级', '目标', '实际', '分值', '得分'].map((k) => r[k]) : null;
    if (!a || a.length < 6) {
      errors.push(`指标第 ${i + 1} 行应为 [一级, 二级, 三级, 目标, 实际, 分值, 得分?]`);
      return;
    }
    const row: IndicatorRow = {
      level1: str(a[0]),
      level2: str(a[1]),
      level3: str(a[2]),
      target: str(a[3]),
      actual: str(a[4]),
      weight: toNum(a[5]),
      statedScore: a[6] === undefined ? null : toNum(a[6]),
    };
    // a row whose target and actual both say it does not apply ("/", 不适用), as the importer reads it
    if (isNotApplicable(row.target) && isNotApplicable(row.actual)) row.notApplicable = true;
    out.push(row);
  });
  f['rows'] = out;
  const inputs = pick(v, ['输入', 'inputs']);
  if (isObj(inputs)) f['inputs'] = Object.fromEntries(Object.entries(inputs).map(([k, x]) => [k, toNum(x)]));
  const ds = pick(v, ['扣分', 'deductions']);
  if (Array.isArray(ds))
    f['deductions'] = ds.map((d) =>
      Array.isArray(d)
        ? { reason: str(d[0]), points: toNum(d[1]) ?? NaN }
        : isObj(d)
          ? { reason: str(pick(d, ['原因', 'reason'])), points: toNum(pick(d, ['分数', '扣分', 'points'])) ?? NaN }
          : { reason: '', points: NaN },
    );
  const total = pick(v, ['总分', 'statedTotal']);
  if (total !== undefined) f['statedTotal'] = toNum(total);
  const r = validateFiling(f);
  if (!r.ok) return { filing: null, errors: [...errors, ...r.issues.map((i) => i.message.zh)] };
  return { filing: r.filing, errors };
}

// ───────────────────────── checking one case ─────────────────────────

export interface CaseFailure {
  what: Message;
  expected: string;
  actual: string;
}

function rowMatches(key: string, path: string[]): boolean {
  const parts = key.split(/\s*[/›>]\s*/).filter((p) => p !== '');
  if (parts.length === 1) return path[path.length - 1] === parts[0];
  return parts.length === path.length && parts.every((p, i) => p === path[i]);
}

export function checkCase(report: Report, e: Expectation): CaseFailure[] {
  const out: CaseFailure[] = [];
  // expected scores are stated scores: compared at the template's 保留小数 places
  const same = sameAtPlaces(report.template.decimals ?? 2);
  if (e.total !== undefined && !same(e.total, report.total)) out.push({ what: { zh: '总分', en: 'total' }, expected: formatNumber(e.total), actual: formatNumber(report.total) });
  if (e.grade !== undefined && e.grade !== report.grade) out.push({ what: { zh: '等级', en: 'grade' }, expected: e.grade, actual: report.grade || '—' });
  for (const [name, score] of Object.entries(e.sections ?? {})) {
    const s = report.sections.find((x) => x.name === name);
    if (!s) out.push({ what: { zh: `一级指标${quote(name)}`, en: `section ${quote(name)}` }, expected: formatNumber(score), actual: '（模板中没有）' });
    else if (!same(s.score, score))
      out.push({ what: { zh: `一级指标${quote(name)}得分`, en: `section ${quote(name)} score` }, expected: formatNumber(score), actual: formatNumber(s.score) });
  }
  for (const [key, score] of Object.entries(e.rows ?? {})) {
    const rows = report.rows.filter((r) => rowMatches(key, r.path));
    if (rows.length !== 1)
      out.push({
        what: { zh: `指标${quote(key)}`, en: `row ${quote(key)}` },
        expected: formatNumber(score),
        actual: rows.length === 0 ? '（表中没有）' : `（有 ${rows.length} 行同名，请写完整路径）`,
      });
    else if (!same(rows[0]!.score, score))
      out.push({
        what: { zh: `指标${quote(key)}得分`, en: `row ${quote(key)} score` },
        expected: formatNumber(score),
        actual: `${formatNumber(rows[0]!.score)}（${rows[0]!.explain}）`,
      });
  }
  if (e.findings !== undefined) {
    const want = [...new Set(e.findings)].sort();
    const got = [...new Set(report.findings.map((f) => f.code))].sort();
    if (want.join(',') !== got.join(',')) out.push({ what: { zh: '问题代码', en: 'finding codes' }, expected: `[${want.join(', ')}]`, actual: `[${got.join(', ')}]` });
  }
  return out;
}

// ───────────────────────── coverage ─────────────────────────

export type CoverageKind = 'rule' | 'branch' | 'tier' | 'grade';

export interface CoverageItem {
  kind: CoverageKind;
  /** e.g. `规则「反向」`, `规则「反向」如果 实际 <= 目标 → 则`, `定性分档「部分达成」`, `等级「良」` */
  label: string;
  hits: number;
}

export interface CoverageSummary {
  form: string;
  year: number;
  /** the template's jurisdiction, null when unknown */
  region: string | null;
  items: CoverageItem[];
  covered: number;
  total: number;
  /** percent, 100 when there is nothing to cover */
  percent: number;
  byKind: Record<CoverageKind, { covered: number; total: number }>;
}

/**
 * Coverage of one template. `prepared` scores exactly like the compiled evaluator (the
 * reference interpreter, which the differential tests hold equal to it) while recording
 * every branch taken; pass it to scoreFiling, then `grade(report)` for each case.
 */
export class Coverage {
  readonly prepared: PreparedTemplate;
  private readonly ruleHits: number[];
  /** per rule: hits of [then, else] per if slot */
  private readonly ruleBranches: [number, number][][];
  private readonly sectionBranches = new Map<number, [number, number][]>();
  private readonly sectionHits = new Map<number, number>();
  private readonly tierHits: number[];
  private readonly gradeHits: number[];

  constructor(readonly template: CheckedTemplate) {
    this.ruleHits = template.rules.map(() => 0);
    this.ruleBranches = template.rules.map((r) => [...numberIfs(r.formula).keys()].map((): [number, number] => [0, 0]));
    for (const s of flattenSections(template))
      if (s.kind === 'formula' && s.formula) {
        this.sectionBranches.set(
          s.id,
          [...numberIfs(s.formula).keys()].map((): [number, number] => [0, 0]),
        );
        this.sectionHits.set(s.id, 0);
      }
    this.tierHits = template.tiers.map(() => 0);
    this.gradeHits = template.grades.map(() => 0);
    const onTrace = (e: TraceEvent) => this.onTrace(e);
    this.prepared = { checked: template, evaluate: (input) => interpret(template, input, { explain: true, onTrace }) };
  }

  private onTrace(e: TraceEvent): void {
    if (e.status === 'invalid-input') return;
    const slots = e.kind === 'rule' ? this.ruleBranches[e.rule]! : this.sectionBranches.get(e.section)!;
    if (e.kind === 'rule') this.ruleHits[e.rule]!++;
    else this.sectionHits.set(e.section, (this.sectionHits.get(e.section) ?? 0) + 1);
    // the trace holds one slot per 如果, then two per 占比 (counts, not branches)
    slots.forEach((slot, i) => {
      const k = e.trace[i];
      if (k === 1) slot[0]++;
      else if (k === 2) slot[1]++;
    });
    if (e.kind === 'rule' && e.row.shape === 'qualitative' && typeof e.row.fraction === 'number') {
      const f = e.row.fraction;
      const i = this.template.tiers.findIndex((t) => inTier(t, f));
      if (i >= 0) this.tierHits[i]!++;
    }
  }

  /** Record the grade band a case's total fell in. */
  grade(report: Report): void {
    const i = this.template.grades.findIndex((g) => g.name === report.grade);
    if (i >= 0) this.gradeHits[i]!++;
  }

  summary(): CoverageSummary {
    const t = this.template;
    const items: CoverageItem[] = [];
    const branchItems = (owner: string, f: IrExpr, slots: [number, number][]) => {
      [...numberIfs(f).keys()].forEach((node, i) => {
        const cond = node.op === 'if' ? printIr(node.c) : '?';
        items.push({ kind: 'branch', label: `${owner} 如果 ${cond} → 则`, hits: slots[i]![0] });
        items.push({ kind: 'branch', label: `${owner} 如果 ${cond} → 否则`, hits: slots[i]![1] });
      });
    };
    t.rules.forEach((r, i) => {
      items.push({ kind: 'rule', label: `规则${quote(r.name)}`, hits: this.ruleHits[i]! });
      branchItems(`规则${quote(r.name)}`, r.formula, this.ruleBranches[i]!);
    });
    for (const s of flattenSections(t)) {
      if (!(s.kind === 'formula' && s.formula)) continue;
      items.push({ kind: 'rule', label: `${quote(s.name)}得分公式`, hits: this.sectionHits.get(s.id)! });
      branchItems(`${quote(s.name)}得分公式`, s.formula, this.sectionBranches.get(s.id)!);
    }
    t.tiers.forEach((x, i) => items.push({ kind: 'tier', label: `定性分档${quote(x.name)}`, hits: this.tierHits[i]! }));
    t.grades.forEach((g, i) => items.push({ kind: 'grade', label: `等级${quote(g.name)}`, hits: this.gradeHits[i]! }));
    const byKind = { rule: { covered: 0, total: 0 }, branch: { covered: 0, total: 0 }, tier: { covered: 0, total: 0 }, grade: { covered: 0, total: 0 } };
    for (const it of items) {
      byKind[it.kind].total++;
      if (it.hits > 0) byKind[it.kind].covered++;
    }
    const covered = items.filter((i) => i.hits > 0).length;
    const percent = items.length === 0 ? 100 : Math.floor((covered / items.length) * 10000) / 100;
    return { form: t.form, year: t.year, region: t.region, items, covered, total: items.length, percent, byKind };
  }
}

// ───────────────────────── running cases ─────────────────────────

/** A case's filing, read: its text, JSON or short form here; a path through `readPath`. */
export interface CaseFiling {
  filing: Filing | null;
  diagnostics: ImportDiagnostic[];
  /** why the filing could not be had at all (a file that is not there, a short form that does not read) */
  error?: { zh: string; en: string };
}

/**
 * Reads the file a case names by a path relative to its case file (the CLI: from disk; the
 * server: from its stored rule files); null when there is no such file.
 */
export type CasePathReader = (path: string) => Promise<{ bytes: Uint8Array; filename: string } | null>;

export async function caseFiling(spec: FilingSpec, readPath: CasePathReader): Promise<CaseFiling> {
  switch (spec.kind) {
    case 'path': {
      const f = await readPath(spec.path);
      if (!f) return { filing: null, diagnostics: [], error: { zh: `找不到填报表 ${spec.path}`, en: `no filing at ${spec.path}` } };
      const r = await importFiling(f.bytes, { filename: f.filename });
      return { filing: r.filing, diagnostics: r.diagnostics };
    }
    case 'tsv': {
      const r = await importFiling(spec.text, { filename: 'case.tsv' });
      return { filing: r.filing, diagnostics: r.diagnostics };
    }
    case 'json': {
      const r = importJsonValue(spec.value);
      return { filing: r.filing, diagnostics: r.diagnostics };
    }
    case 'short': {
      const r = shortFiling(spec.value);
      return r.filing ? { filing: r.filing, diagnostics: [] } : { filing: null, diagnostics: [], error: { zh: r.errors.join('；'), en: r.errors.join('; ') } };
    }
  }
}

export interface CaseResult {
  file: string;
  name: string;
  ok: boolean;
  failures: CaseFailure[];
  error?: { zh: string; en: string };
}

/** Run one case under the template `cov` measures: read its filing, score it, compare with what it expects. */
export async function runCase(cov: Coverage, c: RuleCase, file: string, readPath: CasePathReader): Promise<CaseResult> {
  const { filing, diagnostics, error } = await caseFiling(c.filing, readPath);
  if (!filing) {
    const first = diagnostics.find((d) => d.severity === 'error');
    return {
      file,
      name: c.name,
      ok: false,
      failures: [],
      error: { zh: `无法读取填报：${error?.zh ?? first?.message.zh ?? ''}`, en: `cannot read the filing: ${error?.en ?? first?.message.en ?? ''}` },
    };
  }
  const report = scoreFiling(cov.prepared, filing, diagnostics);
  cov.grade(report);
  const failures = checkCase(report, c.expect);
  return { file, name: c.name, ok: failures.length === 0, failures };
}

/** The coverage threshold in percent a parsed coverage.yaml gives (阈值 / threshold; `100%` or 100), 0 without one. */
export function coverageThreshold(doc: unknown): number {
  const o = isObj(doc) ? doc : null;
  const v = o?.['阈值'] ?? o?.['threshold'];
  return typeof v === 'number' ? v : Number(String(v ?? '0').replace('%', ''));
}
