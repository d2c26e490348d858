// `jixiao serve`, `jixiao backup`, `jixiao restore`, `jixiao user`: the workspace server
// (packages/server). Loaded only when one of these commands runs; from the bundle it is
// packages/server/dist/server.mjs (built with the CLI), from the sources the package itself.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pc from 'picocolors';
import { repoRoot, rulesDir, shownPath, userPath } from '../paths.ts';
import { tr } from '../i18n.ts';
import { UserError, userError } from '../errors.ts';
import { importModule } from '../import-module.ts';

type Server = typeof import('@jixiao/server');

async function loadServer(): Promise<Server> {
  if (import.meta.url.endsWith('.ts')) return import('@jixiao/server');
  return (await importModule(new URL('../../../server/dist/server.mjs', import.meta.url).href)) as Server;
}

export interface DbOptions {
  db?: string;
  data?: string;
}

export interface ServeCommandOptions extends DbOptions {
  host?: string;
  port?: string;
}

/** --db, else PGlite in --data (default ./jixiao-data where the command was typed). */
function where(opts: DbOptions): { db?: string; data?: string; shown: string } {
  if (opts.db) return { db: opts.db, shown: opts.db.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') };
  const data = userPath(opts.data ?? 'jixiao-data');
  return { data, shown: `PGlite ${shownPath(data)}` };
}

/** A server error (code JX5nnn) as the CLI's user error: its message, exit code 2. */
function asUserError(e: unknown): unknown {
  const x = e as { code?: string; msg?: { zh: string; en: string } };
  return x?.msg && x.code ? new UserError({ code: x.code, message: x.msg, data: {} }) : e;
}

export async function serveCommand(opts: ServeCommandOptions): Promise<number> {
  const s = await loadServer();
  const w = where(opts);
  const port = opts.port === undefined ? 8080 : Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw userError('invalidOption', {
      option: '--port',
      value: String(opts.port),
      expected: { zh: '应为 0 到 65535 的整数（0 为任一空闲端口）', en: 'give a whole number from 0 to 65535 (0: any free port)' },
    });
  const playground = join(repoRoot, 'playground', 'dist');
  let running: Awaited<ReturnType<typeof s.startServer>>;
  try {
    running = await s.startServer({ db: w.db, data: w.data, host: opts.host, port, playgroundDir: playground, rulesDir });
  } catch (e) {
    throw asUserError(e);
  }
  console.log(tr(`jixiao 工作台已启动：${running.url}（数据：${w.shown}）`, `jixiao workspace on ${running.url} (data: ${w.shown})`));
  if (!existsSync(join(playground, 'index.html')))
    console.log(
      pc.yellow(
        tr(
          '演练场尚未构建，只提供 API；运行 npx -y pnpm@12.4.2 serve 会先构建演练场',
          'the playground is not built, serving the API only; npx -y pnpm@12.4.2 serve builds it first',
        ),
      ),
    );
  console.log(tr('按 Ctrl+C 结束。', 'Press Ctrl+C to stop.'));
  await new Promise<void>((res) => {
    const stop = () => res();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  return 0;
}

async function withDb<T>(opts: DbOptions, fn: (s: Server, db: Awaited<ReturnType<Server['openDb']>>) => Promise<T>): Promise<T> {
  const s = await loadServer();
  const w = where(opts);
  const db = await s.openDb({ url: w.db, dataDir: w.data });
  try {
    await s.migrate(db);
    return await fn(s, db);
  } catch (e) {
    throw asUserError(e);
  } finally {
    await db.close();
  }
}

export async function backupCommand(file: string, opts: DbOptions): Promise<number> {
  const out = userPath(file);
  const counts = await withDb(opts, (s, db) => s.backup(db, out));
  console.log(
    tr(`已备份到 ${shownPath(out)}：`, `backed up to ${shownPath(out)}: `) +
      Object.entries(counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(', '),
  );
  return 0;
}

export async function restoreCommand(file: string, opts: DbOptions): Promise<number> {
  const src = userPath(file);
  if (!existsSync(src)) throw userError('generic', { said: { zh: `找不到备份文件 ${shownPath(src)}`, en: `no backup file ${shownPath(src)}` } });
  const counts = await withDb(opts, (s, db) => s.restore(db, src));
  console.log(
    tr(`已从 ${shownPath(src)} 恢复：`, `restored from ${shownPath(src)}: `) +
      Object.entries(counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(', '),
  );
  return 0;
}

async function readPassword(): Promise<string> {
  const env = process.env['JIXIAO_PASSWORD'];
  if (env) return env;
  process.stderr.write(tr('密码（至少 8 个字符）：', 'password (at least 8 characters): '));
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

export async function userCommand(action: string, name: string | undefined, opts: DbOptions & { role?: string }): Promise<number> {
  return withDb(opts, async (s, db) => {
    if (action === 'list') {
      const rows = await db.query<{ name: string; role: string; created_at: Date }>(`SELECT name, role, created_at FROM users ORDER BY name`);
      if (rows.length === 0) console.log(tr('没有用户：服务只能在 127.0.0.1 上启动', 'no users: the server starts on 127.0.0.1 only'));
      for (const r of rows) console.log(`${r.name}\t${r.role}\t${new Date(r.created_at).toISOString()}`);
      return 0;
    }
    if (!name) throw userError('generic', { said: { zh: '请给出用户名', en: 'give a user name' } });
    if (action === 'add') {
      if (!opts.role) throw userError('generic', { said: { zh: `请用 --role 指定角色：${s.ROLES.join('、')}`, en: `pass --role: one of ${s.ROLES.join(', ')}` } });
      await s.addUser(db, name, opts.role as never, await readPassword());
      console.log(tr(`已添加用户 ${name}（${opts.role}）`, `added user ${name} (${opts.role})`));
      return 0;
    }
    if (action === 'remove') {
      await db.query(`DELETE FROM users WHERE name = $1`, [name]);
      console.log(tr(`已删除用户 ${name}`, `removed user ${name}`));
      return 0;
    }
    throw userError('generic', { said: { zh: `未知的操作 “${action}”：add、list、remove`, en: `unknown action '${action}': add, list, remove` } });
  });
}
