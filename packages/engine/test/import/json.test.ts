import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { importJson } from '../../src/import/json.ts';
import { importTsv } from '../../src/import/tsv.ts';
import { Filing, filingJsonSchema, validateFiling } from '../../src/filing/model.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const seedText = readFileSync(fileURLToPath(new URL('../../../../rules/甘肃/2023/examples/seed.tsv', import.meta.url)), 'utf8');
const row = { level1: '产出指标', level2: '数量指标', level3: '培训人次', target: '≥50个', actual: '62个', weight: 20, statedScore: 20 };

describe('JSON filings', () => {
  it('the TSV import of the seed round-trips through JSON', () => {
    const f = importTsv(seedText).filing!;
    const back = importJson(JSON.stringify(f));
    expect(back.diagnostics).toEqual([]);
    expect(back.filing).toEqual(f);
  });

  it('a wrong type gives the path and the value', () => {
    const r = importJson(JSON.stringify({ rows: [row, { ...row, weight: '二十' }] }));
    expect(r.filing).toBeNull();
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d).toMatchObject({ code: 'IMP061', severity: 'error', path: ['rows', 1, 'weight'], value: '二十' });
    expect(d.message.zh).toBe('rows[1].weight 应为数字，实际是文本 “二十”');
    expect(d.message.en).toBe('rows[1].weight must be number, got string “二十”');
  });

  it('a number too large for a double (1e400 reads as Infinity) is out of range, not "got number null"', () => {
    const r = importJson(JSON.stringify({ rows: [{ ...row, weight: 20 }] }).replace('"weight":20', '"weight":1e400'));
    expect(r.diagnostics.map((d) => [d.code, d.message.zh])).toEqual([['IMP061', 'rows[0].weight 的数值超出范围（绝对值太大，不是有限的数）']]);
  });

  it('a missing field says it is missing', () => {
    const { level3: _drop, ...noName } = row;
    const r = importJson(JSON.stringify({ rows: [noName] }));
    expect(r.diagnostics[0]).toMatchObject({ path: ['rows', 0, 'level3'], value: undefined });
    expect(r.diagnostics[0]!.message.zh).toContain('缺少必填项');
  });

  it('reports every issue, not only the first', () => {
    const r = importJson(JSON.stringify({ year: 'x', budget: { initialBudget: 1, budget: '2', spent: null }, rows: {} }));
    expect(r.diagnostics.map((d) => d.path)).toEqual([['year'], ['budget', 'budget'], ['rows']]);
  });

  it('a syntax error is an error diagnostic, with the position when the runtime reports one', () => {
    const r = importJson('{\n  "rows": [,]\n}');
    expect(r.filing).toBeNull();
    expect(r.diagnostics[0]).toMatchObject({ code: 'IMP060', severity: 'error' });
    expect(r.diagnostics[0]!.message.zh).toMatch(/^JSON 语法错误/);
    if (r.diagnostics[0]!.line !== undefined) expect(r.diagnostics[0]!.line).toBe(2);
  });

  it('__proto__ and constructor keys are data: rejected as unknown keys, never merged', () => {
    const r = importJson('{"rows": [], "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
    expect(r.filing).toBeNull();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.message.zh).toContain('__proto__');
    expect(r.diagnostics[0]!.message.zh).toContain('constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });

  it('a row whose value reads "__proto__" is plain text', () => {
    const r = importJson(JSON.stringify({ rows: [{ ...row, level3: '__proto__', target: 'constructor' }] }));
    expect(r.filing!.rows[0]!.level3).toBe('__proto__');
  });

  it('validateFiling reads the offending value through own properties only', () => {
    const r = validateFiling({ rows: [{ ...row, weight: 'x' as unknown as number }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.pathText).toBe('rows[0].weight');
  });

  it('sub-units are filings too (recursive)', () => {
    const ok = validateFiling({ rows: [], units: [{ name: '下属单位', funding: 12.5, filing: { rows: [row] } }] });
    expect(ok.ok).toBe(true);
    const bad = validateFiling({ rows: [], units: [{ name: '下属单位', funding: 12.5, filing: { rows: [{ ...row, statedScore: '满分' }] } }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]!.path).toEqual(['units', 0, 'filing', 'rows', 0, 'statedScore']);
  });

  it('emits a JSON Schema', () => {
    const schema = filingJsonSchema();
    expect(JSON.stringify(schema)).toContain('statedScore');
    expect(() => z.toJSONSchema(Filing as z.ZodType)).not.toThrow();
  });
});
