/**
 * POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me (issue 5, item 1), and
 * POST /api/auth/wachtwoord: change your own password (issue 12, point 8).
 *
 * Login answers an unknown user, a wrong password and an inactive account with the same 401 and
 * in about the same time (one scrypt each way), so the reply says nothing about which accounts
 * exist. Bodies are never logged (app.ts logs method, route and status only).
 */
import type { FastifyPluginAsync } from 'fastify';
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
import { ACTIES, logToegang } from '../db/toegang.ts';
import { ingelogd, sessieToken, wisSessieCookie, zetSessieCookie } from '../plugins/auth.ts';
import { FOUT, antwoord, zodValidatorCompiler } from '../plugins/zod-contract.ts';

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

export const authRoutes: FastifyPluginAsync = async (app) => {
  app.setValidatorCompiler(zodValidatorCompiler);

  app.post<{ Body: z.infer<typeof loginRequestSchema> }>(
    '/auth/login',
    {
      schema: {
        body: loginRequestSchema,
        response: { 200: antwoord(loginResponseSchema), 400: FOUT, 401: FOUT },
      },
    },
    async (request, reply) => {
      const { gebruikersnaam, wachtwoord } = request.body;
      const gebruiker = await controleerLogin(app.store, gebruikersnaam, wachtwoord);
      if (!gebruiker) {
        // NEN 7513: a failed login is logged, against the account when the name exists (the
        // typed name itself never: people type their password there), from its source address.
        const id = await gebruikerIdVoorNaam(app.store, gebruikersnaam);
        await logToegang(app.store, id ? { id } : null, ACTIES.login, null, 0, {
          uitkomst: 'geweigerd',
        });
        return reply.code(401).send(ONJUIST);
      }
      const nu = app.nu();
      const sessie = await app.store.transaction(async (tx) => {
        // A new login on this browser ends the session it held before: one live session per cookie.
        const oud = sessieToken(request);
        if (oud) await trekSessieIn(tx, oud, nu);
        await logToegang(tx, gebruiker, ACTIES.login, null, 0);
        return maakSessie(tx, gebruiker.id, nu);
      });
      zetSessieCookie(reply, sessie, nu);
      return { gebruiker, verlooptOp: sessie.verlooptOp.toISOString() };
    },
  );

  // Idempotent: logging out without (or with an ended) session still clears the cookie.
  app.post(
    '/auth/logout',
    { schema: { response: { 204: { type: 'null' } } } },
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
      schema: { response: { 200: antwoord(loginResponseSchema), 401: FOUT } },
    },
    async (request) => ({
      gebruiker: ingelogd(request),
      verlooptOp: (request.sessieVerlooptOp ?? app.nu()).toISOString(),
    }),
  );

  app.post<{ Body: z.infer<typeof wachtwoordWijzigingSchema> }>(
    '/auth/wachtwoord',
    {
      onRequest: app.authenticate,
      schema: {
        body: wachtwoordWijzigingSchema,
        response: {
          200: antwoord(z.object({ sessiesBeeindigd: z.number().int().nonnegative() })),
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
          .send({ error: 'weak_password', message: WACHTWOORD_BEZWAAR_TEKST[bezwaar] });
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
