import type { FastifyPluginAsync } from 'fastify';

interface HealthOptions {
  readonly schemaVersion: number;
  readonly demo: boolean;
}

/**
 * GET /api/health: liveness plus a real round trip to the database.
 * GET /api/config: what the app needs to know about this deployment (no personal data).
 */
export const healthRoutes: FastifyPluginAsync<HealthOptions> = async (app, opts) => {
  app.get(
    '/health',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            required: ['status', 'store', 'schemaVersion'],
            properties: {
              status: { type: 'string', enum: ['ok'] },
              store: { type: 'string', enum: ['pglite', 'postgres'] },
              schemaVersion: { type: 'integer' },
            },
          },
          503: {
            type: 'object',
            properties: { status: { type: 'string' }, message: { type: 'string' } },
          },
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
          200: {
            type: 'object',
            required: ['demo'],
            properties: { demo: { type: 'boolean' } },
          },
        },
      },
    },
    async () => ({ demo: opts.demo }),
  );
};
