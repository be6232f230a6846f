import type { Kysely } from 'kysely';

// Issue 16: FHIR Bulk Data `$export` jobs (hl7.org/fhir/uv/bulkdata). A job belongs to the API client that
// started it and to its clinic; its NDJSON files live under DATA_DIR/exports/<job id>/ and are listed in
// `output` (JSON) once complete. Jobs and files are removed `expires_at` (24 h after finishing) by a
// scheduled check; a running job's `updated_at` moves with each batch so an interrupted one can be told apart.
// The export reads each table in keyset pages of the clinic in id order: (clinic_id, id) indexes serve those
// pages straight (without them SQLite took the clinic's other index and sorted the whole clinic per page).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fhir_export_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    // 'system' | 'group' | 'patient'
    .addColumn('level', 'text', (c) => c.notNull())
    // The kick-off URL as the client sent it (the manifest's `request`).
    .addColumn('request', 'text', (c) => c.notNull())
    // JSON array of the resource types to export.
    .addColumn('types', 'text', (c) => c.notNull())
    .addColumn('since', 'bigint')
    // 'running' | 'completed' | 'failed' | 'cancelled'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('resources', 'bigint', (c) => c.notNull())
    // JSON array of { type, file, count } once complete.
    .addColumn('output', 'text')
    .addColumn('error', 'text')
    .addColumn('transaction_time', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .addColumn('expires_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('fhir_export_jobs_client')
    .on('fhir_export_jobs')
    .columns(['clinic_id', 'client_id', 'status'])
    .execute();
  await db.schema
    .createIndex('fhir_export_jobs_expiry')
    .on('fhir_export_jobs')
    .columns(['status', 'expires_at'])
    .execute();
  // patients already has (clinic_id, id) from migration 044 (patients_clinic_id).
  for (const table of ['questionnaire_responses', 'medications', 'appointments'])
    await db.schema.createIndex(`${table}_clinic_keyset`).on(table).columns(['clinic_id', 'id']).execute();
}
