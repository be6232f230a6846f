import type { Kysely } from 'kysely';

// The patient's medication-safety profile (issue 11): allergies, other medicines, prescribing-relevant
// conditions (one entries table, a kind per row) and the body weight. Portable types only: instants are
// bigint epoch ms. Entries are never deleted: a removal is a status, so the history stays readable.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('medication_safety_entries')
    // Made by the client, so a retried submit finds the first one.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // The substance (allergy), the medicine's name as typed (other medicine) or the condition code.
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('reaction', 'text')
    .addColumn('severity', 'text')
    .addColumn('dose_text', 'text')
    .addColumn('notes', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('entered_by_role', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'bigint', (c) => c.notNull())
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'bigint')
    .addColumn('rejection_reason', 'text')
    .addColumn('removed_by', 'text', (c) => c.references('users.id'))
    .addColumn('removed_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('medication_safety_entries_patient')
    .on('medication_safety_entries')
    .columns(['clinic_id', 'patient_id', 'status'])
    .execute();

  await db.schema
    .createTable('medication_safety_profiles')
    .addColumn('patient_id', 'text', (c) => c.primaryKey().references('patients.id'))
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('weight_kg', 'double precision')
    .addColumn('weight_recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('weight_recorded_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}
