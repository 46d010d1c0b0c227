import { resolve } from 'node:path';
import { z } from 'zod';

/** Server configuration, parsed once from the environment; a bad value stops the start with all problems listed. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  /** Folder of the built PWA; default ./dist. */
  STATIC_DIR: z.string().default('./dist'),
  /**
   * '1': demo accounts and fictional demo clients (in anja's caseload) are made at start-up when
   * the store is empty (`npm start` sets it).
   */
  DEMO: z.enum(['0', '1']).default('0'),
  /**
   * Behind a reverse proxy that terminates https: 'true' (trust any), or the proxy's addresses /
   * CIDRs comma-separated ('127.0.0.1,10.0.0.0/8'). Then X-Forwarded-Proto/-For count, so the
   * session cookie is Secure and the login limit counts the real address. Default: trust none.
   */
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9a-fA-F.:/, ]+)$/, "'true', 'false' or proxy addresses")
    .default('false'),
  /**
   * On SIGTERM/SIGINT the server stops accepting and waits this long for requests in flight; what
   * is still open then is cut off and the process exits 1.
   */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** PEM files of the certificate (chain) and its private key: with both set the server speaks HTTPS. */
  TLS_CERT: z.string().min(1).optional(),
  TLS_KEY: z.string().min(1).optional(),
  /**
   * The key the second-factor secrets are encrypted under (AES-256-GCM, issue 14): 32 bytes as
   * 64 hex digits or base64. Unset: a key file in DATA_DIR (src/server/totp-sleutel.ts), for
   * development; every instance on one database needs the same key.
   */
  TOTP_SLEUTEL: z
    .string()
    .trim()
    .refine((v) => leesSleutel(v) !== null, '32 bytes as 64 hex digits or base64')
    .optional(),
});

/** 32 bytes from 64 hex digits or base64 (with or without padding); null otherwise. */
export function leesSleutel(tekst: string): Buffer | null {
  const t = tekst.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const b = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return b.length === 32 ? b : null;
  }
  return null;
}

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly logLevel: string;
  readonly shutdownTimeoutMs: number;
  readonly staticDir: string | null;
  readonly demo: boolean;
  /** HTTPS with these PEM files (absolute paths); null: plain HTTP. */
  readonly tls: { readonly certFile: string; readonly keyFile: string } | null;
  /** Fastify's trustProxy: false, true, or a comma-separated list of proxy addresses. */
  readonly trustProxy: boolean | string;
  /** TOTP_SLEUTEL (32 bytes); null: the key file in the data directory. */
  readonly totpSleutel: Buffer | null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  if (Boolean(e.TLS_CERT) !== Boolean(e.TLS_KEY)) {
    throw new Error(
      'Invalid configuration:\n  TLS_CERT and TLS_KEY: set both (certificate and private key) or neither',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    staticDir: resolve(e.STATIC_DIR),
    demo: e.DEMO === '1',
    tls:
      e.TLS_CERT && e.TLS_KEY
        ? { certFile: resolve(e.TLS_CERT), keyFile: resolve(e.TLS_KEY) }
        : null,
    trustProxy:
      e.TRUST_PROXY === 'true' ? true : e.TRUST_PROXY === 'false' ? false : e.TRUST_PROXY.trim(),
    totpSleutel: e.TOTP_SLEUTEL ? leesSleutel(e.TOTP_SLEUTEL) : null,
  };
}
