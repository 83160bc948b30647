import type { Db } from '../../db/client.ts';
import {
  addDays,
  daysBetween,
  isLocalDate,
  localDate,
  startOfLocalDay,
} from '../../domain/reports/periods.ts';
import type { Clock } from '../../platform/clock.ts';
import { fieldError } from '../../platform/errors.ts';
import * as dal from './stats-dal.ts';

// The `stats-refresh` job (every 5 minutes): today and yesterday on every run (yesterday too, so a
// ticket resolved just before midnight is never missed), plus every day since the last run when runs
// were missed, every day since the first event on a new database, and every day from `from` when one
// is named. Days are recomputed in chunks, one transaction each, so a long history never holds one
// huge transaction.

const CHUNK_DAYS = 31;

export type RefreshResult = { from: string; to: string; days: number; ms: number };

export const statsService = ({ db, clock }: { db: Db; clock: Clock }) => {
  const refresh = async (opts: { from?: string } = {}): Promise<RefreshResult> => {
    const t0 = performance.now();
    const now = clock.now();
    const today = localDate(now);
    if (opts.from !== undefined && (!isLocalDate(opts.from) || opts.from > today))
      throw fieldError('from', 'must be a date (YYYY-MM-DD) not after today');
    const state = await dal.readState(db);
    let start = addDays(today, -1);
    if (state && state.computedThrough < start) start = addDays(state.computedThrough, -1);
    if (!state) {
      const first = await dal.earliestEvent(db);
      if (first && localDate(first) < start) start = localDate(first);
    }
    if (opts.from && opts.from < start) start = opts.from;
    for (let fromDay = start; fromDay <= today; fromDay = addDays(fromDay, CHUNK_DAYS)) {
      const last = addDays(fromDay, CHUNK_DAYS - 1);
      const toDay = last < today ? last : today;
      await db.transaction((tx) =>
        dal.recomputeDays(
          tx,
          { fromDay, toDay, start: startOfLocalDay(fromDay), end: startOfLocalDay(addDays(toDay, 1)) },
          now,
        ),
      );
    }
    await db.transaction((tx) => dal.refreshBacklog(tx, now));
    // Never move the mark backwards (a slow run finishing after a newer one).
    const latest = await dal.readState(db);
    if (!latest || latest.computedThrough <= today)
      await dal.writeState(db, { computedThrough: today, refreshedAt: now.toISOString() }, now);
    return {
      from: start,
      to: today,
      days: daysBetween(start, today) + 1,
      ms: Math.round(performance.now() - t0),
    };
  };

  return { refresh, state: () => dal.readState(db) };
};

export type StatsService = ReturnType<typeof statsService>;
