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
  bestaandeRij,
  opVolgorde,
  schrijfRecord,
  verwijderRecord,
  vorigeRij,
  zodFouten,
  type Result,
  type WriteOptions,
} from './schrijven.ts';
import { fout, fouten } from './velden.ts';

const NAASTE_VELDEN = Object.keys(naasteVeldenSchema.shape);

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
  const { id, ...rest } = invoer;
  const parsed = naasteVeldenSchema.safeParse(rest);
  if (!parsed.success) return fouten(zodFouten(parsed.error));
  const gegevens = parsed.data;
  const now = opts.now ?? new Date();
  return db.transaction('rw', [db.clients, db.naasten, db.outbox, db.meta], async () => {
    const vorige = await vorigeRij(db.naasten, naasteSchema, id);
    if (!vorige.ok) return vorige;
    if (vorige.record && vorige.record.clientId !== gegevens.clientId)
      return fout(MELDING.andereClient);
    if (!(await getClient(db, gegevens.clientId))) return fout(MELDING.clientOnbekend, 'clientId');
    const { record } = await schrijfRecord(db, {
      table: db.naasten,
      schema: naasteSchema,
      type: 'naaste',
      clientId: gegevens.clientId,
      velden: NAASTE_VELDEN,
      gegevens,
      vorige: vorige.record,
      id,
      aanmaakmoment: true,
      opts,
      now,
    });
    return { ok: true, record };
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
  const now = opts.now ?? new Date();
  return db.transaction('rw', [db.naasten, db.outbox, db.meta], async () => {
    const naaste = await bestaandeRij(db.naasten, naasteSchema, id);
    if (!naaste.ok) return naaste;
    const record = await verwijderRecord(db, {
      table: db.naasten,
      type: 'naaste',
      clientId: naaste.record.clientId,
      rij: naaste.record,
      opts,
      now,
    });
    return { ok: true, record };
  });
}

/** The living naasten of a client, in the order they were made. */
export async function listNaasten(db: ArrangeurDB, clientId: string): Promise<Naaste[]> {
  return opVolgorde(
    levend(naasteSchema, await db.naasten.where('clientId').equals(clientId).toArray()),
  );
}
