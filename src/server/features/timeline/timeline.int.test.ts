import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { call, TEST_NOW } from '../../testing/test-app.js';
import { progressSchema, timelineSchema } from '../../../shared/timeline/schemas.js';
import { adherenceFixture, DAY, type AdherenceFixture } from '../adherence/adherence.test-kit.js';

// TEST_NOW is Monday 2 November 2026, 15:00 UTC; the patient lives in UTC.
let f: AdherenceFixture;
let p: string;
const ids = {
  teamEntry: randomUUID(),
  therapistEntry: randomUUID(),
  draftEntry: randomUUID(),
  note: randomUUID(),
  attended: randomUUID(),
  noShow: randomUUID(),
  old: randomUUID(),
  report: randomUUID(),
  feedback: randomUUID(),
};
const at = (daysAgo: number) => TEST_NOW - daysAgo * DAY;

async function seed() {
  const db = f.t.deps.database.db;
  const c = f.clinic;
  await f.score(p, 'phq9', 18, at(50));
  await f.score(p, 'phq9', 9, at(3));
  await f.score(p, 'gad7', 12, at(50) + 60_000);
  await db
    .updateTable('questionnaire_responses')
    .set({ item9: 1 })
    .where('answered_at', '=', at(3))
    .execute();
  const med = await f.medication(p, { name: 'Sertraline', startDate: f.daysAgo(40) });
  // Missed on two days in a row 20 and 19 days ago (one daily dose each).
  await f.logDoses(p, med, f.daysAgo(40), f.daysAgo(1), (day) =>
    day === f.daysAgo(20) || day === f.daysAgo(19) ? 'none' : false,
  );
  await db
    .insertInto('medication_changes')
    .values({
      id: randomUUID(),
      clinic_id: c,
      patient_id: p,
      medication_id: med.medicationId,
      kind: 'dose_changed',
      summary: 'Dose 50 mg → 100 mg',
      reason: 'Partial response at week 4',
      effective_on: f.daysAgo(12),
      changed_by: f.users.prescriber.id,
      changed_at: at(12),
      side_effect_report_id: null,
    })
    .execute();
  const appointment = (id: string, daysAgo: number, status: string) => ({
    id,
    clinic_id: c,
    patient_id: p,
    series_id: null,
    type: 'therapy_session',
    clinician_id: f.users.therapist.id,
    mode: 'video',
    local_day: f.daysAgo(daysAgo),
    local_time: '10:00',
    time_zone: 'UTC',
    starts_at: at(daysAgo),
    ends_at: at(daysAgo) + 3_000_000,
    duration_minutes: 50,
    location: null,
    status,
    cancelled_by: null,
    cancelled_late: null,
    cancel_reason: null,
    status_set_by: null,
    status_set_at: null,
    created_by: f.users.therapist.id,
    created_at: at(60),
    updated_at: at(60),
    version: 1,
  });
  await db
    .insertInto('appointments')
    .values([
      appointment(ids.attended, 7, 'attended'),
      appointment(ids.noShow, 14, 'no_show'),
      appointment(ids.old, 45, 'attended'),
    ])
    .execute();
  await db
    .insertInto('side_effect_reports')
    .values({
      id: ids.report,
      clinic_id: c,
      patient_id: p,
      medication_id: med.medicationId,
      medication_name: 'Sertraline',
      guide_key: null,
      dose_amount: 50,
      dose_unit: 'mg',
      symptoms: '["nausea"]',
      urgent_symptoms: '[]',
      other_text: '',
      severity: 'moderate',
      interference: 2,
      wants_to_stop: 0,
      urgent: 0,
      reported_by: f.users.therapist.id,
      reported_at: at(10),
      reported_day: f.daysAgo(10),
      state: 'open',
      answered_at: null,
      version: 1,
    })
    .execute();
  const assignment = randomUUID();
  await db
    .insertInto('practice_assignments')
    .values({
      id: assignment,
      clinic_id: c,
      patient_id: p,
      type: 'thought_record',
      library_version: '1',
      instructions: '',
      frequency: '{"kind":"daily"}',
      start_day: f.daysAgo(30),
      due_day: f.daysAgo(1),
      ipt_problem_area: null,
      status: 'active',
      ended_at: null,
      ended_by: null,
      ended_day: null,
      assigned_by: f.users.therapist.id,
      created_at: at(30),
      updated_at: at(30),
      version: 1,
    })
    .execute();
  const entry = (id: string, sharing: string, status: string, daysAgo: number) => ({
    id,
    clinic_id: c,
    patient_id: p,
    assignment_id: assignment,
    type: 'thought_record',
    sharing,
    status,
    content: '{}',
    day: f.daysAgo(daysAgo),
    started_at: at(daysAgo),
    updated_at: at(daysAgo),
    completed_at: status === 'done' ? at(daysAgo) : null,
    version: 1,
  });
  await db
    .insertInto('practice_entries')
    .values([
      entry(ids.teamEntry, 'team', 'done', 25),
      entry(ids.therapistEntry, 'therapist', 'done', 20),
      entry(ids.draftEntry, 'team', 'draft', 2),
    ])
    .execute();
  await db
    .insertInto('session_feedback')
    .values({
      id: ids.feedback,
      clinic_id: c,
      patient_id: p,
      appointment_id: ids.attended,
      session_at: at(7),
      session_day: f.daysAgo(7),
      helped: '',
      not_helped: '',
      goals_rating: 8,
      heard_rating: 9,
      change_request: '',
      low: 0,
      submitted_by: f.users.therapist.id,
      created_at: at(7),
    })
    .execute();
  await f.agreedPlanAskingPhq9Every(p, 4, at(35));
  // Written through the notes route: only the notes repository names that table.
  const s = await f.sessions();
  const note = await call(f.t.app, s.therapist, 'POST', `/api/patients/${p}/psychotherapy-notes`, {
    id: ids.note,
    sessionDate: f.daysAgo(7),
    text: 'PRIVATE PROCESS NOTE',
  });
  if (note.statusCode !== 201) throw new Error(`psychotherapy note: ${note.body}`);
}

beforeAll(async () => {
  f = await adherenceFixture();
  // Enrolled 30 days ago with history from before (as the demo clinic and imported records have it).
  f.t.clock.set(at(30));
  p = await f.patient('Timeline');
  f.t.clock.set(TEST_NOW);
  await seed();
});
afterAll(() => f.t.close());

describe('GET /api/patients/:patientId/timeline', () => {
  it('gives the therapist every kind of event from the first (before enrolment too), therapist-only practice included; audited', async () => {
    const s = await f.sessions();
    const res = await call(f.t.app, s.therapist, 'GET', `/api/patients/${p}/timeline`);
    expect(res.statusCode).toBe(200);
    const body = timelineSchema.parse(res.json());
    expect(body.from).toBe(f.daysAgo(50)); // the first score, before the patient was enrolled here
    expect(body.to).toBe('2026-11-02');
    expect(body.baselines).toEqual({ phq9: 18, gad7: 12 });
    expect(body.scores.map((x) => `${x.instrument}:${String(x.total)}:${String(x.item9)}`)).toEqual([
      'phq9:18:null',
      'gad7:12:null',
      'phq9:9:1',
    ]);
    const [sertraline] = body.medications;
    expect(sertraline?.name).toBe('Sertraline');
    expect(sertraline?.periods).toEqual([
      { from: f.daysAgo(40), to: null, doseAmount: 50, doseUnit: 'mg', paused: false },
    ]);
    expect(sertraline?.changes).toEqual([
      expect.objectContaining({
        kind: 'dose_changed',
        reason: 'Partial response at week 4',
        day: f.daysAgo(12),
      }),
    ]);
    expect(sertraline?.missedStretches).toEqual([{ from: f.daysAgo(20), to: f.daysAgo(19), doses: 2 }]);
    const weeks = sertraline?.weeks ?? [];
    expect(weeks.reduce((n, w) => n + w.scheduled, 0)).toBe(40); // 40 days ago … yesterday; today still open
    expect(weeks.reduce((n, w) => n + w.taken, 0)).toBe(38);
    expect(body.sessions.map((x) => `${x.id}:${x.status}`)).toEqual([
      `${ids.old}:attended`,
      `${ids.noShow}:no_show`,
      `${ids.attended}:attended`,
    ]);
    expect(body.sideEffects).toEqual([
      {
        id: ids.report,
        day: f.daysAgo(10),
        severity: 'moderate',
        medicationName: 'Sertraline',
        symptoms: ['nausea'],
      },
    ]);
    expect(body.practice.map((x) => x.id)).toEqual([ids.teamEntry, ids.therapistEntry]);
    expect(body.sessionRatings).toEqual([
      { id: ids.feedback, appointmentId: ids.attended, day: f.daysAgo(7), goalsRating: 8, heardRating: 9 },
    ]);
    expect(body.plan).toEqual([
      expect.objectContaining({ kind: 'version', day: f.daysAgo(35), label: 'Version 1 (agreed)' }),
    ]);
    // Psychotherapy notes never appear, not even to their author.
    expect(res.body).not.toContain(ids.note);
    expect(res.body).not.toContain('PRIVATE PROCESS NOTE');

    const audit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['actor_role', 'outcome'])
      .where('patient_id', '=', p)
      .where('action', '=', 'timeline.read')
      .execute();
    expect(audit).toEqual([{ actor_role: 'therapist', outcome: 'allowed' }]);
  });

  it('hides therapist-only practice from the prescriber and the care manager', async () => {
    const s = await f.sessions();
    for (const who of [s.prescriber, s.careManager]) {
      const res = await call(f.t.app, who, 'GET', `/api/patients/${p}/timeline`);
      expect(res.statusCode).toBe(200);
      const body = timelineSchema.parse(res.json());
      expect(body.practice.map((x) => x.id)).toEqual([ids.teamEntry]);
      expect(res.body).not.toContain(ids.therapistEntry);
    }
  });

  it('keeps to the window asked for', async () => {
    const s = await f.sessions();
    const q = `from=${f.daysAgo(14)}&to=${f.daysAgo(7)}`;
    const res = await call(f.t.app, s.prescriber, 'GET', `/api/patients/${p}/timeline?${q}`);
    const body = timelineSchema.parse(res.json());
    expect(body.from).toBe(f.daysAgo(14));
    expect(body.to).toBe(f.daysAgo(7));
    expect(body.scores).toEqual([]);
    expect(body.sessions.map((x) => x.id)).toEqual([ids.noShow, ids.attended]);
    expect(body.medications[0]?.changes.map((x) => x.day)).toEqual([f.daysAgo(12)]);
    expect(body.sideEffects.map((x) => x.id)).toEqual([ids.report]);
    expect(body.plan).toEqual([]);
    const weeks = body.medications[0]?.weeks ?? [];
    expect(weeks.reduce((n, w) => n + w.scheduled, 0)).toBe(8);
  });

  it('refuses a window that ends before it starts at its field, and answers 404 off the team', async () => {
    const s = await f.sessions();
    const bad = await call(
      f.t.app,
      s.therapist,
      'GET',
      `/api/patients/${p}/timeline?from=2026-11-02&to=2026-10-01`,
    );
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('from');
    // Only a start after today: the window would end before it starts; refused, never turned round.
    const late = await call(f.t.app, s.therapist, 'GET', `/api/patients/${p}/timeline?from=2026-12-01`);
    expect(late.statusCode).toBe(400);
    expect(late.json()).toMatchObject({ error: { details: [{ path: 'query.from' }] } });
    const off = await call(f.t.app, s.outsider, 'GET', `/api/patients/${p}/timeline`);
    expect(off.statusCode).toBe(404);
    const me = await f.signInPatient(p);
    expect((await call(f.t.app, me, 'GET', `/api/patients/${p}/timeline`)).statusCode).toBe(404);
  });
});

describe('GET /api/me/progress', () => {
  it('gives the patient their scores, medicines and practice in plain words, no clinician-only data', async () => {
    const me = await f.signInPatient(p);
    const res = await call(f.t.app, me, 'GET', '/api/me/progress');
    expect(res.statusCode).toBe(200);
    const body = progressSchema.parse(res.json());
    expect(body.sentences).toEqual([
      'Your PHQ-9 has fallen from 18 to 9 since you started sertraline and thought records.',
      'Your first GAD-7 score was 12, on 13 September 2026.',
    ]);
    expect(body.medications.map((m) => m.name)).toEqual(['Sertraline']);
    expect(body.practice.map((x) => x.id)).toEqual([ids.teamEntry, ids.therapistEntry]);
    expect(res.body).not.toContain('item9');
    expect(res.body).not.toContain('Partial response at week 4');
    expect(res.body).not.toContain(ids.note);
    const audit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['actor_role', 'outcome'])
      .where('patient_id', '=', p)
      .where('action', '=', 'progress.read')
      .execute();
    expect(audit).toEqual([{ actor_role: 'patient', outcome: 'allowed' }]);
    const s = await f.sessions();
    expect((await call(f.t.app, s.therapist, 'GET', '/api/me/progress')).statusCode).toBe(403);
  });
});

describe('the baseline the response line is read from', () => {
  it('is the answer a clinician chose as baseline, when there is one', async () => {
    const db = f.t.deps.database.db;
    const gad = await db
      .selectFrom('questionnaire_responses')
      .select('id')
      .where('patient_id', '=', p)
      .where('instrument', '=', 'gad7')
      .executeTakeFirstOrThrow();
    const later = randomUUID();
    await db
      .insertInto('questionnaire_responses')
      .values({
        id: later,
        clinic_id: f.clinic,
        patient_id: p,
        instrument: 'gad7',
        instrument_version: '1',
        answers: '{"items":[],"functional":null}',
        total: 15,
        severity: null,
        item9: null,
        source: 'patient',
        answered_at: at(40),
        answered_day: f.daysAgo(40),
        entered_by: f.users.therapist.id,
        created_at: at(40),
      })
      .execute();
    const s = await f.sessions();
    const before = timelineSchema.parse(
      (await call(f.t.app, s.therapist, 'GET', `/api/patients/${p}/timeline`)).json(),
    );
    expect(before.baselines.gad7).toBe(12);
    await db
      .insertInto('measure_baselines')
      .values({
        clinic_id: f.clinic,
        patient_id: p,
        instrument: 'gad7',
        response_id: later,
        chosen_by: f.users.therapist.id,
        chosen_at: TEST_NOW,
        version: 1,
      })
      .execute();
    const after = timelineSchema.parse(
      (await call(f.t.app, s.therapist, 'GET', `/api/patients/${p}/timeline`)).json(),
    );
    expect(after.baselines).toEqual({ phq9: 18, gad7: 15 });
    expect(gad.id).not.toBe(later);
  });
});
