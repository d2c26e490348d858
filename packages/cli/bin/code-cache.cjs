// Run the command's bundle — CommonJS scripts, jixiao.cjs and its chunks — from V8's code
// cache, as ncc's bundles do. Node 20 has no compile cache of its own (that is Node 22's
// module.enableCompileCache), and compiling the parser, the checker and their libraries anew
// was most of a command's start-up: with the cache `jixiao check` of the 2023 template takes
// about 135 ms instead of 200 (node alone, 70).
//
// A script's cache sits beside it, named by a hash of its text: V8 checks only the length of
// the source against a cache, so a rebuilt script of the same length must never meet the old
// one. It is written once, at the first exit that had none or a rejected one (atomically, for
// commands running side by side); a folder that cannot be written only means no cache.
// The scripts require each other by relative paths: those are loaded here, once each, so that
// a chunk shared by two commands is one module, as it was when esbuild split the code.
const { createHash } = require('node:crypto');
const { readFileSync, renameSync, unlinkSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, resolve } = require('node:path');
const { Script } = require('node:vm');

// Code compiled by vm.Script cannot use import() on Node 20, so each script is handed this
// importer (for the ES modules the command loads: the workspace server) beside require.
const importer = (specifier) => import(specifier);
const HEAD = '(function (exports, require, module, __filename, __dirname, __jixiaoImport) {';
const loaded = new Map();
/** The scripts that ran without a usable cache: theirs are written at exit. */
const unsaved = [];

/** The source compiled for a script's text, and the file of its code cache (build.mjs names those it keeps by this too). */
function cacheOf(file, text) {
  // a leading #! line becomes a comment, keeping every line and column where it was
  const source = text.startsWith('#!') ? `//${text.slice(2)}` : text;
  return { source, cacheFile: `${file}.${createHash('sha1').update(source).digest('hex').slice(0, 16)}.cache` };
}

/** The exports of the CommonJS script `file` (absolute), compiled from its code cache when there is one. */
function loadCached(file) {
  const known = loaded.get(file);
  if (known) return known.exports;
  const { source, cacheFile } = cacheOf(file, readFileSync(file, 'utf8'));
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(`${HEAD}${source}\n})`, { filename: file, cachedData, columnOffset: -HEAD.length });
  const module = { exports: {} };
  loaded.set(file, module);
  let nodeRequire; // made on the first require of a package: most chunks need none
  const require = (id) => (id.startsWith('./') || id.startsWith('../') ? loadCached(resolve(dirname(file), id)) : (nodeRequire ??= createRequire(file))(id));
  script.runInThisContext()(module.exports, require, module, file, dirname(file), importer);
  // produced at exit, the cache holds every function this run compiled, not only the top level
  if (cachedData === undefined || script.cachedDataRejected) {
    // one listener for all scripts: a first run loads a dozen, past the warning at eleven
    if (unsaved.length === 0) process.once('exit', () => unsaved.forEach(([f, s]) => save(f, s)));
    unsaved.push([cacheFile, script]);
  }
  return module.exports;
}

function save(cacheFile, script) {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {}
  }
}

module.exports = { cacheOf, loadCached };
