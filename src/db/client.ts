import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { DurableNodeFS, durableStartParams, type SyncCounts, syncTree } from './durable-fs.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a dal can run queries on: the database or an open transaction. */
export type Executor = Db | Tx;

export type Database = {
  db: Db;
  engine: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Raw SQL for libraries that bring their own queries (pg-boss); several statements when no values. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** File-backed PGlite only: the fsync / fdatasync calls made so far (see durable-fs.ts). */
  syncCounts?: () => SyncCounts;
};

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// Any constant works; it only has to be the same in every app process.
const MIGRATION_LOCK_KEY = 7_231_004;

/**
 * Embedded PostgreSQL (PGlite). `dataDir` null means in memory (tests). On a directory, commits are
 * durable (Postgres' own fsync rules with real syncs, durable-fs.ts) unless `durable: false`, which
 * only the bench uses to measure what durability costs.
 */
export const openPglite = async (
  dataDir: string | null,
  opts: { durable?: boolean } = {},
): Promise<Database> => {
  if (!dataDir) return wrapPglite(new PGlite(), null);
  mkdirSync(dataDir, { recursive: true });
  if (opts.durable === false) return wrapPglite(new PGlite(dataDir), null);
  // Data written before durable commits (initdb's files, which PGlite unpacks without a sync, or an
  // installation from before this change) is synced once; the marker says it was.
  const marker = path.join(dataDir, '.aftersales-synced');
  const unsynced = !existsSync(marker);
  const fs = new DurableNodeFS(dataDir);
  const client = new PGlite({ dataDir, fs, startParams: durableStartParams() });
  await client.waitReady;
  const fsync = (await client.query<{ fsync: string }>('show fsync')).rows[0]?.fsync;
  if (!fs.hooked || fsync !== 'on') {
    await client.close();
    throw new Error(`durable commits are not in effect (sync hooks ${fs.hooked}, fsync ${fsync})`);
  }
  if (unsynced) {
    await syncTree(dataDir);
    writeFileSync(marker, `${new Date().toISOString()}\n`, { flush: true });
  }
  return wrapPglite(client, fs);
};

const wrapPglite = async (client: PGlite, fs: DurableNodeFS | null): Promise<Database> => {
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder });
    },
    close: () => client.close(),
    executeSql: async (text, values) => {
      if (values && values.length > 0) return client.query(text, values as never[]);
      // pg-boss sends its migrations as one multi-statement script without parameters.
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    ...(fs ? { syncCounts: () => ({ ...fs.counts }) } : {}),
  };
};

/** A PostgreSQL server through a pool; several app processes may share it. */
export const openPostgres = async (url: string, poolSize = 10): Promise<Database> => {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client whose server connection drops (restart, failover, pg_terminate_backend) emits
  // 'error' on the pool; unhandled, that would crash the process. The pool replaces the client.
  pool.on('error', (err) => {
    console.error(`database connection lost: ${err.message}`);
  });
  // Fail fast with a clear error instead of on the first request.
  const probe = await pool.connect();
  probe.release();
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    migrate: async () => {
      // Serialise migrations across processes starting together.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        client.release();
      }
    },
    close: () => pool.end(),
    executeSql: async (text, values) => pool.query(text, values as never[]),
  };
};

export const openDatabase = async (opts: {
  databaseUrl: string | null;
  dataDir: string;
}): Promise<Database> =>
  opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(path.join(opts.dataDir, 'pgdata'));
