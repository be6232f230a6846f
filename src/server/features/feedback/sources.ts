import type { Db } from '../../db/database.js';
import { listAttendedSessions } from '../appointments/index.js';
import * as repo from './sources.repository.js';

// What feedback reads from other features: attended therapy sessions (appointments) and current
// medications. Kept in this one file so a change on their side touches one place.

/** An attended therapy session: the only kind of appointment that gets a feedback form. */
export interface AttendedSession {
  appointmentId: string;
  startsAt: number;
  /** The session's local day (the patient's zone when booked). */
  day: string;
}

/** The patient's attended therapy sessions since an instant, oldest first. */
export async function attendedSessionsSince(
  db: Db,
  clinicId: string,
  patientId: string,
  since: number,
): Promise<AttendedSession[]> {
  const sessions = await listAttendedSessions(db, clinicId, patientId, { since });
  return sessions.map((s) => ({ appointmentId: s.appointmentId, startsAt: s.startsAt, day: s.day }));
}

/** One attended therapy session of this patient, or undefined (unknown, someone else's, not attended). */
export async function attendedSession(
  db: Db,
  clinicId: string,
  patientId: string,
  appointmentId: string,
): Promise<AttendedSession | undefined> {
  const row = await repo.attendedTherapySession(db, clinicId, patientId, appointmentId);
  return row ? { appointmentId: row.id, startsAt: row.starts_at, day: row.local_day } : undefined;
}

export { attendedSessionsOfClinic, currentMedications } from './sources.repository.js';
