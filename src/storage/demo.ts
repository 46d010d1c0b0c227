/**
 * Fictional demo clients for a newcomer's first start, so the app is not empty. Only seeded when
 * the server says it runs in demo mode (`npm start`), the device has no clients and it was never
 * seeded before. Names and BSNs are invented (the BSNs pass the elfproef but belong to no one
 * known to us); addresses are Ede-area postcodes without real people behind them.
 */
import type { ClientInvoer } from '../domain/model/client.ts';
import type { ArrangeurDB } from './db.ts';
import { getMeta, setMeta } from './meta.ts';
import { saveClient } from './repositories/clients.ts';

const DEMO_CLIENTS: readonly ClientInvoer[] = [
  {
    voornaam: 'Gerda',
    achternaam: 'van Beek',
    geboortedatum: '1939-04-12',
    postcode: '6711 AB',
    huisnummer: '3',
    gemeente: 'GM0228',
    zorgverzekeraar: '7095',
    wlzIndicatie: null,
    huisarts: 'Huisartsenpraktijk De Brink',
  },
  {
    voornaam: 'Hendrik',
    achternaam: 'Jansen',
    geboortedatum: '1944-09-30',
    postcode: '6712 CD',
    huisnummer: '18a',
    gemeente: 'GM0228',
    zorgverzekeraar: '3311',
    wlzIndicatie: null,
    huisarts: 'Huisartsenpraktijk Veldhuizen',
  },
  {
    voornaam: 'Aaltje',
    achternaam: 'de Wit',
    geboortedatum: '1936-01-05',
    postcode: '6713 EF',
    huisnummer: '7',
    gemeente: 'GM0228',
    zorgverzekeraar: '3332',
    wlzIndicatie: {
      zorgprofiel: 'VV-5',
      leveringsvorm: 'vpt',
      behandeling: false,
      geldigVan: '2025-06-01',
    },
    huisarts: 'Huisartsenpraktijk De Brink',
  },
  {
    voornaam: 'Mohamed',
    achternaam: 'El Amrani',
    geboortedatum: '1952-11-20',
    postcode: '6714 GH',
    huisnummer: '41',
    gemeente: 'GM0228',
    zorgverzekeraar: '7119',
    wlzIndicatie: null,
    huisarts: 'Gezondheidscentrum Ede-Zuid',
  },
  {
    voornaam: 'Jannie',
    achternaam: 'Visser',
    geboortedatum: '1941-07-17',
    postcode: '6721 JK',
    huisnummer: '2',
    gemeente: 'GM0228',
    zorgverzekeraar: '3313',
    wlzIndicatie: {
      zorgprofiel: 'VV-6',
      leveringsvorm: 'mpt',
      behandeling: false,
      geldigVan: '2024-11-15',
    },
    huisarts: 'Huisartsenpraktijk Bennekom',
  },
  {
    voornaam: 'Cor',
    achternaam: 'Hoekstra',
    geboortedatum: '1948-02-29',
    postcode: '6741 LM',
    huisnummer: '9',
    gemeente: 'GM0228',
    zorgverzekeraar: '3351',
    wlzIndicatie: null,
    huisarts: 'Huisartsenpraktijk Lunteren',
  },
  {
    voornaam: 'Sanne',
    achternaam: 'Bakker',
    geboortedatum: '2012-05-08',
    postcode: '6717 NP',
    huisnummer: '55',
    gemeente: 'GM0228',
    zorgverzekeraar: '7095',
    wlzIndicatie: null,
    huisarts: 'Gezondheidscentrum Ede-Zuid',
  },
  {
    voornaam: 'Willem',
    achternaam: 'Smit',
    geboortedatum: '1933-12-01',
    postcode: '6871 AB',
    huisnummer: '14',
    gemeente: 'GM0274',
    zorgverzekeraar: '3311',
    wlzIndicatie: {
      zorgprofiel: 'VV-7',
      leveringsvorm: 'verblijf',
      behandeling: true,
      geldigVan: '2023-03-01',
    },
    huisarts: 'Specialist ouderengeneeskunde (instelling)',
  },
];

const SEEDED = 'demoSeeded';

/**
 * Seeds the demo clients once. Safe offline: every client is saved like a typed one (record +
 * outbox in one transaction), so demo data follows the same path as real work.
 * @returns how many clients were added (0 when the device already has data or was seeded).
 */
export async function seedDemoClients(db: ArrangeurDB, now = new Date()): Promise<number> {
  if ((await getMeta(db, SEEDED)) === true || (await db.clients.count()) > 0) return 0;
  let added = 0;
  for (const invoer of DEMO_CLIENTS) {
    const result = await saveClient(db, invoer, { updatedBy: 'demo', now });
    if (result.ok) added += 1;
  }
  await setMeta(db, SEEDED, true);
  return added;
}
