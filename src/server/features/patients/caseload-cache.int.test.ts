import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { call, createTestContext, signIn, type Session, type TestContext } from '../../testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  PASSWORD,
  type BuiltPatient,
  type BuiltUser,
} from '../../testing/factories.js';
import { caseloadCacheOf } from './caseload-cache.js';
import { caseloadVersionOf } from './patients.repository.js';

// Issue 19: a clinician's caseload answer is kept while the clinic's roster version (migration 053, bumped by
// database triggers) is unchanged, and every read is still audited. Runs on SQLite and, in CI, on PostgreSQL.
let t: TestContext;
let clinic: string;
let therapist: BuiltUser;
let prescriber: BuiltUser;
let ts: Session;
let ps: Session;
let rosa: BuiltPatient;
let sam: BuiltPatient;
let jobs = 0;

interface Listed {
  id: string;
  givenName: string;
  familyName: string;
  careTeam: { userId: string; name: string; email: string }[];
}

async function caseloadOf(session: Session): Promise<Listed[]> {
  const res = await call(t.app, session, 'GET', '/api/patients');
  expect(res.statusCode).toBe(200);
  return res.json<{ patients: Listed[] }>().patients;
}

/** The caseload read, and whether it ran a read job (a miss) or answered from the kept entry (a hit). */
async function readCounted(session: Session): Promise<{ patients: Listed[]; ranJob: boolean }> {
  const before = jobs;
  const patients = await caseloadOf(session);
  return { patients, ranJob: jobs > before };
}

const version = () => caseloadVersionOf(t.deps.database.db, clinic);
const caseloadEvents = async (actorId: string) =>
  (
    await t.deps.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'caseload.read')
      .where('actor_id', '=', actorId)
      .executeTakeFirstOrThrow()
  ).n;

beforeAll(async () => {
  t = await createTestContext();
  clinic = await buildClinic(t.deps);
  therapist = await buildUser(t.deps, clinic, 'therapist', 'Tess Therapist');
  prescriber = await buildUser(t.deps, clinic, 'prescriber', 'Pete Prescriber');
  rosa = await buildPatient(t.deps, therapist, [
    { user: therapist, role: 'therapist' },
    { user: prescriber, role: 'prescriber' },
  ]);
  sam = await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }]);
  ts = await signIn(t.app, therapist.email, PASSWORD);
  ps = await signIn(t.app, prescriber.email, PASSWORD);
  const run = t.deps.reads.run.bind(t.deps.reads);
  t.deps.reads.run = (job, input) => {
    if (job === 'caseloadRead') jobs++;
    return run(job, input);
  };
});
afterAll(() => t.close());

describe('the caseload kept while its inputs are unchanged', () => {
  it('answers a second read from the kept entry, and still audits every read', async () => {
    const eventsBefore = await caseloadEvents(therapist.id);
    const first = await readCounted(ts);
    const second = await readCounted(ts);
    expect(first.ranJob).toBe(true);
    expect(second.ranJob).toBe(false);
    expect(second.patients).toEqual(first.patients);
    expect(second.patients.map((p) => p.id).sort()).toEqual([rosa.overview.id, sam.overview.id].sort());
    expect(await caseloadEvents(therapist.id)).toBe(eventsBefore + 2);
  });

  it('a removed care-team member no longer sees the patient on the next read', async () => {
    expect((await readCounted(ps)).patients.map((p) => p.id)).toEqual([rosa.overview.id]);
    expect((await readCounted(ps)).ranJob).toBe(false);
    const id = rosa.overview.id;
    const current = (await call(t.app, ts, 'GET', `/api/patients/${id}`)).json<{
      careTeamVersion: number;
    }>();
    const res = await call(
      t.app,
      ts,
      'PUT',
      `/api/patients/${id}/care-team`,
      { members: [{ userId: therapist.id, role: 'therapist' }] },
      { 'if-match': String(current.careTeamVersion) },
    );
    expect(res.statusCode).toBe(200);
    const next = await readCounted(ps);
    expect(next.ranJob).toBe(true);
    expect(next.patients).toEqual([]);
    // The therapist's kept answer showed the prescriber on Rosa's team: it is not reused either.
    const team = (await readCounted(ts)).patients.find((p) => p.id === id)?.careTeam.map((m) => m.userId);
    expect(team).toEqual([therapist.id]);
  });

  it("a care-team member's new name is shown, whatever wrote it", async () => {
    await caseloadOf(ts);
    // Written straight to the table (as an import or an admin tool would): the trigger bumps the version.
    await t.deps.database.db
      .updateTable('users')
      .set({ name: 'Tess Renamed' })
      .where('id', '=', therapist.id)
      .execute();
    const next = await readCounted(ts);
    expect(next.ranJob).toBe(true);
    expect(next.patients.flatMap((p) => p.careTeam.map((m) => m.name))).toContain('Tess Renamed');
    expect(next.patients.flatMap((p) => p.careTeam.map((m) => m.name))).not.toContain('Tess Therapist');
  });

  it("a patient's changed demographics are shown on the next read", async () => {
    await caseloadOf(ts);
    const id = sam.overview.id;
    const current = await call(t.app, ts, 'GET', `/api/patients/${id}`);
    const res = await call(
      t.app,
      ts,
      'PATCH',
      `/api/patients/${id}`,
      { familyName: 'Okafor-Lindqvist' },
      { 'if-match': String(current.headers.etag) },
    );
    expect(res.statusCode).toBe(200);
    const next = await readCounted(ts);
    expect(next.ranJob).toBe(true);
    expect(next.patients.find((p) => p.id === id)?.familyName).toBe('Okafor-Lindqvist');
  });

  it('unrelated writes (a sign-in, a phone number, an account status) leave the kept answer in use', async () => {
    await caseloadOf(ts);
    const v = await version();
    await signIn(t.app, therapist.email, PASSWORD); // sets users.last_login_at
    const id = sam.overview.id;
    const current = await call(t.app, ts, 'GET', `/api/patients/${id}`);
    const phone = await call(
      t.app,
      ts,
      'PATCH',
      `/api/patients/${id}`,
      { phone: '+1 555 0142' },
      { 'if-match': String(current.headers.etag) },
    );
    expect(phone.statusCode).toBe(200);
    // A same-value write of a shown column is no change either.
    await t.deps.database.db
      .updateTable('users')
      .set({ name: 'Tess Renamed' })
      .where('id', '=', therapist.id)
      .execute();
    expect(await version()).toBe(v);
    expect((await readCounted(ts)).ranJob).toBe(false);
  });

  it('the version is read in the read job, before its rows, and kept with the answer', async () => {
    const v = await version();
    const kept = caseloadCacheOf(t.deps.database).get(clinic, therapist.id, v);
    expect(kept?.version).toBe(v);
    expect([...(kept?.patientIds ?? [])].sort()).toEqual([rosa.overview.id, sam.overview.id].sort());
  });
});

describe('the roster version triggers (migration 053)', () => {
  const db = () => t.deps.database.db;
  const cases: { name: string; write: () => Promise<unknown>; bumps: boolean }[] = [
    {
      name: 'a care-team row added',
      write: () =>
        db()
          .insertInto('care_team_members')
          .values({
            clinic_id: clinic,
            patient_id: sam.overview.id,
            user_id: prescriber.id,
            role: 'prescriber',
            added_at: 1,
            added_by: therapist.id,
          })
          .execute(),
      bumps: true,
    },
    {
      name: 'a care-team role changed',
      write: () =>
        db()
          .updateTable('care_team_members')
          .set({ role: 'care_manager' })
          .where('patient_id', '=', sam.overview.id)
          .where('user_id', '=', prescriber.id)
          .execute(),
      bumps: true,
    },
    {
      name: 'a care-team row removed',
      write: () =>
        db()
          .deleteFrom('care_team_members')
          .where('patient_id', '=', sam.overview.id)
          .where('user_id', '=', prescriber.id)
          .execute(),
      bumps: true,
    },
    ...(['given_name', 'family_name', 'birth_date', 'time_zone', 'medical_record_number'] as const).map(
      (column) => ({
        name: `patients.${column} changed`,
        write: () =>
          db()
            .updateTable('patients')
            .set({ [column]: column === 'birth_date' ? '1970-01-02' : `X-${column}` })
            .where('id', '=', rosa.overview.id)
            .execute(),
        bumps: true,
      }),
    ),
    {
      name: 'patients.created_at changed',
      write: () =>
        db().updateTable('patients').set({ created_at: 5 }).where('id', '=', rosa.overview.id).execute(),
      bumps: true,
    },
    {
      name: 'patients.phone, email, version, updated_at changed',
      write: () =>
        db()
          .updateTable('patients')
          .set({ phone: '+1 555 0100', email: 'x@mail.test', version: 99, updated_at: 7 })
          .where('id', '=', rosa.overview.id)
          .execute(),
      bumps: false,
    },
    {
      name: 'users.email changed',
      write: () =>
        db().updateTable('users').set({ email: 'tess.2@mail.test' }).where('id', '=', therapist.id).execute(),
      bumps: true,
    },
    {
      name: 'users.last_login_at, status, updated_at changed',
      write: () =>
        db()
          .updateTable('users')
          .set({ last_login_at: 9, status: 'disabled', updated_at: 9 })
          .where('id', '=', prescriber.id)
          .execute(),
      bumps: false,
    },
    {
      name: 'a session written',
      write: () => sql`update sessions set last_seen_at = last_seen_at + 1`.execute(db()),
      bumps: false,
    },
  ];
  it.each(cases)('$name: bumps $bumps', async ({ write, bumps }) => {
    const before = await version();
    await write();
    const after = await version();
    // A bump adds 1 plus a random step (migration 053: a restored database cannot meet a kept version again).
    if (bumps) expect(after).toBeGreaterThan(before);
    else expect(after).toBe(before);
  });
});
