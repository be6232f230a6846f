// The visit summary's reads beyond the timeline (issue 14): the appointment and the patient's earlier ones,
// the answers to side-effect reports, open alerts and the clinic's name. Reads across features' tables
// (allowed: docs/architecture.md, "Boundaries"); this file writes nothing. Psychotherapy notes never read.
import type { Db } from '../../db/database.js';

export function appointmentWithClinician(db: Db, clinicId: string, patientId: string, appointmentId: string) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('users as u', (j) =>
      j.onRef('u.id', '=', 'a.clinician_id').onRef('u.clinic_id', '=', 'a.clinic_id'),
    )
    .select([
      'a.id',
      'a.type',
      'a.clinician_id',
      'a.local_day',
      'a.local_time',
      'a.starts_at',
      'a.status',
      'u.name as clinician_name',
    ])
    .where('a.clinic_id', '=', clinicId)
    .where('a.patient_id', '=', patientId)
    .where('a.id', '=', appointmentId)
    .executeTakeFirst();
}

/** The patient's attended appointments with one clinician that started before `before`, latest first. */
export function attendedBefore(
  db: Db,
  clinicId: string,
  patientId: string,
  clinicianId: string,
  before: number,
) {
  return db
    .selectFrom('appointments')
    .select(['id', 'clinician_id', 'local_day', 'starts_at', 'status'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('clinician_id', '=', clinicianId)
    .where('status', '=', 'attended')
    .where('starts_at', '<', before)
    .orderBy('starts_at', 'desc')
    .limit(1)
    .execute();
}

/** Answers to the patient's side-effect reports (by report). */
export function sideEffectAnswers(db: Db, clinicId: string, patientId: string, reportIds: readonly string[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('side_effect_answers')
    .select(['report_id', 'kind', 'note', 'answered_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('report_id', 'in', reportIds)
    .orderBy('answered_at')
    .execute();
}

/** The patient's alerts not yet resolved, newest first. */
export function openAlerts(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('alerts')
    .select(['id', 'title', 'severity', 'state', 'created_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('state', '!=', 'resolved')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function clinicName(db: Db, clinicId: string): Promise<string> {
  const row = await db.selectFrom('clinics').select('name').where('id', '=', clinicId).executeTakeFirst();
  return row?.name ?? '';
}
