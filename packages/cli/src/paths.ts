// Where files are. pnpm runs scripts from the repository root, so paths the user typed
// are resolved against the directory they ran pnpm in (INIT_CWD), not the root.
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const rulesDir = resolve(repoRoot, 'rules');

export function userPath(p: string): string {
  return resolve(process.env['INIT_CWD'] ?? process.cwd(), p);
}

/** A path as the user should see it: relative to where they are when that is shorter. */
export function shownPath(abs: string): string {
  const rel = relative(process.env['INIT_CWD'] ?? process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}
