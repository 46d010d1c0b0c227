/**
 * POST /api/sync/push and GET /api/sync/pull (docs/architecture.md, Sync guarantees 2–5): parse,
 * call the service, answer. What a push does is in server/sync/push.ts, what a pull does in
 * server/sync/pull.ts.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import { badString } from '../../sync/protocol/validate.ts';
import {
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
} from '../../sync/protocol/wire.ts';
import { raaktKosten } from '../db/kosten-regels.ts';
import { zetInKostenWachtrij } from '../db/kosten-wachtrij.ts';
import { ingelogd } from '../plugins/auth.ts';
import { FOUT, antwoord, zodValidatorCompiler } from '../plugins/zod-contract.ts';
import { pullPagina } from '../sync/pull.ts';
import { pushBatch } from '../sync/push.ts';

/** The wire's body, plus what PostgreSQL would refuse in a text column (else a 5xx). */
const pushBody = pushRequestSchema.refine((b) => !badString(b.deviceId), {
  path: ['deviceId'],
  message: 'Invalid characters',
});
/** A bigint parameter beyond 2^53 would reach SQL as "1e+21" and fail as a 5xx. */
const pullQuery = pullQuerySchema.refine((q) => q.cursor <= Number.MAX_SAFE_INTEGER, {
  path: ['cursor'],
  message: 'Too large',
});

export const syncRoutes: FastifyPluginAsync = async (app) => {
  app.setValidatorCompiler(zodValidatorCompiler);
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
        response: { 200: vorm(antwoord(pushResponseSchema)), 400: FOUT, 401: FOUT },
      },
    },
    async (request) => {
      const { mutations, deviceId } = request.body as z.infer<typeof pushRequestSchema>;
      let gequeued = false;
      const results = await pushBatch(app.store, ingelogd(request), deviceId, mutations, {
        nu: () => app.nu(),
        waarschuw: (err) =>
          request.log.warn({ err, route: '/api/sync/push' }, 'push: mutation not stored'),
        // Kosten (issue 13.5): a change that prices queues its client in the push's transaction;
        // the queue is drained shortly after and before every coordinator read (db/kosten-wachtrij.ts).
        afterApply: async (tx, clienten, recordType) => {
          if (clienten.size > 0 && raaktKosten(recordType)) {
            await zetInKostenWachtrij(tx, [...clienten]);
            gequeued = true;
          }
        },
      });
      if (gequeued) app.kostenWachtrij.kort();
      return { results };
    },
  );

  app.get(
    '/sync/pull',
    {
      onRequest: (request, reply) => authenticate.call(app, request, reply),
      schema: {
        querystring: pullQuery,
        response: { 200: vorm(antwoord(pullResponseSchema)), 400: FOUT, 401: FOUT },
      },
    },
    async (request) =>
      pullPagina(app.store, ingelogd(request), request.query as z.infer<typeof pullQuerySchema>),
  );
};

/**
 * The response contract as the serializer needs it: the shape (which properties, which types),
 * without `pattern` and `format`. fast-json-stringify checks those when it picks an `anyOf`
 * branch (a nullable uuid is one), so one stored id that is not an RFC 4122 uuid would turn every
 * pull of that user into a 5xx — sync blocked by data the user cannot fix. The tests parse
 * responses with the full zod schemas instead.
 */
function vorm(schema: unknown): Record<string, unknown> {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k !== 'pattern' && k !== 'format')
        .map(([k, x]) => [k, strip(x)]),
    );
  };
  return strip(schema) as Record<string, unknown>;
}
