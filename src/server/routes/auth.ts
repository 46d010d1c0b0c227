/**
 * POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me (issue 5, item 1), and
 * POST /api/auth/wachtwoord: change your own password (issue 12, point 8).
 *
 * Login answers an unknown user, a wrong password and an inactive account with the same 401 and
 * in about the same time (one scrypt each way), so the reply says nothing about which accounts
 * exist. Bodies are never logged (app.ts logs method, route and status only).
 *
 * Guessing is limited (issue 12, point 7) with @fastify/rate-limit: failed logins count per account
 * (LOGIN_MAX_PER_ACCOUNT) and per address (LOGIN_MAX_PER_ADRES) in a window of LOGIN_VENSTER_MS;
 * once either is reached every login for that account or from that address is answered 429 with
 * `Retry-After` (seconds) until the window ends — also with the right password (a lockout). Only
 * failures count, so a nurse who logs in many times a day is never locked out. The account key is
 * the lower-cased username, whether or not it exists (the answer says nothing about that). The
 * counts are kept in the database (db/login-pogingen.ts), so every process on it shares them.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginRequestSchema, loginResponseSchema } from '../../sync/protocol/wire.ts';
import {
  WACHTWOORD_BEZWAAR_TEKST,
  WACHTWOORD_MAX,
  controleerLogin,
  controleerWachtwoordVan,
  gebruikerIdVoorNaam,
  maakSessie,
  trekAlleSessiesIn,
  trekSessieIn,
  wachtwoordBezwaar,
  zetWachtwoord,
} from '../db/accounts.ts';
import { pogingenStore } from '../db/login-pogingen.ts';
import { ACTIES, logToegang } from '../db/toegang.ts';
import { openStappenNaWachtwoord } from '../db/tweede-factor.ts';
import { ingelogd, sessieToken, wisSessieCookie, zetSessieCookie } from '../plugins/auth.ts';
import { FOUT, zwakWachtwoordAntwoord } from '../plugins/zod-contract.ts';

/** Change your own password: the current one (proof it is you, not a borrowed session) and a new one. */
export const wachtwoordWijzigingSchema = z
  .object({
    huidig: z.string().min(1).max(WACHTWOORD_MAX),
    nieuw: z.string().min(1).max(WACHTWOORD_MAX),
  })
  .strict();

const ONJUIST = {
  error: 'invalid_credentials',
  message: 'Unknown username or wrong password',
};

export const LOGIN_MAX_PER_ACCOUNT = 5;
export const LOGIN_MAX_PER_ADRES = 20;
export const LOGIN_VENSTER_MS = 15 * 60 * 1000;

const accountSleutel = (request: FastifyRequest): string => {
  const naam = (request.body as { gebruikersnaam?: unknown } | undefined)?.gebruikersnaam;
  return `account:${typeof naam === 'string' ? naam.trim().toLowerCase() : ''}`;
};

const TE_VEEL = {
  error: 'too_many_attempts',
  message: 'Too many failed logins; try again after Retry-After seconds',
};

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  // Encapsulated here: only login is limited, by the two limiters below (not per request). The
  // counts live in the database (migration 011), shared by every server process on it.
  await app.register(rateLimit, { global: false, store: pogingenStore(app.store, () => app.nu()) });
  const perAccount = app.createRateLimit({
    max: LOGIN_MAX_PER_ACCOUNT,
    timeWindow: LOGIN_VENSTER_MS,
    keyGenerator: accountSleutel,
  });
  const perAdres = app.createRateLimit({
    max: LOGIN_MAX_PER_ADRES,
    timeWindow: LOGIN_VENSTER_MS,
    keyGenerator: (request) => `adres:${request.ip}`,
  });

  app.post(
    '/auth/login',
    {
      schema: {
        body: loginRequestSchema,
        response: { 200: loginResponseSchema, 400: FOUT, 401: FOUT, 429: FOUT },
      },
    },
    async (request, reply) => {
      const { gebruikersnaam, wachtwoord } = request.body;
      const [account, adres] = await Promise.all([
        perAccount(request, { increment: false }),
        perAdres(request, { increment: false }),
      ]);
      const geblokt = [account, adres].filter((l) => !l.isAllowed && l.remaining <= 0);
      if (geblokt.length > 0) {
        const seconden = Math.max(
          1,
          ...geblokt.map((l) => (l.isAllowed ? 0 : Math.ceil(l.ttl / 1000))),
        );
        return reply.code(429).header('retry-after', String(seconden)).send(TE_VEEL);
      }
      const gebruiker = await controleerLogin(app.store, gebruikersnaam, wachtwoord);
      if (!gebruiker) {
        // NEN 7513: a failed login is logged, against the account when the name exists (the
        // typed name itself never: people type their password there), from its source address.
        const id = await gebruikerIdVoorNaam(app.store, gebruikersnaam);
        await logToegang(app.store, id ? { id } : null, ACTIES.login, null, 0, {
          uitkomst: 'geweigerd',
        });
        await Promise.all([perAccount(request), perAdres(request)]);
        return reply.code(401).send(ONJUIST);
      }
      const nu = app.nu();
      // Issue 14: a start password or a second factor still to give makes a "half" session.
      const vereist = await openStappenNaWachtwoord(app.store, gebruiker.id, gebruiker.rol);
      const sessie = await app.store.transaction(async (tx) => {
        // A new login on this browser ends the session it held before: one live session per cookie.
        const oud = sessieToken(request);
        if (oud) await trekSessieIn(tx, oud, nu);
        await logToegang(tx, gebruiker, ACTIES.login, null, 0);
        return maakSessie(tx, gebruiker.id, nu, vereist);
      });
      zetSessieCookie(reply, sessie, nu);
      // `vereist` only when steps are open: a normal login answers as it always did.
      return {
        gebruiker,
        verlooptOp: sessie.verlooptOp.toISOString(),
        ...(vereist.length > 0 ? { vereist } : {}),
      };
    },
  );

  // Idempotent: logging out without (or with an ended) session still clears the cookie.
  app.post(
    '/auth/logout',
    { schema: { response: { 204: z.undefined() } } },
    async (request, reply) => {
      const token = sessieToken(request);
      if (token) {
        const ingetrokken = await trekSessieIn(app.store, token, app.nu());
        if (ingetrokken && request.gebruiker) {
          await logToegang(app.store, request.gebruiker, ACTIES.logout, null, 0);
        }
      }
      wisSessieCookie(reply);
      return reply.code(204).send();
    },
  );

  app.get(
    '/auth/me',
    {
      onRequest: app.authenticate,
      schema: { response: { 200: loginResponseSchema, 401: FOUT } },
    },
    async (request) => ({
      gebruiker: ingelogd(request),
      verlooptOp: (request.sessieVerlooptOp ?? app.nu()).toISOString(),
    }),
  );

  app.post(
    '/auth/wachtwoord',
    {
      onRequest: app.authenticate,
      schema: {
        body: wachtwoordWijzigingSchema,
        response: {
          200: z.object({ sessiesBeeindigd: z.number().int().nonnegative() }),
          400: FOUT,
          401: FOUT,
          403: FOUT,
        },
      },
    },
    async (request, reply) => {
      const g = ingelogd(request);
      const { huidig, nieuw } = request.body;
      if (!(await controleerWachtwoordVan(app.store, g.id, huidig))) {
        await logToegang(app.store, g, ACTIES.wachtwoordGewijzigd, null, 0, {
          uitkomst: 'geweigerd',
        });
        return reply
          .code(403)
          .send({ error: 'invalid_credentials', message: 'Current password is wrong' });
      }
      const bezwaar = wachtwoordBezwaar(nieuw, g.gebruikersnaam);
      if (bezwaar) {
        return reply
          .code(400)
          .send(zwakWachtwoordAntwoord('body.nieuw', WACHTWOORD_BEZWAAR_TEKST[bezwaar]));
      }
      const sessiesBeeindigd = await app.store.transaction(async (tx) => {
        await zetWachtwoord(tx, g.id, nieuw);
        // Someone who knew the old password loses her session; this one stays.
        const n = await trekAlleSessiesIn(tx, g.id, app.nu(), sessieToken(request));
        await logToegang(tx, g, ACTIES.wachtwoordGewijzigd, null, 0);
        return n;
      });
      return { sessiesBeeindigd };
    },
  );
};
