/**
 * Who may read and write which client's records (issue 5, item 4; docs/architecture.md, Roles): the
 * rules in one place, used by push, pull and the beheer routes. Finding "may Anja see this
 * client?" means opening this file.
 *
 * | rol         | own caseload | shared for review        | client_id null (sociale kaart) | other clients |
 * |-------------|--------------|--------------------------|--------------------------------|---------------|
 * | arrangeur   | read, write  | –                        | read, write                    | –             |
 * | casemanager | read, write  | read, review-write (¹)   | read, write                    | –             |
 * | coordinator | –            | –                        | –                              | –             |
 * | beheerder   | –            | –                        | –                              | –             |
 *
 * (¹) review-write (issue 6), for a client shared with her but not in her caseload — nothing else:
 *   - `reviewComment`: create one whose `auteurId` is her own id and that is not afgehandeld, on a
 *     review addressed to her; change only `tekst`, `sectie`, `itemId` of her own comments; delete
 *     her own. Never someone else's comment, never `afgehandeld` (that is the arrangeur's).
 *   - `review`: change only REVIEW_BESLUIT_VELDEN (besluit, besluitOp, besluitToelichting) of an
 *     existing review whose `casemanagerId` is her id. She never creates or deletes a review.
 *   - plan, planItem, doel, naaste, client, planVersie, conflict of that client: forbidden.
 *
 * Review rules for every writer, caseload included (reviewRegel, after the merge):
 *   - the besluit fields of a review are written only by its own casemanager: a review is created
 *     with besluit null, and an arrangeur cannot forge akkoord;
 *   - a review is addressed once: planId, clientId, versie, casemanagerId never change (ask a new
 *     review instead); a comment's reviewId, planId and auteurId never change, and a new comment
 *     carries the writer's own id as auteurId;
 *   - a comment's tekst, sectie and itemId are changed, and a comment deleted, by its author only
 *     (domain/plan/review-regels.ts, the same rule the device applies before it writes).
 * Side effect (push route): a new review shares its client with the named casemanager
 * (review_deling) and resends the client's records, so her next pull brings the plan. The named
 * user must be an active casemanager, or the review is rejected `invalid`. The share ends when the
 * review is decided or withdrawn (reviewDelingNaSchrijven, issue 12).
 *
 * Taking access away (caseload removed, review share ended) is noted in toegang_intrekking; the
 * user's next pull carries the client in `ingetrokken` and her device removes its records.
 *
 * - coordinator: no client records through sync at all. Her view is the pseudonymised
 *   /api/coordinator/* (routes/coordinator.ts): a stable pseudonym, age band and gemeente per
 *   client, never a name, BSN, address or birth date (tested per endpoint); each read is logged
 *   here per client shown.
 * - beheerder: manages users, caseloads and review shares, but reads no client record through
 *   sync. Least privilege: assigning a client to a caseload needs only the client's id, and an
 *   account that can hand out access should not also hold the data.
 * - Sociale-kaart entries added on a device carry no client (`clientId: null`) and are shared by
 *   everyone who builds plans. Whether one may edit another's entry is a per-record rule for the
 *   sync route, not a client rule.
 *
 * Every function answers "no" for a role it does not know, so a new role starts with nothing.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Gebruiker, Rol } from '../../sync/protocol/wire.ts';
import { lockRecordWrites, nextRev, resendClient } from './records.ts';
import { geeftRij, type Queryable } from './store.ts';

/** Roles that work with client records at all. */
const MET_CLIENTEN: readonly Rol[] = ['arrangeur', 'casemanager'];
const werktMetClienten = (g: Gebruiker): boolean => MET_CLIENTEN.includes(g.rol);

/** Roles that can have a caseload (the beheer routes refuse to assign one to any other role). */
export const heeftCaseload = (rol: Rol): boolean => MET_CLIENTEN.includes(rol);

/** May this user create a new client (which then joins her caseload)? */
export const magClientAanmaken = (g: Gebruiker): boolean => werktMetClienten(g);

async function inCaseload(q: Queryable, gebruikerId: string, clientId: string): Promise<boolean> {
  return geeftRij(q, 'SELECT 1 FROM caseload WHERE gebruiker_id = $1 AND client_id = $2', [
    gebruikerId,
    clientId,
  ]);
}

export async function gedeeldVoorReview(
  q: Queryable,
  casemanagerId: string,
  clientId: string,
): Promise<boolean> {
  return geeftRij(q, 'SELECT 1 FROM review_deling WHERE casemanager_id = $1 AND client_id = $2', [
    casemanagerId,
    clientId,
  ]);
}

/** May `g` read records of `clientId` (null: records of no client, i.e. the sociale kaart)? */
export async function magClientLezen(
  q: Queryable,
  g: Gebruiker,
  clientId: string | null,
): Promise<boolean> {
  if (!werktMetClienten(g)) return false;
  if (clientId === null) return true;
  if (await inCaseload(q, g.id, clientId)) return true;
  return g.rol === 'casemanager' && (await gedeeldVoorReview(q, g.id, clientId));
}

/**
 * May `g` write records of `clientId`? A review share gives read access only: the plan stays the
 * arrangeur's. An existing client outside every caseload is writable by nobody; a brand-new
 * client is a separate check (magClientAanmaken, then voegToeAanCaseload).
 */
export async function magClientSchrijven(
  q: Queryable,
  g: Gebruiker,
  clientId: string | null,
): Promise<boolean> {
  if (!werktMetClienten(g)) return false;
  if (clientId === null) return true;
  return inCaseload(q, g.id, clientId);
}

/**
 * How `g` may write records of `clientId`: 'caseload' (everything, as magClientSchrijven), 'review'
 * (a casemanager with a review share but no caseload: only reviewerMagSchrijven), or null.
 */
export type SchrijfRecht = 'caseload' | 'review' | null;

export async function schrijfRecht(
  q: Queryable,
  g: Gebruiker,
  clientId: string | null,
): Promise<SchrijfRecht> {
  if (await magClientSchrijven(q, g, clientId)) return 'caseload';
  if (g.rol === 'casemanager' && clientId !== null && (await gedeeldVoorReview(q, g.id, clientId)))
    return 'review';
  return null;
}

/** What a push chunk needs to know of one client: `g`'s write right, and whether anyone knows it. */
export interface ClientToegang {
  readonly recht: SchrijfRecht;
  /** A client record exists, or some caseload holds the client (records.ts clientKnown). */
  readonly bekend: boolean;
}

/**
 * `schrijfRecht` and `clientKnown` for many clients in one statement (a chunk of a push,
 * server/sync/push.ts). Same rules as the single checks. @param clientIds uuids only.
 */
export async function toegangVoorClienten(
  q: Queryable,
  g: Gebruiker,
  clientIds: readonly string[],
): Promise<Map<string, ClientToegang>> {
  const uit = new Map<string, ClientToegang>();
  if (clientIds.length === 0) return uit;
  const rows = await q.query<{
    id: string;
    caseload: boolean;
    review: boolean;
    bekend: boolean;
  }>(
    `SELECT c.id::text AS id,
            EXISTS (SELECT 1 FROM caseload WHERE gebruiker_id = $1 AND client_id = c.id) AS caseload,
            $2::boolean AND EXISTS (SELECT 1 FROM review_deling
                                    WHERE casemanager_id = $1 AND client_id = c.id) AS review,
            EXISTS (SELECT 1 FROM records WHERE id = c.id AND type = 'client')
              OR EXISTS (SELECT 1 FROM caseload WHERE client_id = c.id) AS bekend
     FROM unnest($3::uuid[]) AS c(id)`,
    [g.id, g.rol === 'casemanager', [...new Set(clientIds.map((c) => c.toLowerCase()))]],
  );
  for (const r of rows)
    uit.set(r.id.toLowerCase(), { recht: schrijfRechtVan(g, r), bekend: r.bekend });
  return uit;
}

/**
 * What `g` may write on a client, from whether it is in her caseload and shared with her for
 * review (a share counts for a casemanager only). One rule for every bulk read of access
 * (`toegangVoorClienten`, db/push-deel.ts `leesDeel`).
 */
export function schrijfRechtVan(
  g: Gebruiker,
  t: { readonly caseload: boolean; readonly review: boolean },
): SchrijfRecht {
  if (!werktMetClienten(g)) return null;
  if (t.caseload) return 'caseload';
  return g.rol === 'casemanager' && t.review ? 'review' : null;
}

/**
 * `voegToeAanCaseload` for many clients of one user in one statement (the new clients of a push
 * chunk), with their history rows.
 */
export async function voegToeAanCaseloadVeel(
  q: Queryable,
  gebruikerId: string,
  clientIds: readonly string[],
): Promise<void> {
  if (clientIds.length === 0) return;
  await q.query(
    `WITH nieuw AS (
       INSERT INTO caseload (gebruiker_id, client_id)
       SELECT $1::uuid, c FROM unnest($2::uuid[]) AS c ORDER BY c
       ON CONFLICT (gebruiker_id, client_id) DO NOTHING RETURNING client_id)
     INSERT INTO caseload_historie (gebruiker_id, client_id) SELECT $1::uuid, client_id FROM nieuw`,
    [gebruikerId, [...new Set(clientIds.map((c) => c.toLowerCase()))]],
  );
}

// The review rules are pure and shared by device and server: src/domain/plan/review-regels.ts.
export {
  reviewerMagSchrijven,
  reviewRegel,
  type BestaandRecord,
} from '../../domain/plan/review-regels.ts';

/** Every client id `g` may read (caseload plus, for a casemanager, review shares), sorted. */
export async function leesbareClientIds(q: Queryable, g: Gebruiker): Promise<string[]> {
  if (!werktMetClienten(g)) return [];
  const rows = await q.query<{ client_id: string }>(
    `SELECT client_id FROM caseload WHERE gebruiker_id = $1
     UNION
     SELECT client_id FROM review_deling WHERE casemanager_id = $1 AND $2::boolean
     ORDER BY client_id`,
    [g.id, g.rol === 'casemanager'],
  );
  return rows.map((r) => r.client_id);
}

export interface SqlFragment {
  /** A boolean SQL expression, ready to AND into a WHERE clause. */
  readonly sql: string;
  readonly params: unknown[];
}

const KOLOM = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/**
 * The read rule as SQL, for pull: keeps a query paging by cursor in the database instead of
 * loading every readable id first. Same rule as magClientLezen (tests check both agree).
 * @param kolom the client-id column, e.g. `r.client_id` (an identifier, never user input).
 * @param eersteParam the number of the first `$n` this fragment may use.
 */
export function leesFilter(g: Gebruiker, kolom: string, eersteParam: number): SqlFragment {
  if (!KOLOM.test(kolom)) throw new Error(`leesFilter: not a column name: ${kolom}`);
  if (!werktMetClienten(g)) return { sql: 'false', params: [] };
  const p = `$${eersteParam}`;
  const review =
    g.rol === 'casemanager'
      ? ` OR ${kolom} IN (SELECT client_id FROM review_deling WHERE casemanager_id = ${p})`
      : '';
  return {
    sql: `(${kolom} IS NULL OR ${kolom} IN (SELECT client_id FROM caseload WHERE gebruiker_id = ${p})${review})`,
    params: [g.id],
  };
}

/**
 * The one function that grants access to a client: a caseload entry (beheer; a new client joining
 * her creator's caseload) or, for a casemanager, a review share (beheer; a new review pushed by the
 * arrangeur). When she could not read the client before, the client's records get new revs
 * (records.ts resendClient) so her next pull brings them, even with a cursor already past their
 * old revs; `opnieuwSturen: false` skips that where she wrote them herself just now.
 * Call in the transaction of the change that grants it (and log it there).
 * @returns whether she could not read the client before.
 */
export async function geefToegang(
  q: Queryable,
  ontvanger: Gebruiker,
  clientId: string,
  soort: 'caseload' | 'review',
  opties: { readonly door: string; readonly opnieuwSturen?: boolean },
): Promise<boolean> {
  const nieuw = !(await magClientLezen(q, ontvanger, clientId));
  if (soort === 'caseload') await voegToeAanCaseload(q, ontvanger.id, clientId);
  else await zetReviewDeling(q, ontvanger.id, clientId, true, opties.door);
  if (nieuw && opties.opnieuwSturen !== false) await resendClient(q, clientId);
  return nieuw;
}

/** Puts a client in a caseload (idempotent). Used by beheer, and by push when a user creates a client. */
export async function voegToeAanCaseload(
  q: Queryable,
  gebruikerId: string,
  clientId: string,
): Promise<void> {
  const nieuw = await q.query(
    `INSERT INTO caseload (gebruiker_id, client_id) VALUES ($1, $2)
     ON CONFLICT (gebruiker_id, client_id) DO NOTHING RETURNING client_id`,
    [gebruikerId, clientId],
  );
  // History (migration 009): a new assignment starts a row.
  if (nieuw.length > 0) {
    await q.query('INSERT INTO caseload_historie (gebruiker_id, client_id) VALUES ($1, $2)', [
      gebruikerId,
      clientId,
    ]);
  }
}

/**
 * Takes a client out of a caseload (idempotent). When she can no longer read the client at all,
 * her next pull tells her device to remove the client's records (noteerIntrekking).
 */
export async function verwijderUitCaseload(
  q: Queryable,
  gebruikerId: string,
  clientId: string,
): Promise<void> {
  const rows = await q.query(
    'DELETE FROM caseload WHERE gebruiker_id = $1 AND client_id = $2 RETURNING client_id',
    [gebruikerId, clientId],
  );
  if (rows.length > 0) {
    // History (migration 009): the open assignment ends.
    await q.query(
      `UPDATE caseload_historie SET tot_op = now()
       WHERE gebruiker_id = $1 AND client_id = $2 AND tot_op IS NULL`,
      [gebruikerId, clientId],
    );
    await noteerIntrekking(q, gebruikerId, clientId);
  }
}

/**
 * Access to a client was taken away from a user: unless she can still read it another way (a
 * casemanager with both a caseload entry and a review share), her next pull carries the client's
 * id in `ingetrokken` and her device removes its records (src/sync/client/pull.ts). The row takes
 * a rev from the record sequence as a registered writer (records.ts lockRecordWrites), so it
 * orders with records under the same visibility horizon: a pull that has paged past it has seen
 * every record written before it.
 * @returns whether a revocation was noted.
 */
export async function noteerIntrekking(
  q: Queryable,
  gebruikerId: string,
  clientId: string,
): Promise<boolean> {
  const rows = await q.query<Gebruiker>(
    'SELECT id, gebruikersnaam, naam, rol FROM gebruikers WHERE id = $1',
    [gebruikerId],
  );
  const g = rows[0];
  if (!g || (await magClientLezen(q, g, clientId))) return false;
  await lockRecordWrites(q);
  const rev = await nextRev(q);
  await q.query(
    'INSERT INTO toegang_intrekking (gebruiker_id, client_id, rev) VALUES ($1, $2, $3)',
    [gebruikerId, clientId, rev],
  );
  return true;
}

export interface Intrekking {
  readonly clientId: string;
  readonly rev: number;
}

/**
 * Revocations for `g` after `cursor` and at or below `horizon` (records.ts zichtbaarTot) of clients she cannot read now (a client given back since is
 * not revoked: its records were resent on the grant). One per client, its latest rev, in rev order.
 */
export async function intrekkingenNa(
  q: Queryable,
  g: Gebruiker,
  cursor: number,
  horizon: number,
): Promise<Intrekking[]> {
  if (!werktMetClienten(g)) return [];
  const leesbaar = leesFilter(g, 'i.client_id', 4);
  const rows = await q.query<{ client_id: string; rev: string | number }>(
    `SELECT i.client_id, max(i.rev) AS rev FROM toegang_intrekking i
     WHERE i.gebruiker_id = $1 AND i.rev > $2 AND i.rev <= $3 AND NOT ${leesbaar.sql}
     GROUP BY i.client_id ORDER BY max(i.rev)`,
    [g.id, cursor, horizon, ...leesbaar.params],
  );
  return rows.map((r) => ({ clientId: r.client_id, rev: Number(r.rev) }));
}

/**
 * Shares (or with `delen: false` unshares) a client's plan with a casemanager for review. An
 * unshare is a revocation for her device when she cannot read the client otherwise.
 * @returns whether anything changed.
 */
export async function zetReviewDeling(
  q: Queryable,
  casemanagerId: string,
  clientId: string,
  delen: boolean,
  gedeeldDoor: string,
): Promise<boolean> {
  if (delen) {
    const rows = await q.query(
      `INSERT INTO review_deling (casemanager_id, client_id, gedeeld_door) VALUES ($1, $2, $3)
       ON CONFLICT (casemanager_id, client_id) DO NOTHING RETURNING client_id`,
      [casemanagerId, clientId, gedeeldDoor],
    );
    return rows.length > 0;
  }
  const rows = await q.query(
    'DELETE FROM review_deling WHERE casemanager_id = $1 AND client_id = $2 RETURNING client_id',
    [casemanagerId, clientId],
  );
  if (rows.length > 0) await noteerIntrekking(q, casemanagerId, clientId);
  return rows.length > 0;
}

/** The part of a record before and after a push that reviewDelingNaSchrijven looks at. */
export interface GeschrevenRecord {
  readonly type: string;
  readonly id: string;
  readonly clientId: string | null;
  readonly voor: {
    readonly fields: Readonly<Record<string, unknown>>;
    readonly deleted: boolean;
  } | null;
  readonly na: { readonly fields: Readonly<Record<string, unknown>>; readonly deleted: boolean };
}

/**
 * Whether this write may end a review share (reviewDelingNaSchrijven), without SQL: a push calls
 * that function, which reads and writes, only when this says yes.
 */
export function reviewDelingKanEindigen(w: GeschrevenRecord): boolean {
  if (w.clientId === null || !w.voor) return false;
  if (w.type === 'review') {
    const openVoor = !w.voor.deleted && w.voor.fields['besluit'] == null;
    return openVoor && (w.na.fields['besluit'] != null || w.na.deleted);
  }
  if (w.type === 'plan') {
    return w.voor.fields['status'] === 'ter-review' && w.na.fields['status'] !== 'ter-review';
  }
  return false;
}

/**
 * A review share lasts as long as the review is open (issue 12, point 8). It ends when
 * - the review is decided: its besluit goes from null to akkoord/aanpassen (by the casemanager);
 * - the review is withdrawn: the plan goes from ter-review back to concept while the review has
 *   no besluit, or the review record is deleted before a besluit.
 * Call after a pushed write, in its transaction; `actor` is the pusher (logged as such).
 */
export async function reviewDelingNaSchrijven(
  q: Queryable,
  actor: Pick<Gebruiker, 'id'>,
  w: GeschrevenRecord,
): Promise<void> {
  if (!reviewDelingKanEindigen(w) || w.clientId === null || !w.voor) return;
  const eindig = async (casemanagerId: unknown) => {
    if (typeof casemanagerId !== 'string') return;
    if (await zetReviewDeling(q, casemanagerId, w.clientId as string, false, actor.id)) {
      await logToegang(q, actor, ACTIES.reviewBeeindigd, w.clientId, 1);
    }
  };
  if (w.type === 'review') {
    const openVoor = !w.voor.deleted && w.voor.fields['besluit'] == null;
    const besloten = w.na.fields['besluit'] != null;
    if (openVoor && (besloten || w.na.deleted)) await eindig(w.voor.fields['casemanagerId']);
    return;
  }
  if (w.type === 'plan') {
    const teruggetrokken =
      w.voor.fields['status'] === 'ter-review' && w.na.fields['status'] !== 'ter-review';
    if (!teruggetrokken) return;
    const open = await q.query<{ cm: string | null }>(
      `SELECT DISTINCT fields->>'casemanagerId' AS cm FROM records
       WHERE type = 'review' AND client_id = $1 AND fields->>'planId' = $2 AND NOT deleted
         AND fields->>'besluit' IS NULL`,
      [w.clientId, w.id],
    );
    for (const r of open) await eindig(r.cm);
  }
}

export async function caseloadVan(q: Queryable, gebruikerId: string): Promise<string[]> {
  const rows = await q.query<{ client_id: string }>(
    'SELECT client_id FROM caseload WHERE gebruiker_id = $1 ORDER BY client_id',
    [gebruikerId],
  );
  return rows.map((r) => r.client_id);
}

export async function reviewClientenVan(q: Queryable, casemanagerId: string): Promise<string[]> {
  const rows = await q.query<{ client_id: string }>(
    'SELECT client_id FROM review_deling WHERE casemanager_id = $1 ORDER BY client_id',
    [casemanagerId],
  );
  return rows.map((r) => r.client_id);
}

/**
 * Names for `actie` in the access log. Open-ended (a string), so a new route can add its own;
 * keep them short, lower-case, and free of personal data.
 */
export const ACTIES = {
  login: 'login',
  logout: 'logout',
  pull: 'pull',
  push: 'push',
  gebruikerAangemaakt: 'beheer:gebruiker-aangemaakt',
  sessiesIngetrokken: 'beheer:sessies-ingetrokken',
  caseloadToegewezen: 'beheer:caseload-toegewezen',
  caseloadOntnomen: 'beheer:caseload-ontnomen',
  reviewGedeeld: 'beheer:review-gedeeld',
  reviewIngetrokken: 'beheer:review-ingetrokken',
  /** A pushed review shared its client with the casemanager asked (actor: the arrangeur). */
  reviewGedeeldDoorArrangeur: 'review:gedeeld',
  /** A review was decided or withdrawn, so its share ended (actor: who pushed that). */
  reviewBeeindigd: 'review:deling-beeindigd',
  tarievenGelezen: 'tarieven:gelezen',
  tariefToegevoegd: 'beheer:tarief-toegevoegd',
  tariefVerwijderd: 'beheer:tarief-verwijderd',
  // Coordinator (pseudonymised): `coordinator:<overzicht|regels|overrides|verevening>`, and
  // `coordinator:export-<soort>` for a download.
  coordinator: 'coordinator',
  /** Issue 12: accounts. The target user is not named in the row (see logToegang). */
  wachtwoordGewijzigd: 'wachtwoord-gewijzigd',
  gebruikerGedeactiveerd: 'beheer:gebruiker-gedeactiveerd',
  gebruikerGeactiveerd: 'beheer:gebruiker-geactiveerd',
  wachtwoordHersteld: 'beheer:wachtwoord-hersteld',
  /** A beheerder read users with their caseloads (one row per client listed). */
  caseloadsGelezen: 'beheer:caseloads-gelezen',
  /** A beheerder read the access log (per client asked, or per user asked). */
  toegangslogGelezen: 'beheer:toegangslog-gelezen',
  toegangslogExport: 'beheer:toegangslog-export',
} as const;

/** How an access ended: done, refused (access rule, wrong password), or failed (an error). */
export type Uitkomst = 'ok' | 'geweigerd' | 'mislukt';

/**
 * Where a request came from, for every log row written while it is handled: the source address
 * (`request.ip`, which honours the trustProxy setting) and, when the device sent it, its id. Set
 * per request by the auth plugin (plugins/auth.ts) with `toegangContext.run`; code outside a
 * request (start-up, scripts) logs without them.
 */
export interface ToegangContext {
  readonly adres: string | null;
  readonly apparaat: string | null;
}
export const toegangContext = new AsyncLocalStorage<ToegangContext>();

export interface LogExtra {
  /** Default `ok`. */
  readonly uitkomst?: Uitkomst;
  /** The device id, when the request body or query carries one (push, pull). */
  readonly apparaat?: string | null;
  /** The account the action was about (beheer of users), when not the actor's own. */
  readonly betreftGebruiker?: string | null;
}

/** A device id as it may be stored: printable ASCII, at most 100 characters. */
const apparaatVoorLog = (a: string | null | undefined): string | null => {
  if (a == null) return null;
  const schoon = a.replace(/[^\x20-\x7e]/g, '').slice(0, 100);
  return schoon === '' ? null : schoon;
};

/**
 * The columns every row gets besides who, what and which client: $3 apparaat, $4 adres,
 * $5 uitkomst, $6 betreft_gebruiker_id.
 */
function contextParams(extra: LogExtra): [string | null, string | null, Uitkomst, string | null] {
  const ctx = toegangContext.getStore();
  return [
    apparaatVoorLog(extra.apparaat ?? ctx?.apparaat),
    ctx?.adres?.slice(0, 100) ?? null,
    extra.uitkomst ?? 'ok',
    extra.betreftGebruiker ?? null,
  ];
}

/** The device id and source address a log row of this request gets (see contextParams). */
export function logContext(extra: Omit<LogExtra, 'uitkomst'>): [string | null, string | null] {
  const [apparaat, adres] = contextParams(extra);
  return [apparaat, adres];
}

/**
 * Records that `g` did `actie` on `clientId`'s records (`aantal` of them), with her role at this
 * moment, the device and source address of the request (toegangContext) and the outcome. `g` is
 * null only for a failed login with an unknown username. Call it in the same transaction as the
 * access where there is one, so the log and the data cannot disagree. The table is append-only
 * (migration 006: a trigger refuses UPDATE, DELETE and TRUNCATE).
 */
export async function logToegang(
  q: Queryable,
  g: Pick<Gebruiker, 'id'> | null,
  actie: string,
  clientId: string | null,
  aantal: number,
  extra: LogExtra = {},
): Promise<void> {
  await q.query(
    `INSERT INTO toegang_log (gebruiker_id, rol, actie, client_id, aantal, apparaat, adres, uitkomst,
                              betreft_gebruiker_id)
     SELECT $1::uuid, (SELECT rol FROM gebruikers WHERE id = $1::uuid), $2, $7::uuid, $8::int,
            $3, $4, $5, $6::uuid`,
    [g?.id ?? null, actie, ...contextParams(extra), clientId, aantal],
  );
}

/**
 * Many log rows in one statement: a pull page touching 300 clients writes one INSERT, not 300.
 * @param perClient client id (or null) → number of records.
 */
export async function logToegangPerClient(
  q: Queryable,
  g: Pick<Gebruiker, 'id'>,
  actie: string,
  perClient: ReadonlyMap<string | null, number>,
  extra: LogExtra = {},
): Promise<void> {
  const rijen = [...perClient];
  // 1000 rows × 2 parameters stays far below PostgreSQL's 65,535-parameter limit.
  for (let i = 0; i < rijen.length; i += 1000) {
    const waarden: string[] = [];
    const params: unknown[] = [g.id, actie, ...contextParams(extra)];
    for (const [clientId, aantal] of rijen.slice(i, i + 1000)) {
      params.push(clientId, aantal);
      waarden.push(`($${params.length - 1}::uuid, $${params.length}::int)`);
    }
    await q.query(
      `INSERT INTO toegang_log (gebruiker_id, rol, actie, client_id, aantal, apparaat, adres, uitkomst,
                                betreft_gebruiker_id)
       SELECT $1::uuid, (SELECT rol FROM gebruikers WHERE id = $1::uuid), $2, v.c, v.n,
              $3, $4, $5, $6::uuid
       FROM (VALUES ${waarden.join(', ')}) AS v (c, n)`,
      params,
    );
  }
}

/** One row of the access log as the beheerder reads it. */
export interface ToegangRegel {
  readonly id: number;
  readonly op: string;
  readonly gebruikerId: string | null;
  readonly gebruikersnaam: string | null;
  readonly rol: string | null;
  readonly actie: string;
  readonly clientId: string | null;
  readonly aantal: number;
  readonly apparaat: string | null;
  readonly adres: string | null;
  readonly uitkomst: Uitkomst;
  readonly betreftGebruikerId: string | null;
}

export interface ToegangVraag {
  /** Exactly one of clientId and gebruikerId. */
  readonly clientId?: string | undefined;
  readonly gebruikerId?: string | undefined;
  /** Inclusive start and exclusive end (ISO times). */
  readonly van: Date;
  readonly tot: Date;
  readonly max: number;
}

/**
 * The access log of one client, or of one user, over a period, oldest first (NEN 7513: who saw
 * this client's records, or what did this user do). @returns at most `max` rows, and whether more
 * matched.
 */
export async function leesToegangslog(
  q: Queryable,
  v: ToegangVraag,
): Promise<{ regels: ToegangRegel[]; meer: boolean }> {
  // Per user: what she did, and what was done to her account (deactivated, password reset).
  const [waar, id] =
    v.clientId !== undefined
      ? ['l.client_id = $1', v.clientId]
      : ['(l.gebruiker_id = $1 OR l.betreft_gebruiker_id = $1)', v.gebruikerId];
  const rows = await q.query<{
    id: string | number;
    op: Date | string;
    gebruiker_id: string | null;
    gebruikersnaam: string | null;
    rol: string | null;
    actie: string;
    client_id: string | null;
    aantal: number;
    apparaat: string | null;
    adres: string | null;
    uitkomst: Uitkomst;
    betreft_gebruiker_id: string | null;
  }>(
    `SELECT l.id, l.op, l.gebruiker_id, g.gebruikersnaam, l.rol, l.actie, l.client_id, l.aantal,
            l.apparaat, l.adres, l.uitkomst, l.betreft_gebruiker_id
     FROM toegang_log l LEFT JOIN gebruikers g ON g.id = l.gebruiker_id
     WHERE ${waar} AND l.op >= $2 AND l.op < $3
     ORDER BY l.op, l.id LIMIT $4`,
    [id, v.van.toISOString(), v.tot.toISOString(), v.max + 1],
  );
  return {
    regels: rows.slice(0, v.max).map((r) => ({
      id: Number(r.id),
      op: new Date(r.op).toISOString(),
      gebruikerId: r.gebruiker_id,
      gebruikersnaam: r.gebruikersnaam,
      rol: r.rol,
      actie: r.actie,
      clientId: r.client_id,
      aantal: r.aantal,
      apparaat: r.apparaat,
      adres: r.adres,
      uitkomst: r.uitkomst,
      betreftGebruikerId: r.betreft_gebruiker_id,
    })),
    meer: rows.length > v.max,
  };
}
