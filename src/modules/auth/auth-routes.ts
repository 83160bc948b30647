import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { authed, SESSION_COOKIE } from '../../platform/http.ts';
import { ErrorBody } from '../../platform/schemas.ts';
import { ChangePasswordBody, LoginBody, LoginResponse, Me } from './auth-schemas.ts';
import type { AuthService } from './auth-service.ts';

export const authRoutes = (
  app: FastifyInstance,
  opts: { auth: AuthService; loginRateLimitPerMinute: number },
) => {
  const { auth } = opts;
  const tags = ['auth'];

  app.post<{ Body: { username: string; password: string } }>(
    '/api/auth/login',
    {
      config: {
        access: 'public',
        // Per process and IP, a speed bump; the per-account delays and lock are rows (all processes).
        rateLimit: { max: opts.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        body: LoginBody,
        response: { 200: LoginResponse, 400: ErrorBody, 401: ErrorBody, 423: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      const r = await auth
        .login(req.ctx, { ...req.body, userAgent: req.headers['user-agent'] ?? null })
        .catch((err: unknown) => {
          // The client's wait (progressive delay) travels as a standard header too.
          if (err instanceof AppError && err.code === 'login_throttled') {
            reply.header(
              'retry-after',
              String((err.details as { retryAfterSeconds: number }).retryAfterSeconds),
            );
          }
          throw err;
        });
      reply.setCookie(SESSION_COOKIE, r.token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: req.protocol === 'https',
        expires: r.expiresAt,
      });
      return { token: r.token, expiresAt: r.expiresAt.toISOString(), user: r.user };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'authenticated', duringPasswordChange: true },
      schema: { tags, response: { 200: Me, 401: ErrorBody } },
    },
    (req) => auth.profile(authed(req).actor.userId),
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'authenticated', duringPasswordChange: true }, schema: { tags } },
    async (req, reply) => {
      await auth.logout(authed(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.post<{ Body: { currentPassword: string; newPassword: string } }>(
    '/api/auth/password',
    {
      config: { access: 'authenticated', duringPasswordChange: true },
      schema: { tags, body: ChangePasswordBody, response: { 400: ErrorBody } },
    },
    async (req, reply) => {
      await auth.changePassword(authed(req), req.body);
      return reply.status(204).send();
    },
  );
};
