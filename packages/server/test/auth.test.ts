// Users and roles: with users configured every request needs a session; 只读 reads but
// cannot publish (403), 审核 cannot edit templates, 编辑 cannot upload; wrong passwords and
// expired tokens get 401; passwords are stored as scrypt hashes, never in clear.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, verifyPassword } from '../src/auth.ts';
import { workspace, type Workspace } from './support.ts';

let w: Workspace;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  w = await workspace();
  await addUser(w.db, '王编辑', '编辑', 'editor-pass-1');
  await addUser(w.db, '李审核', '审核', 'review-pass-1');
  await addUser(w.db, '张只读', '只读', 'reader-pass-1');
  for (const [n, p] of [
    ['王编辑', 'editor-pass-1'],
    ['李审核', 'review-pass-1'],
    ['张只读', 'reader-pass-1'],
  ] as const) {
    const r = await w.call('POST', '/api/login', { name: n, password: p });
    expect(r.status).toBe(200);
    tokens[n] = r.body.token;
  }
}, 120_000);
afterAll(async () => {
  await w?.close();
});

describe('authorization', () => {
  it('只读 cannot publish: 403 with a clear body', async () => {
    const t = await w.call('GET', '/api/templates?region=甘肃&year=2023', undefined, tokens['张只读']);
    expect(t.status).toBe(200);
    const v = t.body.templates[0].latest.id;
    const r = await w.call('POST', `/api/versions/${v}/publish`, {}, tokens['张只读']);
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'JX5002', status: 403, required: ['编辑'] });
    expect(r.body.error.message.zh).toBe('张只读（只读）无权发布模板：需要角色 编辑');
    expect(r.body.error.message.en).toMatch(/may not publish templates/);
  });

  it('each role does its own work only', async () => {
    const t = await w.call('GET', '/api/templates?region=甘肃&year=2023', undefined, tokens['李审核']);
    const save = await w.call('POST', `/api/templates/${t.body.templates[0].id}/versions`, { source: 'x', baseVersion: t.body.templates[0].latest.id }, tokens['李审核']);
    expect(save.status).toBe(403);
    const run = await w.call('POST', '/api/runs', { region: '甘肃', year: 2023, form: '部门整体支出' }, tokens['王编辑']);
    expect(run.status).toBe(403);
    // 审核 may start runs (none stored yet: 422, past the role check)
    const run2 = await w.call('POST', '/api/runs', { region: '甘肃', year: 2023, form: '部门整体支出' }, tokens['李审核']);
    expect(run2.body.error.code).toBe('JX5015');
    // stateless scoring is reading: everyone may
    const s = await w.call('POST', '/api/check', { source: '模板 项目支出 2020 {' }, tokens['张只读']);
    expect(s.status).toBe(200);
  });

  it('401 without a session, with a wrong password, after logout', async () => {
    const none = await w.call('GET', '/api/templates');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('JX5001');
    const wrong = await w.call('POST', '/api/login', { name: '王编辑', password: 'nope-nope' });
    expect(wrong.body.error).toMatchObject({ code: 'JX5003', status: 401 });
    const unknown = await w.call('POST', '/api/login', { name: '没有这个人', password: 'nope-nope' });
    expect(unknown.body.error.message).toEqual(wrong.body.error.message);
    const r = await w.call('POST', '/api/login', { name: '张只读', password: 'reader-pass-1' });
    await w.call('POST', '/api/logout', undefined, r.body.token);
    const after = await w.call('GET', '/api/me', undefined, r.body.token);
    expect(after.status).toBe(401);
  });

  it('stores scrypt hashes, not passwords', async () => {
    const rows = await w.db.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE name = '王编辑'`);
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(rows[0]!.password_hash).not.toContain('editor-pass-1');
    expect(await verifyPassword('editor-pass-1', rows[0]!.password_hash)).toBe(true);
    expect(await verifyPassword('editor-pass-2', rows[0]!.password_hash)).toBe(false);
  });

  it('who did what is in the audit log', async () => {
    const a = await w.call('GET', '/api/audit', undefined, tokens['张只读']);
    expect(a.body.entries.filter((e: { action: string }) => e.action === 'session.login').map((e: { actor: string }) => e.actor)).toEqual(
      expect.arrayContaining(['王编辑', '李审核', '张只读']),
    );
  });
});
