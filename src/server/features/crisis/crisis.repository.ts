import type { Db } from '../../db/database.js';

/** The patient's recorded country (null when none is recorded) and their time zone. */
export async function patientPlace(
  db: Db,
  clinicId: string,
  patientId: string,
): Promise<{ country: string | null; timeZone: string | null }> {
  const row = await db
    .selectFrom('patients')
    .select(['country', 'time_zone'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .executeTakeFirst();
  return { country: row?.country ?? null, timeZone: row?.time_zone ?? null };
}
