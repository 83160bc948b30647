import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { appMeta } from '../db/schema/system.ts';

// The demo loads in stages: the base records in one transaction, then tickets, field work and
// follow-up through the real use cases (many transactions). Each finished stage is remembered, so a
// start that died half-way finishes the rest on the next start; each stage skips what it finds
// already made, so re-running the one that was cut off does not duplicate it.
export const DEMO_STAGES = ['base', 'tickets', 'field', 'followup', 'returns'] as const;
export type DemoStage = (typeof DEMO_STAGES)[number];

const KEY = 'demo.progress';

/** The stages done, or null when this database never started a demo load. */
export const demoStagesDone = async (db: Executor): Promise<DemoStage[] | null> => {
  const [row] = await db.select().from(appMeta).where(eq(appMeta.key, KEY));
  return row ? (row.value as DemoStage[]) : null;
};

export const markDemoStage = async (db: Executor, stage: DemoStage, now: Date): Promise<void> => {
  const value = JSON.stringify([stage]);
  await db
    .insert(appMeta)
    .values({ key: KEY, value: [stage], updatedAt: now })
    .onConflictDoUpdate({
      target: appMeta.key,
      // Appended in the database so two starting processes never drop each other's stage.
      set: {
        value: sql`case when ${appMeta.value} @> ${value}::jsonb then ${appMeta.value} else ${appMeta.value} || ${value}::jsonb end`,
        updatedAt: now,
      },
    });
};
