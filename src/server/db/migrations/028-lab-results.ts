import type { Kysely } from 'kysely';

// Laboratory results (issue 11; medication-safety.md §3): every monitoring result keeps the interpretation
// made when it was recorded (JSON of shared/medication-safety/labs.ts LabInterpretation, null for checks Duet
// does not interpret such as weight), its tier for queries, and the upper limit of normal the laboratory gave.
// Per clozapine record: whether the benign-ethnic-neutropenia ANC table applies (versioned, If-Match).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('monitoring_results').addColumn('interpretation', 'text').execute();
  await db.schema.alterTable('monitoring_results').addColumn('tier', 'text').execute();
  await db.schema
    .alterTable('monitoring_results')
    .addColumn('upper_limit_of_normal', 'double precision')
    .execute();
  await db.schema
    .createTable('medication_lab_profiles')
    .addColumn('medication_id', 'text', (c) => c.primaryKey().references('medications.id'))
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('benign_ethnic_neutropenia', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('medication_lab_profiles_patient')
    .on('medication_lab_profiles')
    .columns(['clinic_id', 'patient_id'])
    .execute();
}
