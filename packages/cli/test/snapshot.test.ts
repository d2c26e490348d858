// The human output for the seed and for `check`, kept beside the tests and refreshed by
// `vitest -u` (never by hand): a change to what reviewers read shows up as a diff.
import { describe, expect, it } from 'vitest';
import { jixiao } from './run.ts';

describe('human output snapshots', () => {
  it('score of the seed table', async () => {
    const r = jixiao(['score', 'rules/甘肃/2023/examples/seed.tsv']);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/score-seed.txt');
  });

  it('score of the seed table in English', async () => {
    const r = jixiao(['score', 'rules/甘肃/2023/examples/seed.tsv', '--lang', 'en']);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/score-seed.en.txt');
  });

  it('diff between 2023 and 2024', async () => {
    const r = jixiao(['diff', '2023', '2024', '--form', '部门整体支出']);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/diff-2023-2024.txt');
  });
});
