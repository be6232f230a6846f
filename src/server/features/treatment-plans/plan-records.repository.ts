import type { Db } from '../../db/database.js';
import type {
  TreatmentPlanCommentTable,
  TreatmentPlanReviewTable,
  TreatmentPlanTemplateTable,
} from '../../db/schema-plans.js';

export async function insertComment(db: Db, row: TreatmentPlanCommentTable): Promise<void> {
  await db.insertInto('treatment_plan_comments').values(row).execute();
}

/** The latest `limit` comments on one version, answered oldest first. */
export async function commentsOf(db: Db, clinicId: string, versionId: string, limit: number) {
  const rows = await db
    .selectFrom('treatment_plan_comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.author_id', 'u.name', 'u.role', 'c.body', 'c.created_at'])
    .where('c.clinic_id', '=', clinicId)
    .where('c.version_id', '=', versionId)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse();
}

export async function templatesOf(db: Db, clinicId: string) {
  return db
    .selectFrom('treatment_plan_templates')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .orderBy('name')
    .execute();
}

export async function findTemplate(db: Db, clinicId: string, templateId: string) {
  return db
    .selectFrom('treatment_plan_templates')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', templateId)
    .executeTakeFirst();
}

/** Inserts a template; a second one with the same name in the clinic is dropped (returns false). */
export async function insertTemplate(db: Db, row: TreatmentPlanTemplateTable): Promise<boolean> {
  const result = await db
    .insertInto('treatment_plan_templates')
    .values(row)
    .onConflict((oc) => oc.columns(['clinic_id', 'name']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function insertReview(db: Db, row: TreatmentPlanReviewTable): Promise<void> {
  await db.insertInto('treatment_plan_reviews').values(row).execute();
}

/** A plan's reviews, newest first (at most `limit` when given). */
export async function reviewsOf(db: Db, clinicId: string, planId: string, limit?: number) {
  return db
    .selectFrom('treatment_plan_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.recorded_by')
    .innerJoin('treatment_plan_versions as v', 'v.id', 'r.version_id')
    .leftJoin('treatment_plan_versions as n', 'n.id', 'r.next_version_id')
    .selectAll('r')
    .select(['u.name as recorded_by_name', 'v.number as version_number', 'n.number as next_number'])
    .where('r.clinic_id', '=', clinicId)
    .where('r.plan_id', '=', planId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .$if(limit !== undefined, (q) => q.limit(limit ?? 0))
    .execute();
}

export async function usersNamed(db: Db, clinicId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where('clinic_id', '=', clinicId)
    .where('id', 'in', userIds)
    .execute();
}

/** Agreed versions whose review date is on or before `day` (candidates; the caller checks each zone). */
export async function reviewsFallingDue(db: Db, day: string) {
  return db
    .selectFrom('treatment_plan_versions as v')
    .innerJoin('patients as p', (j) =>
      j.onRef('p.id', '=', 'v.patient_id').onRef('p.clinic_id', '=', 'v.clinic_id'),
    )
    .select([
      'v.id',
      'v.clinic_id',
      'v.plan_id',
      'v.patient_id',
      'v.review_date',
      'v.review_cycle',
      'p.time_zone',
    ])
    .where('v.status', '=', 'agreed')
    .where('v.review_date', 'is not', null)
    .where('v.review_date', '<=', day)
    .execute();
}
