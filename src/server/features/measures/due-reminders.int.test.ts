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

describe('questionnaire reminders in slices (issue 19)', () => {
  async function freshPatients(n: number) {
    const clinic = await buildClinic(t.deps);
    const therapist = await buildUser(t.deps, clinic, 'therapist');
    const out: BuiltPatient[] = [];
    for (let i = 0; i < n; i++)
      out.push(await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }]));
    return out;
  }
  /** Runs the check and notes, at each turn it gives the event loop, how many of `patients` were emailed. */
  async function runNotingTurns(patients: BuiltPatient[], slicing: { pageSize: number; writeBatch: number }) {
    const mailed = async () =>
      (await Promise.all(patients.map(remindersTo))).filter((m) => m.length > 0).length;
    const atTurn: number[] = [];
    await checkMeasureReminders(t.deps, {
      ...slicing,
      giveTurn: async () => {
        atTurn.push(await mailed());
      },
    });
    return { atTurn, mailed: await mailed() };
  }
  const steps = (counts: number[]) => counts.slice(1).map((n, i) => n - (counts[i] ?? 0));

  it('reads the patients in pages with a turn before each page: at most a page of patients emailed between turns', async () => {
    const patients = await freshPatients(5);
    const { atTurn, mailed } = await runNotingTurns(patients, { pageSize: 2, writeBatch: 100 });
    expect(mailed).toBe(5);
    expect(atTurn[0]).toBe(0);
    expect(atTurn.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...steps([...atTurn, mailed]))).toBeLessThanOrEqual(2);
  });

  it("records a page's reminders in batches with a turn between them", async () => {
    const patients = await freshPatients(4);
    const { atTurn, mailed } = await runNotingTurns(patients, { pageSize: 100, writeBatch: 1 });
    expect(mailed).toBe(4);
    expect(Math.max(...steps([...atTurn, mailed]))).toBe(1);
  });
});
