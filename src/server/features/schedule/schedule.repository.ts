import type { Db } from '../../db/database.js';

/**
 * The schedule's SQL (issue 15): appointments starting in [from, to) of one clinician or of the whole clinic,
 * not cancelled, with the clinician's name, the patient's name and zone, and whether the viewer is on the
 * patient's care team; one statement, by the (clinic, clinician, start) or (clinic, status, start) index.
 * Reads only (reading other features' tables is allowed, writing is not).
 */
export function appointmentsBetween(
  db: Db,
  clinicId: string,
  viewerId: string,
  range: { from: number; to: number; clinicianId: string | null },
) {
  let q = db
    .selectFrom('appointments as a')
    .innerJoin('users as u', (j) => j.onRef('u.id', '=', 'a.clinician_id').on('u.clinic_id', '=', clinicId))
    .innerJoin('patients as p', (j) => j.onRef('p.id', '=', 'a.patient_id').on('p.clinic_id', '=', clinicId))
    .select((eb) => [
      'a.id',
      'a.patient_id',
      'a.starts_at',
      'a.ends_at',
      'a.type',
      'a.mode',
      'a.status',
      'a.room',
      'a.telehealth_url',
      'a.location',
      'a.clinician_id',
      'u.name as clinician_name',
      'p.given_name',
      'p.family_name',
      'p.time_zone',
      eb
        .exists(
          eb
            .selectFrom('care_team_members as m')
            .select('m.patient_id')
            .whereRef('m.patient_id', '=', 'a.patient_id')
            .where('m.user_id', '=', viewerId)
            .where('m.clinic_id', '=', clinicId),
        )
        .as('on_team'),
    ])
    .where('a.clinic_id', '=', clinicId)
    .where('a.status', '!=', 'cancelled')
    .where('a.starts_at', '>=', range.from)
    .where('a.starts_at', '<', range.to);
  if (range.clinicianId !== null) q = q.where('a.clinician_id', '=', range.clinicianId);
  return q.orderBy('a.starts_at').orderBy('a.id').execute();
}

/** The clinic's active clinicians (the schedule's clinician picker). */
export function cliniciansOf(db: Db, clinicId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where('clinic_id', '=', clinicId)
    .where('role', 'in', ['therapist', 'prescriber', 'care_manager'])
    .where('status', '=', 'active')
    .orderBy('name')
    .execute();
}
