import type { Kysely } from 'kysely';

// Case review (issue 5): patients marked "discuss at case review", case-review sessions and the psychiatric
// consultant's recommendations, kept on the patient's record. Portable types only. The registry reads
// questionnaire_responses through migration 007's (clinic, patient, instrument, answered_at) index.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The registry's "last clinician contact": a patient's latest messages without walking conversations.
  await db.schema
    .createIndex('messages_patient_created')
    .on('messages')
    .columns(['clinic_id', 'patient_id', 'created_at'])
    .execute();

  // One row while a patient is marked; unmarking deletes it (the audit log keeps the history).
  await db.schema
    .createTable('case_review_marks')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('marked_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('marked_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_review_marks_pk', ['clinic_id', 'patient_id'])
    .execute();

  await db.schema
    .createTable('case_review_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('review_date', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    /** JSON array of user ids (the care manager, the psychiatric consultant, others). */
    .addColumn('participant_ids', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_review_sessions_clinic_date')
    .on('case_review_sessions')
    .columns(['clinic_id', 'review_date'])
    .execute();

  await db.schema
    .createTable('case_review_recommendations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('session_id', 'text', (c) => c.references('case_review_sessions.id'))
    .addColumn('by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_review_recommendations_patient')
    .on('case_review_recommendations')
    .columns(['clinic_id', 'patient_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('case_review_recommendations_session')
    .on('case_review_recommendations')
    .columns(['clinic_id', 'session_id'])
    .execute();
}
