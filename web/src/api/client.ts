import createClient from 'openapi-fetch';
import type { paths } from './schema.gen';

export interface FieldError {
  field: string;
  message: string;
}

/** The server's error envelope `{"error":{"code","message","details"}}`, plus the HTTP status. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Per-field messages (400 validation, also 409 duplicate); empty when the details are not a list. */
  get fieldErrors(): FieldError[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldError =>
        typeof d === 'object' && d !== null && typeof d.field === 'string' && typeof d.message === 'string',
    );
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

let unauthorizedHandler: (() => void) | null = null;
// The server localises error messages from Accept-Language; the browser's own header may not match the UI.
let acceptLanguage = 'zh-CN';

export function setApiLanguage(lang: string): void {
  acceptLanguage = lang;
}

/** The app decides what a lapsed session means (redirect to /login); the client only reports it. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    // Empty filters mean "no filter"; sending `q=` could be read by the server as "match empty".
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function parseError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Proxies and crashed servers answer with HTML or nothing; fall through to a generic error.
  }
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  return new ApiError(
    res.status,
    typeof err?.code === 'string' ? err.code : `http_${res.status}`,
    typeof err?.message === 'string' ? err.message : res.statusText || `HTTP ${res.status}`,
    err?.details ?? null,
  );
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Login answers 401 for a wrong password; that must not bounce the user to the login page. */
  skipAuthRedirect?: boolean;
  signal?: AbortSignal;
}

export interface SendOptions {
  query?: Query;
  /** Sent as is: a JSON string, or a File for uploads. */
  body?: BodyInit;
  headers?: Record<string, string>;
  skipAuthRedirect?: boolean;
  signal?: AbortSignal;
}

/**
 * One HTTP exchange with the session cookie and the UI language; non-2xx answers become ApiError.
 * Exposed for what is not JSON both ways: file uploads and .xlsx downloads.
 */
export async function send(method: string, path: string, opts: SendOptions = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      credentials: 'same-origin',
      headers: { 'Accept-Language': acceptLanguage, ...opts.headers },
      body: opts.body,
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network_error', e instanceof Error ? e.message : String(e), null);
  }
  if (!res.ok) {
    const error = await parseError(res);
    if (res.status === 401 && !opts.skipAuthRedirect) unauthorizedHandler?.();
    throw error;
  }
  return res;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const json = opts.body !== undefined;
  const res = await send(method, path, {
    query: opts.query,
    body: json ? JSON.stringify(opts.body) : undefined,
    headers: { Accept: 'application/json', ...(json ? { 'Content-Type': 'application/json' } : {}) },
    skipAuthRedirect: opts.skipAuthRedirect,
    signal: opts.signal,
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...opts, body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
};

function queryString(query: Record<string, unknown>): string {
  return buildUrl('', query as Query).replace(/^\?/, '');
}

/**
 * The typed client (openapi-fetch over the generated `paths`). Every exchange still goes through
 * send(): the same cookie, language header, 401 handling and ApiError for non-2xx answers, so a
 * resolved call always has `data`.
 */
export const http = createClient<paths>({
  headers: { Accept: 'application/json' },
  querySerializer: queryString,
  fetch: async (req: Request) => {
    const url = new URL(req.url);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    return send(req.method, url.pathname + url.search, {
      headers: Object.fromEntries(req.headers),
      body: hasBody && req.body ? await req.arrayBuffer() : undefined,
      signal: req.signal,
    });
  },
});

/** The body of a typed call; send() has already turned every error answer into an ApiError. */
export async function data<T>(call: Promise<{ data?: T }>): Promise<T> {
  return (await call).data as T;
}
