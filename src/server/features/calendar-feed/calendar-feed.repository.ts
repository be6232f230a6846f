import type { Db } from '../../db/database.js';

export async function feedOfPatient(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('calendar_feeds')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .executeTakeFirst();
}

/**
 * The feed a token opens (by its hash; a reset token's hash is gone, so its URL finds nothing). Only the
 * feed of an active account serves: a deactivated patient's feed finds nothing either (issue 13, V7).
 */
export async function feedByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('calendar_feeds as f')
    .innerJoin('patients as p', 'p.id', 'f.patient_id')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['f.id', 'f.clinic_id', 'f.patient_id', 'p.user_id', 'p.time_zone'])
    .where('f.token_hash', '=', tokenHash)
    .whereRef('p.clinic_id', '=', 'f.clinic_id')
    .where('u.status', '=', 'active')
    .executeTakeFirst();
}

/** One feed per patient: a reset replaces the row, so the old token stops working at once. */
export async function replaceFeed(
  db: Db,
  row: { patient_id: string; id: string; clinic_id: string; token_hash: string; created_at: number },
): Promise<void> {
  await deleteFeed(db, row.clinic_id, row.patient_id);
  await db.insertInto('calendar_feeds').values(row).execute();
}

export async function deleteFeed(db: Db, clinicId: string, patientId: string): Promise<void> {
  await db
    .deleteFrom('calendar_feeds')
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .execute();
}
