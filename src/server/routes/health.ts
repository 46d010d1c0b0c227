import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

interface HealthOptions {
  readonly schemaVersion: number;
  readonly demo: boolean;
}

/**
 * GET /api/health: liveness plus a real round trip to the database.
 * GET /api/config: what the app needs to know about this deployment (no personal data).
 */
export const healthRoutes: FastifyPluginAsyncZod<HealthOptions> = async (app, opts) => {
  app.get(
    '/health',
    {
      schema: {
        response: {
          200: z.object({
            status: z.literal('ok'),
            store: z.enum(['pglite', 'postgres']),
            schemaVersion: z.number().int(),
          }),
          503: z.object({ status: z.string(), message: z.string().optional() }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await app.store.query('SELECT 1');
      } catch {
        return reply.code(503).send({ status: 'unavailable', message: 'Database not reachable' });
      }
      return { status: 'ok' as const, store: app.store.kind, schemaVersion: opts.schemaVersion };
    },
  );

  app.get(
    '/config',
    {
      schema: {
        response: {
          200: z.object({ demo: z.boolean() }),
        },
      },
    },
    async () => ({ demo: opts.demo }),
  );
};
