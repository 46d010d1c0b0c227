/**
 * /api/beheer/*: users, sessions, caseloads and review shares (issue 5, items 1 and 4). Only a
 * beheerder, checked once in a hook for the whole plugin (STYLE.md 17). A beheerder hands out
 * access to clients by id but reads no client record herself (see db/toegang.ts).
 *
 * Every change is written to the access log with the beheerder as actor.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { recordIdSchema } from '../../domain/model/ids.ts';
import { gebruikerSchema, rolSchema } from '../../sync/protocol/wire.ts';
import {
  WACHTWOORD_MIN,
  lijstGebruikers,
  maakGebruiker,
  trekAlleSessiesIn,
  vindGebruiker,
} from '../db/accounts.ts';
import {
  ACTIES,
  caseloadVan,
  heeftCaseload,
  logToegang,
  reviewClientenVan,
  verwijderUitCaseload,
  voegToeAanCaseload,
  zetReviewDeling,
} from '../db/toegang.ts';
import { resendClient } from '../db/records.ts';
import { ingelogd } from '../plugins/auth.ts';
import { FOUT, antwoord, zodValidatorCompiler } from '../plugins/zod-contract.ts';

// Contracts. Kept here until a beheer screen needs them on the device; then they move to
// src/sync/protocol so both sides validate the same thing.
export const nieuweGebruikerSchema = z
  .object({
    gebruikersnaam: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9._-]{2,50}$/, 'use 2–50 of a–z, 0–9, . _ -'),
    naam: z.string().trim().min(1).max(200),
    rol: rolSchema,
    wachtwoord: z.string().min(WACHTWOORD_MIN).max(200),
  })
  .strict();

export const beheerGebruikerSchema = gebruikerSchema.extend({
  actief: z.boolean(),
  aangemaaktOp: z.string(),
  caseload: z.array(z.uuid()),
  reviewClienten: z.array(z.uuid()),
});

export const caseloadWijzigingSchema = z
  .object({ gebruikerId: z.uuid(), clientId: recordIdSchema, toewijzen: z.boolean() })
  .strict();

export const reviewDelingWijzigingSchema = z
  .object({ casemanagerId: z.uuid(), clientId: recordIdSchema, delen: z.boolean() })
  .strict();

const idParamsSchema = z.object({ id: z.uuid() });

const BESCHERMD = { 401: FOUT, 403: FOUT };
const GEBRUIKER_ONBEKEND = { error: 'not_found', message: 'No such user' };

export const beheerRoutes: FastifyPluginAsync = async (app) => {
  app.setValidatorCompiler(zodValidatorCompiler);
  // onRequest: before the body is parsed, so a stranger learns nothing from a 400.
  app.addHook('onRequest', app.vereisRol('beheerder'));

  app.get(
    '/beheer/gebruikers',
    {
      schema: {
        response: {
          200: antwoord(z.object({ gebruikers: z.array(beheerGebruikerSchema) })),
          ...BESCHERMD,
        },
      },
    },
    async () => {
      const gebruikers = await lijstGebruikers(app.store);
      return {
        gebruikers: await Promise.all(
          gebruikers.map(async (g) => ({
            ...g,
            caseload: await caseloadVan(app.store, g.id),
            reviewClienten: await reviewClientenVan(app.store, g.id),
          })),
        ),
      };
    },
  );

  app.post<{ Body: z.infer<typeof nieuweGebruikerSchema> }>(
    '/beheer/gebruikers',
    {
      schema: {
        body: nieuweGebruikerSchema,
        response: { 201: antwoord(gebruikerSchema), 400: FOUT, 409: FOUT, ...BESCHERMD },
      },
    },
    async (request, reply) => {
      const beheerder = ingelogd(request);
      const gebruiker = await maakGebruiker(app.store, request.body);
      if (!gebruiker) {
        return reply.code(409).send({ error: 'conflict', message: 'Username already taken' });
      }
      await logToegang(app.store, beheerder, ACTIES.gebruikerAangemaakt, null, 1);
      return reply.code(201).send(gebruiker);
    },
  );

  app.post<{ Params: z.infer<typeof idParamsSchema> }>(
    '/beheer/gebruikers/:id/intrekken',
    {
      schema: {
        params: idParamsSchema,
        response: {
          200: antwoord(z.object({ ingetrokken: z.number().int().nonnegative() })),
          400: FOUT,
          404: FOUT,
          ...BESCHERMD,
        },
      },
    },
    async (request, reply) => {
      const beheerder = ingelogd(request);
      if (!(await vindGebruiker(app.store, request.params.id))) {
        return reply.code(404).send(GEBRUIKER_ONBEKEND);
      }
      const ingetrokken = await trekAlleSessiesIn(app.store, request.params.id, app.nu());
      await logToegang(app.store, beheerder, ACTIES.sessiesIngetrokken, null, ingetrokken);
      return { ingetrokken };
    },
  );

  app.put<{ Body: z.infer<typeof caseloadWijzigingSchema> }>(
    '/beheer/caseload',
    {
      schema: {
        body: caseloadWijzigingSchema,
        response: {
          200: antwoord(caseloadWijzigingSchema),
          400: FOUT,
          404: FOUT,
          409: FOUT,
          ...BESCHERMD,
        },
      },
    },
    async (request, reply) => {
      const beheerder = ingelogd(request);
      const { gebruikerId, clientId, toewijzen } = request.body;
      const gebruiker = await vindGebruiker(app.store, gebruikerId);
      if (!gebruiker) return reply.code(404).send(GEBRUIKER_ONBEKEND);
      // A caseload would give a coordinator or beheerder client records: refused, not ignored.
      if (toewijzen && !heeftCaseload(gebruiker.rol)) {
        return reply
          .code(409)
          .send({ error: 'conflict', message: `A ${gebruiker.rol} has no caseload` });
      }
      await app.store.transaction(async (tx) => {
        if (toewijzen) {
          await voegToeAanCaseload(tx, gebruikerId, clientId);
          // Her pull cursor may already be past this client's records: give them new revs so
          // the next pull brings them (other users just receive them again, unchanged).
          await resendClient(tx, clientId);
        } else await verwijderUitCaseload(tx, gebruikerId, clientId);
        await logToegang(
          tx,
          beheerder,
          toewijzen ? ACTIES.caseloadToegewezen : ACTIES.caseloadOntnomen,
          clientId,
          1,
        );
      });
      return { gebruikerId, clientId, toewijzen };
    },
  );

  app.put<{ Body: z.infer<typeof reviewDelingWijzigingSchema> }>(
    '/beheer/review-deling',
    {
      schema: {
        body: reviewDelingWijzigingSchema,
        response: {
          200: antwoord(reviewDelingWijzigingSchema),
          400: FOUT,
          404: FOUT,
          409: FOUT,
          ...BESCHERMD,
        },
      },
    },
    async (request, reply) => {
      const beheerder = ingelogd(request);
      const { casemanagerId, clientId, delen } = request.body;
      const casemanager = await vindGebruiker(app.store, casemanagerId);
      if (!casemanager) return reply.code(404).send(GEBRUIKER_ONBEKEND);
      if (delen && casemanager.rol !== 'casemanager') {
        return reply
          .code(409)
          .send({ error: 'conflict', message: 'Review shares go to a casemanager only' });
      }
      await app.store.transaction(async (tx) => {
        await zetReviewDeling(tx, casemanagerId, clientId, delen, beheerder.id);
        if (delen) await resendClient(tx, clientId); // as for a caseload: reach her pull cursor
        await logToegang(
          tx,
          beheerder,
          delen ? ACTIES.reviewGedeeld : ACTIES.reviewIngetrokken,
          clientId,
          1,
        );
      });
      return { casemanagerId, clientId, delen };
    },
  );
};
