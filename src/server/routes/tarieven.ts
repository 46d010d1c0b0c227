/**
 * Tariffs (issue 6, point 2). Read by the coordinator (and the beheerder), changed by the
 * beheerder only. A change never rewrites a price: it adds one from a later date (the previous
 * row then ends the day before), or withdraws the latest one (the previous row reopens).
 *
 * - GET    /api/tarieven               coordinator, beheerder → { tarieven: Tarief[] }
 * - POST   /api/beheer/tarieven        beheerder, body TariefInvoer → 201 Tarief
 *                                      (400 unknown inzetCode, 409 geldigVan not after the latest)
 * - DELETE /api/beheer/tarieven/:id    beheerder → { verwijderd, heropend: Tarief | null }
 *                                      (404 unknown, 409 not the latest of its series)
 *
 * Every call is written to the access log (no client involved: client_id null).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tarievenAntwoordSchema } from '../../domain/kosten/api.ts';
import { tariefInvoerSchema, tariefSchema } from '../../domain/kosten/model.ts';
import { alleTarieven, verwijderTarief, voegTariefToe } from '../db/tarieven.ts';
import { ACTIES, logToegang } from '../db/toegang.ts';
import { ingelogd } from '../plugins/auth.ts';
import { toonWaarde } from '../../domain/model/fouten.ts';
import { FOUT, antwoordMet } from '../plugins/zod-contract.ts';

const idParamsSchema = z.object({ id: z.uuid() });
const BESCHERMD = { 401: FOUT, 403: FOUT };

export const verwijderAntwoordSchema = z.object({
  verwijderd: z.string(),
  /** The previous price of the series, current again; null when the series is now empty. */
  heropend: tariefSchema.nullable(),
});

export const tariefRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/tarieven',
    {
      onRequest: app.vereisRol('coordinator', 'beheerder'),
      schema: { response: { 200: tarievenAntwoordSchema, ...BESCHERMD } },
    },
    async (request) => {
      const g = ingelogd(request);
      const tarieven = await alleTarieven(app.store);
      await logToegang(app.store, g, ACTIES.tarievenGelezen, null, tarieven.length);
      return { tarieven };
    },
  );

  app.post(
    '/beheer/tarieven',
    {
      onRequest: app.vereisRol('beheerder'),
      schema: {
        body: tariefInvoerSchema.strict(),
        response: { 201: tariefSchema, 400: FOUT, 409: FOUT, ...BESCHERMD },
      },
    },
    async (request, reply) => {
      const g = ingelogd(request);
      const uitkomst = await voegTariefToe(app.store, request.body, g.id, app.nu());
      if (!uitkomst.ok && uitkomst.reden === 'onbekende-inzet') {
        return reply.code(400).send(
          antwoordMet([
            {
              veld: 'body.inzetCode',
              waarde: toonWaarde(request.body.inzetCode),
              toegestaan: 'een code uit de inzetcatalogus',
              melding: 'Unknown inzet code',
            },
          ]),
        );
      }
      if (!uitkomst.ok) {
        return reply.code(409).send({
          error: 'conflict',
          message: `A new price must start after ${uitkomst.vorigeGeldigVan}, the start of the latest price of this series`,
        });
      }
      await logToegang(app.store, g, ACTIES.tariefToegevoegd, null, 1);
      return reply.code(201).send(uitkomst.tarief);
    },
  );

  app.delete(
    '/beheer/tarieven/:id',
    {
      onRequest: app.vereisRol('beheerder'),
      schema: {
        params: idParamsSchema,
        response: {
          200: verwijderAntwoordSchema,
          400: FOUT,
          404: FOUT,
          409: FOUT,
          ...BESCHERMD,
        },
      },
    },
    async (request, reply) => {
      const g = ingelogd(request);
      const uitkomst = await verwijderTarief(app.store, request.params.id, g.id, app.nu());
      if (!uitkomst.ok && uitkomst.reden === 'onbekend') {
        return reply.code(404).send({ error: 'not_found', message: 'No such tariff' });
      }
      if (!uitkomst.ok) {
        return reply.code(409).send({
          error: 'conflict',
          message: 'Only the latest price of a series can be withdrawn',
        });
      }
      await logToegang(app.store, g, ACTIES.tariefVerwijderd, null, 1);
      return { verwijderd: request.params.id, heropend: uitkomst.heropend };
    },
  );
};
