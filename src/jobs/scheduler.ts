import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import { reviewsService } from '../modules/reviews/reviews-service.ts';
import type { Clock } from '../platform/clock.ts';

const HOUR = 3_600_000;

/**
 * Periodic jobs. The timer only asks "is a run due?"; the database decides (each run claims a unique
 * period row), so any number of app processes can run this and each job still runs once.
 * pg-boss replaces this when the SLA escalations arrive.
 */
export const startScheduler = (opts: { db: Db; clock: Clock; log: FastifyBaseLogger; everyMs?: number }) => {
  const reviews = reviewsService({ db: opts.db });
  const tick = async () => {
    try {
      const r = await reviews.run(
        { actor: null, requestId: 'scheduler', ip: null, clock: opts.clock },
        'scheduled',
      );
      if (r)
        opts.log.info(
          { period: r.period, changes: r.changes.length },
          'half-yearly customer archive review ran',
        );
    } catch (err) {
      opts.log.error({ err }, 'scheduled customer review failed');
    }
  };
  void tick();
  const timer = setInterval(tick, opts.everyMs ?? HOUR);
  timer.unref();
  return () => clearInterval(timer);
};
