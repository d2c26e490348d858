// Bundle the jixiao command into dist/jixiao.mjs (with one chunk per command beside it), so that it starts in tens of
// milliseconds instead of compiling TypeScript at every call (tsx). Run by `pnpm install`
// (the root's prepare script) and by bin/jixiao.mjs when a source is newer than the bundle.
// Two heavy libraries stay outside and load only in the commands that need them:
// exceljs (reading .xlsx) and json-schema-to-typescript (`jixiao types`).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export async function buildCli({ quiet = false } = {}) {
  const result = await build({
    entryPoints: { jixiao: here('./src/main.ts') },
    outdir: here('./dist'),
    // each command's code in its own chunk, loaded when the command runs
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['exceljs', 'json-schema-to-typescript'],
    // CommonJS dependencies bundled into an ES module still call require()
    banner: { js: "import { createRequire as __jxRequire } from 'node:module'; const require = __jxRequire(import.meta.url);" },
    minifyWhitespace: true,
    legalComments: 'none',
    metafile: true,
    logLevel: quiet ? 'silent' : 'warning',
  });
  // the inputs, for bin/jixiao.mjs to tell whether the bundle is stale
  const root = here('../../');
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules'));
  writeFileSync(here('./dist/inputs.json'), JSON.stringify({ root, inputs }));
  return inputs.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = await buildCli();
  console.log(`jixiao: bundled ${n} source files into packages/cli/dist/jixiao.mjs`);
}
