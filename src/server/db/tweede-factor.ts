/**
 * Second factor (TOTP, RFC 6238, with the maintained `otpauth` library) and the steps a session
 * must still complete before it is a normal session (issue 14, points 2 and 4).
 *
 * What must stay true:
 * - A TOTP secret is never logged and is shown only while enrolling; a recovery code is shown once
 *   and stored as its sha256; each recovery code works once.
 * - A code is accepted within one 30-second step either side of the server's clock, and only for a
 *   step later than the last one accepted for that user: a used code (or an older one) is refused.
 * - Beheerders and coordinators always need the second factor; the other roles when the
 *   organisation switched it on (`instellingen.tweedeFactorVoorIedereen`).
 * - A TOTP secret is stored encrypted (AES-256-GCM, node:crypto) under the server key
 *   (TOTP_SLEUTEL, or a key file in the data directory: src/server/totp-sleutel.ts), bound to its
 *   user (the user id is the additional authenticated data): the database never holds it plain.
 * - Time comes from the caller (the server's clock, `app.nu()`), so tests inject it.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { LoginStap, Rol } from '../../sync/protocol/wire.ts';
import { geeftRij, type Queryable } from './store.ts';

export const TOTP_PERIODE_S = 30;
export const TOTP_CIJFERS = 6;
/** Steps either side of now that still count (clock drift of phone and server). */
export const TOTP_VENSTER = 1;
export const TOTP_UITGEVER = 'Arrangeur';
export const AANTAL_HERSTELCODES = 10;

/** Roles that always need the second factor (issue 14, point 2). */
export const ALTIJD_TWEEDE_FACTOR: ReadonlySet<Rol> = new Set<Rol>(['beheerder', 'coordinator']);

/** Access-log actions of this module (toegang_log.actie). */
export const TF_ACTIES = {
  ingesteld: 'tweede-factor:ingesteld',
  geweigerd: 'tweede-factor:geweigerd',
  herstelcodeGebruikt: 'tweede-factor:herstelcode-gebruikt',
  hersteldDoorBeheer: 'beheer:tweede-factor-hersteld',
  instellingGewijzigd: 'beheer:tweede-factor-instelling',
  beveiligingGelezen: 'beheer:beveiliging-gelezen',
  startwachtwoordVervangen: 'startwachtwoord-vervangen',
} as const;

// ---------------------------------------------------------------------------------------------
// The secret at rest: AES-256-GCM under the server key
// ---------------------------------------------------------------------------------------------

/** Bytes of the server key (AES-256). */
export const TOTP_SLEUTEL_BYTES = 32;
/** Prefix of a stored (encrypted) secret: `v1.<iv>.<tag>.<ciphertext>`, base64url. */
const VERSLEUTELD_V1 = 'v1.';

let serverSleutel: Buffer | null = null;

/**
 * Sets the key the secrets are encrypted under, once per process at start-up (main.ts, from
 * TOTP_SLEUTEL or the key file). Without it (unit tests, tools) a random key of this process is
 * used: whatever it encrypted is readable by this process only.
 */
export function zetTotpSleutel(sleutel: Buffer): void {
  if (sleutel.length !== TOTP_SLEUTEL_BYTES) {
    throw new Error(`TOTP key must be ${TOTP_SLEUTEL_BYTES} bytes`);
  }
  serverSleutel = Buffer.from(sleutel);
}

function sleutel(): Buffer {
  serverSleutel ??= randomBytes(TOTP_SLEUTEL_BYTES);
  return serverSleutel;
}

/** Is this stored value an encrypted secret (not a plain one of before migration 011)? */
export const isVersleuteld = (opgeslagen: string): boolean => opgeslagen.startsWith(VERSLEUTELD_V1);

/** Encrypts a secret of `gebruikerId` for storage (a new 96-bit IV every time). */
export function versleutelGeheim(geheim: string, gebruikerId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sleutel(), iv);
  cipher.setAAD(Buffer.from(gebruikerId, 'utf8'));
  const tekst = Buffer.concat([cipher.update(geheim, 'utf8'), cipher.final()]);
  return (
    VERSLEUTELD_V1 + [iv, cipher.getAuthTag(), tekst].map((b) => b.toString('base64url')).join('.')
  );
}

/**
 * Decrypts a stored secret of `gebruikerId`. Throws when it is not an encrypted value, was made
 * under another key, belongs to another user or was altered (GCM checks all of it).
 */
export function ontsleutelGeheim(opgeslagen: string, gebruikerId: string): string {
  if (!isVersleuteld(opgeslagen)) throw new Error('TOTP secret is not encrypted');
  const delen = opgeslagen.slice(VERSLEUTELD_V1.length).split('.');
  if (delen.length !== 3) throw new Error('TOTP secret is malformed');
  const [iv, tag, tekst] = delen.map((d) => Buffer.from(d, 'base64url')) as [
    Buffer,
    Buffer,
    Buffer,
  ];
  const decipher = createDecipheriv('aes-256-gcm', sleutel(), iv);
  decipher.setAAD(Buffer.from(gebruikerId, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(tekst), decipher.final()]).toString('utf8');
}

/**
 * Data step of migration 011, run at every start after the SQL migrations (main.ts, under the
 * migration lock): encrypts every secret still stored plain (from before 011), and checks that the
 * key opens the secrets already encrypted (a wrong TOTP_SLEUTEL stops the start instead of
 * locking every user out). @returns the number of secrets encrypted now.
 */
export async function versleutelOudeGeheimen(q: Queryable): Promise<number> {
  const rows = await q.query<{ gebruiker_id: string; geheim: string }>(
    'SELECT gebruiker_id, geheim FROM tweede_factor',
  );
  const proef = rows.find((r) => isVersleuteld(r.geheim));
  if (proef) {
    try {
      ontsleutelGeheim(proef.geheim, proef.gebruiker_id);
    } catch {
      throw new Error(
        'TOTP_SLEUTEL does not open the stored second-factor secrets: start with the key they were stored under',
      );
    }
  }
  let n = 0;
  for (const r of rows) {
    if (isVersleuteld(r.geheim)) continue;
    await q.query('UPDATE tweede_factor SET geheim = $2 WHERE gebruiker_id = $1', [
      r.gebruiker_id,
      versleutelGeheim(r.geheim, r.gebruiker_id),
    ]);
    n++;
  }
  return n;
}

/** Stores a confirmed secret for `gebruikerId` (demo accounts: their published demo secret). */
export async function zetBevestigdGeheim(
  q: Queryable,
  gebruikerId: string,
  geheim: string,
): Promise<void> {
  await q.query(
    `INSERT INTO tweede_factor (gebruiker_id, geheim, aangemaakt_op, bevestigd_op)
     VALUES ($1, $2, now(), now())`,
    [gebruikerId, versleutelGeheim(geheim, gebruikerId)],
  );
}

/** What a session still needs before it is a normal session (wire.ts LOGIN_STAPPEN). */
export type Stap = LoginStap;

export function maakTotp(geheim: string, label = ''): TOTP {
  return new TOTP({
    issuer: TOTP_UITGEVER,
    label,
    algorithm: 'SHA1',
    digits: TOTP_CIJFERS,
    period: TOTP_PERIODE_S,
    secret: Secret.fromBase32(geheim),
  });
}

/** A new random secret of 160 bits (RFC 4226 recommends at least 128), base32. */
export const nieuwGeheim = (): string => new Secret({ size: 20 }).base32;

/**
 * Checks a code against a secret at `nu`. @returns the time step it belongs to, or null when it
 * does not match within the window. Only digits count; spaces a person types are ignored.
 */
export function totpStap(geheim: string, code: string, nu: Date): number | null {
  const token = code.replace(/\s+/g, '');
  if (!new RegExp(`^\\d{${TOTP_CIJFERS}}$`).test(token)) return null;
  const totp = maakTotp(geheim);
  const delta = totp.validate({ token, timestamp: nu.getTime(), window: TOTP_VENSTER });
  return delta === null ? null : totp.counter({ timestamp: nu.getTime() }) + delta;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** A recovery code as shown: 10 characters of an alphabet without look-alikes, in two groups. */
const HERSTEL_ALFABET = 'abcdefghjkmnpqrstuvwxyz23456789';
function nieuweHerstelcode(): string {
  const bytes = randomBytes(10);
  const tekens = [...bytes].map((b) => HERSTEL_ALFABET[b % HERSTEL_ALFABET.length]).join('');
  return `${tekens.slice(0, 5)}-${tekens.slice(5)}`;
}
/** Case, spaces and dashes do not matter when a recovery code is typed. */
const normaliseerHerstelcode = (code: string): string => code.toLowerCase().replace(/[\s-]/g, '');

// ---------------------------------------------------------------------------------------------
// Organisation setting (table `instellingen` of migration 004)
// ---------------------------------------------------------------------------------------------

const INSTELLING_IEDEREEN = 'tweedeFactorVoorIedereen';

export async function tweedeFactorVoorIedereen(q: Queryable): Promise<boolean> {
  const rows = await q.query<{ waarde: string }>(
    'SELECT waarde FROM instellingen WHERE sleutel = $1',
    [INSTELLING_IEDEREEN],
  );
  return rows[0]?.waarde === 'true';
}

export async function zetTweedeFactorVoorIedereen(q: Queryable, aan: boolean): Promise<void> {
  await q.query(
    `INSERT INTO instellingen (sleutel, waarde) VALUES ($1, $2)
     ON CONFLICT (sleutel) DO UPDATE SET waarde = EXCLUDED.waarde`,
    [INSTELLING_IEDEREEN, String(aan)],
  );
}

export async function tweedeFactorVerplicht(q: Queryable, rol: Rol): Promise<boolean> {
  return ALTIJD_TWEEDE_FACTOR.has(rol) || (await tweedeFactorVoorIedereen(q));
}

// ---------------------------------------------------------------------------------------------
// Enrolment and checking
// ---------------------------------------------------------------------------------------------

export async function heeftTweedeFactor(q: Queryable, gebruikerId: string): Promise<boolean> {
  return geeftRij(
    q,
    'SELECT 1 FROM tweede_factor WHERE gebruiker_id = $1 AND bevestigd_op IS NOT NULL',
    [gebruikerId],
  );
}

/**
 * The steps a user must still take after a correct password: a new password when hers is a start
 * password; then enrolment when the second factor is required and not set up, or the code when it
 * is set up (also when not required: who set it up uses it).
 */
export async function openStappenNaWachtwoord(
  q: Queryable,
  gebruikerId: string,
  rol: Rol,
): Promise<Stap[]> {
  const rows = await q.query<{ moet: boolean }>(
    'SELECT moet_wachtwoord_wijzigen AS moet FROM gebruikers WHERE id = $1',
    [gebruikerId],
  );
  const stappen: Stap[] = [];
  if (rows[0]?.moet) stappen.push('wachtwoord');
  if (await heeftTweedeFactor(q, gebruikerId)) stappen.push('tweedeFactor');
  else if (await tweedeFactorVerplicht(q, rol)) stappen.push('tweedeFactorInstellen');
  return stappen;
}

/**
 * Starts (or restarts) enrolment: a new unconfirmed secret. A confirmed one is never replaced
 * here (a beheerder resets a lost device first). @returns the secret, or null when one is set up.
 */
export async function begin(q: Queryable, gebruikerId: string, nu: Date): Promise<string | null> {
  const geheim = nieuwGeheim();
  const rows = await q.query(
    `INSERT INTO tweede_factor (gebruiker_id, geheim, aangemaakt_op) VALUES ($1, $2, $3)
     ON CONFLICT (gebruiker_id) DO UPDATE
       SET geheim = EXCLUDED.geheim, aangemaakt_op = EXCLUDED.aangemaakt_op, laatste_stap = NULL
       WHERE tweede_factor.bevestigd_op IS NULL
     RETURNING gebruiker_id`,
    [gebruikerId, versleutelGeheim(geheim, gebruikerId), nu.toISOString()],
  );
  return rows.length > 0 ? geheim : null;
}

/**
 * Checks a code for the user's secret (confirmed, or during enrolment the pending one) and marks
 * its step used. @returns 'ok', 'gebruikt' (right code, but that step or a later one was used
 * already) or 'onjuist'.
 */
export async function controleerCode(
  q: Queryable,
  gebruikerId: string,
  code: string,
  nu: Date,
  { inschrijving }: { inschrijving: boolean },
): Promise<'ok' | 'gebruikt' | 'onjuist'> {
  const rows = await q.query<{ geheim: string; laatste_stap: string | number | null }>(
    `SELECT geheim, laatste_stap FROM tweede_factor
     WHERE gebruiker_id = $1 AND (bevestigd_op IS ${inschrijving ? '' : 'NOT '}NULL)
     FOR UPDATE`,
    [gebruikerId],
  );
  const r = rows[0];
  if (!r) return 'onjuist';
  const stap = totpStap(ontsleutelGeheim(r.geheim, gebruikerId), code, nu);
  if (stap === null) return 'onjuist';
  if (r.laatste_stap !== null && stap <= Number(r.laatste_stap)) return 'gebruikt';
  // The condition again in SQL: two requests with the same code at once cannot both pass.
  const bijgewerkt = await q.query(
    `UPDATE tweede_factor SET laatste_stap = $2,
       bevestigd_op = COALESCE(bevestigd_op, CASE WHEN $3::boolean THEN $4::timestamptz END)
     WHERE gebruiker_id = $1 AND (laatste_stap IS NULL OR laatste_stap < $2)
     RETURNING gebruiker_id`,
    [gebruikerId, stap, inschrijving, nu.toISOString()],
  );
  return bijgewerkt.length > 0 ? 'ok' : 'gebruikt';
}

/** New recovery codes (the old ones end). @returns the codes in plain text, to show once. */
export async function maakHerstelcodes(q: Queryable, gebruikerId: string): Promise<string[]> {
  await q.query('DELETE FROM herstelcodes WHERE gebruiker_id = $1', [gebruikerId]);
  const codes = Array.from({ length: AANTAL_HERSTELCODES }, nieuweHerstelcode);
  for (const c of codes) {
    await q.query('INSERT INTO herstelcodes (gebruiker_id, hash) VALUES ($1, $2)', [
      gebruikerId,
      sha256(normaliseerHerstelcode(c)),
    ]);
  }
  return codes;
}

/** Uses a recovery code once. @returns whether it was an unused code of this user. */
export async function gebruikHerstelcode(
  q: Queryable,
  gebruikerId: string,
  code: string,
  nu: Date,
): Promise<boolean> {
  return geeftRij(
    q,
    `UPDATE herstelcodes SET gebruikt_op = $3
     WHERE gebruiker_id = $1 AND hash = $2 AND gebruikt_op IS NULL RETURNING hash`,
    [gebruikerId, sha256(normaliseerHerstelcode(code)), nu.toISOString()],
  );
}

/** A beheerder resets a lost device: secret and recovery codes go. @returns whether one existed. */
export async function herstel(q: Queryable, gebruikerId: string): Promise<boolean> {
  await q.query('DELETE FROM herstelcodes WHERE gebruiker_id = $1', [gebruikerId]);
  return geeftRij(q, 'DELETE FROM tweede_factor WHERE gebruiker_id = $1 RETURNING gebruiker_id', [
    gebruikerId,
  ]);
}

export interface TweedeFactorStatus {
  readonly id: string;
  readonly gebruikersnaam: string;
  readonly naam: string;
  readonly rol: Rol;
  readonly actief: boolean;
  readonly ingesteld: boolean;
  readonly verplicht: boolean;
  readonly herstelcodesOver: number;
}

/** Every user with her second-factor status, for the beheerder's "Beveiliging" screen. */
export async function tweedeFactorOverzicht(q: Queryable): Promise<TweedeFactorStatus[]> {
  const iedereen = await tweedeFactorVoorIedereen(q);
  const rows = await q.query<{
    id: string;
    gebruikersnaam: string;
    naam: string;
    rol: Rol;
    actief: boolean;
    ingesteld: boolean;
    over: number;
  }>(
    `SELECT g.id, g.gebruikersnaam, g.naam, g.rol, g.actief,
            (t.bevestigd_op IS NOT NULL) AS ingesteld,
            (SELECT count(*)::int FROM herstelcodes h
              WHERE h.gebruiker_id = g.id AND h.gebruikt_op IS NULL) AS over
     FROM gebruikers g LEFT JOIN tweede_factor t ON t.gebruiker_id = g.id
     ORDER BY g.gebruikersnaam`,
  );
  return rows.map((r) => ({
    id: r.id,
    gebruikersnaam: r.gebruikersnaam,
    naam: r.naam,
    rol: r.rol,
    actief: r.actief,
    ingesteld: Boolean(r.ingesteld),
    verplicht: iedereen || ALTIJD_TWEEDE_FACTOR.has(r.rol),
    herstelcodesOver: r.over,
  }));
}

/** The start password is replaced: she chose her own. */
export async function wachtwoordGekozen(q: Queryable, gebruikerId: string): Promise<void> {
  await q.query('UPDATE gebruikers SET moet_wachtwoord_wijzigen = false WHERE id = $1', [
    gebruikerId,
  ]);
}
