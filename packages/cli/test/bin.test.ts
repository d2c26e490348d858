// The `jixiao` command as installed: packages/cli/bin/jixiao.cjs runs the esbuild bundle
// (built by `pnpm install`, rebuilt when a source is newer) and must say exactly what the
// TypeScript sources say.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao, root } from './run.ts';

const bin = join(root, 'packages/cli/bin/jixiao.cjs');
const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });

describe('the jixiao bin', () => {
  it('is the package bin of @jixiao/cli, linked into node_modules/.bin', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin).toEqual({ jixiao: './bin/jixiao.cjs' });
    expect(existsSync(join(root, 'node_modules/.bin/jixiao'))).toBe(true);
  });

  it('checks a template as the sources do', () => {
    const a = run(['check', 'rules/甘肃/2023/部门整体支出.jx']);
    const b = jixiao(['check', 'rules/甘肃/2023/部门整体支出.jx']);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('界限已证明');
  });

  it('scores a filing as the sources do, loading the engine and xlsx only then', () => {
    const a = run(['score', 'rules/甘肃/2023/examples/seed.tsv', '--json']);
    const b = jixiao(['score', 'rules/甘肃/2023/examples/seed.tsv', '--json']);
    expect(a.status).toBe(1);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
  });

  it('stops quietly when its reader closes the pipe (| head), with the status of SIGPIPE', async () => {
    // enough filings that the output outlasts the first read by far
    const filing = JSON.stringify({ ...JSON.parse(readFileSync(join(root, 'rules/甘肃/2023/examples/clean.json'), 'utf8')), region: '甘肃' });
    const file = join(mkdtempSync(join(tmpdir(), 'jixiao-pipe-')), 'many.ndjson');
    writeFileSync(file, `${Array(2000).fill(filing).join('\n')}\n`);
    const child = spawn(process.execPath, [bin, 'score', file, '--json'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
    expect(first.slice(0, 9)).toBe('{"file":"');
    child.stdout.destroy(); // as head does after its lines
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(141);
  });

  it('speaks English on request in every command, as the sources do', () => {
    // the language is set by the main script and read in the command's chunk: one module
    for (const [args, english, chinese] of [
      [['check', 'rules/全国/2020/项目支出.jx', '--lang', 'en'], 'bounds proven', '公式界限已证明'],
      [['--lang', 'en', 'score', 'rules/甘肃/2023/examples/seed.tsv'], '— template', '— 模板'],
    ] as const) {
      const a = run([...args]);
      expect(a.stdout).toBe(jixiao([...args]).stdout);
      expect(a.stdout).toContain(english);
      expect(a.stdout).not.toContain(chinese);
    }
  });

  it('reports a user mistake made in a command as the sources do: its own code, exit 2', () => {
    // thrown in the command's chunk, caught in the main script: one UserError class
    const file = join(mkdtempSync(join(tmpdir(), 'jixiao-bad-')), 'bad.tsv');
    writeFileSync(file, 'x\n');
    const a = run(['score', file, '--region', '甘肃']);
    const b = jixiao(['score', file, '--region', '甘肃']);
    expect(a.status).toBe(2);
    expect(a.stderr).toBe(b.stderr);
    expect(a.stderr).toContain('[IMP001]');
    expect(a.stderr).not.toContain('内部错误');
  });

  it('is built from any folder with its inputs named from the repository root, so that it is not rebuilt at every run', () => {
    // bin/jixiao.cjs rebuilds from wherever the user is; inputs.json is read against the root
    const b = spawnSync(process.execPath, [join(root, 'packages/cli/build.mjs')], { cwd: tmpdir(), encoding: 'utf8' });
    expect(b.status).toBe(0);
    const { inputs } = JSON.parse(readFileSync(join(root, 'packages/cli/dist/inputs.json'), 'utf8')) as { inputs: string[] };
    expect(inputs).toContain('packages/cli/src/main.ts');
    expect(inputs.filter((p) => !existsSync(join(root, p)))).toEqual([]);
    const bundle = statSync(join(root, 'packages/cli/dist/jixiao.cjs')).mtimeMs;
    expect(inputs.filter((p) => statSync(join(root, p)).mtimeMs > bundle)).toEqual([]);
    // and the build left the code caches of a `check` behind it
    expect(readdirSync(join(root, 'packages/cli/dist')).some((f) => /^jixiao\.cjs\.[0-9a-f]{16}\.cache$/.test(f))).toBe(true);
  });

  it('reports a user mistake with its code and exit 2, never a stack trace', () => {
    const r = run(['check', 'rules/no-such.jx']);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
