import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { type Database, openPglite, openPostgres } from '../../src/db/client.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { type Config, loadConfig } from '../../src/platform/config.ts';
import { bootstrap } from '../../src/seed/bootstrap.ts';
import { scratchDatabase } from './scratch-db.ts';

export const ADMIN_PASSWORD = 'Admin@12345';

export type Res<T = any> = { status: number; body: T; headers: Headers };

/**
 * A real app on a real database, listening on a real port: PGlite in memory by default, or a fresh
 * database on the server named by TEST_DATABASE_URL (dropped afterwards).
 */
export const startTestApp = async (opts: { config?: Partial<Config>; start?: Date } = {}) => {
  const clock = manualClock(opts.start ?? new Date('2026-03-02T01:00:00Z'));
  const serverUrl = process.env.TEST_DATABASE_URL;
  let database: Database;
  let dropDb: (() => Promise<void>) | null = null;
  if (serverUrl) {
    const scratch = await scratchDatabase(serverUrl, 'as_test');
    database = await openPostgres(scratch.url, 5);
    dropDb = scratch.drop;
  } else {
    database = await openPglite(null);
  }
  await database.migrate();
  await bootstrap({ db: database.db, clock, adminPassword: ADMIN_PASSWORD });
  // Uploaded files go to a throwaway folder, never into the repository's ./data.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aftersales-test-'));
  const config: Config = { ...loadConfig({}), dataDir, ...opts.config };
  const app: FastifyInstance = await buildApp({ database, config, clock, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const request = async <T = any>(
    method: string,
    path: string,
    o: {
      token?: string | null;
      body?: unknown;
      raw?: string | Buffer;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Res<T>> => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | Buffer | undefined;
    if (o.raw !== undefined) {
      body = o.raw;
      headers['content-type'] ??= 'application/json';
    } else if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] = 'application/json';
    }
    const r = await fetch(base + path, { method, headers, body: body as BodyInit | undefined });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: r.status, body: parsed as T, headers: r.headers };
  };

  const login = async (username: string, password: string) => {
    const r = await request('POST', '/api/auth/login', { body: { username, password } });
    if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.token as string;
  };

  return {
    app,
    config,
    base,
    clock,
    database,
    request,
    login,
    adminToken: () => login('admin', ADMIN_PASSWORD),
    close: async () => {
      await app.close();
      await database.close();
      if (dropDb) await dropDb();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

export const USER_PASSWORD = 'Passw0rd!x';

/** Two dealers and one user per builtin role (dealer users at dealer A, plus one at dealer B). */
export const seedOrg = async (t: TestApp) => {
  const admin = await t.adminToken();
  const dealerA = (
    await t.request('POST', '/api/dealers', {
      token: admin,
      body: { code: 'DA', name: '经销商甲', regions: ['江苏'] },
    })
  ).body;
  const dealerB = (
    await t.request('POST', '/api/dealers', {
      token: admin,
      body: { code: 'DB', name: '经销商乙', regions: ['广东'] },
    })
  ).body;
  const dept = (
    await t.request('POST', '/api/departments', { token: admin, body: { code: 'SVC', name: '售后服务部' } })
  ).body;
  const roles = ['manager', 'desk', 'engineer', 'technical', 'dealer', 'quality', 'finance', 'customer'];
  const users: Record<string, { id: string; token: string }> = {};
  for (const role of roles) {
    const body: Record<string, unknown> = {
      username: `u_${role}`,
      displayName: role,
      password: USER_PASSWORD,
      roleCode: role,
    };
    if (role === 'dealer') body.dealerId = dealerA.id;
    else if (role !== 'customer') body.departmentId = dept.id;
    const r = await t.request('POST', '/api/users', { token: admin, body });
    if (r.status !== 201) throw new Error(`seed user ${role}: ${r.status} ${JSON.stringify(r.body)}`);
    users[role] = { id: r.body.id, token: await t.login(`u_${role}`, USER_PASSWORD) };
  }
  const b = await t.request('POST', '/api/users', {
    token: admin,
    body: {
      username: 'u_dealer_b',
      displayName: 'dealer b',
      password: USER_PASSWORD,
      roleCode: 'dealer',
      dealerId: dealerB.id,
    },
  });
  users.dealerB = { id: b.body.id, token: await t.login('u_dealer_b', USER_PASSWORD) };
  users.admin = { id: '', token: admin };
  return { admin, dealerA, dealerB, dept, users };
};

/** A 1×1 PNG as a multipart/form-data body with the field "file", for attachment uploads. */
export const multipartPng = (fileName = 'photo.png', data: Buffer = TINY_PNG, mime = 'image/png') => {
  const boundary = `----aftersales${randomBytes(6).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mime}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
};

export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
