// One heuristic reads header labels: detectHeader trusts the known spellings, the
// playground's mapping step also shows keyword guesses (guessField, proposeHeader).
import { describe, expect, it } from 'vitest';
import { parseTsv } from '../../src/import/grid.ts';
import { proposeHeader } from '../../src/import/columns.ts';
import { fieldOfLabel, guessField } from '../../src/import/labels.ts';

describe('guessField', () => {
  it('reads a known spelling as a label, with its unit in brackets and spaces dropped', () => {
    expect(guessField('年度指标值')).toEqual({ field: 'target', guess: 'label' });
    expect(guessField('分 值（分）')).toEqual({ field: 'weight', guess: 'label' });
    expect(guessField('偏差原因分析及改进措施说明')).toEqual({ field: 'reason', guess: 'label' });
  });
  it('guesses by keyword where no spelling fits, and header detection does not trust the guess', () => {
    expect(guessField('计划')).toEqual({ field: 'target', guess: 'keyword' });
    expect(guessField('实绩')).toEqual({ field: 'actual', guess: 'keyword' });
    expect(guessField('满分')).toEqual({ field: 'weight', guess: 'keyword' });
    expect(guessField('自评')).toEqual({ field: 'statedScore', guess: 'keyword' });
    expect(fieldOfLabel('计划')).toBeNull();
  });
  it('guesses nothing for empty, unknown or long text', () => {
    expect(guessField('')).toEqual({ field: null, guess: null });
    expect(guessField('名目')).toEqual({ field: null, guess: null });
    expect(guessField('这是一段很长的说明文字，其中提到了目标和完成情况')).toEqual({ field: null, guess: null });
  });
});

describe('proposeHeader', () => {
  it('proposes the row with most distinct fields as the header', () => {
    const g = parseTsv('部门整体支出绩效自评表\t\n类别\t子类\t名目\t指标值\t计划\t实绩\t满分\t自评\n部门管理\t资金投入\t基本支出预算执行率\t≥95%\t≥95%\t98%\t10\t10\n');
    const p = proposeHeader(g);
    expect(p.headerLine).toBe(2);
    expect(p.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(p.rows[0]!.cells.map((c) => c.field)).toEqual([null, null, null, 'indicatorValue', 'target', 'actual', 'weight', 'statedScore']);
  });
  it('has no header line for a table without rows of two cells', () => {
    expect(proposeHeader(parseTsv('一\n二\n'))).toEqual({ rows: [], headerLine: null });
  });
});
