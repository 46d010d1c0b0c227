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
import type { PullResponse, Gebruiker } from '../../sync/protocol/wire.ts';
import { pullPage, zichtbaarTot } from '../db/records.ts';
import type { Store } from '../db/store.ts';
import { ACTIES, intrekkingenNa, logToegangPerClient } from '../db/toegang.ts';

export interface PullVraag {
  readonly cursor: number;
  readonly limit: number;
  readonly deviceId?: string | undefined;
}

export async function pullPagina(store: Store, g: Gebruiker, v: PullVraag): Promise<PullResponse> {
  const { cursor, limit, deviceId } = v;
  // Read and log in one transaction: the log never misses a page that was read.
  return store.transaction(async (tx) => {
    // One horizon for revocations and records: every rev at or below it has ended (committed or
    // rolled back), so both queries below see all of them (also under READ COMMITTED), and
    // moving the cursor up to the horizon can never skip a record or a revocation.
    const horizon = await zichtbaarTot(tx);
    const intrekkingen = await intrekkingenNa(tx, g, cursor, horizon);
    const p = await pullPage(tx, g, cursor, limit, horizon);
    const perClient = new Map<string | null, number>();
    for (const r of p.records) perClient.set(r.clientId, (perClient.get(r.clientId) ?? 0) + 1);
    if (perClient.size > 0) {
      await logToegangPerClient(tx, g, ACTIES.pull, perClient, { apparaat: deviceId ?? null });
    }
    const last = p.records.at(-1);
    // With more pages to come, only the revocations this page's cursor passes.
    const grens = p.hasMore && last ? last.rev : Number.POSITIVE_INFINITY;
    const mee = intrekkingen.filter((i) => i.rev <= grens);
    return {
      records: p.records,
      ingetrokken: mee.map((i) => i.clientId),
      nextCursor: Math.max(last ? last.rev : cursor, ...mee.map((i) => i.rev)),
      hasMore: p.hasMore,
    };
  });
}
