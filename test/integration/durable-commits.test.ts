import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite } from '../../src/db/client.ts';

// The embedded database on a directory syncs what a commit wrote before the commit returns
// (src/db/durable-fs.ts). The counts are the real fsync / fdatasync calls the sync hooks made.
// PGlite only: the PostgreSQL run has nothing to add here.
describe.skipIf(process.env.TEST_DATABASE_URL)('durable commits on PGlite', () => {
  let dir: string;
  let database: Database;
  const syncs = () => {
    const c = database.syncCounts!();
    return c.fdatasync + c.fsync;
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'aftersales-durable-'));
    database = await openPglite(path.join(dir, 'pgdata'));
    await database.executeSql('create table t (id serial primary key, v text not null)');
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs Postgres with fsync on and marks the new data directory as synced once', async () => {
    expect((await database.executeSql('show fsync')).rows).toEqual([{ fsync: 'on' }]);
    expect(existsSync(path.join(dir, 'pgdata', '.aftersales-synced'))).toBe(true);
    expect(database.syncCounts!().failed).toBe(0);
  });

  it('syncs the WAL when a top-level statement commits', async () => {
    const before = database.syncCounts!();
    await database.db.execute(sql`insert into t (v) values ('top-level')`);
    const after = database.syncCounts!();
    // wal_sync_method = fdatasync: the commit record's WAL segment.
    expect(after.fdatasync).toBeGreaterThan(before.fdatasync);
  });

  it('syncs the WAL when a transaction commits, before transaction() resolves', async () => {
    let inside = 0;
    const before = syncs();
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into t (v) values ('in a transaction')`);
      await tx.execute(sql`insert into t (v) values ('second row')`);
      inside = syncs();
    });
    // Nothing was synced for the statements inside; the COMMIT synced.
    expect(inside).toBe(before);
    expect(syncs()).toBeGreaterThan(inside);
  });

  it('does not sync for a read or a rolled back transaction', async () => {
    const before = syncs();
    await database.db.execute(sql`select count(*) from t`);
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into t (v) values ('never')`);
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(syncs()).toBe(before);
  });

  it('syncs the data files at a checkpoint, and the rows are there after a reopen', async () => {
    const before = database.syncCounts!().fsync;
    await database.executeSql('checkpoint');
    expect(database.syncCounts!().fsync).toBeGreaterThan(before);
    await database.close();
    database = await openPglite(path.join(dir, 'pgdata'));
    const rows = (await database.executeSql('select v from t order by id')).rows;
    expect(rows).toEqual([{ v: 'top-level' }, { v: 'in a transaction' }, { v: 'second row' }]);
  });
});
