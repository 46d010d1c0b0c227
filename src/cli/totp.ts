/**
 * `npm run totp -- <secret>`: prints the current TOTP code (RFC 6238, 6 digits, 30 s) of a base32
 * secret, and how many seconds it stays valid. Meant for the published demo secrets that
 * `npm start` prints (issue 14); a real user keeps her secret in her authenticator app.
 */
import { maakTotp, TOTP_PERIODE_S } from '../server/db/tweede-factor.ts';

const geheim = (process.argv[2] ?? '').replace(/\s+/g, '').toUpperCase();
if (!/^[A-Z2-7]+=*$/.test(geheim)) {
  console.error('Gebruik: npm run totp -- <geheim in base32, bijvoorbeeld ARRANGEURDEMOBEA…>');
  process.exit(2);
}
const nu = Date.now();
const code = maakTotp(geheim).generate({ timestamp: nu });
const over = TOTP_PERIODE_S - (Math.floor(nu / 1000) % TOTP_PERIODE_S);
console.log(`${code}  (nog ${over} s geldig)`);
