import { describe, expect, it } from 'vitest';
import { importFiling, MAX_FILING_BYTES, MAX_FILING_ROWS } from '../../src/index.ts';

function table(rows: number): string {
  const secs = ['部门管理', '履职效果', '能力建设', '服务对象满意度'];
  const out = ['部门整体支出绩效自评表（2023年度）', '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分'];
  for (let i = 0; i < rows; i++) out.push([i % 50 === 0 ? secs[(i / 50) % 4] : '', i % 10 === 0 ? `二级${i}` : '', `指标${i}`, '≥10项', `${i % 13}项`, '0.5', '0.5'].join('\t'));
  return out.join('\n');
}

describe('import limits', () => {
  it(`imports ${MAX_FILING_ROWS} indicator rows`, async () => {
    const r = await importFiling(table(MAX_FILING_ROWS), { filename: 'big.tsv' });
    expect(r.filing?.rows).toHaveLength(MAX_FILING_ROWS);
  }, 60_000);

  it('refuses one row more, naming the limit', async () => {
    const r = await importFiling(table(MAX_FILING_ROWS + 1), { filename: 'big.tsv' });
    expect(r.filing).toBeNull();
    expect(r.diagnostics[0]).toMatchObject({ code: 'IMP007', severity: 'error' });
    expect(r.diagnostics[0]!.message.zh).toContain(String(MAX_FILING_ROWS));
  }, 60_000);

  it('refuses a filing above 50 MB before reading it, naming the limit', async () => {
    const bytes = new Uint8Array(MAX_FILING_BYTES + 1);
    const r = await importFiling(bytes, { filename: 'huge.tsv' });
    expect(r.diagnostics[0]!.code).toBe('IMP007');
    expect(r.diagnostics[0]!.message.zh).toContain('50.0 MB');
  });
});
