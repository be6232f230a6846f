import type { Kysely } from 'kysely';

// Issue 15: an appointment may name its room and a telehealth link (https only, checked at the edge), and
// the day and week schedule reads one clinician's (or the clinic's) appointments by start.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('appointments').addColumn('room', 'text').execute();
  await db.schema.alterTable('appointments').addColumn('telehealth_url', 'text').execute();
  await db.schema
    .createIndex('appointments_clinician_start')
    .on('appointments')
    .columns(['clinic_id', 'clinician_id', 'starts_at'])
    .execute();
}
