import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { Database } from '../db/client.ts';
import { JOB_NAMES, type JobHandlers, type JobName, type Jobs } from './jobs.ts';

// pg-boss keeps queues and schedules in PostgreSQL (its own `pgboss` schema) and hands each job to
// one worker with SKIP LOCKED, so any number of app processes may run these workers. On PGlite it
// runs through the same single connection as everything else.

const SCHEDULES: Partial<Record<JobName, string>> = {
  'sla-escalate': '* * * * *',
  // Return requests whose open step is about to miss, or has missed, its promised time.
  'returns-alert': '* * * * *',
  'notify-sweep': '* * * * *',
  'customer-review': '17 * * * *',
  // Quarterly surveys go out on the first day of each quarter; reminders daily.
  'survey-send': '0 9 1 1,4,7,10 *',
  'survey-remind': '30 9 * * *',
  // The daily problem list at 07:00, the weekly report on Mondays, the monthly one on the 1st (due by the 3rd).
  'report-daily': '0 7 * * *',
  'report-weekly': '0 7 * * 1',
  'report-monthly': '0 7 1 * *',
  'stats-refresh': '*/5 * * * *',
};

export type Boss = { jobs: Jobs; stop(): Promise<void> };

export const startBoss = async (opts: {
  database: Database;
  log: FastifyBaseLogger;
  handlers: () => JobHandlers;
  /** Seconds between polls; short in tests. */
  pollSeconds?: number;
}): Promise<Boss> => {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => opts.database.executeSql(text, values) },
    // Cron is evaluated every 30 s (pg-boss's minimum); escalation steps land within a minute.
    clockMonitorIntervalSeconds: 30,
    cronMonitorIntervalSeconds: 30,
  } as ConstructorParameters<typeof PgBoss>[0]);
  boss.on('error', (err) => opts.log.error({ err }, 'job queue error'));
  await boss.start();
  for (const name of JOB_NAMES) {
    await boss.createQueue(name);
    await boss.work(name, { pollingIntervalSeconds: opts.pollSeconds ?? 2, batchSize: 1 }, async (batch) => {
      const handler = opts.handlers()[name] as ((data: unknown) => Promise<unknown>) | undefined;
      if (!handler) throw new Error(`no handler registered for job ${name}`);
      for (const job of batch) {
        try {
          await handler(job.data);
        } catch (err) {
          opts.log.error({ err, job: name }, 'job failed');
          throw err;
        }
      }
    });
    const cron = SCHEDULES[name];
    if (cron) await boss.schedule(name, cron, {}, { tz: 'Asia/Shanghai' });
  }
  return {
    jobs: {
      enqueue: async (name, data) => {
        await boss.send(name, data as object, { retryLimit: 3, retryDelay: 10 });
      },
    },
    stop: () => boss.stop({ graceful: true, timeout: 5_000, wait: true }),
  };
};
