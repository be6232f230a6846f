import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env in the server. Everything else receives a Config.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  DUET_DEMO: z.enum(['0', '1', 'auto']).default('auto'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Duet <no-reply@duet.local>'),
  PUBLIC_URL: z.string().optional(),
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().default('./dist/web'),
  TRUST_PROXY: z.string().default('false'),
  ARGON2_MEMORY_KIB: z.coerce.number().int().min(1024).default(19456),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_CLIENT_MAX_FAILURES: z.coerce.number().int().min(1).default(50),
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  DUET_WORKER: z.enum(['0', '1']).default('1'),
  DUET_READ_WORKERS: z.union([z.literal('auto'), z.coerce.number().int().min(0).max(16)]).default('auto'),
  AUDIT_HMAC_KEY: z.string().min(16).optional(),
  AUDIT_HMAC_OLD_KEYS: z.string().optional(),
  NODE_ENV: z.string().optional(),
  DUET_TEST_CLOCK: z.enum(['0', '1']).default('0'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  sqlitePath: string;
  demo: 'yes' | 'no' | 'auto';
  smtpUrl: string | null;
  mailFrom: string;
  publicUrl: string;
  cookieSecure: boolean;
  logLevel: string;
  webDist: string;
  /**
   * Which proxies may tell us the client address: false (none: the socket address is the client), a hop
   * count, or a list of proxy addresses/CIDRs. Never "any header" (docs/operations.md).
   */
  trustProxy: false | number | string[];
  argon2MemoryKib: number;
  /** Sign-in throttle (docs/security.md): failures per account from one client before it is locked. */
  loginMaxFailures: number;
  /** Failures from one client across all accounts (high: a clinic NAT is one client). */
  loginClientMaxFailures: number;
  /** Failures on one account from anywhere before every attempt is delayed progressively. */
  loginAccountMaxFailures: number;
  /** General API rate limit per session (or per client when signed out), requests per minute. */
  rateLimitPerMinute: number;
  /** Run the outbox worker and scheduled checks in this process (turn off for web-only instances). */
  runWorker: boolean;
  /**
   * Threads that compute the heaviest reads (the caseload registry) on their own database connections, so
   * concurrent requests use more than one core; 0 computes them on the main thread. Default: one per core,
   * at most 4.
   */
  readWorkers: number;
  /** Session lifetimes (design: idle 30 minutes, absolute 12 hours). */
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  bodyLimitBytes: number;
  /**
   * The audit trail's HMAC key (AUDIT_HMAC_KEY) and retired keys still needed to verify older events
   * (AUDIT_HMAC_OLD_KEYS, comma-separated). Without it, the key file DATA_DIR/audit-hmac.keys is used.
   */
  auditHmacKey: string | null;
  auditHmacOldKeys: string[];
  /** The browser journeys' movable clock (platform/test-clock.ts): only with NODE_ENV=test, never in production. */
  testClock: boolean;
  /** NODE_ENV=test: the bench may ask the event-loop delay over IPC (platform/loop-delay.ts; issue 19). */
  loopDelayIpc: boolean;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = envSchema.parse(env);
  if (e.DUET_TEST_CLOCK === '1' && e.NODE_ENV !== 'test') {
    throw new Error(
      'DUET_TEST_CLOCK=1 is for the browser journeys only (NODE_ENV=test); refusing to start with a movable clock',
    );
  }
  const dataDir = path.resolve(e.DATA_DIR);
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${String(e.PORT)}`;
  const isLocal = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:|\/|$)/.test(publicUrl);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir,
    sqlitePath: path.join(dataDir, 'duet.sqlite'),
    demo: e.DUET_DEMO === '1' ? 'yes' : e.DUET_DEMO === '0' ? 'no' : 'auto',
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    publicUrl: publicUrl.replace(/\/$/, ''),
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : !isLocal,
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(e.WEB_DIST),
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    argon2MemoryKib: e.ARGON2_MEMORY_KIB,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginClientMaxFailures: e.LOGIN_CLIENT_MAX_FAILURES,
    loginAccountMaxFailures: e.LOGIN_ACCOUNT_MAX_FAILURES,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    runWorker: e.DUET_WORKER === '1',
    readWorkers:
      e.DUET_READ_WORKERS === 'auto' ? Math.min(4, os.availableParallelism()) : e.DUET_READ_WORKERS,
    sessionIdleMs: 30 * 60 * 1000,
    sessionAbsoluteMs: 12 * 60 * 60 * 1000,
    bodyLimitBytes: 100 * 1024,
    auditHmacKey: e.AUDIT_HMAC_KEY ?? null,
    auditHmacOldKeys: (e.AUDIT_HMAC_OLD_KEYS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== ''),
    testClock: e.DUET_TEST_CLOCK === '1',
    loopDelayIpc: e.NODE_ENV === 'test',
  };
}

const proxyNames = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(entry: string): boolean {
  if (proxyNames.has(entry)) return true;
  const [address = '', bits, extra] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: "false" (default), a hop count ("1" = one reverse proxy in front), or a comma-separated list of
 * proxy addresses/CIDRs (or loopback, linklocal, uniquelocal). "true" means one hop: it used to mean "believe
 * any X-Forwarded-For", which let a client choose its own address. Anything else stops the start-up.
 */
export function parseTrustProxy(value: string): false | number | string[] {
  const v = value.trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return 1;
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v.split(',').map((x) => x.trim());
  const bad = entries.filter((x) => !isAddressOrCidr(x));
  if (bad.length > 0) {
    throw new Error(
      `TRUST_PROXY must be false, a hop count, or a comma-separated list of proxy addresses/CIDRs; not valid: ${bad.join(', ')}`,
    );
  }
  return entries;
}

/** Integration tests pick their engine from DUET_TEST_DATABASE_URL (a postgres URL), else SQLite. */
export function testDatabaseUrl(): string | null {
  const url = process.env.DUET_TEST_DATABASE_URL;
  return url && url.startsWith('postgres') ? url : null;
}

/**
 * Tests: the server `npm test` built once (scripts/test.mjs, DUET_TEST_SERVER_DIR), which the tests' child
 * processes start from (testing/server-command.ts); null when a test runs alone from source.
 */
export function testServerDir(): string | null {
  return process.env.DUET_TEST_SERVER_DIR || null;
}

/** The far side of the process: how many CPU-bound bench clients etc. Kept here so env stays in one file. */
export function isCi(): boolean {
  return process.env.CI === 'true';
}

/** The environment a child process (a second server in tests, the CLI) inherits. */
export function inheritedEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}
