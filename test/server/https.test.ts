import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { maakDemoGebruikers } from '../../src/server/demo-users.ts';
import { startServer, type RunningServer } from '../../src/server/main.ts';

/** Issue 11.8: with TLS_CERT / TLS_KEY set the server speaks HTTPS (a tablet needs a secure context). */

interface Antwoord {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One HTTPS request that trusts only `ca` (the test's self-signed certificate). */
function https(
  url: string,
  ca: Buffer,
  init: { method?: string; body?: string } = {},
): Promise<Antwoord> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      {
        ca,
        method: init.method ?? 'GET',
        headers: init.body ? { 'content-type': 'application/json' } : {},
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('HTTPS with TLS_CERT and TLS_KEY', () => {
  let dir: string;
  let cert: Buffer;
  let server: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'arrangeur-tls-'));
    const certFile = join(dir, 'cert.pem');
    const keyFile = join(dir, 'key.pem');
    // A self-signed certificate for localhost, valid one day (openssl is part of Debian).
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-days',
        '1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
    cert = readFileSync(certFile);
    server = await startServer(
      loadConfig({
        PORT: '0',
        DATA_DIR: join(dir, 'data'),
        STATIC_DIR: join(dir, 'geen-app'),
        LOG_LEVEL: 'silent',
        TLS_CERT: certFile,
        TLS_KEY: keyFile,
      }),
    );
    await maakDemoGebruikers(server.store);
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /api/health over https, verified against the certificate', async () => {
    expect(server.url).toMatch(/^https:\/\/localhost:\d+$/);
    const res = await https(`${server.url}/api/health`, cert);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ status: 'ok', store: 'pglite' });
  });

  it('does not answer plain http on that port', async () => {
    const port = new URL(server.url).port;
    const uitkomst = await new Promise<string>((resolve) => {
      const req = httpRequest(`http://localhost:${port}/api/health`, (res) => {
        res.resume();
        resolve(`status ${res.statusCode}`);
      });
      req.on('error', () => resolve('fout'));
      req.setTimeout(5_000, () => req.destroy(new Error('timeout')));
      req.end();
    });
    // Node's TLS server answers a plain HTTP request with "400 Bad Request" or drops it.
    expect(uitkomst === 'fout' || uitkomst === 'status 400').toBe(true);
  });

  it('sets the session cookie Secure over https', async () => {
    const res = await https(`${server.url}/api/auth/login`, cert, {
      method: 'POST',
      body: JSON.stringify({ gebruikersnaam: 'anja', wachtwoord: 'demo-anja-2026' }),
    });
    expect(res.status).toBe(200);
    const cookies = [res.headers['set-cookie'] ?? []].flat();
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) expect(c).toMatch(/;\s*Secure/i);
  });
});

describe('loadConfig: TLS', () => {
  it('is plain HTTP without TLS_CERT / TLS_KEY', () => {
    expect(loadConfig({}).tls).toBeNull();
  });
  it('needs both files, not one', () => {
    expect(() => loadConfig({ TLS_CERT: '/tmp/cert.pem' })).toThrow(/TLS_CERT and TLS_KEY/);
    expect(() => loadConfig({ TLS_KEY: '/tmp/key.pem' })).toThrow(/TLS_CERT and TLS_KEY/);
  });
  it('resolves both paths', () => {
    const c = loadConfig({ TLS_CERT: 'certs/a.pem', TLS_KEY: 'certs/a.key' });
    expect(c.tls?.certFile).toMatch(/^\/.*certs\/a\.pem$/);
    expect(c.tls?.keyFile).toMatch(/^\/.*certs\/a\.key$/);
  });
});
