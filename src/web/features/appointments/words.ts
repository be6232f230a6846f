// Display words for appointments. No rules here: who may do what comes from the server's list.
import type {
  Appointment,
  AppointmentMode,
  AppointmentStatus,
  AppointmentType,
} from '../../../shared/appointments/schemas';

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

/** "Tue 3 Mar 2026, 09:00": the appointment's own local day and time (the patient's zone). */
export function whenWords(a: Pick<Appointment, 'day' | 'time'>): string {
  const date = new Date(`${a.day}T00:00:00Z`);
  const day = new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
  return `${day}, ${a.time}`;
}

export function cancelWords(a: Appointment): string {
  if (a.status !== 'cancelled') return '';
  const who = a.cancelledBy === 'patient' ? 'by the patient' : 'by the care team';
  return `Cancelled ${who}${a.cancelledLate ? ', late (under 24 h)' : ''}`;
}

export const percent = (rate: number | null): string =>
  rate === null ? '—' : `${String(Math.round(rate * 100))}%`;
