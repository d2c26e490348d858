#!/usr/bin/env node
// The jixiao command. Runs the bundle dist/jixiao.cjs (built by `pnpm install`) through
// V8's code cache (code-cache.cjs); in a working copy whose sources changed since, it
// rebuilds the bundle first, so the command never runs stale code.
// CommonJS, as the bundle is: an ES module entry costs Node 20 a few milliseconds more.
const { readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');

const dist = join(__dirname, '../dist');

function stale() {
  let bundle;
  try {
    bundle = statSync(join(dist, 'jixiao.cjs')).mtimeMs;
  } catch {
    return true;
  }
  try {
    const { root, inputs } = JSON.parse(readFileSync(join(dist, 'inputs.json'), 'utf8'));
    // a source moved or deleted counts as changed; root ends with a slash
    return inputs.some((p) => (statSync(root + p, { throwIfNoEntry: false })?.mtimeMs ?? Number.POSITIVE_INFINITY) > bundle);
  } catch {
    return true;
  }
}

function run() {
  require('./code-cache.cjs').loadCached(join(dist, 'jixiao.cjs'));
}

// JIXIAO_WARMING_UP: the run build.mjs makes to write the code caches, never a build itself
if (!process.env.JIXIAO_WARMING_UP && stale())
  import('../build.mjs')
    .then(({ buildCli }) => buildCli({ quiet: true }))
    .then(run, (e) => {
      console.error(`jixiao 无法构建命令行程序 (cannot build the command): ${e instanceof Error ? e.message : e}`);
      console.error('请在仓库根目录运行 npx -y pnpm@12.4.2 install (run the install in the repository root)');
      process.exit(2);
    });
else run();
