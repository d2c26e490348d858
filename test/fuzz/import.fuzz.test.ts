// Fuzzing every importer: damaged tables, JSON and xlsx bytes give a clear error or a
// report, never a crash, and every report they lead to respects its bounds.
import { readdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from '@jixiao/language';
import { checkTemplate } from '@jixiao/compiler';
import { importJson, importTsv, importXlsx, prepareTemplate, scoreFiling, type Filing, type ImportResult, type Report } from '@jixiao/engine';
import { prng } from './mutate.ts';
import { timeoutFor } from './template-fuzz.ts';

// a smoke by default; FUZZ_INPUTS (test:fuzz, fuzz) scales it up
const COUNT = Math.max(400, Math.floor(Number(process.env['FUZZ_INPUTS'] ?? 4_000) / 10));

const root = new URL('../../', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, root), 'utf8');
const checked = checkTemplate(parse(read('rules/甘肃/2023/部门整体支出.jx')).ast.templates[0]!).template!;
const prepared = prepareTemplate(checked);

const tables = [read('rules/甘肃/2023/examples/seed.tsv'), ...readdirSync(new URL('packages/engine/test/fixtures/', root)).map((f) => read(`packages/engine/test/fixtures/${f}`))];

const junk = [
  '',
  '\t',
  '\n',
  '\r\n',
  '"',
  '""',
  '≥**',
  '500%',
  '1e309',
  '-0',
  'NaN',
  'Infinity',
  '__proto__',
  'constructor',
  '总分',
  '一级指标',
  '分值',
  '得分',
  '\u0000',
  '\uFEFF',
  '𠀀',
  '9月前',
  '年底前',
  '—',
  '１２３',
  '99999999999999999999999',
];

function mutateTable(text: string, r: () => number): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const ops = 1 + Math.floor(r() * 5);
  for (let k = 0; k < ops; k++) {
    const i = Math.floor(r() * lines.length);
    const row = lines[i] ?? [];
    const j = Math.floor(r() * (row.length + 1));
    switch (Math.floor(r() * 7)) {
      case 0:
        row.splice(j, 1);
        break;
      case 1:
        row.splice(j, 0, junk[Math.floor(r() * junk.length)]!);
        break;
      case 2:
        row[j] = junk[Math.floor(r() * junk.length)]!;
        break;
      case 3:
        lines.splice(i, 1);
        break;
      case 4:
        lines.splice(i, 0, row.slice());
        break;
      case 5: {
        const o = Math.floor(r() * lines.length);
        if (lines[i] && lines[o]) [lines[i], lines[o]] = [lines[o], lines[i]];
        break;
      }
      default:
        row[j] = String.fromCodePoint(Math.floor(r() * 0x2ffff));
        break;
    }
  }
  return lines.map((l) => l.join('\t')).join('\n');
}

function assertSound(res: ImportResult, what: string): void {
  for (const d of res.diagnostics) if (!d.message?.zh || !d.message?.en) throw new Error(`${what}: diagnostic without message ${JSON.stringify(d)}`);
  if (res.filing) assertReport(scoreFiling(prepared, res.filing, res.diagnostics), what);
}

function assertReport(r: Report, what: string): void {
  const ok = (x: number) => Number.isFinite(x);
  const bad = (m: string) => {
    throw new Error(`${what}: ${m}`);
  };
  if (!ok(r.total) || r.total < 0 || r.total > r.cap) bad(`total ${r.total}`);
  for (const s of r.sections) if (!ok(s.score) || s.score < 0 || s.score > s.cap + 1e-9) bad(`section ${s.name} ${s.score}/${s.cap}`);
  for (const row of r.rows) if (!ok(row.score) || row.score < 0 || row.score > Math.max(row.weight, 0) + 1e-9) bad(`row ${row.path.join('/')} ${row.score}/${row.weight}`);
  if (/NaN|Infinity/.test(JSON.stringify(r.rows.map((x) => [x.score, x.weight])))) bad('NaN in report');
}

describe('importer fuzz', () => {
  it(
    `TSV: ${COUNT} damaged tables give a report or a clear error`,
    () => {
      const r = prng(7 + Number(process.env['FUZZ_SEED'] ?? 0));
      let scored = 0;
      for (let i = 0; i < COUNT; i++) {
        const text = mutateTable(tables[i % tables.length]!, r);
        try {
          const res = importTsv(text);
          assertSound(res, `tsv #${i}`);
          if (res.filing) scored++;
          else expect(res.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        } catch (e) {
          throw new Error(`tsv input #${i}: ${(e as Error).stack}\n--- input ---\n${text}`);
        }
      }
      expect(scored).toBeGreaterThan(COUNT / 4);
    },
    timeoutFor(COUNT),
  );

  it(
    `JSON: ${COUNT} damaged filings give a report or a path-and-value error`,
    () => {
      const clean = read('rules/甘肃/2023/examples/clean.json');
      const r = prng(11 + Number(process.env['FUZZ_SEED'] ?? 0));
      let scored = 0;
      for (let i = 0; i < COUNT; i++) {
        const f = JSON.parse(clean) as Filing & Record<string, unknown>;
        // damage values, keys and types, then sometimes the text itself
        const rows = f.rows as unknown as Record<string, unknown>[];
        const row = rows[Math.floor(r() * rows.length)]!;
        const keys = Object.keys(row);
        const key = keys[Math.floor(r() * keys.length)]!;
        const values: unknown[] = [null, -5, 1e308, 'x', [], {}, '500%', '≥**', true, '__proto__'];
        row[key] = values[Math.floor(r() * values.length)];
        if (r() < 0.2) (f as Record<string, unknown>)[junk[Math.floor(r() * junk.length)]!] = 1;
        if (r() < 0.2) f.budget = { initialBudget: r() * 100, budget: r() < 0.3 ? 0 : r() * 100, spent: r() * 200, weight: 10, statedScore: r() * 12 };
        let text = JSON.stringify(f);
        if (r() < 0.3) {
          const at = Math.floor(r() * text.length);
          text = text.slice(0, at) + junk[Math.floor(r() * junk.length)] + text.slice(at + Math.floor(r() * 5));
        }
        try {
          const res = importJson(text);
          assertSound(res, `json #${i}`);
          if (res.filing) scored++;
        } catch (e) {
          throw new Error(`json input #${i}: ${(e as Error).message}\n--- input ---\n${text}`);
        }
      }
      expect(scored).toBeGreaterThan(COUNT / 10);
      expect(Object.prototype).not.toHaveProperty('polluted');
    },
    timeoutFor(COUNT),
  );

  it(
    'xlsx: damaged workbook bytes give a clear error, never a crash',
    async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('自评表');
      for (const line of tables[0]!.split('\n')) ws.addRow(line.split('\t'));
      const good = new Uint8Array(await wb.xlsx.writeBuffer());
      expect((await importXlsx(good)).filing).not.toBeNull();
      const r = prng(13 + Number(process.env['FUZZ_SEED'] ?? 0));
      const n = Math.min(300, Math.floor(COUNT / 20));
      for (let i = 0; i < n; i++) {
        const bytes = good.slice(0, r() < 0.3 ? Math.floor(r() * good.length) : good.length);
        for (let k = 0; k < 1 + Math.floor(r() * 8); k++) bytes[Math.floor(r() * bytes.length)] = Math.floor(r() * 256);
        const res = await importXlsx(bytes);
        if (!res.filing) expect(res.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        else assertSound(res, `xlsx #${i}`);
      }
    },
    timeoutFor(COUNT),
  );
});
