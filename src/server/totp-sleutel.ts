/**
 * Where the server key for the second-factor secrets comes from (issue 14): TOTP_SLEUTEL when set
 * (production: from the environment or a secret store, the same for every instance); otherwise,
 * for development and the demo, a random key kept in the file `totp-sleutel` in the data
 * directory (DATA_DIR), made on the first start (mode 0600) and read on every later one. Whoever
 * has that directory has the key as well: set TOTP_SLEUTEL for a real deployment.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerConfig } from './config.ts';
import { TOTP_SLEUTEL_BYTES } from './db/tweede-factor.ts';

export const SLEUTELBESTAND = 'totp-sleutel';

export interface TotpSleutel {
  readonly sleutel: Buffer;
  /** 'omgeving': TOTP_SLEUTEL; otherwise the path of the key file. */
  readonly bron: 'omgeving' | string;
}

/** The key of TOTP_SLEUTEL, or the key file in the data directory (made when absent). */
export function laadTotpSleutel(
  config: Pick<ServerConfig, 'totpSleutel' | 'dataDir'>,
): TotpSleutel {
  if (config.totpSleutel) return { sleutel: config.totpSleutel, bron: 'omgeving' };
  const pad = join(config.dataDir, SLEUTELBESTAND);
  mkdirSync(config.dataDir, { recursive: true });
  try {
    // 'wx': two instances starting at once cannot both write one; the second reads it.
    writeFileSync(pad, randomBytes(TOTP_SLEUTEL_BYTES).toString('hex') + '\n', {
      flag: 'wx',
      mode: 0o600,
    });
  } catch (fout) {
    if ((fout as NodeJS.ErrnoException).code !== 'EEXIST') throw fout;
  }
  const tekst = readFileSync(pad, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(tekst)) throw new Error(`${pad}: not a key of 64 hex digits`);
  return { sleutel: Buffer.from(tekst, 'hex'), bron: pad };
}
