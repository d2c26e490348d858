// Bundle the jixiao command into dist/jixiao.mjs (with one chunk per command beside it, and
// the scoring worker of --jobs in dist/score-worker.mjs), so that it starts in tens of
// milliseconds instead of compiling TypeScript at every call (tsx). Run by `pnpm install`
// (the root's prepare script) and by bin/jixiao.mjs when a source is newer than the bundle.
// Two heavy libraries stay outside and load only in the commands that need them:
// exceljs (reading .xlsx) and json-schema-to-typescript (`jixiao types`).
//
// The workspace server (`jixiao serve`, packages/server) is bundled on its own into
// packages/server/dist — server.mjs, the scoring worker score-worker.mjs, its migrations —
// so that its own dependencies (PGlite's WASM, pg, piscina) resolve from its package, and
// the serve/backup/restore/user commands import it only when they run.
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

// CommonJS dependencies bundled into an ES module still call require()
const banner = { js: "import { createRequire as __jxRequire } from 'node:module'; const require = __jxRequire(import.meta.url);" };

export async function buildCli({ quiet = false } = {}) {
  const common = {
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner,
    minifyWhitespace: true,
    legalComments: 'none',
    metafile: true,
    logLevel: quiet ? 'silent' : 'warning',
  };
  const result = await build({
    ...common,
    // the scoring worker of `jixiao score … --jobs N` (src/batch/pool.ts finds it beside jixiao.mjs)
    entryPoints: { jixiao: here('./src/main.ts'), 'score-worker': here('./src/batch/worker.ts') },
    outdir: here('./dist'),
    // @jixiao/server: only under tsx (from the sources); the bundle loads packages/server/dist
    external: ['exceljs', 'json-schema-to-typescript', '@jixiao/server'],
  });
  const server = await build({
    ...common,
    entryPoints: { server: here('../server/src/index.ts'), 'score-worker': here('../server/src/runs/worker.ts') },
    outdir: here('../server/dist'),
    external: ['exceljs', '@electric-sql/pglite', 'pg', 'piscina'],
  });
  cpSync(here('../server/src/db/migrations'), here('../server/dist/migrations'), { recursive: true });
  // the inputs, for bin/jixiao.mjs to tell whether the bundle is stale
  const root = here('../../');
  const inputs = [...new Set([...Object.keys(result.metafile.inputs), ...Object.keys(server.metafile.inputs)])].filter((p) => !p.includes('node_modules'));
  for (const f of readdirSync(here('../server/src/db/migrations'))) inputs.push(`packages/server/src/db/migrations/${f}`);
  writeFileSync(here('./dist/inputs.json'), JSON.stringify({ root, inputs }));
  return inputs.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = await buildCli();
  console.log(`jixiao: bundled ${n} source files into packages/cli/dist/jixiao.mjs and packages/server/dist/server.mjs`);
}
