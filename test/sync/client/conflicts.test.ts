import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type ArrangeurDB } from '../../../src/storage/db.ts';
import { pending } from '../../../src/storage/outbox.ts';
import { getClient, saveClient } from '../../../src/storage/repositories/clients.ts';
import {
  CONFLICT_MELDING,
  listOpenConflicts,
  resolveConflict,
} from '../../../src/sync/client/conflicts.ts';
import { createSyncEngine } from '../../../src/sync/client/engine.ts';
import { clientInvoer } from '../../fixtures/clients.ts';
import { FakeServer, NepTimers, NepVerbinding } from './fake-server.ts';

const WIE = { updatedBy: 'gebruiker-1', now: new Date('2026-11-23T09:00:00Z') };
const KIEZER = { updatedBy: 'gebruiker-1', now: new Date('2026-11-23T13:00:00Z') };

let server: FakeServer;
const dbs: ArrangeurDB[] = [];
beforeEach(() => {
  server = new FakeServer();
});
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

function apparaat(gebruiker: string) {
  const db = openDb(`conflict-${crypto.randomUUID()}`);
  dbs.push(db);
  const engine = createSyncEngine({
    db,
    fetch: server.fetchAls(gebruiker),
    connectivity: new NepVerbinding(),
    timers: new NepTimers(),
  });
  return { db, engine };
}

/**
 * Two devices, one client: both change the huisarts offline; A pushes first, B later, so B's
 * value wins on server order and A's is kept as a conflict that both devices pull.
 */
async function conflictOpTweeApparaten() {
  const a = apparaat('gebruiker-1');
  const b = apparaat('gebruiker-2');
  const r = await saveClient(a.db, clientInvoer({ huisarts: 'Begin' }), WIE);
  if (!r.ok) throw new Error('opslaan');
  const id = r.client.id;
  await a.engine.syncNow();
  await b.engine.syncNow();
  expect((await getClient(b.db, id))?.huisarts).toBe('Begin');

  await saveClient(a.db, clientInvoer({ huisarts: 'Van A' }), { ...WIE, id });
  await saveClient(b.db, clientInvoer({ huisarts: 'Van B', postcode: '1234 AB' }), {
    updatedBy: 'gebruiker-2',
    id,
  });
  await a.engine.syncNow();
  await b.engine.syncNow();
  await a.engine.syncNow();
  return { a, b, id };
}

describe('conflicts', () => {
  it('a conflict kept by the server lands in the conflicts table on both devices', async () => {
    const { a, b, id } = await conflictOpTweeApparaten();
    for (const d of [a, b]) {
      const [c] = await listOpenConflicts(d.db);
      expect(c).toMatchObject({
        recordType: 'client',
        recordId: id,
        clientId: id,
        field: 'huisarts',
        overwrittenValue: 'Van A',
        overwrittenBy: 'gebruiker-1',
        winningValue: 'Van B',
        winningBy: 'gebruiker-2',
        resolved: false,
      });
      expect(await getClient(d.db, id)).toMatchObject({ huisarts: 'Van B', postcode: '1234 AB' });
      expect(d.engine.status().conflicten).toBe(1);
    }
  });

  it("'behouden' queues one change: the conflict marked resolved", async () => {
    const { a, id } = await conflictOpTweeApparaten();
    const [c] = await listOpenConflicts(a.db);

    expect(await resolveConflict(a.db, c!.id, 'behouden', KIEZER)).toEqual({ ok: true });

    const wachtrij = await pending(a.db);
    expect(wachtrij).toHaveLength(1);
    expect(wachtrij[0]).toMatchObject({
      recordType: 'conflict',
      recordId: c!.id,
      clientId: id,
      fields: { resolved: true },
      baseRev: c!.rev,
    });
    expect(await listOpenConflicts(a.db)).toEqual([]);
    expect((await getClient(a.db, id))?.huisarts).toBe('Van B');
    expect(await resolveConflict(a.db, c!.id, 'behouden', KIEZER)).toEqual({
      ok: false,
      reden: CONFLICT_MELDING.alOpgelost,
    });
  });

  it("'andere' writes the other value back and resolves, in one transaction, and both devices converge", async () => {
    const { a, b, id } = await conflictOpTweeApparaten();
    const [c] = await listOpenConflicts(a.db);

    expect(await resolveConflict(a.db, c!.id, 'andere', KIEZER)).toEqual({ ok: true });

    const wachtrij = await pending(a.db);
    expect(wachtrij.map((m) => [m.recordType, m.recordId, m.clientId, m.fields])).toEqual([
      ['client', id, id, { huisarts: 'Van A' }],
      ['conflict', c!.id, id, { resolved: true }],
    ]);
    expect(await getClient(a.db, id)).toMatchObject({
      huisarts: 'Van A',
      updatedAt: KIEZER.now.toISOString(),
    });

    await a.engine.syncNow();
    await b.engine.syncNow();
    for (const d of [a, b]) {
      expect((await getClient(d.db, id))?.huisarts).toBe('Van A');
      expect(await listOpenConflicts(d.db)).toEqual([]);
    }
    expect(server.conflicten().filter((x) => !x.fields['resolved'])).toHaveLength(0);
  });

  it('refuses an unknown conflict, and writes nothing when the other value no longer fits', async () => {
    const { a } = await conflictOpTweeApparaten();
    expect(await resolveConflict(a.db, crypto.randomUUID(), 'andere', KIEZER)).toEqual({
      ok: false,
      reden: CONFLICT_MELDING.onbekend,
    });
    const [c] = await listOpenConflicts(a.db);
    await a.db.conflicts.update(c!.id, { overwrittenValue: 'x'.repeat(500) });
    expect(await resolveConflict(a.db, c!.id, 'andere', KIEZER)).toEqual({
      ok: false,
      reden: CONFLICT_MELDING.ongeldig,
    });
    expect(await pending(a.db)).toEqual([]);
    expect(await listOpenConflicts(a.db)).toHaveLength(1);
  });
});
