import type { Db } from '../../db/database.js';
import type { AppointmentType } from '../../../shared/appointments/schemas.js';
import * as repo from './appointments.repository.js';

/** An appointment the patient attended (what session feedback and progress notes hang on). */
export interface AttendedSession {
  appointmentId: string;
  type: AppointmentType;
  clinicianId: string;
  startsAt: number;
  endsAt: number;
  /** Local day and time in `timeZone` (the patient's zone when booked). */
  day: string;
  time: string;
  timeZone: string;
}

/**
 * A patient's attended appointments, oldest first; by default therapy sessions only. For other features
 * (session feedback, progress notes) to read inside their own transaction: the caller has already checked
 * access and audits its own use case.
 */
export async function listAttendedSessions(
  db: Db,
  clinicId: string,
  patientId: string,
  opts: { type?: AppointmentType | 'any'; since?: number } = {},
): Promise<AttendedSession[]> {
  const type = opts.type ?? 'therapy_session';
  const rows = await repo.attendedOfPatient(db, clinicId, patientId, {
    ...(type === 'any' ? {} : { type }),
    ...(opts.since === undefined ? {} : { since: opts.since }),
  });
  return rows.map((r) => ({
    appointmentId: r.id,
    type: r.type === 'medication_review' ? 'medication_review' : 'therapy_session',
    clinicianId: r.clinician_id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    day: r.local_day,
    time: r.local_time,
    timeZone: r.time_zone,
  }));
}
