import { expect } from 'vitest';
import { call } from '../../../testing/test-app.js';
import { newId } from '../../../platform/ids.js';
import { uuid, type MessagingFixture } from '../../messaging/messaging.test-kit.js';
import { planContentSchema } from '../../../../shared/treatment-plans/schemas.js';

// The care records of the export test's patient beyond scores and prescriptions (issue 16): two agreed plan
// versions and a draft, an allergy, an attended session, three logged doses, a conversation with the patient
// and a message in the care team's own thread. Rows the API has no route to write are inserted as the
// FHIR care-records test does.

export const DRAFT_GOAL = 'DRAFT-GOAL-exported-never-5c1e';
export const TEAM_ONLY = 'TEAM-ONLY-exported-never-9b2d';
const DAY = 86_400_000;

const content = (goal: string, problem: string) =>
  JSON.stringify(
    planContentSchema.parse({
      problems: [{ id: 'p1', description: problem, icd10: 'F32.1' }],
      goals: [{ id: 'g_1', inPatientsWords: goal, measurableTarget: 'PHQ-9 below 5' }],
      therapy: { modality: 'CBT', frequency: 'weekly' },
      medication: { strategy: 'Sertraline to 100 mg' },
    }),
  );

export interface SeededCareRecords {
  versions: { superseded: string; agreed: string; draft: string };
  allergy: string;
  attended: string;
  doses: string[];
  teamMessage: string;
  patientMessages: string[];
}

/** Seeds `patientId`'s records (its prescription `medicationId` gets the dose log). */
export async function seedCareRecords(
  f: MessagingFixture,
  patientId: string,
  medicationId: string,
): Promise<SeededCareRecords> {
  const db = f.t.deps.database.db;
  const clinic = f.therapist.clinicId;
  const now = f.t.clock.now();
  const planId = newId();
  const seeded: SeededCareRecords = {
    versions: { superseded: newId(), agreed: newId(), draft: newId() },
    allergy: newId(),
    attended: newId(),
    doses: [],
    teamMessage: uuid(),
    patientMessages: [uuid(), uuid()],
  };
  await db
    .insertInto('treatment_plans')
    .values({
      id: planId,
      clinic_id: clinic,
      patient_id: patientId,
      created_by: f.therapist.id,
      created_at: now,
    })
    .execute();
  const version = (id: string, number: number, status: string, text: string, agreedAt: number | null) => ({
    id,
    clinic_id: clinic,
    plan_id: planId,
    patient_id: patientId,
    number,
    status,
    version: 2,
    content: content(text, `${text}: depressive episode`),
    reason: null,
    template_id: null,
    based_on_number: null,
    created_by: f.therapist.id,
    created_at: now,
    updated_by: f.therapist.id,
    updated_at: now,
    submitted_at: agreedAt,
    agreed_at: agreedAt,
    review_date: null,
    review_cycle: 0,
    acknowledged_at: null,
    acknowledged_by: null,
  });
  await db
    .insertInto('treatment_plan_versions')
    .values([
      version(seeded.versions.superseded, 1, 'superseded', 'Sleep better', now - 60 * DAY),
      version(seeded.versions.agreed, 2, 'agreed', 'Back at work', now - 10 * DAY),
      version(seeded.versions.draft, 3, 'draft', DRAFT_GOAL, null),
    ])
    .execute();
  await db
    .insertInto('medication_safety_entries')
    .values({
      id: seeded.allergy,
      clinic_id: clinic,
      patient_id: patientId,
      kind: 'allergy',
      name: 'Penicillin',
      reaction: 'Hives',
      severity: 'moderate',
      dose_text: null,
      notes: null,
      status: 'confirmed',
      entered_by: f.prescriber.id,
      entered_by_role: 'prescriber',
      entered_at: now,
      reviewed_by: f.prescriber.id,
      reviewed_at: now,
      rejection_reason: null,
      removed_by: null,
      removed_at: null,
      version: 1,
      updated_at: now,
    })
    .execute();
  const startsAt = now - 7 * DAY;
  await db
    .insertInto('appointments')
    .values({
      id: seeded.attended,
      clinic_id: clinic,
      patient_id: patientId,
      series_id: null,
      type: 'therapy_session',
      clinician_id: f.therapist.id,
      mode: 'video',
      local_day: new Date(startsAt).toISOString().slice(0, 10),
      local_time: '10:00',
      time_zone: 'UTC',
      starts_at: startsAt,
      ends_at: startsAt + 50 * 60_000,
      duration_minutes: 50,
      location: null,
      status: 'attended',
      cancelled_by: null,
      cancelled_late: null,
      cancel_reason: null,
      status_set_by: f.therapist.id,
      status_set_at: now,
      created_by: f.therapist.id,
      created_at: now,
      updated_at: now,
      version: 2,
    })
    .execute();
  for (let i = 0; i < 3; i++) {
    const id = newId();
    seeded.doses.push(id);
    const at = now - (3 - i) * DAY;
    await db
      .insertInto('dose_logs')
      .values({
        id,
        clinic_id: clinic,
        patient_id: patientId,
        medication_id: medicationId,
        dose_key: `${medicationId}:2026-11-1${String(i)}:08:00`,
        status: i === 1 ? 'skipped' : 'taken',
        skip_reason: i === 1 ? 'Felt sick' : null,
        note: null,
        taken_at: i === 1 ? null : at,
        scheduled_for: at,
        local_date: `2026-11-1${String(i)}`,
        dose_amount: 25,
        dose_unit: 'mg',
        as_needed: 0,
        late_entry: 0,
        logged_by: f.patient.user.id,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
  }
  // Messages through the API: the care team's own thread about the patient, and a conversation with the patient.
  const base = `/api/patients/${patientId}/conversations`;
  const list = await call(f.t.app, f.as.therapist, 'GET', base);
  const team = list
    .json<{ conversations: { id: string; kind: string }[] }>()
    .conversations.find((c) => c.kind === 'team');
  const teamPost = await call(f.t.app, f.as.therapist, 'POST', `${base}/${team?.id ?? ''}/messages`, {
    id: seeded.teamMessage,
    body: TEAM_ONLY,
  });
  expect(teamPost.statusCode).toBe(201);
  const conversationId = uuid();
  const started = await call(f.t.app, f.as.patient, 'POST', base, {
    id: conversationId,
    subject: 'Dizziness',
    firstMessage: { id: seeded.patientMessages[0], body: 'I feel dizzy in the mornings.' },
  });
  expect(started.statusCode).toBe(201);
  const reply = await call(f.t.app, f.as.prescriber, 'POST', `${base}/${conversationId}/messages`, {
    id: seeded.patientMessages[1],
    body: 'Take it with breakfast for a week.',
  });
  expect(reply.statusCode).toBe(201);
  return seeded;
}
