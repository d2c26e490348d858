#!/usr/bin/env node
// The jixiao command. Runs the bundle dist/jixiao.mjs (built by `pnpm install`); in a
// working copy whose sources changed since, it rebuilds the bundle first, so the command
// never runs stale code.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url);

function stale() {
  let bundle;
  try {
    bundle = statSync(new URL('jixiao.mjs', dist)).mtimeMs;
  } catch {
    return true;
  }
  try {
    const { root, inputs } = JSON.parse(readFileSync(new URL('inputs.json', dist), 'utf8'));
    return inputs.some((p) => {
      try {
        return statSync(join(root, p)).mtimeMs > bundle;
      } catch {
        return true; // a source moved or was deleted
      }
    });
  } catch {
    return true;
  }
}

if (stale()) {
  try {
    const { buildCli } = await import('../build.mjs');
    await buildCli({ quiet: true });
  } catch (e) {
    console.error(`jixiao 无法构建命令行程序 (cannot build the command): ${e instanceof Error ? e.message : e}`);
    console.error('请在仓库根目录运行 npx -y pnpm@12.4.2 install (run the install in the repository root)');
    process.exit(2);
  }
}
await import(new URL('jixiao.mjs', dist).href);
