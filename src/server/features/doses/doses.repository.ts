import type { Db } from '../../db/database.js';
import { raiseDoseRecordVersion } from '../medications/index.js';
import type { DoseLogTable } from '../../db/schema-doses.js';

export type DoseLogRow = DoseLogTable;

/**
 * Inserts a log unless its id or its (patient, dose key) is taken: false when either already exists (a
 * retry, or a double tap that lost the race). No conflict target, so both unique keys are covered.
 */
export async function insertLog(db: Db, row: DoseLogRow): Promise<boolean> {
  const result = await db
    .insertInto('dose_logs')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  const inserted = Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  if (inserted) await raiseDoseRecordVersion(db, row.clinic_id, row.patient_id);
  return inserted;
}

/** By id within the clinic: the caller checks the patient (an id is never reused). */
export async function findLog(db: Db, clinicId: string, id: string) {
  return db
    .selectFrom('dose_logs')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findLogByDoseKey(db: Db, clinicId: string, patientId: string, doseKey: string) {
  return db
    .selectFrom('dose_logs')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('dose_key', '=', doseKey)
    .executeTakeFirst();
}

/** A patient's logs on local days from..to inclusive, in the order of the dose's time (due, else taken). */
export async function logsOnDays(db: Db, clinicId: string, patientId: string, from: string, to: string) {
  return db
    .selectFrom('dose_logs')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('local_date', '>=', from)
    .where('local_date', '<=', to)
    .orderBy('local_date')
    .orderBy((eb) => eb.fn.coalesce('scheduled_for', 'taken_at', 'created_at'))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Which of these dose keys already have a log (reminders skip them). */
export async function loggedDoseKeys(
  db: Db,
  clinicId: string,
  patientIds: readonly string[],
  fromDay: string,
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < patientIds.length; i += 500) {
    const rows = await db
      .selectFrom('dose_logs')
      .select('dose_key')
      .where('clinic_id', '=', clinicId)
      .where('patient_id', 'in', patientIds.slice(i, i + 500))
      .where('local_date', '>=', fromDay)
      .where('dose_key', 'is not', null)
      .execute();
    for (const r of rows) if (r.dose_key) found.add(r.dose_key);
  }
  return found;
}

export async function countAsNeededOnDay(
  db: Db,
  clinicId: string,
  patientId: string,
  medicationId: string,
  localDate: string,
): Promise<number> {
  const row = await db
    .selectFrom('dose_logs')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('medication_id', '=', medicationId)
    .where('local_date', '=', localDate)
    .where('as_needed', '=', 1)
    .where('status', '=', 'taken')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Applies a correction when the version still matches; false when someone changed it first. */
export async function updateLog(
  db: Db,
  clinicId: string,
  id: string,
  expectedVersion: number,
  changes: Pick<DoseLogRow, 'status' | 'skip_reason' | 'note' | 'taken_at' | 'local_date' | 'updated_at'>,
): Promise<boolean> {
  const updated = await db
    .updateTable('dose_logs')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('patient_id')
    .executeTakeFirst();
  if (updated) await raiseDoseRecordVersion(db, clinicId, updated.patient_id);
  return updated !== undefined;
}

/** Records a dose reminder; false when it was already sent (a rerun, or another instance got there first). */
export async function recordDoseReminder(
  db: Db,
  row: { clinic_id: string; patient_id: string; dose_key: string; sent_at: number },
): Promise<boolean> {
  const result = await db
    .insertInto('dose_reminders_sent')
    .values(row)
    .onConflict((oc) => oc.columns(['patient_id', 'dose_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Zone and account of these patients (reminder checks). */
export async function patientsWithAccount(db: Db, clinicId: string, patientIds: readonly string[]) {
  const rows = [];
  for (let i = 0; i < patientIds.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('patients as p')
        .innerJoin('users as u', 'u.id', 'p.user_id')
        .select(['p.id', 'p.user_id', 'p.time_zone', 'u.status'])
        .where('p.clinic_id', '=', clinicId)
        .where('p.id', 'in', patientIds.slice(i, i + 500))
        .execute()),
    );
  }
  return rows;
}
