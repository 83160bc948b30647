import type { Db, Executor } from '../../db/client.ts';
import type { Ctx } from '../../platform/audit.ts';
import type { Permission } from '../../platform/permissions.ts';
import type { AssetsApi } from '../assets/index.ts';
import type { CustomersApi } from '../customers/index.ts';
import type { NotificationsApi } from '../notifications/index.ts';
import type { UsersApi } from '../users/index.ts';

/**
 * What returns need from tickets: the request's own ticket (type return) registered in the same
 * transaction, so it is in the desk queue and the customer's portal like every other request, and
 * a ticket read to link a request to the return ticket it came from. Declared here, by the user of
 * the port; the tickets module's service satisfies it.
 */
export type ReturnTicketsPort = {
  createInTx(
    tx: Executor,
    ctx: Ctx,
    input: {
      customerId: string;
      assetId?: string | null;
      channel: 'phone' | 'email' | 'web' | 'letter' | 'visit' | 'im';
      type: 'return';
      description: string;
      title?: string | null;
      reportedAt?: string;
      contactPhone?: string | null;
    },
    opts: { permission: Permission; silent?: boolean },
  ): Promise<{ dto: { id: string; number: string; dealerId: string | null }; deliveries: string[] }>;
  get(
    ctx: Ctx,
    id: string,
  ): Promise<{ id: string; number: string; customerId: string; type: string; assetId: string | null }>;
};

export type ReturnsDeps = {
  db: Db;
  customers: Pick<CustomersApi, 'findCustomer'>;
  assets: Pick<AssetsApi, 'findAsset' | 'repairsOf' | 'entitlementFor' | 'insertEvent'>;
  users: Pick<UsersApi, 'activeUserIdsWithRoles' | 'activeUserIdsOfCustomer'>;
  notifications: NotificationsApi;
  tickets: ReturnTicketsPort;
};
