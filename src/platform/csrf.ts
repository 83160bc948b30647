// Cross-site request forgery: a browser attaches the session cookie to a request another site makes
// it send, so a cookie-authenticated change must come from our own pages. Browsers say where a request
// comes from in `Origin` (every POST/PUT/PATCH/DELETE from fetch or a form) and, in older cases without
// it, `Sec-Fetch-Site`. Clients that send neither (curl, scripts, tests) are not browsers and pass.

export const UNSAFE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type CsrfInput = {
  method: string;
  /** The Origin header, if any ("null" for sandboxed frames and some redirects). */
  origin: string | undefined;
  secFetchSite: string | undefined;
  /** The host (and port) the request was sent to, as the Host header (or X-Forwarded-Host behind a trusted proxy) says. */
  host: string | undefined;
  /** Further origins that count as our own, e.g. the configured public address. */
  allowedOrigins: readonly string[];
  /** The request carries an Authorization header: a token a foreign site cannot make the browser send. */
  bearer: boolean;
  /** The request is authenticated by the session cookie (or is the login that sets it). */
  cookieAuth: boolean;
};

export type CsrfVerdict = { ok: true } | { ok: false; reason: 'foreign_origin' | 'cross_site' };

/** The origin (scheme://host[:port]) of a URL, or null when it is not one. */
export const originOf = (url: string): string | null => {
  try {
    const u = new URL(url);
    return u.origin === 'null' ? null : u.origin;
  } catch {
    return null;
  }
};

const hostOfOrigin = (origin: string): string | null => {
  const o = originOf(origin);
  return o ? new URL(o).host : null;
};

export const csrfVerdict = (i: CsrfInput): CsrfVerdict => {
  if (!UNSAFE_METHODS.has(i.method.toUpperCase()) || i.bearer || !i.cookieAuth) return { ok: true };
  if (i.origin !== undefined) {
    // Same host as the request went to (the scheme is not compared: behind a TLS-terminating proxy
    // that is not trusted the app sees http while the browser says https), or a configured origin.
    const host = hostOfOrigin(i.origin);
    if (host !== null && i.host !== undefined && host === i.host.toLowerCase()) return { ok: true };
    const origin = originOf(i.origin);
    if (origin !== null && i.allowedOrigins.includes(origin)) return { ok: true };
    return { ok: false, reason: 'foreign_origin' };
  }
  if (i.secFetchSite?.toLowerCase() === 'cross-site') return { ok: false, reason: 'cross_site' };
  return { ok: true };
};
