// The workspace API from the page: JSON in and out, the session token kept for the tab,
// error bodies ({ error: { code, message: { zh, en } } }) thrown as ApiFailure.
export interface Msg {
  zh: string;
  en: string;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly msg: Msg,
    readonly body: Record<string, unknown>,
  ) {
    super(msg.en);
  }
}

const TOKEN = 'jixiao-token';

export function token(): string | null {
  return sessionStorage.getItem(TOKEN);
}

export function setToken(t: string | null): void {
  if (t) sessionStorage.setItem(TOKEN, t);
  else sessionStorage.removeItem(TOKEN);
}

function headers(json: boolean): Record<string, string> {
  const h: Record<string, string> = {};
  const t = token();
  if (t) h['authorization'] = `Bearer ${t}`;
  if (json) h['content-type'] = 'application/json';
  return h;
}

async function answer<T>(res: Response): Promise<T> {
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { error: { code: 'JX5000', message: { zh: text, en: text } } };
  }
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: Msg } })?.error;
    throw new ApiFailure(
      res.status,
      e?.code ?? 'JX5000',
      e?.message ?? { zh: `请求失败（${res.status}）`, en: `request failed (${res.status})` },
      (e ?? {}) as Record<string, unknown>,
    );
  }
  return body as T;
}

export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  return answer<T>(await fetch(path, { method, headers: headers(body !== undefined), ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }));
}

export async function upload<T = unknown>(path: string, form: FormData): Promise<T> {
  return answer<T>(await fetch(path, { method: 'POST', headers: headers(false), body: form }));
}

/** Whether this page is served by `jixiao serve` (the API answers), and who is signed in. */
export async function probe(): Promise<{ kind: 'none' } | { kind: 'login' } | { kind: 'ok'; me: { name: string; roles: string[]; local: boolean } }> {
  try {
    const res = await fetch('/api/me', { headers: headers(false) });
    if (res.status === 401) return { kind: 'login' };
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return { kind: 'none' };
    return { kind: 'ok', me: await res.json() };
  } catch {
    return { kind: 'none' };
  }
}
