/**
 * POST /api/sync/push and GET /api/sync/pull (docs/architecture.md, Sync guarantees 2–5): parse,
 * call the service, answer. What a push does is in server/sync/push.ts, what a pull does in
 * server/sync/pull.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badString } from '../../sync/protocol/validate.ts';
import {
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  wireRecordSchema,
  type PushResponse,
} from '../../sync/protocol/wire.ts';
import { raaktKosten } from '../db/kosten-regels.ts';
import { ingelogd } from '../plugins/auth.ts';
import { FOUT } from '../plugins/zod-contract.ts';
import { pullPagina } from '../sync/pull.ts';
import { pushBatch } from '../sync/push.ts';

/** The wire's body, plus what PostgreSQL would refuse in a text column (else a 5xx). */
const pushBody = pushRequestSchema.refine((b) => !badString(b.deviceId), {
  path: ['deviceId'],
  message: 'Invalid characters',
});
/**
 * The pull answer as the serializer checks it: the shape (which properties, which types), with
 * any id as a plain string. One stored id that is not an RFC 4122 uuid must not turn every pull
 * of that user into a 5xx — sync blocked by data the user cannot fix. The tests parse responses
 * with the full wire schema instead.
 */
const pullAntwoord = pullResponseSchema.extend({
  records: z.array(wireRecordSchema.extend({ id: z.string(), clientId: z.string().nullable() })),
  ingetrokken: z.array(z.string()),
});

/** A bigint parameter beyond 2^53 would reach SQL as "1e+21" and fail as a 5xx. */
const pullQuery = pullQuerySchema.refine((q) => q.cursor <= Number.MAX_SAFE_INTEGER, {
  path: ['cursor'],
  message: 'Too large',
});

export const syncRoutes: FastifyPluginAsyncZod = async (app) => {
  // Authenticate in onRequest, before the body is validated: without a session the answer is
  // 401, whatever the body — an anonymous caller learns nothing about the contract.
  const authenticate = app.authenticate;

  app.post(
    '/sync/push',
    {
      config: { tekstPerMutatie: true },
      onRequest: (request, reply) => authenticate.call(app, request, reply),
      schema: {
        body: pushBody,
        response: { 200: pushResponseSchema, 400: FOUT, 401: FOUT },
      },
    },
    async (request, reply) => {
      const { mutations, deviceId } = request.body;
      let gequeued = false;
      const results = await pushBatch(app.store, ingelogd(request), deviceId, mutations, {
        nu: () => app.nu(),
        waarschuw: (err) =>
          request.log.warn({ err, route: '/api/sync/push' }, 'push: mutation not stored'),
        // Kosten (issue 13.5): a change that prices queues its client in the push's transaction;
        // the queue is drained shortly after and before every coordinator read (db/kosten-wachtrij.ts).
        // Once per transaction (a chunk of the batch), for every priced change in it.
        kostenWachtrij: (changed) => {
          const clienten = new Set<string>();
          for (const [recordType, ids] of changed) {
            if (raaktKosten(recordType)) for (const id of ids) clienten.add(id);
          }
          if (clienten.size > 0) gequeued = true;
          return [...clienten];
        },
      });
      if (gequeued) app.kostenWachtrij.kort();
      // Built here from typed results (sync/push.ts), so sent as JSON text without a second pass
      // through the zod schema: the hottest route at 8:30 (issue 13). The tests parse every push
      // answer with pushResponseSchema.
      const antwoord: PushResponse = { results };
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(antwoord) as never);
    },
  );

  app.get(
    '/sync/pull',
    {
      onRequest: (request, reply) => authenticate.call(app, request, reply),
      schema: {
        querystring: pullQuery,
        response: { 200: pullAntwoord, 400: FOUT, 401: FOUT },
      },
    },
    // The page is JSON text already (sync/pull.ts): sent as it is, not parsed and serialized.
    async (request, reply) => {
      const tekst = await pullPagina(app.store, ingelogd(request), request.query);
      return reply.type('application/json; charset=utf-8').send(tekst as never);
    },
  );
};
