import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openPglite, openPostgres } from '../../src/db/client.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { verifyPassword } from '../../src/platform/passwords.ts';
import { bootstrap } from '../../src/seed/bootstrap.ts';
import { scratchDatabase } from '../helpers/scratch-db.ts';
import { ADMIN_PASSWORD } from '../helpers/test-app.ts';

// `npm run admin:unlock -- <username> [--reset-password]` run as its own process, the way an
// administrator runs it on the server, against the PGlite in DATA_DIR and against DATABASE_URL.
const root = path.resolve(import.meta.dirname, '../..');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const runCli = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['src/cli/admin-unlock.ts', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) => resolve({ code, out }));
  });

type Target = { open: () => Promise<Database>; env: Record<string, string> };

const pgliteTarget = (): Target => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aftersales-unlock-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  return {
    open: () => openPglite(path.join(dataDir, 'pgdata')),
    env: { DATA_DIR: dataDir, DATABASE_URL: '' },
  };
};

const postgresTarget = async (serverUrl: string): Promise<Target> => {
  const db = await scratchDatabase(serverUrl, 'as_unlock');
  cleanups.push(db.drop);
  return { open: () => openPostgres(db.url, 2), env: { DATABASE_URL: db.url } };
};

const scenario = async (target: Target) => {
  const clock = manualClock(new Date());
  // An installation whose only admin is locked out, with waits pending for two clients.
  let db = await target.open();
  await db.migrate();
  await bootstrap({ db: db.db, clock, adminPassword: ADMIN_PASSWORD });
  await db.executeSql(
    `update users set locked_until = now() + interval '15 minutes', failed_login_count = 60 where username = 'admin'`,
    [],
  );
  await db.executeSql(
    `insert into login_throttles (user_id, client, failures, first_failed_at, last_failed_at, blocked_until)
     select id, $1, 12, now(), now(), now() + interval '15 minutes' from users where username = 'admin'`,
    ['203.0.113.7'],
  );
  await db.close();

  const unknown = await runCli(['nobody'], target.env);
  expect(unknown.code).toBe(1);
  expect(unknown.out).toMatch(/no user named "nobody"/);
  const bad = await runCli([], target.env);
  expect(bad.code).toBe(2);
  expect(bad.out).toMatch(/usage: npm run admin:unlock/);

  const r = await runCli(['ADMIN', '--reset-password'], target.env);
  expect(r.out).toMatch(/admin: unlocked/);
  expect(r.code).toBe(0);
  const newPassword = /new password for admin: (\S+)/.exec(r.out)?.[1];
  expect(newPassword).toBeTruthy();

  db = await target.open();
  try {
    const user = (await db.executeSql(`select * from users where username = 'admin'`, [])).rows[0] as Record<
      string,
      unknown
    >;
    expect(user.locked_until).toBeNull();
    expect(user.failed_login_count).toBe(0);
    expect(user.must_change_password).toBe(true);
    expect(await verifyPassword(user.password_hash as string, newPassword!)).toBe(true);
    expect(await verifyPassword(user.password_hash as string, ADMIN_PASSWORD)).toBe(false);
    const throttles = await db.executeSql('select count(*)::int as n from login_throttles', []);
    expect(throttles.rows[0]).toMatchObject({ n: 0 });
    const audit = await db.executeSql(
      `select action, actor_name, before, after from audit_log where entity = 'user' and entity_id = $1 order by id`,
      [user.id],
    );
    const cli = (audit.rows as { action: string; actor_name: string; before: unknown }[]).filter(
      (a) => a.actor_name === 'cli',
    );
    expect(cli.map((a) => a.action)).toEqual(['unlock', 'password_reset']);
    expect(cli[0]!.before).toMatchObject({ failedLoginCount: 60 });
  } finally {
    await db.close();
  }

  // Without --reset-password only the lock goes; the password stays.
  const again = await runCli(['admin'], target.env);
  expect(again.code).toBe(0);
  expect(again.out).toMatch(/was not locked/);
  expect(again.out).not.toMatch(/new password/);
};

describe('npm run admin:unlock', () => {
  it('unlocks and resets the admin on the embedded database in DATA_DIR', async () => {
    await scenario(pgliteTarget());
  });

  it.runIf(process.env.TEST_DATABASE_URL)('does the same on the PostgreSQL of DATABASE_URL', async () => {
    await scenario(await postgresTarget(process.env.TEST_DATABASE_URL!));
  });
});
