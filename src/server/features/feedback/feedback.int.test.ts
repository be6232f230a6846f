import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import { checkFeedbackNudges } from './nudge.check.js';
import { bookAppointments, setAttendance } from '../appointments/index.js';
import type { Appointment } from '../../../shared/appointments/schemas.js';
import type {
  SessionFeedback,
  SessionFeedbackForm,
  SessionFeedbackList,
} from '../../../shared/feedback/schemas.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';

// The patient's feedback on attended sessions: who may give it, when, once, and the low-rating alert.
let f: MessagingFixture;
let base: string;
let sessions: Appointment[];
const HOUR = 3_600_000;

const answer = (appointmentId: string, goalsRating: number, heardRating: number, id = uuid()) => ({
  id,
  appointmentId,
  helped: 'Talking through the week.',
  notHelped: 'We ran out of time.',
  goalsRating,
  heardRating,
  change: 'A little more time for homework.',
});

async function attend(a: Appointment) {
  await setAttendance(f.t.deps, f.therapist.actor, f.patient.overview.id, a.id, a.version, {
    status: 'attended',
  });
}

async function lowAlerts() {
  return f.t.deps.database.db
    .selectFrom('alerts')
    .selectAll()
    .where('patient_id', '=', f.patient.overview.id)
    .where('type', '=', 'session_feedback_low')
    .execute();
}

beforeAll(async () => {
  f = await messagingFixture();
  base = `/api/patients/${f.patient.overview.id}/session-feedback`;
  // Weekly sessions from Tuesday 2026-11-03 10:00 Chicago (16:00 UTC); the fixture's clock is 11-02 15:00 UTC.
  const booked = await bookAppointments(f.t.deps, f.therapist.actor, f.patient.overview.id, {
    id: uuid(),
    day: '2026-11-03',
    time: '10:00',
    mode: 'in_person',
    recurrence: { frequency: 'weekly', count: 4 },
  });
  sessions = booked.appointments;
});
afterAll(() => f.t.close());

describe('session feedback', () => {
  it('is not open before the session, nor for a session that is not attended', async () => {
    const s = sessions[0]!;
    expect((await call(f.t.app, f.as.patient, 'POST', base, answer(s.id, 8, 8))).statusCode).toBe(404);
    expect((await call(f.t.app, f.as.patient, 'GET', `${base}/sessions/${s.id}`)).statusCode).toBe(404);
    // Held but not marked attended: still nothing.
    await f.setClock(s.startsAt + HOUR);
    expect((await call(f.t.app, f.as.patient, 'POST', base, answer(s.id, 8, 8))).statusCode).toBe(404);
    const list = (await call(f.t.app, f.as.patient, 'GET', base)).json<SessionFeedbackList>();
    expect(list.awaiting).toEqual([]);
  });

  it('after an attended session: awaiting, then one answer however often it is sent', async () => {
    const s = sessions[0]!;
    await attend(s);
    const list = (await call(f.t.app, f.as.patient, 'GET', base)).json<SessionFeedbackList>();
    expect(list.awaiting).toEqual([
      { appointmentId: s.id, sessionAt: s.startsAt, sessionDay: '2026-11-03', closesOn: '2026-11-17' },
    ]);
    expect(list.lowRatingThreshold).toBe(4);

    // One email nudge, however often the check runs, with nothing about the session in it.
    await checkFeedbackNudges(f.t.deps);
    await checkFeedbackNudges(f.t.deps);
    const mails = await f.t.deps.database.db
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', f.patient.user.email)
      .where('subject', 'like', '%feedback%')
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text_body).not.toMatch(/Tess|Therapist|2026|session/i);

    const body = answer(s.id, 4, 9);
    const first = await call(f.t.app, f.as.patient, 'POST', base, body);
    expect(first.statusCode).toBe(201);
    expect(first.json<{ feedback: SessionFeedback }>().feedback).toMatchObject({
      id: body.id,
      appointmentId: s.id,
      sessionDay: '2026-11-03',
      goalsRating: 4,
      heardRating: 9,
      low: true,
    });
    const retry = await call(f.t.app, f.as.patient, 'POST', base, body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json<{ feedback: SessionFeedback }>().feedback.id).toBe(body.id);
    // Another id (a second phone) for the same session: refused, not a second answer.
    const second = await call(f.t.app, f.as.patient, 'POST', base, answer(s.id, 9, 9));
    expect(second.statusCode).toBe(409);
    const rows = await f.t.deps.database.db
      .selectFrom('session_feedback')
      .select('id')
      .where('appointment_id', '=', s.id)
      .execute();
    expect(rows.map((r) => r.id)).toEqual([body.id]);
    const events = await f.t.deps.database.db
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'feedback.session_rated')
      .execute();
    expect(events).toHaveLength(1);

    const form = (
      await call(f.t.app, f.as.patient, 'GET', `${base}/sessions/${s.id}`)
    ).json<SessionFeedbackForm>();
    expect(form.state).toBe('answered');
    expect((await call(f.t.app, f.as.patient, 'GET', base)).json<SessionFeedbackList>().awaiting).toEqual([]);
  });

  it('a rating of 4 (the default threshold) raises one routine alert to the therapist only', async () => {
    await deliverPendingEvents(f.t.deps);
    const alerts = await lowAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'routine' });
    const recipients = await f.t.deps.database.db
      .selectFrom('alert_recipients')
      .select('user_id')
      .where('alert_id', '=', alerts[0]!.id)
      .execute();
    expect(recipients.map((r) => r.user_id)).toEqual([f.therapist.id]);
  });

  it('5 and 5 is above the threshold: no alert', async () => {
    const s = sessions[1]!;
    await f.setClock(s.startsAt + HOUR);
    await attend(s);
    const res = await call(f.t.app, f.as.patient, 'POST', base, answer(s.id, 5, 5));
    expect(res.statusCode).toBe(201);
    expect(res.json<{ feedback: SessionFeedback }>().feedback.low).toBe(false);
    await deliverPendingEvents(f.t.deps);
    expect(await lowAlerts()).toHaveLength(1);
  });

  it('the whole care team reads the answers; outsiders and other patients get 404; clinicians cannot answer', async () => {
    for (const who of [f.as.therapist, f.as.prescriber, f.as.careManager]) {
      const res = await call(f.t.app, who, 'GET', base);
      expect(res.statusCode).toBe(200);
      expect(res.json<SessionFeedbackList>().feedback.map((x) => x.goalsRating)).toEqual([4, 5]);
    }
    expect((await call(f.t.app, f.as.outsider, 'GET', base)).statusCode).toBe(404);
    expect((await call(f.t.app, f.as.otherPatient, 'GET', base)).statusCode).toBe(404);

    const s = sessions[2]!;
    await f.setClock(s.startsAt + HOUR);
    await attend(s);
    const byTherapist = await call(f.t.app, f.as.therapist, 'POST', base, answer(s.id, 9, 9));
    expect(byTherapist.statusCode).toBe(403);
    expect(byTherapist.json<{ error: { details: { message: string }[] } }>().error.details[0]?.message).toBe(
      'patient_only',
    );
    // Another patient naming this patient's session on their own record: unknown session.
    const otherBase = `/api/patients/${f.otherPatient.overview.id}/session-feedback`;
    expect((await call(f.t.app, f.as.otherPatient, 'POST', otherBase, answer(s.id, 9, 9))).statusCode).toBe(
      404,
    );
    // …and on this patient's record: 404 like any other record not theirs.
    expect((await call(f.t.app, f.as.otherPatient, 'POST', base, answer(s.id, 9, 9))).statusCode).toBe(404);

    const audit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'outcome', 'actor_id'])
      .where('patient_id', '=', f.patient.overview.id)
      .where((eb) => eb.or([eb('action', 'like', 'feedback.%'), eb('action', '=', 'patient.access')]))
      .execute();
    expect(audit).toContainEqual({ action: 'feedback.list', outcome: 'allowed', actor_id: f.prescriber.id });
    // The gate refuses an outsider before the use case and audits it on the patient.
    expect(audit).toContainEqual({ action: 'patient.access', outcome: 'denied', actor_id: f.outsider.id });
    expect(audit).toContainEqual({
      action: 'feedback.submit',
      outcome: 'allowed',
      actor_id: f.patient.user.id,
    });
  });

  it('closes 14 days after the session day', async () => {
    const s = sessions[2]!;
    // Session 3 is Tuesday 2026-11-17; the form accepts answers through 2026-12-01 (Chicago).
    await f.setClock(Date.UTC(2026, 11, 2, 5, 59)); // 2026-12-01 23:59 in Chicago
    const form = (
      await call(f.t.app, f.as.patient, 'GET', `${base}/sessions/${s.id}`)
    ).json<SessionFeedbackForm>();
    expect(form).toMatchObject({ state: 'open', closesOn: '2026-12-01' });
    await f.setClock(Date.UTC(2026, 11, 2, 6, 1)); // 2026-12-02 00:01 in Chicago
    const late = await call(f.t.app, f.as.patient, 'POST', base, answer(s.id, 9, 9));
    expect(late.statusCode).toBe(400);
    const closed = (
      await call(f.t.app, f.as.patient, 'GET', `${base}/sessions/${s.id}`)
    ).json<SessionFeedbackForm>();
    expect(closed.state).toBe('closed');
    expect((await call(f.t.app, f.as.patient, 'GET', base)).json<SessionFeedbackList>().awaiting).toEqual([]);
  });

  it("follows the clinic's threshold: with 6, a rating of 6 raises an alert", async () => {
    await f.t.deps.database.db
      .updateTable('clinics')
      .set({ settings: JSON.stringify({ feedbackLowRating: 6 }) })
      .where('id', '=', f.therapist.clinicId)
      .execute();
    const s = sessions[3]!;
    await f.setClock(s.startsAt + HOUR);
    await attend(s);
    const res = await call(f.t.app, f.as.patient, 'POST', base, answer(s.id, 8, 6));
    expect(res.json<{ feedback: SessionFeedback }>().feedback.low).toBe(true);
    await deliverPendingEvents(f.t.deps);
    expect(await lowAlerts()).toHaveLength(2);
  });
});
