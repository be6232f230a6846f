import type { Db } from '../../db/database.js';

/**
 * Scheduled appointments starting in (from, to] whose patient account is active and that have no
 * reminder for this start yet.
 */
export async function dueForReminder(db: Db, clinicId: string, from: number, to: number) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .leftJoin('appointment_reminders as r', (j) =>
      j.onRef('r.appointment_id', '=', 'a.id').onRef('r.starts_at', '=', 'a.starts_at'),
    )
    .select(['a.id', 'a.patient_id', 'a.starts_at', 'p.user_id', 'p.time_zone'])
    .where('a.clinic_id', '=', clinicId)
    .where('a.status', '=', 'scheduled')
    .where('a.starts_at', '>', from)
    .where('a.starts_at', '<=', to)
    .where('p.clinic_id', '=', clinicId)
    .where('u.status', '=', 'active')
    .where('r.appointment_id', 'is', null)
    .orderBy('a.starts_at')
    .execute();
}

/** Records a reminder; false when it was already recorded (a rerun, or another instance got there first). */
export async function insertReminder(
  db: Db,
  row: { appointment_id: string; starts_at: number; clinic_id: string; patient_id: string; sent_at: number },
): Promise<boolean> {
  const r = await db
    .insertInto('appointment_reminders')
    .values(row)
    .onConflict((oc) => oc.columns(['appointment_id', 'starts_at']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export function remindersOf(db: Db, clinicId: string, appointmentId: string) {
  return db
    .selectFrom('appointment_reminders')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('appointment_id', '=', appointmentId)
    .execute();
}
