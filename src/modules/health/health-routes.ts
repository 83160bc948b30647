import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';

export const healthRoutes = (app: FastifyInstance, { database }: { database: Database }) => {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        security: [],
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => {
      // A health check that does not touch the database would report ok while nothing works.
      try {
        await database.db.execute(sql`select 1`);
      } catch (err) {
        throw new AppError('unavailable', { message: `database unreachable: ${String(err)}` });
      }
      return { status: 'ok' as const };
    },
  );
};
