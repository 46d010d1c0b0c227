/**
 * Demo accounts, one per role, made at start-up when DEMO=1 and there is no user yet. Fictional
 * people with published passwords: never start a real deployment with DEMO=1. Exported so
 * `npm start` can print them and e2e can log in with them.
 */
import type { Rol } from '../sync/protocol/wire.ts';
import { aantalGebruikers, maakGebruiker } from './db/accounts.ts';
import { maakTotp, zetBevestigdGeheim } from './db/tweede-factor.ts';
import type { Store } from './db/store.ts';

export interface DemoGebruiker {
  readonly gebruikersnaam: string;
  readonly naam: string;
  readonly rol: Rol;
  readonly wachtwoord: string;
  /**
   * DEMO ONLY: a fixed, published TOTP secret (base32) for the roles that need a second factor
   * (issue 14), so the printout can say how to log in. Never a real deployment's secret.
   */
  readonly demoTotpGeheim?: string;
}

export const DEMO_GEBRUIKERS: readonly DemoGebruiker[] = [
  { gebruikersnaam: 'anja', naam: 'Anja de Boer', rol: 'arrangeur', wachtwoord: 'demo-anja-2026' },
  {
    gebruikersnaam: 'carla',
    naam: 'Carla Visser',
    rol: 'casemanager',
    wachtwoord: 'demo-carla-2026',
  },
  {
    gebruikersnaam: 'cor',
    naam: 'Cor Jansen',
    rol: 'coordinator',
    wachtwoord: 'demo-cor-2026',
    demoTotpGeheim: 'ARRANGEURDEMOCORARRANGEURDEMOCOR',
  },
  {
    gebruikersnaam: 'bea',
    naam: 'Bea Smit',
    rol: 'beheerder',
    wachtwoord: 'demo-bea-2026',
    demoTotpGeheim: 'ARRANGEURDEMOBEAARRANGEURDEMOBEA',
  },
];

/** The current code of a demo secret (`npm run totp -- <secret>`, and the e2e page models). */
export const demoTotpCode = (geheim: string, nu = new Date()): string =>
  maakTotp(geheim).generate({ timestamp: nu.getTime() });

/**
 * Creates the demo accounts when the user table is empty, in one transaction (two instances
 * starting at once on one PostgreSQL cannot both half-fill it; usernames are unique anyway).
 * @returns whether they were created now.
 */
export async function maakDemoGebruikers(store: Store): Promise<boolean> {
  if ((await aantalGebruikers(store)) > 0) return false;
  return store.transaction(async (tx) => {
    if ((await aantalGebruikers(tx)) > 0) return false;
    for (const g of DEMO_GEBRUIKERS) {
      const gemaakt = await maakGebruiker(tx, g);
      if (gemaakt && g.demoTotpGeheim) {
        // Enrolled and confirmed, with the published demo secret (demo data only), stored
        // encrypted like any other.
        await zetBevestigdGeheim(tx, gemaakt.id, g.demoTotpGeheim);
      }
    }
    return true;
  });
}
