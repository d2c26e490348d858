// One way to declare a route: its zod schemas are registered in the OpenAPI registry (the
// document is generated from them, never written by hand) and validate the request; the
// role check, the JSON answer and the error body are the same for every route.
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { Context, Hono } from 'hono';
import type { ZodType } from 'zod';
import type { z } from './zod.ts';
import { ErrorBody } from './schemas.ts';
import { requireRole, type Actor, type Role } from '../auth.ts';
import { apiError, type Msg } from '../codes.ts';

export interface Env {
  Variables: { actor: Actor; token: string | null };
}

type Infer<T> = T extends ZodType ? z.infer<T> : undefined;

export interface RouteSpec<B, Q, P> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI form: /api/templates/{id} */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** roles that may call it, and what it does (for the 403 message); absent: every signed-in user */
  roles?: readonly Role[];
  what?: Msg;
  body?: B;
  query?: Q;
  params?: P;
  /** a request body that is not JSON: documented here, read by the handler */
  rawBody?: { contentType: string; schema: ZodType; description?: string };
  /** the JSON answer, or another content type */
  response: ZodType | { contentType: string; schema: ZodType; description?: string };
  status?: 200 | 201;
  /** no session needed (login, the document itself) */
  public?: boolean;
}

export interface Handled<B, Q, P> {
  c: Context<Env>;
  actor: Actor;
  body: Infer<B>;
  query: Infer<Q>;
  params: Infer<P>;
}

const ISSUE_ZH: Record<string, (i: z.core.$ZodIssue) => string> = {
  invalid_type: (i) => `类型不对，应为 ${(i as { expected?: string }).expected ?? '?'}`,
  too_small: (i) => `太小或太短（至少 ${String((i as { minimum?: unknown }).minimum)}）`,
  too_big: (i) => `太大或太长（至多 ${String((i as { maximum?: unknown }).maximum)}）`,
  invalid_value: (i) => `应为 ${((i as { values?: unknown[] }).values ?? []).map(String).join('、')} 之一`,
  unrecognized_keys: (i) => `未知字段 ${((i as { keys?: string[] }).keys ?? []).join('、')}`,
  invalid_union: () => '不符合任何一种允许的写法',
  invalid_format: () => '格式不对',
};

/** JX5004 from zod issues: each names the field, in Chinese and in English. */
export function invalid(where: string, issues: readonly z.core.$ZodIssue[]) {
  const list = issues.map((i) => {
    const path = [where, ...i.path.map(String)].join('.');
    return { path, message: { zh: `${path}：${(ISSUE_ZH[i.code] ?? (() => '无效'))(i)}`, en: `${path}: ${i.message}` } };
  });
  const first = list[0]!;
  return apiError(
    'invalidRequest',
    `请求内容无效：${first.message.zh}${list.length > 1 ? `（共 ${list.length} 处）` : ''}`,
    `invalid request: ${first.message.en}${list.length > 1 ? ` (${list.length} problems)` : ''}`,
    { issues: list },
  );
}

function parse<T extends ZodType>(schema: T | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const r = schema.safeParse(value);
  if (!r.success) throw invalid(where, r.error.issues);
  return r.data;
}

export class Router {
  constructor(
    readonly app: Hono<Env>,
    readonly registry: OpenAPIRegistry,
  ) {}

  add<B extends ZodType | undefined = undefined, Q extends ZodType | undefined = undefined, P extends ZodType | undefined = undefined>(
    spec: RouteSpec<B, Q, P>,
    handler: (x: Handled<B, Q, P>) => Promise<unknown> | unknown,
  ): void {
    const response =
      'contentType' in spec.response && typeof (spec.response as { contentType?: unknown }).contentType === 'string'
        ? (spec.response as { contentType: string; schema: ZodType; description?: string })
        : { contentType: 'application/json', schema: spec.response as ZodType, description: undefined };
    const request: RouteConfig['request'] = {};
    if (spec.params) request.params = spec.params as never;
    if (spec.query) request.query = spec.query as never;
    if (spec.body) request.body = { required: true, content: { 'application/json': { schema: spec.body as ZodType } } };
    if (spec.rawBody) request.body = { required: true, description: spec.rawBody.description, content: { [spec.rawBody.contentType]: { schema: spec.rawBody.schema } } };
    const roleNote = spec.roles ? `\n\n角色 (roles): ${spec.roles.join('、')}` : '';
    this.registry.registerPath({
      method: spec.method,
      path: spec.path,
      summary: spec.summary,
      description: (spec.description ?? '') + roleNote,
      tags: [spec.tag],
      ...(spec.public ? { security: [] } : {}),
      request,
      responses: {
        [spec.status ?? 200]: { description: response.description ?? 'OK', content: { [response.contentType]: { schema: response.schema } } },
        default: { description: '错误：代码、状态和中英文说明 (error: code, status, message in Chinese and English)', content: { 'application/json': { schema: ErrorBody } } },
      },
    });
    const honoPath = spec.path.replace(/\{(\w+)\}/g, ':$1');
    this.app.on(spec.method.toUpperCase(), honoPath, async (c) => {
      const actor = c.get('actor');
      if (spec.roles && !spec.public) requireRole(actor, spec.roles, spec.what ?? { zh: '进行此操作', en: 'do this' });
      const params = parse(spec.params, c.req.param(), 'params');
      const query = parse(spec.query, c.req.query(), 'query');
      let body: unknown;
      if (spec.body) {
        let json: unknown;
        try {
          json = await c.req.json();
        } catch {
          throw apiError('invalidRequest', '请求体不是有效的 JSON', 'the request body is not valid JSON');
        }
        body = parse(spec.body, json, 'body');
      }
      const out = await handler({ c, actor, body, query, params } as Handled<B, Q, P>);
      if (out instanceof Response) return out;
      return c.json(out as object, spec.status ?? 200);
    });
  }
}
