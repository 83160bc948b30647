import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import { loadDemoField } from './demo-field.ts';
import { loadDemoFollowup } from './demo-followup.ts';
import type { DemoStage } from './demo-progress.ts';
import { markDemoStage } from './demo-progress.ts';
import { loadDemoReturns } from './demo-returns.ts';
import { loadDemoTickets } from './demo-tickets.ts';

/**
 * Runs the demo stages an earlier start did not finish, in order, each remembered once done.
 * Returns the portal customer's survey link when the follow-up stage ran.
 */
export const runDemoStages = async (opts: {
  app: FastifyInstance;
  db: Db;
  clock: Clock;
  pending: readonly DemoStage[];
}): Promise<string | null> => {
  const { app, db, clock } = opts;
  let surveyLink: string | null = null;
  for (const stage of opts.pending) {
    if (stage === 'tickets') await loadDemoTickets({ db, clock, services: app.services });
    if (stage === 'field') await loadDemoField({ db, clock, field: app.field, engineers: app.engineers });
    if (stage === 'followup') surveyLink = await loadDemoFollowup(app, db);
    if (stage === 'returns') await loadDemoReturns(app, clock);
    await markDemoStage(db, stage, clock.now());
  }
  return surveyLink;
};
