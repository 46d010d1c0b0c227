import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { migrate } from '../../src/server/db/migrations.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';

describe.each(STORE_KINDS)('server on %s', (kind) => {
  let t: TestStore;
  let staticDir: string;
  beforeAll(async () => {
    t = await openTestStore(kind);
    staticDir = mkdtempSync(join(tmpdir(), 'arrangeur-static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Arrangeur</title>');
    writeFileSync(join(staticDir, 'sw.js'), '// sw');
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    // What vite.config.ts preCompress writes next to a hashed asset.
    writeFileSync(join(staticDir, 'assets', 'groot-def456.js'), 'x'.repeat(4000));
    writeFileSync(
      join(staticDir, 'assets', 'groot-def456.js.br'),
      brotliCompressSync(Buffer.from('x'.repeat(4000))),
    );
    writeFileSync(join(staticDir, 'assets', 'groot-def456.js.gz'), gzipSync('x'.repeat(4000)));
  });
  afterAll(async () => {
    await t.cleanup();
    rmSync(staticDir, { recursive: true, force: true });
  });

  const build = () => buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir });

  it('sends the pre-compressed sibling of an asset to a browser that accepts it (issue 13.6)', async () => {
    const app = await build();
    const br = await app.inject({
      method: 'GET',
      url: '/assets/groot-def456.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toContain('immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe('x'.repeat(4000));
    const gz = await app.inject({
      method: 'GET',
      url: '/assets/groot-def456.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plat = await app.inject({ method: 'GET', url: '/assets/groot-def456.js' });
    expect(plat.headers['content-encoding']).toBeUndefined();
    expect(plat.body).toBe('x'.repeat(4000));
    await app.close();
  });

  it('reports health with a real database round trip', async () => {
    const app = await build();
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', store: kind, schemaVersion: t.schemaVersion });
    await app.close();
  });

  it('answers an unknown API path with a JSON 404, not the app shell', async () => {
    const app = await build();
    const res = await app.inject({ method: 'GET', url: '/api/bestaat-niet' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'not_found' });
    await app.close();
  });

  it('serves the app shell for client-side screens and caches hashed assets for a year', async () => {
    const app = await build();
    const shell = await app.inject({ method: 'GET', url: '/clienten/nieuw' });
    expect(shell.statusCode).toBe(200);
    expect(shell.body).toContain('<title>Arrangeur</title>');
    expect(shell.headers['cache-control']).toBe('no-cache');
    const sw = await app.inject({ method: 'GET', url: '/sw.js' });
    expect(sw.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
    await app.close();
  });

  it('runs migrations once: a second run changes nothing', async () => {
    // Every numbered file counts; a second run applies none of them again.
    expect(await migrate(t.store)).toBe(t.schemaVersion);
    const rows = await t.store.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM schema_migrations',
    );
    expect(rows[0]?.n).toBe(t.schemaVersion);
  });

  it('rolls a failed transaction back completely', async () => {
    const id = '0b8a3c1e-6d2f-4a57-9c1e-2f3a4b5c6d7e';
    await expect(
      t.store.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO records (id, type, client_id, fields, updated_at, updated_by)
           VALUES ($1, 'client', $1, '{}'::jsonb, now(), 'test')`,
          [id],
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await t.store.query('SELECT id FROM records WHERE id = $1', [id]);
    expect(rows).toHaveLength(0);
  });

  it('never leaks internal error details in a 5xx', async () => {
    const app = await build();
    app.get('/api/kapot', async () => {
      throw new Error('secret detail: Jansen');
    });
    const res = await app.inject({ method: 'GET', url: '/api/kapot' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('Jansen');
    await app.close();
  });
});

describe('server with PGlite on disk', () => {
  it('keeps data across a restart in DATA_DIR', async () => {
    const { openPglite } = await import('../../src/server/db/store.ts');
    const dir = mkdtempSync(join(tmpdir(), 'arrangeur-data-'));
    try {
      const first = await openPglite(dir);
      const version = await migrate(first);
      await first.query(
        `INSERT INTO records (id, type, client_id, fields, updated_at, updated_by)
         VALUES ('6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f', 'client', '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f', '{"a":1}', now(), 't')`,
      );
      await first.close();
      const again = await openPglite(dir);
      expect(await migrate(again)).toBe(version);
      const rows = await again.query<{ fields: { a: number } }>('SELECT fields FROM records');
      expect(rows[0]?.fields.a).toBe(1);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('deployment config', () => {
  it('tells the app whether this is a demo deployment, and nothing else', async () => {
    const t = await openTestStore('pglite');
    try {
      for (const demo of [true, false]) {
        const app = await buildApp({ store: t.store, schemaVersion: 1, staticDir: null, demo });
        const res = await app.inject({ method: 'GET', url: '/api/config' });
        expect(res.json()).toEqual({ demo });
        await app.close();
      }
    } finally {
      await t.cleanup();
    }
  });
});
