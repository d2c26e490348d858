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
    // Monaco is one large chunk by nature; the warning says nothing useful here.
    chunkSizeWarningLimit: 6000,
    // the timing report flags Vite's own asset and worker loaders: nothing to act on
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
