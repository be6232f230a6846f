import type { Db } from '../../db/database.js';
import {
  raiseDoseRecordVersion,
  raiseDoseRecordVersionOfMedication,
} from './dose-record-versions.repository.js';
import type {
  MedicationCatalogueTable,
  MedicationChangeTable,
  MedicationPeriodTable,
  MedicationTable,
} from '../../db/schema-medications.js';

// SQL of the medications feature: catalogue, medication records, periods, changes (monitoring results:
// lab-results.repository.ts).

// ---- catalogue ----
export async function listCatalogue(
  db: Db,
  clinicId: string,
  opts: { q?: string; includeInactive: boolean },
): Promise<MedicationCatalogueTable[]> {
  let query = db.selectFrom('medication_catalogue').selectAll().where('clinic_id', '=', clinicId);
  if (!opts.includeInactive) query = query.where('active', '=', 1);
  if (opts.q) {
    const like = `%${opts.q.toLowerCase().replace(/[%_\\]/g, '')}%`;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['generic_name']), 'like', like),
        eb(eb.fn('lower', ['drug_class']), 'like', like),
      ]),
    );
  }
  return query.orderBy('generic_name').limit(200).execute();
}

export async function findCatalogueEntry(
  db: Db,
  clinicId: string,
  id: string,
): Promise<MedicationCatalogueTable | undefined> {
  return db
    .selectFrom('medication_catalogue')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function catalogueNameTaken(db: Db, clinicId: string, name: string, exceptId: string | null) {
  let q = db
    .selectFrom('medication_catalogue')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .where((eb) => eb(eb.fn('lower', ['generic_name']), '=', name.toLowerCase()));
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertCatalogueEntry(db: Db, row: MedicationCatalogueTable): Promise<void> {
  await db.insertInto('medication_catalogue').values(row).execute();
}

/** Updates only when the version matches: false = someone changed it first. */
export async function updateCatalogueEntry(
  db: Db,
  clinicId: string,
  id: string,
  expectedVersion: number,
  values: Omit<MedicationCatalogueTable, 'id' | 'clinic_id' | 'created_at' | 'version'>,
): Promise<boolean> {
  const r = await db
    .updateTable('medication_catalogue')
    .set({ ...values, version: expectedVersion + 1 })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function catalogueEntriesByIds(db: Db, clinicId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('medication_catalogue')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

// ---- medication records ----
export async function findMedication(
  db: Db,
  clinicId: string,
  id: string,
): Promise<MedicationTable | undefined> {
  return db
    .selectFrom('medications')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function medicationsOfPatient(
  db: Db,
  clinicId: string,
  patientId: string,
): Promise<MedicationTable[]> {
  return db
    .selectFrom('medications')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .orderBy('start_date', 'desc')
    .orderBy('id')
    .execute();
}

/**
 * The medications one list shows (issue 19): every current (active or paused) one, then the latest stopped ones,
 * at most `limit`, answered like medicationsOfPatient (latest start first).
 */
export async function medicationsToList(
  db: Db,
  clinicId: string,
  patientId: string,
  limit: number,
): Promise<MedicationTable[]> {
  const rows = await db
    .selectFrom('medications')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .orderBy((eb) => eb.case().when('status', '=', 'stopped').then(1).else(0).end())
    .orderBy('start_date', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows;
}

export async function medicationsByIds(db: Db, clinicId: string, patientId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('medications')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/** Inserts unless the client's id exists already (a retried start): true when written. */
export async function insertMedication(db: Db, row: MedicationTable): Promise<boolean> {
  const r = await db
    .insertInto('medications')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  const inserted = Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  if (inserted) await raiseDoseRecordVersion(db, row.clinic_id, row.patient_id);
  return inserted;
}

export async function updateMedication(
  db: Db,
  clinicId: string,
  id: string,
  expectedVersion: number,
  values: Partial<Pick<MedicationTable, 'form' | 'route' | 'instructions' | 'end_date' | 'status'>> & {
    updated_at: number;
  },
): Promise<boolean> {
  const updated = await db
    .updateTable('medications')
    .set({ ...values, version: expectedVersion + 1 })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('patient_id')
    .executeTakeFirst();
  if (updated) await raiseDoseRecordVersion(db, clinicId, updated.patient_id);
  return updated !== undefined;
}

export async function periodsOf(db: Db, medicationIds: string[]): Promise<MedicationPeriodTable[]> {
  if (medicationIds.length === 0) return [];
  return db
    .selectFrom('medication_periods')
    .selectAll()
    .where('medication_id', 'in', medicationIds)
    .orderBy('starts_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertPeriods(db: Db, rows: MedicationPeriodTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('medication_periods').values(rows).execute();
  for (const medicationId of new Set(rows.map((r) => r.medication_id)))
    await raiseDoseRecordVersionOfMedication(db, medicationId);
}

/** A change replaces the plan from its day on: periods starting on or after `day` go. */
export async function deletePeriodsFrom(db: Db, medicationId: string, day: string): Promise<number> {
  const r = await db
    .deleteFrom('medication_periods')
    .where('medication_id', '=', medicationId)
    .where('starts_on', '>=', day)
    .executeTakeFirst();
  const deleted = Number(r.numDeletedRows);
  if (deleted > 0) await raiseDoseRecordVersionOfMedication(db, medicationId);
  return deleted;
}

export async function insertChange(db: Db, row: MedicationChangeTable): Promise<void> {
  await db.insertInto('medication_changes').values(row).execute();
}

export async function changesOf(
  db: Db,
  clinicId: string,
  medicationId: string,
): Promise<MedicationChangeTable[]> {
  return db
    .selectFrom('medication_changes')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('medication_id', '=', medicationId)
    .orderBy('changed_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

// ---- people and places ----
/** Users' display names by id: the platform's shared lookup (platform/users), used here as repo.userNames. */
export { userNames } from '../../platform/users/user-names.repository.js';
