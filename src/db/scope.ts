import { type SQL, sql } from 'drizzle-orm';
import type { ScopeFilter } from '../platform/permissions.ts';

/**
 * The one translation of a data scope into a WHERE condition. Each table says how a dealer and a
 * customer reach its rows; this decides the rest the same way everywhere: `all` adds no condition,
 * and a scoped actor without the owning id gets `false` (never an unfiltered list).
 */
export const scopeWhere = (
  scope: ScopeFilter,
  rules: { dealer: (dealerId: string) => SQL | undefined; customer: (customerId: string) => SQL | undefined },
): SQL | undefined => {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'dealer':
      return scope.dealerId ? (rules.dealer(scope.dealerId) ?? sql`false`) : sql`false`;
    case 'customer':
      return scope.customerId ? (rules.customer(scope.customerId) ?? sql`false`) : sql`false`;
  }
};
