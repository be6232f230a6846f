import type { Db } from '../../db/database.js';

/** The patient's own row, the basics only (never contact details). */
export async function basicsRow(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('patients')
    .select([
      'id',
      'clinic_id',
      'user_id',
      'given_name',
      'family_name',
      'birth_date',
      'time_zone',
      'country',
      'created_at',
    ])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .executeTakeFirst();
}

/** The patient's care team: each member once per team role, in the order they joined. */
export async function careTeamRows(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('care_team_members')
    .select(['user_id', 'role'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .orderBy('added_at')
    .orderBy('user_id')
    .execute();
}
