// Where files are. pnpm runs scripts from the repository root, so paths the user typed
// are resolved against the directory they ran pnpm in (INIT_CWD), not the root.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest directory up from this code with pnpm-workspace.yaml
 * (this file runs from src/ under tsx and from dist/commands/ in the bundle). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const up = dirname(dir);
    if (up === dir) return fileURLToPath(new URL('../../../', import.meta.url));
    dir = up;
  }
}

export const repoRoot = findRoot();
export const rulesDir = resolve(repoRoot, 'rules');

export function userPath(p: string): string {
  return resolve(process.env['INIT_CWD'] ?? process.cwd(), p);
}

/** A path as the user should see it: relative to where they are when that is shorter. */
export function shownPath(abs: string): string {
  const rel = relative(process.env['INIT_CWD'] ?? process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

/** A path as the report names a template: relative to the repository root when inside it. */
export function repoPath(abs: string): string {
  const rel = relative(repoRoot, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : abs;
}
