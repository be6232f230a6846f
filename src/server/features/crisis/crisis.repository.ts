import type { Db } from '../../db/database.js';

export async function clinicSettingsJson(db: Db, clinicId: string): Promise<string> {
  const row = await db.selectFrom('clinics').select('settings').where('id', '=', clinicId).executeTakeFirst();
  return row?.settings ?? '{}';
}

/** The patient's own country, or null when it follows the clinic's. */
export async function patientCountry(db: Db, clinicId: string, patientId: string): Promise<string | null> {
  const row = await db
    .selectFrom('patients')
    .select('country')
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .executeTakeFirst();
  return row?.country ?? null;
}
