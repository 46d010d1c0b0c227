/**
 * The pull service (docs/architecture.md, Sync guarantees 4–5): what GET /api/sync/pull does,
 * without HTTP. routes/sync.ts parses the query, calls `pullPagina` and answers.
 *
 * The records this user may read with cursor < rev ≤ the visibility horizon (db/records.ts
 * zichtbaarTot), in rev order, paged. The access rule is part of the SQL (db/records.ts pullPage),
 * so nothing outside her caseload is ever loaded. A page also carries `ingetrokken`: clients she
 * can no longer read (db/toegang.ts noteerIntrekking), whose records her device then removes.
 *
 * Access log (toegang_log): one row per client whose records a page holds, with the number of
 * records — never one row per record — in the transaction that read them, with the device id.
 */
import type { Gebruiker } from '../../sync/protocol/wire.ts';
import { pullPage, zichtbaarTot } from '../db/records.ts';
import type { Store } from '../db/store.ts';
import { ACTIES, intrekkingenNa, logContext } from '../db/toegang.ts';

export interface PullVraag {
  readonly cursor: number;
  readonly limit: number;
  readonly deviceId?: string | undefined;
}

/**
 * One page as the JSON text of a PullResponse (records, ingetrokken, nextCursor, hasMore): the
 * records' JSON is built by the database and passed on as text (db/records.ts pullPage).
 */
export async function pullPagina(store: Store, g: Gebruiker, v: PullVraag): Promise<string> {
  const { cursor, limit, deviceId } = v;
  const [apparaat, adres] = logContext({ apparaat: deviceId ?? null });
  // Read and log in one transaction: the log never misses a page that was read.
  return store.transaction(async (tx) => {
    // One horizon for revocations and records: every rev at or below it has ended (committed or
    // rolled back), so both queries below see all of them (also under READ COMMITTED), and
    // moving the cursor up to the horizon can never skip a record or a revocation.
    const horizon = await zichtbaarTot(tx);
    const intrekkingen = await intrekkingenNa(tx, g, cursor, horizon);
    const p = await pullPage(
      tx,
      g,
      { cursor, limit, horizon },
      { actie: ACTIES.pull, apparaat, adres },
    );
    // With more pages to come, only the revocations this page's cursor passes.
    const grens = p.hasMore && p.laatsteRev !== null ? p.laatsteRev : Number.POSITIVE_INFINITY;
    const mee = intrekkingen.filter((i) => i.rev <= grens);
    const nextCursor = Math.max(p.laatsteRev ?? cursor, ...mee.map((i) => i.rev));
    return `{"records":${p.recordsJson},"ingetrokken":${JSON.stringify(
      mee.map((i) => i.clientId),
    )},"nextCursor":${nextCursor},"hasMore":${p.hasMore}}`;
  });
}
