import type { Kysely } from 'kysely';

// The patient's dose side of medications (issue 4): dose logs, supplies for the refill forecast, reminder
// choices, reminders sent, and the private calendar feed. Portable types only: instants are bigint epoch ms,
// days are YYYY-MM-DD text, booleans are 0/1 integers.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dose_logs')
    // Made by the phone, so a retried "taken" finds the first log.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('medication_id', 'text', (c) => c.notNull())
    // `${medicationId}:${localDate}:${localTime}`; null for as-needed doses.
    .addColumn('dose_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('skip_reason', 'text')
    .addColumn('note', 'text')
    .addColumn('taken_at', 'bigint')
    .addColumn('scheduled_for', 'bigint')
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('dose_amount', 'double precision', (c) => c.notNull())
    .addColumn('dose_unit', 'text', (c) => c.notNull())
    .addColumn('as_needed', 'integer', (c) => c.notNull())
    .addColumn('late_entry', 'integer', (c) => c.notNull())
    .addColumn('logged_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // One log per scheduled dose, whatever the phone sends: a double tap with two ids cannot make two.
  // (NULL dose keys — as-needed doses — never collide in a unique index on either engine.)
  await db.schema
    .createIndex('dose_logs_patient_dose_key')
    .on('dose_logs')
    .columns(['patient_id', 'dose_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('dose_logs_patient_day')
    .on('dose_logs')
    .columns(['clinic_id', 'patient_id', 'local_date'])
    .execute();

  // A counted supply of one medication; the newest per medication drives the refill forecast.
  await db.schema
    .createTable('medication_supplies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('medication_id', 'text', (c) => c.notNull())
    .addColumn('quantity', 'double precision', (c) => c.notNull())
    // How much of the dose unit one supply unit holds (50 for a 50 mg tablet); null: one unit per dose.
    .addColumn('unit_strength', 'double precision')
    .addColumn('counted_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // Set once when the "runs out in 7 days" reminder went: one reminder per supply.
    .addColumn('reminded_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('medication_supplies_patient')
    .on('medication_supplies')
    .columns(['clinic_id', 'patient_id', 'medication_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('dose_reminder_settings')
    .addColumn('patient_id', 'text', (c) => c.primaryKey().references('patients.id'))
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('in_app', 'integer', (c) => c.notNull())
    .addColumn('email', 'integer', (c) => c.notNull())
    .addColumn('calendar_show_names', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // One email per scheduled dose: the primary key decides, so reruns and a second instance send nothing twice.
  await db.schema
    .createTable('dose_reminders_sent')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('dose_key', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('dose_reminders_sent_pk', ['patient_id', 'dose_key'])
    .execute();

  // The private calendar URL: only the token's SHA-256 is kept; a reset replaces the row (old URL → 404).
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('patient_id', 'text', (c) => c.primaryKey().references('patients.id'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}
