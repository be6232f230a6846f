import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type {
  CaseReviewMarkTable,
  CaseReviewRecommendationTable,
  CaseReviewSessionTable,
} from '../../db/schema-registry.js';

export async function markOf(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('case_review_marks as k')
    .innerJoin('users as u', 'u.id', 'k.marked_by')
    .select(['k.reason', 'k.marked_by', 'k.marked_at', 'u.name as marked_by_name'])
    .where('k.clinic_id', '=', clinicId)
    .where('k.patient_id', '=', patientId)
    .executeTakeFirst();
}

/** Marks (or re-words the mark of) a patient; one row per patient. */
export async function upsertMark(db: Db, row: CaseReviewMarkTable): Promise<void> {
  await db
    .insertInto('case_review_marks')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['clinic_id', 'patient_id'])
        .doUpdateSet({ reason: row.reason, marked_by: row.marked_by, marked_at: row.marked_at }),
    )
    .execute();
}

export async function deleteMark(db: Db, clinicId: string, patientId: string): Promise<void> {
  await db
    .deleteFrom('case_review_marks')
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .execute();
}

export const recommendationColumns = [
  'r.id',
  'r.patient_id',
  'r.session_id',
  'r.by_user_id',
  'u.name as by_name',
  'r.priority',
  'r.summary',
  'r.details',
  'r.created_at',
  'r.assigned_to',
  'a.name as assigned_to_name',
  'r.due_date',
  'r.status',
  'r.closed_reason',
  'c.name as closed_by_name',
  'r.closed_at',
  'r.version',
] as const;

/** The recommendations table with its author, assignee and closer named (one join each, by id). */
export const recommendationsWithNames = (db: Db) =>
  db
    .selectFrom('case_review_recommendations as r')
    .innerJoin('users as u', 'u.id', 'r.by_user_id')
    .leftJoin('users as a', 'a.id', 'r.assigned_to')
    .leftJoin('users as c', 'c.id', 'r.closed_by');

export async function recommendationsOfPatient(db: Db, clinicId: string, patientId: string) {
  return recommendationsWithNames(db)
    .select(recommendationColumns)
    .where('r.clinic_id', '=', clinicId)
    .where('r.patient_id', '=', patientId)
    .orderBy('r.created_at', 'desc')
    .limit(200)
    .execute();
}
export type RecommendationRow = Awaited<ReturnType<typeof recommendationsOfPatient>>[number];

export async function recommendationById(db: Db, clinicId: string, id: string) {
  return recommendationsWithNames(db)
    .select(recommendationColumns)
    .where('r.clinic_id', '=', clinicId)
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** Inserts once: a retry with the same id stores nothing (the caller then reads the first). */
export async function insertRecommendationOnce(db: Db, row: CaseReviewRecommendationTable): Promise<boolean> {
  const res = await db
    .insertInto('case_review_recommendations')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Recommendations of a session about patients on the caller's caseload. */
export async function recommendationsOfSession(db: Db, clinicId: string, sessionId: string, userId: string) {
  return recommendationsWithNames(db)
    .select(recommendationColumns)
    .where('r.clinic_id', '=', clinicId)
    .where('r.session_id', '=', sessionId)
    .where('r.patient_id', 'in', (eb) =>
      eb
        .selectFrom('care_team_members as m')
        .select('m.patient_id')
        .where('m.clinic_id', '=', clinicId)
        .where('m.user_id', '=', userId),
    )
    .orderBy('r.created_at', 'asc')
    .execute();
}

export async function insertSession(db: Db, row: CaseReviewSessionTable): Promise<void> {
  await db.insertInto('case_review_sessions').values(row).execute();
}

export async function sessionById(db: Db, clinicId: string, id: string) {
  return db
    .selectFrom('case_review_sessions')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The sessions a clinician created or takes part in (their id in the JSON participant list, matched with
 * LIKE wildcards escaped), the latest date first. The caller checks the participant list exactly.
 */
export async function recentSessionsOf(db: Db, clinicId: string, userId: string, limit: number) {
  const listed = `%${JSON.stringify(userId).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom('case_review_sessions')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where((eb) =>
      eb.or([eb('created_by', '=', userId), sql<boolean>`participant_ids like ${listed} escape '\\'`]),
    )
    .orderBy('review_date', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Active clinicians of the clinic among `ids`. */
export async function cliniciansAmong(db: Db, clinicId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where('clinic_id', '=', clinicId)
    .where('id', 'in', ids)
    .where('role', 'in', ['therapist', 'prescriber', 'care_manager'])
    .execute();
}

/** Marked patients on the caller's caseload, oldest mark first (the case-review agenda). */
export async function markedOnCaseload(db: Db, clinicId: string, userId: string) {
  return db
    .selectFrom('case_review_marks as k')
    .innerJoin('patients as p', 'p.id', 'k.patient_id')
    .innerJoin('users as u', 'u.id', 'k.marked_by')
    .select([
      'p.id',
      'p.given_name',
      'p.family_name',
      'k.reason',
      'k.marked_by',
      'k.marked_at',
      'u.name as marked_by_name',
    ])
    .where('k.clinic_id', '=', clinicId)
    .where('k.patient_id', 'in', (eb) =>
      eb
        .selectFrom('care_team_members as m')
        .select('m.patient_id')
        .where('m.clinic_id', '=', clinicId)
        .where('m.user_id', '=', userId),
    )
    .orderBy('k.marked_at', 'asc')
    .execute();
}
