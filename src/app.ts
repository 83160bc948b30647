import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from './db/client.ts';
import { deferredJobs, inlineJobs, type JobHandlers, type Jobs } from './jobs/jobs.ts';
import { buildArchiveModule } from './modules/archive/index.ts';
import { buildAssetsModule } from './modules/assets/index.ts';
import { buildAuditModule } from './modules/audit/index.ts';
import { buildAuthModule } from './modules/auth/index.ts';
import { buildCalendarsModule } from './modules/calendars/index.ts';
import { buildComplaintsModule } from './modules/complaints/index.ts';
import { buildCustomersModule } from './modules/customers/index.ts';
import { buildEngineersModule, type EngineersService } from './modules/engineers/index.ts';
import { buildFollowupsModule } from './modules/followups/index.ts';
import { buildHealthModule } from './modules/health/index.ts';
import { buildImportsModule } from './modules/imports/index.ts';
import { buildNotificationsModule } from './modules/notifications/index.ts';
import { buildOrgModule } from './modules/org/index.ts';
import { buildPartsModule } from './modules/parts/index.ts';
import { buildPrintModule } from './modules/print/index.ts';
import { buildProductsModule } from './modules/products/index.ts';
import { buildReportsModule } from './modules/reports/index.ts';
import { buildReturnsModule } from './modules/returns/index.ts';
import { buildReviewsModule } from './modules/reviews/index.ts';
import { buildRolesModule } from './modules/roles/index.ts';
import { buildSlaModule } from './modules/sla/index.ts';
import { buildTicketsModule, type TicketServices } from './modules/tickets/index.ts';
import { buildUsersModule } from './modules/users/index.ts';
import { buildWorkOrdersModule, type WorkOrderServices } from './modules/work-orders/index.ts';
import type { Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { AppError } from './platform/errors.ts';
import { clientErrorHandler, frameworkErrors, registerAuth, registerErrorHandling } from './platform/http.ts';
import { type AppModule, mergeHandlers } from './platform/module.ts';
import { registerSecurity } from './platform/security.ts';
import { localStorage, type Storage } from './platform/storage.ts';
import { registerInputGuards, validatorCompiler } from './platform/validation.ts';

export type AppDeps = {
  database: Database;
  config: Config;
  clock: Clock;
  /** false in tests that do not want request logs. */
  logger?: boolean | object;
  /** Where background jobs go; by default they run inline until a pg-boss runner is attached. */
  jobs?: Jobs;
  storage?: Storage;
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The ticket services, with `handlers`: every module's job handlers (pg-boss and tests run them). */
    services: TicketServices;
    /** Engineers' work orders: dispatch, field steps, paperwork (the demo loader uses them too). */
    field: WorkOrderServices;
    /** The engineers' use cases, for the demo loader. */
    engineers: EngineersService;
    /** Swap the inline job runner for pg-boss once it has started. */
    attachJobs(jobs: Jobs): void;
  }
}

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

/** Builds the whole HTTP app without listening, so tests can drive it with inject() or a real port. */
export const buildApp = async ({
  database,
  config,
  clock,
  logger,
  jobs,
  storage,
}: AppDeps): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    bodyLimit: 1_048_576,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { removeAdditional: false } },
    // Router and HTTP-parser refusals answer in the contract's error shape too.
    frameworkErrors,
    clientErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  registerErrorHandling(app);
  registerInputGuards(app);

  await app.register(cookie);
  // Headers, no-store on /api, HSTS over TLS, the CSRF check: before auth, after the cookie parser.
  await registerSecurity(app, { publicUrl: config.publicUrl });
  // The per-file limit is the largest type's; ticket evidence rules check each type's own limit.
  await app.register(multipart, {
    limits: { fileSize: config.maxUploadMb * 1024 * 1024, files: 1, fields: 10 },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError('rate_limited', { details: { retryAfterSeconds: Math.ceil(ctx.ttl / 1000) } }),
  });
  await app.register(swagger, {
    openapi: {
      // The schemas are TypeBox, i.e. JSON Schema 2020-12 (numeric exclusiveMinimum, const, type lists):
      // that is OpenAPI 3.1's schema dialect, not 3.0's.
      openapi: '3.1.0',
      info: { title: 'Aftersales 售后服务管理系统 API', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const { db } = database;
  const files = storage ?? localStorage(path.join(config.dataDir, 'files'));
  // The inline runner looks the handlers up when a job runs, i.e. after every module is built.
  let handlers: JobHandlers = {};
  const runner = deferredJobs(jobs ?? inlineJobs(() => handlers));

  // Modules that others depend on, built first; each one's dependencies are other modules' `api`.
  const health = buildHealthModule({ database });
  const auth = buildAuthModule({ db, config });
  const users = buildUsersModule({ db, sessions: auth.api });
  const roles = buildRolesModule({ db });
  const org = buildOrgModule({ db });
  const audit = buildAuditModule({ db });
  const customers = buildCustomersModule({ db });
  const products = buildProductsModule({ db });
  const assets = buildAssetsModule({
    db,
    customers: customers.api,
    products: products.api,
    publicUrl: config.publicUrl,
  });
  const reviews = buildReviewsModule({ db, clock });
  const imports = buildImportsModule({
    db,
    log: app.log,
    customers: customers.api,
    products: products.api,
    assets: assets.api,
    org: org.api,
  });
  const calendars = buildCalendarsModule({ db, jobs: runner });
  const sla = buildSlaModule({ db, jobs: runner, calendars: calendars.api });
  const notifications = buildNotificationsModule({
    db,
    jobs: runner,
    clock,
    smtp: config.smtpUrl ? { url: config.smtpUrl, from: config.mailFrom } : null,
    publicUrl: config.publicUrl,
  });
  const engineers = buildEngineersModule({ db, users: users.api, org: org.api, calendars: calendars.api });
  const parts = buildPartsModule({ db, clock, org: org.api });

  // The aggregates built on them: follow-ups first (a closed ticket owes a return visit), then
  // tickets, and what moves tickets in its own transaction (work orders, complaints).
  // 回访与满意度调查: return visits and surveys.
  const followups = buildFollowupsModule({
    db,
    notifications: notifications.api,
    clock,
    publicUrl: config.publicUrl,
  });
  const tickets = buildTicketsModule({
    db,
    clock,
    storage: files,
    notifications: notifications.api,
    customers: customers.api,
    assets: assets.api,
    followups: followups.api,
  });
  const workOrders = buildWorkOrdersModule({
    db,
    notifications: notifications.api,
    tickets: tickets.api,
    storage: files,
  });
  const archive = buildArchiveModule({ db });
  const print = buildPrintModule({
    db,
    workOrders: workOrders.api,
    assets: assets.api,
    tickets: tickets.api,
  });
  // 看板与报表: dashboards, the stats-refresh job and the scheduled reports.
  const reports = buildReportsModule({ db, clock, notifications: notifications.api });
  const complaints = buildComplaintsModule({
    db,
    notifications: notifications.api,
    tickets: tickets.api,
    followups: followups.api,
  });

  // 三包退换货: each request opens its own return ticket through the ticket service.
  const returns = buildReturnsModule({
    db,
    clock,
    customers: customers.api,
    assets: assets.api,
    users: users.api,
    notifications: notifications.api,
    tickets: tickets.api,
  });

  // Registered in this order (it is the order of the OpenAPI document), each the same way.
  const modules: AppModule<unknown>[] = [
    health,
    auth,
    users,
    roles,
    org,
    audit,
    customers,
    products,
    assets,
    archive,
    reviews,
    imports,
    calendars,
    sla,
    tickets,
    notifications,
    engineers,
    workOrders,
    print,
    parts,
    reports,
    followups,
    complaints,
    returns,
  ];
  handlers = mergeHandlers(modules);

  registerAuth(app, { clock, authenticate: auth.api.authenticate });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());
  for (const m of modules) m.routes?.(app);
  app.decorate('services', { ...tickets.services, handlers });
  app.decorate('field', workOrders.services);
  app.decorate('engineers', engineers.service);
  app.decorate('attachJobs', (j: Jobs) => runner.attach(j));

  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });

  app.setNotFoundHandler((req, reply) => {
    // Client-side routes of the single-page app get its index page; unknown API paths get JSON 404.
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api')) return reply.sendFile('index.html');
    throw new AppError('route_not_found', { details: { method: req.method, path: req.url.split('?')[0] } });
  });
  return app;
};
