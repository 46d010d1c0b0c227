/**
 * The caseload: read and write clients. Every write validates with the domain schema first (STYLE
 * 12), then writes the record and its outbox mutation in one transaction (guarantee 1). Every
 * read parses with the domain schema, so the UI never sees a shape the domain would reject.
 */
import {
  clientInvoerSchema,
  clientSchema,
  type Client,
  type ClientGegevens,
  type ClientInvoer,
} from '../../domain/model/client.ts';
import type { ArrangeurDB, ClientRow } from '../db.ts';
import {
  invoerFouten,
  schrijfRecord,
  verwijderRecord,
  type Gezien,
  type InvoerFout,
  type WriteOptions,
} from './schrijven.ts';
import { sorteersleutel, zonderAccenten } from '../sorteersleutel.ts';
import { zonderUndefined } from './velden.ts';

export type SaveClientResult = { ok: true; client: Client } | { ok: false; issues: InvoerFout[] };

export type { Gezien, InvoerFout, WriteOptions };

type Veld = keyof ClientGegevens;
const VELDEN = Object.keys(clientInvoerSchema.shape) as Veld[];

/**
 * Creates a client (no `id`, or an `id` not yet stored) or updates one (`id` of a stored client).
 * Invalid input writes nothing and returns the issues per field. An update queues only the fields
 * that changed; an update that changes nothing writes nothing.
 *
 * Safe offline: the record and its outbox mutation are written locally in one transaction and the
 * id is a device-made UUID, so the change is durable now and is pushed whenever the device is
 * online again.
 */
export async function saveClient(
  db: ArrangeurDB,
  invoer: ClientInvoer,
  options: WriteOptions & { id?: string },
): Promise<SaveClientResult> {
  const parsed = clientInvoerSchema.safeParse(invoer);
  if (!parsed.success) {
    return { ok: false, issues: invoerFouten(parsed.error) };
  }
  const gegevens = parsed.data;
  const now = options.now ?? new Date();

  return db.transaction('rw', [db.clients, db.outbox, db.meta], async () => {
    const rij = options.id ? await db.clients.get(options.id) : undefined;
    if (rij?.deleted) {
      return { ok: false, issues: [{ path: [], message: 'Deze cliënt is verwijderd.' }] } as const;
    }
    const vorige = rij ? leesRij(rij) : undefined;
    // An unreadable stored row is not overwritten: a later schema version migrates it.
    if (rij && !vorige) {
      return {
        ok: false,
        issues: [{ path: [], message: 'Deze cliënt bestaat niet (meer).' }],
      } as const;
    }
    const id = options.id ?? crypto.randomUUID();
    const { record } = await schrijfRecord(db, {
      table: db.clients,
      schema: clientSchema,
      type: 'client',
      clientId: id,
      velden: VELDEN,
      gegevens,
      vorige,
      id,
      naarRij: clientNaarRij,
      opts: { updatedBy: options.updatedBy },
      now,
    });
    return { ok: true, client: record } as const;
  });
}

/**
 * Marks a client deleted (a tombstone), so the deletion can sync and win over older edits on other
 * devices. @returns whether a living client was deleted.
 *
 * Safe offline: the tombstone and its outbox mutation are written locally in one transaction; the
 * row stays until the server has accepted the deletion.
 */
export async function deleteClient(
  db: ArrangeurDB,
  id: string,
  options: WriteOptions,
): Promise<boolean> {
  const now = options.now ?? new Date();
  return db.transaction('rw', [db.clients, db.outbox, db.meta], async () => {
    const rij = await db.clients.get(id);
    if (!rij || rij.deleted) return false;
    await verwijderRecord(db, {
      table: db.clients,
      type: 'client',
      clientId: id,
      rij,
      naarRij: clientNaarRij,
      opts: options,
      now,
    });
    return true;
  });
}

/** A living client, or undefined when it does not exist, is deleted, or fails the domain schema. */
export async function getClient(db: ArrangeurDB, id: string): Promise<Client | undefined> {
  const rij = await db.clients.get(id);
  if (!rij || rij.deleted) return undefined;
  return leesRij(rij);
}

/** All living clients, sorted as a Dutch list: by achternaam without voorvoegsel, then voornaam. */
export async function listClients(db: ArrangeurDB): Promise<Client[]> {
  return leesRijen(await db.clients.toArray());
}

/** Part of the caseload in list order, and how many clients the whole list holds. */
export interface ClientLijst {
  clients: Client[];
  totaal: number;
}

/**
 * The first `max` living clients in list order (from the `sorteersleutel` index), and how many
 * living clients there are: what the caseload shows without reading every client.
 */
export async function eersteClients(db: ArrangeurDB, max: number): Promise<ClientLijst> {
  return db.transaction('r', db.clients, async () => {
    const [rijen, alle, tombstones] = await Promise.all([
      db.clients.orderBy('sorteersleutel').limit(max).toArray(),
      db.clients.count(),
      db.clients.where('verwijderd').equals(1).count(),
    ]);
    const clients = leesRijen(rijen);
    // A row that fails the schema is not shown, so not counted either (exact when the whole list
    // was read; beyond the first `max` such rows are not looked for).
    return { clients, totaal: alle - tombstones - (rijen.length - clients.length) };
  });
}

/** The living clients among `ids`, in list order (the caseload's "evaluatie nodig"). */
export async function clientsMetIds(db: ArrangeurDB, ids: readonly string[]): Promise<Client[]> {
  const rijen = await db.clients.bulkGet([...ids]);
  return leesRijen(rijen.filter((r): r is ClientRow => r !== undefined));
}

/**
 * Clients whose voornaam or achternaam has a word starting with each word of the query, ignoring
 * case and accents: "jan", "Jans", "jan jansen", "jansen jan", "berg" (van den Berg), "jose" (José).
 * An empty query lists everyone.
 */
export async function searchClients(db: ArrangeurDB, query: string): Promise<Client[]> {
  const woorden = zoekwoorden(query);
  const [eerste] = woorden;
  if (eerste === undefined) return listClients(db);
  const kandidaten = await db.clients.where('zoekwoorden').startsWith(eerste).distinct().toArray();
  return leesRijen(
    kandidaten.filter((rij) =>
      woorden.every((w) => rij.zoekwoorden.some((zw) => zw.startsWith(w))),
    ),
  );
}

/** Lower-case, accent-free words of a name or query; punctuation separates words ('t Hart → t, hart). */
export function zoekwoorden(tekst: string): string[] {
  const woorden = zonderAccenten(tekst)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  return [...new Set(woorden)];
}

function leesRijen(rijen: ClientRow[]): Client[] {
  // Each key once per client, not once per comparison (a caseload can hold thousands).
  return rijen
    .filter((rij) => !rij.deleted)
    .map(leesRij)
    .filter((c): c is Client => c !== undefined)
    .map((c) => ({ c, sleutel: sorteersleutel(c) }))
    .sort((a, b) => (a.sleutel < b.sleutel ? -1 : a.sleutel > b.sleutel ? 1 : 0))
    .map(({ c }) => c);
}

/**
 * The read edge: a stored row becomes a domain Client only through the domain schema. A row that
 * fails is not shown but also not touched, so nothing is lost; a later schema version migrates it.
 */
function leesRij(rij: ClientRow): Client | undefined {
  const result = clientSchema.safeParse(rij);
  if (result.success) return result.data;
  console.warn(`Cliënt ${rij.id} voldoet niet aan het schema en wordt niet getoond.`, result.error);
  return undefined;
}

/**
 * A domain Client as stored: without undefined keys and with the name-search words. Shared with
 * the sync client, which stores pulled clients the same way (so search finds them too).
 */
export function clientNaarRij(client: Client): ClientRow {
  // A tombstone keeps no sort key (the caseload's index holds living clients only) and is marked
  // in an index of its own (see the v7 schema in db.ts).
  const {
    sorteersleutel: _sleutel,
    verwijderd: _verwijderd,
    ...rest
  } = client as Partial<ClientRow> & Client;
  const rij: ClientRow = {
    ...zonderUndefined(rest),
    zoekwoorden: zoekwoorden(`${client.voornaam} ${client.achternaam}`),
  };
  return client.deleted
    ? { ...rij, verwijderd: 1 }
    : { ...rij, sorteersleutel: sorteersleutel(client) };
}
