import type { Db } from '../../db/database.js';
import type { MeasureBaselineChangeTable } from '../../db/schema-measures.js';

/** The clinician-chosen baselines of one patient (migration 033). */
export async function chosenBaselines(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('measure_baselines')
    .select(['instrument', 'response_id', 'version'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .execute();
}

/** Sets the chosen baseline only from the version the clinician saw (0 = none chosen yet). */
export async function setChosenBaseline(
  db: Db,
  row: {
    clinic_id: string;
    patient_id: string;
    instrument: string;
    response_id: string;
    chosen_by: string;
    chosen_at: number;
  },
  expectedVersion: number,
): Promise<boolean> {
  if (expectedVersion === 0) {
    const result = await db
      .insertInto('measure_baselines')
      .values({ ...row, version: 1 })
      .onConflict((oc) => oc.columns(['patient_id', 'instrument']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const result = await db
    .updateTable('measure_baselines')
    .set((eb) => ({
      response_id: row.response_id,
      chosen_by: row.chosen_by,
      chosen_at: row.chosen_at,
      version: eb('version', '+', 1),
    }))
    .where('clinic_id', '=', row.clinic_id)
    .where('patient_id', '=', row.patient_id)
    .where('instrument', '=', row.instrument)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertBaselineChange(db: Db, row: MeasureBaselineChangeTable): Promise<void> {
  await db.insertInto('measure_baseline_changes').values(row).execute();
}

/** Every "use as baseline" choice of one patient, newest first, with who made it. */
export async function baselineChanges(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('measure_baseline_changes as c')
    .innerJoin('users as u', 'u.id', 'c.chosen_by')
    .selectAll('c')
    .select('u.name as chosen_by_name')
    .where('c.clinic_id', '=', clinicId)
    .where('c.patient_id', '=', patientId)
    .orderBy('c.chosen_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
}
