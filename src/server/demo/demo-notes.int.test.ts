import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type TestContext } from '../testing/test-app.js';
import { DEMO_PASSWORD, seedDemoClinic } from './seed-demo.js';
import type { ProgressNote, PsychotherapyNote, TeamSummaries } from '../../shared/notes/schemas.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  // The demo seed is set-up, under the hook's 60 s limit rather than a test's 20 s (slow under load).
  expect(await seedDemoClinic(t.deps)).toBe(true);
});
afterAll(() => t.close());

describe('demo clinic notes', () => {
  it('has signed notes on attended sessions, an addendum, a private note and both summaries', async () => {
    const sam = await t.deps.database.db
      .selectFrom('patients')
      .select('id')
      .where('given_name', '=', 'Sam')
      .executeTakeFirstOrThrow();
    const base = `/api/patients/${sam.id}`;

    const therapist = await signIn(t.app, 'therapist@demo.duet.test', DEMO_PASSWORD);
    const notes = (await call(t.app, therapist, 'GET', `${base}/progress-notes`)).json<{
      notes: ProgressNote[];
    }>().notes;
    expect(notes.filter((n) => n.status === 'signed')).toHaveLength(3);
    expect(notes.filter((n) => n.status === 'draft')).toHaveLength(1);
    expect(notes.every((n) => n.appointmentId !== null)).toBe(true);
    expect(notes.flatMap((n) => n.addenda)).toHaveLength(1);
    // Each note sits on an attended therapy session on its day.
    const sessions = await t.deps.database.db
      .selectFrom('appointments')
      .select(['id', 'local_day', 'status'])
      .where('patient_id', '=', sam.id)
      .execute();
    for (const n of notes) {
      const s = sessions.find((x) => x.id === n.appointmentId);
      expect(s).toMatchObject({ local_day: n.sessionDate, status: 'attended' });
    }
    const mine = await call(t.app, therapist, 'GET', `${base}/psychotherapy-notes`);
    expect(mine.json<{ notes: PsychotherapyNote[] }>().notes).toHaveLength(1);

    const prescriber = await signIn(t.app, 'prescriber@demo.duet.test', DEMO_PASSWORD);
    const summaries = (await call(t.app, prescriber, 'GET', `${base}/team-summaries`)).json<TeamSummaries>();
    expect(summaries.therapy?.version).toBe(2);
    expect(summaries.medication?.text).toContain('Bupropion');
    const theirs = await call(t.app, prescriber, 'GET', `${base}/psychotherapy-notes`);
    expect(theirs.json()).toEqual({ notes: [], hasMore: false });

    const patient = await signIn(t.app, 'patient@demo.duet.test', DEMO_PASSWORD);
    const visible = (await call(t.app, patient, 'GET', `${base}/progress-notes`)).json<{
      notes: ProgressNote[];
    }>().notes;
    expect(visible).toHaveLength(3);
    expect(visible.every((n) => n.status === 'signed')).toBe(true);
  });
});
