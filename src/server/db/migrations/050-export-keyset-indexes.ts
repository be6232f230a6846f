import type { Kysely } from 'kysely';

// Issue 16: the bulk export of the care records reads dose logs (MedicationStatement), messages
// (Communication) and the medication safety entries (AllergyIntolerance) in keyset pages of the clinic in id
// order, like the tables of migration 045. Without a (clinic_id, id) index such a page walks the primary key and
// skips every other clinic's rows on a database that holds several clinics.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['dose_logs', 'messages', 'medication_safety_entries'])
    await db.schema.createIndex(`${table}_clinic_keyset`).on(table).columns(['clinic_id', 'id']).execute();
}
