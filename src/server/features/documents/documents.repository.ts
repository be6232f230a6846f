// The documents' reads. Like the timeline, the documents select from the tables of the features they print
// (medications, allergies, measures, practice, treatment plans, appointments, messaging, the audit trail) in
// one read-only repository: reading another feature's table is allowed (docs/architecture.md, "Boundaries");
// this file never writes one. Every query is scoped by clinic_id and patient_id. Psychotherapy notes are
// never read (their table is named only by the notes repository), nor the care team's own thread.
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export async function clinicName(db: Db, clinicId: string): Promise<string> {
  const row = await db.selectFrom('clinics').select('name').where('id', '=', clinicId).executeTakeFirst();
  return row?.name ?? 'Duet';
}

/** Every medication record of the patient (current and past), oldest first. */
export function medicationRows(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('medications')
    .select([
      'id',
      'name',
      'form',
      'route',
      'instructions',
      'start_date',
      'end_date',
      'status',
      'prescribed_by',
    ])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .orderBy('start_date')
    .orderBy('id')
    .execute();
}

/** The dose history: every change with its reason (record details edits left out). */
export function medicationChangeRows(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('medication_changes')
    .select(['id', 'medication_id', 'kind', 'summary', 'reason', 'effective_on', 'changed_by', 'changed_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('kind', '!=', 'details_changed')
    .orderBy('effective_on')
    .orderBy('changed_at')
    .execute();
}

/** Allergies the record holds now: confirmed ones and the patient's own not yet reviewed. */
export function allergyRows(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('medication_safety_entries')
    .select(['id', 'name', 'reaction', 'severity', 'status'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('kind', '=', 'allergy')
    .where('status', 'in', ['confirmed', 'pending'])
    .orderBy('entered_at')
    .orderBy('id')
    .execute();
}

export function scoreRows(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('questionnaire_responses')
    .select(['id', 'instrument', 'answered_day', 'answered_at', 'total', 'severity'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .orderBy('answered_at')
    .orderBy('id')
    .execute();
}

/** The chosen baseline answer of each instrument, when a clinician chose one (else the first counts). */
export function chosenBaselineRows(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('measure_baselines as b')
    .innerJoin('questionnaire_responses as r', (j) =>
      j.onRef('r.id', '=', 'b.response_id').onRef('r.clinic_id', '=', 'b.clinic_id'),
    )
    .select(['b.instrument', 'r.id as response_id'])
    .where('b.clinic_id', '=', clinicId)
    .where('b.patient_id', '=', patientId)
    .execute();
}

/**
 * Completed practice entries this reader's document may hold: 'therapist' (team-shared and therapist-only)
 * or 'team' (shared with the whole team only). Drafts never.
 */
export function practiceEntryRows(
  db: Db,
  clinicId: string,
  patientId: string,
  visibility: 'therapist' | 'team',
  days?: { from: string; to: string; type: string },
) {
  let q = db
    .selectFrom('practice_entries')
    .select(['id', 'type', 'day', 'sharing', 'content', 'completed_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('status', '=', 'done');
  if (visibility === 'team') q = q.where('sharing', '=', 'team');
  if (days) q = q.where('type', '=', days.type).where('day', '>=', days.from).where('day', '<=', days.to);
  return q.orderBy('day').orderBy('id').execute();
}

/** The plan version agreed most recently (the plan "as agreed"), with its content. */
export function agreedPlanRow(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('treatment_plan_versions')
    .select([
      'id',
      'number',
      'status',
      'content',
      'agreed_at',
      'review_date',
      'acknowledged_at',
      'acknowledged_by',
    ])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('agreed_at', 'is not', null)
    .orderBy('agreed_at', 'desc')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Signatures on one plan version that still stand, oldest first. */
export function signatureRows(db: Db, clinicId: string, versionId: string) {
  return db
    .selectFrom('treatment_plan_signatures')
    .select(['user_id', 'role', 'signed_at'])
    .where('clinic_id', '=', clinicId)
    .where('version_id', '=', versionId)
    .where('invalidated_at', 'is', null)
    .orderBy('signed_at')
    .execute();
}

export function appointmentRows(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('appointments')
    .select(['id', 'type', 'clinician_id', 'mode', 'local_day', 'local_time', 'duration_minutes', 'status'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

/** Messages of the patient's conversations with the team (kind 'patient'); the team's own thread never. */
export function patientMessageRows(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('messages as m')
    .innerJoin('conversations as c', (j) =>
      j.onRef('c.id', '=', 'm.conversation_id').onRef('c.clinic_id', '=', 'm.clinic_id'),
    )
    .select(['m.id', 'c.id as conversation_id', 'c.subject', 'm.author_id', 'm.body', 'm.created_at'])
    .where('m.clinic_id', '=', clinicId)
    .where('m.patient_id', '=', patientId)
    .where('c.patient_id', '=', patientId)
    .where('c.kind', '=', 'patient')
    .orderBy('c.created_at')
    .orderBy('c.id')
    .orderBy('m.sort_key')
    .execute();
}

/**
 * Who has opened or changed the record (the access report's events): people only, the patient's own
 * actions left out, as the patient's access report shows them. Psychotherapy-note events carry no patient
 * id, so they are never here.
 */
export function accessEventRows(db: Db, clinicId: string, patientId: string, patientUserId: string) {
  return (
    db
      // The events naming this patient and the list reads that showed them (migration 052's view).
      .selectFrom('audit_patient_events as a')
      .leftJoin('users as u', (j) =>
        j.onRef('u.id', '=', 'a.actor_id').onRef('u.clinic_id', '=', 'a.clinic_id'),
      )
      // An API client (an EHR integration, issue 16) is named by the name the clinic gave it, as in the report.
      .leftJoin('api_clients as c', (j) =>
        j.onRef('c.id', '=', 'a.actor_id').onRef('c.clinic_id', '=', 'a.clinic_id'),
      )
      .select((eb) => [
        'a.actor_id',
        'a.actor_role',
        eb.fn.coalesce('u.name', 'c.name').as('actor_name'),
        'a.action',
        'a.outcome',
        'a.at',
      ])
      .where('a.clinic_id', '=', clinicId)
      .where('a.patient_id', '=', patientId)
      .where('a.actor_id', 'is not', null)
      .where('a.actor_id', '!=', patientUserId)
      // In chain order, sorted from the patient's events (the per-patient index is (clinic, patient, at), migration
      // 051): `seq + 0` keeps the planner off the clinic's whole chain, which `seq` alone would walk to skip the sort.
      .orderBy(sql`${sql.ref('a.seq')} + 0`)
      .execute()
  );
}
