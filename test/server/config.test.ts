import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { laadTotpSleutel, SLEUTELBESTAND } from '../../src/server/totp-sleutel.ts';

describe('loadConfig', () => {
  it('defaults to the embedded store in ./data on port 3000', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });
  it('lists every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'not a url' })).toThrow(
      /PORT[\s\S]*DATABASE_URL/,
    );
  });
});

describe('TOTP_SLEUTEL and the key file (issue 14: second-factor secrets at rest)', () => {
  it('takes 32 bytes as hex or base64 and refuses anything else', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ TOTP_SLEUTEL: hex }).totpSleutel).toEqual(Buffer.from(hex, 'hex'));
    const b64 = Buffer.alloc(32, 3).toString('base64');
    expect(loadConfig({ TOTP_SLEUTEL: b64 }).totpSleutel).toEqual(Buffer.alloc(32, 3));
    expect(loadConfig({}).totpSleutel).toBeNull();
    expect(() => loadConfig({ TOTP_SLEUTEL: 'geheim' })).toThrow(/TOTP_SLEUTEL/);
    expect(() => loadConfig({ TOTP_SLEUTEL: 'ab'.repeat(16) })).toThrow(/TOTP_SLEUTEL/);
  });

  it('without it: a key file in the data directory, made once (0600) and read after', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrangeur-sleutel-'));
    try {
      const eerste = laadTotpSleutel({ totpSleutel: null, dataDir: dir });
      expect(eerste.bron).toBe(join(dir, SLEUTELBESTAND));
      expect(eerste.sleutel).toHaveLength(32);
      expect(statSync(eerste.bron).mode & 0o777).toBe(0o600);
      expect(laadTotpSleutel({ totpSleutel: null, dataDir: dir }).sleutel).toEqual(eerste.sleutel);
      const env = laadTotpSleutel({ totpSleutel: Buffer.alloc(32, 1), dataDir: dir });
      expect(env).toEqual({ sleutel: Buffer.alloc(32, 1), bron: 'omgeving' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
