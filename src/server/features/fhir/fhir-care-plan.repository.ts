import type { Db } from '../../db/database.js';
import { clinicAgreedVersions } from './fhir-queries.repository.js';

// The patient's agreed treatment plans (read only: the treatment-plans feature writes these tables).

/** Every agreed version of the patient's plan (the one in force and those it replaced), newest first. */
export function agreedVersionsOf(db: Db, clinicId: string, patientId: string) {
  return clinicAgreedVersions(db, clinicId)
    .where('v.patient_id', '=', patientId)
    .orderBy('v.number', 'desc')
    .execute();
}
export type PlanVersionRow = Awaited<ReturnType<typeof agreedVersionsOf>>[number];

/** Whose agreed plan version this is (drafts are not found). */
export function agreedVersionPatient(db: Db, clinicId: string, versionId: string) {
  return db
    .selectFrom('treatment_plan_versions')
    .select('patient_id')
    .where('clinic_id', '=', clinicId)
    .where('id', '=', versionId)
    .where('status', 'in', ['agreed', 'superseded'])
    .where('agreed_at', 'is not', null)
    .executeTakeFirst();
}
