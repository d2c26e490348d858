// The worker's entry when the server runs from its TypeScript sources (tests, tsx): the
// thread registers tsx itself, then loads the worker. The bundled server (dist/) uses the
// prebuilt dist/score-worker.mjs instead.
import { register } from 'tsx/esm/api';

register();
const m = await import('./worker.ts');
export default m.default;
