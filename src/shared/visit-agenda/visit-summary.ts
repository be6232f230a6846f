// The visit summary's pure parts (issue 14): where "since last visit" starts and what the other clinician
// did. No I/O: the server reads the records (through the timeline) and these rules shape them.
import { rateOf, type Rate } from '../adherence/adherence.js';
import { addresseeOfAppointment } from './rules.js';

/** The appointments the summary looks back over: type, clinician, day, start, status. */
export interface PastAppointment {
  id: string;
  clinicianId: string;
  day: string;
  startsAt: number;
  status: string;
}

/**
 * Where "since last visit" starts (product policy, issue 14): the day of the last appointment with the
 * same clinician that was attended and started before this one; with none, the treatment start (the
 * patient's enrolment day).
 */
export function sinceOf(
  appointment: { id: string; clinicianId: string; startsAt: number },
  history: readonly PastAppointment[],
  treatmentStart: string,
): { day: string; basis: 'last_visit' | 'treatment_start'; appointmentId: string | null } {
  let last: PastAppointment | null = null;
  for (const a of history)
    if (
      a.id !== appointment.id &&
      a.clinicianId === appointment.clinicianId &&
      a.status === 'attended' &&
      a.startsAt < appointment.startsAt &&
      (last === null || a.startsAt > last.startsAt)
    )
      last = a;
  return last
    ? { day: last.day, basis: 'last_visit', appointmentId: last.id }
    : { day: treatmentStart, basis: 'treatment_start', appointmentId: null };
}

/** Doses taken / scheduled over the summary's weeks (the timeline's weekly counts added up). */
export function adherenceOver(weeks: readonly { taken: number; scheduled: number }[]): Rate {
  let taken = 0;
  let scheduled = 0;
  for (const w of weeks) {
    taken += w.taken;
    scheduled += w.scheduled;
  }
  return rateOf(taken, scheduled);
}

const sessionWords: Record<string, string> = {
  attended: 'attended',
  no_show: 'missed (no-show)',
  cancelled: 'cancelled',
  scheduled: 'booked',
};

/**
 * What the other clinician did since the last visit: for the therapist's appointment, the prescriber's
 * medication changes and medication reviews; for the prescriber's, the therapy sessions and the plan's
 * versions and reviews. In day order.
 */
export function otherClinicianEntries(
  appointmentType: string,
  records: {
    sessions: readonly { day: string; type: string; status: string }[];
    changes: readonly { day: string; medicationName: string; summary: string; reason: string }[];
    plan: readonly { day: string; label: string }[];
  },
): { role: 'therapist' | 'prescriber'; entries: { day: string; what: string }[] } {
  const role = addresseeOfAppointment(appointmentType) === 'therapist' ? 'prescriber' : 'therapist';
  const otherType = role === 'prescriber' ? 'medication_review' : 'therapy_session';
  const sessionName = role === 'prescriber' ? 'Medication review' : 'Therapy session';
  const entries = records.sessions
    .filter((s) => s.type === otherType)
    .map((s) => ({ day: s.day, what: `${sessionName} ${sessionWords[s.status] ?? s.status}` }));
  if (role === 'prescriber')
    entries.push(
      ...records.changes.map((c) => ({
        day: c.day,
        what: `${c.medicationName}: ${c.summary}${c.reason ? ` (${c.reason})` : ''}`,
      })),
    );
  else entries.push(...records.plan.map((p) => ({ day: p.day, what: `Treatment plan: ${p.label}` })));
  return { role, entries: entries.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)) };
}
