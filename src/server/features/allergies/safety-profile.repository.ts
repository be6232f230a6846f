import type { Db } from '../../db/database.js';
import type {
  MedicationSafetyEntryTable,
  MedicationSafetyProfileTable,
} from '../../db/schema-medication-safety.js';

export type SafetyEntryRow = MedicationSafetyEntryTable;
export type SafetyProfileRow = MedicationSafetyProfileTable;

/** Inserts an entry; false when the id is already taken (a retry, or a clash). */
export async function insertEntry(db: Db, row: MedicationSafetyEntryTable): Promise<boolean> {
  const result = await db
    .insertInto('medication_safety_entries')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** By id alone (any clinic): the caller checks it belongs to this clinic and patient. */
export async function findEntryById(db: Db, id: string) {
  return db.selectFrom('medication_safety_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The patient's entries that are not removed, oldest first. */
export async function entriesOfPatient(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('medication_safety_entries')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('status', '!=', 'removed')
    .orderBy('entered_at')
    .orderBy('id')
    .execute();
}

/** An update under the version the caller read; false when someone changed it meanwhile. */
export async function updateEntry(
  db: Db,
  clinicId: string,
  id: string,
  expectedVersion: number,
  fields: Partial<Omit<MedicationSafetyEntryTable, 'id' | 'clinic_id' | 'patient_id' | 'version'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('medication_safety_entries')
    .set({ ...fields, version: expectedVersion + 1 })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findProfile(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('medication_safety_profiles')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .executeTakeFirst();
}

/** The first weight: false when a row appeared meanwhile (the caller answers 412). */
export async function insertProfile(db: Db, row: MedicationSafetyProfileTable): Promise<boolean> {
  const result = await db
    .insertInto('medication_safety_profiles')
    .values(row)
    .onConflict((oc) => oc.column('patient_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function updateProfile(
  db: Db,
  clinicId: string,
  patientId: string,
  expectedVersion: number,
  fields: Pick<
    MedicationSafetyProfileTable,
    'weight_kg' | 'weight_recorded_by' | 'weight_recorded_at' | 'updated_at'
  >,
): Promise<boolean> {
  const result = await db
    .updateTable('medication_safety_profiles')
    .set({ ...fields, version: expectedVersion + 1 })
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Names of the people who entered, reviewed or weighed, for the record's "by whom". */
export async function namesOf(db: Db, clinicId: string, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('clinic_id', '=', clinicId)
    .where('id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** When confirmed "current smoker" entries were taken off the record, newest first. */
export async function smokingRemovals(db: Db, clinicId: string, patientId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('medication_safety_entries')
    .select('removed_at')
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('kind', '=', 'condition')
    .where('name', '=', 'smoker')
    .where('status', '=', 'removed')
    // Confirmed before removal: reviewed, not rejected.
    .where('reviewed_at', 'is not', null)
    .where('rejection_reason', 'is', null)
    .orderBy('removed_at', 'desc')
    .execute();
  return rows.flatMap((r) => (r.removed_at === null ? [] : [r.removed_at]));
}

/**
 * The patient's medications not stopped, with the catalogue's generic name (a read of the medications
 * feature's tables, for the "stopped smoking on clozapine" alert only).
 */
export async function unstoppedMedications(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('medications as m')
    .leftJoin('medication_catalogue as c', (j) =>
      j.onRef('c.id', '=', 'm.catalogue_id').onRef('c.clinic_id', '=', 'm.clinic_id'),
    )
    .select(['m.name', 'm.start_date', 'm.end_date', 'c.generic_name'])
    .where('m.clinic_id', '=', clinicId)
    .where('m.patient_id', '=', patientId)
    .where('m.status', '!=', 'stopped')
    .execute();
}
