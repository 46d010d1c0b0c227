/**
 * Demo clients served by the embedded store (issue 5, item 6): when the server starts with
 * DEMO=1 and holds no records yet, the fictional clients of `domain/demo` go in as server
 * records, all in the caseload of the demo arrangeur `anja`, a few shared for review with the
 * casemanager `carla` (each with a review round addressed to her: waiting, aanpassen, akkoord). A device gets them through the normal pull after login, like any record.
 *
 * Never touches a store that has records: a demo does not mix with real work.
 */
import { maakDemoData } from '../../domain/demo/records.ts';
import type { FieldStamp } from '../../sync/protocol/merge.ts';
import { werkKostenBij } from './kosten-regels.ts';
import { lockRecordWrites, nextRev, writeRecord } from './records.ts';
import type { Queryable, Store } from './store.ts';
import { voegToeAanCaseload, zetReviewDeling } from './toegang.ts';

/** Usernames from DEMO_GEBRUIKERS (server/demo-users.ts). */
const ARRANGEUR = 'anja';
const CASEMANAGER = 'carla';

async function aantalRecords(q: Queryable): Promise<number> {
  const rows = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM records');
  return rows[0]?.n ?? 0;
}

async function gebruiker(
  q: Queryable,
  gebruikersnaam: string,
): Promise<{ id: string; naam: string } | null> {
  const rows = await q.query<{ id: string; naam: string }>(
    'SELECT id::text AS id, naam FROM gebruikers WHERE gebruikersnaam = $1',
    [gebruikersnaam],
  );
  return rows[0] ?? null;
}

/** An arbitrary but fixed key: one demo insert at a time. */
const DEMO_LOCK = 4_711_004;

/**
 * Inserts the demo records in one transaction, only into an empty record store and only when
 * the demo arrangeur exists (without her nobody could read them).
 * @returns how many records were inserted (0 when nothing was done).
 */
export async function maakDemoClienten(store: Store, now: Date = new Date()): Promise<number> {
  if ((await aantalRecords(store)) > 0) return 0;
  return store.transaction(async (tx) => {
    // Two instances starting at once: the second waits here (record writers no longer exclude
    // each other, records.ts), then finds the records and inserts nothing.
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [DEMO_LOCK]);
    await lockRecordWrites(tx);
    // Checked again under the lock: two instances starting at once insert the demo only once.
    if ((await aantalRecords(tx)) > 0) return 0;
    const arrangeur = await gebruiker(tx, ARRANGEUR);
    if (!arrangeur) return 0;
    const anja = arrangeur.id;
    const cm = await gebruiker(tx, CASEMANAGER);
    const carla = cm?.id ?? null;
    // The review rounds name carla by her real id, so they exist only when she does.
    const demo = maakDemoData({
      now,
      updatedBy: anja,
      ...(cm
        ? {
            review: {
              casemanagerId: cm.id,
              casemanagerNaam: cm.naam,
              arrangeurNaam: arrangeur.naam,
            },
          }
        : {}),
    });
    const at = now.toISOString();
    for (const r of demo.records) {
      const rev = await nextRev(tx);
      // As if one push wrote every field: stamped with the author and no device of hers.
      const by = r.updatedBy ?? anja;
      const stamp: FieldStamp = { rev, by, at, device: '' };
      await writeRecord(tx, {
        id: r.id,
        type: r.type,
        clientId: r.clientId,
        fields: r.fields,
        fieldRevs: Object.fromEntries(Object.keys(r.fields).map((f) => [f, stamp])),
        rev,
        updatedAt: at,
        updatedBy: by,
        deleted: false,
      });
    }
    for (const clientId of demo.clientIds) await voegToeAanCaseload(tx, anja, clientId);
    if (carla) {
      for (const clientId of demo.openReviewClientIds) {
        await zetReviewDeling(tx, carla, clientId, true, anja);
      }
    }
    // The coordinator's kept cost lines of the demo clients (issue 13.5).
    await werkKostenBij(tx, demo.clientIds);
    return demo.records.length;
  });
}
