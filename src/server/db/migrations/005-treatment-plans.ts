import type { Kysely } from 'kysely';

// Treatment plans: one plan per patient, every version kept, signatures per exact version, history,
// patient comments, clinic templates and reviews. Portable types only (text, integer, bigint).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('treatment_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().unique().references('patients.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('treatment_plan_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('treatment_plans.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('template_id', 'text')
    .addColumn('based_on_number', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint')
    .addColumn('agreed_at', 'bigint')
    .addColumn('review_date', 'text')
    .addColumn('review_cycle', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('acknowledged_at', 'bigint')
    .addColumn('acknowledged_by', 'text')
    .addUniqueConstraint('treatment_plan_versions_number', ['plan_id', 'number'])
    .execute();
  await db.schema
    .createIndex('treatment_plan_versions_patient')
    .on('treatment_plan_versions')
    .columns(['clinic_id', 'patient_id', 'number'])
    .execute();
  // The review-due check scans agreed versions by review date.
  await db.schema
    .createIndex('treatment_plan_versions_review')
    .on('treatment_plan_versions')
    .columns(['status', 'review_date'])
    .execute();

  await db.schema
    .createTable('treatment_plan_signatures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull().references('treatment_plan_versions.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('signed_version', 'integer', (c) => c.notNull())
    .addColumn('signed_at', 'bigint', (c) => c.notNull())
    .addColumn('invalidated_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('treatment_plan_signatures_version')
    .on('treatment_plan_signatures')
    .columns(['clinic_id', 'version_id'])
    .execute();

  await db.schema
    .createTable('treatment_plan_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('treatment_plans.id'))
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('sections', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('reason', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('treatment_plan_events_plan')
    .on('treatment_plan_events')
    .columns(['clinic_id', 'plan_id', 'at'])
    .execute();

  await db.schema
    .createTable('treatment_plan_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('treatment_plans.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('treatment_plan_versions.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('treatment_plan_comments_version')
    .on('treatment_plan_comments')
    .columns(['clinic_id', 'version_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('treatment_plan_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('treatment_plan_templates_name', ['clinic_id', 'name'])
    .execute();

  await db.schema
    .createTable('treatment_plan_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('treatment_plans.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('treatment_plan_versions.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('participant_ids', 'text', (c) => c.notNull())
    .addColumn('patient_took_part', 'integer', (c) => c.notNull())
    .addColumn('goal_progress', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('next_version_id', 'text')
    .addColumn('next_review_date', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('treatment_plan_reviews_plan')
    .on('treatment_plan_reviews')
    .columns(['clinic_id', 'plan_id', 'created_at'])
    .execute();
}
