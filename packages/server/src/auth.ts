// Users, roles and sessions. Passwords are hashed with scrypt (node:crypto) and a random
// salt; a session token is random, shown once, and kept only as its SHA-256. Roles:
// 编辑 drafts and publishes templates; 审核 uploads filings, runs and reviews; 只读 reads.
// With no user configured the server runs for one person on 127.0.0.1 (serve.ts refuses
// any other address then), and every request acts as that local user with every role.
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Queryable } from './db/db.ts';
import { apiError } from './codes.ts';

export const ROLES = ['编辑', '审核', '只读'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  name: string;
  roles: readonly Role[];
  /** no users are configured: the one local user */
  local: boolean;
}

export const LOCAL_ACTOR: Actor = { name: '本机用户', roles: ['编辑', '审核', '只读'], local: true };

const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEYLEN = 64;

function scrypt(pw: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((res, rej) => scryptCb(pw, salt, KEYLEN, opts, (e, k) => (e ? rej(e) : res(k))));
}

/** `scrypt$N$r$p$salt$hash`, base64 parts: the parameters travel with the hash. */
export async function hashPassword(pw: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(pw, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(pw: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const want = Buffer.from(hash, 'base64');
  const got = await scrypt(pw, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem });
  return got.length === want.length && timingSafeEqual(got, want);
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export const SESSION_HOURS = 12;

export async function hasUsers(q: Queryable): Promise<boolean> {
  return (await q.query(`SELECT 1 FROM users LIMIT 1`)).length > 0;
}

export async function addUser(q: Queryable, name: string, role: Role, password: string): Promise<void> {
  if (!ROLES.includes(role)) throw apiError('invalidRequest', `未知的角色 “${role}”：可选 ${ROLES.join('、')}`, `unknown role '${role}': one of ${ROLES.join(', ')}`);
  if (password.length < 8) throw apiError('invalidRequest', '密码至少 8 个字符', 'the password needs at least 8 characters');
  await q.query(
    `INSERT INTO users (name, role, password_hash) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET role = EXCLUDED.role, password_hash = EXCLUDED.password_hash`,
    [name, role, await hashPassword(password)],
  );
}

/** Sign in: a new session token, or JX5003 (the same answer for an unknown name and a wrong password). */
export async function login(q: Queryable, name: string, password: string): Promise<{ token: string; user: { name: string; role: Role }; expiresAt: string }> {
  const rows = await q.query<{ id: number; role: Role; password_hash: string }>(`SELECT id, role, password_hash FROM users WHERE name = $1`, [name]);
  const u = rows[0];
  // an unknown name costs a hash too, so timing does not tell which names exist
  const ok = await verifyPassword(password, u?.password_hash ?? (await hashPassword('x')));
  if (!u || !ok) throw apiError('badLogin', '用户名或密码错误', 'wrong user name or password');
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await q.query(`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`, [tokenHash(token), u.id, expires]);
  return { token, user: { name, role: u.role }, expiresAt: expires.toISOString() };
}

export async function logout(q: Queryable, token: string): Promise<void> {
  await q.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash(token)]);
}

/** The actor of a request: the local user when no users exist, else the session's user, else JX5001. */
export async function actorOf(q: Queryable, token: string | null): Promise<Actor> {
  if (!(await hasUsers(q))) return LOCAL_ACTOR;
  if (!token)
    throw apiError(
      'unauthenticated',
      '请先登录（POST /api/login），并在请求头 Authorization: Bearer <令牌> 中带上令牌',
      'sign in first (POST /api/login) and send the token as Authorization: Bearer <token>',
    );
  const rows = await q.query<{ name: string; role: Role }>(
    `SELECT u.name, u.role FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [tokenHash(token)],
  );
  const u = rows[0];
  if (!u) throw apiError('unauthenticated', '会话已过期或令牌无效，请重新登录', 'the session expired or the token is not valid; sign in again');
  return { name: u.name, roles: [u.role], local: false };
}

const ROLE_EN: Record<Role, string> = { 编辑: 'editor', 审核: 'reviewer', 只读: 'read-only' };

/** JX5002 unless the actor has one of `roles`. */
export function requireRole(a: Actor, roles: readonly Role[], what: { zh: string; en: string }): void {
  if (roles.some((r) => a.roles.includes(r))) return;
  throw apiError(
    'forbidden',
    `${a.name}（${a.roles.join('、')}）无权${what.zh}：需要角色 ${roles.join(' 或 ')}`,
    `${a.name} (${a.roles.map((r) => ROLE_EN[r]).join(', ')}) may not ${what.en}: it takes the role ${roles.map((r) => `${r} (${ROLE_EN[r]})`).join(' or ')}`,
    { role: a.roles, required: roles },
  );
}
