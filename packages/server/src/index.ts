// @jixiao/server — the workspace: HTTP API and storage.
export { createApp } from './app.ts';
export { openDb, type Db } from './db/db.ts';
export { migrate } from './db/migrate.ts';
export { SERVER_CODES, SERVER_CATALOGUE, ApiError, type ServerCodeInfo } from './codes.ts';
export { addUser, hashPassword, verifyPassword, ROLES, type Role } from './auth.ts';
export { startServer, type ServeOptions, type RunningServer } from './serve.ts';
export { backup, restore } from './backup.ts';
export { seedFromRules } from './seed.ts';
export { DEFAULT_LIMITS, type Limits } from './limits.ts';
