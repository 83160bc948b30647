import type { Db } from '../../db/client.ts';
import type { AppModule } from '../../platform/module.ts';
import { rolesRoutes } from './roles-routes.ts';
import { rolesService } from './roles-service.ts';

/** 角色与权限: roles, their permissions and data scope. */
export const buildRolesModule = ({ db }: { db: Db }): AppModule => {
  const roles = rolesService({ db });
  return { name: 'roles', routes: (app) => rolesRoutes(app, { roles }), api: {} };
};
