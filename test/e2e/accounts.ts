/**
 * Who the specs log in as. The e2e server is one server for the whole run, so every test gets
 * its own fresh arrangeur (made by the demo beheerder through the beheer API, see fixtures.ts):
 * her caseload starts empty and a test never pulls the clients another test made. She is called
 * Anja de Boer like the demo user `anja` (src/server/demo-users.ts), whose role she has.
 */
import { DEMO_GEBRUIKERS } from '../../src/server/demo-users.ts';

export interface Account {
  readonly gebruikersnaam: string;
  readonly wachtwoord: string;
  readonly naam: string;
  /** Her TOTP secret (issue 14), when she has a second factor: the page models give the code. */
  readonly totpGeheim?: string;
}

/** The published demo secret of a demo user (demo data only, see src/server/demo-users.ts). */
const demoGeheim = (naam: string): string => {
  const geheim = DEMO_GEBRUIKERS.find((g) => g.gebruikersnaam === naam)?.demoTotpGeheim;
  if (!geheim) throw new Error(`no demo secret for ${naam}`);
  return geheim;
};

/** The demo users made by test/e2e/serve.ts (as in src/server/demo-users.ts). */
export const ANJA: Account = {
  gebruikersnaam: 'anja',
  wachtwoord: 'demo-anja-2026',
  naam: 'Anja de Boer',
};
export const BEA: Account = {
  gebruikersnaam: 'bea',
  wachtwoord: 'demo-bea-2026',
  naam: 'Bea Smit',
  totpGeheim: demoGeheim('bea'),
};

let huidig: Account = ANJA;

/** The account of the running test (set by the `account` fixture before the test starts). */
export function testAccount(): Account {
  return huidig;
}

export function zetTestAccount(account: Account): void {
  huidig = account;
}

/** The demo coordinator (pseudonymised "Wie betaalt wat"), made by test/e2e/serve.ts. */
export const COR: Account = {
  gebruikersnaam: 'cor',
  wachtwoord: 'demo-cor-2026',
  naam: 'Cor Jansen',
  totpGeheim: demoGeheim('cor'),
};
