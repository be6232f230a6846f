import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { call, createTestContext, signIn, type Session, type TestContext } from '../../testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  PASSWORD,
  type BuiltPatient,
  type BuiltUser,
} from '../../testing/factories.js';

let t: TestContext;
let therapist: BuiltUser;
let admin: BuiltUser;
let patient: BuiltPatient;

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  therapist = await buildUser(t.deps, clinic, 'therapist');
  admin = await buildUser(t.deps, clinic, 'admin');
  patient = await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }], {
    familyName: 'Zebediah',
  });
});
afterAll(() => t.close());

describe('input validation (fuzzed)', () => {
  it('no body, query or id sent to any route produces a 500', async () => {
    const sessions: Session[] = [
      await signIn(t.app, therapist.email, PASSWORD),
      await signIn(t.app, admin.email, PASSWORD),
    ];
    // Logout would end the sessions the fuzzer signs in with; it takes no input anyway.
    const routes = t.app.routeTable.filter(
      (r) => (r.method !== 'GET' || r.url.includes(':')) && r.url !== '/api/auth/logout',
    );
    const idLike = fc.oneof(fc.constant(patient.overview.id), fc.string({ maxLength: 80 }), fc.uuid());
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.constantFrom(...sessions),
        idLike,
        fc.oneof(fc.jsonValue(), fc.string(), fc.object()),
        fc.option(fc.oneof(fc.string({ maxLength: 12 }), fc.nat().map(String))),
        async (route, session, id, body, ifMatch) => {
          const url = route.url.replace(/:[a-zA-Z]+/g, encodeURIComponent(id) || 'x');
          const headers: Record<string, string> = ifMatch === null ? {} : { 'if-match': ifMatch };
          const res = await call(t.app, session, route.method as 'POST', url, body, headers);
          expect(res.statusCode, `${route.method} ${url} ${res.body}`).toBeLessThan(500);
          const parsed = res.body
            ? (JSON.parse(res.body) as { error?: { code: string; message: string } })
            : {};
          if (res.statusCode >= 400) expect(parsed.error?.code).toEqual(expect.any(String));
        },
      ),
      { numRuns: 300, seed: 20261126 },
    );
  });
});

describe('logs', () => {
  it('never contain passwords, tokens, cookies or patient data', async () => {
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    const app = await buildApp(
      { ...t.deps, config: { ...t.deps.config, logLevel: 'trace' } },
      { logger: true, logStream: stream, serveWeb: false },
    );
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: therapist.email, password: PASSWORD },
    });
    const cookie = login.cookies.find((c) => c.name === 'duet_session')?.value ?? '';
    const csrf = login.json<{ csrfToken: string }>().csrfToken;
    await app.inject({
      method: 'GET',
      url: `/api/patients/${patient.overview.id}`,
      headers: { cookie: `duet_session=${cookie}` },
    });
    await app.inject({
      method: 'GET',
      url: '/api/invites/secret-invite-token-123456',
      headers: { cookie: `duet_session=${cookie}` },
    });
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: therapist.email, password: 'wrong-password-xyz' },
    });
    await app.close();
    const log = lines.join('');
    expect(log.length).toBeGreaterThan(100);
    for (const secret of [
      PASSWORD,
      'wrong-password-xyz',
      cookie,
      csrf,
      'secret-invite-token-123456',
      'Zebediah',
      patient.user.email,
      therapist.email,
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
