import type { Kysely } from 'kysely';

// The patient's feedback (issue 6): one answer per attended session, the four-weekly ratings of each part
// of the treatment, and the once-only email nudge. Portable types only: instants are bigint epoch ms.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('session_feedback')
    // Made by the client, so a retried submit finds the first one.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('appointment_id', 'text', (c) => c.notNull())
    .addColumn('session_at', 'bigint', (c) => c.notNull())
    .addColumn('session_day', 'text', (c) => c.notNull())
    .addColumn('helped', 'text', (c) => c.notNull())
    .addColumn('not_helped', 'text', (c) => c.notNull())
    .addColumn('goals_rating', 'integer', (c) => c.notNull())
    .addColumn('heard_rating', 'integer', (c) => c.notNull())
    .addColumn('change_request', 'text', (c) => c.notNull())
    .addColumn('low', 'integer', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // One answer per session, whatever id a second device makes up.
  await db.schema
    .createIndex('session_feedback_one_per_session')
    .on('session_feedback')
    .columns(['clinic_id', 'appointment_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('session_feedback_patient')
    .on('session_feedback')
    .columns(['clinic_id', 'patient_id', 'session_at'])
    .execute();

  await db.schema
    .createTable('treatment_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('rated_at', 'bigint', (c) => c.notNull())
    .addColumn('rated_day', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('treatment_ratings_patient')
    .on('treatment_ratings')
    .columns(['clinic_id', 'patient_id', 'rated_at'])
    .execute();
  await db.schema
    .createTable('treatment_rating_items')
    .addColumn('rating_id', 'text', (c) => c.notNull().references('treatment_ratings.id'))
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('part_kind', 'text', (c) => c.notNull())
    .addColumn('part_key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('treatment_rating_items_pk', ['rating_id', 'part_kind', 'part_key'])
    .execute();

  // The feedback email goes once per session; the primary key makes a rerun of the check harmless.
  await db.schema
    .createTable('feedback_nudges')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('appointment_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_nudges_pk', ['clinic_id', 'appointment_id'])
    .execute();
}
