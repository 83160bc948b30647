import type { Db } from '../../db/client.ts';
import type { AppModule } from '../../platform/module.ts';
import type { AuthSessions } from '../auth/index.ts';
import { activeUserIdsOfCustomer, activeUserIdsWithRoles, findUser } from './users-dal.ts';
import { usersRoutes } from './users-routes.ts';
import { usersService } from './users-service.ts';

export { adminUnlock, type UnlockResult } from './admin-unlock.ts';
export type { UserRow } from './users-dal.ts';
export type { UsersService } from './users-service.ts';

const api = { findUser, activeUserIdsWithRoles, activeUserIdsOfCustomer };

/** Users read in the caller's transaction: within a data scope (reference checks), or by role to notify. */
export type UsersApi = typeof api;

/** 用户管理: user accounts, their roles, activation and password resets. */
export const buildUsersModule = (deps: {
  db: Db;
  sessions: Pick<AuthSessions, 'clearThrottles' | 'revokeUserSessions'>;
}): AppModule<UsersApi> => {
  const users = usersService(deps);
  return { name: 'users', routes: (app) => usersRoutes(app, { users }), api };
};
