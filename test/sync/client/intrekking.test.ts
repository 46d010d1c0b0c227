/**
 * Issue 12, point 8, on the device: a pull that says access to a client was taken away removes
 * every record of that client from IndexedDB, and keeps her unsent changes of that client as
 * refused changes with a Dutch reason — never silently dropped. Other clients stay as they were.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArrangeurDB } from '../../../src/storage/db.ts';
import { pending, rejected } from '../../../src/storage/outbox.ts';
import { saveClient } from '../../../src/storage/repositories/clients.ts';
import {
  getOrCreatePlan,
  saveDoel,
  saveNaaste,
  type Result,
} from '../../../src/storage/repositories/plans.ts';
import type { SyncEngine } from '../../../src/sync/client/engine.ts';
import { INGETROKKEN_TEKST } from '../../../src/sync/client/meldingen.ts';
import { pull, type PullTelling } from '../../../src/sync/client/pull.ts';
import { leesSyncState } from '../../../src/sync/client/state.ts';
import { clientInvoer } from '../../fixtures/clients.ts';
import { doelInvoer, naasteInvoer } from '../../fixtures/plans.ts';
import { nieuwApparaat, ruimOp, WIE } from './apparaat.ts';
import type { FakeServer } from './fake-server.ts';

const LATER = { updatedBy: 'gebruiker-1', now: new Date('2026-11-23T10:00:00Z') };

let db: ArrangeurDB;
let server: FakeServer;
let engine: SyncEngine;
beforeEach(() => {
  ({ db, server, engine } = nieuwApparaat('intrekking'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await ruimOp({ db, server, engine });
});

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.record;
}

async function clientMetPlan(voornaam: string) {
  const r = await saveClient(db, clientInvoer({ voornaam }), WIE);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const plan = await getOrCreatePlan(db, r.client.id, WIE);
  const doel = ok(await saveDoel(db, doelInvoer({ planId: plan.id }), WIE));
  const naaste = ok(await saveNaaste(db, naasteInvoer({ clientId: r.client.id }), WIE));
  return { client: r.client, plan, doel, naaste };
}

const leeg = (): PullTelling => ({ records: 0, paginas: 0, overgeslagen: [] });

describe('revocation in a pull', () => {
  it('removes the client’s records and keeps her unsent changes as refused, in Dutch', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const weg = await clientMetPlan('Weg');
    const blijft = await clientMetPlan('Blijft');
    expect((await engine.syncNow()).ok).toBe(true);
    expect(await pending(db)).toEqual([]);

    // Unsent changes of both clients (offline, or not pushed yet).
    ok(
      await saveDoel(db, { ...doelInvoer({ planId: weg.plan.id }), omschrijving: 'Nieuw' }, LATER),
    );
    const r = await saveClient(db, clientInvoer({ voornaam: 'Blijft', huisarts: 'Dr. X' }), {
      ...LATER,
      id: blijft.client.id,
    });
    expect(r.ok).toBe(true);
    expect(await pending(db)).toHaveLength(2);

    server.trekIn(weg.client.id);
    const telling = leeg();
    await pull(db, server.fetch, '', telling);

    // Everything of the revoked client is gone from the device.
    expect(await db.clients.get(weg.client.id)).toBeUndefined();
    expect(await db.plans.get(weg.plan.id)).toBeUndefined();
    expect(await db.doelen.where('planId').equals(weg.plan.id).count()).toBe(0);
    expect(await db.naasten.get(weg.naaste.id)).toBeUndefined();
    expect(await db.syncBasis.get(weg.client.id)).toBeUndefined();
    // The other client is untouched, incl. her pending change.
    expect(await db.clients.get(blijft.client.id)).toBeDefined();
    expect(await db.plans.get(blijft.plan.id)).toBeDefined();
    expect(await db.doelen.get(blijft.doel.id)).toBeDefined();
    const nogTeSturen = await pending(db);
    expect(nogTeSturen.map((p) => p.recordId)).toEqual([blijft.client.id]);

    // The unsent change of the revoked client: kept, refused, with the Dutch reason.
    const geweigerd = await rejected(db);
    expect(geweigerd).toHaveLength(1);
    expect(geweigerd[0]).toMatchObject({
      recordType: 'doel',
      clientId: weg.client.id,
      status: 'rejected',
      rejectCode: 'ingetrokken',
      rejectReason: INGETROKKEN_TEKST,
    });
    expect(INGETROKKEN_TEKST).toMatch(/geen toegang meer tot deze cliënt/);
    expect(telling.ingetrokken).toEqual([{ clientId: weg.client.id, records: 5, onverzonden: 1 }]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/1 niet-verstuurde wijziging/));
    expect((await leesSyncState(db)).cursor).toBe(server.rev);

    // The next pull does not report it again; the status counts the refused change.
    const tweede = leeg();
    await pull(db, server.fetch, '', tweede);
    expect(tweede.ingetrokken).toBeUndefined();
    const uitkomst = await engine.syncNow();
    expect(uitkomst.ok).toBe(true);
    expect(engine.status().geweigerd).toBe(1);
  });

  it('a revocation between records of several pages is reported once, in the page that passes it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const weg = await clientMetPlan('Weg');
    await engine.syncNow();
    const cursor = (await leesSyncState(db)).cursor;
    const ander = (n: string) => {
      const id = crypto.randomUUID();
      const { wlzIndicatie, ...velden } = clientInvoer({ voornaam: n });
      return server.zetRecord({
        id,
        type: 'client',
        clientId: id,
        fields: { ...velden, wlzIndicatie: wlzIndicatie ?? null },
        updatedAt: '2026-11-23T11:00:00.000Z',
        updatedBy: 'gebruiker-2',
        deleted: false,
      });
    };
    ander('Een');
    ander('Twee');
    server.trekIn(weg.client.id); // between page 1 and page 2
    ander('Drie');
    server.paginaGrootte = 2;
    const telling = leeg();
    await pull(db, server.fetch, '', telling);
    expect(telling.paginas).toBe(2);
    expect(telling.ingetrokken?.map((i) => i.clientId)).toEqual([weg.client.id]);
    expect(await db.clients.get(weg.client.id)).toBeUndefined();
    expect(await db.clients.count()).toBe(3);
    expect((await leesSyncState(db)).cursor).toBeGreaterThan(cursor);
  });
});
