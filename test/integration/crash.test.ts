import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDatabase } from '../helpers/scratch-db.ts';
import { randomPort, runServer } from '../helpers/server-process.ts';

// kill -9 of the real server process in the middle of a burst of writes, then a restart on the same
// data: every write the server acknowledged (a 2xx received before the kill) is there and complete.
// A killed process loses nothing the OS already has, so this proves that an answer is only sent
// after the commit, and that recovery keeps every commit; the fsync that makes the OS's copy survive
// a power loss is tested in durable-commits.test.ts.
// Runs on PGlite (DATA_DIR) and, with TEST_DATABASE_URL, on a fresh PostgreSQL database.

const ADMIN = 'Crash-Test-Admin-2026';
const RUNS = 3;
const CONCURRENCY = 12;
// Each run kills after this many acknowledged writes (a different point in every run) and never
// sends more than MAX_REQUESTS.
const KILL_AFTER = [50, 90, 130];
const MAX_REQUESTS = 400;

type Customer = Record<string, unknown> & { id: string; name: string };

const serverUrl = process.env.TEST_DATABASE_URL;
let dataDir: string;
let databaseUrl = '';
let dropDb: (() => Promise<void>) | null = null;
const servers: ReturnType<typeof runServer>[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'aftersales-crash-'));
  if (serverUrl) {
    const db = await scratchDatabase(serverUrl, 'as_crash');
    databaseUrl = db.url;
    dropDb = db.drop;
  }
});

afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  await Promise.all(servers.map((s) => s.exited));
  await dropDb?.();
  rmSync(dataDir, { recursive: true, force: true });
});

const start = async () => {
  const port = randomPort();
  const s = runServer({
    DATA_DIR: dataDir,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    AFTERSALES_DEMO: '0',
    AFTERSALES_ADMIN_PASSWORD: ADMIN,
  });
  servers.push(s);
  await s.waitFor(/is running at/, 120_000);
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN }),
  });
  expect(login.status).toBe(200);
  const token = ((await login.json()) as { token: string }).token;
  return { s, base, headers: { authorization: `Bearer ${token}` } };
};

const body = (run: number, i: number) => ({
  name: `崩溃测试客户 ${run}-${i}`,
  kind: 'existing',
  grade: (['A', 'B', 'C'] as const)[i % 3],
  code: `CR-${run}-${i}`,
  phone: `0512-${String(6000_0000 + i).slice(0, 8)}`,
  region: '江苏',
  address: `苏州市工业园区星湖街 ${i} 号`,
  industry: '工程机械',
  notes: `run ${run} write ${i}`,
  contacts: [
    { name: `联系人 ${i}`, phone: `139${String(i).padStart(8, '0')}`, primary: true },
    { name: `备用联系人 ${i}`, email: `c${run}x${i}@example.com` },
  ],
});

describe(`kill -9 during a burst of writes (${serverUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
  it(`keeps every acknowledged write, ${RUNS} runs`, async () => {
    const acked: Customer[] = [];
    let server = await start();
    for (let run = 0; run < RUNS; run++) {
      const { s, base, headers } = server;
      const killAt = acked.length + KILL_AFTER[run]!;
      let sent = 0;
      let killed = false;
      // Concurrent writers until the server is gone; the kill happens the moment the
      // KILL_AFTER[run]th acknowledgement of this run arrives, so writes are in flight.
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (!killed && sent < MAX_REQUESTS) {
            const i = sent++;
            const res = await fetch(`${base}/api/customers`, {
              method: 'POST',
              headers: { ...headers, 'content-type': 'application/json' },
              body: JSON.stringify(body(run, i)),
            }).catch(() => null);
            if (!res) continue; // the connection died with the server: not acknowledged
            const text = await res.text().catch(() => null);
            if (text === null) continue;
            if (res.status !== 201) throw new Error(`POST answered ${res.status}: ${text}`);
            acked.push(JSON.parse(text) as Customer);
            if (acked.length >= killAt && !killed) {
              killed = true;
              s.child.kill('SIGKILL');
            }
          }
        }),
      );
      expect(killed).toBe(true);
      expect(await s.exited).toBe(null); // killed by the signal, not exited
      expect(s.child.signalCode).toBe('SIGKILL');

      server = await start();
      const missing: string[] = [];
      const changed: string[] = [];
      for (const c of acked) {
        const res = await fetch(`${server.base}/api/customers/${c.id}`, { headers: server.headers });
        if (res.status === 404) {
          missing.push(c.name);
          continue;
        }
        expect(res.status).toBe(200);
        const now = (await res.json()) as Customer;
        try {
          expect(now).toEqual(c);
        } catch {
          changed.push(c.name);
        }
      }
      expect({ run, missing, changed }).toEqual({ run, missing: [], changed: [] });
    }
    await server.s.stop();
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER.reduce((a, b) => a + b, 0));
  }, 240_000);
});
