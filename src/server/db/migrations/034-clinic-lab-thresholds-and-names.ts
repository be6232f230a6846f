import type { Kysely } from 'kysely';

// Clinic-editable safety data (issue 11): the numbers of a laboratory range a clinic admin changed (JSON array,
// one number per threshold of shared/medication-safety/lab-ranges.ts, with who and when; no row = the
// reference), and the other names (national brands, local names) a clinic added to its catalogue entries.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('clinic_lab_thresholds')
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('range_id', 'text', (c) => c.notNull())
    .addColumn('thresholds', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('changed_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('clinic_lab_thresholds_pk', ['clinic_id', 'range_id'])
    .execute();
  await db.schema
    .createTable('medication_catalogue_names')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('catalogue_id', 'text', (c) => c.notNull().references('medication_catalogue.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    /** The name as compared (lower case, trimmed): one entry per name in a clinic. */
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('medication_catalogue_names_key')
    .on('medication_catalogue_names')
    .columns(['clinic_id', 'name_key'])
    .unique()
    .execute();
}
