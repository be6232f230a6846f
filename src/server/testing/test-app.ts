import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../config.js';
import { buildApp } from '../app.js';
import { createDeps } from '../bootstrap.js';
import { FakeClock } from '../platform/clock.js';
import type { AppDeps } from '../platform/deps.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const TEST_NOW = Date.UTC(2026, 10, 2, 15, 0, 0);
/** The audit HMAC key of every test app (and of child servers on the same database). */
export const TEST_AUDIT_HMAC_KEY = 'test-audit-hmac-key-not-secret';

export interface TestContext {
  app: FastifyInstance;
  deps: AppDeps;
  clock: FakeClock;
  config: Config;
  testDb: TestDatabase;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      DATA_DIR: '/nonexistent',
      PUBLIC_URL: 'http://localhost:3000',
      LOG_LEVEL: 'silent',
      ARGON2_MEMORY_KIB: '1024',
      // Tests send far more than a person would in a minute; the rate-limit test sets its own low limit.
      RATE_LIMIT_PER_MINUTE: '1000000',
      AUDIT_HMAC_KEY: TEST_AUDIT_HMAC_KEY,
    }),
    ...overrides,
  };
}

/** A real app on a real database (SQLite, or PostgreSQL in the postgres leg) with a fake clock. */
export async function createTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const testDb = await createTestDatabase();
  const config = testConfig(overrides);
  const clock = new FakeClock(TEST_NOW);
  const deps = createDeps(config, testDb.database, clock);
  const app = await buildApp(deps, { serveWeb: false });
  await app.ready();
  return {
    app,
    deps,
    clock,
    config,
    testDb,
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export function cookieFrom(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'duet_session');
  if (!c) throw new Error(`no session cookie (status ${String(res.statusCode)}: ${res.body})`);
  return `duet_session=${c.value}`;
}

export async function signIn(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200)
    throw new Error(`sign-in failed for ${email}: ${String(res.statusCode)} ${res.body}`);
  return { cookie: cookieFrom(res), csrf: res.json<{ csrfToken: string }>().csrfToken };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Calls the API as a signed-in user (cookie + CSRF header), or anonymously with `session` null. */
export function call(
  app: FastifyInstance,
  session: Session | null,
  method: Method,
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const h: Record<string, string> = { ...headers };
  if (session) {
    h.cookie = session.cookie;
    h['x-csrf-token'] = session.csrf;
  }
  return app.inject({
    method,
    url,
    headers: h,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}
