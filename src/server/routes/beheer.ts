/**
 * /api/beheer/*: users, sessions, caseloads and review shares (issue 5, items 1 and 4); deactivate
 * a user, reset a password, read the access log (issue 12, points 8 and 9). Only a beheerder,
 * checked once in a hook for the whole plugin (docs/style.md 17). A beheerder hands out access to
 * clients by id but reads no client record herself (see db/toegang.ts).
 *
 * Every change is written to the access log with the beheerder as actor, and so is every read of
 * caseloads (per client listed) and of the access log itself.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import Papa from 'papaparse';
import { z } from 'zod';
import { controleerImport, importSleutels } from '../../domain/caseload-import/index.ts';
import {
  beheerGebruikerSchema,
  clientenAntwoordSchema,
  importAntwoordSchema,
  importVraagSchema,
  startwachtwoordAntwoordSchema,
  toegangslogAntwoordSchema,
  wachtwoordHerstelAntwoordSchema,
  type ImportRijAntwoord,
} from '../../domain/beheer/api.ts';
import {
  accountStatussen,
  beheerClienten,
  bestaandeClientSleutels,
  maakStartwachtwoord,
  schrijfImport,
  zetMoetWachtwoordWijzigen,
} from '../db/beheer.ts';
import { recordIdSchema } from '../../domain/model/ids.ts';
import { gebruikerSchema, rolSchema, type Gebruiker } from '../../sync/protocol/wire.ts';
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
  geefToegang,
  heeftCaseload,
  leesToegangslog,
  logToegang,
  logToegangPerClient,
  reviewClientenVan,
  verwijderUitCaseload,
  zetReviewDeling,
  type ToegangRegel,
} from '../db/toegang.ts';
import { tabel, tekst as t } from './coordinator-csv.ts';
import { lockRecordWrites } from '../db/records.ts';

/** Advisory-lock key that serialises caseload imports (any constant not used elsewhere). */
const IMPORT_LOCK = 7_314_001;
import { vandaagIn } from '../../domain/model/dates.ts';
import { ingelogd } from '../plugins/auth.ts';
import { GEBRUIKER_ONBEKEND, gebruikerOf404, opGebruikerSchema } from './op-gebruiker.ts';
import { FOUT, zwakWachtwoordAntwoord } from '../plugins/zod-contract.ts';

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
    /**
     * Left out (issue 14): the server makes a start password, answers it once and marks the
     * account `moet_wachtwoord_wijzigen` (migration 009), so she chooses her own at first login.
     */
    wachtwoord: z.string().min(WACHTWOORD_MIN).max(WACHTWOORD_MAX).optional(),
  })
  .strict();

/** Left out: a new start password, as for a new user. */
export const wachtwoordHerstelSchema = z
  .object({ wachtwoord: z.string().min(WACHTWOORD_MIN).max(WACHTWOORD_MAX).optional() })
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

export { toegangRegelSchema, toegangslogAntwoordSchema } from '../../domain/beheer/api.ts';

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

export { beheerGebruikerSchema };

export const caseloadWijzigingSchema = z
  .object({ gebruikerId: z.uuid(), clientId: recordIdSchema, toewijzen: z.boolean() })
  .strict();

export const reviewDelingWijzigingSchema = z
  .object({ casemanagerId: z.uuid(), clientId: recordIdSchema, delen: z.boolean() })
  .strict();

/** Access-log actions of the issue-14 screens (free of personal data, as ACTIES). */
export const BEHEER_ACTIES = {
  /** A beheerder listed clients by name and birth date (one row per client listed). */
  clientenGelezen: 'beheer:clienten-gelezen',
  /** A caseload file was checked (preview; no client stored). */
  importVoorbeeld: 'beheer:import-voorbeeld',
  /** One row per client a confirmed import stored. */
  clientGeimporteerd: 'beheer:client-geimporteerd',
} as const;

/**
 * A `;`-separated file as its header and rows (Papaparse), with the file line of each row. Empty
 * lines are skipped; a BOM (Excel's "CSV UTF-8") is dropped.
 */
export function leesImportBestand(bestand: string): {
  kop: string[];
  rijen: Record<string, string>[];
  regels: number[];
} {
  const { data } = Papa.parse<string[]>(bestand.replace(/^\uFEFF/, ''), {
    delimiter: ';',
    skipEmptyLines: false,
  });
  const [kop = [], ...rest] = data;
  const rijen: Record<string, string>[] = [];
  const regels: number[] = [];
  rest.forEach((cellen, i) => {
    if (cellen.every((c) => c.trim() === '')) return;
    rijen.push(Object.fromEntries(kop.map((k, j) => [k, cellen[j] ?? ''])));
    regels.push(i + 2);
  });
  return { kop, rijen, regels };
}

const BESCHERMD = { 401: FOUT, 403: FOUT };
const zwakWachtwoord = (bezwaar: keyof typeof WACHTWOORD_BEZWAAR_TEKST) =>
  zwakWachtwoordAntwoord('body.wachtwoord', WACHTWOORD_BEZWAAR_TEKST[bezwaar]);

export const beheerRoutes: FastifyPluginAsyncZod = async (app) => {
  // onRequest: before the body is parsed, so a stranger learns nothing from a 400.
  app.addHook('onRequest', app.vereisRol('beheerder'));

  app.get(
    '/beheer/gebruikers',
    {
      schema: {
        response: {
          200: z.object({ gebruikers: z.array(beheerGebruikerSchema) }),
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
        const status = await accountStatussen(tx, app.nu());
        for (const g of await lijstGebruikers(tx)) {
          gebruikers.push({
            ...g,
            laatsteLogin: null,
            actieveSessies: 0,
            laatstActief: null,
            moetWachtwoordWijzigen: false,
            ...status.get(g.id),
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

  app.post(
    '/beheer/gebruikers',
    {
      schema: {
        body: nieuweGebruikerSchema,
        response: {
          // With a password given: the user (as before issue 14); without: { gebruiker,
          // startwachtwoord }.
          201: z.union([startwachtwoordAntwoordSchema, gebruikerSchema]),
          400: FOUT,
          409: FOUT,
          ...BESCHERMD,
        },
      },
    },
    async (request, reply) => {
      const beheerder = ingelogd(request);
      const gegeven = request.body.wachtwoord;
      const wachtwoord = gegeven ?? maakStartwachtwoord();
      const bezwaar = wachtwoordBezwaar(wachtwoord, request.body.gebruikersnaam);
      if (bezwaar) return reply.code(400).send(zwakWachtwoord(bezwaar));
      const gebruiker = await app.store.transaction(async (tx) => {
        const g = await maakGebruiker(tx, { ...request.body, wachtwoord });
        if (!g) return null;
        // Issue 14: any password a beheerder set is a start password (she knows it): the user
        // chooses her own at her first login.
        await zetMoetWachtwoordWijzigen(tx, g.id, true);
        await logToegang(tx, beheerder, ACTIES.gebruikerAangemaakt, null, 1, {
          betreftGebruiker: g.id,
        });
        return g;
      });
      if (!gebruiker) {
        return reply.code(409).send({ error: 'conflict', message: 'Username already taken' });
      }
      if (gegeven !== undefined) return reply.code(201).send(gebruiker);
      return reply.code(201).send({ gebruiker, startwachtwoord: wachtwoord });
    },
  );

  app.post(
    '/beheer/gebruikers/:id/intrekken',
    {
      schema: opGebruikerSchema(z.object({ ingetrokken: z.number().int().nonnegative() }), {}),
    },
    async (request, reply) => {
      const beheerder = ingelogd(request);
      if (!(await gebruikerOf404(app.store, request.params.id, reply))) return reply;
      const ingetrokken = await trekAlleSessiesIn(app.store, request.params.id, app.nu());
      await logToegang(app.store, beheerder, ACTIES.sessiesIngetrokken, null, ingetrokken, {
        betreftGebruiker: request.params.id,
      });
      return { ingetrokken };
    },
  );

  // Deactivate (or reactivate) an account: no login, and every session ends at once.
  app.put(
    '/beheer/gebruikers/:id/actief',
    {
      schema: {
        ...opGebruikerSchema(
          z.object({ actief: z.boolean(), ingetrokken: z.number().int().nonnegative() }),
          { 409: FOUT },
        ),
        body: actiefSchema,
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
  app.post(
    '/beheer/gebruikers/:id/wachtwoord',
    {
      schema: {
        ...opGebruikerSchema(wachtwoordHerstelAntwoordSchema, {}),
        body: wachtwoordHerstelSchema,
      },
    },
    async (request, reply) => {
      const beheerder = ingelogd(request);
      const { id } = request.params;
      const gebruiker = await gebruikerOf404(app.store, id, reply);
      if (!gebruiker) return reply;
      const gegeven = request.body.wachtwoord;
      const wachtwoord = gegeven ?? maakStartwachtwoord();
      const bezwaar = wachtwoordBezwaar(wachtwoord, gebruiker.gebruikersnaam);
      if (bezwaar) return reply.code(400).send(zwakWachtwoord(bezwaar));
      const ingetrokken = await app.store.transaction(async (tx) => {
        await zetWachtwoord(tx, id, wachtwoord);
        // A reset password is a start password (the beheerder knows it): she chooses her own at
        // her next login.
        await zetMoetWachtwoordWijzigen(tx, id, true);
        const n = await trekAlleSessiesIn(tx, id, app.nu());
        await logToegang(tx, beheerder, ACTIES.wachtwoordHersteld, null, n, {
          betreftGebruiker: id,
        });
        return n;
      });
      return gegeven === undefined ? { ingetrokken, startwachtwoord: wachtwoord } : { ingetrokken };
    },
  );

  // The access log (NEN 7513) per client or per user over a period; JSON or CSV. Reading it is
  // itself logged, in the same transaction.
  app.get(
    '/beheer/toegangslog',
    {
      schema: {
        querystring: toegangslogVraagSchema,
        // formaat=csv: the CSV text, sent as it is (a string skips the serializer).
        response: {
          200: z.union([toegangslogAntwoordSchema, z.string()]),
          400: FOUT,
          ...BESCHERMD,
        },
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

  /**
   * Gives or takes one user's access to one client (caseload or review share), with the log line
   * naming her: per user, the log then shows which clients were given to her or taken away.
   * geefToegang gives the client's records new revs: her pull cursor may already be past them, so
   * the next pull brings them (other users just receive them again, unchanged).
   */
  const wijzigToegang = (
    beheerder: Gebruiker,
    wie: Gebruiker,
    clientId: string,
    soort: 'caseload' | 'review',
    aan: boolean,
  ) =>
    app.store.transaction(async (tx) => {
      if (aan) await geefToegang(tx, wie, clientId, soort, { door: beheerder.id });
      else if (soort === 'caseload') await verwijderUitCaseload(tx, wie.id, clientId);
      else await zetReviewDeling(tx, wie.id, clientId, false, beheerder.id);
      const actie = {
        caseload: [ACTIES.caseloadOntnomen, ACTIES.caseloadToegewezen],
        review: [ACTIES.reviewIngetrokken, ACTIES.reviewGedeeld],
      }[soort][aan ? 1 : 0]!;
      await logToegang(tx, beheerder, actie, clientId, 1, { betreftGebruiker: wie.id });
    });

  app.put(
    '/beheer/caseload',
    {
      schema: {
        body: caseloadWijzigingSchema,
        response: {
          200: caseloadWijzigingSchema,
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
      const gebruiker = await gebruikerOf404(app.store, gebruikerId, reply);
      if (!gebruiker) return reply;
      // A caseload would give a coordinator or beheerder client records: refused, not ignored.
      if (toewijzen && !heeftCaseload(gebruiker.rol)) {
        return reply
          .code(409)
          .send({ error: 'conflict', message: `A ${gebruiker.rol} has no caseload` });
      }
      await wijzigToegang(beheerder, gebruiker, clientId, 'caseload', toewijzen);
      return { gebruikerId, clientId, toewijzen };
    },
  );

  app.put(
    '/beheer/review-deling',
    {
      schema: {
        body: reviewDelingWijzigingSchema,
        response: {
          200: reviewDelingWijzigingSchema,
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
      const casemanager = await gebruikerOf404(app.store, casemanagerId, reply);
      if (!casemanager) return reply;
      if (delen && casemanager.rol !== 'casemanager') {
        return reply
          .code(409)
          .send({ error: 'conflict', message: 'Review shares go to a casemanager only' });
      }
      await wijzigToegang(beheerder, casemanager, clientId, 'review', delen);
      return { casemanagerId, clientId, delen };
    },
  );

  // Clients by name and birth date, with whose caseload they are in and the caseload history.
  // Least privilege (docs/beheer.md): nothing else of the client record; every client listed is
  // logged, as for the caseloads.
  app.get(
    '/beheer/clienten',
    { schema: { response: { 200: clientenAntwoordSchema, ...BESCHERMD } } },
    async (request) => {
      const beheerder = ingelogd(request);
      return app.store.transaction(async (tx) => {
        const clienten = await beheerClienten(tx);
        const perClient = new Map<string | null, number>(clienten.map((c) => [c.id, 1]));
        if (perClient.size === 0) perClient.set(null, 0);
        await logToegangPerClient(tx, beheerder, BEHEER_ACTIES.clientenGelezen, perClient);
        return {
          clienten: clienten.map((c) => ({
            ...c,
            caseload: [...c.caseload],
            historie: [...c.historie],
          })),
        };
      });
    },
  );

  // Import of an existing caseload (issue 14, point 3). `voorbeeld: true` checks and stores
  // nothing; otherwise the good rows that are not yet a client are stored (matched by BSN, or by
  // name and birth date: a second import of the same file stores nothing).
  app.post(
    '/beheer/import',
    {
      schema: {
        body: importVraagSchema,
        response: {
          200: importAntwoordSchema,
          400: FOUT,
          404: FOUT,
          409: FOUT,
          ...BESCHERMD,
        },
      },
    },
    async (request, reply) => {
      const beheerder = ingelogd(request);
      const { bestand, gebruikerId, voorbeeld } = request.body;
      const ontvanger = await vindGebruiker(app.store, gebruikerId);
      if (!ontvanger) return reply.code(404).send(GEBRUIKER_ONBEKEND);
      if (!heeftCaseload(ontvanger.rol) || !ontvanger.actief) {
        return reply
          .code(409)
          .send({ error: 'conflict', message: 'Import into an active caseload only' });
      }
      const { kop, rijen, regels } = leesImportBestand(bestand);
      const controle = controleerImport(kop, rijen, vandaagIn(app.nu()), regels);
      return app.store.transaction(async (tx) => {
        // Under an import lock, so two imports at once cannot both store the same client (the
        // record-write registration alone no longer excludes other writers: db/records.ts).
        if (!voorbeeld) {
          await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [IMPORT_LOCK]);
          await lockRecordWrites(tx);
        }
        const bestaand = await bestaandeClientSleutels(tx);
        const antwoordRijen: ImportRijAntwoord[] = [];
        const nieuw = [];
        for (const r of controle.rijen) {
          if (!r.ok) {
            antwoordRijen.push({
              regel: r.regel,
              status: 'fout',
              naam: null,
              geboortedatum: null,
              fouten: [...r.fouten],
            });
            continue;
          }
          const er = importSleutels(r.client).some((k) => bestaand.has(k));
          if (!er) nieuw.push(r.client);
          antwoordRijen.push({
            regel: r.regel,
            status: er ? 'bestaat' : 'nieuw',
            naam: `${r.client.voornaam} ${r.client.achternaam}`,
            geboortedatum: r.client.geboortedatum,
            fouten: [],
          });
        }
        let opgeslagen = 0;
        if (voorbeeld) {
          await logToegang(tx, beheerder, BEHEER_ACTIES.importVoorbeeld, null, rijen.length, {
            betreftGebruiker: gebruikerId,
          });
        } else {
          const ids = await schrijfImport(tx, nieuw, gebruikerId, beheerder.id, app.nu());
          opgeslagen = ids.length;
          const perClient = new Map<string | null, number>(ids.map((id) => [id, 1]));
          if (perClient.size === 0) perClient.set(null, 0);
          await logToegangPerClient(tx, beheerder, BEHEER_ACTIES.clientGeimporteerd, perClient, {
            betreftGebruiker: gebruikerId,
          });
        }
        return {
          rijen: antwoordRijen,
          onbekendeKolommen: [...controle.onbekendeKolommen],
          ontbrekendeKolommen: [...controle.ontbrekendeKolommen],
          opgeslagen,
        };
      });
    },
  );
};
