/**
 * Accounts and sessions (issue 5, item 1): password hashing, users, and server-side sessions.
 *
 * What must stay true:
 * - A password is only ever stored as a scrypt hash; a session only as the sha256 of its token.
 *   Neither a password nor a token is ever logged or returned after login.
 * - A session ends at the earliest of: 12 h without use (sliding), 7 days after login (absolute),
 *   revocation (logout, or a beheerder revoking all sessions of a user), or the user being made
 *   inactive.
 */
import {
  createHash,
  randomBytes,
  randomUUID,
  scrypt as scryptCb,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Gebruiker, Rol } from '../../sync/protocol/wire.ts';
import { geeftRij, type Queryable } from './store.ts';

// ---------------------------------------------------------------------------------------------
// Passwords
// ---------------------------------------------------------------------------------------------

/**
 * scrypt is memory-hard (128·N·r bytes = 32 MiB per hash at these values), which makes a GPU or
 * ASIC guess as expensive as ours. N=2^15, r=8, p=1 is the OWASP baseline for scrypt. The values
 * are stored with each hash, so raising them later still verifies old hashes.
 */
const SCRYPT_N = 2 ** 15;
const SCRYPT_R = 8;
const SCRYPT_P = 1;
const SALT_BYTES = 16;
const HASH_BYTES = 32;
/** Upper bounds for values read back from the database: a corrupted row must not become a DoS. */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions) {
  return new Promise<Buffer>((resolve, reject) => {
    // Node's default maxmem (32 MiB) is exactly 128·N·r at N=2^15, r=8, and OpenSSL needs a
    // little more: allow twice the working set.
    const maxmem = 2 * 128 * (opts.N ?? SCRYPT_N) * (opts.r ?? SCRYPT_R) * (opts.p ?? SCRYPT_P);
    scryptCb(password, salt, keylen, { ...opts, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** @returns `scrypt$N$r$p$salt$hash`, salt and hash in base64. Async: never blocks the event loop. */
export async function hashWachtwoord(wachtwoord: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await scrypt(wachtwoord, salt, HASH_BYTES, {
    N: SCRYPT_N,
    r: SCRYPT_R,
    p: SCRYPT_P,
  });
  return ['scrypt', SCRYPT_N, SCRYPT_R, SCRYPT_P, salt.toString('base64'), hash.toString('base64')]
    .map(String)
    .join('$');
}

/**
 * @returns whether `wachtwoord` matches the stored hash. Compares in constant time; a malformed
 * stored hash is a mismatch, never an exception.
 */
export async function controleerWachtwoord(
  wachtwoord: string,
  opgeslagen: string,
): Promise<boolean> {
  const parts = opgeslagen.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every(Number.isSafeInteger)) return false;
  if (N < 2 || N > MAX_N || (N & (N - 1)) !== 0 || r < 1 || r > MAX_R || p < 1 || p > MAX_P) {
    return false;
  }
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const verwacht = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length === 0 || verwacht.length === 0) return false;
  const hash = await scrypt(wachtwoord, salt, verwacht.length, { N, r, p });
  return timingSafeEqual(hash, verwacht);
}

/**
 * A hash nobody's password matches, with the current parameters: login checks an unknown user
 * against it so "no such user" takes as long as "wrong password" (no user enumeration by timing).
 */
export const DUMMY_HASH = [
  'scrypt',
  SCRYPT_N,
  SCRYPT_R,
  SCRYPT_P,
  randomBytes(SALT_BYTES).toString('base64'),
  randomBytes(HASH_BYTES).toString('base64'),
].join('$');

export const WACHTWOORD_MIN = 12;
export const WACHTWOORD_MAX = 200;

/**
 * The deny-list (wachtwoorden-verboden.txt, with its source in its header): known passwords and
 * password stems, lower case. Read once at start-up.
 */
const VERBODEN: ReadonlySet<string> = new Set(
  readFileSync(fileURLToPath(new URL('./wachtwoorden-verboden.txt', import.meta.url)), 'utf8')
    .split(/\r?\n/)
    .map((r) => r.replace(/#.*/, '').trim().toLowerCase())
    .filter((r) => r !== ''),
);

/** Why a new password is refused (the API's `message` names it), or null when it is fine. */
export type WachtwoordBezwaar = 'te-kort' | 'te-lang' | 'bevat-gebruikersnaam' | 'te-bekend';

/**
 * The password policy (issue 12, point 8), used when a beheerder creates a user or resets a
 * password and when a user changes her own: at least WACHTWOORD_MIN characters; not containing the
 * username; not on the deny-list, also not after removing digits, spaces and punctuation
 * ("Welkom2026!!" is "welkom"), and not one or two characters repeated.
 *
 * The demo users (src/server/demo-users.ts, `demo-anja-2026`, …) are made at start-up without this
 * check — their passwords contain their username — and are published: demo only.
 */
export function wachtwoordBezwaar(
  wachtwoord: string,
  gebruikersnaam: string,
): WachtwoordBezwaar | null {
  const tekens = [...wachtwoord];
  if (tekens.length < WACHTWOORD_MIN) return 'te-kort';
  if (tekens.length > WACHTWOORD_MAX) return 'te-lang';
  const laag = wachtwoord.normalize('NFKC').toLowerCase();
  const naam = normaliseerGebruikersnaam(gebruikersnaam);
  if (naam.length >= 3 && laag.includes(naam)) return 'bevat-gebruikersnaam';
  const kern = laag.replace(/[^\p{L}]/gu, '');
  if (
    VERBODEN.has(laag) ||
    VERBODEN.has(kern) ||
    VERBODEN.has(laag.replace(/[\s\p{P}\p{S}]/gu, ''))
  ) {
    return 'te-bekend';
  }
  if (new Set(tekens.map((t) => t.toLowerCase())).size <= 2) return 'te-bekend';
  return null;
}

/** The English `message` of a refused password (the app words it in Dutch from the code). */
export const WACHTWOORD_BEZWAAR_TEKST: Record<WachtwoordBezwaar, string> = {
  'te-kort': `Password too short: at least ${WACHTWOORD_MIN} characters`,
  'te-lang': `Password too long: at most ${WACHTWOORD_MAX} characters`,
  'bevat-gebruikersnaam': 'Password contains the username',
  'te-bekend': 'Password is too common (on the deny-list)',
};

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

export interface GebruikerDetail extends Gebruiker {
  readonly actief: boolean;
  readonly aangemaaktOp: string;
}

interface GebruikerRij {
  id: string;
  gebruikersnaam: string;
  naam: string;
  rol: Rol;
  actief: boolean;
  aangemaakt_op: Date | string;
}

const iso = (v: Date | string): string => new Date(v).toISOString();

const alsGebruiker = (
  r: Pick<GebruikerRij, 'id' | 'gebruikersnaam' | 'naam' | 'rol'>,
): Gebruiker => ({
  id: r.id,
  gebruikersnaam: r.gebruikersnaam,
  naam: r.naam,
  rol: r.rol,
});

/** Usernames compare case-insensitively and without surrounding spaces. */
export const normaliseerGebruikersnaam = (naam: string): string => naam.trim().toLowerCase();

export interface NieuweGebruiker {
  readonly gebruikersnaam: string;
  readonly naam: string;
  readonly rol: Rol;
  readonly wachtwoord: string;
}

/**
 * Creates a user. `wachtwoordHash` may be passed to skip hashing (tests, demo users made from
 * one hash); otherwise the password is hashed here.
 * @returns the user, or null when the username is taken.
 */
export async function maakGebruiker(
  q: Queryable,
  nieuw: NieuweGebruiker,
  wachtwoordHash?: string,
): Promise<Gebruiker | null> {
  const hash = wachtwoordHash ?? (await hashWachtwoord(nieuw.wachtwoord));
  // ON CONFLICT instead of catching a unique violation: the error codes differ per driver.
  const rows = await q.query<GebruikerRij>(
    `INSERT INTO gebruikers (id, gebruikersnaam, naam, rol, wachtwoord_hash)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (gebruikersnaam) DO NOTHING
     RETURNING id, gebruikersnaam, naam, rol`,
    [randomUUID(), normaliseerGebruikersnaam(nieuw.gebruikersnaam), nieuw.naam, nieuw.rol, hash],
  );
  return rows[0] ? alsGebruiker(rows[0]) : null;
}

export async function vindGebruiker(q: Queryable, id: string): Promise<GebruikerDetail | null> {
  const rows = await q.query<GebruikerRij>(
    `SELECT id, gebruikersnaam, naam, rol, actief, aangemaakt_op FROM gebruikers WHERE id = $1`,
    [id],
  );
  const r = rows[0];
  return r ? { ...alsGebruiker(r), actief: r.actief, aangemaaktOp: iso(r.aangemaakt_op) } : null;
}

export async function lijstGebruikers(q: Queryable): Promise<GebruikerDetail[]> {
  const rows = await q.query<GebruikerRij>(
    `SELECT id, gebruikersnaam, naam, rol, actief, aangemaakt_op FROM gebruikers
     ORDER BY gebruikersnaam`,
  );
  return rows.map((r) => ({
    ...alsGebruiker(r),
    actief: r.actief,
    aangemaaktOp: iso(r.aangemaakt_op),
  }));
}

export async function aantalGebruikers(q: Queryable): Promise<number> {
  const rows = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM gebruikers');
  return rows[0]?.n ?? 0;
}

/** The id of the account with this username, active or not (to log a failed login). */
export async function gebruikerIdVoorNaam(
  q: Queryable,
  gebruikersnaam: string,
): Promise<string | null> {
  const rows = await q.query<{ id: string }>(
    'SELECT id FROM gebruikers WHERE gebruikersnaam = $1',
    [normaliseerGebruikersnaam(gebruikersnaam)],
  );
  return rows[0]?.id ?? null;
}

/** Checks the password of a known user (changing her own password). Inactive: never matches. */
export async function controleerWachtwoordVan(
  q: Queryable,
  gebruikerId: string,
  wachtwoord: string,
): Promise<boolean> {
  const rows = await q.query<{ wachtwoord_hash: string; actief: boolean }>(
    'SELECT wachtwoord_hash, actief FROM gebruikers WHERE id = $1',
    [gebruikerId],
  );
  const r = rows[0];
  const klopt = await controleerWachtwoord(wachtwoord, r?.wachtwoord_hash ?? DUMMY_HASH);
  return Boolean(r?.actief) && klopt;
}

/** Stores a new password hash (the caller checked the policy). @returns whether the user exists. */
export async function zetWachtwoord(
  q: Queryable,
  gebruikerId: string,
  wachtwoord: string,
): Promise<boolean> {
  const hash = await hashWachtwoord(wachtwoord);
  return geeftRij(q, 'UPDATE gebruikers SET wachtwoord_hash = $2 WHERE id = $1 RETURNING id', [
    gebruikerId,
    hash,
  ]);
}

/**
 * Makes a user (in)active. An inactive user cannot log in and every session of hers ends at once:
 * gebruikSessie checks `actief` on each request, and her sessions are revoked here as well (so
 * reactivating her does not bring an old session back). @returns the number of sessions ended,
 * or null when there is no such user.
 */
export async function zetActief(
  q: Queryable,
  gebruikerId: string,
  actief: boolean,
  nu: Date,
): Promise<number | null> {
  const rows = await q.query('UPDATE gebruikers SET actief = $2 WHERE id = $1 RETURNING id', [
    gebruikerId,
    actief,
  ]);
  if (rows.length === 0) return null;
  return actief ? 0 : trekAlleSessiesIn(q, gebruikerId, nu);
}

/**
 * Checks a login. Always runs one scrypt, also for an unknown or inactive user, so the answer
 * takes about as long either way.
 * @returns the user when the name and password match an active account, else null.
 */
export async function controleerLogin(
  q: Queryable,
  gebruikersnaam: string,
  wachtwoord: string,
): Promise<Gebruiker | null> {
  const rows = await q.query<GebruikerRij & { wachtwoord_hash: string }>(
    `SELECT id, gebruikersnaam, naam, rol, actief, aangemaakt_op, wachtwoord_hash
     FROM gebruikers WHERE gebruikersnaam = $1`,
    [normaliseerGebruikersnaam(gebruikersnaam)],
  );
  const r = rows[0];
  const klopt = await controleerWachtwoord(wachtwoord, r?.wachtwoord_hash ?? DUMMY_HASH);
  return r && r.actief && klopt ? alsGebruiker(r) : null;
}

// ---------------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------------

/** Sliding: a session unused this long has ended. */
export const SESSIE_GLIJDEND_MS = 12 * 60 * 60 * 1000;
/** Absolute: no session outlives this, however often it is used. */
export const SESSIE_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * Renewing on every request would write a row per sync call; within this window the renewal is
 * skipped (the sliding end is then at most this much early, which errs on the safe side).
 */
const VERNIEUW_NA_MS = 60 * 1000;

/** 32 random bytes, base64url: 43 characters. Anything else in the cookie is not a token. */
const TOKEN_PATROON = /^[A-Za-z0-9_-]{43}$/;

/** The only thing stored about a token: its sha256. */
const sessieId = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface NieuweSessie {
  /** Goes into the cookie once and is never stored or logged. */
  readonly token: string;
  readonly verlooptOp: Date;
  /** The absolute end: the cookie's expiry. */
  readonly uiterlijk: Date;
}

/**
 * A "half" session (issue 14): steps still open after the password (a new password, the second
 * factor) end it after this long, and it is not renewed by use.
 */
export const HALVE_SESSIE_MS = 10 * 60 * 1000;

/** @param openStappen steps still to take (db/tweede-factor.ts); empty: a normal session. */
export async function maakSessie(
  q: Queryable,
  gebruikerId: string,
  nu: Date,
  openStappen: readonly string[] = [],
): Promise<NieuweSessie> {
  const token = randomBytes(32).toString('base64url');
  const verlooptOp = new Date(
    nu.getTime() + (openStappen.length > 0 ? HALVE_SESSIE_MS : SESSIE_GLIJDEND_MS),
  );
  const uiterlijk = new Date(nu.getTime() + SESSIE_MAX_MS);
  await q.query(
    `INSERT INTO sessies (id, gebruiker_id, aangemaakt_op, verloopt_op, laatst_gebruikt_op,
                          open_stappen)
     VALUES ($1, $2, $3, $4, $3, $5::text[])`,
    [sessieId(token), gebruikerId, nu.toISOString(), verlooptOp.toISOString(), [...openStappen]],
  );
  return { token, verlooptOp, uiterlijk };
}

/**
 * Closes one open step of a half session. When none is left it becomes a normal session (its
 * sliding end starts now). @returns the steps still open, or null when the session is not live
 * or did not have that step open.
 */
export async function sluitStap(
  q: Queryable,
  token: string,
  stap: string,
  nu: Date,
): Promise<string[] | null> {
  if (!TOKEN_PATROON.test(token)) return null;
  const rows = await q.query<{ open_stappen: string[] }>(
    `UPDATE sessies SET open_stappen = array_remove(open_stappen, $2),
       verloopt_op = CASE WHEN cardinality(array_remove(open_stappen, $2)) = 0
                          THEN $4::timestamptz ELSE verloopt_op END,
       laatst_gebruikt_op = $3
     WHERE id = $1 AND ingetrokken_op IS NULL AND verloopt_op > $3 AND $2 = ANY (open_stappen)
     RETURNING open_stappen`,
    [sessieId(token), stap, nu.toISOString(), new Date(nu.getTime() + SESSIE_GLIJDEND_MS)],
  );
  return rows[0] ? [...rows[0].open_stappen] : null;
}

export interface GeldigeSessie {
  readonly gebruiker: Gebruiker;
  readonly verlooptOp: Date;
  /** Steps still open (issue 14); non-empty: a half session that only reaches those steps. */
  readonly openStappen: readonly string[];
}

/**
 * Looks a cookie token up and, when it is valid, slides its end forward (never past the absolute
 * maximum).
 * @returns the session's user and new end, or null when the token is unknown, expired, revoked or
 * its user inactive.
 */
export async function gebruikSessie(
  q: Queryable,
  token: string,
  nu: Date,
): Promise<GeldigeSessie | null> {
  if (!TOKEN_PATROON.test(token)) return null;
  const id = sessieId(token);
  const rows = await q.query<
    GebruikerRij & {
      s_aangemaakt: Date | string;
      verloopt_op: Date | string;
      laatst: Date | string;
      open_stappen: string[] | null;
    }
  >(
    `SELECT g.id, g.gebruikersnaam, g.naam, g.rol, s.aangemaakt_op AS s_aangemaakt,
            s.verloopt_op, s.laatst_gebruikt_op AS laatst, s.open_stappen
     FROM sessies s JOIN gebruikers g ON g.id = s.gebruiker_id
     WHERE s.id = $1 AND s.ingetrokken_op IS NULL AND s.verloopt_op > $2 AND g.actief`,
    [id, nu.toISOString()],
  );
  const r = rows[0];
  if (!r) return null;
  const uiterlijk = new Date(r.s_aangemaakt).getTime() + SESSIE_MAX_MS;
  let verlooptOp = new Date(r.verloopt_op);
  const openStappen = [...(r.open_stappen ?? [])];
  // A half session is never renewed by use: it ends HALVE_SESSIE_MS after the password.
  if (openStappen.length > 0) return { gebruiker: alsGebruiker(r), verlooptOp, openStappen };
  if (nu.getTime() - new Date(r.laatst).getTime() >= VERNIEUW_NA_MS) {
    verlooptOp = new Date(Math.min(nu.getTime() + SESSIE_GLIJDEND_MS, uiterlijk));
    await q.query(`UPDATE sessies SET verloopt_op = $2, laatst_gebruikt_op = $3 WHERE id = $1`, [
      id,
      verlooptOp.toISOString(),
      nu.toISOString(),
    ]);
  }
  return { gebruiker: alsGebruiker(r), verlooptOp, openStappen };
}

/** Logout. @returns whether a live session was revoked. */
export async function trekSessieIn(q: Queryable, token: string, nu: Date): Promise<boolean> {
  if (!TOKEN_PATROON.test(token)) return false;
  return geeftRij(
    q,
    `UPDATE sessies SET ingetrokken_op = $2 WHERE id = $1 AND ingetrokken_op IS NULL RETURNING id`,
    [sessieId(token), nu.toISOString()],
  );
}

/**
 * A beheerder ends every session of a user (lost tablet, left the team), or a user who changed
 * her password ends her other sessions (`behalveToken`: the one she is using). @returns how many.
 */
export async function trekAlleSessiesIn(
  q: Queryable,
  gebruikerId: string,
  nu: Date,
  behalveToken?: string,
): Promise<number> {
  const behalve = behalveToken && TOKEN_PATROON.test(behalveToken) ? sessieId(behalveToken) : '';
  const rows = await q.query(
    `UPDATE sessies SET ingetrokken_op = $2
     WHERE gebruiker_id = $1 AND ingetrokken_op IS NULL AND verloopt_op > $2 AND id <> $3
     RETURNING id`,
    [gebruikerId, nu.toISOString(), behalve],
  );
  return rows.length;
}
