import type { Executor } from '../../db/client.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import type { ClockSeed } from './ticket-clocks.ts';
import * as dal from './tickets-dal.ts';

// Small rules every ticket step shares: refusing a step in the wrong state, stopping clocks, the open
// waiting-for-customer pause, and when a stated time is acceptable.

export const invalidState = (from: string, to: string) =>
  new AppError('invalid_state', {
    message: `cannot go from ${from} to ${to}`,
    details: { from, to },
  });

export const stop =
  (metrics: readonly string[] | 'all', at: Date, cancelled = false) =>
  (seeds: ClockSeed[]) =>
    seeds.map((s) =>
      s.stoppedAt === null && (metrics === 'all' || metrics.includes(s.metric))
        ? { ...s, stoppedAt: at, cancelled: s.cancelled || cancelled }
        : s,
    );

export const openPause = async (tx: Executor, ticketId: string) =>
  (await dal.pausesOf(tx, [ticketId])).find((p) => p.toAt === null) ?? null;

export const checkAt = (at: Date, t: dal.TicketRow, now: Date, field = 'at') => {
  if (at.getTime() > now.getTime() + 5 * 60_000) throw fieldError(field, 'is in the future');
  if (at < t.reportedAt) throw fieldError(field, 'is before the ticket was reported');
};
