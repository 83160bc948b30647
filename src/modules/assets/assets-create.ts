import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { assets } from '../../db/schema/assets.ts';
import type { Ctx } from '../../platform/audit.ts';
import type { Created, Refusal } from '../../platform/errors.ts';
import { scopeFilter } from '../../platform/permissions.ts';
import type { CustomersApi } from '../customers/index.ts';
import type { ProductsApi } from '../products/index.ts';
import type { AssetRow } from './assets-dal.ts';

// The one way an asset is created: POST /api/assets (one record) and the Excel import (a chunk of
// rows) both come through createAssets, so an imported unit gets the same checks as a typed one.

/** An asset to create; the warranty policy version is decided here, never given. */
export type NewAsset = Omit<
  typeof assets.$inferInsert,
  'id' | 'version' | 'createdAt' | 'updatedAt' | 'warrantyPolicyId' | 'latestHours' | 'latestReadAt'
>;

export const SERIAL_TAKEN: Refusal = {
  code: 'duplicate',
  field: 'serialNo',
  message: 'is already registered',
};

const invalid = (field: string, message: string): { refusal: Refusal } => ({
  refusal: { code: 'validation_failed', field, message },
});

/**
 * Who keeps the unit: the customer must be one the actor may see, and a dealer's new units are
 * always its own. The dealer id to store, or the refusal.
 */
export const decideOwner = (
  ctx: Ctx,
  customerVisible: boolean,
  dealerId: string | null | undefined,
): { dealerId: string | null } | { refusal: Refusal } => {
  if (!customerVisible) return invalid('customerId', 'refers to a record that does not exist');
  if (ctx.actor.scope === 'dealer') {
    if (dealerId && dealerId !== ctx.actor.dealerId) return invalid('dealerId', 'is outside your data scope');
    return { dealerId: ctx.actor.dealerId };
  }
  return { dealerId: dealerId ?? null };
};

export type AssetCreationDeps = {
  customers: Pick<CustomersApi, 'findCustomersByIds'>;
  products: Pick<ProductsApi, 'findModelsByIds' | 'currentVersionsOf'>;
};

/**
 * Creates assets in the caller's transaction, each checked by the creation rules, in this order:
 * the model exists; a sale takes the newest version of the model's policy (and keeps it from then
 * on), so the model needs a current one; the plan is one of that version's plans; the owner (see
 * decideOwner); the serial number is not registered yet (case-insensitive) nor repeated in the
 * batch. One answer per input, in order; audit is the caller's (a create and an import record it
 * differently).
 */
export const createAssets = async (
  deps: AssetCreationDeps,
  tx: Executor,
  ctx: Ctx,
  inputs: NewAsset[],
): Promise<Created<AssetRow>[]> => {
  if (inputs.length === 0) return [];
  const models = new Map(
    (
      await deps.products.findModelsByIds(
        tx,
        inputs.map((i) => i.modelId),
      )
    ).map((m) => [m.id, m]),
  );
  const [policies, visible, takenRows] = await Promise.all([
    deps.products.currentVersionsOf(
      tx,
      [...models.values()].map((m) => m.warrantyPolicyId),
    ),
    deps.customers.findCustomersByIds(
      tx,
      inputs.map((i) => i.customerId),
      scopeFilter(ctx.actor),
    ),
    tx
      .select({ s: sql<string>`lower(${assets.serialNo})` })
      .from(assets)
      .where(
        inArray(
          sql`lower(${assets.serialNo})`,
          inputs.map((i) => i.serialNo.toLowerCase()),
        ),
      ),
  ]);
  const visibleIds = new Set(visible.map((c) => c.id));
  const taken = new Set(takenRows.map((r) => r.s));
  const now = ctx.clock.now();
  const seen = new Set<string>();
  const decided = inputs.map((input): { refusal: Refusal } | { row: typeof assets.$inferInsert } => {
    const model = models.get(input.modelId);
    if (!model) return invalid('modelId', 'refers to a record that does not exist');
    const policy = policies.get(model.warrantyPolicyId);
    if (!policy) return invalid('modelId', 'has no current warranty policy');
    if (input.plan && !(policy.plans as { code: string }[]).some((p) => p.code === input.plan))
      return invalid('plan', 'is not a plan of the warranty policy');
    const owner = decideOwner(ctx, visibleIds.has(input.customerId), input.dealerId);
    if ('refusal' in owner) return owner;
    const serial = input.serialNo.toLowerCase();
    if (taken.has(serial) || seen.has(serial)) return { refusal: SERIAL_TAKEN };
    seen.add(serial);
    return {
      row: {
        ...input,
        dealerId: owner.dealerId,
        warrantyPolicyId: policy.id,
        createdAt: now,
        updatedAt: now,
      },
    };
  });
  const rows = decided.flatMap((d) => ('row' in d ? [d.row] : []));
  const inserted = rows.length ? await tx.insert(assets).values(rows).onConflictDoNothing().returning() : [];
  const bySerial = new Map(inserted.map((r) => [r.serialNo.toLowerCase(), r]));
  return decided.map((d) => {
    if ('refusal' in d) return d;
    const row = bySerial.get(d.row.serialNo.toLowerCase());
    return row ? { row } : { lost: true };
  });
};
