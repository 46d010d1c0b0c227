/**
 * `npm start`: builds the PWA when the build is missing or older than the sources, then starts
 * app + API on the embedded store (PGlite in ./data) or on PostgreSQL when DATABASE_URL is set.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../server/config.ts';
import { DEMO_GEBRUIKERS } from '../server/demo-users.ts';
import { startServer } from '../server/main.ts';

const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), 0);
}

function buildIfNeeded(): void {
  const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0;
  const sources = Math.max(...BUILD_INPUTS.map(newestMtime));
  if (built >= sources) return;
  console.log(
    built ? 'Bronbestanden gewijzigd: de app wordt opnieuw gebouwd…' : 'De app wordt gebouwd…',
  );
  const result = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) {
    console.error('Bouwen mislukt; zie de meldingen hierboven.');
    process.exit(1);
  }
}

buildIfNeeded();
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
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
