// Display words for appointments. No rules here: who may do what comes from the server's list.
import type {
  Appointment,
  AppointmentMode,
  AppointmentStatus,
  AppointmentType,
} from '../../../shared/appointments/schemas';
import { formatWhen } from '../../lib/format-time';

export const TYPE_LABELS: Record<AppointmentType, string> = {
  therapy_session: 'Therapy session',
  medication_review: 'Medication review',
};

export const MODE_LABELS: Record<AppointmentMode, string> = {
  in_person: 'In person',
  video: 'Video',
  phone: 'Phone',
};

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  scheduled: 'Scheduled',
  attended: 'Attended',
  no_show: 'No-show',
  cancelled: 'Cancelled',
};

export const STATUS_COLORS: Record<AppointmentStatus, string> = {
  scheduled: 'blue',
  attended: 'green',
  no_show: 'red',
  cancelled: 'gray',
};

/**
 * "Tue 3 Mar, 09:00" in the viewer's locale; when the appointment's zone (the patient's when booked) is not
 * the viewer's, the zone is named with the viewer's own time beside it: "Wed 9 Dec, 08:00 Berlin (01:00 your
 * time)" (issue 15, src/web/lib/format-time.ts).
 */
export function whenWords(a: Pick<Appointment, 'startsAt' | 'timeZone'>): string {
  return formatWhen(a.startsAt, { zone: a.timeZone });
}

export function cancelWords(a: Appointment): string {
  if (a.status !== 'cancelled') return '';
  const who = a.cancelledBy === 'patient' ? 'by the patient' : 'by the care team';
  return `Cancelled ${who}${a.cancelledLate ? ', late (under 24 h)' : ''}`;
}

export const percent = (rate: number | null): string =>
  rate === null ? '—' : `${String(Math.round(rate * 100))}%`;
