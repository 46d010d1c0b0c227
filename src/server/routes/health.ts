import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appliedMigration } from '../db/migrations.ts';

interface HealthOptions {
  readonly schemaVersion: number;
  readonly demo: boolean;
}

/**
 * GET /api/health: liveness plus a real round trip to the database.
 * GET /api/ready: readiness for a load balancer: the database answers and carries every migration
 *   this build expects (schemaVersion); 503 otherwise, and while the server shuts down (Fastify
 *   answers 503 to new requests once close() has begun).
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
    '/ready',
    {
      schema: {
        response: {
          200: z.object({ status: z.literal('ready'), schemaVersion: z.number().int() }),
          503: z.object({ status: z.string(), message: z.string().optional() }),
        },
      },
    },
    async (_req, reply) => {
      let applied: number;
      try {
        applied = await appliedMigration(app.store);
      } catch {
        return reply.code(503).send({ status: 'unavailable', message: 'Database not reachable' });
      }
      if (applied < opts.schemaVersion) {
        return reply
          .code(503)
          .send({ status: 'unavailable', message: 'Database migrations not complete' });
      }
      return { status: 'ready' as const, schemaVersion: applied };
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
