import type { Db } from '../../db/database.js';

export async function settingsJson(db: Db, clinicId: string): Promise<string> {
  const row = await db.selectFrom('clinics').select('settings').where('id', '=', clinicId).executeTakeFirst();
  return row?.settings ?? '{}';
}

/** A new clinic's row (the clinics table is this feature's; creating a clinic starts in accounts). */
export async function insertClinic(
  db: Db,
  row: { id: string; name: string; settings: string; created_at: number },
): Promise<void> {
  await db.insertInto('clinics').values(row).execute();
}

export async function saveSettings(db: Db, clinicId: string, settings: string): Promise<void> {
  await db.updateTable('clinics').set({ settings }).where('id', '=', clinicId).execute();
}

export async function isActiveClinician(db: Db, clinicId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .where('id', '=', userId)
    .where('status', '=', 'active')
    .where('role', 'in', ['therapist', 'prescriber', 'care_manager'])
    .executeTakeFirst();
  return row !== undefined;
}

/** Every clinic's stored settings (the scheduled checks walk all clinics). */
export async function everyClinicSettingsJson(db: Db): Promise<{ id: string; settings: string }[]> {
  return db.selectFrom('clinics').select(['id', 'settings']).execute();
}
