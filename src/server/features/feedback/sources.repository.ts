import type { Db } from '../../db/database.js';

// SQL on other features' tables that their exports do not cover (one session by id; a clinic-wide batch
// for the nudge check). Column meanings: src/server/db/schema-appointments.ts, schema-medications.ts.

export async function attendedTherapySession(
  db: Db,
  clinicId: string,
  patientId: string,
  appointmentId: string,
) {
  return db
    .selectFrom('appointments')
    .select(['id', 'starts_at', 'local_day'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('id', '=', appointmentId)
    .where('status', '=', 'attended')
    .where('type', '=', 'therapy_session')
    .executeTakeFirst();
}

/** Attended therapy sessions of a clinic that started in [from, to), with the patient's account. */
export async function attendedSessionsOfClinic(db: Db, clinicId: string, from: number, to: number) {
  const rows = await db
    .selectFrom('appointments as a')
    .innerJoin('patients as p', (j) =>
      j.onRef('p.id', '=', 'a.patient_id').onRef('p.clinic_id', '=', 'a.clinic_id'),
    )
    .select(['a.id', 'a.patient_id', 'a.starts_at', 'a.local_day', 'p.user_id', 'p.time_zone'])
    .where('a.clinic_id', '=', clinicId)
    .where('a.status', '=', 'attended')
    .where('a.type', '=', 'therapy_session')
    .where('a.starts_at', '>=', from)
    .where('a.starts_at', '<', to)
    .orderBy('a.starts_at')
    .execute();
  return rows.map((r) => ({ ...r, starts_at: r.starts_at }));
}

/** The patient's current medications (active or paused, not stopped), for the four-weekly ratings. */
export async function currentMedications(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('medications')
    .select(['id', 'name'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('status', '!=', 'stopped')
    .orderBy('start_date')
    .orderBy('name')
    .execute();
}
