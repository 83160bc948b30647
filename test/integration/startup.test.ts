import { mkdtempSync, rmSync } from 'node:fs';
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
    const dealer = await (await login('dealer', 'Demo@2026')).json();
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

  it('exits with a clear message when the database cannot be reached', async () => {
    const p = run({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', PORT: '39999' });
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/cannot open the database/);
  });
});
