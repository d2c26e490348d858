// Import diagnostics in the one model: severity from the catalogue, the data beside the text,
// and the line named once, by data rather than by reading the message.
import { describe, expect, it } from 'vitest';
import { codesOf } from '@jixiao/language';
import { DIAGNOSTIC_CODES, diag, importDiagnostic, unnamedLine } from '../../src/import/diagnostics.ts';
import { importTsv } from '../../src/import/tsv.ts';
import { importFindings } from '../../src/score/score.ts';

const HEAD = '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分';

describe('the IMP catalogue', () => {
  it('gives every code a severity: fixed, or for IMP003 a documented function of the data', () => {
    for (const e of codesOf(DIAGNOSTIC_CODES)) expect(e.severity, e.code).toBeDefined();
    expect(DIAGNOSTIC_CODES.IMP030.severity).toBe('warning');
    expect(diag('IMP003', 'error', 1, undefined, { zh: '缺少指标名称列', en: 'no name column' })).toMatchObject({ severity: 'error', data: { required: true } });
    expect(diag('IMP003', 'warning', 1, undefined, { zh: '缺少得分列', en: 'no score column' })).toMatchObject({ severity: 'warning', data: { required: false } });
  });

  it('words IMP007 from its data', () => {
    const d = importDiagnostic('IMP007', { rows: 100_001, limit: 100_000 });
    expect(d).toMatchObject({ code: 'IMP007', severity: 'error', data: { rows: 100_001, limit: 100_000 } });
    expect(d.message.zh).toBe('填报表有 100001 行指标，上限为 100000 行');
    expect(d.help?.zh).toBe('拆分填报表后分别评分');
  });
});

describe('the line of an import diagnostic in the report', () => {
  it('is named after the message when the message does not name it', () => {
    // 十分 is no number: IMP030 at line 2, its message names the cell, not the line
    const r = importTsv([HEAD, '产出指标\t数量指标\t培训次数\t≥4次\t4次\t十分\t10'].join('\n'));
    const d = r.diagnostics.find((x) => x.code === 'IMP030')!;
    expect(unnamedLine(d)).toBe(2);
    expect(importFindings([d])[0]!.message.zh).toBe(`${d.message.zh}（第 2 行）`);
  });

  it('is not named twice when the message names it (the data say so)', () => {
    // a row with cells beyond the header: IMP021, whose message begins 第 2 行
    const r = importTsv([HEAD, '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10\t多余'].join('\n'));
    const d = r.diagnostics.find((x) => x.code === 'IMP021')!;
    expect(d.message.zh.startsWith('第 2 行')).toBe(true);
    expect(d.data).toEqual({ line: 2 });
    expect(unnamedLine(d)).toBeUndefined();
    const [f] = importFindings([d]);
    expect(f!.message).toEqual(d.message);
    expect(f!.data).toEqual({ line: 2 });
  });
});
