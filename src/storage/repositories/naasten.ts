/**
 * Naasten of a client on the device (see plan.ts for what must stay true for every plan record).
 * Naasten belong to the client, not to one plan version, so they stay editable after vaststellen
 * (the snapshot keeps the naasten as they were).
 */
import {
  naasteSchema,
  naasteVeldenSchema,
  type Naaste,
  type NaasteInvoer,
} from '../../domain/plan/model.ts';
import type { ArrangeurDB } from '../db.ts';
import { getClient } from './clients.ts';
import { levend } from './lezen.ts';
import { MELDING } from './plan.ts';
import {
  bewaarRecord,
  opVolgorde,
  verwijderBewaard,
  type Result,
  type WriteOptions,
} from './schrijven.ts';
import { fout } from './velden.ts';

/**
 * Creates or updates a naaste of a client.
 *
 * Safe offline: the record and its outbox mutation are written locally in one transaction.
 */
export async function saveNaaste(
  db: ArrangeurDB,
  invoer: NaasteInvoer & { id?: string },
  opts: WriteOptions,
): Promise<Result<Naaste>> {
  return bewaarRecord(db, {
    table: db.naasten,
    schema: naasteSchema,
    type: 'naaste',
    veldenSchema: naasteVeldenSchema,
    leest: [db.clients],
    invoer,
    eigenaar: { veld: 'clientId', melding: MELDING.andereClient },
    toets: async ({ clientId }) =>
      (await getClient(db, clientId))
        ? { ok: true, clientId }
        : fout(MELDING.clientOnbekend, 'clientId'),
    opts,
  });
}

/**
 * Deletes a naaste (tombstone).
 *
 * Safe offline: the tombstone and its delete mutation are written locally in one transaction.
 */
export async function deleteNaaste(
  db: ArrangeurDB,
  id: string,
  opts: WriteOptions,
): Promise<Result<Naaste>> {
  return verwijderBewaard(db, {
    table: db.naasten,
    schema: naasteSchema,
    type: 'naaste',
    id,
    leest: [],
    toets: async ({ clientId }) => ({ ok: true, clientId }),
    opts,
  });
}

/** The living naasten of a client, in the order they were made. */
export async function listNaasten(db: ArrangeurDB, clientId: string): Promise<Naaste[]> {
  return opVolgorde(
    levend(naasteSchema, await db.naasten.where('clientId').equals(clientId).toArray()),
  );
}
