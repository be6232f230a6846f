import type { Db } from '../../db/database.js';
import { recommendationColumns, recommendationsWithNames } from './case-review.repository.js';

/**
 * Closes an open recommendation at the version the person saw. 0 rows: it changed meanwhile or is closed
 * already (the caller reads it again to say which).
 */
export async function closeRecommendation(
  db: Db,
  clinicId: string,
  id: string,
  expectedVersion: number,
  close: { status: 'done' | 'declined'; reason: string; by: string; at: number },
): Promise<boolean> {
  const res = await db
    .updateTable('case_review_recommendations')
    .set((eb) => ({
      status: close.status,
      closed_reason: close.reason === '' ? null : close.reason,
      closed_by: close.by,
      closed_at: close.at,
      version: eb('version', '+', 1),
    }))
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/**
 * Open recommendations assigned to a clinician, about patients whose team they are on (one query), earliest
 * due first (those without a due day last), then the oldest: a bound never leaves out one due sooner (issue 19).
 */
export async function openAssignedTo(db: Db, clinicId: string, userId: string, limit: number) {
  return recommendationsWithNames(db)
    .innerJoin('patients as p', 'p.id', 'r.patient_id')
    .select([...recommendationColumns, 'p.given_name', 'p.family_name', 'p.time_zone'])
    .where('r.clinic_id', '=', clinicId)
    .where('r.assigned_to', '=', userId)
    .where('r.status', '=', 'open')
    .where('r.patient_id', 'in', (eb) =>
      eb
        .selectFrom('care_team_members as m')
        .select('m.patient_id')
        .where('m.clinic_id', '=', clinicId)
        .where('m.user_id', '=', userId),
    )
    .orderBy((eb) => eb.case().when('r.due_date', 'is', null).then(1).else(0).end())
    .orderBy('r.due_date', 'asc')
    .orderBy('r.created_at', 'asc')
    .orderBy('r.id', 'asc')
    .limit(limit)
    .execute();
}

/** Open recommendations of many patients, oldest first (chunked for the engines' parameter limits). */
export async function openOfPatients(db: Db, clinicId: string, patientIds: readonly string[]) {
  const rows = [];
  for (let i = 0; i < patientIds.length; i += 500) {
    rows.push(
      ...(await recommendationsWithNames(db)
        .select(recommendationColumns)
        .where('r.clinic_id', '=', clinicId)
        .where('r.status', '=', 'open')
        .where('r.patient_id', 'in', patientIds.slice(i, i + 500))
        .orderBy('r.created_at', 'asc')
        .execute()),
    );
  }
  return rows;
}

/** The time zones of many patients (their "today" for the medication cells). */
export async function zonesOf(db: Db, clinicId: string, patientIds: readonly string[]) {
  const zones = new Map<string, string>();
  for (let i = 0; i < patientIds.length; i += 500) {
    const rows = await db
      .selectFrom('patients')
      .select(['id', 'time_zone'])
      .where('clinic_id', '=', clinicId)
      .where('id', 'in', patientIds.slice(i, i + 500))
      .execute();
    for (const r of rows) zones.set(r.id, r.time_zone);
  }
  return zones;
}
