// Build the playground once for all browser test files.
import { buildPlayground } from './harness.ts';

export default async function setup(): Promise<void> {
  await buildPlayground();
}
