import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';

export const healthRoutes = (
  app: FastifyInstance,
  { pingDatabase }: { pingDatabase: () => Promise<unknown> },
) => {
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
        await pingDatabase();
      } catch (err) {
        throw new AppError('unavailable', { message: `database unreachable: ${String(err)}` });
      }
      return { status: 'ok' as const };
    },
  );
};
