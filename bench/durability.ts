import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, openPglite } from '../src/db/client.ts';
import { timed } from './util.ts';

const N = 300;

/** Single-row inserts on a file-backed PGlite, each its own commit: top-level and in a transaction. */
const measure = async (database: Database) => {
  await database.executeSql(
    'create table if not exists bench_durable (id bigserial primary key, v text not null, at timestamptz not null default now())',
  );
  // Warm up (plans, the table's first pages) before timing.
  for (let i = 0; i < 20; i++)
    await database.db.execute(sql`insert into bench_durable (v) values (${`w${i}`})`);
  const topLevel = await timed(N, 1, (i) =>
    database.db.execute(sql`insert into bench_durable (v) values (${`t${i}`})`),
  );
  const inTx = await timed(N, 1, (i) =>
    database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into bench_durable (v) values (${`x${i}`})`);
    }),
  );
  return { topLevel, inTx };
};

/** What durable commits cost on the embedded database (src/db/durable-fs.ts), as a ratio. */
export const benchDurability = async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'aftersales-bench-durable-'));
  const pgdata = path.join(dir, 'pgdata');
  try {
    // The same directory both times, so only the sync differs.
    const durable = await openPglite(pgdata);
    const before = durable.syncCounts!();
    const withSync = await measure(durable);
    const after = durable.syncCounts!();
    await durable.close();
    const relaxed = await openPglite(pgdata, { durable: false });
    const withoutSync = await measure(relaxed);
    await relaxed.close();

    const syncs = after.fdatasync + after.fsync - before.fdatasync - before.fsync;
    const ratio = (a: { perSecond: number }, b: { perSecond: number }) =>
      (b.perSecond / a.perSecond).toFixed(2);
    console.log(
      `durable commits (PGlite on ${tmpdir()}, ${N} single-row inserts each, one at a time, ${syncs} syncs for ${2 * N + 20} commits):`,
    );
    for (const [label, a, b] of [
      ['top-level insert', withSync.topLevel, withoutSync.topLevel],
      ['insert in transaction()', withSync.inTx, withoutSync.inTx],
    ] as const) {
      console.log(
        `  ${label}: with sync ${a.perSecond}/s (p50 ${a.p50} ms, p95 ${a.p95} ms), without ${b.perSecond}/s (p50 ${b.p50} ms, p95 ${b.p95} ms): ${ratio(a, b)}× the time`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
