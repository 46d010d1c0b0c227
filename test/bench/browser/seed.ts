/**
 * Runs INSIDE the app's page (bundled by browser.ts with vite in library mode and injected as a
 * module script): fills the device database through the app's own write path (`saveClient`:
 * domain validation, search words, outbox row in the same transaction), many clients per
 * IndexedDB transaction so 5,000 clients take seconds, not minutes.
 */
import type { ClientInvoer } from '../../../src/domain/model/client.ts';
import { GEMEENTEN, ZORGVERZEKERAARS } from '../../../src/domain/reference/index.ts';
import { openDb } from '../../../src/storage/db.ts';
import { saveClient } from '../../../src/storage/repositories/clients.ts';
import { bewaarSessie } from '../../../src/storage/sessie.ts';
import { maakPlanMetItems } from '../../fixtures/plans.ts';

const VOORNAMEN = [
  'Jan',
  'Gerda',
  'Hendrik',
  'Aaltje',
  'Mohamed',
  'Fatma',
  'Piet',
  'Grietje',
  'Willem',
  'Johanna',
  'Kees',
  'Maria',
  'Ahmet',
  'Sophie',
  'Dirk',
  'Anna',
  'Bram',
  'Truus',
  'Youssef',
  'Els',
];
const ACHTERNAMEN = [
  'Jansen',
  'de Vries',
  'van den Berg',
  'Bakker',
  'El Amrani',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Yilmaz',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'de Graaf',
  'van der Meer',
  'Kok',
];

/** The i-th fictional client; deterministic, so every run seeds the same caseload. */
export function benchClient(i: number): ClientInvoer {
  const gemeente = i % 4 === 0 ? GEMEENTEN[i % GEMEENTEN.length]! : { cbsCode: 'GM0228' };
  return {
    voornaam: VOORNAMEN[i % VOORNAMEN.length]!,
    achternaam: `${ACHTERNAMEN[Math.floor(i / VOORNAMEN.length) % ACHTERNAMEN.length]!}${i >= 500 ? `-${i}` : ''}`,
    geboortedatum: `${1930 + (i % 60)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    postcode: `${6710 + (i % 9)} ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i * 7) % 26))}`,
    huisnummer: String(1 + (i % 250)),
    gemeente: gemeente.cbsCode,
    zorgverzekeraar: ZORGVERZEKERAARS[i % ZORGVERZEKERAARS.length]!.uzovi,
    wlzIndicatie:
      i % 10 === 0
        ? { zorgprofiel: 'VV-5', leveringsvorm: 'vpt', behandeling: false, geldigVan: '2025-06-01' }
        : null,
    huisarts: 'Huisartsenpraktijk De Brink',
  };
}

/** Saves clients `van` … `tot - 1` through `saveClient`; returns the ids of those written. */
async function seedClients(van: number, tot: number): Promise<string[]> {
  const db = openDb();
  try {
    const ids: string[] = [];
    const PER_TRANSACTIE = 500;
    for (let start = van; start < tot; start += PER_TRANSACTIE) {
      const eind = Math.min(tot, start + PER_TRANSACTIE);
      await db.transaction('rw', [db.clients, db.outbox, db.meta], async () => {
        for (let i = start; i < eind; i++) {
          const r = await saveClient(db, benchClient(i), { updatedBy: 'bench' });
          if (!r.ok) throw new Error(`bench client ${i}: ${JSON.stringify(r.issues)}`);
          ids.push(r.client.id);
        }
      });
    }
    return ids;
  } finally {
    db.close();
  }
}

/** A client named `voornaam achternaam` with a concept plan of `n` items (test/fixtures/plans.ts). */
async function seedPlan(n: number, voornaam: string, achternaam: string): Promise<number> {
  const db = openDb();
  try {
    const { items } = await maakPlanMetItems(db, n, {
      updatedBy: 'bench',
      client: { voornaam, achternaam, bsn: undefined },
    });
    return items.length;
  } finally {
    db.close();
  }
}

/**
 * A local session as after an online login (the app opens on the caseload, not on the login
 * screen). The bench measures the device, so no server account is involved.
 */
async function seedSessie(): Promise<void> {
  const db = openDb();
  try {
    await bewaarSessie(
      db,
      {
        id: crypto.randomUUID(),
        gebruikersnaam: 'bench',
        naam: 'Bench Arrangeur',
        rol: 'arrangeur',
      },
      '24680',
    );
  } finally {
    db.close();
  }
}

declare global {
  interface Window {
    __arrangeurBench?: {
      seedClients: typeof seedClients;
      seedPlan: typeof seedPlan;
      seedSessie: typeof seedSessie;
    };
  }
}

window.__arrangeurBench = { seedClients, seedPlan, seedSessie };
