/**
 * Authentication and roles for every route (issue 5, item 1; docs/style.md 17: role checks live in
 * hooks, never inside handlers).
 *
 * - Reads the session cookie on each request and sets `request.gebruiker` (null when there is no
 *   valid session). Wrapped with fastify-plugin, so the decorations reach every route plugin.
 * - `app.authenticate`: a hook answering 401 without a valid session.
 * - `app.vereisRol(...rollen)`: a hook answering 401 without a session, 403 for another role.
 *
 * Use them as `onRequest` (preferred) or `preHandler` hooks: `{ onRequest: app.authenticate }` on a
 * route, or `app.addHook('onRequest', app.vereisRol('beheerder'))` for a whole route plugin; then
 * `ingelogd(request)` in the handler gives the (non-null) user. onRequest runs before the body is
 * parsed and validated, so a stranger gets a 401, not a 400 that describes the contract.
 *
 * The cookie holds a random token only; the database holds its sha256 (see db/accounts.ts).
 * Neither is ever logged.
 */
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Gebruiker, Rol } from '../../sync/protocol/wire.ts';
import { gebruikSessie, type NieuweSessie } from '../db/accounts.ts';
import { toegangContext } from '../db/toegang.ts';

export const SESSIE_COOKIE = 'arrangeur_sessie';

/** Fits both `onRequest` and `preHandler` (same signature in Fastify 5). */
export type AuthHook = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

export interface AuthOptions {
  /** The clock for session expiry; tests pass one they can move. Default: the real time. */
  readonly nu?: () => Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in user, or null. Set by the first onRequest hook, before any route hook. */
    gebruiker: Gebruiker | null;
    /** When the current session ends unless used again; null without a session. */
    sessieVerlooptOp: Date | null;
    /**
     * A "half" session (issue 14): the password was right but steps are still open (a new
     * password, the second factor). `gebruiker` is then null, so every other route answers 401;
     * only the routes of those steps (routes/tweede-factor.ts) read this.
     */
    halveSessie: { gebruiker: Gebruiker; openStappen: readonly string[] } | null;
  }
  interface FastifyInstance {
    /** Hook: 401 `{ error: 'unauthenticated' }` without a valid session. */
    authenticate: AuthHook;
    /** Hook: 401 without a session, 403 `{ error: 'forbidden' }` for a role not listed. */
    vereisRol(...rollen: Rol[]): AuthHook;
    /** The server's clock (session expiry); one source so tests can move it. */
    nu(): Date;
  }
}

/** The user of a request that passed `authenticate` or `vereisRol`; a 401 otherwise. */
export function ingelogd(request: FastifyRequest): Gebruiker {
  if (!request.gebruiker) {
    // Only reached when a route forgot its auth hook: still a 401, never a 500 or a leak.
    throw Object.assign(new Error('Not logged in'), { statusCode: 401 });
  }
  return request.gebruiker;
}

/**
 * HttpOnly: scripts (and so an XSS) cannot read it. SameSite=Strict: no other site can make the
 * browser send it (CSRF). Path=/api: static files never carry it. Secure on https ('auto'; plain
 * http stays possible on localhost). It lives until the absolute end; the sliding end is
 * enforced by the server.
 */
export function zetSessieCookie(reply: FastifyReply, sessie: NieuweSessie, nu: Date): void {
  reply.setCookie(SESSIE_COOKIE, sessie.token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/api',
    secure: 'auto',
    maxAge: Math.floor((sessie.uiterlijk.getTime() - nu.getTime()) / 1000),
  });
}

export function wisSessieCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSIE_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/api',
    secure: 'auto',
  });
}

/** The raw session token of the request, if any (for logout). */
export const sessieToken = (request: FastifyRequest): string | undefined =>
  request.cookies[SESSIE_COOKIE];

const NIET_INGELOGD = { error: 'unauthenticated', message: 'Not logged in or session ended' };
const VERBODEN = { error: 'forbidden', message: 'Not allowed for this role' };

async function authPluginImpl(app: FastifyInstance, opts: AuthOptions): Promise<void> {
  const nu = opts.nu ?? (() => new Date());
  app.decorate('nu', nu);
  await app.register(fastifyCookie);

  app.decorateRequest('gebruiker', null);
  app.decorateRequest('sessieVerlooptOp', null);
  app.decorateRequest('halveSessie', null);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSIE_COOKIE];
    if (!token) return;
    const sessie = await gebruikSessie(app.store, token, nu());
    if (!sessie) return;
    if (sessie.openStappen.length > 0) {
      request.halveSessie = { gebruiker: sessie.gebruiker, openStappen: sessie.openStappen };
      request.sessieVerlooptOp = sessie.verlooptOp;
      return;
    }
    request.gebruiker = sessie.gebruiker;
    request.sessieVerlooptOp = sessie.verlooptOp;
  });

  // Every access-log row written while handling this request carries its source address
  // (db/toegang.ts). A preHandler with `run(…, done)`: the context then reaches the handler, also
  // for requests with a body (an onRequest context would be lost by body parsing).
  app.addHook('preHandler', (request, _reply, done) => {
    toegangContext.run({ adres: request.ip, apparaat: null }, done);
  });

  const authenticate: AuthHook = async (request, reply) => {
    if (!request.gebruiker) return reply.code(401).send(NIET_INGELOGD);
  };
  app.decorate('authenticate', authenticate);

  app.decorate('vereisRol', (...rollen: Rol[]): AuthHook => {
    const toegestaan = new Set(rollen);
    return async (request, reply) => {
      if (!request.gebruiker) return reply.code(401).send(NIET_INGELOGD);
      if (!toegestaan.has(request.gebruiker.rol)) return reply.code(403).send(VERBODEN);
    };
  });
}

export const authPlugin = fp(authPluginImpl, { name: 'arrangeur-auth', fastify: '5.x' });
