/**
 * The sociale kaart: the shipped catalog (code, read-only) plus local entries that arrangeurs add
 * (records in `voorzieningen`, synced like every record). Writes validate with the domain schema
 * first and put the record and its outbox mutation in one transaction (guarantee 1); reads parse
 * with the domain schema (docs/style.md 12).
 *
 * The catalog is imported lazily: about 22 KB of text (7 KB gzip) that only the sociale-kaart
 * screen and the plan step need, so it stays out of the initial bundle (budget: 137 KB gzip).
 */
import {
  voorzieningInvoerSchema,
  voorzieningSchema,
  type Voorziening,
  type VoorzieningGegevens,
  type VoorzieningInvoer,
} from '../../domain/sociale-kaart/model.ts';
import type { ArrangeurDB } from '../db.ts';
import type { InvoerFout } from './clients.ts';
import { lees } from './lezen.ts';
import { invoerFouten, schrijfRecord, verwijderRecord, type WriteOptions } from './schrijven.ts';

export type SaveVoorzieningResult =
  { ok: true; voorziening: Voorziening } | { ok: false; issues: InvoerFout[] };

type Veld = keyof VoorzieningGegevens;
const VELDEN = Object.keys(voorzieningInvoerSchema.shape) as Veld[];

const laadCatalogus = async () =>
  (await import('../../domain/sociale-kaart/catalogus.ts')).CATALOGUS;

/**
 * Adds a local entry (no `id`, or an `id` not yet stored) or changes one (`id` of a stored local
 * entry). Invalid input writes nothing and returns the issues per field; so does an `id` of a
 * catalog entry (those are the same on every device and cannot be changed) or of a removed entry.
 * A change queues only the fields that changed; a change of nothing writes nothing.
 *
 * Safe offline: the record and its outbox mutation are written locally in one transaction and the
 * id is a device-made UUID, so the entry is durable now and is pushed once the device is online.
 */
export async function saveVoorziening(
  db: ArrangeurDB,
  invoer: VoorzieningInvoer & { id?: string | undefined },
  options: WriteOptions,
): Promise<SaveVoorzieningResult> {
  const { id: gegevenId, ...velden } = invoer;
  const parsed = voorzieningInvoerSchema.safeParse(velden);
  if (!parsed.success) {
    return { ok: false, issues: invoerFouten(parsed.error) };
  }
  if (gegevenId !== undefined && (await laadCatalogus()).some((v) => v.id === gegevenId)) {
    return {
      ok: false,
      issues: [{ path: [], message: 'Een voorziening uit de catalogus kunt u niet wijzigen.' }],
    };
  }
  const gegevens = parsed.data;
  const now = options.now ?? new Date();

  return db.transaction('rw', [db.voorzieningen, db.outbox, db.meta], async () => {
    const id = gegevenId ?? crypto.randomUUID();
    const rij = gegevenId !== undefined ? await db.voorzieningen.get(id) : undefined;
    if (rij?.deleted) {
      return {
        ok: false,
        issues: [{ path: [], message: 'Deze voorziening is verwijderd.' }],
      } as const;
    }
    const vorige = rij ? leesRij(rij) : undefined;
    // An unreadable stored row is not overwritten: a later schema version migrates it.
    if (rij && !vorige) {
      return {
        ok: false,
        issues: [{ path: [], message: 'Deze voorziening bestaat niet (meer).' }],
      } as const;
    }
    // A create carries every field plus `herkomst`; an update only what changed.
    const { record: voorziening } = await schrijfRecord(db, {
      table: db.voorzieningen,
      schema: voorzieningSchema,
      type: 'voorziening',
      clientId: null,
      velden: VELDEN,
      gegevens,
      vast: { herkomst: 'lokaal' },
      vorige,
      id,
      opts: { updatedBy: options.updatedBy },
      now,
    });
    return { ok: true, voorziening } as const;
  });
}

/**
 * Removes a local entry as a tombstone, so the removal syncs and wins over older edits elsewhere.
 * Catalog entries cannot be removed. @returns whether a living local entry was removed.
 *
 * Safe offline: the tombstone and its outbox mutation are written locally in one transaction; the
 * row stays until the server has accepted the removal.
 */
export async function deleteVoorziening(
  db: ArrangeurDB,
  id: string,
  options: WriteOptions,
): Promise<boolean> {
  const now = options.now ?? new Date();
  return db.transaction('rw', [db.voorzieningen, db.outbox, db.meta], async () => {
    const rij = await db.voorzieningen.get(id);
    // Only local entries live in this table, but a synced row is checked anyway: the catalog is
    // never something a device may delete.
    if (!rij || rij.deleted || rij.herkomst !== 'lokaal') return false;
    await verwijderRecord(db, {
      table: db.voorzieningen,
      type: 'voorziening',
      clientId: null,
      rij,
      opts: options,
      now,
    });
    return true;
  });
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** Living local entries, by naam. */
export async function listLokaleVoorzieningen(db: ArrangeurDB): Promise<Voorziening[]> {
  const rijen = await db.voorzieningen.toArray();
  return rijen
    .filter((rij) => !rij.deleted)
    .map(leesRij)
    .filter((v): v is Voorziening => v !== undefined && v.herkomst === 'lokaal')
    .sort((a, b) => collator.compare(a.naam, b.naam));
}

/**
 * The whole sociale kaart on this device: the catalog, then the living local entries. Reads the
 * table before it loads the catalog, so a `liveQuery` around this sees the table read.
 */
export async function alleVoorzieningen(db: ArrangeurDB): Promise<Voorziening[]> {
  const lokaal = await listLokaleVoorzieningen(db);
  return [...(await laadCatalogus()), ...lokaal];
}

/** The read edge: a stored row becomes a domain Voorziening only through the domain schema. */
function leesRij(rij: Voorziening): Voorziening | undefined {
  return lees(voorzieningSchema, rij);
}
