import type { Db } from '../../db/database.js';
import { appointmentsOnDays } from './appointments.repository.js';

const modeWords: Record<string, string> = { in_person: 'in person', video: 'by video', phone: 'by phone' };

/**
 * Appointments in the patient's private calendar feed. Discreet: a phone calendar is seen by others, so the
 * summary says "Appointment" and how (in person, video, phone), never therapy, medication or a clinician's
 * name. The UID is the appointment id, so a moved appointment moves; a cancelled one leaves the feed.
 * Shaped as the feed's CalendarProvider (calendar-feed/providers.ts lists it there, which checks the shape);
 * appointments does not import the feed, which sits above it (issue 18).
 */
export async function appointmentEvents(
  deps: { db: Db },
  patient: { id: string; clinicId: string },
  range: { fromDay: string; toDay: string },
) {
  const rows = await appointmentsOnDays(deps.db, patient.clinicId, patient.id, range.fromDay, range.toDay);
  return rows.map((a) => ({
    uid: `appointment-${a.id}@duet`,
    start: a.starts_at,
    end: a.ends_at,
    summary: `Appointment (${modeWords[a.mode] ?? 'see Duet'})`,
    description: 'Open Duet for the details.',
  }));
}
