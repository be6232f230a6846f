import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompiledQuery } from 'kysely';
import { call, createTestContext, signIn, type Session, type TestContext } from '../../testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  PASSWORD,
  type BuiltPatient,
  type BuiltUser,
} from '../../testing/factories.js';

// Issue 19, eighth session: on a patient's route the session look-up and the gate's care-team check are one
// statement. The rules stay: a team member reaches the record, another clinician gets 404 (audited), a
// patient reaches only their own record, an expired or ended session is signed out. Both engines.

let t: TestContext;
let therapist: BuiltUser;
let stranger: BuiltUser;
let patient: BuiltPatient;
let other: BuiltPatient;
const sqlRun: string[] = [];

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  therapist = await buildUser(t.deps, clinic, 'therapist');
  stranger = await buildUser(t.deps, clinic, 'therapist');
  patient = await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }]);
  other = await buildPatient(t.deps, stranger, [{ user: stranger, role: 'therapist' }]);
  const db = t.deps.database.db;
  const run = db.executeQuery.bind(db);
  vi.spyOn(db, 'executeQuery').mockImplementation((query) => {
    sqlRun.push((query as CompiledQuery).sql);
    return run(query);
  });
});
afterAll(() => t.close());
beforeEach(() => {
  sqlRun.length = 0;
});

const overview = (s: Session, id: string) => call(t.app, s, 'GET', `/api/patients/${id}`);
const careTeamChecks = () =>
  sqlRun.filter((q) => q.includes('"care_team_members"') && !q.includes('"sessions"') && /limit 1/i.test(q));
const sessionReads = () => sqlRun.filter((q) => q.includes('from "sessions"'));

async function deniedEvents(actorId: string, patientId: string) {
  const rows = await t.deps.database.db
    .selectFrom('audit_events')
    .select('outcome')
    .where('actor_id', '=', actorId)
    .where('resource_id', '=', patientId)
    .where('outcome', '=', 'denied')
    .execute();
  return rows.length;
}

describe('the session and the care-team check in one statement (issue 19)', () => {
  it('a team member reads the overview: one statement for session and team, no separate check', async () => {
    const s = await signIn(t.app, therapist.email, PASSWORD);
    sqlRun.length = 0;
    const res = await overview(s, patient.overview.id);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ id: string }>().id).toBe(patient.overview.id);
    const sessions = sessionReads();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toContain('"care_team_members"');
    expect(careTeamChecks()).toEqual([]);
  });

  it('another clinician of the clinic gets 404, audited as denied, like an unknown id', async () => {
    const s = await signIn(t.app, stranger.email, PASSWORD);
    const before = await deniedEvents(stranger.id, patient.overview.id);
    const res = await overview(s, patient.overview.id);
    expect(res.statusCode).toBe(404);
    expect(await deniedEvents(stranger.id, patient.overview.id)).toBe(before + 1);
    expect((await overview(s, '01900000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await overview(s, other.overview.id)).statusCode).toBe(200);
  });

  it('a patient reads their own record and no one else’s', async () => {
    const s = await signIn(t.app, patient.user.email, PASSWORD);
    expect((await overview(s, patient.overview.id)).statusCode).toBe(200);
    expect((await overview(s, other.overview.id)).statusCode).toBe(404);
  });

  it('a session idle too long or signed out answers 401 on a patient route', async () => {
    const idle = await signIn(t.app, therapist.email, PASSWORD);
    t.clock.advance(t.deps.config.sessionIdleMs + 1);
    expect((await overview(idle, patient.overview.id)).statusCode).toBe(401);
    const ended = await signIn(t.app, therapist.email, PASSWORD);
    expect((await call(t.app, ended, 'POST', '/api/auth/logout')).statusCode).toBeLessThan(300);
    expect((await overview(ended, patient.overview.id)).statusCode).toBe(401);
    const fresh = await signIn(t.app, therapist.email, PASSWORD);
    expect((await overview(fresh, patient.overview.id)).statusCode).toBe(200);
  });

  it('a clinician removed from the team is refused on the next request', async () => {
    const s = await signIn(t.app, stranger.email, PASSWORD);
    expect((await overview(s, other.overview.id)).statusCode).toBe(200);
    await t.deps.database.db
      .deleteFrom('care_team_members')
      .where('patient_id', '=', other.overview.id)
      .where('user_id', '=', stranger.id)
      .execute();
    expect((await overview(s, other.overview.id)).statusCode).toBe(404);
  });
});
