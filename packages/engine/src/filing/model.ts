// The canonical filing: one unit's self-evaluation table as JSON.
//
// Every value cell keeps its raw text (`indicatorValue`, `target`, `actual`);
// `value.ts` parses that text into a typed Value when a rule needs it. Weights,
// scores and money are numbers. The schema is plain zod 4 so that
// `z.toJSONSchema(Filing)` emits the JSON Schema of a filing.
//
// Untrusted JSON is parsed with a reviver-free JSON.parse and validated here;
// zod builds fresh objects from the known keys only, so keys such as
// `__proto__` or `constructor` are rejected as unknown keys (data), never merged
// into a prototype.

import { z } from 'zod';
import { msg, quote, type Message } from './message.ts';

/** Where a row came from in the imported text: 1-based line and column (xlsx: row and column). */
export const SourcePos = z.strictObject({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
});
export type SourcePos = z.infer<typeof SourcePos>;

const money = z.number().nullable().describe('万元; null when the cell is empty or "—"');

/** 其中: 当年财政拨款 / 上年结转资金 / 其他资金 */
export const FundRow = z.strictObject({
  name: z.string(),
  initialBudget: money.optional(),
  budget: money.optional(),
  spent: money.optional(),
});
export type FundRow = z.infer<typeof FundRow>;

/** The budget block: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分. */
export const Budget = z.strictObject({
  /** 年初预算数 */
  initialBudget: money,
  /** 全年预算数 (调整后预算数) */
  budget: money,
  /** 全年执行数 */
  spent: money,
  /** 分值 */
  weight: z.number().nullable().optional(),
  /** 执行率 as written, e.g. "100%" */
  statedRate: z.string().nullable().optional(),
  /** 得分 as filed */
  statedScore: z.number().nullable().optional(),
  funds: z.array(FundRow).optional(),
});
export type Budget = z.infer<typeof Budget>;

/** 年度总体目标: 预期目标 | 实际完成情况 */
export const Goals = z.strictObject({
  expected: z.string(),
  actual: z.string(),
});
export type Goals = z.infer<typeof Goals>;

/** One indicator row (三级指标). */
export const IndicatorRow = z.strictObject({
  /** 一级指标 name, without its cap ("产出指标(70分)" → "产出指标") */
  level1: z.string(),
  /** 二级指标 name */
  level2: z.string(),
  /** 三级指标 name */
  level3: z.string(),
  /** 指标值 as written, where the table has a column of its own for it */
  indicatorValue: z.string().optional(),
  /** 年度目标值 / 年度指标值 as written */
  target: z.string(),
  /** 实际完成值 as written */
  actual: z.string(),
  /** 分值 */
  weight: z.number().nullable(),
  /** 得分 as filed */
  statedScore: z.number().nullable(),
  /** 偏差原因分析及改进措施 */
  reason: z.string().optional(),
  /** rubric forms: 指标解释, what the indicator measures */
  explanation: z.string().optional(),
  /** rubric forms: 评分标准, how the indicator is scored, as written */
  criteria: z.string().optional(),
  /** the table marks the indicator as not applicable ("/", "—", 不适用 in its value cells); the row is kept */
  notApplicable: z.boolean().optional(),
  source: SourcePos.optional(),
});
export type IndicatorRow = z.infer<typeof IndicatorRow>;

/** A second-level group named in a level-2 cell that carried its cap. */
export const Group = z.strictObject({
  name: z.string(),
  statedCap: z.number().nullable(),
});
export type Group = z.infer<typeof Group>;

/** A first-level indicator as the filing states it (its cap when the cell carried one). */
export const Section = z.strictObject({
  name: z.string(),
  /** "产出指标(70分)" → 70; null when the table does not state it */
  statedCap: z.number().nullable(),
  /** stated score of the section when the table has a subtotal row */
  statedScore: z.number().nullable().optional(),
  groups: z.array(Group).optional(),
});
export type Section = z.infer<typeof Section>;

export const Deduction = z.strictObject({
  reason: z.string(),
  points: z.number(),
});
export type Deduction = z.infer<typeof Deduction>;

export const FORMS = ['部门整体支出', '项目支出'] as const;

/** A name of an extra input: not empty, and never a name an object already has (__proto__, constructor, prototype). */
const INPUT_NAME = z.string().regex(/^(?!(?:__proto__|constructor|prototype)$)[\s\S]+$/);

/**
 * 全年预算调剂金额 and the like, by name. Zod skips an own "__proto__" key of a record
 * without a word; it is refused here, as the JSON Schema's propertyNames refuses it, so
 * that no key is dropped silently and the two validators agree.
 */
export const Inputs = z.preprocess(
  (v, ctx) => {
    if (v !== null && typeof v === 'object' && Object.hasOwn(v, '__proto__'))
      ctx.issues.push({ code: 'invalid_key', origin: 'record', issues: [], path: ['__proto__'], message: 'reserved name', input: v } as never);
    return v;
  },
  z.record(INPUT_NAME, z.number()),
);

export interface SubUnit {
  name: string;
  /** funding used to weight relative values when aggregating (万元) */
  funding: number | null;
  filing: Filing;
}

export interface Filing {
  title?: string | undefined;
  /** 项目名称 (项目支出) */
  project?: string | undefined;
  /** 实施单位 */
  unit?: string | undefined;
  /** 主管部门 */
  department?: string | undefined;
  year?: number | undefined;
  /** '部门整体支出' | '项目支出' | another form name */
  form?: string | undefined;
  /** 地区: the jurisdiction whose rules apply (全国, 甘肃, 四川/遂宁/大英县) */
  region?: string | undefined;
  /** the one place the document's text names (甘肃/庆阳/正宁县), read by the importer; a hint for choosing the template, weaker than 地区 */
  place?: string | undefined;
  budget?: Budget | undefined;
  goals?: Goals | undefined;
  sections?: Section[] | undefined;
  rows: IndicatorRow[];
  /** 总分 row: the weight total it states (e.g. 100) */
  statedWeightTotal?: number | null | undefined;
  /** 总分 row: the total score it states (e.g. 97) */
  statedTotal?: number | null | undefined;
  /** the total the report text around the table states ("自评得分100分"), when given */
  reportTotal?: number | null | undefined;
  deductions?: Deduction[] | undefined;
  /** figures the indicator table does not carry, by their label ("全年预算调剂金额：5" → { 全年预算调剂金额: 5 }); the template says which it reads */
  inputs?: Record<string, number> | undefined;
  units?: SubUnit[] | undefined;
}

export const SubUnit: z.ZodType<SubUnit> = z.strictObject({
  name: z.string(),
  funding: z.number().nullable(),
  get filing() {
    return Filing;
  },
});

export const Filing: z.ZodType<Filing> = z.strictObject({
  title: z.string().optional(),
  project: z.string().optional(),
  unit: z.string().optional(),
  department: z.string().optional(),
  year: z.number().int().min(1900).max(2999).optional(),
  form: z.string().optional().describe("'部门整体支出' | '项目支出' | another form"),
  region: z.string().optional().describe('地区: the jurisdiction whose rules apply, from the country down (全国, 甘肃, 四川/遂宁/大英县)'),
  place: z
    .string()
    .optional()
    .describe('the one place the text around the table names (甘肃/庆阳/正宁县), read by the importer: a hint for choosing the template when 地区 is not given'),
  budget: Budget.optional(),
  goals: Goals.optional(),
  sections: z.array(Section).optional(),
  rows: z.array(IndicatorRow),
  statedWeightTotal: z.number().nullable().optional(),
  statedTotal: z.number().nullable().optional(),
  reportTotal: z.number().nullable().optional().describe('the total the report text states (自评得分 N 分), when the filing came with its report'),
  deductions: z.array(Deduction).optional(),
  inputs: Inputs.optional().describe('figures the table does not carry, by label (全年预算调剂金额 …)'),
  get units() {
    return z.array(SubUnit).optional();
  },
});

// ───────────────────────── nesting ─────────────────────────

/** Levels of subordinate units (units of units …) a filing may have. A real department has
 * two or three; the limit keeps validation and aggregation, which walk the tree, far from
 * the stack's depth. */
export const MAX_UNIT_DEPTH = 32;
/** Nesting of JSON arrays and objects a filing may have: a filing with MAX_UNIT_DEPTH levels
 * of units nests about 3 × 32 + 4 deep; anything deeper is not a filing. */
export const MAX_JSON_DEPTH = 128;

export type NestingProblem = { kind: 'units'; depth: number; path: JsonPath; name: string | null } | { kind: 'json'; depth: number; path: JsonPath };

/**
 * Whether a parsed JSON value nests beyond the limits: units beyond MAX_UNIT_DEPTH
 * levels, or arrays/objects beyond MAX_JSON_DEPTH. Iterative (never recursive), so a
 * value 100,000 levels deep is measured, not a stack overflow. Reports the deepest.
 */
export function nestingProblem(root: unknown): NestingProblem | null {
  // units: breadth-first over filings, own properties only
  let level: { filing: unknown; path: JsonPath }[] = [{ filing: root, path: [] }];
  let depth = 0;
  let first: { path: JsonPath; name: string | null } | null = null;
  while (level.length > 0) {
    const next: { filing: unknown; path: JsonPath }[] = [];
    for (const { filing, path } of level) {
      const units = ownValue(filing, 'units');
      if (!Array.isArray(units)) continue;
      units.forEach((u, i) => {
        const f = ownValue(u, 'filing');
        if (f === null || typeof f !== 'object') return;
        // paths are kept only up to the limit: the message names the first unit beyond it
        const p = depth <= MAX_UNIT_DEPTH ? [...path, 'units', i] : path;
        if (depth + 1 > MAX_UNIT_DEPTH && first === null) {
          const name = ownValue(u, 'name');
          first = { path: p, name: typeof name === 'string' ? name : null };
        }
        next.push({ filing: f, path: depth < MAX_UNIT_DEPTH ? [...p, 'filing'] : p });
      });
    }
    if (next.length > 0) depth++;
    level = next;
  }
  if (first !== null) {
    const f = first as { path: JsonPath; name: string | null };
    return { kind: 'units', depth, path: f.path, name: f.name };
  }

  // everything else: depth-first with an explicit stack
  const stack: { v: unknown; d: number; path: JsonPath | null }[] = [{ v: root, d: 1, path: [] }];
  let deepest: { d: number; path: JsonPath } | null = null;
  let max = 0;
  while (stack.length > 0) {
    const { v, d, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (d > MAX_JSON_DEPTH && deepest === null && path) deepest = { d, path };
    const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
    for (const k of keys) {
      const child = (v as Record<string | number, unknown>)[k];
      if (child !== null && typeof child === 'object') stack.push({ v: child, d: d + 1, path: path && d <= MAX_JSON_DEPTH ? [...path, k] : path });
    }
  }
  return deepest ? { kind: 'json', depth: max, path: (deepest as { path: JsonPath }).path } : null;
}

function ownValue(o: unknown, key: string): unknown {
  return o !== null && typeof o === 'object' && !Array.isArray(o) && Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

/** The message for a nesting problem, naming the limit (the full path is the diagnostic's `path`). */
export function nestingMessage(p: NestingProblem): Message {
  const at = shortPath(p.path);
  if (p.kind === 'units') {
    const who = p.name !== null ? `单位 ${quote(p.name)}` : ` ${at}`;
    return msg(
      `所属单位嵌套 ${p.depth} 层，超过上限 ${MAX_UNIT_DEPTH} 层（第 ${MAX_UNIT_DEPTH + 1} 层是${who}）`,
      `subordinate units are nested ${p.depth} levels deep, beyond the limit of ${MAX_UNIT_DEPTH} levels (level ${MAX_UNIT_DEPTH + 1} is ${p.name !== null ? `the unit ${quote(p.name)}` : at})`,
    );
  }
  return msg(
    `JSON 嵌套 ${p.depth} 层，超过上限 ${MAX_JSON_DEPTH} 层（在 ${at || '(根)'} 之下）`,
    `the JSON nests ${p.depth} levels deep, beyond the limit of ${MAX_JSON_DEPTH} (below ${at || '(root)'})`,
  );
}

/** A path short enough for a one-line message: its start, then an ellipsis. */
function shortPath(path: JsonPath): string {
  const text = pathToText(path);
  return text.length <= 40 ? text : `${text.slice(0, 39)}…`;
}

// ───────────────────────── validation ─────────────────────────

export type JsonPath = (string | number)[];

export interface FilingIssue {
  /** path into the filing, e.g. ["rows", 3, "weight"] */
  path: JsonPath;
  /** the path as text, e.g. "rows[3].weight" ("(根)" / "(root)" when empty) */
  pathText: string;
  /** the value found at the path (undefined when missing) */
  value: unknown;
  message: Message;
}

export type ValidationResult = { ok: true; filing: Filing } | { ok: false; issues: FilingIssue[] };

export function pathToText(path: JsonPath): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(p)) s += s ? `.${p}` : p;
    else s += `[${JSON.stringify(p)}]`;
  }
  return s;
}

/** Read the value at a path using own properties only (never the prototype chain). */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let cur: unknown = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.hasOwn(cur, p)) return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: 'null',
  undefined: '缺失',
  int: '整数',
  nan: 'NaN',
};

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && Number.isNaN(v)) return 'nan';
  return typeof v;
}

interface RawIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  keys?: string[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  values?: unknown[];
  origin?: string;
}

function issueMessage(issue: RawIssue, value: unknown, where: string): Message {
  // JSON.parse reads 1e400 as Infinity: say what the file holds, not "got number null"
  if (typeof value === 'number' && !Number.isNaN(value) && !Number.isFinite(value))
    return msg(`${where} 的数值超出范围（绝对值太大，不是有限的数）`, `${where} is out of range (too large to be a finite number)`);
  const got = kindOf(value);
  switch (issue.code) {
    case 'invalid_type': {
      const exp = issue.expected ?? '?';
      if (value === undefined) return msg(`${where} 缺少必填项（应为${TYPE_ZH[exp] ?? exp}）`, `${where} is missing (expected ${exp})`);
      return msg(`${where} 应为${TYPE_ZH[exp] ?? exp}，实际是${TYPE_ZH[got] ?? got} ${quote(value)}`, `${where} must be ${exp}, got ${got} ${quote(value)}`);
    }
    case 'unrecognized_keys': {
      const keys = (issue.keys ?? []).map((k) => quote(k)).join('、');
      return msg(`${where} 含有不认识的字段 ${keys}`, `${where} has unknown key(s) ${keys}`);
    }
    case 'too_small':
      return msg(`${where} 的值 ${quote(value)} 小于允许的最小值 ${String(issue.minimum)}`, `${where} value ${quote(value)} is below the minimum ${String(issue.minimum)}`);
    case 'too_big':
      return msg(`${where} 的值 ${quote(value)} 大于允许的最大值 ${String(issue.maximum)}`, `${where} value ${quote(value)} is above the maximum ${String(issue.maximum)}`);
    case 'invalid_key': {
      const key = String(issue.path[issue.path.length - 1]);
      const parent = pathToText(issue.path.slice(0, -1).map((p) => (typeof p === 'number' ? p : String(p)))) || '(根)';
      return msg(
        `${parent} 中的名称 ${quote(key)} 不能用作数据名称（不能为空，也不能是 __proto__、constructor、prototype）`,
        `${parent}: the name ${quote(key)} cannot name a figure (it must not be empty, __proto__, constructor or prototype)`,
      );
    }
    case 'invalid_value':
      return msg(`${where} 的值 ${quote(value)} 不在允许的取值中`, `${where} value ${quote(value)} is not one of the allowed values`);
    default:
      return msg(`${where} 的值 ${quote(value)} 无效：${issue.message}`, `${where} value ${quote(value)} is invalid: ${issue.message}`);
  }
}

/** Validate an already parsed value as a Filing. Never throws. */
export function validateFiling(input: unknown): ValidationResult {
  // zod walks nested units recursively: refuse what nests beyond the limits first
  const deep = nestingProblem(input);
  if (deep) return { ok: false, issues: [{ path: deep.path, pathText: pathToText(deep.path), value: undefined, message: nestingMessage(deep) }] };
  const r = Filing.safeParse(input);
  if (r.success) return { ok: true, filing: r.data };
  const issues: FilingIssue[] = [];
  for (const raw of r.error.issues as unknown as RawIssue[]) {
    const path: JsonPath = raw.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const value = valueAt(input, path);
    const pathText = pathToText(path);
    const where = pathText || '(根)';
    const m = issueMessage(raw, value, where);
    if (!pathText) m.en = m.en.replace('(根)', '(root)');
    issues.push({ path, pathText, value, message: m });
  }
  return { ok: false, issues };
}

/** JSON Schema of a filing (draft 2020-12). */
export function filingJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Filing as z.ZodType, { io: 'input' }) as Record<string, unknown>;
}
