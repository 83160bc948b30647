import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestContext } from './audit.ts';
import type { Clock } from './clock.ts';
import { AppError, type ErrorCode } from './errors.ts';
import { fieldSentences, localizeDetails } from './field-text.ts';
import { langFrom, messageFor } from './messages.ts';
import { type Actor, assertCan, type Permission } from './permissions.ts';
import { fieldErrors } from './validation.ts';

/** Who may call a route: anyone, any logged-in user, or holders of one permission. */
export type Access = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Open to a user who must change the password first (changing it, who-am-I, logout); nothing else is. */
    duringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    ctx: RequestContext;
  }
}

export const SESSION_COOKIE = 'aftersales_session';

/** The context of a route that requires login; throws if the request is anonymous. */
export const authed = (req: FastifyRequest): RequestContext & { actor: Actor } => {
  if (!req.actor) throw new AppError('unauthenticated');
  return req.ctx as RequestContext & { actor: Actor };
};

const tokenOf = (req: FastifyRequest): string | null => {
  const h = req.headers.authorization;
  if (h) {
    const m = /^Bearer\s+(\S+)$/i.exec(h);
    return m ? m[1]! : null;
  }
  return req.cookies?.[SESSION_COOKIE] ?? null;
};

export const registerAuth = (
  app: FastifyInstance,
  opts: {
    clock: Clock;
    authenticate: (token: string, now: Date) => Promise<(Actor & { mustChangePassword?: boolean }) | null>;
  },
) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('ctx', null as unknown as RequestContext);

  // Every API route must say who may call it, so a forgotten check fails at start-up, not in production.
  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (!url.startsWith('/api/') || url.startsWith('/api/docs')) return;
    if (!route.config?.access) throw new Error(`route ${route.method} ${url} declares no access rule`);
  });

  app.addHook('onRequest', async (req) => {
    req.ctx = { actor: null, requestId: req.id, ip: req.ip ?? null, clock: opts.clock };
    const access = req.routeOptions.config?.access;
    if (!access || access === 'public') return;
    const token = tokenOf(req);
    const actor = token ? await opts.authenticate(token, opts.clock.now()) : null;
    if (!actor) throw new AppError('unauthenticated');
    // Enforced here, not only in the UI: a temporary (reset or generated) password opens nothing else.
    if (actor.mustChangePassword && !req.routeOptions.config?.duringPasswordChange)
      throw new AppError('password_change_required');
    req.actor = actor;
    req.ctx.actor = actor;
    if (access !== 'authenticated') assertCan(actor, access);
  });
};

type PgError = { code?: string; constraint?: string; detail?: string; column?: string };

const classify = (err: FastifyError & PgError & { validation?: unknown[]; validationContext?: string }) => {
  if (err instanceof AppError) return { code: err.code, details: err.details, userMessage: err.userMessage };
  if (err.validation) {
    const details = fieldErrors(err.validation as never, err.validationContext);
    return { code: 'validation_failed' as const, details };
  }
  // Drizzle wraps driver errors; the PostgreSQL code and constraint are on the cause.
  const db = (err.cause && typeof err.cause === 'object' && 'code' in err.cause ? err.cause : err) as PgError;
  switch (db.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'invalid_json' as const, details: null };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload_too_large' as const, details: null };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'unsupported_media_type' as const, details: null };
    // PostgreSQL: unique violation, foreign key violation, bad text representation.
    case '23505':
      return { code: 'duplicate' as const, details: { constraint: db.constraint ?? null } };
    case '23503':
      return {
        code: 'validation_failed' as const,
        details: [{ field: fkField(db.constraint), message: 'refers to a record that does not exist' }],
      };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'bad_request' as const, details: null };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { code: 'uri_too_long' as const, details: null };
    case 'FST_ERR_BAD_URL':
      return {
        code: 'bad_request' as const,
        details: [{ field: 'params', message: 'is not a valid URL component' }],
      };
    case '23502':
      return {
        code: 'validation_failed' as const,
        details: [{ field: columnField(db.column), message: 'is required' }],
      };
    case '23514':
      return { code: 'validation_failed' as const, details: { constraint: db.constraint ?? null } };
  }
  // PostgreSQL class 22 (data exception: invalid text representation, numeric or date out of range,
  // NUL in text, bad escape …) and 54 (a value too large for an index): the input, not the server.
  if (typeof db.code === 'string' && /^(22|54)[0-9A-Z]{3}$/.test(db.code))
    return { code: 'bad_request' as const, details: { sqlState: db.code } };
  if (err.statusCode === 429) return { code: 'rate_limited' as const, details: null };
  if (err instanceof SyntaxError && err.statusCode === 400)
    return { code: 'invalid_json' as const, details: null };
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return { code: 'bad_request' as const, details: null };
  return { code: 'internal' as const, details: null };
};

// dealer_id → dealerId
const columnField = (column: string | undefined) =>
  column ? column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) : '(body)';

// users_dealer_id_dealers_id_fk → dealerId
const fkField = (constraint: string | undefined) => {
  const m = constraint ? /^[a-z]+_([a-z_]+?)_id_/.exec(constraint) : null;
  return m ? `${m[1]!.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}Id` : '(reference)';
};

/** The answer to a request, failed or refused, in the contract's `{"error":{...}}` shape. */
const sendError = (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
  const c = classify(err as never);
  const code: ErrorCode = c.code;
  const status = code === 'rate_limited' ? 429 : new AppError(code).status;
  if (status >= 500) req.log.error({ err }, 'request failed');
  else req.log.info({ code, msg: err.message }, 'request rejected');
  const lang = langFrom(req.headers['accept-language']);
  const own = 'userMessage' in c ? c.userMessage?.[lang] : undefined;
  const message = own || messageFor(code, lang, fieldSentences(c.details, lang));
  reply.status(status).send({ error: { code, message, details: localizeDetails(c.details ?? null, lang) } });
};

/**
 * Errors Fastify's router raises before any route runs (a path parameter longer than the router
 * takes, a URL that does not decode): passed as the `frameworkErrors` option of `Fastify()`.
 */
export const frameworkErrors = (err: FastifyError, req: FastifyRequest, reply: FastifyReply) =>
  sendError(err, req, reply);

/**
 * What Node's HTTP parser refuses (headers or URL over the size limit, a malformed request line,
 * a timeout) never reaches Fastify; it is answered on the socket, still in the contract's shape.
 * The `clientErrorHandler` option of `Fastify()`.
 */
export const clientErrorHandler = (err: Error & { code?: string }, socket: import('node:stream').Duplex) => {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? 'headers_too_large'
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'request_timeout'
        : 'bad_request';
  const status = new AppError(code).status;
  const body = JSON.stringify({ error: { code, message: messageFor(code, 'zh'), details: null } });
  const reason = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }[
    status as 400 | 408 | 431
  ];
  if ('writable' in socket && socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy();
};

export const registerErrorHandling = (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) =>
    sendError(err, req, reply),
  );
};
