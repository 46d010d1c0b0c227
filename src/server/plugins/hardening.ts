/**
 * HTTP hardening and input bounds for every route (issue 12, points 5–7). Registered once in
 * app.ts, before the routes; wrapped with fastify-plugin so its hooks reach every route plugin.
 *
 * - Security headers with @fastify/helmet: a Content-Security-Policy that fits the PWA (only our
 *   own origin for scripts, styles, images, fetches, the web manifest and the service worker;
 *   no frames, no plugins, no inline script), `frame-ancestors 'none'` (+ X-Frame-Options DENY),
 *   `nosniff`, `Referrer-Policy: no-referrer`.
 * - `Cache-Control: no-store` on every /api answer: no client data in any HTTP cache (the
 *   service worker, a proxy or the browser's disk cache).
 * - Origin check: a state-changing request (POST, PUT, PATCH, DELETE) whose `Origin` header names
 *   another host than the one it was sent to is answered 403 before anything else runs. Without
 *   an Origin header (curl, the CLI, a server) it passes: the session cookie is SameSite=Strict,
 *   so a browser never sends it cross-site anyway; this is the second lock on the door.
 * - Input bounds (preValidation, before any schema or query): a body, query string or route
 *   parameter nested deeper than MAX_DIEPTE, with a string or key holding NUL or a lone surrogate
 *   (refused by PostgreSQL: a 5xx otherwise), or with a key `__proto__` / `constructor` /
 *   `prototype` is a 400. The body size is bounded by Fastify's bodyLimit (app.ts). The JSON
 *   parser already refuses `__proto__` and `constructor.prototype` (secure-json-parse); this
 *   also covers query strings.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { heeftOngeldigeTekens } from '../../domain/model/tekst.ts';
import { antwoordMet } from './zod-contract.ts';

/** Deepest nesting any request may have; the deepest real record (a planVersie) is about 6. */
export const MAX_DIEPTE = 16;

const VERBODEN_SLEUTELS = new Set(['__proto__', 'constructor', 'prototype']);
const WIJZIGEND = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * POST /api/sync/push: text inside `mutations[].fields` is judged per mutation (a bad one is
     * answered `rejected` and the batch goes on), so here only its depth is bounded.
     */
    tekstPerMutatie?: boolean;
  }
}

/** Why a value may not enter: where (a dotted path, '' for the value itself) and what is wrong. */
export interface InvoerProbleem {
  readonly pad: string;
  readonly melding: string;
  readonly toegestaan: string;
}

const TEKST_ZONDER_FOUTE_TEKENS = 'tekst zonder NUL en zonder losse surrogaten';

/**
 * Why this value may not enter (null: fine). Iterative, so a hostile depth cannot blow the stack.
 * @param perItem objects whose content is checked elsewhere: only their depth counts here.
 */
export function invoerProbleem(
  waarde: unknown,
  perItem: ReadonlySet<unknown> = new Set(),
): InvoerProbleem | null {
  const stapel: Array<{ v: unknown; diepte: number; vrij: boolean; pad: string }> = [
    { v: waarde, diepte: 0, vrij: false, pad: '' },
  ];
  const onder = (pad: string, k: string) => (pad ? `${pad}.${k}` : k);
  while (stapel.length > 0) {
    const { v, diepte, vrij: boven, pad } = stapel.pop()!;
    if (typeof v === 'string') {
      if (!boven && heeftOngeldigeTekens(v)) {
        return {
          pad,
          melding: 'Invalid characters in text',
          toegestaan: TEKST_ZONDER_FOUTE_TEKENS,
        };
      }
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (diepte >= MAX_DIEPTE) {
      return { pad, melding: 'Nested too deeply', toegestaan: `maximaal ${MAX_DIEPTE} niveaus` };
    }
    const vrij = boven || perItem.has(v);
    if (Array.isArray(v)) {
      v.forEach((x, i) =>
        stapel.push({ v: x, diepte: diepte + 1, vrij, pad: onder(pad, String(i)) }),
      );
      continue;
    }
    for (const k of Object.keys(v)) {
      // A bad key is not echoed: it may be unprintable.
      if (!vrij && heeftOngeldigeTekens(k)) {
        return {
          pad,
          melding: 'Invalid characters in a key',
          toegestaan: TEKST_ZONDER_FOUTE_TEKENS,
        };
      }
      if (!vrij && VERBODEN_SLEUTELS.has(k)) {
        return {
          pad: onder(pad, k),
          melding: 'Forbidden key',
          toegestaan: 'geen __proto__, constructor of prototype',
        };
      }
      stapel.push({
        v: (v as Record<string, unknown>)[k],
        diepte: diepte + 1,
        vrij,
        pad: onder(pad, k),
      });
    }
  }
  return null;
}

/** The `fields` objects of a push body (checked per mutation by the push route). */
function mutatieVelden(body: unknown): Set<unknown> {
  const mutaties = (body as { mutations?: unknown } | null)?.mutations;
  if (!Array.isArray(mutaties)) return new Set();
  return new Set(mutaties.map((m) => (m as { fields?: unknown } | null)?.fields));
}

/** True when the request's Origin header (if any) names the host the request was sent to. */
function eigenOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false; // "null" (a sandboxed frame, a file) or garbage
  }
}

async function hardeningImpl(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        // React sets style attributes through the CSSOM, which CSP does not govern: no
        // 'unsafe-inline' needed.
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'manifest-src': ["'self'"],
        // The Workbox service worker (sw.js and its workbox-*.js chunk) is same-origin.
        'worker-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-src': ["'none'"],
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Behind https (TRUST_PROXY) HSTS is wanted; on plain http browsers ignore it.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
  });

  app.addHook('onRequest', async (request, reply) => {
    if (WIJZIGEND.has(request.method) && !eigenOrigin(request)) {
      return reply.code(403).send({ error: 'forbidden_origin', message: 'Cross-origin request' });
    }
  });

  app.addHook('preValidation', async (request, reply) => {
    const perItem = request.routeOptions.config.tekstPerMutatie
      ? mutatieVelden(request.body)
      : undefined;
    const delen = [
      ['body', () => invoerProbleem(request.body, perItem)],
      ['querystring', () => invoerProbleem(request.query)],
      ['params', () => invoerProbleem(request.params)],
    ] as const;
    for (const [deel, probleem] of delen) {
      const p = probleem();
      if (!p) continue;
      // The value is not echoed: it is what the schema never gets to see (NUL, a lone surrogate,
      // a structure too deep to show).
      const veld = p.pad ? `${deel}.${p.pad}` : deel;
      return reply
        .code(400)
        .send(antwoordMet([{ veld, melding: p.melding, toegestaan: p.toegestaan }]));
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}

export const hardeningPlugin = fp(hardeningImpl, { name: 'arrangeur-hardening', fastify: '5.x' });
