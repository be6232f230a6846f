import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, TEST_NOW, type Session } from '../../testing/test-app.js';
import { buildPatient, buildUser, PASSWORD } from '../../testing/factories.js';
import { raiseTestAlert } from '../../testing/alerts.js';
import type { WorklistResponse } from '../../../shared/worklist/schemas.js';
import { registryFixture, WEEK, type RegistryFixture } from '../registry/registry.test-kit.js';
import { anAppointment, aMessage, aPracticeEntry } from './worklist.test-kit.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let f: RegistryFixture;
let as: Awaited<ReturnType<RegistryFixture['sessions']>>;
const ids: Record<string, string> = {};
const appointments: Record<string, string> = {};

beforeAll(async () => {
  f = await registryFixture();
  const db = f.t.deps.database.db;
  const { therapist, prescriber } = f.users;
  ids.Ada = await f.patient('Ada');
  await f.score(ids.Ada, 'phq9', 18, TEST_NOW - 6 * WEEK);
  await f.score(ids.Ada, 'phq9', 14, TEST_NOW - 2 * WEEK);
  await f.score(ids.Ada, 'phq9', 9, TEST_NOW - DAY);
  appointments.adaToday = await anAppointment(db, {
    clinicId: f.clinic,
    patientId: ids.Ada,
    clinicianId: therapist.id,
    startsAt: TEST_NOW + 2 * HOUR,
  });
  // Cancelled today: neither "today" nor the next appointment.
  await anAppointment(db, {
    clinicId: f.clinic,
    patientId: ids.Ada,
    clinicianId: therapist.id,
    startsAt: TEST_NOW + HOUR,
    status: 'cancelled',
  });
  ids.Ben = await f.patient('Ben');
  await f.score(ids.Ben, 'gad7', 8, TEST_NOW - 3 * WEEK);
  await f.score(ids.Ben, 'gad7', 12, TEST_NOW - DAY);
  await raiseTestAlert(f.t.deps, ids.Ben, f.clinic, { type: 'measure_worsening', severity: 'high' });
  await raiseTestAlert(f.t.deps, ids.Ben, f.clinic, { type: 'message_from_patient', severity: 'routine' });
  appointments.benNext = await anAppointment(db, {
    clinicId: f.clinic,
    patientId: ids.Ben,
    clinicianId: prescriber.id,
    type: 'medication_review',
    startsAt: TEST_NOW + 3 * DAY,
  });
  await anAppointment(db, {
    clinicId: f.clinic,
    patientId: ids.Ben,
    clinicianId: prescriber.id,
    startsAt: TEST_NOW + 10 * DAY,
  });
  await aMessage(db, f.clinic, ids.Ben, prescriber.id, TEST_NOW - HOUR);
  await aPracticeEntry(db, {
    clinicId: f.clinic,
    patientId: ids.Ben,
    therapistId: therapist.id,
    completedAt: TEST_NOW - DAY,
    sharing: 'therapist',
  });
  await aPracticeEntry(db, {
    clinicId: f.clinic,
    patientId: ids.Ben,
    therapistId: therapist.id,
    completedAt: TEST_NOW - 2 * DAY,
    sharing: 'team',
    commented: true,
  });
  // Older than the review window.
  await aPracticeEntry(db, {
    clinicId: f.clinic,
    patientId: ids.Ben,
    therapistId: therapist.id,
    completedAt: TEST_NOW - 20 * DAY,
    sharing: 'team',
  });
  ids.Stranger = await f.patient('Stranger', { team: [f.users.outsider] });
  f.t.clock.set(TEST_NOW);
  as = await f.sessions();
});
afterAll(() => f.t.close());

async function worklist(session: Session, query = '') {
  const res = await call(f.t.app, session, 'GET', `/api/worklist${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<WorklistResponse>();
}

describe('GET /api/worklist', () => {
  it('shows each patient of my caseload with what the day needs', async () => {
    const w = await worklist(as.therapist, '?zone=UTC');
    expect(w).toMatchObject({ zone: 'UTC', today: '2026-11-02' });
    const by = Object.fromEntries(w.patients.map((p) => [p.familyName, p]));
    expect(Object.keys(by).sort()).toEqual(['Ada', 'Ben']);
    expect(by.Ada?.phq9).toEqual({ latest: 9, latestDay: '2026-11-01', previous: 14, direction: 'down' });
    expect(by.Ada?.gad7).toBeNull();
    expect(by.Ada?.today.map((a) => a.id)).toEqual([appointments.adaToday]);
    expect(by.Ada?.nextAppointment).toMatchObject({
      id: appointments.adaToday,
      clinicianName: 'Tess Therapist',
    });
    expect(by.Ben?.gad7).toMatchObject({ latest: 12, previous: 8, direction: 'up' });
    expect(by.Ben?.phq9).toBeNull();
    expect(by.Ben?.nextAppointment).toMatchObject({ id: appointments.benNext, type: 'medication_review' });
    expect(by.Ben?.today).toEqual([]);
    expect(by.Ben?.openAlerts).toMatchObject({ high: 1, routine: 1, total: 2, mostSevere: 'high' });
    expect(by.Ben?.unreadMessages).toBe(1);
    // The therapist-only entry, uncommented, within 14 days; the commented one and the old one do not count.
    expect(by.Ben?.practiceToReview).toBe(1);
    expect(by.Ada?.openAlerts.mostSevere).toBeNull();
    expect(by.Ada?.patientTimeZone).toBe('UTC');
  });

  it("counts per viewer: the prescriber's own message is read, therapist-only practice is not theirs", async () => {
    const w = await worklist(as.prescriber, '?zone=UTC');
    const ben = w.patients.find((p) => p.familyName === 'Ben');
    expect(ben?.unreadMessages).toBe(0);
    expect(ben?.practiceToReview).toBe(0);
    // Today is the viewer's own appointments: Ada's session is the therapist's.
    expect(w.patients.every((p) => p.today.length === 0)).toBe(true);
  });

  it("takes today from the viewer's zone", async () => {
    // 15:00 UTC is already 2026-11-03 in Kiritimati (UTC+14): the session at 17:00 UTC is that day too.
    const w = await worklist(as.therapist, '?zone=Pacific/Kiritimati');
    expect(w.today).toBe('2026-11-03');
    expect(w.patients.find((p) => p.familyName === 'Ada')?.today).toHaveLength(1);
    const la = await worklist(as.therapist, '?zone=America/Los_Angeles');
    expect(la.today).toBe('2026-11-02');
  });

  it('refuses a zone it does not know at its field', async () => {
    const res = await call(f.t.app, as.therapist, 'GET', '/api/worklist?zone=Mars/Olympus');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'querystring.zone',
    );
  });

  it('leaves one list audit event naming each patient shown (issue 19)', async () => {
    const count = async (table: 'audit_events' | 'audit_patient_events') =>
      Number(
        (
          await f.t.deps.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .where('action', '=', 'worklist.read')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [events, shown] = [await count('audit_events'), await count('audit_patient_events')];
    await worklist(as.therapist);
    expect(await count('audit_events')).toBe(events + 1);
    expect(await count('audit_patient_events')).toBe(shown + 2);
    const rows = await f.t.deps.database.db
      .selectFrom('audit_patient_events')
      .select(['patient_id'])
      .where('action', '=', 'worklist.read')
      .execute();
    expect(rows.map((r) => r.patient_id)).not.toContain(ids.Stranger);
  });

  it('flags a role a departing clinician left unassigned, with since when and why (issue 15)', async () => {
    const admin = await buildUser(f.t.deps, f.clinic, 'admin');
    const leaving = await buildUser(f.t.deps, f.clinic, 'therapist');
    const { overview } = await buildPatient(
      f.t.deps,
      leaving,
      [
        { user: leaving, role: 'therapist' },
        { user: f.users.prescriber, role: 'prescriber' },
      ],
      { familyName: 'Vacant', timeZone: 'UTC' },
    );
    const adminSession = await signIn(f.t.app, admin.email, PASSWORD);
    const res = await call(f.t.app, adminSession, 'POST', `/api/admin/users/${leaving.id}/deactivate`, {
      assignments: [
        { patientId: overview.id, role: 'therapist', leaveUnassigned: true, reason: 'Waiting for intake' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const w = await worklist(as.prescriber, '?zone=UTC');
    expect(w.patients.find((p) => p.patientId === overview.id)?.vacancies).toEqual([
      { role: 'therapist', since: f.t.clock.now(), reason: 'Waiting for intake' },
    ]);
    expect(w.patients.filter((p) => p.patientId !== overview.id).every((p) => p.vacancies.length === 0)).toBe(
      true,
    );
  });

  it('is for clinicians only', async () => {
    const patient = await f.signInPatient(ids.Ada ?? '');
    const res = await call(f.t.app, patient, 'GET', '/api/worklist');
    expect(res.statusCode).toBe(403);
  });
});
