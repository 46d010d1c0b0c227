/**
 * What the beheer screens need beyond accounts.ts and toegang.ts (issue 14, points 1 and 3): the
 * status of every account (last login, live sessions, start password), start passwords, the
 * clients a beheerder may name (least privilege: name and birth date only), the caseload history
 * (migration 009) and the caseload import.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { clientInvoerSchema, type ClientGegevens } from '../../domain/model/client.ts';
import { importSleutels } from '../../domain/caseload-import/index.ts';
import type { FieldStamp } from '../../sync/protocol/merge.ts';
import { werkKostenBij } from './kosten-regels.ts';
import { lockRecordWrites, nextRev, writeRecord } from './records.ts';
import type { Queryable } from './store.ts';
import { voegToeAanCaseload } from './toegang.ts';

// ---------------------------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------------------------

/** No 0/o, 1/l/i: a start password is read off a screen and typed on a tablet. */
const START_TEKENS = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A one-time start password: 4 groups of 4 from 31 characters (≈ 79 bits), e.g. `k7mp-q2xr-9tdn-
 * w4hb`. Made with the CSPRNG; shown once, stored only as its scrypt hash. It passes the password
 * policy (19 characters, no dictionary word, never the username: no vowels a user name needs…
 * checked anyway by the caller).
 */
export function maakStartwachtwoord(): string {
  const groep = () => Array.from({ length: 4 }, () => START_TEKENS[randomInt(31)]).join('');
  return [groep(), groep(), groep(), groep()].join('-');
}

/** Marks (or clears) that the user must choose her own password at her next login. */
export async function zetMoetWachtwoordWijzigen(
  q: Queryable,
  gebruikerId: string,
  moet: boolean,
): Promise<void> {
  await q.query('UPDATE gebruikers SET moet_wachtwoord_wijzigen = $2 WHERE id = $1', [
    gebruikerId,
    moet,
  ]);
}

export interface AccountStatus {
  /** ISO time of the last successful login, null when never. */
  readonly laatsteLogin: string | null;
  /** Sessions not expired and not revoked now. */
  readonly actieveSessies: number;
  /** ISO time a live session was last used, null when none. */
  readonly laatstActief: string | null;
  readonly moetWachtwoordWijzigen: boolean;
}

/** The status of every account, by user id. */
export async function accountStatussen(
  q: Queryable,
  nu: Date,
): Promise<Map<string, AccountStatus>> {
  const rows = await q.query<{
    id: string;
    moet: boolean;
    laatste_login: Date | string | null;
    sessies: number;
    laatst_actief: Date | string | null;
  }>(
    `SELECT g.id, g.moet_wachtwoord_wijzigen AS moet,
            (SELECT max(l.op) FROM toegang_log l
             WHERE l.gebruiker_id = g.id AND l.actie = 'login' AND l.uitkomst = 'ok') AS laatste_login,
            (SELECT count(*)::int FROM sessies s
             WHERE s.gebruiker_id = g.id AND s.ingetrokken_op IS NULL AND s.verloopt_op > $1) AS sessies,
            (SELECT max(s.laatst_gebruikt_op) FROM sessies s
             WHERE s.gebruiker_id = g.id AND s.ingetrokken_op IS NULL AND s.verloopt_op > $1)
              AS laatst_actief
     FROM gebruikers g`,
    [nu.toISOString()],
  );
  const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
  return new Map(
    rows.map((r) => [
      r.id,
      {
        laatsteLogin: iso(r.laatste_login),
        actieveSessies: r.sessies,
        laatstActief: iso(r.laatst_actief),
        moetWachtwoordWijzigen: r.moet,
      },
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// Clients as a beheerder sees them
// ---------------------------------------------------------------------------------------------

export interface BeheerClient {
  readonly id: string;
  /** Voornaam and achternaam; null when the server has no client record (yet). */
  readonly naam: string | null;
  readonly geboortedatum: string | null;
  /** Users whose caseload holds the client now. */
  readonly caseload: readonly string[];
  /** Every assignment, oldest first (migration 009). */
  readonly historie: readonly { gebruikerId: string; van: string; tot: string | null }[];
}

/**
 * Every client the server knows (a client record, or a caseload entry), with only what a beheerder
 * needs to tell clients apart: name and birth date. Never the BSN, address, insurer or plan.
 */
export async function beheerClienten(q: Queryable): Promise<BeheerClient[]> {
  const rows = await q.query<{
    id: string;
    voornaam: string | null;
    achternaam: string | null;
    geboortedatum: string | null;
  }>(
    `SELECT c.id::text AS id, r.fields->>'voornaam' AS voornaam, r.fields->>'achternaam' AS achternaam,
            r.fields->>'geboortedatum' AS geboortedatum
     FROM (SELECT id FROM records WHERE type = 'client' AND NOT deleted
           UNION SELECT client_id FROM caseload) c
     LEFT JOIN records r ON r.id = c.id AND r.type = 'client' AND NOT r.deleted`,
  );
  const caseload = await q.query<{ client_id: string; gebruiker_id: string }>(
    'SELECT client_id, gebruiker_id FROM caseload ORDER BY gebruiker_id',
  );
  const historie = await q.query<{
    client_id: string;
    gebruiker_id: string;
    van_op: Date | string;
    tot_op: Date | string | null;
  }>('SELECT client_id, gebruiker_id, van_op, tot_op FROM caseload_historie ORDER BY van_op, id');
  const nu = new Map<string, string[]>();
  for (const r of caseload) nu.set(r.client_id, [...(nu.get(r.client_id) ?? []), r.gebruiker_id]);
  const hist = new Map<string, BeheerClient['historie'][number][]>();
  for (const r of historie) {
    const lijst = hist.get(r.client_id) ?? [];
    lijst.push({
      gebruikerId: r.gebruiker_id,
      van: new Date(r.van_op).toISOString(),
      tot: r.tot_op === null ? null : new Date(r.tot_op).toISOString(),
    });
    hist.set(r.client_id, lijst);
  }
  return rows
    .map((r) => ({
      id: r.id,
      naam: r.voornaam !== null ? `${r.voornaam} ${r.achternaam ?? ''}`.trim() : null,
      geboortedatum: r.geboortedatum,
      caseload: nu.get(r.id) ?? [],
      historie: hist.get(r.id) ?? [],
    }))
    .sort(
      (a, b) =>
        (a.naam ?? '\uffff').localeCompare(b.naam ?? '\uffff', 'nl') || a.id.localeCompare(b.id),
    );
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

/** The match keys (importSleutels) of every stored client → its id. */
export async function bestaandeClientSleutels(q: Queryable): Promise<Map<string, string>> {
  const rows = await q.query<{ id: string; fields: Record<string, unknown> }>(
    `SELECT id::text AS id, fields FROM records WHERE type = 'client' AND NOT deleted`,
  );
  const uit = new Map<string, string>();
  for (const r of rows) {
    const f = r.fields;
    const s = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '');
    for (const k of importSleutels({
      voornaam: s('voornaam'),
      achternaam: s('achternaam'),
      geboortedatum: s('geboortedatum'),
      bsn: s('bsn') || null,
    }))
      uit.set(k, r.id);
  }
  return uit;
}

const CLIENT_VELDEN = Object.keys(clientInvoerSchema.shape);

/**
 * Writes imported clients as server records, as the demo data does (db/demo-data.ts): under the
 * record-write lock, each with a new rev and every field stamped with the beheerder and no device,
 * and puts each in the caseload of `arrangeurId`, so her device gets them on the next pull. Call
 * inside a transaction.
 * @returns the new client ids, in order.
 */
export async function schrijfImport(
  q: Queryable,
  clienten: readonly ClientGegevens[],
  arrangeurId: string,
  door: string,
  nu: Date,
): Promise<string[]> {
  await lockRecordWrites(q);
  const at = nu.toISOString();
  const ids: string[] = [];
  for (const c of clienten) {
    const id = randomUUID();
    const rev = await nextRev(q);
    const stamp: FieldStamp = { rev, by: door, at, device: '' };
    const w = c as unknown as Record<string, unknown>;
    // As the demo's wire(): every field of the schema, absent ones as null, JSON-safe.
    const fields = Object.fromEntries(
      CLIENT_VELDEN.map((v) => [v, JSON.parse(JSON.stringify(w[v] ?? null)) as unknown]),
    );
    await writeRecord(q, {
      id,
      type: 'client',
      clientId: id,
      fields,
      fieldRevs: Object.fromEntries(Object.keys(fields).map((f) => [f, stamp])),
      rev,
      updatedAt: at,
      updatedBy: door,
      deleted: false,
    });
    await voegToeAanCaseload(q, arrangeurId, id);
    ids.push(id);
  }
  // Every server-side writer of client records keeps the coordinator's lines (db/kosten-regels.ts).
  await werkKostenBij(q, ids);
  return ids;
}
