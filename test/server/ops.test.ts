/**
 * Operations (issue 15 point 4, issue 13 point 3): request ids in the structured log and the
 * X-Request-Id header, the readiness check, and migrations under an advisory lock so two server
 * processes starting at once on one PostgreSQL do not race.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp, requestIdFor } from '../../src/server/app.ts';
import { latestMigration, migrate } from '../../src/server/db/migrations.ts';
import { openPglite, openPostgres } from '../../src/server/db/store.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function logSink() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, stream };
}

describe('request ids', () => {
  it.each([
    ['abc-123', 'abc-123'],
    ['01J9ZQ3K.proxy:7_x', '01J9ZQ3K.proxy:7_x'],
  ])('keeps a sane X-Request-Id %s', (given, kept) => {
    expect(requestIdFor(given)).toBe(kept);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['spaces', 'a b'],
    ['a newline (log injection)', 'a\n{"level":60}'],
    ['too long', 'x'.repeat(65)],
    ['a repeated header', ['a', 'b']],
    ['client data', 'Jan de Vries 1944-03-12'],
  ])('replaces a %s X-Request-Id by a fresh UUID', (_naam, given) => {
    expect(requestIdFor(given)).toMatch(UUID);
  });

  it('echoes the id in the response and puts it on every log line of the request', async () => {
    const t = await openTestStore('pglite');
    const { lines, stream } = logSink();
    const app = await buildApp({
      store: t.store,
      schemaVersion: t.schemaVersion,
      staticDir: null,
      logger: { level: 'info', stream },
    });
    const mee = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'lb-42' },
    });
    expect(mee.headers['x-request-id']).toBe('lb-42');
    const zonder = await app.inject({ method: 'GET', url: '/api/auth/me' });
    const gemaakt = String(zonder.headers['x-request-id']);
    expect(gemaakt).toMatch(UUID);
    await app.close();
    await t.cleanup();

    const requestLines = lines.filter((l) => l['msg'] === 'request');
    expect(requestLines).toEqual([
      expect.objectContaining({ reqId: 'lb-42', route: '/api/health', status: 200 }),
      expect.objectContaining({ reqId: gemaakt, route: '/api/auth/me', status: 401 }),
    ]);
    // Structured: level and time on every line (pino JSON).
    for (const l of lines)
      expect(l).toMatchObject({ level: expect.any(Number), time: expect.any(Number) });
  });
});

describe.each(STORE_KINDS)('GET /api/ready on %s', (kind) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(() => t.cleanup());

  it('is 200 with the schema version when every migration is done', async () => {
    const app = await buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir: null });
    const res = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', schemaVersion: latestMigration() });
    await app.close();
  });

  it('is 503 while the database lacks a migration this build expects', async () => {
    const app = await buildApp({
      store: t.store,
      schemaVersion: t.schemaVersion + 1,
      staticDir: null,
    });
    const res = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'unavailable' });
    await app.close();
  });
});

describe('GET /api/ready without a database', () => {
  it('is 503 when the database does not answer, while /api/health (liveness) stays a JSON answer', async () => {
    const store = await openPglite(null);
    const schemaVersion = await migrate(store);
    const app = await buildApp({ store, schemaVersion, staticDir: null });
    await store.close();
    const res = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable', message: 'Database not reachable' });
    await app.close();
  });

  it('is 503 on a database that was never migrated', async () => {
    const store = await openPglite(null);
    const app = await buildApp({ store, schemaVersion: latestMigration(), staticDir: null });
    const res = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(res.statusCode).toBe(503);
    await app.close();
    await store.close();
  });
});

describe('migrations under an advisory lock (PostgreSQL)', () => {
  it('lets four instances migrate one fresh database at the same moment: each file runs once', async () => {
    const adminUrl = inject('databaseUrl');
    const name = `mig_${randomUUID().replace(/-/g, '')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const stores = await Promise.all([1, 2, 3, 4].map(() => openPostgres(url.toString())));
    try {
      const versies = await Promise.all(stores.map((s) => migrate(s)));
      expect(versies).toEqual([1, 2, 3, 4].map(() => latestMigration()));
      const rows = await stores[0]!.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(rows.map((r) => r.version).at(-1)).toBe(latestMigration());
      expect(new Set(rows.map((r) => r.version)).size).toBe(rows.length);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    }
  }, 240_000);
});
