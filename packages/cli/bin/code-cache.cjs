// Load a CommonJS bundle of the command with V8's code cache, as ncc's bundles do. Node 20
// has no compile cache of its own (module.enableCompileCache is Node 22), and compiling the
// parser, checker and their libraries anew was most of a command's start-up: with the cache,
// `jixiao check` of the 2023 template takes 130 ms instead of 190 (node itself, 70).
//
// The cache sits beside the bundle, named by a hash of the bundle's text: V8 checks only the
// length of the source against a cache, so a rebuilt bundle of the same length must never
// meet the old cache. It is written once, at the first exit that had none (atomically, for
// commands running side by side); a folder that cannot be written only means no cache.
const { createHash } = require('node:crypto');
const { readFileSync, renameSync, unlinkSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const { Script } = require('node:vm');

// Code compiled by vm.Script cannot use import() on Node 20, so the bundle is given this
// importer (for the ES modules it loads: the workspace server) beside require.
const importer = (specifier) => import(specifier);
const HEAD = '(function (exports, require, module, __filename, __dirname, __jixiaoImport) {';

/** The exports of the CommonJS file, compiled from its code cache when there is one. */
function loadCached(file) {
  const text = readFileSync(file, 'utf8');
  // a leading #! line becomes a comment, keeping every line and column where it was
  const source = text.startsWith('#!') ? `//${text.slice(2)}` : text;
  const cacheFile = `${file}.${createHash('sha1').update(source).digest('hex').slice(0, 16)}.cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(`${HEAD}${source}\n})`, { filename: file, cachedData, columnOffset: -HEAD.length });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), importer);
  // produced at exit, the cache holds every function this run compiled, not only the top level
  if (cachedData === undefined || script.cachedDataRejected) process.once('exit', () => save(cacheFile, script));
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

module.exports = { loadCached };
