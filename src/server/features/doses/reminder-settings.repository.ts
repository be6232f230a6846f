import type { Db } from '../../db/database.js';
import type { ReminderSettings } from '../../../shared/doses/schemas.js';

/** By default: in-app reminders on, email off, discreet calendar summaries; version 0 = never saved. */
export const defaultReminderSettings: ReminderSettings = {
  inApp: true,
  email: false,
  calendarShowNames: false,
  version: 0,
};

export async function readReminderSettings(
  db: Db,
  clinicId: string,
  patientId: string,
): Promise<ReminderSettings> {
  const row = await db
    .selectFrom('dose_reminder_settings')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .executeTakeFirst();
  if (!row) return defaultReminderSettings;
  return {
    inApp: row.in_app === 1,
    email: row.email === 1,
    calendarShowNames: row.calendar_show_names === 1,
    version: row.version,
  };
}

/** Saves when `expectedVersion` is current (0: the first save); false when someone saved first. */
export async function saveReminderSettings(
  db: Db,
  clinicId: string,
  patientId: string,
  expectedVersion: number,
  s: Omit<ReminderSettings, 'version'>,
  now: number,
): Promise<boolean> {
  const values = {
    in_app: s.inApp ? 1 : 0,
    email: s.email ? 1 : 0,
    calendar_show_names: s.calendarShowNames ? 1 : 0,
    updated_at: now,
  };
  if (expectedVersion === 0) {
    const result = await db
      .insertInto('dose_reminder_settings')
      .values({ patient_id: patientId, clinic_id: clinicId, version: 1, ...values })
      .onConflict((oc) => oc.column('patient_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const result = await db
    .updateTable('dose_reminder_settings')
    .set({ ...values, version: expectedVersion + 1 })
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Patients of the clinic who chose email dose reminders and whose account is active. */
export async function patientsWantingEmail(db: Db, clinicId: string) {
  return db
    .selectFrom('dose_reminder_settings as s')
    .innerJoin('patients as p', 'p.id', 's.patient_id')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.id', 'p.user_id', 'p.time_zone'])
    .where('s.clinic_id', '=', clinicId)
    .where('p.clinic_id', '=', clinicId)
    .where('s.email', '=', 1)
    .where('u.status', '=', 'active')
    .execute();
}
