import type { Kysely } from 'kysely';

// Progress notes (+ append-only addenda), private psychotherapy notes and team summaries.
// Portable types only: instants are bigint epoch ms, JSON is text. The session link (appointment_id)
// has no foreign key: the appointments table comes from another migration, and the service checks
// that the session belongs to the patient.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('progress_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('appointment_id', 'text')
    .addColumn('session_date', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('signed_by', 'text', (c) => c.references('users.id'))
    .addColumn('signed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('progress_notes_patient')
    .on('progress_notes')
    .columns(['clinic_id', 'patient_id', 'session_date'])
    .execute();

  await db.schema
    .createTable('progress_note_addenda')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('note_id', 'text', (c) => c.notNull().references('progress_notes.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('written_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('written_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('progress_note_addenda_note')
    .on('progress_note_addenda')
    .columns(['note_id', 'written_at'])
    .execute();

  await db.schema
    .createTable('psychotherapy_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('session_date', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // Every read goes through the author: the index starts with them.
  await db.schema
    .createIndex('psychotherapy_notes_author')
    .on('psychotherapy_notes')
    .columns(['clinic_id', 'author_id', 'patient_id', 'session_date'])
    .execute();

  await db.schema
    .createTable('team_summaries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('written_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('written_at', 'bigint', (c) => c.notNull())
    .execute();
  // One row per version: two clinicians saving at once cannot both write version n.
  await db.schema
    .createIndex('team_summaries_version')
    .on('team_summaries')
    .columns(['clinic_id', 'patient_id', 'kind', 'version'])
    .unique()
    .execute();
}
