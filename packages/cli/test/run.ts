// Run the CLI as a user would (through tsx, from the repository root) and capture it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function jixiao(args: string[], opts: { input?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(tsx, [join(root, 'packages/cli/src/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    input: opts.input,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', INIT_CWD: root, ...opts.env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Write `text` to a fresh temporary file and return its path. */
export function tempFile(name: string, text: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-'));
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
