import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { loadConfig, type ServerConfig } from './config.ts';
import { migrate } from './db/migrations.ts';
import { openPglite, openPostgres, type Store } from './db/store.ts';
import { maakDemoGebruikers } from './demo-users.ts';
import { maakDemoClienten } from './db/demo-data.ts';
import { bijwerkenBijStart } from './db/kosten-regels.ts';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  readonly store: Store;
  close(): Promise<void>;
}

/** Thin launcher (Fastify demo src/server.ts): open the store, migrate, build, listen, close cleanly. */
export async function startServer(config: ServerConfig = loadConfig()): Promise<RunningServer> {
  const store = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openPglite(config.dataDir);
  const schemaVersion = await migrate(store);
  // The coordinator's kept cost lines: backfilled after migration 008, horizon moved on (13.5).
  await bijwerkenBijStart(store, new Date());
  // Only into an empty user table / record store: a demo never mixes with real accounts or work.
  if (config.demo) {
    await maakDemoGebruikers(store);
    await maakDemoClienten(store);
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

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const server = await startServer();
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
