import type { Kysely } from 'kysely';

// A counter per patient, raised in the same transaction as every write that can change their adherence:
// a dose logged or corrected, a medication started, changed, paused, resumed or stopped. Lists such as the
// registry keep each patient's computed adherence with the counter it was computed at, and compute it again
// only when the counter (or the patient's day) has moved, instead of reading every recent dose each time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dose_record_versions')
    .addColumn('patient_id', 'text', (c) => c.primaryKey().references('patients.id'))
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
}
