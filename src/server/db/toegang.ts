/**
 * Who may read and write which client's records (issue 5, item 4; ARCHITECTURE.md, Roles): the
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
 *     carries the writer's own id as auteurId.
 * Side effect (push route): a new review shares its client with the named casemanager
 * (review_deling) and resends the client's records, so her next pull brings the plan. The named
 * user must be an active casemanager, or the review is rejected `invalid`.
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
import { REVIEW_BESLUIT_VELDEN } from '../../domain/plan/review.ts';
import type { Gebruiker, Rol } from '../../sync/protocol/wire.ts';
import type { Queryable } from './store.ts';

/** Roles that work with client records at all. */
const MET_CLIENTEN: readonly Rol[] = ['arrangeur', 'casemanager'];
const werktMetClienten = (g: Gebruiker): boolean => MET_CLIENTEN.includes(g.rol);

/** Roles that can have a caseload (the beheer routes refuse to assign one to any other role). */
export const heeftCaseload = (rol: Rol): boolean => MET_CLIENTEN.includes(rol);

/** May this user create a new client (which then joins her caseload)? */
export const magClientAanmaken = (g: Gebruiker): boolean => werktMetClienten(g);

async function inCaseload(q: Queryable, gebruikerId: string, clientId: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM caseload WHERE gebruiker_id = $1 AND client_id = $2', [
    gebruikerId,
    clientId,
  ]);
  return rows.length > 0;
}

export async function gedeeldVoorReview(
  q: Queryable,
  casemanagerId: string,
  clientId: string,
): Promise<boolean> {
  const rows = await q.query(
    'SELECT 1 FROM review_deling WHERE casemanager_id = $1 AND client_id = $2',
    [casemanagerId, clientId],
  );
  return rows.length > 0;
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

/** Comment fields the reviewer may change on her own comment after making it. */
const EIGEN_COMMENT_VELDEN: readonly string[] = ['tekst', 'sectie', 'itemId'];

/** The part of a stored record the review rules look at. */
export interface BestaandRecord {
  readonly type: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly deleted: boolean;
}

/**
 * The review-write rule (¹ in the table) for a casemanager whose only access is a review share.
 * Pure: the caller loads `existing` (the record as stored, null when new) and, for a comment,
 * `review` (the stored review it points at, null when unknown).
 * @returns null when allowed, else a short English reason (the wire's `detail`).
 */
export function reviewerMagSchrijven(
  g: Pick<Gebruiker, 'id'>,
  m: {
    readonly recordType: string;
    readonly fields: Readonly<Record<string, unknown>>;
    readonly deleted?: boolean | undefined;
  },
  existing: BestaandRecord | null,
  review: BestaandRecord | null,
): string | null {
  const velden = Object.keys(m.fields);
  if (m.recordType === 'review') {
    if (!existing || existing.type !== 'review' || existing.deleted)
      return 'a reviewer only answers an existing review';
    if (existing.fields['casemanagerId'] !== g.id)
      return 'this review is addressed to someone else';
    if (m.deleted) return 'a reviewer cannot delete a review';
    const anders = velden.filter((v) => !(REVIEW_BESLUIT_VELDEN as readonly string[]).includes(v));
    return anders.length > 0
      ? `a reviewer may only write the besluit, not: ${anders.join(', ')}`
      : null;
  }
  if (m.recordType === 'reviewComment') {
    if (existing) {
      if (existing.type !== 'reviewComment') return 'not a review comment';
      if (existing.fields['auteurId'] !== g.id)
        return 'a reviewer may only change her own comments';
      const anders = velden.filter((v) => !EIGEN_COMMENT_VELDEN.includes(v));
      return anders.length > 0 ? `a reviewer may not change: ${anders.join(', ')}` : null;
    }
    if (m.deleted) return 'nothing to delete';
    if (m.fields['auteurId'] !== g.id) return 'auteurId: must be your own user id';
    if (m.fields['afgehandeld'] === true) return 'afgehandeld: set by the arrangeur only';
    if (!review || review.type !== 'review' || review.deleted) return 'reviewId: no such review';
    if (review.fields['casemanagerId'] !== g.id)
      return 'reviewId: this review is addressed to someone else';
    return null;
  }
  return 'a reviewer may only write review comments and her besluit';
}

/** Fields of a review that say whom it asks about what: fixed once it exists. */
const VASTE_REVIEW_VELDEN: readonly string[] = ['planId', 'clientId', 'versie', 'casemanagerId'];
const VASTE_COMMENT_VELDEN: readonly string[] = ['reviewId', 'planId', 'auteurId'];

/**
 * The review rules for every writer (see the table): besluit only by the named casemanager,
 * addressing fields fixed, comments under the writer's own name.
 * @returns null when allowed, else a short English reason.
 */
export function reviewRegel(
  g: Pick<Gebruiker, 'id'>,
  m: { readonly recordType: string; readonly fields: Readonly<Record<string, unknown>> },
  existing: BestaandRecord | null,
  merged: Readonly<Record<string, unknown>>,
): string | null {
  if (m.recordType !== 'review' && m.recordType !== 'reviewComment') return null;
  const vast = m.recordType === 'review' ? VASTE_REVIEW_VELDEN : VASTE_COMMENT_VELDEN;
  if (existing) {
    const veranderd = vast.filter((v) => v in m.fields && m.fields[v] !== existing.fields[v]);
    if (veranderd.length > 0) return `${veranderd.join(', ')}: cannot change`;
  }
  if (m.recordType === 'review') {
    const besluit = REVIEW_BESLUIT_VELDEN.filter((v) => v in m.fields);
    if (besluit.length === 0 || merged['casemanagerId'] === g.id) return null;
    if (!existing && besluit.every((v) => m.fields[v] === null)) return null;
    return 'besluit: only the casemanager asked may decide';
  }
  if (!existing && m.fields['auteurId'] !== g.id) return 'auteurId: must be your own user id';
  return null;
}

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

/** Puts a client in a caseload (idempotent). Used by beheer, and by push when a user creates a client. */
export async function voegToeAanCaseload(
  q: Queryable,
  gebruikerId: string,
  clientId: string,
): Promise<void> {
  await q.query(
    `INSERT INTO caseload (gebruiker_id, client_id) VALUES ($1, $2)
     ON CONFLICT (gebruiker_id, client_id) DO NOTHING`,
    [gebruikerId, clientId],
  );
}

/** Takes a client out of a caseload (idempotent). */
export async function verwijderUitCaseload(
  q: Queryable,
  gebruikerId: string,
  clientId: string,
): Promise<void> {
  await q.query('DELETE FROM caseload WHERE gebruiker_id = $1 AND client_id = $2', [
    gebruikerId,
    clientId,
  ]);
}

/** Shares (or with `delen: false` unshares) a client's plan with a casemanager for review. */
export async function zetReviewDeling(
  q: Queryable,
  casemanagerId: string,
  clientId: string,
  delen: boolean,
  gedeeldDoor: string,
): Promise<void> {
  if (delen) {
    await q.query(
      `INSERT INTO review_deling (casemanager_id, client_id, gedeeld_door) VALUES ($1, $2, $3)
       ON CONFLICT (casemanager_id, client_id) DO NOTHING`,
      [casemanagerId, clientId, gedeeldDoor],
    );
  } else {
    await q.query('DELETE FROM review_deling WHERE casemanager_id = $1 AND client_id = $2', [
      casemanagerId,
      clientId,
    ]);
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
  tarievenGelezen: 'tarieven:gelezen',
  tariefToegevoegd: 'beheer:tarief-toegevoegd',
  tariefVerwijderd: 'beheer:tarief-verwijderd',
  // Coordinator (pseudonymised): `coordinator:<overzicht|regels|overrides|verevening>`, and
  // `coordinator:export-<soort>` for a download.
  coordinator: 'coordinator',
} as const;

/**
 * Records that `g` did `actie` on `clientId`'s records (`aantal` of them). Call it in the same
 * transaction as the access where there is one, so the log and the data cannot disagree.
 */
export async function logToegang(
  q: Queryable,
  g: Pick<Gebruiker, 'id'>,
  actie: string,
  clientId: string | null,
  aantal: number,
): Promise<void> {
  await q.query(
    'INSERT INTO toegang_log (gebruiker_id, actie, client_id, aantal) VALUES ($1, $2, $3, $4)',
    [g.id, actie, clientId, aantal],
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
): Promise<void> {
  const rijen = [...perClient];
  // 1000 rows × 2 parameters stays far below PostgreSQL's 65,535-parameter limit.
  for (let i = 0; i < rijen.length; i += 1000) {
    const waarden: string[] = [];
    const params: unknown[] = [g.id, actie];
    for (const [clientId, aantal] of rijen.slice(i, i + 1000)) {
      params.push(clientId, aantal);
      waarden.push(`($1, $2, $${params.length - 1}::uuid, $${params.length}::int)`);
    }
    await q.query(
      `INSERT INTO toegang_log (gebruiker_id, actie, client_id, aantal) VALUES ${waarden.join(', ')}`,
      params,
    );
  }
}
