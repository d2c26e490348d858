// Bundle the jixiao command into dist/: jixiao.cjs (commander and the command table) and
// one file per command in dist/commands/, each loaded only when its command runs and each
// through V8's code cache (bin/code-cache.cjs), so that `jixiao check` starts in about twice
// node's own start-up instead of compiling TypeScript at every call (tsx). The bundles are
// CommonJS because Node 20 caches compiled code only for scripts (vm.Script), not for ES
// modules. Two commands stay ES modules: the scoring worker of --jobs (dist/score-worker.mjs,
// a worker thread's entry) and `serve`, which imports the workspace server (an ES module).
// Run by `pnpm install` (the root's prepare script) and by bin/jixiao.cjs when a source is
// newer than the bundle. Two heavy libraries stay outside and load only in the commands that
// need them: exceljs (reading .xlsx) and json-schema-to-typescript (`jixiao types`).
//
// The workspace server (`jixiao serve`, packages/server) is bundled on its own into
// packages/server/dist — server.mjs, the scoring worker score-worker.mjs, its migrations —
// so that its own dependencies (PGlite's WASM, pg, piscina) resolve from its package, and
// the serve/backup/restore/user commands import it only when they run.
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

// CommonJS dependencies bundled into an ES module still call require()
const banner = { js: "import { createRequire as __jxRequire } from 'node:module'; const require = __jxRequire(import.meta.url);" };

// Commands bundled as CommonJS (all but serve; see above)
const COMMANDS = ['check', 'fmt', 'score', 'explain', 'diff', 'impact', 'test', 'types'];

// main.ts reaches the commands through src/load-command.ts; in the bundle, this module
// instead, which loads a command's own bundle through the code cache. `__jixiaoImport` is
// the importer code-cache.cjs hands every bundle (vm.Script code has no import() on Node 20).
const loadCommandBundled = `
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCached } from ${JSON.stringify(here('./bin/code-cache.cjs'))};
export function loadCommand(name) {
  if (name === 'serve') return __jixiaoImport(pathToFileURL(join(__dirname, 'commands', 'serve.mjs')).href);
  return Promise.resolve().then(() => loadCached(join(__dirname, 'commands', name + '.cjs')));
}
`;
const commandsApart = {
  name: 'commands-apart',
  setup(b) {
    b.onResolve({ filter: /\/load-command\.ts$/ }, () => ({ path: 'load-command', namespace: 'jixiao' }));
    b.onLoad({ filter: /.*/, namespace: 'jixiao' }, () => ({ contents: loadCommandBundled, loader: 'js', resolveDir: here('./src') }));
  },
};

export async function buildCli({ quiet = false } = {}) {
  const common = {
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
  // the layout before the CommonJS bundles, and the code caches of bundles about to change
  rmSync(`${dist}/chunks`, { recursive: true, force: true });
  rmSync(`${dist}/jixiao.mjs`, { force: true });
  for (const dir of [dist, `${dist}/commands`]) {
    let names = [];
    try {
      names = readdirSync(dir);
    } catch {}
    for (const f of names) if (f.endsWith('.cache')) rmSync(`${dir}/${f}`, { force: true });
  }
  const result = await build({
    ...common,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    entryPoints: { jixiao: here('./src/main.ts'), ...Object.fromEntries(COMMANDS.map((c) => [`commands/${c}`, here(`./src/commands/${c}.ts`)])) },
    outdir: dist,
    // import() of a package becomes require(): vm.Script code has no import() on Node 20
    supported: { 'dynamic-import': false },
    banner: { js: "var __jixiaoMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__jixiaoMetaUrl', 'import.meta.resolve': 'undefined' },
    plugins: [commandsApart],
    // @jixiao/server: only under tsx (from the sources); the bundle loads packages/server/dist
    external: ['exceljs', 'json-schema-to-typescript', '@jixiao/server'],
  });
  const esmCli = await build({
    ...esm,
    // the scoring worker of `jixiao score … --jobs N` (src/batch/pool.ts finds it beside the bundle)
    entryPoints: { 'score-worker': here('./src/batch/worker.ts'), 'commands/serve': here('./src/commands/serve.ts') },
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
  const inputs = [...new Set([result, esmCli, server].flatMap((r) => Object.keys(r.metafile.inputs)))].filter((p) => !p.includes('node_modules') && !p.includes(':'));
  for (const f of readdirSync(here('../server/src/db/migrations'))) inputs.push(`packages/server/src/db/migrations/${f}`);
  writeFileSync(here('./dist/inputs.json'), JSON.stringify({ root, inputs }));
  return inputs.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = await buildCli();
  console.log(`jixiao: bundled ${n} source files into packages/cli/dist/jixiao.cjs and packages/server/dist/server.mjs`);
}
