import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArrangeurDB } from '../../../src/storage/db.ts';
import { pending, rejected } from '../../../src/storage/outbox.ts';
import { getClient, saveClient } from '../../../src/storage/repositories/clients.ts';
import { createSyncEngine, type SyncEngine } from '../../../src/sync/client/engine.ts';
import { basisRev } from '../../../src/sync/client/push.ts';
import { clientInvoer } from '../../fixtures/clients.ts';
import { maakPlanMetItems } from '../../fixtures/plans.ts';
import {
  listPlanVersies,
  stelPlanVast,
  updatePlan,
} from '../../../src/storage/repositories/plans.ts';
import { nieuwApparaat, ruimOp, WIE } from './apparaat.ts';
import { NepTimers, NepVerbinding, type FakeServer } from './fake-server.ts';

let db: ArrangeurDB;
let server: FakeServer;
let engine: SyncEngine;
beforeEach(() => {
  ({ db, server, engine } = nieuwApparaat('push'));
});
afterEach(async () => {
  await ruimOp({ db, server, engine });
});

async function maakClient(over: Parameters<typeof clientInvoer>[0] = {}) {
  const r = await saveClient(db, clientInvoer(over), WIE);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.client;
}

describe('push', () => {
  it('settles a batch set-based: one bulk delete and one bulk write of the field revisions (issue 13.4)', async () => {
    for (let i = 0; i < 12; i++) await maakClient({ voornaam: `Set${i}` });
    const perRij = [vi.spyOn(db.outbox, 'delete'), vi.spyOn(db.syncBasis, 'put')];
    const bulkDelete = vi.spyOn(db.outbox, 'bulkDelete');
    const bulkPut = vi.spyOn(db.syncBasis, 'bulkPut');

    const uitkomst = await engine.syncNow();

    expect(uitkomst.pushed).toEqual({ applied: 12, duplicate: 0, rejected: 0 });
    expect(await db.outbox.count()).toBe(0);
    for (const spy of perRij) expect(spy).not.toHaveBeenCalled();
    expect(bulkDelete).toHaveBeenCalledTimes(1);
    expect(bulkPut).toHaveBeenCalledTimes(1);
    // What it noted: each client's fields at the rev the server gave it (the pull then clears them).
    const c = (await db.clients.toArray()).find((x) => x.voornaam === 'Set3')!;
    const genoteerd = bulkPut.mock.calls[0]![0].find((r) => r.recordId === c.id);
    expect(genoteerd?.velden.voornaam).toBe(server.records.get(c.id)!.rev);
  });

  it('drains the outbox in order, then the pull sets the server revision on every record', async () => {
    const m = await maakPlanMetItems(db, 6, { now: WIE.now });
    const wachtrij = await pending(db);
    expect(wachtrij.length).toBeGreaterThan(8);

    const uitkomst = await engine.syncNow();

    expect(uitkomst.ok).toBe(true);
    expect(uitkomst.pushed).toEqual({ applied: wachtrij.length, duplicate: 0, rejected: 0 });
    expect(server.ontvangen.map((x) => x.mutationId)).toEqual(wachtrij.map((r) => r.mutationId));
    expect(await db.outbox.count()).toBe(0);
    for (const [tabel, id] of [
      [db.clients, m.client.id],
      [db.plans, m.plan.id],
      [db.doelen, m.doel.id],
      [db.naasten, m.naaste.id],
      [db.planItems, m.items[5]!.id],
    ] as const) {
      expect((await tabel.get(id))?.rev).toBe(server.records.get(id)!.rev);
    }
    expect(server.conflicten()).toHaveLength(0);
    expect(engine.status()).toMatchObject({ wachtend: 0, geweigerd: 0, fout: null, bezig: false });
    expect(engine.status().laatsteSync).not.toBeNull();
  });

  it('a vastgesteld plan and its snapshot survive the round trip through push and pull', async () => {
    const m = await maakPlanMetItems(db, 6, { now: WIE.now });
    const akkoord = { datum: '2026-11-20', wijze: 'mondeling', door: 'client' } as const;
    expect(
      (await updatePlan(db, m.plan.id, { akkoord, evaluatiedatum: '2027-05-20' }, WIE)).ok,
    ).toBe(true);
    expect((await stelPlanVast(db, m.plan.id, { ...WIE, vandaag: '2026-11-23' })).ok).toBe(true);
    const [voor] = await listPlanVersies(db, m.plan.id);

    const uitkomst = await engine.syncNow();

    expect(uitkomst).toMatchObject({ ok: true, overgeslagen: [] });
    const [na] = await listPlanVersies(db, m.plan.id);
    expect(na).toEqual({
      ...voor,
      rev: server.records.get(voor!.id)!.rev,
      updatedAt: server.records.get(voor!.id)!.updatedAt, // the server's clock, not the device's
    });
    expect(na!.inhoud.items).toHaveLength(6);
  });

  it('sends an offline chain of edits of one record in one batch, without conflicts with itself', async () => {
    const client = await maakClient();
    for (const huisarts of ['Dokter A', 'Dokter B', 'Dokter C']) {
      await saveClient(db, clientInvoer({ huisarts }), { ...WIE, id: client.id });
    }
    await engine.syncNow();

    const voorClient = server.ontvangen.filter((x) => x.recordId === client.id);
    expect(voorClient.map((x) => x.baseRev)).toEqual([undefined, undefined, undefined, undefined]);
    expect(server.verzoeken.filter((v) => v === 'POST /api/sync/push')).toHaveLength(1);
    expect(server.conflicten()).toHaveLength(0);
    expect(server.records.get(client.id)!.fields['huisarts']).toBe('Dokter C');
    expect((await getClient(db, client.id))?.huisarts).toBe('Dokter C');

    // The next edit, after that sync, goes on the revision the pull brought.
    await saveClient(db, clientInvoer({ huisarts: 'Dokter D' }), { ...WIE, id: client.id });
    await engine.syncNow();
    expect(server.ontvangen.at(-1)!.baseRev).toBe(4);
  });

  it('bases an edit queued before an earlier push was accepted on that write of the field', async () => {
    const client = await maakClient();
    await engine.syncNow();
    // Offline: two edits of huisarts. Only the first gets through before the line drops.
    await saveClient(db, clientInvoer({ huisarts: 'Eerste' }), { ...WIE, id: client.id });
    const echtePush = server.push.bind(server);
    server.push = ((orig) => (mutaties, gebruiker) => {
      const r = orig.call(server, mutaties.slice(0, 1), gebruiker);
      server.storing = 'netwerk';
      return r;
    })(server.push.bind(server));
    await saveClient(db, clientInvoer({ huisarts: 'Tweede' }), { ...WIE, id: client.id });
    await engine.syncNow();
    const eersteRev = server.records.get(client.id)!.rev;
    expect((await db.syncBasis.get(client.id))?.velden['huisarts']).toBe(eersteRev);
    expect((await db.clients.get(client.id))?.rev).toBe(1); // a push never claims the whole record

    server.push = echtePush;
    server.storing = null;
    await engine.syncNow();
    expect(server.ontvangen.at(-1)).toMatchObject({
      fields: { huisarts: 'Tweede' },
      baseRev: eersteRev,
    });
  });

  it('never bases an edit on a field it has not seen: our own write of B does not vouch for A', () => {
    // The record was pulled at rev 5; our write of huisarts was accepted at rev 9. An edit of
    // postcode was made on what we knew at 5, an edit of huisarts on what we wrote at 9.
    const basis = { recordId: 'x', velden: { huisarts: 9 } };
    expect(basisRev({ fields: { postcode: '1' } }, 5, basis)).toBe(5);
    expect(basisRev({ fields: { huisarts: 'x' } }, 5, basis)).toBe(9);
    expect(basisRev({ fields: { huisarts: 'x', postcode: '1' } }, 5, basis)).toBe(5);
    expect(basisRev({ fields: {} }, 5, basis)).toBe(9);
    expect(basisRev({ fields: { huisarts: 'x' } }, undefined, undefined)).toBeUndefined();
  });

  it('claims no more than the revision the form showed (issue 11, point 2)', () => {
    // The record was pulled at rev 12 (another device's value), but the form showed rev 5 and
    // the user typed over it: the base stays 5, so the server keeps the other value.
    const basis = { recordId: 'x', velden: { huisarts: 14 } };
    expect(basisRev({ fields: { huisarts: 'x' }, gezienRev: 5 }, 12, basis)).toBe(5);
    expect(basisRev({ fields: { huisarts: 'x' }, gezienRev: 0 }, undefined, undefined)).toBe(0);
    expect(basisRev({ fields: { huisarts: 'x' }, gezienRev: 20 }, 12, basis)).toBe(14);
  });

  it('keeps a rejected change visible with a Dutch reason, sends the ones after it, and retries it on request', async () => {
    const a = await maakClient({ voornaam: 'Anna' });
    const b = await maakClient({ voornaam: 'Bert' });
    const c = await maakClient({ voornaam: 'Cor' });
    server.weiger = (m) => (m.recordId === b.id ? 'forbidden' : undefined);

    const uitkomst = await engine.syncNow();

    expect(uitkomst.pushed).toEqual({ applied: 2, duplicate: 0, rejected: 1 });
    expect(server.records.has(a.id) && server.records.has(c.id)).toBe(true);
    const [geweigerd] = await rejected(db);
    expect(geweigerd).toMatchObject({
      recordId: b.id,
      status: 'rejected',
      rejectCode: 'forbidden',
    });
    expect(geweigerd!.rejectReason).toMatch(/geen toegang .* cliënt/);
    expect(await pending(db)).toHaveLength(0);
    expect(engine.status()).toMatchObject({ geweigerd: 1, wachtend: 0 });
    // The local record stays as the user made it.
    expect((await getClient(db, b.id))?.voornaam).toBe('Bert');

    // Another sync does not send it again on its own.
    await engine.syncNow();
    expect(server.ontvangen.filter((m) => m.recordId === b.id)).toHaveLength(1);

    server.weiger = () => undefined;
    expect(await engine.retryRejected(geweigerd!.seq!)).toBe(true);
    await engine.syncNow();
    expect(await db.outbox.count()).toBe(0);
    expect(server.records.get(b.id)!.fields['voornaam']).toBe('Bert');
    expect(engine.status().geweigerd).toBe(0);
  });

  it('words a rejection as invalid with the server detail', async () => {
    const a = await maakClient();
    server.push = ((orig) => (mutaties, gebruiker) => {
      const r = orig.call(server, mutaties, gebruiker);
      return {
        results: r.results.map((x) =>
          x.mutationId === mutaties[0]!.mutationId
            ? {
                mutationId: x.mutationId,
                status: 'rejected',
                reason: 'invalid',
                detail: 'postcode',
              }
            : x,
        ),
      };
    })(server.push);
    await engine.syncNow();
    const [rij] = await rejected(db);
    expect(rij!.recordId).toBe(a.id);
    expect(rij!.rejectReason).toMatch(/niet juist.*\(postcode\)/);
  });

  it('a replay after a lost answer changes nothing on the server and settles as duplicate', async () => {
    await maakClient();
    const origineel = server.fetch;
    let eerste = true;
    const verliesAntwoord = async (input: string, init?: RequestInit) => {
      const res = await origineel(input, init);
      if (eerste && input.endsWith('/api/sync/push')) {
        eerste = false;
        throw new TypeError('verbinding weg na verzenden');
      }
      return res;
    };
    const e2 = createSyncEngine({
      db,
      fetch: verliesAntwoord,
      connectivity: new NepVerbinding(),
      timers: new NepTimers(),
    });
    expect((await e2.syncNow()).error?.code).toBe('server-onbereikbaar');
    const revNaEerste = server.rev;
    const tweede = await e2.syncNow();
    expect(tweede.pushed).toEqual({ applied: 0, duplicate: 1, rejected: 0 });
    expect(server.rev).toBe(revNaEerste);
    expect(await db.outbox.count()).toBe(0);
  });
});
