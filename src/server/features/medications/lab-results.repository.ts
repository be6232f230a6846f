import type { Db } from '../../db/database.js';
import type { MonitoringResultTable } from '../../db/schema-medications.js';
import type { MedicationLabProfileTable, MonitoringResultLabColumns } from '../../db/schema-lab-results.js';

// SQL of laboratory results (issue 11): results with their stored interpretation, and the per-medication
// ANC table choice (benign ethnic neutropenia).

export type LabResultRow = MonitoringResultTable & MonitoringResultLabColumns;

export async function insertLabResult(db: Db, row: LabResultRow): Promise<boolean> {
  const r = await db
    .insertInto('monitoring_results')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function labResultsOfPatient(
  db: Db,
  clinicId: string,
  patientId: string,
): Promise<LabResultRow[]> {
  return db
    .selectFrom('monitoring_results')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .orderBy('taken_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
}

export async function findLabResult(db: Db, clinicId: string, id: string): Promise<LabResultRow | undefined> {
  return db
    .selectFrom('monitoring_results')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function labProfilesOfPatient(
  db: Db,
  clinicId: string,
  patientId: string,
): Promise<MedicationLabProfileTable[]> {
  return db
    .selectFrom('medication_lab_profiles')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .execute();
}

export async function findLabProfile(
  db: Db,
  clinicId: string,
  medicationId: string,
): Promise<MedicationLabProfileTable | undefined> {
  return db
    .selectFrom('medication_lab_profiles')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('medication_id', '=', medicationId)
    .executeTakeFirst();
}

export async function insertLabProfile(db: Db, row: MedicationLabProfileTable): Promise<void> {
  await db.insertInto('medication_lab_profiles').values(row).execute();
}

/** Compare-and-set on the version: false when someone else changed it first. */
export async function updateLabProfile(
  db: Db,
  clinicId: string,
  medicationId: string,
  expectedVersion: number,
  changes: Pick<MedicationLabProfileTable, 'benign_ethnic_neutropenia' | 'updated_by' | 'updated_at'>,
): Promise<boolean> {
  const r = await db
    .updateTable('medication_lab_profiles')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('clinic_id', '=', clinicId)
    .where('medication_id', '=', medicationId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
