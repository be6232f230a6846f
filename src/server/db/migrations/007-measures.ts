import type { Kysely } from 'kysely';

// Questionnaire answers (PHQ-9, GAD-7, …) and the risk assessments that close a self-harm alert.
// Portable types only: instants are bigint epoch ms, JSON is text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('questionnaire_responses')
    // Made by the client, so a retried submit finds the first one.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('instrument_version', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('total', 'integer')
    .addColumn('severity', 'text')
    .addColumn('item9', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'bigint', (c) => c.notNull())
    .addColumn('answered_day', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // A patient's history of one instrument in order; the registry reads baseline and latest from it.
  await db.schema
    .createIndex('questionnaire_responses_patient')
    .on('questionnaire_responses')
    .columns(['clinic_id', 'patient_id', 'instrument', 'answered_at'])
    .execute();

  await db.schema
    .createTable('risk_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('response_id', 'text')
    .addColumn('alert_id', 'text')
    .addColumn('contacted_at', 'bigint', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('actions', 'text', (c) => c.notNull())
    .addColumn('actions_other', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('risk_assessments_patient')
    .on('risk_assessments')
    .columns(['clinic_id', 'patient_id', 'created_at'])
    .execute();
}
