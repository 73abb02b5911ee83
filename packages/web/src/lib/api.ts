import type { Problem } from '@zongzhi/contracts';

export const API_BASE = '/api/v1';

/** A failed call: the problem+json the API sent, or a synthetic one for network failures. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(`${problem.code}: ${problem.message.en}`);
    this.status = status;
    this.problem = problem;
  }

  get code() {
    return this.problem.code;
  }
}

let csrfToken = '';
/** The session's CSRF token, from the login or session response; sent on every unsafe method. */
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

type UnauthorizedHandler = (problem: Problem) => void;
let onUnauthorized: UnauthorizedHandler | null = null;
/** Called on any 401 outside the login call itself (session gone or expired). */
export const setUnauthorizedHandler = (h: UnauthorizedHandler | null) => {
  onUnauthorized = h;
};

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export const apiUrl = (path: string, query?: QueryParams) => {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return `${API_BASE}${path}${s ? `?${s}` : ''}`;
};

const syntheticProblem = (status: number, code: string, zh: string, en: string): Problem => ({
  type: 'about:blank',
  title: en,
  status,
  code,
  detail: zh,
  message: { zh, en },
  errors: [],
});

const isProblem = (v: unknown): v is Problem =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { code?: unknown }).code === 'string' &&
  typeof (v as { message?: { zh?: unknown } }).message?.zh === 'string';

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: QueryParams;
  /** JSON body, or a Blob/File sent raw with `contentType`. */
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
};

export const request = async <T>(path: string, options: RequestOptions = {}): Promise<T> => {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof Blob) {
    body = options.body;
    headers['content-type'] = options.contentType ?? options.body.type;
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body: body ?? null,
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(
      0,
      syntheticProblem(0, 'web.network', '网络错误，请检查连接后重试', 'Network error; check the connection'),
    );
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const problem = isProblem(data)
      ? data
      : syntheticProblem(
          res.status,
          'web.http',
          `操作失败（${res.status}）`,
          `Request failed (${res.status})`,
        );
    if (res.status === 401 && !path.startsWith('/auth/login')) onUnauthorized?.(problem);
    throw new ApiError(res.status, problem);
  }
  return data as T;
};

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) =>
    request<T>(path, { query, ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
};

export type Page<T> = { items: T[]; total: number };

/**
 * A problem's field errors as antd Form fields: 'body.username' → ['username'],
 * 'body.parts.0.name' → ['parts', 0, 'name']. A bare path ('code', as POST /auth/totp/confirm
 * sends it) is a body field too. Errors on query/params or on the whole body are left out.
 */
export const problemFieldErrors = (problem: Problem, lang: 'zh' | 'en') => {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const e of problem.errors) {
    if (e.path === '' || e.path === 'body' || /^(query|params)(\.|$)/.test(e.path)) continue;
    const name = e.path
      .replace(/^body\./, '')
      .split('.')
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(e.message[lang]);
    byField.set(key, entry);
  }
  return [...byField.values()];
};
