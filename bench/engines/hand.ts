// The limit: the 2023 部门整体支出 template scored by straight-line TypeScript, as a
// good engineer would write it by hand for this one template. Same contract as the
// compiled evaluator (EvalInput → EvalOutput), so the two are compared on the same work.
import { round2 } from './common.ts';
import type { DeductionResult, EvalInput, EvalOutput, RowInput, RowResult, RowStatus, SectionResult } from '@jixiao/compiler';

const CAP_MICRO = [0, 20e6, 50e6, 10e6, 10e6];

const okN = (x: unknown): x is number => typeof x === 'number' && x >= 0 && x < Infinity;

export function scoreHand(input: EvalInput): EvalOutput {
  const S = [0, 0, 0, 0, 0]; // section scores in cents
  const WS = [0, 0, 0, 0, 0]; // row weights in millionths
  const rows: RowResult[][] = [];
  const secs = input.sections;
  for (let i = 0; i < secs.length; i++) {
    const rs = secs[i]!;
    const out: RowResult[] = [];
    for (let j = 0; j < rs.length; j++) out.push(scoreRow(i, rs[j]!, S, WS));
    rows.push(out);
  }
  // rows whose weights miss the cap: scaled in proportion
  for (let s = 1; s < 5; s++) {
    const ws = WS[s]!;
    if (ws !== CAP_MICRO[s] && ws > 0) S[s] = Math.round(round2(((S[s]! / 100) * CAP_MICRO[s]!) / ws) * 100);
  }
  // 预算执行率 = 10 × min(执行数 / 预算数, 1)
  const { budget: b, spent: sp } = input.budget;
  let st0: SectionResult['status'] = 'ok';
  if (!okN(b) || !okN(sp)) st0 = 'invalid-input';
  else if (b === 0) st0 = 'div-by-zero';
  else S[0] = Math.round(round2(10 * Math.min(sp / b, 1)) * 100);

  const sum = S[0]! + S[1]! + S[2]! + S[3]! + S[4]!;
  // 扣分: each item ≤ 5, together ≤ 10, total not below 0
  const items = input.deductions?.[0] ?? [];
  let claimed = 0;
  let capped = false;
  let bad = 0;
  for (let j = 0; j < items.length; j++) {
    const x = items[j]!;
    if (!okN(x)) {
      bad++;
      continue;
    }
    let c = Math.round(round2(x) * 100);
    if (c > 500) {
      c = 500;
      capped = true;
    }
    claimed += c;
  }
  if (claimed > 1000) {
    claimed = 1000;
    capped = true;
  }
  const t = Math.max(sum - claimed, Math.min(sum, 0));
  const deductions: DeductionResult[] = [{ applied: (sum - t) / 100 + 0, capped, invalidItems: bad }];
  const total = t / 100 + 0;
  const grade = total >= 90 ? 0 : total >= 80 ? 1 : total >= 60 ? 2 : 3;
  const sections: SectionResult[] = [
    { score: S[0]! / 100 + 0, status: st0, weightSum: null, weightMismatch: false },
    { score: S[1]! / 100 + 0, status: 'ok', weightSum: WS[1]! / 1e6, weightMismatch: WS[1] !== CAP_MICRO[1] },
    { score: S[2]! / 100 + 0, status: 'ok', weightSum: WS[2]! / 1e6, weightMismatch: WS[2] !== CAP_MICRO[2] },
    { score: S[3]! / 100 + 0, status: 'ok', weightSum: WS[3]! / 1e6, weightMismatch: WS[3] !== CAP_MICRO[3] },
    { score: S[4]! / 100 + 0, status: 'ok', weightSum: WS[4]! / 1e6, weightMismatch: WS[4] !== CAP_MICRO[4] },
  ];
  return { rows, sections, sum: sum / 100 + 0, deductions, total, grade };
}

function scoreRow(i: number, row: RowInput, S: number[], WS: number[]): RowResult {
  const w = row.weight;
  // section 0 is the budget formula: no rows; nested paths lead nowhere (all filled sections are flat)
  if (i === 0 || i > 4 || (row.path && row.path.length > 0)) return { section: -1, rule: -1, status: 'unplaced', weight: w, score: 0 };
  if (okN(w)) WS[i]! += Math.round(w * 1e6);
  const a = row.actual;
  const t = row.target;
  let rule: number;
  let v = 0;
  let status: RowStatus = 'ok';
  switch (row.shape) {
    case '>=': // 正向: compared before dividing, so a target of 0 is met
      rule = 0;
      if (!okN(w) || !okN(a) || !okN(t)) status = 'invalid-input';
      else if (a >= t) v = w;
      else if (t === 0) status = 'div-by-zero';
      else v = w * Math.min(a / t, 1);
      break;
    case '>': // 严格正向
      rule = 1;
      if (!okN(w) || !okN(a) || !okN(t)) status = 'invalid-input';
      else if (a > t) v = w;
      else if (t === 0) v = 0;
      else v = w * Math.min(a / t, 1);
      break;
    case '<=': // 反向
      rule = 2;
      if (!okN(w) || !okN(a) || !okN(t)) status = 'invalid-input';
      else if (a <= t) v = w;
      else if (a === 0) status = 'div-by-zero';
      else v = w * Math.min(t / a, 1);
      break;
    case '<': // 严格反向
      rule = 3;
      if (!okN(w) || !okN(a) || !okN(t)) status = 'invalid-input';
      else if (a < t) v = w;
      else if (a === 0) v = 0;
      else v = w * Math.min(t / a, 1);
      break;
    case '=': // 等于
      rule = 4;
      if (!okN(w) || !okN(a) || !okN(t)) status = 'invalid-input';
      else if (t === 0) v = a <= 0 ? w : 0;
      else v = w * Math.min(a / t, 1);
      break;
    case 'qualitative': // 定性
      rule = 5;
      {
        const f = row.fraction;
        if (!okN(w) || typeof f !== 'number' || !(f >= 0 && f <= 1)) status = 'invalid-input';
        else v = w * f;
      }
      break;
    case 'deadline': // 时效
      rule = 6;
      if (!okN(w) || !okN(a) || !okN(t)) status = 'invalid-input';
      else v = a <= t ? w : 0;
      break;
    default:
      return { section: i, rule: -1, status: 'no-rule', weight: w, score: 0 };
  }
  let score = 0;
  if (status === 'ok') {
    if (v < Infinity) score = round2(v);
    else status = 'invalid-input';
  }
  S[i]! += Math.round(score * 100);
  return { section: i, rule, status, weight: w, score };
}
