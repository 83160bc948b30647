import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { randomPort, runServer } from '../helpers/server-process.ts';

// These start the real server process the way `npm start` does, so the wiring in main.ts is covered.
const servers: ReturnType<typeof runServer>[] = [];
const dirs: string[] = [];
const run = (env: Record<string, string>) => {
  const s = runServer(env);
  servers.push(s);
  return s;
};

afterAll(() => {
  for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('server start', () => {
  it('starts on an empty embedded database with demo data, prints the logins and serves the API', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'aftersales-start-'));
    dirs.push(dataDir);
    const port = String(randomPort());
    const p = run({
      DATA_DIR: dataDir,
      PORT: port,
      AFTERSALES_DEMO: '1',
      AFTERSALES_ADMIN_PASSWORD: '',
      DATABASE_URL: '',
    });
    await p.waitFor(/Demo logins/);
    const generated = /admin \/ (\S+)/.exec(p.output())?.[1];
    expect(generated).toBeTruthy();
    const base = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ status: 'ok' });
    const login = async (username: string, password: string) =>
      fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
    expect((await login('admin', generated!)).status).toBe(200);
    const dealer = await (await login('dealer', 'Demo@2026!')).json();
    const dealers = await (
      await fetch(`${base}/api/dealers`, { headers: { authorization: `Bearer ${dealer.token}` } })
    ).json();
    expect(dealers.total).toBe(1);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);

    // A second start on the same data keeps it: no new admin, no second demo load.
    const again = run({ DATA_DIR: dataDir, PORT: port, AFTERSALES_DEMO: '1', DATABASE_URL: '' });
    await again.waitFor(/is running at/);
    expect(again.output()).not.toMatch(/Initial administrator|Demo logins/);
    expect((await login('admin', generated!)).status).toBe(200);
    again.child.kill('SIGTERM');
    await again.exited;
    // Two full starts (one with the demo load) of a real process: give a loaded machine time.
  }, 240_000);

  it('keeps showing a generated admin password after a first start that died, until it is used', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'aftersales-first-'));
    dirs.push(dataDir);
    // The port is taken: the first start creates the admin, then cannot listen and exits.
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = String((blocker.address() as AddressInfo).port);
    const env = { DATA_DIR: dataDir, AFTERSALES_DEMO: '0', AFTERSALES_ADMIN_PASSWORD: '', DATABASE_URL: '' };
    const first = run({ ...env, PORT: taken });
    expect(await first.exited).not.toBe(0);
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
    const file = path.join(dataDir, 'initial-admin-password');
    expect(statSync(file).mode & 0o077).toBe(0);

    const port = String(randomPort());
    const second = run({ ...env, PORT: port });
    await second.waitFor(/is running at/);
    const shown = /admin \/ (\S+)/.exec(second.output())?.[1];
    expect(shown).toBe(readFileSync(file, 'utf8').trim());
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: shown }),
    });
    expect(login.status).toBe(200);
    second.child.kill('SIGTERM');
    await second.exited;

    // Used once: the next start no longer shows it, and its file is gone.
    const third = run({ ...env, PORT: port });
    await third.waitFor(/is running at/);
    expect(third.output()).not.toMatch(/Initial administrator/);
    expect(existsSync(file)).toBe(false);
    third.child.kill('SIGTERM');
    await third.exited;
  }, 240_000);

  it('exits with a clear message when the database cannot be reached', async () => {
    const p = run({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', PORT: '39999' });
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/cannot open the database/);
  });
});
