import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.ts';
import type { Database } from '../src/db/client.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';

const noDatabase = (): never => {
  throw new Error('building the OpenAPI document must not touch the database');
};

/**
 * The OpenAPI document exactly as /api/openapi.json serves it, built without listening and without a
 * database: registering routes and schemas queries nothing, so any use of the database here throws.
 */
export const openapiDocument = async (): Promise<Record<string, unknown>> => {
  const db = new Proxy({}, { get: noDatabase }) as Database['db'];
  const database: Database = {
    db,
    engine: 'pglite',
    migrate: noDatabase,
    close: async () => {},
    executeSql: noDatabase,
  };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aftersales-openapi-'));
  const app = await buildApp({
    database,
    config: { ...loadConfig({}), dataDir },
    clock: systemClock,
    logger: false,
  });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};
