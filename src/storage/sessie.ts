/**
 * The local session (issue 5, item 2): who is logged in on this device, and the PIN that unlocks
 * it after an idle lock. Kept in the device-only `meta` table, never synced and never sent: the
 * server never sees the PIN, only a PBKDF2-SHA256 hash of it with a random salt is stored.
 *
 * Closing the session removes only this key: records, the outbox (unsent changes) and the sync
 * state stay, so nothing anyone typed is lost by a lock-out or a logout.
 *
 * Deliberately free of zod (the app shell reads the session before the first screen; STYLE:
 * keep the entry chunk small); the stored value is checked by hand at the edge.
 */
import { SYNCED_TABLES, type ArrangeurDB } from './db.ts';
import { vergeetDeviceId } from './meta.ts';

export const SESSIE_KEY = 'sessie';
/** Who last had a session on this device ({id, naam}); kept after logout, see wisselGebruiker. */
export const VORIGE_GEBRUIKER_KEY = 'vorigeGebruiker';
/** PBKDF2 iterations for the PIN hash (OWASP 2023 lists 600,000 for SHA-256). */
export const PIN_ITERATIES = 210_000;
export const PIN_LENGTE = 5;
export const MAX_PIN_POGINGEN = 5;

export interface LokaleGebruiker {
  id: string;
  gebruikersnaam: string;
  naam: string;
  rol: string;
}

export interface LokaleSessie {
  gebruiker: LokaleGebruiker;
  /** base64 of PBKDF2-SHA256(pin, salt, iteraties), 256 bits. */
  pinHash: string;
  pinSalt: string;
  iteraties: number;
  /** Wrong PIN tries since the last right one. */
  mislukt: number;
  vergrendeld: boolean;
  ingelogdOp: string;
  /** When the PIN last unlocked the app (ISO); the idle time counts from here too. */
  ontgrendeldOp?: string;
}

function isString(v: unknown): v is string {
  return typeof v === 'string' && v !== '';
}

/** The stored session, or null when there is none or it is malformed (then it cannot unlock). */
export function parseSessie(value: unknown): LokaleSessie | null {
  if (!value || typeof value !== 'object') return null;
  const s = value as Partial<LokaleSessie>;
  const g = s.gebruiker as Partial<LokaleGebruiker> | undefined;
  if (!g || !isString(g.id) || !isString(g.gebruikersnaam) || !isString(g.naam)) return null;
  if (!isString(s.pinHash) || !isString(s.pinSalt)) return null;
  if (typeof s.iteraties !== 'number' || s.iteraties < 100_000) return null;
  return {
    gebruiker: { id: g.id, gebruikersnaam: g.gebruikersnaam, naam: g.naam, rol: String(g.rol) },
    pinHash: s.pinHash,
    pinSalt: s.pinSalt,
    iteraties: s.iteraties,
    mislukt: typeof s.mislukt === 'number' && s.mislukt >= 0 ? s.mislukt : 0,
    vergrendeld: s.vergrendeld === true,
    ingelogdOp: typeof s.ingelogdOp === 'string' ? s.ingelogdOp : '',
    ...(typeof s.ontgrendeldOp === 'string' ? { ontgrendeldOp: s.ontgrendeldOp } : {}),
  };
}

export async function leesSessie(db: ArrangeurDB): Promise<LokaleSessie | null> {
  return parseSessie((await db.meta.get(SESSIE_KEY))?.value);
}

function naarBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function vanBase64(tekst: string): Uint8Array<ArrayBuffer> {
  const s = atob(tekst);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

/** PBKDF2-SHA256 of the PIN with WebCrypto; 256 bits, base64. */
export async function hashPin(
  pin: string,
  salt: Uint8Array<ArrayBuffer>,
  iteraties: number,
): Promise<string> {
  const sleutel = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(pin),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: iteraties },
    sleutel,
    256,
  );
  return naarBase64(new Uint8Array(bits));
}

/** Constant-time comparison of two equal-length strings. */
function gelijk(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let verschil = 0;
  for (let i = 0; i < a.length; i++) verschil |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return verschil === 0;
}

export function isGeldigePin(pin: string): boolean {
  return new RegExp(`^\\d{${PIN_LENGTE}}$`).test(pin);
}

/**
 * Opens the local session after an online login. Safe offline: a local meta write (the login
 * itself needed the network; this does not).
 */
export async function bewaarSessie(
  db: ArrangeurDB,
  gebruiker: LokaleGebruiker,
  pin: string,
  opts: { now?: Date; iteraties?: number } = {},
): Promise<LokaleSessie> {
  if (!isGeldigePin(pin)) throw new Error(`PIN must be ${PIN_LENGTE} digits`);
  const iteraties = Math.max(100_000, opts.iteraties ?? PIN_ITERATIES);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const sessie: LokaleSessie = {
    gebruiker: {
      id: gebruiker.id,
      gebruikersnaam: gebruiker.gebruikersnaam,
      naam: gebruiker.naam,
      rol: gebruiker.rol,
    },
    pinHash: await hashPin(pin, salt, iteraties),
    pinSalt: naarBase64(salt),
    iteraties,
    mislukt: 0,
    vergrendeld: false,
    ingelogdOp: (opts.now ?? new Date()).toISOString(),
  };
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: SESSIE_KEY, value: sessie });
    await db.meta.put({
      key: VORIGE_GEBRUIKER_KEY,
      value: { id: sessie.gebruiker.id, naam: sessie.gebruiker.naam },
    });
  });
  return sessie;
}

// Derived from SYNCED_TABLES, so a new synced table (reviews, …) can never be forgotten here and
// leak one user's records to the next user of a shared tablet.
const SYNC_TABELLEN = (db: ArrangeurDB) => SYNCED_TABLES.map((naam) => db.table(naam));

export type WisselUitkomst = { ok: true } | { ok: false; vorigeNaam: string; aantal: number };

/**
 * A shared tablet: before a different user's session opens, the previous user's records leave
 * the device (the new user pulls her own), so nobody sees another caseload. The previous user's
 * unsent changes are never thrown away or sent under someone else's name: while there are any,
 * the new login is refused and the previous user must log in to send them first.
 * Safe offline: local only.
 */
export async function wisselGebruiker(
  db: ArrangeurDB,
  gebruikerId: string,
): Promise<WisselUitkomst> {
  return db.transaction(
    'rw',
    [db.meta, db.outbox, db.syncBasis, ...SYNC_TABELLEN(db)],
    async (): Promise<WisselUitkomst> => {
      const vorige = (await db.meta.get(VORIGE_GEBRUIKER_KEY))?.value as
        { id?: unknown; naam?: unknown } | undefined;
      if (!vorige || typeof vorige.id !== 'string' || vorige.id === gebruikerId) {
        return { ok: true };
      }
      const aantal = await db.outbox.count();
      if (aantal > 0) {
        return { ok: false, vorigeNaam: String(vorige.naam ?? 'de vorige gebruiker'), aantal };
      }
      await Promise.all([
        ...SYNC_TABELLEN(db).map((t) => t.clear()),
        db.syncBasis.clear(),
        db.meta.delete('syncState'),
        // A new user, a new device id: the server binds an id to its first user.
        vergeetDeviceId(db),
      ]);
      return { ok: true };
    },
  );
}

/** Locks the session (idle timeout). Safe offline: local only. */
export async function vergrendel(db: ArrangeurDB): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const sessie = await leesSessie(db);
    if (sessie && !sessie.vergrendeld) {
      await db.meta.put({ key: SESSIE_KEY, value: { ...sessie, vergrendeld: true } });
    }
  });
}

export type PinUitkomst =
  { ok: true } | { ok: false; gesloten: false; over: number } | { ok: false; gesloten: true };

/**
 * Checks the PIN locally. Right: unlocks and resets the count. Wrong: counts; at the 5th wrong
 * try the local session is closed (only the session key: records and outbox are kept).
 * Safe offline: local only; nothing is sent.
 */
export async function controleerPin(db: ArrangeurDB, pin: string): Promise<PinUitkomst> {
  const sessie = await leesSessie(db);
  if (!sessie) return { ok: false, gesloten: true };
  const hash = await hashPin(pin, vanBase64(sessie.pinSalt), sessie.iteraties);
  return db.transaction('rw', db.meta, async (): Promise<PinUitkomst> => {
    // Re-read inside the transaction: two tabs counting at once must not lose a try.
    const nu = await leesSessie(db);
    if (!nu) return { ok: false, gesloten: true };
    if (gelijk(hash, nu.pinHash)) {
      await db.meta.put({
        key: SESSIE_KEY,
        value: { ...nu, mislukt: 0, vergrendeld: false, ontgrendeldOp: new Date().toISOString() },
      });
      return { ok: true };
    }
    const mislukt = nu.mislukt + 1;
    if (mislukt >= MAX_PIN_POGINGEN) {
      await db.meta.delete(SESSIE_KEY);
      return { ok: false, gesloten: true };
    }
    await db.meta.put({ key: SESSIE_KEY, value: { ...nu, mislukt, vergrendeld: true } });
    return { ok: false, gesloten: false, over: MAX_PIN_POGINGEN - mislukt };
  });
}

/**
 * Closes the local session: removes the session key only. Records, the outbox and the sync state
 * stay on the device (guarantee 1: nothing typed is lost by logging out). Safe offline.
 */
export async function sluitSessie(db: ArrangeurDB): Promise<void> {
  await db.meta.delete(SESSIE_KEY);
}

/**
 * The explicit "weggooien" choice at logout: removes the unsent changes and, so that the device
 * does not keep showing values the server never got, every synced record and the sync cursor; the
 * next login pulls everything again from the server. Only ever called after the user saw the
 * count and confirmed twice. Safe offline: local only.
 */
export async function wisLokaleWijzigingen(db: ArrangeurDB): Promise<void> {
  await db.transaction('rw', [db.outbox, db.syncBasis, db.meta, ...SYNC_TABELLEN(db)], async () => {
    await Promise.all([
      db.outbox.clear(),
      db.syncBasis.clear(),
      ...SYNC_TABELLEN(db).map((t) => t.clear()),
      db.meta.delete('syncState'),
      db.meta.delete(SESSIE_KEY),
      db.meta.delete(VORIGE_GEBRUIKER_KEY),
    ]);
  });
}
