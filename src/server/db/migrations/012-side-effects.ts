import type { Kysely } from 'kysely';

// Side-effect reports and the prescriber's answers (issue 4). Portable types only: instants are bigint
// epoch ms, JSON is text, days are 'YYYY-MM-DD' text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('side_effect_reports')
    // Made by the client, so a retried submit finds the first one.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    // The suspected medication; null = "not sure". Name and dose are copied as they were that day.
    .addColumn('medication_id', 'text')
    .addColumn('medication_name', 'text')
    .addColumn('guide_key', 'text')
    .addColumn('dose_amount', 'real')
    .addColumn('dose_unit', 'text')
    .addColumn('symptoms', 'text', (c) => c.notNull())
    .addColumn('urgent_symptoms', 'text', (c) => c.notNull())
    .addColumn('other_text', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('interference', 'integer', (c) => c.notNull())
    .addColumn('wants_to_stop', 'integer', (c) => c.notNull())
    .addColumn('urgent', 'integer', (c) => c.notNull())
    .addColumn('reported_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reported_at', 'bigint', (c) => c.notNull())
    .addColumn('reported_day', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('side_effect_reports_patient')
    .on('side_effect_reports')
    .columns(['clinic_id', 'patient_id', 'reported_at'])
    .execute();

  await db.schema
    .createTable('side_effect_answers')
    // Made by the client (retry-safe).
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('side_effect_reports.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text')
    .addColumn('medication_change_id', 'text')
    .addColumn('answered_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('answered_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('side_effect_answers_report')
    .on('side_effect_answers')
    .columns(['clinic_id', 'report_id', 'answered_at'])
    .execute();
}
