/**
 * /api/beheer/*: users, sessions, caseloads and review shares (issue 5, items 1 and 4); deactivate
 * a user, reset a password, read the access log (issue 12, points 8 and 9). Only a beheerder,
 * checked once in a hook for the whole plugin (docs/style.md 17). A beheerder hands out access to
 * clients by id but reads no client record herself (see db/toegang.ts).
 *
 * Every change is written to the access log with the beheerder as actor, and so is every read of
 * caseloads (per client listed) and of the access log itself.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { recordIdSchema } from '../../domain/model/ids.ts';
import { gebruikerSchema, rolSchema } from '../../sync/protocol/wire.ts';
import {
  WACHTWOORD_BEZWAAR_TEKST,
  WACHTWOORD_MAX,
  WACHTWOORD_MIN,
  lijstGebruikers,
  maakGebruiker,
  trekAlleSessiesIn,
  vindGebruiker,
  wachtwoordBezwaar,
  zetActief,
  zetWachtwoord,
} from '../db/accounts.ts';
import {
  ACTIES,
  caseloadVan,
  heeftCaseload,
  leesToegangslog,
  logToegang,
  logToegangPerClient,
  reviewClientenVan,
  verwijderUitCaseload,
  voegToeAanCaseload,
  zetReviewDeling,
  type ToegangRegel,
} from '../db/toegang.ts';
import { zetMoetWachtwoordWijzigen } from '../db/tweede-factor.ts';
import { tabel, tekst as t } from './coordinator-csv.ts';
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
    wachtwoord: z.string().min(WACHTWOORD_MIN).max(WACHTWOORD_MAX),
  })
  .strict();

export const wachtwoordHerstelSchema = z
  .object({ wachtwoord: z.string().min(WACHTWOORD_MIN).max(WACHTWOORD_MAX) })
  .strict();

export const actiefSchema = z.object({ actief: z.boolean() }).strict();

/** The longest period one request may read: a year (a wider question is several requests). */
const MAX_PERIODE_MS = 366 * 24 * 60 * 60 * 1000;
export const TOEGANGSLOG_MAX = 10_000;

/**
 * GET /beheer/toegangslog: per client or per user (exactly one), over [van, tot). Ids are opaque
 * UUIDs, never a name or BSN, so nothing identifying ends up in a URL or a proxy log.
 */
export const toegangslogVraagSchema = z
  .object({
    clientId: z.uuid().optional(),
    gebruikerId: z.uuid().optional(),
    van: z.iso.datetime({ offset: true }).or(z.iso.date()),
    tot: z.iso.datetime({ offset: true }).or(z.iso.date()),
    formaat: z.enum(['json', 'csv']).default('json'),
  })
  .strict()
  .refine((v) => (v.clientId === undefined) !== (v.gebruikerId === undefined), {
    message: 'give exactly one of clientId and gebruikerId',
  })
  .refine((v) => Date.parse(v.van) < Date.parse(v.tot), { message: 'van must be before tot' })
  .refine((v) => Date.parse(v.tot) - Date.parse(v.van) <= MAX_PERIODE_MS, {
    message: 'at most one year per request',
  });

export const toegangRegelSchema = z.object({
  id: z.number().int(),
  op: z.string(),
  gebruikerId: z.uuid().nullable(),
  gebruikersnaam: z.string().nullable(),
  rol: z.string().nullable(),
  actie: z.string(),
  clientId: z.uuid().nullable(),
  aantal: z.number().int(),
  apparaat: z.string().nullable(),
  adres: z.string().nullable(),
  uitkomst: z.enum(['ok', 'geweigerd', 'mislukt']),
  betreftGebruikerId: z.uuid().nullable(),
});
export const toegangslogAntwoordSchema = z.object({
  regels: z.array(toegangRegelSchema),
  /** More rows matched than TOEGANGSLOG_MAX: narrow the period. */
  meer: z.boolean(),
});

/** The access log as CSV for Excel (`;`, UTF-8 with BOM, CRLF; as the coordinator exports). */
export function toegangslogCsv(regels: readonly ToegangRegel[]): string {
  return tabel(
    [
      'tijdstip',
      'gebruiker-id',
      'gebruikersnaam',
      'rol',
      'actie',
      'client-id',
      'aantal',
      'apparaat',
      'adres',
      'uitkomst',
      'betreft gebruiker-id',
    ],
    regels.map((r) => [
      r.op,
      r.gebruikerId ?? '',
      t(r.gebruikersnaam),
      t(r.rol),
      t(r.actie),
      r.clientId ?? '',
      String(r.aantal),
      t(r.apparaat),
      t(r.adres),
      r.uitkomst,
      r.betreftGebruikerId ?? '',
    ]),
  );
}

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
const zwakWachtwoord = (bezwaar: keyof typeof WACHTWOORD_BEZWAAR_TEKST) => ({
  error: 'weak_password',
  message: WACHTWOORD_BEZWAAR_TEKST[bezwaar],
});

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
    async (request) => {
      const beheerder = ingelogd(request);
      // Read and log in one transaction: NEN 7513 asks who saw which client was in whose care.
      return app.store.transaction(async (tx) => {
        // One after another: a transaction is one connection, which runs one query at a time.
        const gebruikers = [];
        for (const g of await lijstGebruikers(tx)) {
          gebruikers.push({
            ...g,
            caseload: await caseloadVan(tx, g.id),
            reviewClienten: await reviewClientenVan(tx, g.id),
          });
        }
        const perClient = new Map<string | null, number>();
        for (const g of gebruikers) {
          for (const c of [...g.caseload, ...g.reviewClienten]) {
            perClient.set(c, (perClient.get(c) ?? 0) + 1);
          }
        }
        if (perClient.size === 0) perClient.set(null, 0);
        await logToegangPerClient(tx, beheerder, ACTIES.caseloadsGelezen, perClient);
        return { gebruikers };
      });
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
      const bezwaar = wachtwoordBezwaar(request.body.wachtwoord, request.body.gebruikersnaam);
      if (bezwaar) return reply.code(400).send(zwakWachtwoord(bezwaar));
      const gebruiker = await maakGebruiker(app.store, request.body);
      if (!gebruiker) {
        return reply.code(409).send({ error: 'conflict', message: 'Username already taken' });
      }
      // Issue 14: the password she got is a start password; she chooses her own at first login.
      await zetMoetWachtwoordWijzigen(app.store, gebruiker.id, true);
      await logToegang(app.store, beheerder, ACTIES.gebruikerAangemaakt, null, 1, {
        betreftGebruiker: gebruiker.id,
      });
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
      await logToegang(app.store, beheerder, ACTIES.sessiesIngetrokken, null, ingetrokken, {
        betreftGebruiker: request.params.id,
      });
      return { ingetrokken };
    },
  );

  // Deactivate (or reactivate) an account: no login, and every session ends at once.
  app.put<{ Params: z.infer<typeof idParamsSchema>; Body: z.infer<typeof actiefSchema> }>(
    '/beheer/gebruikers/:id/actief',
    {
      schema: {
        params: idParamsSchema,
        body: actiefSchema,
        response: {
          200: antwoord(
            z.object({ actief: z.boolean(), ingetrokken: z.number().int().nonnegative() }),
          ),
          400: FOUT,
          404: FOUT,
          409: FOUT,
          ...BESCHERMD,
        },
      },
    },
    async (request, reply) => {
      const beheerder = ingelogd(request);
      const { id } = request.params;
      const { actief } = request.body;
      // Never lock yourself out: another beheerder has to do it (there is then always one left).
      if (!actief && id === beheerder.id) {
        return reply
          .code(409)
          .send({ error: 'conflict', message: 'You cannot deactivate your own account' });
      }
      const ingetrokken = await app.store.transaction(async (tx) => {
        const n = await zetActief(tx, id, actief, app.nu());
        if (n !== null) {
          await logToegang(
            tx,
            beheerder,
            actief ? ACTIES.gebruikerGeactiveerd : ACTIES.gebruikerGedeactiveerd,
            null,
            n,
            { betreftGebruiker: id },
          );
        }
        return n;
      });
      if (ingetrokken === null) return reply.code(404).send(GEBRUIKER_ONBEKEND);
      return { actief, ingetrokken };
    },
  );

  // Reset a password (she forgot it, or it leaked): the policy applies, her sessions end.
  app.post<{
    Params: z.infer<typeof idParamsSchema>;
    Body: z.infer<typeof wachtwoordHerstelSchema>;
  }>(
    '/beheer/gebruikers/:id/wachtwoord',
    {
      schema: {
        params: idParamsSchema,
        body: wachtwoordHerstelSchema,
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
      const { id } = request.params;
      const gebruiker = await vindGebruiker(app.store, id);
      if (!gebruiker) return reply.code(404).send(GEBRUIKER_ONBEKEND);
      const bezwaar = wachtwoordBezwaar(request.body.wachtwoord, gebruiker.gebruikersnaam);
      if (bezwaar) return reply.code(400).send(zwakWachtwoord(bezwaar));
      const ingetrokken = await app.store.transaction(async (tx) => {
        await zetWachtwoord(tx, id, request.body.wachtwoord);
        // Issue 14: a reset password is a start password; she chooses her own at her next login.
        await zetMoetWachtwoordWijzigen(tx, id, true);
        const n = await trekAlleSessiesIn(tx, id, app.nu());
        await logToegang(tx, beheerder, ACTIES.wachtwoordHersteld, null, n, {
          betreftGebruiker: id,
        });
        return n;
      });
      return { ingetrokken };
    },
  );

  // The access log (NEN 7513) per client or per user over a period; JSON or CSV. Reading it is
  // itself logged, in the same transaction.
  app.get<{ Querystring: z.output<typeof toegangslogVraagSchema> }>(
    '/beheer/toegangslog',
    {
      schema: {
        querystring: toegangslogVraagSchema,
        response: { 200: antwoord(toegangslogAntwoordSchema), 400: FOUT, ...BESCHERMD },
      },
    },
    async (request, reply) => {
      const beheerder = ingelogd(request);
      const { clientId, gebruikerId, van, tot, formaat } = request.query;
      const log = await app.store.transaction(async (tx) => {
        const gelezen = await leesToegangslog(tx, {
          clientId,
          gebruikerId,
          van: new Date(van),
          tot: new Date(tot),
          max: TOEGANGSLOG_MAX,
        });
        await logToegang(
          tx,
          beheerder,
          formaat === 'csv' ? ACTIES.toegangslogExport : ACTIES.toegangslogGelezen,
          clientId ?? null,
          gelezen.regels.length,
          { betreftGebruiker: gebruikerId ?? null },
        );
        return gelezen;
      });
      if (formaat === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="toegangslog.csv"')
          .send(toegangslogCsv(log.regels));
      }
      return log;
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
