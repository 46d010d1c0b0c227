/**
 * `npm start` runs this file compiled (dist-server/cli/start.js, plain `node`): npm's `prestart`
 * (scripts/build.mjs --if-needed) first builds the PWA and the server when missing or older than
 * the sources. Starts app + API on the embedded store (PGlite in ./data) or on PostgreSQL when
 * DATABASE_URL is set.
 */
import { loadConfig } from '../server/config.ts';
import { DEMO_GEBRUIKERS } from '../server/demo-users.ts';
import { startServer, stopOnSignals } from '../server/main.ts';

const config = loadConfig({ LOG_LEVEL: 'warn', DEMO: '1', ...process.env });
const server = await startServer(config);
// Fictional accounts with published passwords, made only when the user table was empty.
const demoAccounts = config.demo
  ? [
      '  Inloggen met een demo-account (gebruikersnaam / wachtwoord):',
      ...DEMO_GEBRUIKERS.map(
        (g) => `    ${g.gebruikersnaam.padEnd(6)} ${g.wachtwoord.padEnd(16)} ${g.rol}, ${g.naam}`,
      ),
      '',
      '  cor en bea vragen na het wachtwoord ook een code (tweede factor). Alleen voor deze',
      '  demo-gegevens is hun geheim vast en openbaar; zet het in een authenticator-app, of',
      '  vraag de code van dit moment op met `npm run totp -- <geheim>`:',
      ...DEMO_GEBRUIKERS.filter((g) => g.demoTotpGeheim).map(
        (g) => `    ${g.gebruikersnaam.padEnd(6)} geheim ${g.demoTotpGeheim}`,
      ),
      '',
    ].join('\n')
  : '';
console.log(`
  Arrangeur draait op ${server.url}
  Opslag: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`}
  Demo: open de link en log in als anja (arrangeur); de fictieve demo-cliënten staan in haar caseload.
${demoAccounts}  Stoppen: Ctrl+C
`);
stopOnSignals(server, config.shutdownTimeoutMs);
