// What the routes share: the database, the limits, this process's run loop.
import type { Db } from './db/db.ts';
import type { Limits } from './limits.ts';
import type { Runner } from './runs/runner.ts';

export interface AppContext {
  db: Db;
  limits: Limits;
  runner: Runner | null;
  /** the built playground (playground/dist), served at /; null: API only */
  playgroundDir: string | null;
}
