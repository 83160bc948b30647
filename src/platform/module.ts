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
