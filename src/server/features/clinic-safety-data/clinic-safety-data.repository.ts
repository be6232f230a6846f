import type { Db } from '../../db/database.js';
import type {
  ClinicLabThresholdTable,
  MedicationCatalogueNameTable,
} from '../../db/schema-clinic-safety-data.js';

// SQL of the clinic-editable safety data (issue 11): laboratory thresholds and other names of catalogue entries.

export function labThresholdRows(db: Db, clinicId: string): Promise<ClinicLabThresholdTable[]> {
  return db.selectFrom('clinic_lab_thresholds').selectAll().where('clinic_id', '=', clinicId).execute();
}

export async function findLabThresholds(
  db: Db,
  clinicId: string,
  rangeId: string,
): Promise<ClinicLabThresholdTable | undefined> {
  return db
    .selectFrom('clinic_lab_thresholds')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('range_id', '=', rangeId)
    .executeTakeFirst();
}

export async function insertLabThresholds(db: Db, row: ClinicLabThresholdTable): Promise<void> {
  await db.insertInto('clinic_lab_thresholds').values(row).execute();
}

/** Writes new values when the stored version is still `expected`; false when someone changed it first. */
export async function updateLabThresholds(
  db: Db,
  clinicId: string,
  rangeId: string,
  expected: number,
  values: { thresholds: string; changed_by: string; changed_at: number },
): Promise<boolean> {
  const result = await db
    .updateTable('clinic_lab_thresholds')
    .set({ ...values, version: expected + 1 })
    .where('clinic_id', '=', clinicId)
    .where('range_id', '=', rangeId)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteLabThresholds(
  db: Db,
  clinicId: string,
  rangeId: string,
  expected: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('clinic_lab_thresholds')
    .where('clinic_id', '=', clinicId)
    .where('range_id', '=', rangeId)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export interface OtherNameRow extends MedicationCatalogueNameTable {
  generic_name: string;
  active: number;
}

export function otherNameRows(db: Db, clinicId: string): Promise<OtherNameRow[]> {
  return db
    .selectFrom('medication_catalogue_names as n')
    .innerJoin('medication_catalogue as c', 'c.id', 'n.catalogue_id')
    .selectAll('n')
    .select(['c.generic_name', 'c.active'])
    .where('n.clinic_id', '=', clinicId)
    .orderBy('c.generic_name')
    .orderBy('n.name_key')
    .execute();
}

export async function findOtherNameByKey(
  db: Db,
  clinicId: string,
  nameKey: string,
): Promise<MedicationCatalogueNameTable | undefined> {
  return db
    .selectFrom('medication_catalogue_names')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('name_key', '=', nameKey)
    .executeTakeFirst();
}

export async function insertOtherName(db: Db, row: MedicationCatalogueNameTable): Promise<void> {
  await db.insertInto('medication_catalogue_names').values(row).execute();
}

export async function deleteOtherName(
  db: Db,
  clinicId: string,
  catalogueId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('medication_catalogue_names')
    .where('clinic_id', '=', clinicId)
    .where('catalogue_id', '=', catalogueId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export function catalogueGenericNames(
  db: Db,
  clinicId: string,
): Promise<{ id: string; generic_name: string; drug_class: string; active: number }[]> {
  return db
    .selectFrom('medication_catalogue')
    .select(['id', 'generic_name', 'drug_class', 'active'])
    .where('clinic_id', '=', clinicId)
    .execute();
}
