import { addDays, localDate } from '../../../shared/time/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import type { Appointment, BookingResult } from '../../../shared/appointments/schemas.js';
import { checkAppointmentReminders } from './reminders.check.js';

const SUBJECT = 'You have an upcoming appointment in Duet';
const HOUR = 3_600_000;
let f: MessagingFixture;

beforeAll(async () => {
  f = await messagingFixture();
});
afterAll(() => f.t.close());

async function remindersTo(email: string) {
  return f.t.deps.database.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('to_address', '=', email)
    .where('subject', '=', SUBJECT)
    .execute();
}

describe('appointment reminders', () => {
  it('emails the patient once, 24 h before, without any detail of the appointment', async () => {
    const day = addDays(localDate(f.t.clock.now(), 'America/Chicago'), 3);
    const res = await call(
      f.t.app,
      f.as.therapist,
      'POST',
      `/api/patients/${f.patient.overview.id}/appointments`,
      {
        id: uuid(),
        day,
        time: '10:00',
        mode: 'in_person',
        location: 'Harbour Street clinic, room 2',
        recurrence: { frequency: 'weekly', count: 2 },
      },
    );
    expect(res.statusCode).toBe(201);
    const [first, second] = res.json<BookingResult>().appointments as [Appointment, Appointment];

    // More than 24 h before: nothing.
    await f.setClock(first.startsAt - 25 * HOUR);
    await checkAppointmentReminders(f.t.deps);
    expect(await remindersTo(f.patient.user.email)).toHaveLength(0);

    // Within 24 h: one email, however often the check runs.
    await f.setClock(first.startsAt - 23 * HOUR);
    await checkAppointmentReminders(f.t.deps);
    await checkAppointmentReminders(f.t.deps);
    const mails = await remindersTo(f.patient.user.email);
    expect(mails).toHaveLength(1);
    const body = mails[0]!.text_body;
    for (const secret of ['Harbour', 'Tess', 'therapy', 'session', '10:00', day])
      expect(body.toLowerCase()).not.toContain(secret.toLowerCase());
    const recorded = await f.t.deps.database.db
      .selectFrom('appointment_reminders')
      .selectAll()
      .where('appointment_id', '=', first.id)
      .execute();
    expect(recorded).toHaveLength(1);

    // The second (a week later) is not due yet; a cancelled appointment gets none.
    const cancel = await call(
      f.t.app,
      f.as.therapist,
      'POST',
      `/api/patients/${f.patient.overview.id}/appointments/${second.id}/cancel`,
      {},
      { 'if-match': '"1"' },
    );
    expect(cancel.statusCode).toBe(200);
    await f.setClock(second.startsAt - 2 * HOUR);
    await checkAppointmentReminders(f.t.deps);
    expect(await remindersTo(f.patient.user.email)).toHaveLength(1);
    // Nobody else was emailed about it.
    expect(await remindersTo(f.therapist.email)).toHaveLength(0);
  });
});
