import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type Session, type TestContext } from '../../testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  PASSWORD,
  type BuiltPatient,
  type BuiltUser,
} from '../../testing/factories.js';
import { registerSecurityHooks } from '../http/security-hooks.js';
import { newId } from '../ids.js';
import { raiseTestAlert } from '../../testing/alerts.js';
import { authorizationMatrix, type MatrixRole, type Outcome } from './authorization-matrix.js';

let t: TestContext;
const users = new Map<MatrixRole, BuiltUser>();
let own: BuiltPatient;
let other: BuiltPatient;
let spareUser: BuiltUser;
/** A clinician and a patient of another clinic: every patient route answers them 404 for this clinic's ids. */
let elsewhere: { therapist: BuiltUser; patient: BuiltUser };
let ownAlertId = '';
/** A draft progress note the therapist wrote on the own patient ('author only' routes use its real id). */
let ownNoteId = '';
/** An open consult the therapist asked the prescriber about the own patient (its two sides' routes). */
let ownConsultId = '';
let seq = 0;

beforeAll(async () => {
  // Every route is called with made-up links from one client: the link throttle (tested in the accounts
  // tests) must not turn the expected 404s into 429s here.
  t = await createTestContext({ loginMaxFailures: 1000, loginClientMaxFailures: 1000 });
  const clinic = await buildClinic(t.deps);
  for (const role of ['admin', 'therapist', 'prescriber', 'care_manager'] as const)
    users.set(role, await buildUser(t.deps, clinic, role));
  const team = (['therapist', 'prescriber', 'care_manager'] as const).map((role) => ({
    user: users.get(role) as BuiltUser,
    role,
  }));
  own = await buildPatient(t.deps, team[0]!.user, team);
  users.set('patient', own.user);
  const otherTherapist = await buildUser(t.deps, clinic, 'therapist');
  other = await buildPatient(t.deps, otherTherapist, [{ user: otherTherapist, role: 'therapist' }]);
  spareUser = await buildUser(t.deps, clinic, 'therapist');
  const otherClinic = await buildClinic(t.deps, 'Other clinic');
  const theirTherapist = await buildUser(t.deps, otherClinic, 'therapist');
  const theirPatient = await buildPatient(t.deps, theirTherapist, [
    { user: theirTherapist, role: 'therapist' },
  ]);
  elsewhere = { therapist: theirTherapist, patient: theirPatient.user };
  ownAlertId = await raiseTestAlert(t.deps, own.overview.id, clinic);
  ownNoteId = newId();
  const author = await signIn(t.app, (users.get('therapist') as BuiltUser).email, PASSWORD);
  const note = await call(t.app, author, 'POST', `/api/patients/${own.overview.id}/progress-notes`, {
    id: ownNoteId,
    sessionDate: '2026-11-02',
    format: 'soap',
    content: { focus: 'Sleep' },
  });
  expect(note.statusCode).toBe(201);
  ownConsultId = newId();
  const consult = await call(t.app, author, 'POST', `/api/patients/${own.overview.id}/consults`, {
    id: ownConsultId,
    toUserId: users.get('prescriber')?.id,
    priority: 'routine',
    question: 'Would you review the dose?',
  });
  expect(consult.statusCode).toBe(201);
});
afterAll(() => t.close());

/** Routes whose rule needs a real record to decide (author only, a consult's sides): called on one. */
const realRecordRoutes: Record<string, () => [string, string]> = {
  'PUT /api/patients/:patientId/progress-notes/:noteId': () => [':noteId', ownNoteId],
  'POST /api/patients/:patientId/progress-notes/:noteId/sign': () => [':noteId', ownNoteId],
  'POST /api/patients/:patientId/consults/:consultId/reply': () => [':consultId', ownConsultId],
  'POST /api/patients/:patientId/consults/:consultId/close': () => [':consultId', ownConsultId],
};

/** A plausible request for each route, so an allowed caller gets past validation without changing shared state. */
function requestFor(
  route: string,
  patientId: string,
): { url: string; body?: unknown; headers?: Record<string, string> } {
  const [method = '', pattern = ''] = route.split(' ');
  const url = pattern
    .replace(':patientId', patientId)
    .replace(':userId', spareUser.id)
    .replace(':alertId', ownAlertId)
    .replace(':token', 'made-up-token-made-up-token');
  seq++;
  // Other routes keep the literal ':noteId' / ':consultId' (not a UUID: 400 past the gate).
  const real = realRecordRoutes[route]?.();
  const withNote = real ? url.replace(real[0], real[1]) : url;
  const bodies: Record<string, unknown> = {
    'POST /api/auth/login': { email: spareUser.email, password: PASSWORD },
    'POST /api/auth/password': { currentPassword: 'not-my-password-1', newPassword: 'whatever-new-secret-1' },
    'POST /api/invites/:token/accept': { password: 'a-fine-password-12' },
    'POST /api/admin/invites': {
      email: `matrix${String(seq)}@clinic.test`,
      name: 'Matrix Person',
      role: 'therapist',
    },
    'POST /api/patients': {
      givenName: 'Matrix',
      familyName: `Patient${String(seq)}`,
      birthDate: '1990-01-01',
      email: `mp${String(seq)}@mail.test`,
      timeZone: 'UTC',
      careTeam: [{ userId: users.get('therapist')?.id, role: 'therapist' }],
    },
    'PATCH /api/patients/:patientId': { phone: '+1 555 0101' },
    'PUT /api/patients/:patientId/care-team': {
      members: [{ userId: users.get('therapist')?.id, role: 'therapist' }],
    },
  };
  // Stale versions: an allowed caller reaches the use case and gets 412, nothing changes.
  const headers = method === 'PATCH' || method === 'PUT' ? { 'if-match': '"999"' } : undefined;
  return { url: withNote, body: bodies[route] ?? (method === 'GET' ? undefined : {}), headers };
}

/** Denied events written by one account so far (every refusal by a signed-in caller leaves one). */
async function deniedBy(userId: string): Promise<number> {
  const row = await t.deps.database.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('actor_id', '=', userId)
    .where('outcome', '=', 'denied')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function judge(status: number, expected: Outcome): boolean {
  if (expected === 'allow') return status < 500 && ![401, 403, 404].includes(status);
  return status === expected;
}

describe('authorization matrix (generated from the route table)', () => {
  it('covers every registered /api route and nothing else', () => {
    const registered = t.app.routeTable.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(authorizationMatrix).sort());
  });

  it('every route whose declared policy narrows who acts expects that 403 in the matrix', () => {
    const missing = t.app.routeTable
      .filter((r) => r.policy.access === 'patient' && r.policy.only !== undefined)
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !JSON.stringify(authorizationMatrix[key]?.expect ?? {}).includes('403'));
    expect(missing).toEqual([]);
    // …and the declared rules are really used (this list grows as features declare them).
    expect(
      t.app.routeTable.filter((r) => r.policy.access === 'patient' && r.policy.only).length,
    ).toBeGreaterThan(20);
  });

  // One session per role (signing in for every case made the test slow as routes grew).
  const sessions = new Map<MatrixRole, Session>();
  async function sessionOf(role: MatrixRole): Promise<Session | null> {
    const user = users.get(role);
    if (!user) return null;
    const cached = sessions.get(role);
    if (cached) return cached;
    const fresh = await signIn(t.app, user.email, PASSWORD);
    sessions.set(role, fresh);
    return fresh;
  }

  it('answers each role × route × patient as the reviewed file says', { timeout: 120_000 }, async () => {
    const failures: string[] = [];
    const roles: MatrixRole[] = ['anonymous', 'admin', 'therapist', 'prescriber', 'care_manager', 'patient'];
    for (const route of t.app.routeTable) {
      const key = `${route.method} ${route.url}`;
      const expectation = authorizationMatrix[key];
      if (!expectation) continue;
      for (const role of roles) {
        const targets =
          expectation.scope === 'patient'
            ? ([
                [own.overview.id, expectation.expect[role][0]],
                [other.overview.id, expectation.expect[role][1]],
                ['01a00000-0000-7000-8000-00000000dead', expectation.expect[role][2]],
              ] as const)
            : ([[own.overview.id, expectation.expect[role]]] as const);
        for (const [patientId, expected] of targets) {
          const session = await sessionOf(role);
          const req = requestFor(key, patientId);
          const actorId = users.get(role)?.id;
          // A refusal by the gate (403 or a patient route's 404) must be audited, 403s inside the team included.
          const refusal =
            actorId !== undefined &&
            (expected === 403 || (expected === 404 && expectation.scope === 'patient'));
          const deniedBefore = refusal ? await deniedBy(actorId) : 0;
          const res = await call(t.app, session, route.method as 'GET', req.url, req.body, req.headers);
          if (refusal && res.statusCode === expected && (await deniedBy(actorId)) <= deniedBefore)
            failures.push(
              `${key} as ${role}: refused with ${String(expected)} but no denied event was recorded`,
            );
          // Signing out ends every session of the user: sign in afresh for the next route.
          if (key === 'POST /api/auth/logout') sessions.delete(role);
          if (!judge(res.statusCode, expected))
            failures.push(
              `${key} as ${role} on ${patientId === own.overview.id ? 'own' : patientId === other.overview.id ? 'other' : 'unknown'}: expected ${String(expected)}, got ${String(res.statusCode)} ${res.body.slice(0, 120)}`,
            );
          if (res.statusCode === 404 && expectation.scope === 'patient') {
            expect(res.body).not.toContain(own.overview.familyName);
            expect(res.body).not.toContain(other.overview.familyName);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('another clinic (its clinician and its patient) gets 404 on every patient route, audited', async () => {
    const failures: string[] = [];
    for (const who of [elsewhere.therapist, elsewhere.patient]) {
      const session = await signIn(t.app, who.email, PASSWORD);
      for (const route of t.app.routeTable) {
        const key = `${route.method} ${route.url}`;
        if (authorizationMatrix[key]?.scope !== 'patient') continue;
        const req = requestFor(key, own.overview.id);
        const before = await deniedBy(who.id);
        const res = await call(t.app, session, route.method as 'GET', req.url, req.body, req.headers);
        if (res.statusCode !== 404)
          failures.push(`${key} as ${who.role} of another clinic: ${String(res.statusCode)}`);
        else if ((await deniedBy(who.id)) <= before) failures.push(`${key}: the refusal was not audited`);
        expect(res.body).not.toContain(own.overview.familyName);
      }
    }
    expect(failures).toEqual([]);
  });

  it('denied attempts on a real patient are recorded in the audit trail', async () => {
    const rows = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['actor_role', 'outcome'])
      .where('patient_id', '=', other.overview.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe('deny by default', () => {
  it('an /api route without a declared policy stops the app from starting', async () => {
    const app = Fastify();
    await app.register(cookie);
    registerSecurityHooks(app, t.deps);
    expect(() => app.get('/api/forgotten', () => ({ leaked: true }))).toThrow(/declares no access policy/);
    await app.close();
  });
});
