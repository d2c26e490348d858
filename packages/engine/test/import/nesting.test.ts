// Units of units nest as deep as a department's structure, never thousands of levels:
// beyond MAX_UNIT_DEPTH (32) levels a filing is refused with IMP062 naming the limit, before
// zod (which walks units recursively) or the aggregation could overflow the stack.
import { describe, expect, it } from 'vitest';
import { importJson, importJsonValue } from '../../src/import/json.ts';
import { MAX_JSON_DEPTH, MAX_UNIT_DEPTH, validateFiling, type Filing } from '../../src/filing/model.ts';
import { aggregateFiling } from '../../src/score/aggregate.ts';
import { score, t2023 } from '../score/helpers.ts';

const leaf = { level1: '部门管理', level2: '资金投入', level3: '调研课题', target: '≥1项', actual: '1项', weight: 20, statedScore: 20 };

/** JSON text of a filing whose units nest `n` levels deep (built as text: JSON.stringify itself
 * overflows on a few thousand levels); the innermost unit, u0, has one row. */
function nestedText(n: number): string {
  let s = JSON.stringify({ rows: [leaf] });
  for (let i = 0; i < n; i++) s = `{"rows":[],"units":[{"name":"u${i}","funding":1,"filing":${s}}]${i === n - 1 ? ',"year":2023,"form":"部门整体支出"' : ''}}`;
  return s;
}

/** The same as an object built in code, iteratively. */
function nestedFiling(n: number): Filing {
  let f: Filing = { rows: [leaf] };
  for (let i = 0; i < n; i++) f = { rows: [], units: [{ name: `u${i}`, funding: 1, filing: f }] };
  return { ...f, year: 2023, form: '部门整体支出' };
}

describe('nesting limits of a JSON filing', () => {
  it('the limit is 32 levels of units', () => {
    expect(MAX_UNIT_DEPTH).toBe(32);
  });

  it('3,000 levels of units: IMP062 naming the limit and the unit at the first level beyond it, no stack overflow', () => {
    const r = importJson(nestedText(3000));
    expect(r.filing).toBeNull();
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d).toMatchObject({ code: 'IMP062', severity: 'error' });
    // the outermost unit is u2999 (level 1), so level 33 is u(2999 − 32) = u2967
    expect(d.message.zh).toBe('所属单位嵌套 3000 层，超过上限 32 层（第 33 层是单位 “u2967”）');
    expect(d.message.en).toBe('subordinate units are nested 3000 levels deep, beyond the limit of 32 levels (level 33 is the unit “u2967”)');
    // the path leads to that unit: 32 × (units, 0, filing), then units, 0
    expect(d.path).toHaveLength(32 * 3 + 2);
    expect(d.path!.slice(0, 3)).toEqual(['units', 0, 'filing']);
  });

  it('32 levels are a filing; 33 are not', () => {
    const ok = importJson(nestedText(32));
    expect(ok.diagnostics).toEqual([]);
    expect(ok.filing).not.toBeNull();
    const bad = importJson(nestedText(33));
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['IMP062']);
    expect(bad.diagnostics[0]!.message.zh).toBe('所属单位嵌套 33 层，超过上限 32 层（第 33 层是单位 “u0”）');
  });

  it('a filing of 32 levels scores: the one row of the innermost unit is the department’s', () => {
    const r = score(importJson(nestedText(32)).filing!);
    // 1项 ≥ 1项: 20 × min(1 / 1, 1) = 20
    expect(r.rows.find((x) => x.path[2] === '调研课题')!.score).toBe(20);
  });

  it('any other value nested beyond 128 levels: IMP062 as well, measured without recursion', () => {
    const text = `{"rows":[],"title":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const r = importJson(text);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['IMP062']);
    // root object = level 1, the 200,000 arrays = levels 2 … 200,001
    expect(r.diagnostics[0]!.message.zh).toMatch(/^JSON 嵌套 200001 层，超过上限 128 层（在 title\[0\]\[0\]/);
    expect(MAX_JSON_DEPTH).toBe(128);
  });

  it('validateFiling (used by the rule tests) refuses the same before zod sees it', () => {
    const v = validateFiling(JSON.parse(nestedText(3000)));
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.issues[0]!.message.zh).toContain('超过上限 32 层');
    expect(importJsonValue(JSON.parse(nestedText(40))).diagnostics[0]!.code).toBe('IMP062');
  });

  it('a filing built in code, 3,000 levels deep, aggregates the first 32 levels and says so', () => {
    const f = nestedFiling(3000);
    const a = aggregateFiling(f, t2023.checked);
    expect(a.findings.map((x) => x.code)).toEqual(['IMP062']);
    // the outermost unit u2999 is level 1, so level 33 is u(2999 − 32) = u2967
    expect(a.findings[0]!.message.zh).toBe('所属单位嵌套超过上限 32 层（第 33 层是单位 “u2967”），更深的单位未汇总');
    // no unit down to level 32 has rows: nothing aggregated
    expect(a.filing.rows).toEqual([]);
    const r = score(f);
    expect(r.findings.map((x) => x.code)).toContain('IMP062');
    expect(Number.isFinite(r.total)).toBe(true);
  });
});
