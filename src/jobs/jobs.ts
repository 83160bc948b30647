// Background work is named jobs with a payload. Services only enqueue; who runs the handler is
// decided at start: pg-boss workers in the server (many processes, SKIP LOCKED), or inline right
// after the request in tests that want determinism.
export const JOB_NAMES = [
  'sla-recompute',
  'sla-escalate',
  'notify-deliver',
  'notify-sweep',
  'customer-review',
  'survey-send',
  'survey-remind',
  'report-daily',
  'report-weekly',
  'report-monthly',
  'stats-refresh',
  'returns-alert',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

export type SlaRecomputePayload = { calendarId?: string; policyId?: string; reason: string };
export type NotifyDeliverPayload = { deliveryId: string };

export type JobPayloads = {
  'sla-recompute': SlaRecomputePayload;
  'sla-escalate': Record<string, never>;
  'notify-deliver': NotifyDeliverPayload;
  'notify-sweep': Record<string, never>;
  'customer-review': Record<string, never>;
  /** Sends the quarter's survey invitations (a period like 2026-Q4 when run by hand). */
  'survey-send': { period?: string };
  'survey-remind': Record<string, never>;
  /** Reports run for the period that just ended unless one is named (2026-11-23, 2026-W48, 2026-11). */
  'report-daily': { period?: string };
  'report-weekly': { period?: string };
  'report-monthly': { period?: string };
  'stats-refresh': { from?: string };
  'returns-alert': Record<string, never>;
};

export type Jobs = {
  enqueue<N extends JobName>(name: N, data: JobPayloads[N]): Promise<void>;
};

// Each module registers the handlers of its own jobs (see app.ts); a job without a handler fails loudly.
export type JobHandlers = { [N in JobName]?: (data: JobPayloads[N]) => Promise<unknown> };

/** Runs each job as soon as it is enqueued, in the caller's process; for tests and tools. */
export const inlineJobs = (handlers: () => Partial<JobHandlers>): Jobs & { errors: unknown[] } => {
  const errors: unknown[] = [];
  return {
    errors,
    enqueue: async (name, data) => {
      const h = handlers()[name] as ((d: unknown) => Promise<unknown>) | undefined;
      if (!h) throw new Error(`no handler registered for job ${name}`);
      try {
        await h(data);
      } catch (err) {
        errors.push(err);
        throw err;
      }
    },
  };
};

/** Enqueues nowhere: for code paths (bootstrap, demo) that must not start background work. */
export const noJobs: Jobs = { enqueue: async () => {} };

/** Jobs whose runner is attached after start-up (pg-boss needs the app's handlers first). */
export const deferredJobs = (fallback: Jobs): Jobs & { attach(j: Jobs): void } => {
  let current = fallback;
  return {
    attach: (j) => {
      current = j;
    },
    enqueue: (name, data) => current.enqueue(name, data),
  };
};
