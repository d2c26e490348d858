// README's main command, `pnpm start` (scripts/start.mjs): it scores the sample filing, says
// that its errors are the expected result, and hands over to the pnpm that ran it to serve
// the playground. pnpm 12 is a native executable (npm_execpath points at it), an older pnpm
// a script for node: here a stand-in of each kind records how it was called.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = join(root, 'scripts/start.mjs');

function run(execpath: string, out: string) {
  const r = spawnSync(process.execPath, [script], { cwd: root, encoding: 'utf8', env: { ...process.env, npm_execpath: execpath, CI: 'true' }, timeout: 60_000 });
  return { ...r, called: readFileSync(out, 'utf8').trim() };
}

describe('pnpm start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-start-'));

  it('scores the sample, says its errors are expected, and runs a native pnpm as it is', () => {
    const out = join(dir, 'native.txt');
    const fake = join(dir, 'pnpm');
    writeFileSync(fake, `#!/bin/sh\necho "native $*" > '${out}'\nexit 0\n`);
    chmodSync(fake, 0o755);
    const r = run(fake, out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('总分 100 / 100');
    expect(r.stdout).toContain('这正是预期的结果');
    expect(r.called).toBe('native --filter @jixiao/playground serve');
  });

  it('runs a pnpm that is a script through node', () => {
    const out = join(dir, 'script.txt');
    const fake = join(dir, 'pnpm.cjs');
    writeFileSync(fake, `require('fs').writeFileSync(${JSON.stringify(out)}, 'script ' + process.argv.slice(2).join(' '));\n`);
    const r = run(fake, out);
    expect(r.status).toBe(0);
    expect(r.called).toBe('script --filter @jixiao/playground serve');
  });
});
