import type { Kysely } from 'kysely';
import type { MedicationCatalogueTable } from '../schema-medications.js';
import { v7 as uuidv7 } from 'uuid';
import { catalogueSeed } from '../../../shared/medications/catalogue-seed.js';

// Medications (issue 4): the clinic's catalogue, a patient's medication records with their dose periods,
// the full change history, and monitoring results. Portable types only: instants bigint epoch ms, JSON text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('medication_catalogue')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('generic_name', 'text', (c) => c.notNull())
    .addColumn('drug_class', 'text', (c) => c.notNull())
    .addColumn('drug_group', 'text', (c) => c.notNull())
    .addColumn('rxnorm_code', 'text')
    .addColumn('rxnorm_source', 'text', (c) => c.notNull())
    .addColumn('rxnorm_verified', 'integer', (c) => c.notNull())
    .addColumn('monitoring', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('urgent_symptoms', 'text', (c) => c.notNull())
    .addColumn('guide_class', 'text', (c) => c.notNull())
    .addColumn('monitoring_programs', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // One entry per name in a clinic: the seed and the admin never create a duplicate.
  await db.schema
    .createIndex('medication_catalogue_name')
    .on('medication_catalogue')
    .columns(['clinic_id', 'generic_name'])
    .unique()
    .execute();

  await db.schema
    .createTable('medications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('catalogue_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('drug_class', 'text')
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('instructions', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('prescribed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('medications_patient')
    .on('medications')
    .columns(['clinic_id', 'patient_id', 'start_date'])
    .execute();

  await db.schema
    .createTable('medication_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('medication_id', 'text', (c) => c.notNull().references('medications.id'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('dose_amount', 'double precision', (c) => c.notNull())
    .addColumn('dose_unit', 'text', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('paused', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('change_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('medication_periods_medication')
    .on('medication_periods')
    .columns(['medication_id', 'starts_on'])
    .execute();

  await db.schema
    .createTable('medication_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('medication_id', 'text', (c) => c.notNull().references('medications.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('changed_at', 'bigint', (c) => c.notNull())
    .addColumn('side_effect_report_id', 'text')
    .execute();
  await db.schema
    .createIndex('medication_changes_medication')
    .on('medication_changes')
    .columns(['medication_id', 'changed_at'])
    .execute();
  await db.schema
    .createIndex('medication_changes_report')
    .on('medication_changes')
    .columns(['side_effect_report_id'])
    .execute();

  await db.schema
    .createTable('monitoring_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('medication_id', 'text')
    .addColumn('test', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('taken_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('monitoring_results_patient')
    .on('monitoring_results')
    .columns(['clinic_id', 'patient_id', 'test', 'taken_on'])
    .execute();

  // Existing clinics get the starting catalogue; new clinics get it when created (accounts.insertClinic).
  const clinics = await (db as Kysely<{ clinics: { id: string; created_at: number } }>)
    .selectFrom('clinics')
    .select(['id'])
    .execute();
  const now = Date.now();
  for (const clinic of clinics) {
    await (db as Kysely<{ medication_catalogue: MedicationCatalogueTable }>)
      .insertInto('medication_catalogue')
      .values(catalogueRows(clinic.id, now))
      .execute();
  }
}

/**
 * The starting catalogue (shared/medications/catalogue-seed.ts) as rows for one clinic, in the columns this
 * migration creates. Kept here so the migration imports no feature (issue 18); new clinics get their rows from
 * the medications feature (seedCatalogueForClinic). Ids are UUIDv7, as platform/ids.ts makes them.
 */
function catalogueRows(clinicId: string, now: number): MedicationCatalogueTable[] {
  return catalogueSeed.map((e) => ({
    id: uuidv7(),
    clinic_id: clinicId,
    generic_name: e.genericName,
    drug_class: e.drugClass,
    drug_group: e.drugGroup,
    rxnorm_code: e.rxnormCode,
    rxnorm_source: e.rxnormSource,
    rxnorm_verified: e.rxnormVerified ? 1 : 0,
    monitoring: e.monitoring,
    notes: e.notes,
    urgent_symptoms: JSON.stringify(e.urgentSymptoms),
    guide_class: e.guideClass,
    monitoring_programs: JSON.stringify(e.monitoringPrograms),
    active: 1,
    created_at: now,
    updated_at: now,
    version: 1,
  }));
}
