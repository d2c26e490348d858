// Bundle the jixiao command into dist/: jixiao.cjs with one chunk per command and the chunks
// they share under dist/chunks/, each command's chunk loaded only when that command runs.
// esbuild splits the code as ES modules, so that a module shared by two chunks (the language
// of the messages, the UserError class) is one module; each output is then turned into a
// CommonJS script, because Node 20 keeps compiled code only for scripts (vm.Script), and
// bin/code-cache.cjs runs them from V8's code cache: `jixiao check` starts in about twice
// node's own start-up instead of three times. The scoring worker of --jobs stays an ES module
// (dist/score-worker.mjs, a worker thread's entry).
// Run by `pnpm install` (the root's prepare script) and by bin/jixiao.cjs when a source is
// newer than the bundle. Two heavy libraries stay outside and load only in the commands that
// need them: exceljs (reading .xlsx) and json-schema-to-typescript (`jixiao types`).
//
// The workspace server (`jixiao serve`, packages/server) is bundled on its own into
// packages/server/dist — server.mjs, the scoring worker score-worker.mjs, its migrations —
// so that its own dependencies (PGlite's WASM, pg, piscina) resolve from its package, and
// the serve/backup/restore/user commands import it only when they run.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';
import codeCache from './bin/code-cache.cjs';

const { cacheOf } = codeCache;

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

// CommonJS dependencies bundled into an ES module still call require()
const banner = { js: "import { createRequire as __jxRequire } from 'node:module'; const require = __jxRequire(import.meta.url);" };

// src/import-module.ts in the bundle: the importer code-cache.cjs hands every script
const importModuleBundled = {
  name: 'import-module',
  setup(b) {
    b.onResolve({ filter: /\/import-module\.ts$/ }, () => ({ path: 'import-module', namespace: 'jixiao' }));
    b.onLoad({ filter: /.*/, namespace: 'jixiao' }, () => ({ contents: 'export const importModule = (url) => __jixiaoImport(url);', loader: 'js' }));
  },
};

/** An ES module output of esbuild as a CommonJS script: import() of a package or chunk becomes require(). */
async function toScript(code) {
  const r = await transform(code, {
    format: 'cjs',
    loader: 'js',
    target: 'node20',
    minifyWhitespace: true,
    supported: { 'dynamic-import': false },
    // only where import.meta is read (paths.ts, pool.ts, serve.ts): the others need no node:url
    banner: code.includes('import.meta') ? "var __jixiaoMetaUrl = require('node:url').pathToFileURL(__filename).href;" : '',
    define: { 'import.meta.url': '__jixiaoMetaUrl', 'import.meta.resolve': 'undefined' },
    logLevel: 'error',
  });
  return r.code;
}

/**
 * Write the scripts so that a command starting meanwhile (another test, another terminal)
 * never reads half of one or a main script whose chunks are not there yet: each file
 * atomically, the chunks (named by their content) first, jixiao.cjs last. The files of the
 * build before stay (a command started from it may still be loading its chunks); older
 * ones, and their code caches, are removed.
 */
async function writeScripts(dist, outputs) {
  const keep = new Set();
  const isMain = (o) => Number(o.path === join(dist, 'jixiao.cjs'));
  for (const out of [...outputs].sort((a, b) => isMain(a) - isMain(b))) {
    const code = await toScript(out.text);
    mkdirSync(dirname(out.path), { recursive: true });
    const tmp = `${out.path}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, out.path);
    // and the code cache bin/code-cache.cjs keeps beside it
    keep.add(out.path).add(cacheOf(out.path, code).cacheFile);
  }
  const manifest = join(dist, 'scripts.json');
  let before = [];
  try {
    before = JSON.parse(readFileSync(manifest, 'utf8'));
  } catch {}
  const kept = new Set([...keep, ...before]);
  for (const dir of [dist, join(dist, 'chunks'), join(dist, 'commands')]) {
    let names = [];
    try {
      names = readdirSync(dir);
    } catch {}
    for (const name of names) if (/\.(?:cjs|cache)$|^jixiao\.mjs$/.test(name) && !kept.has(join(dir, name))) rmSync(join(dir, name), { force: true });
  }
  writeFileSync(manifest, JSON.stringify([...keep]));
}

export async function buildCli({ quiet = false } = {}) {
  const common = {
    // the metafile names inputs relative to the repository root whatever the current folder
    // (bin/jixiao.cjs rebuilds from wherever the user is): inputs.json is read against it
    absWorkingDir: here('../../'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    minifyWhitespace: true,
    legalComments: 'none',
    metafile: true,
    logLevel: quiet ? 'silent' : 'warning',
  };
  const esm = { ...common, format: 'esm', splitting: true, chunkNames: 'chunks/[name]-[hash]', outExtension: { '.js': '.mjs' }, banner };
  const dist = here('./dist');
  const result = await build({
    ...common,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // named .cjs already, so that the chunks' imports of each other name the scripts written below
    outExtension: { '.js': '.cjs' },
    entryPoints: { jixiao: here('./src/main.ts') },
    outdir: dist,
    write: false,
    plugins: [importModuleBundled],
    // @jixiao/server: only under tsx (from the sources); the bundle loads packages/server/dist
    external: ['exceljs', 'json-schema-to-typescript', '@jixiao/server'],
  });
  await writeScripts(dist, result.outputFiles);
  const worker = await build({
    ...esm,
    splitting: false,
    // the scoring worker of `jixiao score … --jobs N` (src/batch/pool.ts finds it beside the bundle)
    entryPoints: { 'score-worker': here('./src/batch/worker.ts') },
    outdir: dist,
    external: ['exceljs', 'json-schema-to-typescript', '@jixiao/server'],
  });
  const server = await build({
    ...esm,
    entryPoints: { server: here('../server/src/index.ts'), 'score-worker': here('../server/src/runs/worker.ts') },
    outdir: here('../server/dist'),
    external: ['exceljs', '@electric-sql/pglite', 'pg', 'piscina'],
  });
  cpSync(here('../server/src/db/migrations'), here('../server/dist/migrations'), { recursive: true });
  // the inputs, for bin/jixiao.cjs to tell whether the bundle is stale
  const root = here('../../');
  const inputs = [...new Set([result, worker, server].flatMap((r) => Object.keys(r.metafile.inputs)))].filter((p) => !p.includes('node_modules') && !p.includes(':'));
  for (const f of readdirSync(here('../server/src/db/migrations'))) inputs.push(`packages/server/src/db/migrations/${f}`);
  writeFileSync(here('./dist/inputs.json'), JSON.stringify({ root, inputs }));
  // Code caches are written by the first run of each script and hold what that run compiled:
  // one `check` of the official template now, so that the first command a user types is not
  // the one that pays for compiling, and the main script's cache is that of a whole command.
  if (!process.env['JIXIAO_WARMING_UP'])
    spawnSync(process.execPath, [here('./bin/jixiao.cjs'), 'check', here('../../rules/甘肃/2023/部门整体支出.jx')], {
      stdio: 'ignore',
      timeout: 60_000,
      env: { ...process.env, JIXIAO_WARMING_UP: '1' }, // never a build inside this run's build
    });
  return inputs.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = await buildCli();
  console.log(`jixiao: bundled ${n} source files into packages/cli/dist/jixiao.cjs and packages/server/dist/server.mjs`);
}
