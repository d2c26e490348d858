// bin/code-cache.cjs: the command's bundles are compiled from V8's code cache beside them.
// A cache is written once, used as it is by the next run, never applied to another text
// (V8 itself compares only the source's length), and a damaged one is replaced.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './run.ts';

const loader = join(root, 'packages/cli/bin/code-cache.cjs');
const run = (file: string) => spawnSync(process.execPath, ['-e', `require(${JSON.stringify(loader)}).loadCached(${JSON.stringify(file)})`], { encoding: 'utf8' });
const caches = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.cache'));

// a bundle-shaped script: a #! line, CommonJS, require, __dirname and the importer for ES modules
const bundle = (word: string) => `#!/usr/bin/env node
const { join } = require('node:path');
function greet(n) { return '${word} ' + n + ' ' + (join(__dirname, 'x') === ${JSON.stringify('DIR/x')}.replace('DIR', __dirname)); }
__jixiaoImport('node:path').then((p) => console.log(greet(typeof p.join)));
`;

describe('the code cache of the bundles', () => {
  it('is written at the first run and used as it is by the next', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-cache-'));
    const file = join(dir, 'b.cjs');
    writeFileSync(file, bundle('hello'));
    const first = run(file);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('hello function true\n');
    const [cache] = caches(dir);
    expect(cache).toMatch(/^b\.cjs\.[0-9a-f]{16}\.cache$/);
    const written = statSync(join(dir, cache!)).mtimeMs;
    const bytes = readFileSync(join(dir, cache!));
    expect(run(file).stdout).toBe('hello function true\n');
    // accepted: not written again
    expect(statSync(join(dir, cache!)).mtimeMs).toBe(written);
    expect(readFileSync(join(dir, cache!))).toEqual(bytes);
  });

  it('never meets a changed bundle of the same length, and replaces a damaged cache', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-cache-'));
    const file = join(dir, 'b.cjs');
    writeFileSync(file, bundle('hello'));
    run(file);
    writeFileSync(file, bundle('howdy')); // same length, other code
    expect(run(file).stdout).toBe('howdy function true\n');
    expect(caches(dir)).toHaveLength(2);
    const current = caches(dir).find((c) => statSync(join(dir, c)).mtimeMs === Math.max(...caches(dir).map((x) => statSync(join(dir, x)).mtimeMs)))!;
    writeFileSync(join(dir, current), Buffer.alloc(4096, 7));
    const r = run(file);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('howdy function true\n');
    expect(readFileSync(join(dir, current)).equals(Buffer.alloc(4096, 7))).toBe(false);
  });

  it('loads a script that several require once: a chunk shared by two commands is one module', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-cache-'));
    mkdirSync(join(dir, 'chunks'));
    writeFileSync(join(dir, 'chunks/state.cjs'), 'let lang = "zh"; module.exports = { set: (l) => { lang = l; }, get: () => lang };\n');
    writeFileSync(join(dir, 'chunks/command.cjs'), 'const s = require("./state.cjs"); module.exports = () => s.get();\n');
    writeFileSync(join(dir, 'main.cjs'), 'require("./chunks/state.cjs").set("en"); console.log(require("./chunks/command.cjs")(), require("node:path").sep);\n');
    const r = run(join(dir, 'main.cjs'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('en /\n');
  });

  it('writes the caches of many scripts at one exit, without a warning', () => {
    // a first run of a command loads a dozen chunks; Node warns at the eleventh exit listener
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-cache-'));
    const names = Array.from({ length: 15 }, (_, i) => `c${i}.cjs`);
    for (const n of names) writeFileSync(join(dir, n), `module.exports = ${JSON.stringify(n)};\n`);
    writeFileSync(join(dir, 'main.cjs'), `console.log([${names.map((n) => `require("./${n}")`).join(', ')}].length);\n`);
    const r = run(join(dir, 'main.cjs'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('15\n');
    expect(caches(dir)).toHaveLength(16);
  });

  it('runs without a cache where none can be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-cache-'));
    const file = join(dir, 'b.cjs');
    const text = bundle('hello');
    writeFileSync(file, text);
    // a folder where the cache would go: neither readable as a cache nor replaceable (even by root)
    const name = `b.cjs.${createHash('sha1')
      .update(`//${text.slice(2)}`)
      .digest('hex')
      .slice(0, 16)}.cache`;
    mkdirSync(join(dir, name));
    const r = run(file);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('hello function true\n');
    expect(statSync(join(dir, name)).isDirectory()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['b.cjs', name]); // no temporary file left behind
  });
});
