import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, TEST_NOW, type Session } from '../../testing/test-app.js';
import type { ScheduleResponse } from '../../../shared/schedule/schemas.js';
import type { BookingResult } from '../../../shared/appointments/schemas.js';
import { registryFixture, type RegistryFixture } from '../registry/registry.test-kit.js';
import { anAppointment } from '../worklist/worklist.test-kit.js';

let f: RegistryFixture;
let as: Awaited<ReturnType<RegistryFixture['sessions']>>;
const ids: Record<string, string> = {};
type Details = { error: { code: string; details?: { path: string; message: string }[] } };

async function book(session: Session, patientId: string, body: Record<string, unknown>) {
  return call(f.t.app, session, 'POST', `/api/patients/${patientId}/appointments`, {
    id: randomUUID(),
    mode: 'video',
    ...body,
  });
}

beforeAll(async () => {
  f = await registryFixture();
  ids.Ada = await f.patient('Ada');
  ids.Ben = await f.patient('Ben');
  ids.Stranger = await f.patient('Stranger', { team: [f.users.outsider] });
  await f.t.deps.database.db
    .updateTable('patients')
    .set({ time_zone: 'Europe/Berlin' })
    .where('id', '=', ids.Ada)
    .execute();
  f.t.clock.set(TEST_NOW);
  as = await f.sessions();
  // 06:30 in Berlin on Wed 4 Nov (05:30 UTC): before the patient's 07:00.
  const early = await book(as.therapist, ids.Ada, {
    day: '2026-11-04',
    time: '06:30',
    room: 'Room 3',
    telehealthUrl: 'https://meet.example.com/ada',
  });
  expect(early.statusCode, early.body).toBe(201);
  ids.early = early.json<BookingResult>().appointments[0]?.id ?? '';
  const review = await book(as.prescriber, ids.Ben, {
    day: '2026-11-05',
    time: '10:00',
    type: 'medication_review',
  });
  expect(review.statusCode, review.body).toBe(201);
  // Another team's patient, booked by the outsider, the same week.
  await anAppointment(f.t.deps.database.db, {
    clinicId: f.clinic,
    patientId: ids.Stranger,
    clinicianId: f.users.outsider.id,
    startsAt: Date.UTC(2026, 10, 4, 9, 0),
    room: 'Room 1',
    telehealthUrl: 'https://meet.example.com/secret',
  });
});
afterAll(() => f.t.close());

async function schedule(session: Session, query: string) {
  const res = await call(f.t.app, session, 'GET', `/api/schedule?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ScheduleResponse>();
}

describe('booking with a room and a telehealth link', () => {
  it('keeps them on the appointment', async () => {
    const list = await call(f.t.app, as.therapist, 'GET', `/api/patients/${ids.Ada}/appointments`);
    const a = list.json<{
      appointments: { id: string; room: string | null; telehealthUrl: string | null }[];
    }>().appointments[0];
    expect(a).toMatchObject({ id: ids.early, room: 'Room 3', telehealthUrl: 'https://meet.example.com/ada' });
  });

  it.each(['http://meet.example.com/x', 'meet.example.com', 'javascript:alert(1)'])(
    'refuses %s at body.telehealthUrl',
    async (url) => {
      const res = await book(as.therapist, ids.Ada ?? '', {
        day: '2026-11-06',
        time: '09:00',
        telehealthUrl: url,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<Details>().error.details?.[0]?.path).toBe('body.telehealthUrl');
    },
  );

  it('changes them with a move (If-Match)', async () => {
    const res = await call(
      f.t.app,
      as.therapist,
      'PATCH',
      `/api/patients/${ids.Ada}/appointments/${ids.early}`,
      { day: '2026-11-04', time: '06:30', room: 'Room 5', telehealthUrl: null },
      { 'if-match': '"1"' },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<BookingResult>().appointments[0]).toMatchObject({ room: 'Room 5', telehealthUrl: null });
  });
});

describe('GET /api/schedule', () => {
  it("shows my week in my zone, warning when a time is outside the patient's daytime", async () => {
    const s = await schedule(as.therapist, 'from=2026-11-02&to=2026-11-08&zone=America/Chicago');
    expect(s).toMatchObject({ zone: 'America/Chicago', clinician: f.users.therapist.id });
    expect(s.appointments).toHaveLength(1);
    expect(s.appointments[0]).toMatchObject({
      appointmentId: ids.early,
      startsAt: Date.UTC(2026, 10, 4, 5, 30),
      room: 'Room 5',
      patient: { id: ids.Ada, familyName: 'Ada', timeZone: 'Europe/Berlin' },
      outsidePatientDaytime: true,
    });
  });

  it("shows another clinician's day and the clinic's, naming only my teams' patients", async () => {
    const pete = await schedule(
      as.therapist,
      `from=2026-11-05&to=2026-11-05&zone=UTC&clinician=${f.users.prescriber.id}`,
    );
    expect(pete.appointments.map((a) => a.patient?.familyName)).toEqual(['Ben']);
    expect(pete.appointments[0]?.outsidePatientDaytime).toBe(false);
    const clinic = await schedule(as.therapist, 'from=2026-11-02&to=2026-11-08&zone=UTC&clinician=all');
    expect(clinic.appointments).toHaveLength(3);
    const stranger = clinic.appointments.find((a) => a.clinicianId === f.users.outsider.id);
    expect(stranger).toMatchObject({ patient: null, room: 'Room 1', telehealthUrl: null, location: null });
    expect(clinic.clinicians.map((c) => c.name)).toContain('Otto Outsider');
  });

  it('takes the days in the given zone', async () => {
    // 05:30 UTC on 4 Nov is 23:30 on 3 Nov in Chicago: the 4th there does not hold it, the 3rd does.
    const fourth = await schedule(as.therapist, 'from=2026-11-04&to=2026-11-04&zone=America/Chicago');
    expect(fourth.appointments).toHaveLength(0);
    const third = await schedule(as.therapist, 'from=2026-11-03&to=2026-11-03&zone=America/Chicago');
    expect(third.appointments.map((a) => a.appointmentId)).toEqual([ids.early]);
  });

  it.each([
    ['from=2026-11-08&to=2026-11-02', 'querystring.to'],
    ['from=2026-11-01&to=2026-12-15', 'querystring.to'],
    ['from=2026-11-01&to=2026-11-02&zone=Mars/Base', 'querystring.zone'],
    ['from=2026-11-01&to=2026-11-02&clinician=nobody', 'querystring.clinician'],
  ])('refuses %s at %s', async (query, path) => {
    const res = await call(f.t.app, as.therapist, 'GET', `/api/schedule?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json<Details>().error.details?.map((d) => d.path)).toContain(path);
  });

  it('is audited as one list event naming each patient once (issue 19)', async () => {
    const db = f.t.deps.database.db;
    const last = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirstOrThrow();
    await schedule(as.therapist, 'from=2026-11-02&to=2026-11-08&zone=UTC&clinician=all');
    const since = (table: 'audit_events' | 'audit_patient_events') =>
      db
        .selectFrom(table)
        .select(['patient_id'])
        .where('action', '=', 'schedule.read')
        .where('seq', '>', last.seq)
        .execute();
    expect(await since('audit_events')).toEqual([{ patient_id: null }]);
    const named = (await since('audit_patient_events')).map((r) => r.patient_id);
    expect(named.sort()).toEqual([ids.Ada, ids.Ben].sort());
  });
});
