import type { Kysely } from 'kysely';

// Questionnaire reminders (issue 5): one row per reminder sent, so a rerun of the scheduled check (or a second
// app instance) never emails the same patient twice for the same questionnaire and due date.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('measure_reminders')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('measure_reminders_pk', ['patient_id', 'instrument', 'due_date'])
    .execute();
}
