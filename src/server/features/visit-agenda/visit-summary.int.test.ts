import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { call, TEST_NOW } from '../../testing/test-app.js';
import { pdfPages } from '../../platform/pdf/pdf-text.test-kit.js';
import { visitSummarySchema } from '../../../shared/visit-agenda/visit-summary-schema.js';
import { adherenceFixture, DAY, type AdherenceFixture } from '../adherence/adherence.test-kit.js';

// TEST_NOW is Monday 2 November 2026, 15:00 UTC; the patient lives in UTC. The prescriber's medication review
// tomorrow; the last attended review 30 days ago: the summary covers those 30 days.
let f: AdherenceFixture;
let p: string;
let s: Awaited<ReturnType<AdherenceFixture['sessions']>>;
const at = (daysAgo: number) => TEST_NOW - daysAgo * DAY;
const ids = {
  review: randomUUID(),
  lastReview: randomUUID(),
  olderReview: randomUUID(),
  session: randomUUID(),
  report: randomUUID(),
  teamEntry: randomUUID(),
  privateEntry: randomUUID(),
  item: randomUUID(),
  therapistItem: randomUUID(),
};

async function seed() {
  const db = f.t.deps.database.db;
  const c = f.clinic;
  await f.score(p, 'phq9', 20, at(40));
  await f.score(p, 'phq9', 18, at(25));
  await f.score(p, 'phq9', 9, at(2));
  const med = await f.medication(p, { name: 'Bupropion', startDate: f.daysAgo(60) });
  await f.logDoses(p, med, f.daysAgo(30), f.daysAgo(1), (day) => (day === f.daysAgo(10) ? 'none' : false));
  await db
    .insertInto('medication_changes')
    .values({
      id: randomUUID(),
      clinic_id: c,
      patient_id: p,
      medication_id: med.medicationId,
      kind: 'dose_changed',
      summary: 'Dose 150 mg → 300 mg',
      reason: 'Partial response at week 6',
      effective_on: f.daysAgo(20),
      changed_by: f.users.prescriber.id,
      changed_at: at(20),
      side_effect_report_id: null,
    })
    .execute();
  const appointment = (id: string, type: string, clinician: string, daysAgo: number, status: string) => ({
    id,
    clinic_id: c,
    patient_id: p,
    series_id: null,
    type,
    clinician_id: clinician,
    mode: 'video',
    local_day: f.daysAgo(daysAgo),
    local_time: '10:00',
    time_zone: 'UTC',
    starts_at: at(daysAgo) - 5 * 3_600_000,
    ends_at: at(daysAgo) - 4 * 3_600_000,
    duration_minutes: 30,
    location: null,
    status,
    cancelled_by: null,
    cancelled_late: null,
    cancel_reason: null,
    status_set_by: null,
    status_set_at: null,
    created_by: clinician,
    created_at: at(90),
    updated_at: at(90),
    version: 1,
  });
  const prescriber = f.users.prescriber.id;
  await db
    .insertInto('appointments')
    .values([
      appointment(ids.review, 'medication_review', prescriber, -1, 'scheduled'),
      appointment(ids.lastReview, 'medication_review', prescriber, 30, 'attended'),
      appointment(ids.olderReview, 'medication_review', prescriber, 58, 'attended'),
      appointment(ids.session, 'therapy_session', f.users.therapist.id, 7, 'attended'),
    ])
    .execute();
  await db
    .insertInto('side_effect_reports')
    .values({
      id: ids.report,
      clinic_id: c,
      patient_id: p,
      medication_id: med.medicationId,
      medication_name: 'Bupropion',
      guide_key: null,
      dose_amount: 300,
      dose_unit: 'mg',
      symptoms: '["insomnia"]',
      urgent_symptoms: '[]',
      other_text: '',
      severity: 'moderate',
      interference: 2,
      wants_to_stop: 0,
      urgent: 0,
      reported_by: f.users.therapist.id,
      reported_at: at(15),
      reported_day: f.daysAgo(15),
      state: 'answered',
      answered_at: at(14),
      version: 2,
    })
    .execute();
  await db
    .insertInto('side_effect_answers')
    .values({
      id: randomUUID(),
      clinic_id: c,
      patient_id: p,
      report_id: ids.report,
      kind: 'advice',
      note: 'Take it in the morning',
      conversation_id: null,
      medication_change_id: null,
      answered_by: prescriber,
      answered_at: at(14),
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
  const entry = (id: string, sharing: string, daysAgo: number) => ({
    id,
    clinic_id: c,
    patient_id: p,
    assignment_id: assignment,
    type: 'thought_record',
    sharing,
    status: 'done',
    content: '{}',
    day: f.daysAgo(daysAgo),
    started_at: at(daysAgo),
    updated_at: at(daysAgo),
    completed_at: at(daysAgo),
    version: 1,
  });
  await db
    .insertInto('practice_entries')
    .values([entry(ids.teamEntry, 'team', 12), entry(ids.privateEntry, 'therapist', 11)])
    .execute();
  await db
    .insertInto('alerts')
    .values({
      id: randomUUID(),
      clinic_id: c,
      patient_id: p,
      type: 'side_effect',
      severity: 'routine',
      title: 'Side effect reported: insomnia',
      details: '{}',
      subject_id: ids.report,
      source_event_id: randomUUID(),
      idempotency_key: randomUUID(),
      state: 'open',
      created_at: at(15),
      acknowledged_at: null,
      acknowledged_by: null,
      resolved_at: null,
      resolved_by: null,
      resolution_note: null,
      escalated_at: null,
      version: 1,
    })
    .execute();
  const note = await call(f.t.app, s.therapist, 'POST', `/api/patients/${p}/psychotherapy-notes`, {
    id: randomUUID(),
    sessionDate: f.daysAgo(7),
    text: 'PRIVATE PROCESS NOTE',
  });
  if (note.statusCode !== 201) throw new Error(`psychotherapy note: ${note.body}`);
  const me = await f.signInPatient(p);
  for (const [id, addressedTo, text] of [
    [ids.item, 'prescriber', 'Can I take it with coffee?'],
    [ids.therapistItem, 'therapist', 'THERAPIST ONLY TOPIC'],
  ] as const) {
    const res = await call(f.t.app, me, 'POST', `/api/patients/${p}/agenda-items`, { id, addressedTo, text });
    if (res.statusCode !== 201) throw new Error(`agenda: ${res.body}`);
  }
}

beforeAll(async () => {
  f = await adherenceFixture();
  f.t.clock.set(at(70));
  p = await f.patient('Summary');
  f.t.clock.set(TEST_NOW);
  s = await f.sessions();
  await seed();
});
afterAll(() => f.t.close());

const base = () => `/api/patients/${p}/appointments/${ids.review}/visit-summary`;

describe('the visit summary: since last visit, for the appointment’s clinician', () => {
  it('covers the time since the last attended visit with this clinician, with every part', async () => {
    const res = await call(f.t.app, s.prescriber, 'GET', base());
    expect(res.statusCode).toBe(200);
    const v = visitSummarySchema.parse(res.json());
    expect(v.since).toEqual({ day: f.daysAgo(30), basis: 'last_visit', appointmentId: ids.lastReview });
    expect(v.to).toBe(f.today());
    const phq9 = v.scores.find((x) => x.instrument === 'phq9');
    expect(phq9).toMatchObject({ first: { total: 18 }, last: { total: 9 }, change: -9, answers: 2 });
    const [bupropion] = v.medications;
    // 30 daily doses from 30 days ago to yesterday (today's not yet counted), one left unlogged.
    expect(bupropion?.adherence).toEqual({ taken: 29, scheduled: 30, percent: 96 });
    expect(bupropion?.changes.map((c) => c.summary)).toEqual(['Dose 150 mg → 300 mg']);
    expect(v.sideEffects[0]?.answers).toEqual([
      { day: f.daysAgo(14), kind: 'advice', note: 'Take it in the morning' },
    ]);
    // The prescriber sees team-shared practice only, never the therapist-only entry.
    expect(v.practice).toEqual([
      { type: 'thought_record', label: expect.any(String), done: 1, lastDay: f.daysAgo(12) },
    ]);
    expect(v.openAlerts.map((a) => a.title)).toEqual(['Side effect reported: insomnia']);
    expect(v.agenda.map((i) => i.text)).toEqual(['Can I take it with coffee?']);
    expect(v.otherClinician).toEqual({
      role: 'therapist',
      entries: [{ day: f.daysAgo(7), what: 'Therapy session attended' }],
    });
    expect(JSON.stringify(v)).not.toContain('PRIVATE PROCESS NOTE');
  });

  it('the therapist reading the same appointment sees therapist-only practice, not the prescriber’s items', async () => {
    const v = visitSummarySchema.parse((await call(f.t.app, s.therapist, 'GET', base())).json());
    expect(v.practice[0]?.done).toBe(2);
    expect(v.agenda.map((i) => i.text)).toEqual([]);
  });

  it('is the care team’s: the patient and an outsider get 404; an unknown appointment 404', async () => {
    const me = await f.signInPatient(p);
    expect((await call(f.t.app, me, 'GET', base())).statusCode).toBe(404);
    expect((await call(f.t.app, s.outsider, 'GET', base())).statusCode).toBe(404);
    const unknown = `/api/patients/${p}/appointments/${randomUUID()}/visit-summary`;
    expect((await call(f.t.app, s.prescriber, 'GET', unknown)).statusCode).toBe(404);
  });

  it('prints as a PDF with the summary’s text, the patient’s name and the confidential footer; audited', async () => {
    const res = await call(f.t.app, s.prescriber, 'GET', `${base()}.pdf?paper=A4`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('visit-summary-');
    const bytes = res.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfPages(bytes)).join(' ');
    expect(text).toContain('Visit summary');
    expect(text).toContain('Summary');
    expect(text).toContain('Confidential');
    expect(text).toContain('PHQ-9: 18');
    expect(text).toContain('Bupropion');
    expect(text).toContain('Can I take it with coffee?');
    expect(text).toContain('Take it in the morning');
    expect(text).not.toContain('PRIVATE PROCESS NOTE');
    expect(text).not.toContain('THERAPIST ONLY TOPIC');
    const events = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action'])
      .where('patient_id', '=', p)
      .where('action', 'like', 'visit_summary.%')
      .execute();
    expect(events.map((e) => e.action).sort()).toEqual([
      'visit_summary.pdf',
      'visit_summary.read',
      'visit_summary.read',
    ]);
  });
});
