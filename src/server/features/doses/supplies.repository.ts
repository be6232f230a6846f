import type { Db } from '../../db/database.js';
import type { MedicationSupplyTable } from '../../db/schema-doses.js';

export type SupplyRow = MedicationSupplyTable;

export async function insertSupply(db: Db, row: SupplyRow): Promise<boolean> {
  const result = await db
    .insertInto('medication_supplies')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findSupply(db: Db, clinicId: string, id: string) {
  return db
    .selectFrom('medication_supplies')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The newest supply of each medication of these patients (the one the forecast uses). */
export async function latestSupplies(
  db: Db,
  clinicId: string,
  patientIds: readonly string[],
): Promise<SupplyRow[]> {
  const rows: SupplyRow[] = [];
  for (let i = 0; i < patientIds.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('medication_supplies')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('patient_id', 'in', patientIds.slice(i, i + 500))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute()),
    );
  }
  const newest = new Map<string, SupplyRow>();
  for (const r of rows) if (!newest.has(r.medication_id)) newest.set(r.medication_id, r);
  return [...newest.values()];
}

/** Patients with a supply not yet reminded about (the refill check looks only at them). */
export async function patientsWithUnremindedSupply(db: Db, clinicId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('medication_supplies')
    .select('patient_id')
    .distinct()
    .where('clinic_id', '=', clinicId)
    .where('reminded_at', 'is', null)
    .execute();
  return rows.map((r) => r.patient_id);
}

/** Marks the supply reminded; false when it already was (a rerun, or another instance got there first). */
export async function markReminded(db: Db, clinicId: string, supplyId: string, at: number): Promise<boolean> {
  const result = await db
    .updateTable('medication_supplies')
    .set({ reminded_at: at })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', supplyId)
    .where('reminded_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
