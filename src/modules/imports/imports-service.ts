import { and, desc, eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.ts';
import { importJobs } from '../../db/schema/imports.ts';
import { type Ctx, writeAudit, writeAuditMany } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type Actor, assertCan } from '../../platform/permissions.ts';
import { iso } from '../../platform/schemas.ts';
import { IMPORTERS, type ImportDeps, type ImportKind, type RowError } from './importers.ts';
import { readSheet } from './sheet.ts';

type JobRow = typeof importJobs.$inferSelect;

const CHUNK = 1000;
// The report keeps the first errors only; the counts stay exact.
const MAX_REPORTED_ERRORS = 2000;

const toDto = (j: JobRow) => ({
  ...j,
  errors: j.errors as RowError[],
  createdAt: j.createdAt.toISOString(),
  finishedAt: iso(j.finishedAt),
});

export const importsService = ({ db, log, deps }: { db: Db; log: FastifyBaseLogger; deps: ImportDeps }) => {
  const update = (id: string, patch: Partial<JobRow>) =>
    db.update(importJobs).set(patch).where(eq(importJobs.id, id));

  /**
   * Every good row is written; every bad row is reported with its row number and field. Rows are
   * written a chunk per transaction, each row whole (with its audit entry) or not at all.
   */
  const run = async (ctx: Ctx, job: JobRow, buffer: Buffer) => {
    const importer = IMPORTERS[job.kind as ImportKind];
    const errors: RowError[] = [];
    let imported = 0;
    let failed = 0;
    try {
      const sheet = await readSheet(buffer, importer.columns);
      const missing = importer.required.filter((f) => !sheet.headers.includes(f));
      if (missing.length > 0) {
        const names = missing.map((f) => `${importer.columns[f]?.[0] ?? f} (${f})`).join(', ');
        await update(job.id, {
          status: 'failed',
          message: `missing columns: ${names}`,
          finishedAt: ctx.clock.now(),
        });
        return;
      }
      await update(job.id, { status: 'running', total: sheet.rows.length });
      for (let i = 0; i < sheet.rows.length; i += CHUNK) {
        const chunk = sheet.rows.slice(i, i + CHUNK);
        await db.transaction(async (tx) => {
          const prepared = await importer.prepare(deps, tx, chunk);
          const good = prepared.flatMap((p) => ('values' in p ? [p] : []));
          const chunkErrors = prepared.flatMap((p) => ('error' in p ? [p.error] : []));
          // The owning module creates the rows by its own rules; a row it refuses is reported under
          // the sheet's column, like a row that failed conversion.
          const created = good.length
            ? await importer.create(
                deps,
                tx,
                ctx,
                good.map((p) => p.values),
              )
            : [];
          const inserted: { id: string }[] = [];
          let lost = 0;
          created.forEach((c, k) => {
            if ('row' in c) inserted.push(c.row);
            else if ('lost' in c) lost++;
            else {
              const row = good[k]!.row;
              const field = importer.columnOf[c.refusal.field] ?? c.refusal.field;
              chunkErrors.push({ row, field, message: c.refusal.message });
            }
          });
          errors.push(...chunkErrors.sort((a, b) => a.row - b.row));
          failed += prepared.length - inserted.length - lost;
          // A row lost to a concurrent insert of the same key is reported, not silently dropped.
          if (lost > 0) {
            failed += lost;
            errors.push({
              row: chunk[0]!.row,
              field: '(key)',
              message: `${lost} row(s) in rows ${chunk[0]!.row}–${chunk.at(-1)!.row} were registered by someone else meanwhile`,
            });
          }
          imported += inserted.length;
          await writeAuditMany(
            tx,
            ctx,
            inserted.map((r) => ({
              action: 'import',
              entity: importer.entity,
              entityId: r.id,
              after: { importJobId: job.id },
            })),
          );
          await tx
            .update(importJobs)
            .set({
              processed: i + chunk.length,
              imported,
              failed,
              errors: errors.slice(0, MAX_REPORTED_ERRORS),
            })
            .where(eq(importJobs.id, job.id));
        });
      }
      await update(job.id, { status: 'done', finishedAt: ctx.clock.now() });
    } catch (err) {
      log.error({ err, jobId: job.id }, 'import failed');
      // The database may itself be what failed (or be closing at shutdown): never let this reject.
      await update(job.id, {
        status: 'failed',
        message: `the file could not be read: ${(err as Error).message}`.slice(0, 500),
        finishedAt: ctx.clock.now(),
      }).catch((e: unknown) => log.error({ err: e, jobId: job.id }, 'could not record the import failure'));
    }
  };

  return {
    start: async (ctx: Ctx, kind: ImportKind, fileName: string | null, buffer: Buffer) => {
      const importer = IMPORTERS[kind];
      assertCan(ctx.actor, importer.permission);
      // Imports write across owners, so they are for users who see all data.
      if (ctx.actor.scope !== 'all')
        throw new AppError('forbidden', { details: { permission: importer.permission, scope: 'all' } });
      const job = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(importJobs)
          .values({ kind, fileName, createdBy: ctx.actor.userId, createdAt: ctx.clock.now() })
          .returning();
        await writeAudit(tx, ctx, {
          action: 'import_start',
          entity: 'import_job',
          entityId: row!.id,
          after: { kind, fileName, bytes: buffer.length },
        });
        return row!;
      });
      // Runs after the response; progress is polled from the job row.
      setImmediate(() => void run(ctx, job, buffer));
      return toDto(job);
    },

    get: async (ctx: Ctx, id: string) => {
      const [row] = await db
        .select()
        .from(importJobs)
        .where(and(eq(importJobs.id, id), eq(importJobs.createdBy, ctx.actor.userId)));
      if (!row) throw notFound('import_job', id);
      return toDto(row);
    },

    listMine: async (ctx: Ctx) => ({
      // The list leaves out the row reports; GET /api/imports/:id has them.
      items: (
        await db
          .select()
          .from(importJobs)
          .where(eq(importJobs.createdBy, ctx.actor.userId))
          .orderBy(desc(importJobs.createdAt))
          .limit(20)
      ).map((j) => ({ ...toDto(j), errors: [] as RowError[] })),
    }),
  };
};

export type ImportsService = ReturnType<typeof importsService>;
