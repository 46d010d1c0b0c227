/**
 * The steps after a correct password (issue 14, points 2 and 4) and the beheerder's "Beveiliging"
 * (second-factor setting per organisation, status per user, reset of a lost device).
 *
 * A login whose answer lists `vereist` gets a "half" session (plugins/auth.ts: `halveSessie`,
 * `gebruiker` stays null), which reaches only these routes, and only its first open step:
 *
 * - `POST /api/auth/start/wachtwoord` `{ nieuw }`: she replaces her start password by her own
 *   (the policy of db/accounts.ts; not the start password again);
 * - `POST /api/auth/start/tweede-factor/begin`: a new TOTP secret as text, an `otpauth://` URL and
 *   a QR code (SVG markup, shown as a `data:` image: the CSP allows `img-src data:`);
 * - `POST /api/auth/start/tweede-factor/bevestig` `{ code }`: the first code from her app confirms
 *   the secret; the answer carries 10 recovery codes, shown once;
 * - `POST /api/auth/start/tweede-factor` `{ code }` or `{ herstelcode }`: the second factor at login.
 *
 * Each answers like a login (`gebruiker`, `verlooptOp`, `vereist` still open); an empty `vereist`
 * means the session is now a normal one. Wrong codes are limited per account (5 in 15 minutes,
 * then 429 with Retry-After), as logins are (routes/auth.ts). Secrets and codes are never logged
 * (app.ts logs method, route and status only).
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import {
  gebruikerSchema,
  loginResponseSchema,
  type Gebruiker,
  type LoginStap,
} from '../../sync/protocol/wire.ts';
import {
  WACHTWOORD_BEZWAAR_TEKST,
  WACHTWOORD_MAX,
  SESSIE_GLIJDEND_MS,
  controleerWachtwoordVan,
  sluitStap,
  trekAlleSessiesIn,
  wachtwoordBezwaar,
  zetWachtwoord,
} from '../db/accounts.ts';
import { pogingenStore } from '../db/login-pogingen.ts';
import { logToegang } from '../db/toegang.ts';
import {
  TF_ACTIES,
  begin,
  controleerCode,
  gebruikHerstelcode,
  herstel,
  maakHerstelcodes,
  maakTotp,
  tweedeFactorOverzicht,
  tweedeFactorVoorIedereen,
  wachtwoordGekozen,
  zetTweedeFactorVoorIedereen,
} from '../db/tweede-factor.ts';
import { ingelogd, sessieToken } from '../plugins/auth.ts';
import { antwoordMet, FOUT, zwakWachtwoordAntwoord } from '../plugins/zod-contract.ts';
import { gebruikerOf404, opGebruikerSchema } from './op-gebruiker.ts';

export const TF_MAX_POGINGEN = 5;
export const TF_VENSTER_MS = 15 * 60 * 1000;

export const startWachtwoordSchema = z
  .object({ nieuw: z.string().min(1).max(WACHTWOORD_MAX) })
  .strict();
export const codeSchema = z.object({ code: z.string().min(1).max(20) }).strict();
export const tweedeFactorInlogSchema = z.union([
  codeSchema,
  z.object({ herstelcode: z.string().min(1).max(40) }).strict(),
]);
export const inschrijvingSchema = z.object({
  geheim: z.string(),
  otpauthUrl: z.string(),
  qrSvg: z.string(),
});
export const bevestigingSchema = loginResponseSchema.extend({
  herstelcodes: z.array(z.string()),
});
export const beveiligingSchema = z.object({
  tweedeFactorVoorIedereen: z.boolean(),
  gebruikers: z.array(
    gebruikerSchema.extend({
      actief: z.boolean(),
      ingesteld: z.boolean(),
      verplicht: z.boolean(),
      herstelcodesOver: z.number().int().nonnegative(),
    }),
  ),
});
export const beveiligingInstellingSchema = z
  .object({ tweedeFactorVoorIedereen: z.boolean() })
  .strict();

const NIET_HALF = {
  error: 'unauthenticated',
  message: 'No login waiting for this step',
};
const TE_VEEL = {
  error: 'too_many_attempts',
  message: 'Too many wrong codes; try again after Retry-After seconds',
};
/** A refused code names its field, as every 400 does (the code itself is not echoed). */
const codeFout = (u: 'gebruikt' | 'onjuist', veld: 'body.code' | 'body.herstelcode') =>
  u === 'gebruikt'
    ? antwoordMet([{ veld, melding: 'Code was used already; wait for the next' }], 'code_used')
    : antwoordMet([{ veld, melding: 'Code is wrong' }], 'invalid_code');

/**
 * Hook: only a half session whose first open step is `stap`. @returns 401 otherwise (also for a
 * normal session: these steps are done).
 */
const eersteStap =
  (stap: LoginStap) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    if (request.halveSessie?.openStappen[0] !== stap) return reply.code(401).send(NIET_HALF);
  };

function half(request: FastifyRequest): Gebruiker {
  const h = request.halveSessie;
  if (!h) throw Object.assign(new Error('No half session'), { statusCode: 401 });
  return h.gebruiker;
}

export const tweedeFactorRoutes: FastifyPluginAsyncZod = async (app) => {
  // Counted in the database (migration 011), as the login limits are: shared by every process.
  await app.register(rateLimit, { global: false, store: pogingenStore(app.store, () => app.nu()) });
  const perAccount = app.createRateLimit({
    max: TF_MAX_POGINGEN,
    timeWindow: TF_VENSTER_MS,
    keyGenerator: (request) => `tf:${request.halveSessie?.gebruiker.id ?? request.ip}`,
  });

  /** 429 when the account used up its wrong codes; null when it may try. */
  const geblokt = async (request: FastifyRequest, reply: FastifyReply) => {
    const l = await perAccount(request, { increment: false });
    if (l.isAllowed || l.remaining > 0) return null;
    return reply
      .code(429)
      .header('retry-after', String(Math.max(1, Math.ceil(l.ttl / 1000))))
      .send(TE_VEEL);
  };

  /** Closes the step on this session; the answer of a login with the steps still open. */
  const naStap = async (request: FastifyRequest, stap: LoginStap) => {
    const g = half(request);
    const nu = app.nu();
    const over = await sluitStap(app.store, sessieToken(request) ?? '', stap, nu);
    if (over === null) throw Object.assign(new Error('Session gone'), { statusCode: 401 });
    const vereist = over as LoginStap[];
    const verlooptOp =
      vereist.length > 0
        ? (request.sessieVerlooptOp ?? nu)
        : new Date(nu.getTime() + SESSIE_GLIJDEND_MS);
    return { gebruiker: g, verlooptOp: verlooptOp.toISOString(), vereist };
  };

  const LOGIN_ANTWOORD = loginResponseSchema;

  app.post(
    '/auth/start/wachtwoord',
    {
      onRequest: eersteStap('wachtwoord'),
      schema: {
        body: startWachtwoordSchema,
        response: { 200: LOGIN_ANTWOORD, 400: FOUT, 401: FOUT },
      },
    },
    async (request, reply) => {
      const g = half(request);
      const { nieuw } = request.body;
      const bezwaar = wachtwoordBezwaar(nieuw, g.gebruikersnaam);
      if (bezwaar) {
        return reply
          .code(400)
          .send(zwakWachtwoordAntwoord('body.nieuw', WACHTWOORD_BEZWAAR_TEKST[bezwaar]));
      }
      if (await controleerWachtwoordVan(app.store, g.id, nieuw)) {
        return reply
          .code(400)
          .send(
            antwoordMet(
              [{ veld: 'body.nieuw', melding: 'Choose another than the start password' }],
              'same_password',
            ),
          );
      }
      await app.store.transaction(async (tx) => {
        await zetWachtwoord(tx, g.id, nieuw);
        await wachtwoordGekozen(tx, g.id);
        // Whoever else logged in with the start password loses that session.
        await trekAlleSessiesIn(tx, g.id, app.nu(), sessieToken(request));
        await logToegang(tx, g, TF_ACTIES.startwachtwoordVervangen, null, 0);
      });
      return naStap(request, 'wachtwoord');
    },
  );

  app.post(
    '/auth/start/tweede-factor/begin',
    {
      onRequest: eersteStap('tweedeFactorInstellen'),
      schema: { response: { 200: inschrijvingSchema, 401: FOUT, 409: FOUT } },
    },
    async (request, reply) => {
      const g = half(request);
      const geheim = await begin(app.store, g.id, app.nu());
      if (!geheim) {
        return reply
          .code(409)
          .send({ error: 'already_set_up', message: 'A second factor is set up already' });
      }
      const otpauthUrl = maakTotp(geheim, g.gebruikersnaam).toString();
      const qrSvg = await QRCode.toString(otpauthUrl, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 2,
      });
      return { geheim, otpauthUrl, qrSvg };
    },
  );

  app.post(
    '/auth/start/tweede-factor/bevestig',
    {
      onRequest: eersteStap('tweedeFactorInstellen'),
      schema: {
        body: codeSchema,
        response: {
          200: bevestigingSchema,
          400: FOUT,
          401: FOUT,
          429: FOUT,
        },
      },
    },
    async (request, reply) => {
      const g = half(request);
      const blok = await geblokt(request, reply);
      if (blok) return blok;
      const nu = app.nu();
      const uitkomst = await app.store.transaction(async (tx) => {
        const u = await controleerCode(tx, g.id, request.body.code, nu, { inschrijving: true });
        if (u !== 'ok') return { u, herstelcodes: [] };
        await logToegang(tx, g, TF_ACTIES.ingesteld, null, 0);
        return { u, herstelcodes: await maakHerstelcodes(tx, g.id) };
      });
      if (uitkomst.u !== 'ok') {
        await perAccount(request);
        return reply.code(400).send(codeFout(uitkomst.u, 'body.code'));
      }
      return {
        ...(await naStap(request, 'tweedeFactorInstellen')),
        herstelcodes: uitkomst.herstelcodes,
      };
    },
  );

  app.post(
    '/auth/start/tweede-factor',
    {
      onRequest: eersteStap('tweedeFactor'),
      schema: {
        body: tweedeFactorInlogSchema,
        response: { 200: LOGIN_ANTWOORD, 400: FOUT, 401: FOUT, 429: FOUT },
      },
    },
    async (request, reply) => {
      const g = half(request);
      const blok = await geblokt(request, reply);
      if (blok) return blok;
      const nu = app.nu();
      const body = request.body;
      let uitkomst: 'ok' | 'gebruikt' | 'onjuist';
      if ('herstelcode' in body) {
        uitkomst = (await gebruikHerstelcode(app.store, g.id, body.herstelcode, nu))
          ? 'ok'
          : 'onjuist';
        if (uitkomst === 'ok')
          await logToegang(app.store, g, TF_ACTIES.herstelcodeGebruikt, null, 0);
      } else {
        uitkomst = await app.store.transaction((tx) =>
          controleerCode(tx, g.id, body.code, nu, { inschrijving: false }),
        );
      }
      if (uitkomst !== 'ok') {
        // A replayed code is not a guess (it was right once), but still refused and logged.
        if (uitkomst === 'onjuist') await perAccount(request);
        await logToegang(app.store, g, TF_ACTIES.geweigerd, null, 0, { uitkomst: 'geweigerd' });
        return reply
          .code(400)
          .send(codeFout(uitkomst, 'herstelcode' in body ? 'body.herstelcode' : 'body.code'));
      }
      return naStap(request, 'tweedeFactor');
    },
  );

  // --- Beheer: the "Beveiliging" screen ------------------------------------------------------

  const beheer = app.vereisRol('beheerder');
  const BESCHERMD = { 401: FOUT, 403: FOUT };

  app.get(
    '/beheer/beveiliging',
    { onRequest: beheer, schema: { response: { 200: beveiligingSchema, ...BESCHERMD } } },
    async (request) => {
      const overzicht = await tweedeFactorOverzicht(app.store);
      await logToegang(
        app.store,
        ingelogd(request),
        TF_ACTIES.beveiligingGelezen,
        null,
        overzicht.length,
      );
      return {
        tweedeFactorVoorIedereen: await tweedeFactorVoorIedereen(app.store),
        gebruikers: overzicht,
      };
    },
  );

  app.put(
    '/beheer/beveiliging',
    {
      onRequest: beheer,
      schema: {
        body: beveiligingInstellingSchema,
        response: { 200: beveiligingInstellingSchema, 400: FOUT, ...BESCHERMD },
      },
    },
    async (request) => {
      const aan = request.body.tweedeFactorVoorIedereen;
      await app.store.transaction(async (tx) => {
        await zetTweedeFactorVoorIedereen(tx, aan);
        await logToegang(tx, ingelogd(request), TF_ACTIES.instellingGewijzigd, null, aan ? 1 : 0);
      });
      return { tweedeFactorVoorIedereen: aan };
    },
  );

  app.post(
    '/beheer/gebruikers/:id/tweede-factor/herstel',
    {
      onRequest: beheer,
      schema: opGebruikerSchema(
        z.object({ hersteld: z.boolean(), ingetrokken: z.number().int() }),
        {},
      ),
    },
    async (request, reply) => {
      const beheerder = ingelogd(request);
      const { id } = request.params;
      if (!(await gebruikerOf404(app.store, id, reply))) return reply;
      return app.store.transaction(async (tx) => {
        const hersteld = await herstel(tx, id);
        // Her sessions end: the next login asks her to set up the second factor again.
        const ingetrokken = await trekAlleSessiesIn(
          tx,
          id,
          app.nu(),
          id === beheerder.id ? sessieToken(request) : undefined,
        );
        await logToegang(tx, beheerder, TF_ACTIES.hersteldDoorBeheer, null, ingetrokken, {
          betreftGebruiker: id,
        });
        return { hersteld, ingetrokken };
      });
    },
  );
};
