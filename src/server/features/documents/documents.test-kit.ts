import { randomUUID } from 'node:crypto';
import { call, TEST_NOW } from '../../testing/test-app.js';
import { adherenceFixture, DAY } from '../adherence/adherence.test-kit.js';

/** Text that must never reach a document: a psychotherapy note, the team's thread, therapist-only practice. */
export const NEVER = {
  note: 'PRIVATE PROCESS NOTE',
  teamThread: 'TEAM THREAD ONLY',
  therapistCard: 'THERAPIST ONLY CARD',
};

const at = (daysAgo: number) => TEST_NOW - daysAgo * DAY;

/**
 * A patient with every part of a record the documents print (TEST_NOW is Monday 2 November 2026, UTC):
 * sertraline with a dose change, an allergy, PHQ-9 18 -> 9 -> 4 and GAD-7, diary cards (one shared with the
 * team, one with the therapist only), an agreed and signed plan, appointments, messages with the patient
 * and in the team thread, and a psychotherapy note.
 */
export async function documentsFixture() {
  const f = await adherenceFixture();
  f.t.clock.set(at(60));
  const p = await f.patient('Documents');
  f.t.clock.set(TEST_NOW);
  const db = f.t.deps.database.db;
  const c = f.clinic;
  const patientUser = (
    await db.selectFrom('patients').select('user_id').where('id', '=', p).executeTakeFirstOrThrow()
  ).user_id;

  await f.score(p, 'phq9', 18, at(50));
  await f.score(p, 'gad7', 14, at(50) + 60_000);
  await f.score(p, 'phq9', 9, at(20));
  await f.score(p, 'phq9', 4, at(3));
  await f.score(p, 'gad7', 6, at(3) + 60_000);
  const med = await f.medication(p, { name: 'Sertraline', startDate: f.daysAgo(40), times: ['08:00'] });
  await db
    .insertInto('medication_changes')
    .values({
      id: randomUUID(),
      clinic_id: c,
      patient_id: p,
      medication_id: med.medicationId,
      kind: 'dose_changed',
      summary: 'Dose 50 mg to 100 mg',
      reason: 'Partial response at week 4',
      effective_on: f.daysAgo(12),
      changed_by: f.users.prescriber.id,
      changed_at: at(12),
      side_effect_report_id: null,
    })
    .execute();
  await db
    .insertInto('medication_safety_entries')
    .values({
      id: randomUUID(),
      clinic_id: c,
      patient_id: p,
      kind: 'allergy',
      name: 'Penicillin',
      reaction: 'Hives',
      severity: 'moderate',
      dose_text: null,
      notes: null,
      status: 'confirmed',
      entered_by: f.users.prescriber.id,
      entered_by_role: 'prescriber',
      entered_at: at(40),
      reviewed_by: f.users.prescriber.id,
      reviewed_at: at(40),
      rejection_reason: null,
      removed_by: null,
      removed_at: null,
      version: 1,
      updated_at: at(40),
    })
    .execute();

  const assignment = randomUUID();
  await db
    .insertInto('practice_assignments')
    .values({
      id: assignment,
      clinic_id: c,
      patient_id: p,
      type: 'diary_card',
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
  const card = (sharing: string, daysAgo: number, note: string, skill: string) => ({
    id: randomUUID(),
    clinic_id: c,
    patient_id: p,
    assignment_id: assignment,
    type: 'diary_card',
    sharing,
    status: 'done',
    content: JSON.stringify({
      emotions: [{ name: 'Sadness', rating: 3 }],
      urges: [{ behaviour: 'Self-harm', urge: 1, actedOn: false }],
      skills: [skill],
      distress: 6,
      note,
      notSafe: false,
    }),
    day: f.daysAgo(daysAgo),
    started_at: at(daysAgo),
    updated_at: at(daysAgo),
    completed_at: at(daysAgo),
    version: 1,
  });
  // Wednesday 28 and Thursday 29 October: the week of Monday 26 October.
  await db
    .insertInto('practice_entries')
    .values([
      card('team', 5, 'Hard day at work', 'Opposite action'),
      card('therapist', 4, NEVER.therapistCard, 'Radical acceptance'),
    ])
    .execute();

  await f.agreedPlanAskingPhq9Every(p, 4, at(35));
  const version = await db
    .selectFrom('treatment_plan_versions')
    .select('id')
    .where('patient_id', '=', p)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('treatment_plan_signatures')
    .values([
      {
        id: randomUUID(),
        clinic_id: c,
        version_id: version.id,
        user_id: f.users.therapist.id,
        role: 'therapist',
        signed_version: 1,
        signed_at: at(36),
        invalidated_at: null,
      },
      {
        id: randomUUID(),
        clinic_id: c,
        version_id: version.id,
        user_id: f.users.prescriber.id,
        role: 'prescriber',
        signed_version: 1,
        signed_at: at(35),
        invalidated_at: null,
      },
    ])
    .execute();
  await db
    .updateTable('treatment_plan_versions')
    .set({ acknowledged_at: at(34), acknowledged_by: patientUser })
    .where('id', '=', version.id)
    .execute();

  const conversation = (kind: string, subject: string) => ({
    id: randomUUID(),
    clinic_id: c,
    patient_id: p,
    kind,
    team_key: kind === 'team' ? p : null,
    subject,
    started_by: f.users.therapist.id,
    created_at: at(9),
    last_message_at: at(9),
    awaiting_message_id: null,
    awaiting_since: null,
    unanswered_emitted_for: null,
  });
  const withPatient = conversation('patient', 'Sleep');
  const team = conversation('team', 'Team');
  await db.insertInto('conversations').values([withPatient, team]).execute();
  const message = (conversationId: string, author: string, body: string, n: number) => ({
    id: randomUUID(),
    clinic_id: c,
    patient_id: p,
    conversation_id: conversationId,
    author_id: author,
    body,
    mentions: '[]',
    created_at: at(9) + n,
    sort_key: `0000000${String(n)}`,
  });
  await db
    .insertInto('messages')
    .values([
      message(withPatient.id, patientUser, 'I sleep better since the change', 1),
      message(withPatient.id, f.users.therapist.id, 'Good to hear, keep the diary going', 2),
      message(team.id, f.users.therapist.id, NEVER.teamThread, 3),
    ])
    .execute();

  const s = await f.sessions();
  const note = await call(f.t.app, s.therapist, 'POST', `/api/patients/${p}/psychotherapy-notes`, {
    id: randomUUID(),
    sessionDate: f.daysAgo(7),
    text: NEVER.note,
  });
  if (note.statusCode !== 201) throw new Error(`psychotherapy note: ${note.body}`);
  // The therapist opened the record once: the access report has a line to print.
  await call(f.t.app, s.therapist, 'GET', `/api/patients/${p}`);
  return { ...f, p, patientUser, s };
}
export type DocumentsFixture = Awaited<ReturnType<typeof documentsFixture>>;
