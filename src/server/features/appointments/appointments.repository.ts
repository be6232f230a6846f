import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AppointmentTable } from '../../db/schema-appointments.js';
import { refreshLastContact } from '../last-contact/index.js';

/** Appointment columns with the clinician's name and the series' rule (the mapper's input). */
function selectAppointments(db: Db, clinicId: string) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('users as u', (j) => j.onRef('u.id', '=', 'a.clinician_id').on('u.clinic_id', '=', clinicId))
    .leftJoin('appointment_series as s', 's.id', 'a.series_id')
    .selectAll('a')
    .select(['u.name as clinician_name', 's.frequency', 's.count', 's.until_day'])
    .where('a.clinic_id', '=', clinicId);
}
export type AppointmentRow = Awaited<ReturnType<ReturnType<typeof selectAppointments>['execute']>>[number];

export function findAppointment(db: Db, clinicId: string, id: string): Promise<AppointmentRow | undefined> {
  return selectAppointments(db, clinicId).where('a.id', '=', id).executeTakeFirst();
}

export function appointmentsOfPatient(
  db: Db,
  clinicId: string,
  patientId: string,
  range: { from?: number; to?: number } = {},
): Promise<AppointmentRow[]> {
  let q = selectAppointments(db, clinicId).where('a.patient_id', '=', patientId);
  if (range.from !== undefined) q = q.where('a.ends_at', '>', range.from);
  if (range.to !== undefined) q = q.where('a.starts_at', '<', range.to);
  return q.orderBy('a.starts_at').orderBy('a.id').execute();
}

/**
 * One view of a patient's appointments, bounded (issue 19): the coming ones (not yet ended) earliest first,
 * then the past ones latest first, at most `limit` in all, so a bound never leaves out a coming one for an
 * old one. 'past' means started before `now`, as in appointmentsOfPatient.
 */
export async function appointmentsOfPatientBounded(
  db: Db,
  clinicId: string,
  patientId: string,
  when: 'all' | 'upcoming' | 'past',
  now: number,
  limit: number,
): Promise<AppointmentRow[]> {
  const of = () => selectAppointments(db, clinicId).where('a.patient_id', '=', patientId);
  const coming =
    when === 'past'
      ? []
      : await of().where('a.ends_at', '>', now).orderBy('a.starts_at').orderBy('a.id').limit(limit).execute();
  if (when === 'upcoming' || coming.length >= limit) return coming;
  const past = await (
    when === 'past' ? of().where('a.starts_at', '<', now) : of().where('a.ends_at', '<=', now)
  )
    .orderBy('a.starts_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit - coming.length)
    .execute();
  return [...coming, ...past];
}

/** The rows of a series from one start on (the "this and the following" edits), in order. */
export function seriesFrom(db: Db, clinicId: string, seriesId: string, fromStartsAt: number) {
  return selectAppointments(db, clinicId)
    .where('a.series_id', '=', seriesId)
    .where('a.starts_at', '>=', fromStartsAt)
    .orderBy('a.starts_at')
    .execute();
}

export async function findSeries(db: Db, clinicId: string, id: string) {
  return db
    .selectFrom('appointment_series')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function idsOfSeries(db: Db, clinicId: string, seriesId: string) {
  return db
    .selectFrom('appointments')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .where('series_id', '=', seriesId)
    .orderBy('starts_at')
    .execute();
}

/** False when the id is taken (a retried booking, or a race with one). */
export async function insertSeries(
  db: Db,
  row: {
    id: string;
    clinic_id: string;
    patient_id: string;
    frequency: string;
    count: number | null;
    until_day: string | null;
    created_by: string;
    created_at: number;
  },
): Promise<boolean> {
  const r = await db
    .insertInto('appointment_series')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function insertAppointment(db: Db, row: Insertable<AppointmentTable>): Promise<boolean> {
  const r = await db
    .insertInto('appointments')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  const inserted = Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  if (inserted && row.status === 'attended') await refreshLastContact(db, row.clinic_id, row.patient_id);
  return inserted;
}

/**
 * Updates one appointment at the version the caller saw; false when it changed meanwhile. An attended
 * appointment is a clinician contact, so a change of status or time refreshes the patient's last contact.
 */
export async function updateAppointment(
  db: Db,
  clinicId: string,
  id: string,
  version: number,
  patch: Updateable<AppointmentTable>,
): Promise<boolean> {
  const updated = await db
    .updateTable('appointments')
    .set({ ...patch, version: version + 1 })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('patient_id')
    .executeTakeFirst();
  if (updated && (patch.status !== undefined || patch.starts_at !== undefined))
    await refreshLastContact(db, clinicId, updated.patient_id);
  return updated !== undefined;
}

/** The patient's appointments whose attendance can matter for "no-shows in a row" (started by `upTo`). */
export function pastOfPatient(db: Db, clinicId: string, patientId: string, upTo: number) {
  return db
    .selectFrom('appointments')
    .select(['id', 'starts_at', 'status', 'clinician_id'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('starts_at', '<=', upTo)
    .orderBy('starts_at', 'desc')
    .limit(50)
    .execute();
}

/** Attended appointments of a patient, oldest first (read by the session-feedback feature). */
export function attendedOfPatient(
  db: Db,
  clinicId: string,
  patientId: string,
  opts: { type?: string; since?: number } = {},
) {
  let q = db
    .selectFrom('appointments')
    .select(['id', 'type', 'clinician_id', 'starts_at', 'ends_at', 'local_day', 'local_time', 'time_zone'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('status', '=', 'attended');
  if (opts.type !== undefined) q = q.where('type', '=', opts.type);
  if (opts.since !== undefined) q = q.where('starts_at', '>=', opts.since);
  return q.orderBy('starts_at').execute();
}

/** Scheduled and past-not-cancelled appointments on local days fromDay..toDay (the calendar feed). */
export function appointmentsOnDays(
  db: Db,
  clinicId: string,
  patientId: string,
  fromDay: string,
  toDay: string,
) {
  return db
    .selectFrom('appointments')
    .select(['id', 'starts_at', 'ends_at', 'mode'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('local_day', '>=', fromDay)
    .where('local_day', '<=', toDay)
    .where('status', '!=', 'cancelled')
    .orderBy('starts_at')
    .execute();
}
