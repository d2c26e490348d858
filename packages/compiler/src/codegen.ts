// Code generation: a CheckedTemplate becomes one plain-JS evaluator built with
// `new Function`. No text from the template or the filing is ever spliced into
// the generated source: names and formula IR go into a constants array `k`
// referenced by index; numbers are emitted only as JSON of finite numbers; the
// only strings in the source are our own fixed tokens (statuses, shapes).

import type { CmpOp, TargetShape } from '@jixiao/language';
import { MAX_WEIGHT, type Evaluator } from './evaluator.ts';
import { CMP_SYM, PREC, caseWhy, explainRow, explainScaled, explainSection, numberIfs, numberShares, shapeClause, traceSize } from './explain.ts';
import { formatNumber, fromMicro, toMicro } from './numbers.ts';
import { type IrExpr, NEAR_EPS, nearCompare, readsOf, varsOf } from './ir.ts';
import { type CheckedTemplate, flattenSections } from './model.ts';
import { roundScore, scaleMicro, scoreMicro } from './round.ts';
import type { VarId } from './vars.ts';

export interface CompileOptions {
  /** add a one-line derivation to every row and formula section (slower) */
  explain?: boolean;
}

const KIND_CODE = { formula: 0, fixed: 1, filled: 2, leaf: 3 } as const;
/** The prelude's comparison of each operator (NEAR: equal to 12 significant digits). */
const CMP_FN: Record<CmpOp, string> = { '>=': 'GE', '>': 'GT', '<=': 'LE', '<': 'LT', '=': 'NEAR', '!=': 'NE' };

const SHAPES: readonly TargetShape[] = ['>=', '>', '<=', '<', '=', '!=', 'qualitative', 'deadline'];

/** A number as JS source: JSON of a finite number (±Infinity as the global names). */
export function emitNumber(v: number): string {
  if (typeof v !== 'number' || Number.isNaN(v)) throw new TypeError('codegen: not a number');
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '(-Infinity)';
  if (!Number.isFinite(v)) throw new TypeError('codegen: not finite');
  const s = JSON.stringify(v);
  return v < 0 || Object.is(v, -0) ? `(${s})` : s;
}

/** One of our own fixed tokens as a JS string literal (never user text). */
function token(s: string): string {
  if (!/^[a-z<>=!-]+$/.test(s)) throw new Error(`codegen: refusing to emit ${JSON.stringify(s)}`);
  return JSON.stringify(s);
}

const ARG: Record<VarId, string> = { W: 'w', actual: 'a', target: 't', fraction: 'f', initialBudget: 'ib', budget: 'b', spent: 'sp' };

class Constants {
  readonly values: unknown[] = [];
  private readonly strings = new Map<string, string>();
  add(v: unknown): string {
    this.values.push(v);
    return `k[${this.values.length - 1}]`;
  }
  /** a string through the table, once per distinct value */
  str(v: string): string {
    let ref = this.strings.get(v);
    if (!ref) {
      ref = this.add(v);
      this.strings.set(v, ref);
    }
    return ref;
  }
}

/**
 * JS code for the explanation text of `e` with the values substituted and only the
 * branches the trace `T` records (the same text as explain.ts `substitute`), wrapped in
 * parentheses when its precedence is below `min`. Every piece of text, ours or the
 * author's (number spellings), is a constant of the table; values go through `fmt`.
 */
function genText(e: IrExpr, min: number, V: Partial<Record<VarId, string>>, ifs: Map<IrExpr, number>, k: Constants, sh: Map<IrExpr, number> = new Map()): string {
  if (e.op === 'if') {
    const slot = `T[${emitNumber(ifs.get(e)!)}]`;
    return `(${slot} === 1 ? ${genText(e.t, min, V, ifs, k, sh)} : ${slot} === 2 ? ${genText(e.e, min, V, ifs, k, sh)} : ${k.str(min > 0 ? '(…)' : '…')})`;
  }
  const g = (x: IrExpr, m: number) => genText(x, m, V, ifs, k, sh);
  let inner: string;
  switch (e.op) {
    case 'num':
      inner = k.str(e.text);
      break;
    case 'var':
      inner = V[e.v] === undefined ? k.str(formatNumber(null)) : `fmt(${V[e.v]})`;
      break;
    case 'input':
      inner = `fmt(I[${emitNumber(e.index)}])`;
      break;
    case 'share': {
      const slot = ifs.size + 2 * sh.get(e)!;
      inner = `${k.str(`占比(${e.name} `)} + fmt(T[${emitNumber(slot)}]) + ${k.str('/')} + fmt(T[${emitNumber(slot + 1)}]) + ${k.str(')')}`;
      break;
    }
    case 'neg':
      inner = `${k.str('-')} + ${g(e.x, 6)}`;
      break;
    case '+':
    case '-':
    case '*':
    case '/': {
      const p = PREC[e.op]!;
      inner = `${g(e.l, p)} + ${k.str(` ${e.op === '*' ? '×' : e.op} `)} + ${g(e.r, p + 1)}`;
      break;
    }
    case 'min':
    case 'max':
      inner = `${k.str(`${e.op}(`)} + ${e.args.map((a) => g(a, 0)).join(` + ${k.str(', ')} + `)} + ${k.str(')')}`;
      break;
    case 'cmp':
      inner = `${g(e.l, 4)} + ${k.str(` ${CMP_SYM[e.cmp]} `)} + ${g(e.r, 4)}`;
      break;
    case 'and':
    case 'or': {
      const p = PREC[e.op]!;
      inner = `${g(e.l, p)} + ${k.str(e.op === 'and' ? ' 且 ' : ' 或 ')} + ${g(e.r, p + 1)}`;
      break;
    }
  }
  const prec = PREC[e.op] ?? 7;
  return prec < min ? `(${k.str('(')} + ${inner} + ${k.str(')')})` : `(${inner})`;
}

function genExpr(e: IrExpr, ifs: Map<IrExpr, number> | null, sh: Map<IrExpr, number> | null = null): string {
  const g = (x: IrExpr) => genExpr(x, ifs, sh);
  switch (e.op) {
    case 'num':
      return emitNumber(e.value);
    case 'var':
      return ARG[e.v];
    case 'input':
      return `I[${emitNumber(e.index)}]`;
    case 'share': {
      // the condition is a function of each row's 实际 (a) and 目标 (t); in explain mode the
      // counts go to two trace slots after the ifs
      const slot = ifs && sh ? emitNumber(ifs.size + 2 * sh.get(e)!) : '-1';
      return `SH(R[${emitNumber(e.set)}], function (a, t) { return ${genExpr(e.cond, null)}; }, ${ifs ? 'T' : 'null'}, ${slot})`;
    }
    case 'neg':
      return `(-${g(e.x)})`;
    case '+':
    case '-':
    case '*':
      return `(${g(e.l)} ${e.op} ${g(e.r)})`;
    case '/':
      return `D(${g(e.l)}, ${g(e.r)})`;
    case 'min':
    case 'max':
      return `Math.${e.op}(${e.args.map(g).join(', ')})`;
    case 'if': {
      if (!ifs) return `(${g(e.c)} ? ${g(e.t)} : ${g(e.e)})`;
      const slot = emitNumber(ifs.get(e)!);
      return `(${g(e.c)} ? (T[${slot}] = 1, ${g(e.t)}) : (T[${slot}] = 2, ${g(e.e)}))`;
    }
    case 'cmp': {
      if (nearCompare(e)) return `${CMP_FN[e.cmp]}(${g(e.l)}, ${g(e.r)})`;
      const op = e.cmp === '=' ? '===' : e.cmp === '!=' ? '!==' : e.cmp;
      return `(${g(e.l)} ${op} ${g(e.r)})`;
    }
    case 'and':
      return `(${g(e.l)} && ${g(e.r)})`;
    case 'or':
      return `(${g(e.l)} || ${g(e.r)})`;
  }
}

/** The domain check of the inputs a formula reads; `negatives` may be any finite number. */
function genValidity(f: IrExpr, negatives: readonly VarId[] = []): string {
  const checks: string[] = [];
  for (const v of varsOf(f)) {
    if (v === 'W') continue; // rows check their weight first; section weights are the template's
    checks.push(v === 'fraction' ? `okF(${ARG[v]})` : negatives.includes(v) ? `fin(${ARG[v]})` : `okN(${ARG[v]})`);
  }
  // declared inputs (输入 …) are amounts ≥ 0, like the budget figures
  for (const i of readsOf(f).inputs) checks.push(`okN(I[${emitNumber(i)}])`);
  return checks.length ? checks.join(' && ') : 'true';
}

/** The generated source (for inspection and tests) and the constants it refers to. */
export function generate(t: CheckedTemplate, opts: CompileOptions = {}): { source: string; constants: unknown[] } {
  const explain = opts.explain === true;
  const k = new Constants();
  const flat = flattenSections(t);
  const N = flat.length;
  const L = [] as string[];
  const P = emitNumber(t.decimals);
  const MODE = k.add(t.rounding);
  L.push('"use strict";');
  L.push(
    'const roundScore = rt.roundScore, scoreMicro = rt.scoreMicro, fromMicro = rt.fromMicro, toMicro = rt.toMicro, fmt = rt.formatNumber, shapeClause = rt.shapeClause, caseWhy = rt.caseWhy;',
  );
  L.push('let Z = 0, NA = 0;');
  L.push('function D(x, y) { if (y === 0) { Z = 1; return 0; } return x / y; }');
  L.push('function okN(x) { return typeof x === "number" && x >= 0 && x < Infinity; }');
  L.push(`function okW(x) { return typeof x === "number" && x >= 0 && x <= ${emitNumber(MAX_WEIGHT)}; }`);
  L.push('function okF(x) { return typeof x === "number" && x >= 0 && x <= 1; }');
  L.push('function fin(x) { return typeof x === "number" && x > -Infinity && x < Infinity; }');
  // A comparison with a computed side holds to 12 significant digits (ir.ts nearCompare):
  // (0.33 − 0.3) / 0.3 is 0.10000000000000009 in binary, and must still be ≤ 10%.
  L.push(`function NEAR(x, y) { return x === y || Math.abs(x - y) <= ${emitNumber(NEAR_EPS)} * Math.max(Math.abs(x), Math.abs(y)); }`);
  L.push('function LE(x, y) { return x <= y || NEAR(x, y); }');
  L.push('function GE(x, y) { return x >= y || NEAR(x, y); }');
  L.push('function LT(x, y) { return x < y && !NEAR(x, y); }');
  L.push('function GT(x, y) { return x > y && !NEAR(x, y); }');
  L.push('function NE(x, y) { return !NEAR(x, y); }');
  // 占比: the share of a row set's rows meeting a condition; no rows is a division by zero;
  // a row whose 实际 or 目标 is not a number ≥ 0 does not meet it
  L.push(
    'function SH(rows, p, T, k) { if (!Array.isArray(rows) || rows.length === 0) { Z = 1; return 0; } let m = 0; for (let i = 0; i < rows.length; i++) { const r = rows[i]; if (r && okN(r.actual) && okN(r.target) && p(r.actual, r.target)) m++; } if (T) { T[k] = m; T[k + 1] = rows.length; } return m / rows.length; }',
  );

  // rules
  const ruleIfs = t.rules.map((r) => numberIfs(r.formula));
  t.rules.forEach((r, i) => {
    const n = emitNumber(i);
    L.push(`function rule${n}(w, a, t, f${explain ? ', T' : ''}) { return ${genExpr(r.formula, explain ? ruleIfs[i]! : null)}; }`);
    L.push(`function valid${n}(w, a, t, f) { return okW(w) && ${genValidity(r.formula, r.negatives)}; }`);
    if (explain) {
      // the 'ok' explanation, straight-line: same text as explainRow
      const V: Partial<Record<VarId, string>> = { W: 'w', actual: 'a', target: 't', fraction: 'f' };
      L.push(`const TR${n} = [${Array.from({ length: ruleIfs[i]!.size }, () => '0').join(', ')}];`);
      // the case that decided, where a 如果 did (explain.ts caseWhy)
      const why = ruleIfs[i]!.size ? `caseWhy(${k.add(r.formula)}, ${k.add(ruleIfs[i])}, w, a, t, f, T)` : k.str('');
      L.push(
        `function ex${n}(w, a, t, f, T, score, shape) { return ${k.str(r.name)} + ${k.str(': ')} + shapeClause(shape, a, t, f) + ${why} + ${k.str(' → ')} + ${genText(r.formula, 0, V, ruleIfs[i]!, k)} + ${k.str(' = ')} + fmt(score); }`,
      );
    }
  });
  const ruleNames = t.rules.map((r) => k.add(r.name));
  const ruleIrs = t.rules.map((r) => k.add(r.formula));

  // shape → rule
  L.push('function ruleFor(shape) {');
  L.push('  switch (shape) {');
  for (const shape of SHAPES) {
    const r = t.rules.find((x) => x.shapes.includes(shape));
    if (r) L.push(`    case ${token(shape)}: return ${emitNumber(r.index)};`);
  }
  L.push('  }');
  L.push('  return -1;');
  L.push('}');

  // section formulas
  for (const s of flat) {
    if (s.kind !== 'formula' || !s.formula) continue;
    const n = emitNumber(s.id);
    // a formula reads the budget, its own row's 实际/目标 (a, t), declared inputs (I) and row sets (R)
    L.push(
      `function sec${n}(w, ib, b, sp, a, t, I, R${explain ? ', T' : ''}) { return ${genExpr(s.formula, explain ? numberIfs(s.formula) : null, explain ? numberShares(s.formula) : null)}; }`,
    );
  }

  // static tables (numbers only)
  const arr = (xs: number[]) => `[${xs.map(emitNumber).join(', ')}]`;
  L.push(`const L1 = ${arr(t.sections.map((s) => s.id))};`);
  L.push(`const CH = [${flat.map((s) => arr(s.children.map((c) => c.id))).join(', ')}];`);
  L.push(`const KIND = ${arr(flat.map((s) => KIND_CODE[s.kind]))};`);
  L.push(`const PIN = ${arr(flat.map((s) => s.pinnedRule ?? -1))};`);
  L.push(`const WEIGHT = ${arr(flat.map((s) => s.weight.value))};`);
  L.push(`const WMICRO = ${arr(flat.map((s) => toMicro(s.weight.value)))};`);

  L.push('function place(i, path) {');
  L.push('  if (!(i < L1.length)) return -1;');
  L.push('  let s = L1[i];');
  L.push('  if (path !== undefined && path !== null) {');
  L.push('    if (!Array.isArray(path)) return -1;');
  L.push('    for (let d = 0; d < path.length; d++) {');
  L.push('      const c = CH[s], x = path[d];');
  L.push('      if (!Number.isInteger(x) || x < 0 || x >= c.length) return -1;');
  L.push('      s = c[x];');
  L.push('    }');
  L.push('  }');
  L.push('  return s;');
  L.push('}');

  // one row
  L.push('function scoreRow(i, row, S, WS, used) {');
  L.push('  const s = place(i, row.path);');
  L.push('  const kind = s < 0 ? -1 : KIND[s];');
  // the weight used: to the millionth (a filing's 3.3333333 is 3.333333); out of range stays as given
  L.push('  const w0 = kind === 3 ? WEIGHT[s] : row.weight;');
  L.push('  const wm = kind === 3 ? WMICRO[s] : okW(w0) ? toMicro(w0) : -1;');
  L.push('  const w = wm >= 0 ? fromMicro(wm) : w0;');
  L.push('  const a = row.actual, t = row.target, f = row.fraction;');
  L.push('  if (kind !== 2 && (kind !== 3 || used[s])) return ' + rowOut('-1', '-1', '"unplaced"', 'w', '0', explain) + ';');
  // 不适用 (a row marked not applicable): scores 0; its weight leaves its section when the
  // template rescales within sections, else stays, and under 按总分折算 the total is rescaled
  const na = t.notApplicable;
  L.push('  if (row.notApplicable === true) {');
  L.push('    if (kind === 3) used[s] = true;');
  if (na !== 'section') L.push('    else WS[s] += wm >= 0 ? wm : 0;');
  if (na === 'total') L.push('    NA += wm >= 0 ? wm : 0;');
  L.push('    return ' + rowOut('s', '-1', '"not-applicable"', 'w', '0', explain) + ';');
  L.push('  }');
  L.push('  if (kind === 3) used[s] = true;');
  L.push('  else WS[s] += wm >= 0 ? wm : 0;');
  L.push('  let r = PIN[s];');
  L.push('  if (r < 0) r = ruleFor(row.shape);');
  L.push('  if (r < 0) return ' + rowOut('s', 'r', '"no-rule"', 'w', '0', explain) + ';');
  L.push('  let v = 0, ok = false;');
  if (explain) L.push('  let T = null;');
  L.push('  Z = 0;');
  L.push('  switch (r) {');
  t.rules.forEach((_, i) => {
    const n = emitNumber(i);
    const tr = explain ? `T = TR${n};${Array.from({ length: ruleIfs[i]!.size }, (_, j) => ` T[${emitNumber(j)}] = 0;`).join('')} ` : '';
    L.push(`    case ${n}: ok = valid${n}(w, a, t, f); if (ok) { ${tr}v = rule${n}(w, a, t, f${explain ? ', T' : ''}); } break;`);
  });
  L.push('  }');
  L.push('  let status = "ok", sm = 0;');
  L.push('  if (!ok) status = "invalid-input";');
  L.push('  else if (Z) status = "div-by-zero";');
  L.push('  else if (!fin(v)) status = "invalid-input";');
  L.push(`  else sm = scoreMicro(v, wm, ${P}, ${MODE});`);
  L.push('  S[s] += sm;');
  L.push('  const score = fromMicro(sm);');
  if (explain) {
    L.push('  let ex = "";');
    L.push('  if (status === "ok") switch (r) {');
    t.rules.forEach((_, i) => L.push(`    case ${emitNumber(i)}: ex = ex${emitNumber(i)}(w, a, t, f, T, score, row.shape); break;`));
    L.push('  }');
    L.push(
      `  else ex = rt.explainRow({ ruleName: RN[r], formula: RI[r], status, weight: w, shape: row.shape, actual: a, target: t, fraction: f, trace: T === null ? [] : T.slice(), score });`,
    );
  }
  L.push('  return ' + rowOut('s', 'r', 'status', 'w', 'score', explain, 'ex') + ';');
  L.push('}');
  if (explain) {
    L.push(`const RN = [${ruleNames.join(', ')}];`);
    L.push(`const RI = [${ruleIrs.join(', ')}];`);
  }

  // evaluate
  L.push('return function evaluate(input) {');
  L.push('  NA = 0;');
  // small templates: array literals (packed, no fill pass); large ones: fill
  const filled = (v: string) => (N <= 64 ? `[${Array.from({ length: N }, () => v).join(', ')}]` : `new Array(${emitNumber(N)}).fill(${v})`);
  L.push(`  const S = ${filled('0')}, WS = ${filled('0')}, used = ${filled('false')};`);
  L.push(`  const SST = ${filled('"ok"')};`);
  if (explain) L.push(`  const SX = ${filled('undefined')};`);
  L.push('  const secs = Array.isArray(input.sections) ? input.sections : [];');
  L.push('  const rows = [];');
  L.push('  for (let i = 0; i < secs.length; i++) {');
  L.push('    const rs = Array.isArray(secs[i]) ? secs[i] : [], out = [];');
  L.push('    for (let j = 0; j < rs.length; j++) out.push(scoreRow(i, rs[j], S, WS, used));');
  L.push('    rows.push(out);');
  L.push('  }');
  // 单位填报 sections whose row weights miss the cap are scored in proportion (see scaleMicro)
  for (const s of flat) {
    if (s.kind !== 'filled') continue;
    const n = emitNumber(s.id);
    const wm = emitNumber(toMicro(s.weight.value));
    L.push(`  if (WS[${n}] !== ${wm} && WS[${n}] > 0) { const raw = S[${n}]; S[${n}] = rt.scaleMicro(raw, WS[${n}], ${wm}, ${P}, ${MODE});`);
    if (explain) L.push(`    SX[${n}] = rt.explainScaled(${k.add(s.name)}, fromMicro(raw), fromMicro(WS[${n}]), ${emitNumber(s.weight.value)}, fromMicro(S[${n}]));`);
    L.push('  }');
  }
  L.push('  const bud = input.budget || {};');
  L.push('  const ib = bud.initialBudget === undefined ? null : bud.initialBudget, b = bud.budget, sp = bud.spent;');
  L.push('  const I = Array.isArray(input.inputs) ? input.inputs : [], R = Array.isArray(input.rowSets) ? input.rowSets : [];');
  L.push('  const FR = Array.isArray(input.formulaRows) ? input.formulaRows : [];');
  for (const s of flat) {
    if (s.kind !== 'formula' || !s.formula) continue;
    const n = emitNumber(s.id);
    const w = emitNumber(s.weight.value);
    L.push(`  { const w = ${w}; Z = 0;${explain ? ` const T = new Array(${emitNumber(traceSize(s.formula))}).fill(0);` : ''}`);
    // the filing's row of this indicator, when there is one: its 实际/目标, and it was filed (择一)
    L.push(`    const fr = FR[${n}], a = fr ? fr.actual : null, t = fr ? fr.target : null; if (fr) used[${n}] = true;`);
    L.push(`    if (!(${genValidity(s.formula)})) SST[${n}] = "invalid-input";`);
    L.push(`    else { const v = sec${n}(w, ib, b, sp, a, t, I, R${explain ? ', T' : ''});`);
    L.push(`      if (Z) SST[${n}] = "div-by-zero"; else if (!fin(v)) SST[${n}] = "invalid-input"; else S[${n}] = scoreMicro(v, WMICRO[${n}], ${P}, ${MODE}); }`);
    if (explain) {
      const name = k.add(s.name);
      const ir = k.add(s.formula);
      const V: Partial<Record<VarId, string>> = { W: 'w', initialBudget: 'ib', budget: 'b', spent: 'sp', actual: 'a', target: 't' };
      L.push(
        `    SX[${n}] = SST[${n}] === "ok" ? ${name} + ${k.str(': ')} + ${genText(s.formula, 0, V, numberIfs(s.formula), k, numberShares(s.formula))} + ${k.str(' = ')} + fmt(fromMicro(S[${n}]))`,
      );
      L.push(
        `      : rt.explainSection(${name}, ${ir}, SST[${n}], w, { budget: { initialBudget: ib, budget: b, spent: sp }, row: fr ? { actual: a, target: t } : null, inputs: I }, T, fromMicro(S[${n}])); }`,
      );
    } else L.push('  }');
  }
  // fixed sections, children first (children have larger ids)
  // 择一: of a group of alternatives only the first one filed counts, and the group once
  for (const s of [...flat].reverse()) {
    if (s.kind !== 'fixed') continue;
    const terms: string[] = [];
    const seen = new Set<number>();
    for (const c of s.children) {
      if (c.choice === null) terms.push(`S[${emitNumber(c.id)}]`);
      else if (!seen.has(c.choice)) {
        seen.add(c.choice);
        const options = s.children.filter((o) => o.choice === c.choice);
        terms.push(options.reduceRight((rest, o) => `(used[${emitNumber(o.id)}] ? S[${emitNumber(o.id)}] : ${rest})`, '0'));
      }
    }
    L.push(`  S[${emitNumber(s.id)}] = ${terms.join(' + ')};`);
  }
  L.push(`  let T0 = ${t.sections.map((s) => `S[${emitNumber(s.id)}]`).join(' + ') || '0'};`);
  if (t.notApplicable === 'total') {
    // applicable scores × 总分 / (总分 − weights not applicable), never above 总分
    const cap = emitNumber(toMicro(t.total.value));
    L.push(`  if (NA > 0 && NA < ${cap}) T0 = Math.min(rt.scaleMicro(T0, ${cap} - NA, ${cap}, ${P}, ${MODE}), ${cap});`);
  }
  L.push('  const sum = T0;');
  L.push('  const din = Array.isArray(input.deductions) ? input.deductions : [];');
  L.push('  const deductions = [];');
  t.deductions.forEach((d, i) => {
    // the caps and the floor have at most the template's places (JX2034): exact in µ
    const sc = (x: number) => emitNumber(toMicro(x));
    const pm = d.perItemMax ? sc(d.perItemMax.value) : 'Infinity';
    const tm = sc(d.totalMax.value);
    const fl = sc(d.floor.value);
    L.push('  {');
    L.push(`    const items = Array.isArray(din[${emitNumber(i)}]) ? din[${emitNumber(i)}] : [];`);
    L.push('    let claimed = 0, capped = false, bad = 0;');
    L.push('    for (let j = 0; j < items.length; j++) {');
    L.push('      const x = items[j];');
    L.push('      if (!okW(x)) { bad++; continue; }');
    L.push(`      let xs = toMicro(roundScore(x, ${P}, ${MODE}));`);
    L.push(`      if (xs > ${pm}) { xs = ${pm}; capped = true; }`);
    L.push('      claimed += xs;');
    L.push('    }');
    L.push(`    if (claimed > ${tm}) { claimed = ${tm}; capped = true; }`);
    L.push(`    const before = T0; T0 = Math.max(T0 - claimed, Math.min(T0, ${fl}));`);
    L.push('    deductions.push({ applied: fromMicro(before - T0), capped, invalidItems: bad });');
    L.push('  }');
  });
  L.push('  const total = fromMicro(T0);');
  L.push('  let grade = -1;');
  t.grades.forEach((g, i) => {
    const lo = `total ${g.loClosed ? '>=' : '>'} ${emitNumber(g.lo)}`;
    const hi = `total ${g.hiClosed ? '<=' : '<'} ${emitNumber(g.hi)}`;
    L.push(`  ${i === 0 ? '' : 'else '}if (${lo} && ${hi}) grade = ${emitNumber(i)};`);
  });
  L.push('  const sections = [];');
  L.push(`  for (let s = 0; s < ${emitNumber(N)}; s++) {`);
  L.push('    const o = { score: fromMicro(S[s]), status: SST[s], weightSum: KIND[s] === 2 ? fromMicro(WS[s]) : null, weightMismatch: KIND[s] === 2 && WS[s] !== WMICRO[s] };');
  if (explain) L.push('    if (SX[s] !== undefined) o.explain = SX[s];');
  L.push('    sections.push(o);');
  L.push('  }');
  L.push('  return { rows, sections, sum: fromMicro(sum), deductions, total, grade };');
  L.push('};');
  return { source: L.join('\n'), constants: k.values };
}

function rowOut(section: string, rule: string, status: string, weight: string, score: string, explain: boolean, ex?: string): string {
  const base = `section: ${section}, rule: ${rule}, status: ${status}, weight: ${weight}, score: ${score}`;
  if (!explain) return `{ ${base} }`;
  const e =
    ex ??
    `rt.explainRow({ ruleName: ${rule === '-1' ? 'null' : `RN[${rule}]`}, formula: null, status: ${status}, weight: ${weight}, shape: row.shape, actual: a, target: t, fraction: f, trace: [], score: 0 })`;
  return `{ ${base}, explain: ${e} }`;
}

const RUNTIME = { roundScore, scoreMicro, fromMicro, toMicro, scaleMicro, explainRow, explainSection, explainScaled, formatNumber, shapeClause, caseWhy };

/** Compile a checked template to a fast evaluator. */
export function compile(t: CheckedTemplate, opts: CompileOptions = {}): Evaluator {
  const { source, constants } = generate(t, opts);
  const factory = new Function('k', 'rt', source) as (k: readonly unknown[], rt: typeof RUNTIME) => Evaluator;
  return factory(Object.freeze(constants.slice()), RUNTIME);
}
