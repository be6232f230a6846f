import { localDate } from '../../../shared/time/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.js';
import { buildClinic, buildPatient, buildUser, type BuiltPatient } from '../../testing/factories.js';
import { newId } from '../../platform/ids.js';
import { checkMeasureReminders } from './due-reminders.check.js';
import { insertResponse } from './responses.repository.js';

const SUBJECT = 'You have a questionnaire to fill in Duet';
let t: TestContext;
let duePatient: BuiltPatient;
let donePatient: BuiltPatient;

/** A complete answer today, straight into the table (the schedule only reads days and totals). */
async function answerToday(p: BuiltPatient, instrument: 'phq9' | 'gad7', total: number) {
  const now = t.clock.now();
  await insertResponse(t.deps.database.db, {
    id: newId(),
    clinic_id: p.user.clinicId,
    patient_id: p.overview.id,
    instrument,
    instrument_version: '1',
    answers: JSON.stringify({ items: [], functional: null }),
    total,
    severity: null,
    item9: instrument === 'phq9' ? 0 : null,
    source: 'patient',
    answered_at: now,
    answered_day: localDate(now, 'America/Chicago'),
    entered_by: p.user.id,
    created_at: now,
  });
}

async function remindersTo(p: BuiltPatient) {
  return t.deps.database.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('to_address', '=', p.user.email)
    .where('subject', '=', SUBJECT)
    .execute();
}

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  const therapist = await buildUser(t.deps, clinic, 'therapist', 'Tess Therapist');
  const team = [{ user: therapist, role: 'therapist' as const }];
  duePatient = await buildPatient(t.deps, therapist, team, { givenName: 'Zelda', familyName: 'Quixotic' });
  donePatient = await buildPatient(t.deps, therapist, team, { givenName: 'Yuri', familyName: 'Umbrage' });
  // The due patient has answered the GAD-7 only: the baseline PHQ-9 is due today.
  await answerToday(duePatient, 'gad7', 11);
  await answerToday(donePatient, 'phq9', 17);
  await answerToday(donePatient, 'gad7', 11);
});
afterAll(() => t.close());

describe('questionnaire reminders', () => {
  it('emails a patient with a due PHQ-9 once, however often the check runs, and without patient data', async () => {
    await checkMeasureReminders(t.deps);
    await checkMeasureReminders(t.deps);
    const mails = await remindersTo(duePatient);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    const whole = `${mail.subject}\n${mail.text_body}`;
    expect(whole).toContain(`${t.config.publicUrl}/`);
    for (const secret of ['Zelda', 'Quixotic', 'PHQ', 'phq9', 'GAD', '11'])
      expect(whole.toLowerCase()).not.toContain(secret.toLowerCase());
    const rows = await t.deps.database.db
      .selectFrom('measure_reminders')
      .selectAll()
      .where('patient_id', '=', duePatient.overview.id)
      .execute();
    expect(rows.map((r) => [r.instrument, r.due_date])).toEqual([
      ['phq9', localDate(t.clock.now(), 'America/Chicago')],
    ]);
  });

  it('sends nothing to a patient with nothing due', async () => {
    await checkMeasureReminders(t.deps);
    expect(await remindersTo(donePatient)).toHaveLength(0);
  });

  it('does not remind again while the same questionnaire stays overdue', async () => {
    t.clock.set(t.clock.now() + 9 * 86_400_000);
    await checkMeasureReminders(t.deps);
    expect(await remindersTo(duePatient)).toHaveLength(1);
    expect(await remindersTo(donePatient)).toHaveLength(0);
  });

  it('reminds again when the next questionnaire falls due', async () => {
    // Two weeks after their answers, the done patient's PHQ-9 and GAD-7 fall due together: one email.
    t.clock.set(t.clock.now() + 6 * 86_400_000);
    await checkMeasureReminders(t.deps);
    await checkMeasureReminders(t.deps);
    expect(await remindersTo(donePatient)).toHaveLength(1);
  });
});
