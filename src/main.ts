import { buildApp } from './app.ts';
import { type Database, openDatabase } from './db/client.ts';
import { startBoss } from './jobs/workers.ts';
import { systemClock } from './platform/clock.ts';
import { loadConfig } from './platform/config.ts';
import { AppError } from './platform/errors.ts';
import { messageFor } from './platform/messages.ts';
import { bootstrap } from './seed/bootstrap.ts';
import { loadDemo } from './seed/demo.ts';
import { runDemoStages } from './seed/demo-stages.ts';
import { initialPasswordPath, unusedInitialPassword } from './seed/initial-admin.ts';

// config → database → migrations → bootstrap → app → listen
const main = async () => {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    console.error(`[aftersales] invalid configuration: ${(err as Error).message}`);
    process.exit(1);
  }
  const where = config.databaseUrl
    ? `PostgreSQL (${config.databaseUrl.replace(/\/\/[^@]*@/, '//***@')})`
    : `PGlite in ${config.dataDir}`;
  let database: Database;
  try {
    database = await openDatabase(config);
  } catch (err) {
    console.error(`[aftersales] cannot open the database (${where}): ${(err as Error).message}`);
    process.exit(1);
  }
  try {
    await database.migrate();
  } catch (err) {
    console.error(`[aftersales] database migration failed on ${where}: ${(err as Error).message}`);
    await database.close().catch(() => {});
    process.exit(1);
  }

  let boot: Awaited<ReturnType<typeof bootstrap>>;
  try {
    boot = await bootstrap({
      db: database.db,
      clock: systemClock,
      adminPassword: config.adminPassword,
      passwordFile: initialPasswordPath(config.dataDir),
    });
  } catch (err) {
    // e.g. AFTERSALES_ADMIN_PASSWORD breaks the password rules: say which, in both languages.
    const why =
      err instanceof AppError
        ? `${messageFor(err.code, 'en')} / ${messageFor(err.code, 'zh')}`
        : (err as Error).message;
    console.error(`[aftersales] cannot create the initial administrator: ${why}`);
    await database.close().catch(() => {});
    process.exit(1);
  }
  const demo = config.demo ? await loadDemo({ db: database.db, clock: systemClock }) : null;

  // Readable logs for a person at a terminal; JSON lines for log collectors everywhere else.
  const logger = process.stdout.isTTY
    ? {
        level: config.logLevel,
        transport: {
          target: 'pino-pretty',
          options: { translateTime: 'SYS:standard', ignore: 'pid,hostname' },
        },
      }
    : { level: config.logLevel };
  const app = await buildApp({ database, config, clock: systemClock, logger });
  // Background jobs (SLA escalations, notifications, archive review) run on pg-boss in every process.
  const boss = await startBoss({ database, log: app.log, handlers: () => app.services.handlers });
  app.attachJobs(boss.jobs);
  // Runs the demo stages not done yet: all of them on a first start, the rest after a start that died.
  const surveyLink = demo
    ? await runDemoStages({ app, db: database.db, clock: systemClock, pending: demo.pending })
    : null;
  // Dashboards read summary tables; fill them now (demo data included), not at the next 5-minute run.
  await boss.jobs.enqueue('stats-refresh', {});
  const shutdown = async () => {
    await app.close();
    await boss.stop().catch(() => {});
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  await app.listen({ port: config.port, host: config.host });
  const lines = [
    `Aftersales 售后服务管理系统 is running at http://localhost:${config.port} (database: ${where})`,
  ];
  // A generated password is shown at every start until it is first used (an earlier first start
  // may have died before printing it); it is also in the file named.
  const passwordFile = initialPasswordPath(config.dataDir);
  const initial = await unusedInitialPassword(database.db, passwordFile);
  if (initial) {
    lines.push(
      `Initial administrator: admin / ${initial}  (generated; shown at each start until the first login, also in ${passwordFile})`,
    );
  } else if (boot.adminCreated && !boot.generated) {
    lines.push('Initial administrator: admin (password from AFTERSALES_ADMIN_PASSWORD)');
  }
  if (demo) {
    lines.push('Demo logins (all with password shown):');
    for (const d of demo.logins) lines.push(`  ${d.username.padEnd(10)} ${d.password}   role ${d.role}`);
    if (surveyLink) lines.push(`Demo survey link for the portal customer (no login needed): ${surveyLink}`);
  }
  console.log(`\n${lines.join('\n')}\n`);
};

main().catch((err) => {
  console.error('[aftersales] failed to start:', err);
  process.exit(1);
});
