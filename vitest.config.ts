import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'playground/test/**/*.test.ts'],
    exclude: ['test/browser/**', '**/node_modules/**'],
    testTimeout: 60_000,
    // the JSON report lets .ci/run print one closing line of counts
    reporters: ['default', ['json', { outputFile: 'test-output/vitest.json' }]],
  },
});
