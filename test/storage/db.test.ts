import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { LOCAL_ONLY_TABLES, openDb, SYNCED_TABLES } from '../../src/storage/db.ts';

describe('ArrangeurDB versions', () => {
  it('opens a version-3 database as version 6 with its rows intact and the sync, review and zorgverzekeraar tables added', async () => {
    const naam = `v3-${crypto.randomUUID()}`;
    const oud = new Dexie(naam);
    oud.version(1).stores({
      clients: 'id, *zoekwoorden, achternaam, voornaam, updatedAt',
      outbox: '++seq, &mutationId, [recordType+recordId], status',
      meta: 'key',
    });
    oud.version(2).stores({ voorzieningen: 'id, categorie, naam, updatedAt' });
    oud.version(3).stores({
      plans: 'id, &clientId, status, evaluatiedatum, updatedAt',
      doelen: 'id, planId',
      naasten: 'id, clientId',
      planItems: 'id, planId, stap',
      planVersies: 'id, planId',
    });
    await oud.table('meta').put({ key: 'deviceId', value: 'apparaat-1' });
    oud.close();

    const db = openDb(naam);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.meta.get('deviceId')).toEqual({ key: 'deviceId', value: 'apparaat-1' });
    expect(await db.conflicts.count()).toBe(0);
    expect(await db.syncBasis.count()).toBe(0);
    expect(await db.reviews.count()).toBe(0);
    expect(await db.reviewComments.where('openstaand').equals(1).count()).toBe(0);
    expect(await db.zorgverzekeraars.count()).toBe(0);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [...SYNCED_TABLES, ...LOCAL_ONLY_TABLES].sort(),
    );
    await db.delete();
  });
});
