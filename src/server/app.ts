import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
} from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { KostenWachtrij } from './db/kosten-wachtrij.ts';
import type { Store } from './db/store.ts';
import { authPlugin } from './plugins/auth.ts';
import { hardeningPlugin } from './plugins/hardening.ts';
import { metVeiligeSerializers } from './plugins/log.ts';
import { validatieFout } from './plugins/zod-contract.ts';
import { authRoutes } from './routes/auth.ts';
import { beheerRoutes } from './routes/beheer.ts';
import { casemanagerRoutes } from './routes/casemanagers.ts';
import { coordinatorRoutes } from './routes/coordinator.ts';
import { healthRoutes } from './routes/health.ts';
import { syncRoutes } from './routes/sync.ts';
import { tariefRoutes } from './routes/tarieven.ts';
import { tweedeFactorRoutes } from './routes/tweede-factor.ts';

export interface AppOptions {
  readonly store: Store;
  readonly schemaVersion: number;
  /** Folder of the built PWA (vite build → dist). null: API only (tests). */
  readonly staticDir: string | null;
  readonly logger?: FastifyServerOptions['logger'];
  /** Demo mode, reported by GET /api/config (the demo data itself is made in server/main.ts). */
  readonly demo?: boolean;
  /** The clock for session expiry (tests move it); default the real time. */
  readonly nu?: () => Date;
  /** Serve HTTPS with this certificate and key (PEM); default plain HTTP. */
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer } | null;
  /**
   * Fastify's trustProxy (config TRUST_PROXY): trust X-Forwarded-* from this proxy, so behind
   * https the session cookie is Secure and the login limit counts the real address. Default false.
   */
  readonly trustProxy?: boolean | string;
  /** Milliseconds after a push before the cost queue is drained in the background (default 20). */
  readonly kostenWachtMs?: number;
}

/**
 * A caller's X-Request-Id (a proxy or load balancer in front) is kept when it is a plain token of
 * at most 64 characters (letters, digits, `-_.:`), so one id follows a request through proxy and
 * server logs; anything else (too long, spaces, other characters that could smuggle data or
 * break a log line) is replaced by a fresh UUID.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestIdFor(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    /** The cost queue of this process (db/kosten-wachtrij.ts). */
    kostenWachtrij: KostenWachtrij;
  }
}

/**
 * The server as one app factory (Fastify demo src/app.ts): no port is opened here, so tests call
 * `buildApp(...)` and `app.inject(...)`. src/server/main.ts is the thin launcher.
 */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Errors are logged through one serializer that keeps no client data or secrets (plugins/log.ts).
    logger: metVeiligeSerializers(opts.logger ?? false),
    trustProxy: opts.trustProxy ?? false,
    // Request logs carry method, route and status only: never a query string, body or header
    // that could identify a client.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 5 * 1024 * 1024,
    // Every log line of a request carries `reqId`; the id is echoed in the X-Request-Id header.
    requestIdHeader: false,
    genReqId: (req) => requestIdFor(req.headers['x-request-id']),
    // HTTPS when TLS_CERT / TLS_KEY are set (config.ts); the instance type stays the HTTP one.
    ...(opts.tls ? { https: { cert: opts.tls.cert, key: opts.tls.key } } : {}),
    // A path Fastify cannot decode (bad percent-encoding) never reaches the error handler: it is
    // answered here, as every 400 is, naming the field (the value is not echoed: it is no text).
    frameworkErrors: (error, _req, res) => {
      const reply = res as unknown as FastifyReply;
      if (error.code === 'FST_ERR_BAD_URL') {
        const melding = 'params: not a valid URL component (percent-encoding)';
        return reply.code(400).send({
          error: 'bad_request',
          message: melding,
          fouten: [{ veld: 'params', toegestaan: 'UTF-8 percent-encoding', melding }],
        });
      }
      // Anything else (a failed async route constraint) is answered as the error handler would.
      if (error.statusCode && error.statusCode < 500) {
        return reply.code(error.statusCode).send({ error: 'bad_request', message: error.message });
      }
      return reply.code(500).send({ error: 'internal_error', message: 'Internal server error' });
    },
  });
  app.decorate('store', opts.store);
  // Pushes queue their changed clients; drained in the background and before coordinator reads.
  const wachtrij = new KostenWachtrij(
    opts.store,
    (err) => app.log.warn({ err }, 'kosten: queue not drained'),
    opts.kostenWachtMs,
  );
  app.decorate('kostenWachtrij', wachtrij);
  app.addHook('onClose', () => wachtrij.sluit());

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      { method: req.method, route: req.routeOptions.url ?? 'static', status: reply.statusCode },
      'request',
    );
  });

  // Every route's contract is its zod schemas (plugins/zod-contract.ts).
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // One error handler: 4xx says what was wrong; 5xx details stay in the log, never in the reply.
  // A 400 names each field, the value given and what is accepted — in the reply only: the value
  // may be client data, so nothing of it is logged.
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      req.log.error({ err: error, route: req.routeOptions.url }, 'request failed');
      return reply.code(500).send({ error: 'internal_error', message: 'Internal server error' });
    }
    const fout = status === 400 ? validatieFout(error, req) : null;
    return reply.code(status).send(fout ?? { error: 'bad_request', message: error.message });
  });

  // Before everything else: headers, the Origin check, input bounds, no-store on /api.
  await app.register(hardeningPlugin);
  // Before every route: sets request.gebruiker and the authenticate / vereisRol hooks.
  await app.register(authPlugin, opts.nu ? { nu: opts.nu } : {});
  await app.register(authRoutes, { prefix: '/api' });
  await app.register(beheerRoutes, { prefix: '/api' });
  await app.register(syncRoutes, { prefix: '/api' });
  await app.register(casemanagerRoutes, { prefix: '/api' });
  await app.register(tariefRoutes, { prefix: '/api' });
  await app.register(coordinatorRoutes, { prefix: '/api' });
  await app.register(tweedeFactorRoutes, { prefix: '/api' });
  await app.register(healthRoutes, {
    prefix: '/api',
    schemaVersion: opts.schemaVersion,
    demo: opts.demo ?? false,
  });

  const staticDir = opts.staticDir;
  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: staticDir,
      // The cache headers are ours (setHeaders); @fastify/send's own would overwrite them.
      cacheControl: false,
      // dist/assets has .br and .gz siblings (vite.config.ts preCompress): sent when accepted.
      preCompressed: true,
      // Why each class is cached the way it is: hashed assets never change → cache for a year;
      // the service worker and the shell must be re-checked on every visit, or an update would
      // never be seen (the service worker itself does the offline caching).
      setHeaders(res, path) {
        res.setHeader('vary', 'accept-encoding');
        if (/[/\\]assets[/\\]/.test(path)) {
          res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        } else {
          res.setHeader('cache-control', 'no-cache');
        }
      },
    });
  }

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !staticDir || req.method !== 'GET') {
      return reply.code(404).send({ error: 'not_found', message: 'Not found' });
    }
    // Client-side screens: any other GET gets the app shell.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  return app;
}
