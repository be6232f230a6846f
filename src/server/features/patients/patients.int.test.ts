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

let t: TestContext;
let therapist: BuiltUser;
let prescriber: BuiltUser;
let careManager: BuiltUser;
let outsider: BuiltUser;
let ts: Session;
let patient: BuiltPatient;

const newPatient = (overrides: Record<string, unknown> = {}) => ({
  givenName: 'Rosa',
  familyName: 'Diaz',
  birthDate: '1988-02-29',
  email: `rosa.${String(Math.random()).slice(2, 8)}@mail.test`,
  phone: '+1 555 0100',
  timeZone: 'America/Denver',
  medicalRecordNumber: null,
  careTeam: [
    { userId: therapist.id, role: 'therapist' },
    { userId: prescriber.id, role: 'prescriber' },
  ],
  ...overrides,
});

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  therapist = await buildUser(t.deps, clinic, 'therapist', 'Tess Therapist');
  prescriber = await buildUser(t.deps, clinic, 'prescriber', 'Pete Prescriber');
  careManager = await buildUser(t.deps, clinic, 'care_manager', 'Cam Manager');
  outsider = await buildUser(t.deps, clinic, 'therapist', 'Otto Outsider');
  ts = await signIn(t.app, therapist.email, PASSWORD);
  patient = await buildPatient(t.deps, therapist, [
    { user: therapist, role: 'therapist' },
    { user: prescriber, role: 'prescriber' },
  ]);
});
afterAll(() => t.close());

describe('enrolling a patient', () => {
  it('creates the record, the care team and an invitation for the patient', async () => {
    const res = await call(t.app, ts, 'POST', '/api/patients', newPatient({ medicalRecordNumber: 'MRN-77' }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      givenName: 'Rosa',
      timeZone: 'America/Denver',
      account: 'invited',
      version: 1,
      medicalRecordNumber: 'MRN-77',
    });
    expect(body.careTeam.map((m: { role: string }) => m.role).sort()).toEqual(['prescriber', 'therapist']);
    const caseload = (await call(t.app, ts, 'GET', '/api/patients')).json().patients as {
      id: string;
      myRoles: string[];
    }[];
    expect(caseload.find((p) => p.id === body.id)?.myRoles).toEqual(['therapist']);
    const mail = await t.deps.database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', body.email)
      .executeTakeFirst();
    expect(mail?.text_body).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}/);
    expect(mail?.text_body).not.toContain('1988');
  });

  it('validates the fields with clear errors', async () => {
    const badZone = await call(t.app, ts, 'POST', '/api/patients', newPatient({ timeZone: 'Mars/Olympus' }));
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().error.details.some((d: { path: string }) => d.path.includes('timeZone'))).toBe(
      true,
    );
    const future = await call(t.app, ts, 'POST', '/api/patients', newPatient({ birthDate: '2031-01-01' }));
    expect(future.statusCode).toBe(400);
    const notADay = await call(t.app, ts, 'POST', '/api/patients', newPatient({ birthDate: '2001-02-30' }));
    expect(notADay.statusCode).toBe(400);
    const noTeam = await call(t.app, ts, 'POST', '/api/patients', newPatient({ careTeam: [] }));
    expect(noTeam.statusCode).toBe(400);
    const wrongRole = await call(
      t.app,
      ts,
      'POST',
      '/api/patients',
      newPatient({ careTeam: [{ userId: therapist.id, role: 'prescriber' }] }),
    );
    expect(wrongRole.statusCode).toBe(400);
    expect(wrongRole.json().error.details[0].message).toMatch(/not a prescriber/);
  });

  it('refuses a duplicate medical record number or email with 409', async () => {
    await call(t.app, ts, 'POST', '/api/patients', newPatient({ medicalRecordNumber: 'MRN-DUP' }));
    const dup = await call(
      t.app,
      ts,
      'POST',
      '/api/patients',
      newPatient({ medicalRecordNumber: 'MRN-DUP' }),
    );
    expect(dup.statusCode).toBe(409);
    const email = await call(t.app, ts, 'POST', '/api/patients', newPatient({ email: therapist.email }));
    expect(email.statusCode).toBe(409);
  });
});

describe('reading and updating a patient', () => {
  it('sends the version as ETag and requires If-Match to update (428, 412, 200)', async () => {
    const id = patient.overview.id;
    const read = await call(t.app, ts, 'GET', `/api/patients/${id}`);
    expect(read.headers.etag).toBe('"1"');
    const noMatch = await call(t.app, ts, 'PATCH', `/api/patients/${id}`, { phone: '+1 555 0199' });
    expect(noMatch.statusCode).toBe(428);
    const ok = await call(
      t.app,
      ts,
      'PATCH',
      `/api/patients/${id}`,
      { phone: '+1 555 0199' },
      { 'if-match': '"1"' },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    const stale = await call(
      t.app,
      ts,
      'PATCH',
      `/api/patients/${id}`,
      { phone: '+1 555 0000' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.details.current).toMatchObject({ version: 2, phone: '+1 555 0199' });
  });

  it('changes the care team with If-Match and records who changed what', async () => {
    const id = patient.overview.id;
    const before = (await call(t.app, ts, 'GET', `/api/patients/${id}`)).json();
    const members = [
      { userId: therapist.id, role: 'therapist' },
      { userId: careManager.id, role: 'care_manager' },
    ];
    const res = await call(
      t.app,
      ts,
      'PUT',
      `/api/patients/${id}/care-team`,
      { members },
      { 'if-match': String(before.careTeamVersion) },
    );
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .careTeam.map((m: { name: string }) => m.name)
        .sort(),
    ).toEqual(['Cam Manager', 'Tess Therapist']);
    const stale = await call(
      t.app,
      ts,
      'PUT',
      `/api/patients/${id}/care-team`,
      { members },
      { 'if-match': String(before.careTeamVersion) },
    );
    expect(stale.statusCode).toBe(412);
    const history = (await call(t.app, ts, 'GET', `/api/patients/${id}/care-team/history`)).json()
      .changes as { userName: string; change: string; byName: string }[];
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userName: 'Cam Manager', change: 'added', byName: 'Tess Therapist' }),
        expect.objectContaining({ userName: 'Pete Prescriber', change: 'removed', byName: 'Tess Therapist' }),
      ]),
    );
    // The prescriber left the team, so the record is closed to them now.
    const ps = await signIn(t.app, prescriber.email, PASSWORD);
    expect((await call(t.app, ps, 'GET', `/api/patients/${id}`)).statusCode).toBe(404);
  });
});

describe('who may see a patient', () => {
  it('another clinician, another patient, an admin and an unknown id all get 404 with no data', async () => {
    const id = patient.overview.id;
    const other = await buildPatient(t.deps, outsider, [{ user: outsider, role: 'therapist' }]);
    const admin = await buildUser(t.deps, therapist.clinicId, 'admin');
    for (const who of [outsider, other.user, admin]) {
      const s = await signIn(t.app, who.email, PASSWORD);
      const res = await call(t.app, s, 'GET', `/api/patients/${id}`);
      expect(res.statusCode, who.role).toBe(404);
      expect(res.body).not.toContain(patient.overview.familyName);
    }
    const unknown = await call(t.app, ts, 'GET', '/api/patients/01a00000-0000-7000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
  });

  it('a patient reads their own record and their access report in plain language', async () => {
    const ps = await signIn(t.app, patient.user.email, PASSWORD);
    const own = await call(t.app, ps, 'GET', `/api/patients/${patient.overview.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().careTeam.length).toBeGreaterThan(0);
    const days = (await call(t.app, ps, 'GET', `/api/patients/${patient.overview.id}/access-report`)).json()
      .days as { reads: { who: string; words: string }[]; refusals: { who: string }[] }[];
    const reads = days.flatMap((d) => d.reads);
    expect(reads.find((e) => e.who === 'Tess Therapist' && e.words === 'opened your record')).toBeDefined();
    expect(days.flatMap((d) => d.refusals).find((e) => e.who === 'Otto Outsider')).toBeDefined();
    expect(reads.some((e) => e.who === 'You')).toBe(false);
    // A patient cannot change the record or the team.
    expect(
      (
        await call(
          t.app,
          ps,
          'PATCH',
          `/api/patients/${patient.overview.id}`,
          { phone: '1' },
          { 'if-match': '1' },
        )
      ).statusCode,
    ).toBe(404);
  });
});
