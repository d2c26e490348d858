// How main.ts reaches a command's module: each loads only when its command runs, so that
// `jixiao check` starts without the scoring engine, xlsx or the workspace server. From the
// sources (tsx, the tests) this is a dynamic import; the bundle replaces this module with
// one that loads dist/commands/<name>.cjs through V8's code cache (build.mjs, bin/code-cache.cjs).
export interface Commands {
  check: typeof import('./commands/check.ts');
  fmt: typeof import('./commands/fmt.ts');
  score: typeof import('./commands/score.ts');
  explain: typeof import('./commands/explain.ts');
  diff: typeof import('./commands/diff.ts');
  impact: typeof import('./commands/impact.ts');
  test: typeof import('./commands/test.ts');
  types: typeof import('./commands/types.ts');
  serve: typeof import('./commands/serve.ts');
}

export function loadCommand<K extends keyof Commands>(name: K): Promise<Commands[K]> {
  return import(`./commands/${name}.ts`) as Promise<Commands[K]>;
}
