import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { createDeps } from './bootstrap.js';
import { testDatabaseUrl } from './config.js';
import { buildApp } from './app.js';
import { openPostgres } from './db/database.js';
import { createTestContext, testConfig, type TestContext } from './testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  PASSWORD,
  type BuiltPatient,
  type BuiltUser,
} from './testing/factories.js';
import {
  sameDatabaseEnv,
  signInOverHttp,
  startChildServer,
  type ChildServer,
} from './testing/child-server.js';
import { verifyAuditChain } from './platform/audit/audit.js';
import { loadAuditKeys } from './platform/audit/audit-keys.js';

let t: TestContext;
let therapist: BuiltUser;
let patient: BuiltPatient;

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  therapist = await buildUser(t.deps, clinic, 'therapist');
  patient = await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }]);
});
afterAll(() => t.close());

// Real server processes (start, sign-in, kill -9, restart): slow on a busy 2-core machine, so a minute each.
describe('two app instances on one database', { timeout: 60_000 }, () => {
  it('serve the same data at once without losing or forking anything', async () => {
    const env = sameDatabaseEnv(t.testDb.location);
    const servers: ChildServer[] = [];
    try {
      servers.push(
        await startChildServer({ ...env, ARGON2_MEMORY_KIB: '1024' }),
        await startChildServer({ ...env, ARGON2_MEMORY_KIB: '1024' }),
      );
      const sessions = await Promise.all(
        servers.map((s) => signInOverHttp(s.url, therapist.email, PASSWORD)),
      );
      const before = await verifyAuditChain(t.deps.database.db, loadAuditKeys(t.config));
      const requests = Array.from({ length: 60 }, (_, i) => {
        const idx = i % 2;
        const server = servers[idx] as ChildServer;
        const s = sessions[idx] as { cookie: string; csrf: string };
        return fetch(`${server.url}/api/patients/${patient.overview.id}`, {
          headers: { cookie: s.cookie },
        }).then((r) => r.status);
      });
      const statuses = await Promise.all(requests);
      expect(statuses.every((s) => s === 200)).toBe(true);
      const after = await verifyAuditChain(t.deps.database.db, loadAuditKeys(t.config));
      expect(after.ok).toBe(true);
      expect(after.ok && before.ok && after.events - before.events).toBe(60);
      if (t.deps.database.engine === 'sqlite') {
        const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(
          t.deps.database.db,
        );
        expect(check.rows[0]?.integrity_check).toBe('ok');
      }
    } finally {
      for (const s of servers) s.process.kill('SIGTERM');
      await Promise.all(servers.map((s) => s.exited));
    }
  });
});

// In one process only PostgreSQL can hold two instances (better-sqlite3 waits for locks synchronously);
// the SQLite case is the two-process test above.
if (testDatabaseUrl()) {
  describe('two in-process instances on PostgreSQL', () => {
    it('keep one audit chain with their own connection pools', async () => {
      const url = t.testDb.location.databaseUrl ?? '';
      const second = openPostgres(url, 5);
      const app2 = await buildApp(createDeps(testConfig(), second, t.clock), { serveWeb: false });
      try {
        const login = await app2.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: therapist.email, password: PASSWORD },
        });
        const cookie = `duet_session=${login.cookies.find((c) => c.name === 'duet_session')?.value ?? ''}`;
        const res = await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            (i % 2 ? app2 : t.app).inject({
              method: 'GET',
              url: `/api/patients/${patient.overview.id}`,
              headers: { cookie },
            }),
          ),
        );
        expect(res.map((r) => r.statusCode).every((s) => s === 200)).toBe(true);
        expect((await verifyAuditChain(t.deps.database.db, loadAuditKeys(t.config))).ok).toBe(true);
      } finally {
        await app2.close();
        await second.close();
      }
    });
  });
}

// Real server processes (start, sign-in, kill -9, restart): slow on a busy 2-core machine, so a minute each.
describe('graceful shutdown', { timeout: 60_000 }, () => {
  it('finishes the request in flight on SIGTERM, then exits cleanly', async () => {
    const env = sameDatabaseEnv(t.testDb.location);
    // A deliberately expensive password hash makes the sign-in slow enough to be caught in flight.
    // LOG_LEVEL=info: the server logs "incoming request" once it has the request, which is when we stop it.
    const server = await startChildServer({
      ...env,
      ARGON2_MEMORY_KIB: String(512 * 1024),
      LOG_LEVEL: 'info',
    });
    // Connection: close, as a browser's last request before it goes away: a connection kept alive after the
    // answer holds app.close() until the keep-alive timeout instead.
    const inFlight = new Promise<number>((resolve, reject) => {
      const req = http.request(
        server.url + '/api/auth/login',
        {
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', connection: 'close' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ email: therapist.email, password: 'a-wrong-password-1' }));
    });
    await vi.waitFor(
      () => {
        const received = server
          .output()
          .split('\n')
          .some((line) => line.includes('incoming request') && line.includes('/api/auth/login'));
        if (!received) throw new Error('the sign-in has not reached the server yet');
      },
      { timeout: 30_000, interval: 10 },
    );
    server.process.kill('SIGTERM');
    expect(await inFlight).toBe(401);
    expect(await server.exited).toBe(0);
    await expect(fetch(server.url + '/api/health')).rejects.toThrow();
  });
});
