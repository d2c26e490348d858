// The workspaces the examples of docs/errors.md's server codes (JX5nnn) talk to: seeded from
// rules/, in memory; `open` has no users (everyone is the local user), `guarded` has three.
// Built once per process, on first use.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { createApp } from '../../packages/server/src/app.ts';
import { addUser } from '../../packages/server/src/auth.ts';
import { openDb } from '../../packages/server/src/db/db.ts';
import { migrate } from '../../packages/server/src/db/migrate.ts';
import { DEFAULT_LIMITS } from '../../packages/server/src/limits.ts';
import { seedFromRules } from '../../packages/server/src/seed.ts';
import { startServer } from '../../packages/server/src/serve.ts';
import { ApiError } from '../../packages/server/src/codes.ts';

const root = new URL('../../', import.meta.url).pathname;

type Answer = { status: number; error: { code: string; message: { zh: string; en: string } } };

export interface DocWorkspace {
  open(method: string, path: string, body?: unknown): Promise<Answer>;
  guarded(method: string, path: string, body?: unknown, token?: string): Promise<Answer>;
  token(user: string): Promise<string>;
  conflict(): Promise<Answer>;
  publishDraft(edit: (t: string) => string): Promise<Answer>;
  upload(files: Record<string, string | Uint8Array>): Promise<Answer>;
  uploadFile(files: Record<string, string | Uint8Array>, fields?: Record<string, string>): Promise<Answer>;
  unsafeHost(): Promise<Answer>;
}

async function app(users: boolean) {
  const db = await openDb({});
  await migrate(db);
  await seedFromRules(db, join(root, 'rules'));
  if (users)
    for (const [n, r] of [
      ['王编辑', '编辑'],
      ['李审核', '审核'],
      ['张只读', '只读'],
    ] as const)
      await addUser(db, n, r, 'password-1');
  return createApp({ db, limits: { ...DEFAULT_LIMITS, requestBytes: 1_000_000, filesPerUpload: 3, filingBytes: 100_000 }, runner: null, playgroundDir: null }).app;
}

let ws: Promise<DocWorkspace> | null = null;

export function docWorkspace(): Promise<DocWorkspace> {
  return (ws ??= build());
}

async function build(): Promise<DocWorkspace> {
  const [a, g] = await Promise.all([app(false), app(true)]);
  const call = async (x: typeof a, method: string, path: string, body?: unknown, token?: string) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers['authorization'] = `Bearer ${token}`;
    const res = await x.request(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    return { status: res.status, body: (await res.json()) as any };
  };
  const err = (r: { status: number; body: any }): Answer => ({ status: r.status, error: r.body.error });
  const form = (files: Record<string, string | Uint8Array>, fields: Record<string, string> = {}) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    for (const [n, d] of Object.entries(files)) fd.append('files', new File([typeof d === 'string' ? new TextEncoder().encode(d) : d], n));
    return fd;
  };
  const tpl = readFileSync(join(root, 'rules/甘肃/2023/部门整体支出.jx'), 'utf8');
  const gansu = async () => (await call(a, 'GET', '/api/templates?region=甘肃&year=2023')).body.templates[0] as { id: number; latest: { id: number } };
  return {
    open: async (m, p, b) => err(await call(a, m, p, b)),
    guarded: async (m, p, b, t) => err(await call(g, m, p, b, t)),
    token: async (user) => (await call(g, 'POST', '/api/login', { name: user, password: 'password-1' })).body.token,
    async conflict() {
      const t = (await call(a, 'GET', '/api/templates?region=全国&year=2020')).body.templates[0] as { id: number; latest: { id: number } };
      const base = t.latest.id;
      const src = (await call(a, 'GET', `/api/versions/${base}`)).body.source as string;
      await call(a, 'POST', `/api/templates/${t.id}/versions`, { source: `# 第 2 版\n${src}`, baseVersion: base });
      return err(await call(a, 'POST', `/api/templates/${t.id}/versions`, { source: `# 另一处修改\n${src}`, baseVersion: base }));
    },
    async publishDraft(edit) {
      const t = await gansu();
      const v = await call(a, 'POST', `/api/templates/${t.id}/versions`, { source: edit(tpl), baseVersion: t.latest.id });
      return err(await call(a, 'POST', `/api/versions/${v.body.id}/publish`, {}));
    },
    async upload(files) {
      const res = await a.request('/api/filings', { method: 'POST', body: form(files) });
      return err({ status: res.status, body: await res.json() });
    },
    async uploadFile(files, fields) {
      const res = await a.request('/api/filings', { method: 'POST', body: form(files, fields) });
      const body = (await res.json()) as { files: { error: Answer['error'] }[] };
      return { status: 0, error: body.files[0]!.error };
    },
    async unsafeHost() {
      try {
        const s = await startServer({ host: '0.0.0.0', port: 0, runner: false });
        await s.close();
      } catch (e) {
        if (e instanceof ApiError) return { status: 0, error: { code: e.code, message: e.msg } };
        throw e;
      }
      throw new Error('jixiao serve started on 0.0.0.0 without users');
    },
  };
}
