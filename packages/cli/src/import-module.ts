// The one place the command imports an ES module at run time (the workspace server's bundle).
// The command's bundle is made of CommonJS scripts compiled by vm.Script for V8's code cache,
// and such code has no import() on Node 20: there, build.mjs puts in its place the importer
// that bin/code-cache.cjs hands each script.
export function importModule(url: string): Promise<unknown> {
  return import(url);
}
