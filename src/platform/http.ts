import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestContext } from './audit.ts';
import type { Clock } from './clock.ts';
import { AppError, type ErrorCode } from './errors.ts';
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

type PgError = { code?: string; constraint?: string; detail?: string };

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
    case '22P02':
      return { code: 'bad_request' as const, details: null };
  }
  if (err.statusCode === 429) return { code: 'rate_limited' as const, details: null };
  if (err instanceof SyntaxError && err.statusCode === 400)
    return { code: 'invalid_json' as const, details: null };
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return { code: 'bad_request' as const, details: null };
  return { code: 'internal' as const, details: null };
};

// users_dealer_id_dealers_id_fk → dealerId
const fkField = (constraint: string | undefined) => {
  const m = constraint ? /^[a-z]+_([a-z_]+?)_id_/.exec(constraint) : null;
  return m ? `${m[1]!.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}Id` : '(reference)';
};

export const registerErrorHandling = (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const c = classify(err as never);
    const code: ErrorCode = c.code;
    const status = code === 'rate_limited' ? 429 : new AppError(code).status;
    if (status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code, msg: err.message }, 'request rejected');
    const lang = langFrom(req.headers['accept-language']);
    const fields = Array.isArray(c.details)
      ? (c.details as { field: string }[]).map((d) => d.field)
      : undefined;
    const message = ('userMessage' in c && c.userMessage) || messageFor(code, lang, fields);
    reply.status(status).send({ error: { code, message, details: c.details ?? null } });
  });
};
