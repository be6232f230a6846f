import { addDays, localDate } from '../../../shared/time/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, type Session } from '../../testing/test-app.js';
import { buildPatient, PASSWORD, type BuiltPatient } from '../../testing/factories.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import type {
  Appointment,
  AppointmentList,
  Attendance,
  BookingResult,
} from '../../../shared/appointments/schemas.js';
import { listAttendedSessions } from './attended-sessions.js';

let f: MessagingFixture;
const HOUR = 3_600_000;

beforeAll(async () => {
  f = await messagingFixture();
});
afterAll(() => f.t.close());

const url = (p: BuiltPatient | string) =>
  `/api/patients/${typeof p === 'string' ? p : p.overview.id}/appointments`;
/** A local day n days from the fake clock, in Chicago (the fixture patients' zone). */
const dayFromNow = (n: number) => addDays(localDate(f.t.clock.now(), 'America/Chicago'), n);

function book(session: Session, p: BuiltPatient, body: Record<string, unknown>) {
  return call(f.t.app, session, 'POST', url(p), {
    id: uuid(),
    mode: 'video',
    durationMinutes: 50,
    time: '09:00',
    ...body,
  });
}
const ifMatch = (a: Appointment) => ({ 'if-match': `"${String(a.version)}"` });
function mark(session: Session, a: Appointment, status: 'attended' | 'no_show') {
  return call(f.t.app, session, 'POST', `${url(a.patientId)}/${a.id}/attendance`, { status }, ifMatch(a));
}
async function list(session: Session, p: BuiltPatient) {
  const res = await call(f.t.app, session, 'GET', url(p));
  expect(res.statusCode).toBe(200);
  return res.json<AppointmentList>();
}
/** A fresh patient with the fixture's full team, so each scenario has its own history. */
function newPatient(): Promise<BuiltPatient> {
  return buildPatient(f.t.deps, f.therapist, [
    { user: f.therapist, role: 'therapist' },
    { user: f.prescriber, role: 'prescriber' },
    { user: f.careManager, role: 'care_manager' },
  ]);
}
async function noShowAlerts(p: BuiltPatient) {
  await deliverPendingEvents(f.t.deps);
  return f.t.deps.database.db
    .selectFrom('alerts')
    .selectAll()
    .where('patient_id', '=', p.overview.id)
    .where('type', '=', 'appointment_no_shows')
    .execute();
}

describe('booking', () => {
  it('a therapist books weekly sessions in the patient zone; 09:00 stays 09:00 across the spring change', async () => {
    const res = await book(f.as.therapist, f.patient, {
      day: '2027-03-02',
      location: 'Join from the link in your messages',
      recurrence: { frequency: 'weekly', count: 3 },
    });
    expect(res.statusCode).toBe(201);
    const made = res.json<BookingResult>().appointments;
    expect(made.map((a) => [a.day, a.time, new Date(a.startsAt).getUTCHours()])).toEqual([
      ['2027-03-02', '09:00', 15],
      ['2027-03-09', '09:00', 15],
      ['2027-03-16', '09:00', 14],
    ]);
    expect(made[0]).toMatchObject({
      type: 'therapy_session',
      clinicianId: f.therapist.id,
      clinicianName: 'Tess Therapist',
      timeZone: 'America/Chicago',
      status: 'scheduled',
      recurrence: { frequency: 'weekly', count: 3, untilDay: null },
      version: 1,
    });
    expect(new Set(made.map((a) => a.seriesId)).size).toBe(1);
  });

  it('a retried booking (same id) answers the first one and makes nothing twice', async () => {
    const body = { id: uuid(), day: dayFromNow(3), recurrence: { frequency: 'fortnightly', count: 2 } };
    const first = await book(f.as.therapist, f.patient, body);
    const retry = await book(f.as.therapist, f.patient, body);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(200);
    expect(retry.json<BookingResult>().appointments.map((a) => a.id)).toEqual(
      first.json<BookingResult>().appointments.map((a) => a.id),
    );
    const rows = await f.t.deps.database.db
      .selectFrom('appointments')
      .select('id')
      .where('series_id', '=', body.id)
      .execute();
    expect(rows).toHaveLength(2);
    // The same id for another patient is refused.
    const other = await newPatient();
    expect((await book(f.as.therapist, other, body)).statusCode).toBe(409);
  });

  it('the type follows the role: a therapist cannot book a medication review, a prescriber books one', async () => {
    const refused = await book(f.as.therapist, f.patient, { day: dayFromNow(2), type: 'medication_review' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ error: { details: { message: string }[] } }>().error.details[0]?.message).toBe(
      'appointment_type_not_yours',
    );
    expect(
      (await book(f.as.prescriber, f.patient, { day: dayFromNow(2), type: 'therapy_session' })).statusCode,
    ).toBe(403);
    const review = await book(f.as.prescriber, f.patient, {
      day: dayFromNow(2),
      mode: 'phone',
      durationMinutes: 20,
    });
    expect(review.statusCode).toBe(201);
    expect(review.json<BookingResult>().appointments[0]).toMatchObject({
      type: 'medication_review',
      clinicianId: f.prescriber.id,
      mode: 'phone',
      durationMinutes: 20,
    });
  });

  it('the care manager books for the team member in the type’s role; must name the type', async () => {
    const res = await book(f.as.careManager, f.patient, { day: dayFromNow(4), type: 'therapy_session' });
    expect(res.statusCode).toBe(201);
    expect(res.json<BookingResult>().appointments[0]?.clinicianId).toBe(f.therapist.id);
    expect((await book(f.as.careManager, f.patient, { day: dayFromNow(4) })).statusCode).toBe(403);
  });

  it('refuses a past first appointment, an end date before the start, and a recurrence without an end', async () => {
    expect((await book(f.as.therapist, f.patient, { day: dayFromNow(-1) })).statusCode).toBe(400);
    expect(
      (
        await book(f.as.therapist, f.patient, {
          day: dayFromNow(5),
          recurrence: { frequency: 'weekly', untilDay: dayFromNow(1) },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await book(f.as.therapist, f.patient, { day: dayFromNow(5), recurrence: { frequency: 'weekly' } }))
        .statusCode,
    ).toBe(400);
  });
});

describe('who sees what', () => {
  it('the patient sees their own appointments; another patient and a stranger clinician get 404', async () => {
    const own = await list(f.as.patient, f.patient);
    expect(own.appointments.length).toBeGreaterThan(0);
    expect(own.canBook).toEqual([]);
    expect((await call(f.t.app, f.as.otherPatient, 'GET', url(f.patient))).statusCode).toBe(404);
    expect((await call(f.t.app, f.as.outsider, 'GET', url(f.patient))).statusCode).toBe(404);
    expect((await book(f.as.outsider, f.patient, { day: dayFromNow(2) })).statusCode).toBe(404);
    expect((await book(f.as.patient, f.patient, { day: dayFromNow(2) })).statusCode).toBe(404);
    // The other patient's list does not contain this patient's appointments.
    const theirs = await list(f.as.otherPatient, f.otherPatient);
    expect(theirs.appointments.filter((a) => a.patientId === f.patient.overview.id)).toEqual([]);
  });

  it('an appointment id of another patient answers 404 under this patient', async () => {
    const mine = (await list(f.as.patient, f.patient)).appointments[0]!;
    const other = await newPatient();
    const res = await call(
      f.t.app,
      f.as.therapist,
      'POST',
      `${url(other)}/${mine.id}/cancel`,
      {},
      ifMatch(mine),
    );
    expect(res.statusCode).toBe(404);
  });

  it('every read is audited', async () => {
    await list(f.as.therapist, f.patient);
    const audit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'outcome'])
      .where('patient_id', '=', f.patient.overview.id)
      .where('action', '=', 'appointment.list')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });
});

describe('attendance', () => {
  it('only the therapist marks a session, once it has started; a retry is harmless', async () => {
    const p = await newPatient();
    const [a] = (await book(f.as.therapist, p, { day: dayFromNow(1) })).json<BookingResult>().appointments;
    expect((await mark(f.as.therapist, a!, 'attended')).statusCode).toBe(409);
    await f.setClock(a!.startsAt + 10 * 60_000);
    expect((await mark(f.as.prescriber, a!, 'attended')).statusCode).toBe(403);
    expect((await mark(f.as.careManager, a!, 'attended')).statusCode).toBe(403);
    const res = await mark(f.as.therapist, a!, 'attended');
    expect(res.statusCode).toBe(200);
    expect(res.json<Appointment>()).toMatchObject({
      status: 'attended',
      statusSetBy: f.therapist.id,
      version: 2,
    });
    // A double tap (same old version) answers the same record.
    expect((await mark(f.as.therapist, a!, 'attended')).json<Appointment>().version).toBe(2);
    const events = await f.t.deps.database.db
      .selectFrom('outbox_events')
      .select('payload')
      .where('patient_id', '=', p.overview.id)
      .where('type', '=', 'appointment.attended')
      .execute();
    expect(events).toHaveLength(1);
    const sessions = await listAttendedSessions(f.t.deps.database.db, f.therapist.clinicId, p.overview.id);
    expect(sessions.map((s) => s.appointmentId)).toEqual([a!.id]);
    // A stale version is refused with the current record; without If-Match, 428.
    const stale = await mark(f.as.therapist, a!, 'no_show');
    expect(stale.statusCode).toBe(412);
    const noHeader = await call(f.t.app, f.as.therapist, 'POST', `${url(p)}/${a!.id}/attendance`, {
      status: 'no_show',
    });
    expect(noHeader.statusCode).toBe(428);
  });

  it('two no-shows in a row alert the therapist and the care manager, once', async () => {
    const p = await newPatient();
    const made = (
      await book(f.as.therapist, p, { day: dayFromNow(1), recurrence: { frequency: 'weekly', count: 2 } })
    ).json<BookingResult>().appointments;
    await f.setClock(made[1]!.startsAt + HOUR);
    expect((await mark(f.as.therapist, made[0]!, 'no_show')).statusCode).toBe(200);
    expect(await noShowAlerts(p)).toHaveLength(0);
    const second = await mark(f.as.therapist, made[1]!, 'no_show');
    expect(second.statusCode).toBe(200);
    const alerts = await noShowAlerts(p);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'high', subject_id: made[1]!.id });
    const recipients = await f.t.deps.database.db
      .selectFrom('alert_recipients')
      .select('user_id')
      .where('alert_id', '=', alerts[0]!.id)
      .execute();
    expect(recipients.map((r) => r.user_id).sort()).toEqual([f.therapist.id, f.careManager.id].sort());
    // Correcting the first mark back and forth raises nothing new.
    const fresh = (await list(f.as.therapist, p)).appointments;
    const firstNow = fresh.find((a) => a.id === made[0]!.id)!;
    const corrected = (await mark(f.as.therapist, firstNow, 'attended')).json<Appointment>();
    await mark(f.as.therapist, corrected, 'no_show');
    expect(await noShowAlerts(p)).toHaveLength(1);
  });

  it('no-show, attended, no-show raises no alert', async () => {
    const p = await newPatient();
    const made = (
      await book(f.as.therapist, p, { day: dayFromNow(1), recurrence: { frequency: 'weekly', count: 3 } })
    ).json<BookingResult>().appointments;
    await f.setClock(made[2]!.startsAt + HOUR);
    await mark(f.as.therapist, made[0]!, 'no_show');
    await mark(f.as.therapist, made[1]!, 'attended');
    expect((await mark(f.as.therapist, made[2]!, 'no_show')).statusCode).toBe(200);
    expect(await noShowAlerts(p)).toHaveLength(0);
    const attendance = (
      await call(f.t.app, f.as.prescriber, 'GET', `${url(p)}/attendance`)
    ).json<Attendance>();
    expect(attendance.last90Days).toMatchObject({ attended: 1, noShow: 2, rate: 1 / 3 });
    expect(attendance.consecutiveNoShows).toBe(1);
    expect((await call(f.t.app, f.as.patient, 'GET', `${url(p)}/attendance`)).statusCode).toBe(404);
  });

  it('a clinic threshold of 3 waits for the third no-show', async () => {
    const clinicId = f.therapist.clinicId;
    await f.t.deps.database.db
      .updateTable('clinics')
      // Two-step sign-in stays off, as buildClinic leaves it (a missing key reads as on, issue 13).
      .set({ settings: JSON.stringify({ noShowAlertAfter: 3, staffTwoFactorRequired: false }) })
      .where('id', '=', clinicId)
      .execute();
    try {
      const p = await newPatient();
      const made = (
        await book(f.as.therapist, p, { day: dayFromNow(1), recurrence: { frequency: 'weekly', count: 3 } })
      ).json<BookingResult>().appointments;
      await f.setClock(made[2]!.startsAt + HOUR);
      await mark(f.as.therapist, made[0]!, 'no_show');
      await mark(f.as.therapist, made[1]!, 'no_show');
      expect(await noShowAlerts(p)).toHaveLength(0);
      await mark(f.as.therapist, made[2]!, 'no_show');
      expect(await noShowAlerts(p)).toHaveLength(1);
    } finally {
      await f.t.deps.database.db
        .updateTable('clinics')
        .set({ settings: JSON.stringify({ staffTwoFactorRequired: false }) })
        .where('id', '=', clinicId)
        .execute();
    }
  });
});

describe('cancelling and moving', () => {
  it('the patient cancels one upcoming appointment, late when less than 24 h before; not a series', async () => {
    const p = await newPatient();
    const sessionOf = () => signIn(f.t.app, p.user.email, PASSWORD);
    const made = (
      await book(f.as.therapist, p, {
        day: dayFromNow(1),
        time: '09:00',
        recurrence: { frequency: 'weekly', count: 3 },
      })
    ).json<BookingResult>().appointments;
    await f.setClock(made[0]!.startsAt - 5 * HOUR);
    const patientSession = await sessionOf();
    const refused = await call(
      f.t.app,
      patientSession,
      'POST',
      `${url(p)}/${made[0]!.id}/cancel`,
      { scope: 'this_and_following' },
      ifMatch(made[0]!),
    );
    expect(refused.statusCode).toBe(403);
    const late = await call(
      f.t.app,
      patientSession,
      'POST',
      `${url(p)}/${made[0]!.id}/cancel`,
      { reason: 'Unwell' },
      ifMatch(made[0]!),
    );
    expect(late.statusCode).toBe(200);
    expect(late.json<BookingResult>().appointments[0]).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'patient',
      cancelledLate: true,
      cancelReason: 'Unwell',
    });
    const early = await call(
      f.t.app,
      patientSession,
      'POST',
      `${url(p)}/${made[1]!.id}/cancel`,
      {},
      ifMatch(made[1]!),
    );
    expect(early.json<BookingResult>().appointments[0]).toMatchObject({
      cancelledBy: 'patient',
      cancelledLate: false,
    });
    // Attendance cannot be set on a cancelled appointment.
    await f.setClock(made[0]!.startsAt + HOUR);
    const cancelled = (await list(f.as.therapist, p)).appointments[0]!;
    expect((await mark(f.as.therapist, cancelled, 'attended')).statusCode).toBe(409);
  });

  it('the therapist moves this and the following sessions; earlier ones stay', async () => {
    const p = await newPatient();
    const made = (
      await book(f.as.therapist, p, { day: dayFromNow(1), recurrence: { frequency: 'weekly', count: 4 } })
    ).json<BookingResult>().appointments;
    const third = made[2]!;
    const res = await call(
      f.t.app,
      f.as.therapist,
      'PATCH',
      `${url(p)}/${third.id}`,
      {
        scope: 'this_and_following',
        day: addDays(third.day, 1),
        time: '16:30',
        mode: 'in_person',
        location: 'Room 4',
      },
      ifMatch(third),
    );
    expect(res.statusCode).toBe(200);
    const after = (await list(f.as.therapist, p)).appointments;
    expect(after.map((a) => [a.day, a.time])).toEqual([
      [made[0]!.day, '09:00'],
      [made[1]!.day, '09:00'],
      [addDays(made[2]!.day, 1), '16:30'],
      [addDays(made[3]!.day, 1), '16:30'],
    ]);
    expect(after[3]).toMatchObject({ mode: 'in_person', location: 'Room 4', version: 2 });
    // The prescriber cannot move a therapy session.
    const moved = after[0]!;
    const refused = await call(
      f.t.app,
      f.as.prescriber,
      'PATCH',
      `${url(p)}/${moved.id}`,
      { day: moved.day, time: '10:00' },
      ifMatch(moved),
    );
    expect(refused.statusCode).toBe(403);
    // The therapist cancels the rest of the series from the second one.
    const second = after[1]!;
    const cancel = await call(
      f.t.app,
      f.as.therapist,
      'POST',
      `${url(p)}/${second.id}/cancel`,
      { scope: 'this_and_following' },
      ifMatch(second),
    );
    expect(cancel.json<BookingResult>().appointments.map((a) => [a.status, a.cancelledBy])).toEqual([
      ['cancelled', 'clinician'],
      ['cancelled', 'clinician'],
      ['cancelled', 'clinician'],
    ]);
    expect((await list(f.as.therapist, p)).appointments[0]!.status).toBe('scheduled');
  });
});
