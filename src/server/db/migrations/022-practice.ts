import type { Kysely } from 'kysely';

// Skills practice between sessions (issue 6): assignments, the patient's entries, the therapist's comments.
// Portable types only: instants are bigint epoch ms, days are YYYY-MM-DD text, JSON is text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('practice_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('library_version', 'text', (c) => c.notNull())
    .addColumn('instructions', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('start_day', 'text', (c) => c.notNull())
    .addColumn('due_day', 'text', (c) => c.notNull())
    .addColumn('ipt_problem_area', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .addColumn('ended_by', 'text', (c) => c.references('users.id'))
    .addColumn('ended_day', 'text')
    .addColumn('assigned_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('practice_assignments_patient')
    .on('practice_assignments')
    .columns(['clinic_id', 'patient_id', 'status'])
    .execute();

  await db.schema
    .createTable('practice_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('assignment_id', 'text', (c) => c.notNull().references('practice_assignments.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('sharing', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('completed_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('practice_entries_patient')
    .on('practice_entries')
    .columns(['clinic_id', 'patient_id', 'assignment_id', 'day'])
    .execute();

  await db.schema
    .createTable('practice_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('entry_id', 'text', (c) => c.notNull().references('practice_entries.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('practice_comments_entry')
    .on('practice_comments')
    .columns(['clinic_id', 'entry_id', 'created_at'])
    .execute();
}
