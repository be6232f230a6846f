import type { Db } from '../../db/database.js';
import { clinicAllergies } from './fhir-queries.repository.js';

// Reads of the patient's allergies (medication-safety profile) and attended appointments, for FHIR.

const orEmpty = (list: readonly string[]) => (list.length === 0 ? [''] : [...list]);

export function allergiesOf(db: Db, clinicId: string, patientId: string, ids: readonly string[] | null) {
  let q = clinicAllergies(db, clinicId).where('patient_id', '=', patientId);
  if (ids !== null) q = q.where('id', 'in', orEmpty(ids));
  return q.orderBy('entered_at').orderBy('id').execute();
}
export type AllergyRow = Awaited<ReturnType<typeof allergiesOf>>[number];

export function allergyPatient(db: Db, clinicId: string, id: string) {
  return db
    .selectFrom('medication_safety_entries')
    .select('patient_id')
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .where('kind', '=', 'allergy')
    .executeTakeFirst();
}

/** Appointments that took place (attended), in time order, optionally within [from, before). */
export function attendedOf(
  db: Db,
  clinicId: string,
  patientId: string,
  ids: readonly string[] | null,
  from: number | null,
  before: number | null,
) {
  let q = db
    .selectFrom('appointments')
    .select([
      'id',
      'patient_id',
      'clinician_id',
      'type',
      'mode',
      'starts_at',
      'ends_at',
      'updated_at',
      'version',
    ])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('status', '=', 'attended');
  if (ids !== null) q = q.where('id', 'in', orEmpty(ids));
  if (from !== null) q = q.where('starts_at', '>=', from);
  if (before !== null) q = q.where('starts_at', '<', before);
  return q.orderBy('starts_at').orderBy('id').execute();
}
export type AttendedRow = Awaited<ReturnType<typeof attendedOf>>[number];

export function attendedPatient(db: Db, clinicId: string, id: string) {
  return db
    .selectFrom('appointments')
    .select('patient_id')
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .where('status', '=', 'attended')
    .executeTakeFirst();
}

/** A clinician's role in the clinic (PractitionerRole). */
export function clinicianRoles(db: Db, clinicId: string, ids: readonly string[] | null) {
  let q = db
    .selectFrom('users')
    .select(['id', 'clinic_id', 'name', 'role', 'status', 'version', 'updated_at'])
    .where('clinic_id', '=', clinicId)
    .where('role', 'in', ['therapist', 'prescriber', 'care_manager']);
  if (ids !== null) q = q.where('id', 'in', orEmpty(ids));
  return q.orderBy('id').execute();
}
