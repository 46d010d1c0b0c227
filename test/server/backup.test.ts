/**
 * Back-up and restore give the same data (issue 15 point 4): a store is filled through the API,
 * backed up, restored into a fresh store, and a full pull from the restored store (with the same
 * session: sessions are data too) equals the pull from the original.
 *   - PGlite: `npm run backup` / `npm run restore` (src/cli/backup.ts, dumpDataDir/loadDataDir)
 *   - PostgreSQL: pg_dump -Fc, then pg_restore into a new database (README, "Beheer en back-up")
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { backupPglite, restorePglite } from '../../src/cli/backup.ts';
import { buildApp } from '../../src/server/app.ts';
import { migrate } from '../../src/server/db/migrations.ts';
import { openPglite, openPostgres, type Store } from '../../src/server/db/store.ts';
import { findPostgresBin } from '../support/postgres.ts';
import {
  edit,
  newClient,
  newNaaste,
  push,
  userWithSession,
  type TestUser,
} from './fixtures/sync.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fill(store: Store): Promise<TestUser> {
  const schemaVersion = await migrate(store);
  const app = await buildApp({ store, schemaVersion, staticDir: null });
  const anja = await userWithSession(store, 'arrangeur', 'Anja');
  const clients = Array.from({ length: 20 }, () => newClient());
  const results = await push(app, anja, clients);
  const first = results[0];
  if (first?.status !== 'applied') throw new Error('not applied');
  await push(app, anja, [
    ...clients.slice(0, 5).map((c) => newNaaste(c.recordId)),
    edit('client', clients[0]!.recordId, first.rev, { huisarts: 'Praktijk Zuid' }),
  ]);
  await app.close();
  return anja;
}

/** Everything this user's device would pull from a fresh start, plus the accounts and migrations. */
async function snapshot(store: Store, user: TestUser) {
  const schemaVersion = await migrate(store);
  const app = await buildApp({ store, schemaVersion, staticDir: null });
  const pulls: unknown[] = [];
  let cursor = 0;
  for (;;) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/sync/pull?cursor=${cursor}&limit=7`,
      headers: { cookie: user.cookie },
    });
    expect(res.statusCode).toBe(200);
    const page = res.json<{ nextCursor: number; hasMore: boolean }>();
    pulls.push(page);
    cursor = page.nextCursor;
    if (!page.hasMore) break;
  }
  await app.close();
  const gebruikers = await store.query('SELECT * FROM gebruikers ORDER BY id');
  const migraties = await store.query('SELECT version, name FROM schema_migrations ORDER BY 1');
  return { pulls, gebruikers, migraties };
}

describe('PGlite data directory', () => {
  it('restores into a fresh directory with the same data', async () => {
    const root = mkdtempSync(join(tmpdir(), 'arrangeur-backup-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const original = await openPglite(join(root, 'data'));
    const anja = await fill(original);
    const before = await snapshot(original, anja);
    await original.close();
    expect(before.pulls.length).toBeGreaterThan(3);

    await backupPglite(join(root, 'data'), join(root, 'backup.tar.gz'));
    await restorePglite(join(root, 'backup.tar.gz'), join(root, 'restored'));

    const restored = await openPglite(join(root, 'restored'));
    cleanups.push(() => restored.close());
    expect(await snapshot(restored, anja)).toEqual(before);
  }, 240_000);

  it('never restores over existing data', async () => {
    const root = mkdtempSync(join(tmpdir(), 'arrangeur-backup-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'bezet'));
    writeFileSync(join(root, 'bezet', 'PG_VERSION'), '17');
    writeFileSync(join(root, 'backup.tar.gz'), '');
    await expect(restorePglite(join(root, 'backup.tar.gz'), join(root, 'bezet'))).rejects.toThrow(
      /niet leeg/,
    );
  });
});

describe('PostgreSQL with pg_dump and pg_restore', () => {
  it('restores into a new database with the same data', async () => {
    const bin = findPostgresBin();
    expect(bin, 'PostgreSQL client tools').not.toBeNull();
    const adminUrl = inject('databaseUrl');
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    cleanups.push(() => admin.end());
    const urlOf = async (name: string) => {
      await admin.query(`CREATE DATABASE ${name}`);
      cleanups.push(async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
      const u = new URL(adminUrl);
      u.pathname = `/${name}`;
      return u.toString();
    };
    const id = randomUUID().replace(/-/g, '');
    const fromUrl = await urlOf(`bk_from_${id}`);
    const toUrl = await urlOf(`bk_to_${id}`);
    const dir = mkdtempSync(join(tmpdir(), 'arrangeur-pgdump-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));

    const original = await openPostgres(fromUrl);
    const anja = await fill(original);
    const before = await snapshot(original, anja);
    await original.close();

    const file = join(dir, 'arrangeur.dump');
    const dump = spawnSync(join(bin!, 'pg_dump'), ['-Fc', '-f', file, fromUrl], {
      encoding: 'utf8',
    });
    expect(dump.status, dump.stderr).toBe(0);
    const restore = spawnSync(
      join(bin!, 'pg_restore'),
      ['--no-owner', '--exit-on-error', '-d', toUrl, file],
      { encoding: 'utf8' },
    );
    expect(restore.status, restore.stderr).toBe(0);

    const restored = await openPostgres(toUrl);
    cleanups.push(() => restored.close());
    expect(await snapshot(restored, anja)).toEqual(before);
  }, 240_000);
});
