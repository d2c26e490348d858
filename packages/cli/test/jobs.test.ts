// `jixiao score file.ndjson --jobs N`: worker threads score the lines, and the output is
// what --jobs 1 writes, byte for byte, in the order of the lines — from the sources (tsx)
// and from the bundle (the worker is its own entry, dist/score-worker.mjs). An invalid
// value is refused with JX4009 and exit 2. No timing here: speed is the bench's.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao, root, tempFile } from './run.ts';

const bin = join(root, 'packages/cli/bin/jixiao.cjs');
const fromBundle = (args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', INIT_CWD: root } });

const line = (f: string) => JSON.stringify(JSON.parse(readFileSync(join(root, f), 'utf8')));
const gansu = JSON.parse(line('rules/甘肃/2023/examples/clean.json')) as { unit: string; statedTotal?: number; rows: { actual: string; statedScore: number | null }[] };
// the example names no jurisdiction, and several have a 2023 项目支出 template
const sichuan = JSON.stringify({ ...JSON.parse(line('rules/四川/2023/examples/示例.json')), region: '四川' });

/**
 * 360 lines: clean 甘肃 filings, filings with errors (a stated total the rules do not give, a
 * row whose actual misses its target), 四川 project filings (another template in the same
 * worker), unparseable JSON, a filing the model refuses, blank lines, and line ends of
 * every kind (\n, \r\n); each filing names its line in its unit, so that order shows.
 */
function batchText(): string {
  const lines: string[] = [];
  for (let i = 0; i < 360; i++) {
    const unit = `单位${i + 1}`;
    switch (i % 9) {
      case 0:
      case 1:
        lines.push(JSON.stringify({ ...gansu, unit }));
        break;
      case 2:
        lines.push(JSON.stringify({ ...gansu, unit, statedTotal: 90 })); // JX3008: stated 90, computed 100
        break;
      case 3:
        lines.push(JSON.stringify({ ...gansu, unit, rows: gansu.rows.map((r, j) => (j === 1 ? { ...r, actual: '0' } : r)) }));
        break;
      case 4:
        lines.push(sichuan.replace('"青神县农业农村局"', JSON.stringify(unit)));
        break;
      case 5:
        lines.push(`{ "unit": "${unit}", not json`);
        break;
      case 6:
        lines.push(JSON.stringify({ unit, rows: 'nope' }));
        break;
      case 7:
        lines.push('');
        break;
      default:
        lines.push(JSON.stringify({ ...gansu, unit, year: 2023 }));
    }
  }
  // \r\n in the middle of the file, \n elsewhere, and no line end after the last line
  return lines.slice(0, 120).join('\n') + '\n' + lines.slice(120, 240).join('\r\n') + '\r\n' + lines.slice(240).join('\n');
}

describe('jixiao score file.ndjson --jobs N', () => {
  const file = tempFile('batch.ndjson', batchText());
  const one = jixiao(['score', file, '--json']);

  it('writes with --jobs 2 exactly what --jobs 1 writes: one line per filing, in the order of the lines', () => {
    const two = jixiao(['score', file, '--json', '--jobs', '2']);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    // a filing could not be scored: 2, as with --jobs 1
    expect([one.status, two.status]).toEqual([2, 2]);
    const out = two.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; error?: { code: string }; findings: { code: string }[] });
    // 360 lines, 40 of them blank (every ninth from the eighth): 320 filings
    expect(out).toHaveLength(320);
    const nos = out.map((o) => Number(o.file.slice(o.file.lastIndexOf(':') + 1)));
    expect(nos).toEqual([...nos].sort((a, b) => a - b));
    expect(nos.slice(0, 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 9]);
    expect(out.filter((o) => o.error).map((o) => o.error!.code)).toEqual(Array.from({ length: 80 }, (_, i) => (i % 2 === 0 ? 'IMP060' : 'IMP061')));
    // the stated total of 100 (90 in one kind) against what the rules give: both kinds with errors
    expect(out.filter((o) => o.findings.some((f) => f.code === 'JX3008'))).toHaveLength(80);
    expect(one.stderr).toMatch(/共 320 份：240 份已评分（其中 \d+ 份有错误），80 份无法评分/);
  });

  it('writes the same from the bundled command, whose worker is its own entry beside the bundle', () => {
    const two = fromBundle(['score', file, '--json', '--jobs', '2']);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(two.status).toBe(2);
    const auto = fromBundle(['score', file, '--json', '--jobs', 'auto']);
    expect(auto.stdout).toBe(one.stdout);
  });

  it('writes the reports as tables, and each failure on standard error, as --jobs 1 does', () => {
    const a = jixiao(['score', file, '--lang', 'en']);
    const b = jixiao(['score', file, '--lang', 'en', '--jobs', '3']);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stderr).toBe(a.stderr);
    expect(b.stderr).toContain('line 6 is not a valid JSON filing');
  });

  it('takes 0 and auto as every core', () => {
    expect(jixiao(['score', file, '--json', '--jobs', '0']).stdout).toBe(one.stdout);
  });

  it.each(['x', '-1', '1.5', '257', ''])('refuses --jobs %j with JX4009 and exit 2, naming the option and the value', (value) => {
    const r = jixiao(['score', file, '--json', '--jobs', value]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`--jobs 的值 “${value}” 无效：应为 1 到 256 的整数，或 0、auto（使用全部处理器核） [JX4009]`);
    expect(r.stderr).toContain('[JX4009]');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says so in English with --lang en', () => {
    const r = jixiao(['score', file, '--jobs', 'many', '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--jobs: “many” is not a valid value: give a whole number from 1 to 256, or 0 or auto (every core) [JX4009]');
  });

  it('is in the help of score, Chinese first', () => {
    expect(jixiao(['score', '--help']).stdout).toMatch(/--jobs <N>\s+给 \.ndjson 文件批量评分时用 N 个工作线程/);
    expect(jixiao(['score', '--help', '--lang', 'en']).stdout).toMatch(/--jobs <N>\s+score an \.ndjson file on N worker threads/);
  });
});

describe('JX4009: an option value refused, wherever it is', () => {
  it('--port out of range', () => {
    const r = jixiao(['serve', '--port', '99999']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--port 的值 “99999” 无效：应为 0 到 65535 的整数（0 为任一空闲端口） [JX4009]');
  });

  it('--threshold that is no number', () => {
    const r = jixiao(['test', '--threshold', 'abc', '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--threshold: “abc” is not a valid value: give a percentage, e.g. 80 [JX4009]');
  });
});
