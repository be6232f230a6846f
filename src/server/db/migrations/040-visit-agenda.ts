import type { Kysely } from 'kysely';

// Issue 14: "What I want to talk about" (the patient's agenda items for their next visit), and indexes that
// let the timeline read every table it shows by (clinic_id, patient_id, <day>) ranges.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('visit_agenda_items')
    // Made by the client, so a retried add finds the first one.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    // 'therapist' | 'prescriber' | 'both' (both = the whole care team).
    .addColumn('addressed_to', 'text', (c) => c.notNull())
    // The appointment it was added for, when added from an appointment; null = the next visit.
    .addColumn('appointment_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    // 'open' | 'discussed'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('discussed_by', 'text', (c) => c.references('users.id'))
    .addColumn('discussed_at', 'bigint')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('visit_agenda_items_patient')
    .on('visit_agenda_items')
    .columns(['clinic_id', 'patient_id', 'status', 'created_at'])
    .execute();
  // The timeline reads a patient's medication changes by day; the only index was per medication, so every
  // timeline read scanned the clinic's whole table (EXPLAIN QUERY PLAN: SCAN medication_changes).
  await db.schema
    .createIndex('medication_changes_patient_day')
    .on('medication_changes')
    .columns(['clinic_id', 'patient_id', 'effective_on'])
    .execute();
}
