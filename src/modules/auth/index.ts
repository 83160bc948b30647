import type { Db } from '../../db/client.ts';
import type { Config } from '../../platform/config.ts';
import type { AppModule } from '../../platform/module.ts';
import { clearThrottles, findUserForLogin, revokeUserSessions } from './auth-dal.ts';
import { authRoutes } from './auth-routes.ts';
import { authService } from './auth-service.ts';

export type { AuthService } from './auth-service.ts';

/** Sessions and login throttles, for the account steps of users (deactivate, reset, unlock). */
export const authSessions = { clearThrottles, findUserForLogin, revokeUserSessions };
export type AuthSessions = typeof authSessions;

export type AuthApi = AuthSessions & {
  /** The bearer token or session cookie → the actor (app.ts hands it to registerAuth). */
  authenticate: ReturnType<typeof authService>['authenticate'];
};

/** 登录与会话: login, logout, the current user, password change. */
export const buildAuthModule = (deps: {
  db: Db;
  config: Pick<Config, 'sessionHours' | 'lockout' | 'loginRateLimitPerMinute'>;
}): AppModule<AuthApi> => {
  const auth = authService(deps);
  return {
    name: 'auth',
    routes: (app) => authRoutes(app, { auth, loginRateLimitPerMinute: deps.config.loginRateLimitPerMinute }),
    api: { ...authSessions, authenticate: auth.authenticate },
  };
};
