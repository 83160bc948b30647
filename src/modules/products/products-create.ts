import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { productModels } from '../../db/schema/assets.ts';
import type { Ctx } from '../../platform/audit.ts';
import type { Created, Refusal } from '../../platform/errors.ts';
import { findPoliciesByIds, type ModelRow } from './products-dal.ts';

// The one way a product model is created: POST /api/product-models (one record) and the Excel
// import (a chunk of rows) both come through createModels, so both keep the same rules.

export type NewModel = Omit<typeof productModels.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export const MODEL_CODE_TAKEN: Refusal = { code: 'duplicate', field: 'code', message: 'is already taken' };

/**
 * Creates product models in the caller's transaction, each checked by the creation rules: a code
 * not taken (nor repeated in the batch), a warranty policy that exists. One answer per input, in
 * order; audit is the caller's (a create and an import record it differently).
 */
export const createModels = async (
  tx: Executor,
  ctx: Ctx,
  inputs: NewModel[],
): Promise<Created<ModelRow>[]> => {
  if (inputs.length === 0) return [];
  const codes = [...new Set(inputs.map((i) => i.code))];
  const [takenRows, policies] = await Promise.all([
    tx.select({ code: productModels.code }).from(productModels).where(inArray(productModels.code, codes)),
    findPoliciesByIds(
      tx,
      inputs.map((i) => i.warrantyPolicyId),
    ),
  ]);
  const taken = new Set(takenRows.map((r) => r.code));
  const policyIds = new Set(policies.map((p) => p.id));
  const now = ctx.clock.now();
  const seen = new Set<string>();
  const decided = inputs.map((input): { refusal: Refusal } | { row: typeof productModels.$inferInsert } => {
    if (taken.has(input.code) || seen.has(input.code)) return { refusal: MODEL_CODE_TAKEN };
    seen.add(input.code);
    if (!policyIds.has(input.warrantyPolicyId))
      return {
        refusal: {
          code: 'validation_failed',
          field: 'warrantyPolicyId',
          message: 'refers to a record that does not exist',
        },
      };
    return { row: { ...input, createdAt: now, updatedAt: now } };
  });
  const rows = decided.flatMap((d) => ('row' in d ? [d.row] : []));
  const inserted = rows.length
    ? await tx.insert(productModels).values(rows).onConflictDoNothing().returning()
    : [];
  const byCode = new Map(inserted.map((r) => [r.code, r]));
  return decided.map((d) => {
    if ('refusal' in d) return d;
    const row = byCode.get(d.row.code);
    return row ? { row } : { lost: true };
  });
};
