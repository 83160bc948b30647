import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium } from './browser.ts';
import { randomPort, runServer } from './server-process.ts';

export const E2E_ADMIN_PASSWORD = 'E2e#Admin1';

/**
 * A real server process on an empty embedded database plus headless Chromium, for one test file.
 * The returned object is filled in by beforeAll.
 */
export const useE2eServer = () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aftersales-e2e-'));
  const port = randomPort();
  const ctx = {
    base: `http://127.0.0.1:${port}`,
    browser: undefined as unknown as Browser,
    cspViolations: [] as string[],
  };
  let server: ReturnType<typeof runServer> | undefined;

  beforeAll(async () => {
    server = runServer({
      DATA_DIR: dataDir,
      PORT: String(port),
      AFTERSALES_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      AFTERSALES_DEMO: '0',
      DATABASE_URL: '',
    });
    await server.waitFor(/is running at/);
    ctx.browser = await launchChromium();
    // Every page of every test runs under the server's Content-Security-Policy; a blocked script,
    // style, image or request shows up as a console error, and any of those fails the file.
    const newContext = ctx.browser.newContext.bind(ctx.browser);
    ctx.browser.newContext = async (options) => {
      const context = await newContext(options);
      context.on('console', (msg) => {
        if (/Content Security Policy/i.test(msg.text()))
          ctx.cspViolations.push(`${msg.location().url}: ${msg.text()}`);
      });
      return context;
    };
  });

  afterAll(async () => {
    await ctx.browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    expect(ctx.cspViolations, 'CSP violations in the browser').toEqual([]);
  });

  return ctx;
};

export const loginAs = async (page: Page, base: string, username: string, password: string) => {
  await page.goto(`${base}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('user-menu').waitFor();
};

/** The admin's API session: e2e tests set their data up the way an integration would, with fetch. */
export const adminApi = async (base: string) => {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: E2E_ADMIN_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { token } = (await login.json()) as { token: string };
  return async (method: string, url: string, body?: unknown): Promise<any> => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json();
    expect(res.ok, `${method} ${url}: ${JSON.stringify(json)}`).toBe(true);
    return json;
  };
};
