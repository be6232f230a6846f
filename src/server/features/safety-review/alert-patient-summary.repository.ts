import type { Db } from '../../db/database.js';

/** The patient's own contact details, for someone who has to reach them about an alert. */
export async function patientContact(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('patients')
    .select(['id', 'given_name', 'family_name', 'phone', 'email', 'birth_date', 'time_zone'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .executeTakeFirst();
}

/** The patient's care team now, with how to reach each member (the stored email). */
export async function careTeamContacts(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('care_team_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'm.role', 'u.name', 'u.email'])
    .where('m.clinic_id', '=', clinicId)
    .where('u.clinic_id', '=', clinicId)
    .where('m.patient_id', '=', patientId)
    .orderBy('m.role')
    .orderBy('u.name')
    .execute();
}
