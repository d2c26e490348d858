// The HTTP app (Hono): the JSON API under /api, its OpenAPI document, and the built
// playground at /. Hono is small, maintained, built on the web's Request/Response (the
// same handlers run under Node's server and in tests through app.request without a
// socket), and leaves validation and documentation to the zod schemas.
import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { serveStatic } from '@hono/node-server/serve-static';
import { getCookie } from 'hono/cookie';
import { actorOf } from './auth.ts';
import { ApiError, apiError } from './codes.ts';
import type { AppContext } from './context.ts';
import { Router, type Env } from './api/route.ts';
import { registerRoutes } from './api/routes.ts';

const PUBLIC = new Set(['/api/login', '/api/openapi.json']);

export const API_VERSION = '1.0.0';

export function createApp(ctx: AppContext): { app: Hono<Env>; openapi: () => object } {
  const app = new Hono<Env>();
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', {
    type: 'http',
    scheme: 'bearer',
    description: 'POST /api/login 取得的会话令牌 (the token from POST /api/login); 也可用 cookie jixiao_session',
  });

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: ctx.limits.requestBytes,
      onError: () => {
        throw apiError(
          'requestTooLarge',
          `请求过大：上限为 ${(ctx.limits.requestBytes / 1024 / 1024).toFixed(0)} MB；请分批上传`,
          `request too large: the limit is ${(ctx.limits.requestBytes / 1024 / 1024).toFixed(0)} MB; upload in parts`,
        );
      },
    }),
  );
  app.use('/api/*', async (c, next) => {
    const auth = c.req.header('authorization');
    const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : (getCookie(c, 'jixiao_session') ?? null);
    c.set('token', token);
    if (!PUBLIC.has(c.req.path)) c.set('actor', await actorOf(ctx.db, token));
    await next();
  });

  registerRoutes(new Router(app, registry), ctx);

  let doc: object | null = null;
  const openapi = () =>
    (doc ??= new OpenApiGeneratorV3(registry.definitions).generateDocument({
      openapi: '3.0.3',
      info: {
        title: 'jixiao 工作台 API (jixiao workspace API)',
        version: API_VERSION,
        description:
          '预算绩效自评：模板版本、填报表、评分运行与审核。错误答复为 { error: { code, status, message: { zh, en } } }。\n\nBudget performance self-evaluation: template versions, filings, runs and reviews.',
      },
      servers: [{ url: '/' }],
      security: [{ session: [] }],
    }));
  app.get('/api/openapi.json', (c) => c.json(openapi()));

  app.all('/api/*', () => {
    throw apiError('notFound', '没有这个接口（见 GET /api/openapi.json）', 'no such endpoint (see GET /api/openapi.json)');
  });

  if (ctx.playgroundDir && existsSync(join(ctx.playgroundDir, 'index.html'))) {
    const root = ctx.playgroundDir;
    const index = readFileSync(join(root, 'index.html'), 'utf8');
    app.use('/*', serveStatic({ root }));
    app.get('*', (c) => c.html(index));
  } else {
    app.get('/', (c) =>
      c.html(
        `<!doctype html><meta charset="utf-8"><title>jixiao</title><p>jixiao 工作台 API 已启动：<a href="/api/openapi.json">/api/openapi.json</a>。演练场尚未构建：运行 <code>npx -y pnpm@12.4.2 serve</code>（会先构建演练场）。</p><p>The jixiao workspace API is up. The playground is not built: run <code>npx -y pnpm@12.4.2 serve</code> (it builds the playground first).</p>`,
      ),
    );
  }

  app.onError((e, c) => {
    let err: ApiError;
    if (e instanceof ApiError) err = e;
    else if ((e as { code?: string }).code === 'P0001' && /immutable|cannot change/.test(e.message))
      err = apiError('immutable', '已发布的版本不可修改', 'a published version cannot change');
    else {
      console.error(`jixiao: ${c.req.method} ${c.req.path}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      err = apiError('internal', `服务器内部错误：${(e as Error).message}`, `internal server error: ${(e as Error).message}`);
    }
    return c.json(err.body(), err.status as 400);
  });
  return { app, openapi };
}
