import type { Db } from '../../db/database.js';

// Reads for the FHIR Patient create (it writes through the patients feature's enrolment, never here).

/** The account role and status of each of these clinic members (clinicians the Patient names). */
export function membersOf(db: Db, clinicId: string, ids: readonly string[]) {
  return db
    .selectFrom('users')
    .select(['id', 'role', 'status'])
    .where('clinic_id', '=', clinicId)
    .where('id', 'in', ids.length === 0 ? [''] : [...ids])
    .execute();
}

/** The patient of the clinic with this medical record number, if any. */
export function patientIdByMrn(db: Db, clinicId: string, mrn: string) {
  return db
    .selectFrom('patients')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .where('medical_record_number', '=', mrn)
    .executeTakeFirst();
}
