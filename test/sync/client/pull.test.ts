import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArrangeurDB } from '../../../src/storage/db.ts';
import { pending } from '../../../src/storage/outbox.ts';
import { getClient, saveClient, searchClients } from '../../../src/storage/repositories/clients.ts';
import type { SyncEngine } from '../../../src/sync/client/engine.ts';
import { listOpenConflicts } from '../../../src/sync/client/conflicts.ts';
import { pull } from '../../../src/sync/client/pull.ts';
import { leesSyncState } from '../../../src/sync/client/state.ts';
import type { WireRecord } from '../../../src/sync/protocol/wire.ts';
import { clientInvoer } from '../../fixtures/clients.ts';
import { nieuwApparaat, ruimOp, WIE } from './apparaat.ts';
import type { FakeServer } from './fake-server.ts';

let db: ArrangeurDB;
let server: FakeServer;
let engine: SyncEngine;
beforeEach(() => {
  ({ db, server, engine } = nieuwApparaat('pull'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await ruimOp({ db, server, engine });
});

/** A client record as another device would have pushed it, with the wire's null for "no value". */
function clientRecord(voornaam: string, over: Partial<WireRecord> = {}): Omit<WireRecord, 'rev'> {
  const id = crypto.randomUUID();
  const { wlzIndicatie, ...velden } = clientInvoer({ voornaam });
  return {
    id,
    type: 'client',
    clientId: id,
    fields: { ...velden, wlzIndicatie: wlzIndicatie ?? null, bsn: null },
    updatedAt: '2026-11-22T10:00:00.000Z',
    updatedBy: 'gebruiker-2',
    deleted: false,
    ...over,
  };
}

describe('pull', () => {
  it('pulls every page, stores the records readable and searchable, and advances the cursor', async () => {
    server.paginaGrootte = 10;
    const namen = Array.from({ length: 25 }, (_, i) => `Naam${String(i).padStart(2, '0')}`);
    for (const n of namen) server.zetRecord(clientRecord(n));

    const uitkomst = await engine.syncNow();

    expect(uitkomst).toMatchObject({ ok: true, pulled: 25, overgeslagen: [] });
    expect(server.verzoeken.filter((v) => v === 'GET /api/sync/pull')).toHaveLength(3);
    expect((await leesSyncState(db)).cursor).toBe(25);
    expect(await db.clients.count()).toBe(25);
    expect((await searchClients(db, 'naam07')).map((c) => c.voornaam)).toEqual(['Naam07']);
    const een = (await searchClients(db, 'naam00'))[0]!;
    expect(een).toMatchObject({ rev: 1, updatedBy: 'gebruiker-2', deleted: false });
    expect(een.bsn).toBeUndefined(); // the wire's null became the device's "absent"

    // The next pull starts at the cursor and finds nothing new.
    server.verzoeken = [];
    await engine.syncNow();
    expect(await db.clients.count()).toBe(25);
  });

  it('applies a page in one transaction: a page that fails leaves nothing of itself and keeps the cursor', async () => {
    server.paginaGrootte = 5;
    const ids = Array.from({ length: 10 }, (_, i) => server.zetRecord(clientRecord(`N${i}`)));
    expect(ids).toHaveLength(10);
    const fout = [...server.records.values()][7]!.id; // on page 2
    db.clients.hook('creating', (key) => {
      if (key === fout) throw new Error('schijf vol');
    });

    const uitkomst = await pull(db, server.fetch, '', {
      records: 0,
      paginas: 0,
      overgeslagen: [],
    }).catch((e: unknown) => e);

    expect(uitkomst).toBeInstanceOf(Error);
    expect(await db.clients.count()).toBe(5); // page 1 only
    expect((await leesSyncState(db)).cursor).toBe(5);
  });

  it('skips and reports a record that fails its schema and goes on with the rest', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    server.zetRecord(clientRecord('Goed'));
    const slecht = clientRecord('Slecht');
    server.zetRecord({ ...slecht, fields: { ...slecht.fields, postcode: 'geen postcode' } });
    server.zetRecord({ ...clientRecord('Vreemd'), type: 'onbekendding' });
    server.zetRecord(clientRecord('OokGoed'));

    const uitkomst = await engine.syncNow();

    expect(uitkomst.ok).toBe(true);
    expect(uitkomst.pulled).toBe(2);
    expect(uitkomst.overgeslagen.map((o) => o.type)).toEqual(['client', 'onbekendding']);
    expect(uitkomst.overgeslagen[0]!.reden).toMatch(/postcode/);
    expect(await db.clients.count()).toBe(2);
    expect((await leesSyncState(db)).cursor).toBe(4);
    expect(warn).toHaveBeenCalled();
  });

  it('does not overwrite a local change that is not yet accepted; takes the other fields', async () => {
    const r = await saveClient(db, clientInvoer(), WIE);
    if (!r.ok) throw new Error('opslaan');
    const id = r.client.id;
    await engine.syncNow();
    const revNaSync = (await db.clients.get(id))!.rev;
    expect(revNaSync).toBe(1);

    // Offline here: the huisarts changes locally; elsewhere huisarts and postcode change.
    server.storing = 'netwerk';
    await saveClient(db, clientInvoer({ huisarts: 'Lokaal' }), { ...WIE, id });
    await engine.syncNow();
    server.storing = null;
    server.wijzigDoorAnder(id, { huisarts: 'Elders', postcode: '1234 AB' });

    // Only the pull (the push of the local change would otherwise merge first).
    await pull(db, server.fetch, '', { records: 0, paginas: 0, overgeslagen: [] });

    const lokaal = await getClient(db, id);
    expect(lokaal).toMatchObject({ huisarts: 'Lokaal', postcode: '1234 AB', rev: revNaSync });
    expect(await pending(db)).toHaveLength(1);
    expect((await db.syncBasis.get(id))?.velden['postcode']).toBe(server.records.get(id)!.rev);

    // Push: the local change was made on rev 1, so the server keeps the other value as a conflict.
    await engine.syncNow();
    expect(server.records.get(id)!.fields['huisarts']).toBe('Lokaal');
    expect(server.conflicten()).toHaveLength(1);
    const [conflict] = await listOpenConflicts(db);
    expect(conflict).toMatchObject({
      recordId: id,
      field: 'huisarts',
      overwrittenValue: 'Elders',
      winningValue: 'Lokaal',
      clientId: id,
      resolved: false,
      openstaand: 1,
    });
    expect(await getClient(db, id)).toMatchObject({
      huisarts: 'Lokaal',
      postcode: '1234 AB',
      rev: server.records.get(id)!.rev,
    });
    expect(engine.status().conflicten).toBe(1);
  });

  it('a tombstone from the server marks the record deleted', async () => {
    const rec = clientRecord('Weg');
    server.zetRecord(rec);
    await engine.syncNow();
    expect(await getClient(db, rec.id)).toBeDefined();
    server.zetRecord({ ...rec, deleted: true, updatedAt: '2026-11-23T10:00:00.000Z' });
    await engine.syncNow();
    expect(await getClient(db, rec.id)).toBeUndefined();
    expect((await db.clients.get(rec.id))?.deleted).toBe(true);
  });

  it('skips a second plan for a client that already has one here, instead of failing the page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const client = clientRecord('Plan');
    server.zetRecord(client);
    const plan = (id: string) => ({
      id,
      type: 'plan',
      clientId: client.id,
      fields: { clientId: client.id, status: 'concept', versie: 1, akkoord: null, hulpvraag: null },
      updatedAt: '2026-11-22T10:00:00.000Z',
      updatedBy: 'gebruiker-2',
      deleted: false,
    });
    const eerste = crypto.randomUUID();
    const tweede = crypto.randomUUID();
    server.zetRecord(plan(eerste));
    server.zetRecord(plan(tweede));
    const uitkomst = await engine.syncNow();
    expect(uitkomst.overgeslagen).toEqual([
      expect.objectContaining({ id: tweede, reden: expect.stringMatching(/ander plan/) }),
    ]);
    expect((await db.plans.get(eerste))?.hulpvraag).toBeUndefined();
    expect(warn).toHaveBeenCalled();
  });
});
