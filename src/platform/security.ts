import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { csrfVerdict, originOf } from './csrf.ts';
import { AppError } from './errors.ts';
import { SESSION_COOKIE } from './http.ts';

/**
 * The Content-Security-Policy of the web UI and Swagger UI. Scripts only from our own files (the Vite
 * build has no inline script); styles inline too, because antd's CSS-in-JS injects <style> elements
 * and components and echarts set style attributes; images also from data: and blob: URLs (antd icons,
 * the QR code preview, the signature pad, echarts' image export). No framing by anyone.
 * No `upgrade-insecure-requests`: a plain-HTTP installation on a LAN must keep loading its own files.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'upgrade-insecure-requests': null,
};

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every answer, `Cache-Control: no-store` on every /api answer, HSTS when the
 * request came over TLS (directly, or through a trusted proxy that says https), and the CSRF check on
 * cookie-authenticated changes. Registered before the auth hook, so a forged request is refused
 * before its session is even looked up.
 */
export const registerSecurity = async (app: FastifyInstance, opts: { publicUrl: string }) => {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Set below only over TLS: over plain HTTP the header is meaningless and a proxy may lie.
    strictTransportSecurity: false,
  });

  const publicOrigin = originOf(opts.publicUrl);
  const allowedOrigins = publicOrigin ? [publicOrigin] : [];

  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    const bearer = req.headers.authorization !== undefined;
    const hasCookie = req.cookies?.[SESSION_COOKIE] !== undefined;
    // The login is checked too: a foreign page must not log a browser in to someone else's account.
    const cookieAuth = req.routeOptions.url === '/api/auth/login' || (access !== 'public' && hasCookie);
    const v = csrfVerdict({
      method: req.method,
      origin: req.headers.origin,
      secFetchSite: req.headers['sec-fetch-site'] as string | undefined,
      host: req.host,
      allowedOrigins,
      bearer,
      cookieAuth,
    });
    if (!v.ok) {
      throw new AppError('csrf_rejected', {
        message: `${req.method} ${req.url} from ${req.headers.origin ?? req.headers['sec-fetch-site']}`,
        details: { reason: v.reason },
      });
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api')) reply.header('cache-control', 'no-store');
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
    return payload;
  });
};
