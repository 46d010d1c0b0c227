/**
 * Access to a client was taken away (issue 12, point 8): the server says so in a pull
 * (`ingetrokken`), and this removes every record of that client from the device, in one Dexie
 * transaction: the client, her naasten, plan, doelen, plan items, vastgestelde versies, reviews,
 * review comments and conflicts, and their sync bookkeeping.
 *
 * Unsent changes of that client are NOT dropped silently: their outbox rows stay, marked refused
 * with the reason the caller gives (Dutch, for the user), so the status bar counts them and the
 * refused-changes list shows them until she deals with them (guarantee 5).
 */
import type { ArrangeurDB, OutboxRow } from './db.ts';

export interface VerwijderdeClient {
  readonly clientId: string;
  /** Records removed from the device. */
  readonly records: number;
  /** Unsent (or already refused) changes of this client, now kept as refused. */
  readonly onverzonden: number;
}

export interface IntrekkingReden {
  /** Dutch, for the user (the outbox row's rejectReason). */
  readonly tekst: string;
  /** A code for a UI that words it itself (the outbox row's rejectCode). */
  readonly code: string;
}

/**
 * Removes one client's records from the device. Runs in its own transaction, or inside the
 * caller's when that one covers the same tables (a pull page).
 *
 * Safe offline: local only.
 */
export async function verwijderClientVanApparaat(
  db: ArrangeurDB,
  clientId: string,
  reden: IntrekkingReden,
): Promise<VerwijderdeClient> {
  const tabellen = [
    db.clients,
    db.naasten,
    db.plans,
    db.doelen,
    db.planItems,
    db.planVersies,
    db.reviews,
    db.reviewComments,
    db.conflicts,
    db.outbox,
    db.syncBasis,
  ];
  return db.transaction('rw', tabellen, async () => {
    const planIds = await db.plans.where('clientId').equals(clientId).primaryKeys();
    const perPlan = async (t: {
      where(i: string): { anyOf(k: string[]): { primaryKeys(): Promise<string[]> } };
    }): Promise<string[]> =>
      planIds.length === 0 ? [] : t.where('planId').anyOf(planIds).primaryKeys();
    const groepen: [{ bulkDelete(k: string[]): Promise<void> }, string[]][] = [
      [db.clients, (await db.clients.get(clientId)) ? [clientId] : []],
      [db.naasten, await db.naasten.where('clientId').equals(clientId).primaryKeys()],
      [db.plans, planIds],
      [db.doelen, await perPlan(db.doelen)],
      [db.planItems, await perPlan(db.planItems)],
      [db.planVersies, await perPlan(db.planVersies)],
      [db.reviews, await db.reviews.where('clientId').equals(clientId).primaryKeys()],
      [db.reviewComments, await perPlan(db.reviewComments)],
      // Few conflicts and no clientId index: a scan is fine.
      [db.conflicts, await db.conflicts.filter((c) => c.clientId === clientId).primaryKeys()],
    ];
    const ids = new Set(groepen.flatMap(([, k]) => k));
    for (const [tabel, keys] of groepen) if (keys.length > 0) await tabel.bulkDelete(keys);
    await db.syncBasis.bulkDelete([...ids]);

    const open = await db.outbox
      .filter((r) => r.clientId === clientId || ids.has(r.recordId))
      .toArray();
    const bewaard: OutboxRow[] = open.map((r) => ({
      ...r,
      status: 'rejected',
      rejectReason: reden.tekst,
      rejectCode: reden.code,
    }));
    if (bewaard.length > 0) await db.outbox.bulkPut(bewaard);
    return { clientId, records: ids.size, onverzonden: bewaard.length };
  });
}
