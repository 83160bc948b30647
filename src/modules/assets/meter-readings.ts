import type { Executor } from '../../db/client.ts';
import { readingIssue } from '../../domain/warranty/meter-reading.ts';
import { type RequestContext, writeAudit } from '../../platform/audit.ts';
import { fieldError } from '../../platform/errors.ts';
import * as dal from './assets-dal.ts';

/**
 * Records an hour-meter reading into the asset's history: the one way in, for the asset's own page
 * and for readings taken on a work order. Runs inside the caller's transaction; the caller has
 * already checked that the actor may touch the asset. `fields` names the request's fields, so a
 * refusal points at what the caller sent (`meterHours` on a work order).
 */
export const recordMeterReading = async (
  tx: Executor,
  ctx: RequestContext,
  assetId: string,
  input: { hours: number; readAt: Date; source: string },
  fields: { hours: string; readAt: string } = { hours: 'hours', readAt: 'readAt' },
) => {
  const neighbours = await dal.neighbourReadings(tx, assetId, input.readAt);
  const issue = readingIssue(input, ctx.clock.now(), neighbours);
  if (issue) throw fieldError(fields[issue.field], issue.message);
  const row = await dal.insertReading(tx, {
    assetId,
    hours: input.hours,
    readAt: input.readAt,
    source: input.source,
    createdBy: ctx.actor?.userId ?? null,
    createdAt: ctx.clock.now(),
  });
  await dal.bumpLatestReading(tx, assetId, input.hours, input.readAt);
  await writeAudit(tx, ctx, { action: 'meter_reading', entity: 'asset', entityId: assetId, after: row });
  return row;
};
