/**
 * Pushes of different devices run in parallel on PostgreSQL (issue 13, point 1), and the pull
 * cursor still never skips a committed change and never repeats one (db/records.ts, the
 * visibility horizon; docs/architecture.md, Sync). Real PostgreSQL only: PGlite has one
 * connection, so its pushes are served one after the other in arrival order.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { lockRecordWrites, nextRev, writeRecord } from '../../src/server/db/records.ts';
import type { Mutation } from '../../src/sync/protocol/mutation.ts';
import type { WireRecord } from '../../src/sync/protocol/wire.ts';
import { openTestStore, type TestStore } from '../support/stores.ts';
import {
  mutation,
  pull,
  pullAll,
  push,
  pushOk,
  userWithSession,
  type TestUser,
} from './fixtures/sync.ts';

/** A sociale-kaart entry: no client, so every arrangeur reads it (one reader sees all writers). */
const voorziening = (id: string, naam: string, baseRev?: number): Mutation =>
  mutation({
    recordType: 'voorziening',
    recordId: id as Mutation['recordId'],
    clientId: null,
    ...(baseRev === undefined ? {} : { baseRev }),
    fields: { categorie: 'maaltijden', naam, omschrijving: 'Warme maaltijd', wijk: null },
  });

describe('parallel pushes on postgres', () => {
  let t: TestStore;
  let app: FastifyInstance;
  let lezer: TestUser;

  beforeAll(async () => {
    t = await openTestStore('postgres');
    app = await buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir: null });
    lezer = await userWithSession(t.store, 'arrangeur', 'Lezer');
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it('another device pushes while a writer is in flight; pull waits below the in-flight rev', async () => {
    const schrijver = await userWithSession(t.store, 'arrangeur', 'Schrijver');
    const start = (await pull(app, lezer, 0, 1000)).nextCursor;
    let klaar!: () => void;
    const vasthouden = new Promise<void>((r) => (klaar = r));
    let gestart!: (rev: number) => void;
    const inVlucht = new Promise<number>((r) => (gestart = r));
    const trageId = randomUUID();
    // A slow push: it has its rev and its row, and has not committed yet.
    const traag = t.store.transaction(async (tx) => {
      await lockRecordWrites(tx);
      const rev = await nextRev(tx);
      const at = new Date().toISOString();
      await writeRecord(tx, {
        id: trageId,
        type: 'voorziening',
        clientId: null,
        fields: { categorie: 'maaltijden', naam: 'Traag', omschrijving: 'x', wijk: null },
        fieldRevs: {},
        rev,
        updatedAt: at,
        updatedBy: schrijver.id,
        deleted: false,
      });
      gestart(rev);
      await vasthouden;
    });
    const trageRev = await inVlucht;

    // With one global write lock this push would wait for the slow one (and time out here).
    const snelleId = randomUUID();
    const snelleRev = await pushOk(app, schrijver, voorziening(snelleId, 'Snel'));
    expect(snelleRev).toBeGreaterThan(trageRev);

    // The fast change committed first, but its rev lies above the in-flight one: not served yet,
    // and the cursor stays below the in-flight rev.
    const tijdens = await pull(app, lezer, start, 1000);
    expect(tijdens.records.map((r) => r.id)).not.toContain(snelleId);
    expect(tijdens.nextCursor).toBeLessThan(trageRev);

    klaar();
    await traag;
    const na = await pullAll(app, lezer, 1000, tijdens.nextCursor);
    expect(na.filter((r) => r.id === trageId || r.id === snelleId).map((r) => r.rev)).toEqual([
      trageRev,
      snelleRev,
    ]);
  }, 20_000);

  it('many devices push at once while a reader pulls along: every change seen once, none skipped', async () => {
    const SCHRIJVERS = 8;
    const BATCHES = 6;
    const PER_BATCH = 20;
    const schrijvers = await Promise.all(
      Array.from({ length: SCHRIJVERS }, (_, i) =>
        userWithSession(t.store, 'arrangeur', `Tablet${i}`),
      ),
    );
    let cursor = (await pull(app, lezer, 0, 1000)).nextCursor;
    const gezien: WireRecord[] = [];
    let bezig = true;

    const schrijf = async (u: TestUser, i: number) => {
      const mijn: { id: string; rev: number }[] = [];
      for (let b = 0; b < BATCHES; b++) {
        // New entries and edits of this device's earlier ones (from the rev it last heard).
        const ms = Array.from({ length: PER_BATCH }, (_, k) => {
          const oud =
            k % 2 === 1 ? mijn[(b * PER_BATCH + k) % Math.max(1, mijn.length)] : undefined;
          return oud
            ? voorziening(oud.id, `W${i}-${b}-${k}`, oud.rev)
            : voorziening(randomUUID(), `N${i}-${b}-${k}`);
        });
        const res = await push(app, u, ms, `tablet-${i}`);
        res.forEach((r, k) => {
          expect(r.status, JSON.stringify(r)).toBe('applied');
          if (r.status !== 'applied') return;
          const id = ms[k]!.recordId;
          const bestaand = mijn.find((x) => x.id === id);
          if (bestaand) bestaand.rev = r.rev;
          else mijn.push({ id, rev: r.rev });
        });
      }
    };
    const lees = async () => {
      // Small pages, all along: a cursor that passed a late commit would miss it for good.
      while (bezig) {
        const page = await pull(app, lezer, cursor, 7);
        gezien.push(...page.records);
        cursor = page.nextCursor;
      }
      for (;;) {
        const page = await pull(app, lezer, cursor, 7);
        gezien.push(...page.records);
        cursor = page.nextCursor;
        if (!page.hasMore) return;
      }
    };
    const lezen = lees();
    await Promise.all(schrijvers.map((u, i) => schrijf(u, i)));
    bezig = false;
    await lezen;

    // Never repeated: revs strictly increase over every page the reader got.
    const revs = gezien.map((r) => r.rev);
    expect(revs).toEqual([...revs].sort((a, b) => a - b));
    expect(new Set(revs).size).toBe(revs.length);
    // Never skipped: the reader saw the final version of every record.
    const eind = await pullAll(app, lezer, 1000, 0);
    const geschreven = eind.filter(
      (r) => r.type === 'voorziening' && /^[NW]\d/.test(String(r.fields['naam'])),
    );
    expect(geschreven.length).toBeGreaterThanOrEqual(SCHRIJVERS * BATCHES * (PER_BATCH / 2));
    const gezienRevs = new Set(revs);
    const gemist = geschreven.filter((r) => !gezienRevs.has(r.rev));
    expect(gemist).toEqual([]);
  }, 120_000);
});
