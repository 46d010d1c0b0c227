/**
 * One device for the sync-client tests (pull, push, intrekking): a fresh IndexedDB, the fake
 * server and an engine on fake timers and connectivity, and how to clean them up afterwards.
 */
import { openDb, type ArrangeurDB } from '../../../src/storage/db.ts';
import { createSyncEngine, type SyncEngine } from '../../../src/sync/client/engine.ts';
import { FakeServer, NepTimers, NepVerbinding } from './fake-server.ts';

/** The user and clock of the device tests' writes. */
export const WIE = { updatedBy: 'gebruiker-1', now: new Date('2026-11-23T09:00:00Z') };

export interface Apparaat {
  db: ArrangeurDB;
  server: FakeServer;
  engine: SyncEngine;
}

export function nieuwApparaat(naam: string): Apparaat {
  const db = openDb(`${naam}-${crypto.randomUUID()}`);
  const server = new FakeServer();
  const engine = createSyncEngine({
    db,
    fetch: server.fetch,
    connectivity: new NepVerbinding(),
    timers: new NepTimers(),
  });
  return { db, server, engine };
}

export async function ruimOp(apparaat: Apparaat): Promise<void> {
  await apparaat.engine.stop();
  await apparaat.db.delete();
}
