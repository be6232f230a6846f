import type { Db } from '../../db/database.js';
import { compiledOnce } from '../../db/compiled-query.js';

export async function patientInClinic(db: Db, clinicId: string, patientId: string): Promise<boolean> {
  const row = await db
    .selectFrom('patients')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .executeTakeFirst();
  return row !== undefined;
}

// Asked on every patient route (the gate): compiled once, bound per request (issue 19).
const onCareTeamQuery = compiledOnce((db: Db, clinicId: string, patientId: string, userId: string) =>
  db
    .selectFrom('care_team_members')
    .select('user_id')
    .where('clinic_id', '=', clinicId)
    .where('user_id', '=', userId)
    .where('patient_id', '=', patientId)
    .limit(1),
);

export async function isOnCareTeam(
  db: Db,
  clinicId: string,
  patientId: string,
  userId: string,
): Promise<boolean> {
  return (await onCareTeamQuery(db, clinicId, patientId, userId)).length > 0;
}

/** The caller's roles on this patient's care team (none when they are not on it). */
export async function teamRolesOf(
  db: Db,
  clinicId: string,
  patientId: string,
  userId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('care_team_members')
    .select('role')
    .where('clinic_id', '=', clinicId)
    .where('user_id', '=', userId)
    .where('patient_id', '=', patientId)
    .execute();
  return rows.map((r) => r.role);
}
