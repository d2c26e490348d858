import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  // relative asset URLs: the built app works from any path (and from file-less static servers)
  base: './',
  server: { fs: { allow: [repoRoot] } },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // Monaco is one large chunk by nature (loaded on demand); the warning says nothing useful here.
    chunkSizeWarningLimit: 6000,
    rolldownOptions: {
      // the timing report flags Vite's own asset and worker loaders: nothing to act on
      checks: { bundlerTimings: false },
      // Monaco and what only the editor needs, in one chunk named for what it is (loaded on demand)
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [{ name: 'monaco', test: /monaco-editor|src[\\/](monaco|monaco-nls|monaco-nls\.zh|ui[\\/]fonts)\.ts|src[\\/]language[\\/]jixiao\.ts/ }],
        },
      },
    },
  },
});
