/**
 * Back-up and restore of the embedded store (PGlite data directory, DATA_DIR, default ./data):
 *
 *   npm run backup -- <file.tar.gz>    the whole data directory in one compressed file
 *   npm run restore -- <file.tar.gz>   into an empty (or absent) DATA_DIR
 *
 * Stop the server first: PGlite is one process per data directory. With DATABASE_URL
 * (PostgreSQL) use pg_dump / pg_restore instead (README, "Beheer en back-up").
 * Uses PGlite's own dumpDataDir / loadDataDir (a tarball of the data directory).
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../server/config.ts';

/** Writes the PGlite data directory `dataDir` as a gzipped tarball to `file`. */
export async function backupPglite(dataDir: string, file: string): Promise<void> {
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0) {
    throw new Error(`Geen gegevens in ${dataDir}: er is niets om te back-uppen.`);
  }
  const db = await PGlite.create(dataDir);
  try {
    const dump = await db.dumpDataDir('gzip');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
}

/** Loads a back-up made by backupPglite into `dataDir`, which must be empty or absent. */
export async function restorePglite(file: string, dataDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(
      `${dataDir} is niet leeg: terugzetten overschrijft nooit bestaande gegevens. Kies een lege map (DATA_DIR) of verplaats de oude eerst.`,
    );
  }
  const blob = new Blob([await readFile(file)]);
  const db = await PGlite.create(dataDir, { loadDataDir: blob });
  try {
    await db.query('SELECT 1'); // the restored cluster opens and answers
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, file] = argv;
  if ((command !== 'backup' && command !== 'restore') || !file) {
    console.error(
      'Gebruik: npm run backup -- <bestand.tar.gz>  |  npm run restore -- <bestand.tar.gz>',
    );
    return 2;
  }
  const config = loadConfig();
  if (config.databaseUrl) {
    console.error(
      'DATABASE_URL is gezet: maak een back-up van PostgreSQL met pg_dump en zet hem terug met pg_restore (zie README, "Beheer en back-up").',
    );
    return 2;
  }
  const path = resolve(file);
  try {
    if (command === 'backup') {
      await backupPglite(config.dataDir, path);
      console.log(`Back-up van ${config.dataDir} geschreven naar ${path}.`);
    } else {
      await restorePglite(path, config.dataDir);
      console.log(`Back-up ${path} teruggezet in ${config.dataDir}.`);
    }
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
