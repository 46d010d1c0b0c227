import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { loadConfig, type ServerConfig } from './config.ts';
import { MIGRATION_LOCK_KEY, migrate } from './db/migrations.ts';
import { openPglite, openPostgres, type Store } from './db/store.ts';
import { maakDemoGebruikers } from './demo-users.ts';
import { maakDemoClienten } from './db/demo-data.ts';
import { bijwerkenBijStart } from './db/kosten-regels.ts';
import { versleutelOudeGeheimen, zetTotpSleutel } from './db/tweede-factor.ts';
import { laadTotpSleutel } from './totp-sleutel.ts';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  readonly store: Store;
  /** Stops accepting, waits for the requests in flight, then closes the database. */
  close(): Promise<void>;
}

/** Thin launcher (Fastify demo src/server.ts): open the store, migrate, build, listen, close cleanly. */
export async function startServer(config: ServerConfig = loadConfig()): Promise<RunningServer> {
  const store = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openPglite(config.dataDir);
  const schemaVersion = await migrate(store);
  // The second-factor secrets at rest (issue 14): the key first, then the data step of migration
  // 011 (plain secrets of before it encrypted), under the migration lock like the migrations.
  const totp = laadTotpSleutel(config);
  zetTotpSleutel(totp.sleutel);
  await store.exclusive(MIGRATION_LOCK_KEY, () =>
    store.transaction((tx) => versleutelOudeGeheimen(tx)),
  );
  // The coordinator's kept cost lines: backfilled after migration 007, horizon moved on (13.5).
  await bijwerkenBijStart(store, new Date());
  // Only into an empty user table / record store: a demo never mixes with real accounts or work.
  // Under the migration lock: two instances starting at once on one PostgreSQL would otherwise
  // both see an empty user table and the second would stop on a duplicate user name.
  if (config.demo) {
    await store.exclusive(MIGRATION_LOCK_KEY, async () => {
      await maakDemoGebruikers(store);
      await maakDemoClienten(store);
    });
  }
  const app = await buildApp({
    store,
    schemaVersion,
    staticDir: config.staticDir,
    demo: config.demo,
    tls: config.tls
      ? { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) }
      : null,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
  });
  if (totp.bron !== 'omgeving') {
    app.log.warn(
      { sleutelbestand: totp.bron },
      'TOTP_SLEUTEL not set: second-factor secrets are encrypted under the key file in the data directory (development only)',
    );
  }
  const address = await app.listen({ port: config.port, host: config.host });
  let closed = false;
  return {
    app,
    store,
    url: address.replace('127.0.0.1', 'localhost'),
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await store.close();
    },
  };
}

/**
 * Graceful shutdown on SIGTERM (a process manager, `docker stop`, a rolling deploy) and SIGINT
 * (Ctrl+C): Fastify stops accepting connections, answers 503 to new requests on open keep-alive
 * connections (so /api/ready fails and a load balancer moves on), lets the requests in flight
 * finish — a push commits or rolls back as a whole — then the database is closed and the process
 * exits 0. After `timeoutMs` whatever is still open is cut off and the process exits 1.
 */
export function stopOnSignals(server: RunningServer, timeoutMs: number): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down: draining requests in flight');
    setTimeout(() => {
      server.app.log.error({ timeoutMs }, 'shutdown timed out: open requests are cut off');
      process.exit(1);
    }, timeoutMs).unref();
    server.close().then(
      () => {
        server.app.log.info('shut down');
        process.exit(0);
      },
      (err: unknown) => {
        server.app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const config = loadConfig();
  stopOnSignals(await startServer(config), config.shutdownTimeoutMs);
}
