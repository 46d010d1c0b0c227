import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { LOCAL_ONLY_TABLES, openDb, SYNCED_TABLES } from '../../src/storage/db.ts';
import { clientInvoer } from '../fixtures/clients.ts';

describe('ArrangeurDB versions', () => {
  it('opens a version-3 database as version 7 with its rows intact, the sync, review and zorgverzekeraar tables added and the list order filled in', async () => {
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
    const client = { ...clientInvoer(), id: crypto.randomUUID(), rev: 3, updatedAt: 'x' };
    await oud.table('clients').bulkPut([
      { ...client, achternaam: 'van der Zee', zoekwoorden: ['zee'] },
      { ...client, id: crypto.randomUUID(), achternaam: 'Weg', deleted: true, zoekwoorden: [] },
      // A row without its names (fails the schema): kept, not listed, and no failed upgrade.
      { id: crypto.randomUUID(), voornaam: 'Zonder', zoekwoorden: [] },
    ]);
    oud.close();

    const db = openDb(naam);
    await db.open();
    expect(db.verno).toBe(7);
    // v7: the caseload's order index, filled in for the living clients only.
    expect(await db.clients.orderBy('sorteersleutel').primaryKeys()).toEqual([client.id]);
    expect(await db.clients.where('verwijderd').equals(1).count()).toBe(1);
    expect((await db.clients.get(client.id))?.sorteersleutel).toBe(
      `zee\u0001${clientInvoer().voornaam.toLowerCase()}`,
    );
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
