import type { FastifyInstance } from 'fastify';
import type { JobHandlers } from '../jobs/jobs.ts';

/**
 * What a module's builder (`build…Module` in its index.ts) returns, so app.ts registers every
 * module the same way: its routes, the handlers of its background jobs, and `api`, the small typed
 * surface other modules are handed as builder parameters (narrowed to what each one uses).
 */
export type AppModule<Api = Record<string, never>> = {
  name: string;
  routes?: (app: FastifyInstance) => void;
  handlers?: JobHandlers;
  api: Api;
};

/** Every module's job handlers in one map; a job claimed by two modules is a wiring mistake. */
export const mergeHandlers = (
  modules: readonly Pick<AppModule<unknown>, 'name' | 'handlers'>[],
): JobHandlers => {
  const owner = new Map<string, string>();
  const merged: Record<string, unknown> = {};
  for (const m of modules) {
    for (const [job, handler] of Object.entries(m.handlers ?? {})) {
      const first = owner.get(job);
      if (first) throw new Error(`job ${job} has handlers in both ${first} and ${m.name}`);
      owner.set(job, m.name);
      merged[job] = handler;
    }
  }
  return merged as JobHandlers;
};
