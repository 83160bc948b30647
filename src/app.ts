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
import { inlineJobs, type Jobs } from './jobs/jobs.ts';
import { archiveRoutes } from './modules/archive/archive-routes.ts';
import { archiveService } from './modules/archive/archive-service.ts';
import { assetsRoutes } from './modules/assets/assets-routes.ts';
import { assetsService } from './modules/assets/assets-service.ts';
import { nameplateRoutes } from './modules/assets/nameplate-routes.ts';
import { auditRoutes } from './modules/audit/audit-routes.ts';
import { authRoutes } from './modules/auth/auth-routes.ts';
import { authService } from './modules/auth/auth-service.ts';
import { calendarsRoutes } from './modules/calendars/calendars-routes.ts';
import { buildComplaintServices } from './modules/complaints/complaints-module.ts';
import { complaintsRoutes } from './modules/complaints/complaints-routes.ts';
import { customersRoutes } from './modules/customers/customers-routes.ts';
import { customersService } from './modules/customers/customers-service.ts';
import { engineersRoutes } from './modules/engineers/engineers-routes.ts';
import { engineersService } from './modules/engineers/engineers-service.ts';
import { buildFollowupServices, followupRoutes } from './modules/followups/followups-module.ts';
import { healthRoutes } from './modules/health/health-routes.ts';
import { importsRoutes } from './modules/imports/imports-routes.ts';
import { importsService } from './modules/imports/imports-service.ts';
import { notificationsRoutes } from './modules/notifications/notifications-routes.ts';
import { orgRoutes } from './modules/org/org-routes.ts';
import { orgService } from './modules/org/org-service.ts';
import { partsRoutes } from './modules/parts/parts-routes.ts';
import { partsServices } from './modules/parts/parts-services.ts';
import { printRoutes } from './modules/print/print-routes.ts';
import { printService } from './modules/print/print-service.ts';
import { productsRoutes } from './modules/products/products-routes.ts';
import { productsService } from './modules/products/products-service.ts';
import { buildReportServices, reportRoutes } from './modules/reports/reports-module.ts';
import { reviewsRoutes } from './modules/reviews/reviews-routes.ts';
import { reviewsService } from './modules/reviews/reviews-service.ts';
import { rolesRoutes } from './modules/roles/roles-routes.ts';
import { rolesService } from './modules/roles/roles-service.ts';
import { slaRoutes } from './modules/sla/sla-routes.ts';
import { ticketsRoutes } from './modules/tickets/tickets-routes.ts';
import { usersRoutes } from './modules/users/users-routes.ts';
import { usersService } from './modules/users/users-service.ts';
import { workOrdersFieldRoutes } from './modules/work-orders/work-orders-field-routes.ts';
import { buildWorkOrderServices, type WorkOrderServices } from './modules/work-orders/work-orders-module.ts';
import { workOrdersRoutes } from './modules/work-orders/work-orders-routes.ts';
import type { Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { AppError } from './platform/errors.ts';
import { clientErrorHandler, frameworkErrors, registerAuth, registerErrorHandling } from './platform/http.ts';
import { registerSecurity } from './platform/security.ts';
import { localStorage, type Storage } from './platform/storage.ts';
import { registerInputGuards, validatorCompiler } from './platform/validation.ts';
import { buildTicketServices, deferredJobs, type TicketServices } from './services.ts';

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
    services: TicketServices;
    /** Engineers' work orders: dispatch, field steps, paperwork (the demo loader uses them too). */
    field: WorkOrderServices;
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
  const auth = authService({ db, config });
  registerAuth(app, { clock, authenticate: auth.authenticate });

  healthRoutes(app, { database });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());
  authRoutes(app, { auth, loginRateLimitPerMinute: config.loginRateLimitPerMinute });
  usersRoutes(app, { users: usersService({ db }) });
  rolesRoutes(app, { roles: rolesService({ db }) });
  orgRoutes(app, { org: orgService({ db }) });
  auditRoutes(app, { db });
  customersRoutes(app, { customers: customersService({ db }) });
  productsRoutes(app, { products: productsService({ db }) });
  const assets = assetsService({ db });
  assetsRoutes(app, { assets });
  archiveRoutes(app, { archive: archiveService({ db }) });
  reviewsRoutes(app, { reviews: reviewsService({ db }) });
  importsRoutes(app, { imports: importsService({ db, log: app.log }), db });

  const files = storage ?? localStorage(path.join(config.dataDir, 'files'));
  let services: TicketServices | undefined;
  const runner = deferredJobs(jobs ?? inlineJobs(() => services?.handlers ?? {}));
  services = buildTicketServices({
    db,
    config,
    clock,
    jobs: runner,
    storage: files,
    log: app.log,
  });
  app.decorate('services', services);
  app.decorate('attachJobs', (j: Jobs) => runner.attach(j));
  calendarsRoutes(app, { calendars: services.calendars });
  slaRoutes(app, { sla: services.slaPolicies });
  ticketsRoutes(app, services);
  notificationsRoutes(app, { notifications: services.notifications });
  nameplateRoutes(app, { assets, publicUrl: config.publicUrl });
  engineersRoutes(app, { engineers: engineersService({ db }) });
  const field = buildWorkOrderServices({
    db,
    notifications: services.notifications,
    tickets: services.tickets,
    storage: files,
  });
  app.decorate('field', field);
  workOrdersRoutes(app, field);
  workOrdersFieldRoutes(app, field);
  printRoutes(app, { print: printService({ db, field, assets, tickets: services.tickets }) });
  partsRoutes(app, partsServices({ db }));
  // 看板与报表: dashboards, the stats-refresh job and the scheduled reports.
  const reports = buildReportServices({ db, clock, notifications: services.notifications });
  Object.assign(services.handlers, reports.handlers);
  reportRoutes(app, reports);
  // 回访与满意度调查: routes, and the handlers of the survey jobs.
  const followups = buildFollowupServices({
    db,
    notifications: services.notifications,
    clock,
    publicUrl: config.publicUrl,
  });
  Object.assign(services.handlers, followups.handlers);
  followupRoutes(app, followups);
  complaintsRoutes(
    app,
    buildComplaintServices({ db, notifications: services.notifications, tickets: services.tickets }),
  );

  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });

  app.setNotFoundHandler((req, reply) => {
    // Client-side routes of the single-page app get its index page; unknown API paths get JSON 404.
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api')) return reply.sendFile('index.html');
    throw new AppError('route_not_found', { details: { method: req.method, path: req.url.split('?')[0] } });
  });
  return app;
};
