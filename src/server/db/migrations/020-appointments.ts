import type { Kysely } from 'kysely';

// Appointments and attendance (issue 6): series (the recurrence a booking was made from), one row per
// appointment, and the reminders sent. Portable types only: instants are bigint epoch ms, days are text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('appointment_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('count', 'integer')
    .addColumn('until_day', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('series_id', 'text', (c) => c.references('appointment_series.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('clinician_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('local_day', 'text', (c) => c.notNull())
    .addColumn('local_time', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cancelled_by', 'text')
    .addColumn('cancelled_late', 'integer')
    .addColumn('cancel_reason', 'text')
    .addColumn('status_set_by', 'text', (c) => c.references('users.id'))
    .addColumn('status_set_at', 'bigint')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // A patient's appointments in time order (lists, attendance, no-shows in a row, the calendar feed).
  await db.schema
    .createIndex('appointments_patient')
    .on('appointments')
    .columns(['clinic_id', 'patient_id', 'starts_at'])
    .execute();
  // The reminder check looks for scheduled appointments starting soon across the clinic.
  await db.schema
    .createIndex('appointments_upcoming')
    .on('appointments')
    .columns(['clinic_id', 'status', 'starts_at'])
    .execute();
  await db.schema
    .createIndex('appointments_series')
    .on('appointments')
    .columns(['series_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('appointment_reminders')
    .addColumn('appointment_id', 'text', (c) => c.notNull().references('appointments.id'))
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('appointment_reminders_pk', ['appointment_id', 'starts_at'])
    .execute();
}
