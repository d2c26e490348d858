// xlsx round trip: build the seed table as a workbook (with merged cells, numbers
// and percent formats), import it, and compare with the TSV import.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseTsv } from '../../src/import/grid.ts';
import { importTsv } from '../../src/import/tsv.ts';
import { importXlsx } from '../../src/import/xlsx.ts';
import { decodeText, importFiling } from '../../src/import/index.ts';
import type { Filing } from '../../src/filing/model.ts';

const seedText = readFileSync(fileURLToPath(new URL('../../../../rules/甘肃/2023/examples/seed.tsv', import.meta.url)), 'utf8');

function colName(c: number): string {
  return String.fromCharCode(64 + c);
}

/** Write the seed grid into a sheet: numbers as numbers, percentages as formatted fractions, merged level cells. */
async function seedWorkbook(opts: { extraSheetFirst?: boolean } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (opts.extraSheetFirst) wb.addWorksheet('说明').getCell('A1').value = '填表说明：本表由单位填报';
  const ws = wb.addWorksheet('自评表');
  const grid = parseTsv(seedText);
  grid.rows.forEach((row, ri) => {
    row.cells.forEach((cell, ci) => {
      const c = ws.getCell(ri + 1, ci + 1);
      const t = cell.text;
      if (t === '') return;
      if (/^\d+$/.test(t) && ri > 3) c.value = Number(t);
      else if (/^\d+\.\d\d$/.test(t)) {
        c.value = Number(t);
        c.numFmt = '0.00';
      } else if (/^\d+\.\d\d%$/.test(t)) {
        c.value = Number(t.slice(0, -1)) / 100;
        c.numFmt = '0.00%';
      } else c.value = t;
    });
  });
  // the title spans the table; level-1 and level-2 cells span their rows
  ws.mergeCells('A1:H1');
  const header = grid.rows.findIndex((r) => r.cells[0]?.text === '指标项');
  const totalRow = grid.rows.findIndex((r) => r.cells[0]?.text === '总分');
  for (const col of [1, 2]) {
    let start = header + 2; // 1-based first data row
    for (let r = start + 1; r <= totalRow + 1; r++) {
      const filled = r === totalRow + 1 || ws.getCell(r, col).value !== null;
      if (filled) {
        if (r - 1 > start) ws.mergeCells(`${colName(col)}${start}:${colName(col)}${r - 1}`);
        start = r;
      }
    }
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

const withoutSource = (f: Filing) => ({ ...f, rows: f.rows.map(({ source: _s, ...rest }) => rest) });

describe('xlsx import', () => {
  it('gives the same filing as the TSV import (merged cells read as "same as above")', async () => {
    const bytes = await seedWorkbook();
    const fromXlsx = await importXlsx(bytes);
    const fromTsv = importTsv(seedText);
    expect(fromXlsx.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(withoutSource(fromXlsx.filing!)).toEqual(withoutSource(fromTsv.filing!));
    expect(fromXlsx.filing!.rows).toHaveLength(27);
    expect(fromXlsx.filing!.statedTotal).toBe(97);
    expect(fromXlsx.filing!.rows[20]!.actual).toBe('98.00%');
  });

  it('merged slaves really hold the master value in the workbook (so the importer must blank them)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await seedWorkbook()) as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A9').isMerged).toBe(true);
    expect(ws.getCell('A9').value).toBe('部门管理');
  });

  it('reports the repaired row at its xlsx row', async () => {
    const r = await importXlsx(await seedWorkbook());
    expect(r.diagnostics.find((d) => d.code === 'IMP020')).toMatchObject({ severity: 'warning', line: 17 });
    expect(r.filing!.rows[0]!.source).toEqual({ line: 8, column: 3 });
  });

  it('picks the sheet holding the header', async () => {
    const r = await importXlsx(await seedWorkbook({ extraSheetFirst: true }));
    expect(r.filing!.rows).toHaveLength(27);
    expect(r.diagnostics.find((d) => d.code === 'IMP071')!.message.zh).toContain('自评表');
  });

  it('an unreadable workbook is an error, not a throw', async () => {
    const r = await importXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(r.filing).toBeNull();
    expect(r.diagnostics[0]).toMatchObject({ code: 'IMP070', severity: 'error' });
  });
});

describe('importFiling', () => {
  it('chooses by extension', async () => {
    const bytes = new TextEncoder().encode(seedText);
    const r = await importFiling(bytes, { filename: 'seed.tsv' });
    expect(r.filing!.statedTotal).toBe(97);
  });
  it('chooses by content: zip bytes are xlsx, "{" is JSON, else TSV', async () => {
    expect((await importFiling(await seedWorkbook())).filing!.rows).toHaveLength(27);
    expect((await importFiling('{"rows": []}')).filing).toEqual({ rows: [] });
    expect((await importFiling(seedText)).filing!.year).toBe(2023);
  });
  it('decodes GB18030 text (WPS exports)', () => {
    expect(decodeText(new Uint8Array([0xd7, 0xdc, 0xb7, 0xd6]))).toBe('总分');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xe6, 0x80, 0xbb]))).toBe('总');
  });
  it('an xlsx name with non-xlsx bytes is an error', async () => {
    const r = await importFiling(new TextEncoder().encode('a\tb'), { filename: 'x.xlsx' });
    expect(r.diagnostics[0]).toMatchObject({ code: 'IMP005', severity: 'error' });
  });
});
