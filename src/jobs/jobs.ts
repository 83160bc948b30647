// Background work is named jobs with a payload. Services only enqueue; who runs the handler is
// decided at start: pg-boss workers in the server (many processes, SKIP LOCKED), or inline right
// after the request in tests that want determinism.
export const JOB_NAMES = [
  'sla-recompute',
  'sla-escalate',
  'notify-deliver',
  'notify-sweep',
  'customer-review',
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
};

export type Jobs = {
  enqueue<N extends JobName>(name: N, data: JobPayloads[N]): Promise<void>;
};

export type JobHandlers = { [N in JobName]: (data: JobPayloads[N]) => Promise<unknown> };

/** Runs each job as soon as it is enqueued, in the caller's process; for tests and tools. */
export const inlineJobs = (handlers: () => Partial<JobHandlers>): Jobs & { errors: unknown[] } => {
  const errors: unknown[] = [];
  return {
    errors,
    enqueue: async (name, data) => {
      const h = handlers()[name] as ((d: unknown) => Promise<unknown>) | undefined;
      if (!h) return;
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
