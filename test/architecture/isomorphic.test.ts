// The language, compiler and engine run unchanged in the CLI, the tests and the browser
// playground: they may not import Node's modules. Files and disks belong to the CLI.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const nodeModules = [
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'url',
  'stream',
  'readline',
  'events',
  'crypto',
  'util',
  'http',
  'https',
  'net',
  'buffer',
  'process',
  'module',
];
const importRe = /(?:import|export)[^'"]*from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('isomorphic packages', () => {
  for (const pkg of ['language', 'compiler', 'engine']) {
    it(`packages/${pkg} imports no Node module and touches no process or Buffer`, () => {
      const offenders: string[] = [];
      for (const f of files(join(root, 'packages', pkg, 'src'))) {
        const src = readFileSync(f, 'utf8');
        for (const m of src.matchAll(importRe)) {
          const spec = m[1] ?? m[2] ?? m[3] ?? '';
          if (spec.startsWith('node:') || nodeModules.includes(spec)) offenders.push(`${f}: ${spec}`);
        }
        const code = src.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
        if (/\bprocess\.|\bBuffer\b/.test(code)) offenders.push(`${f}: process/Buffer`);
      }
      expect(offenders).toEqual([]);
    });
  }
});
