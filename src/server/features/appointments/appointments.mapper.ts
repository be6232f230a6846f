import {
  appointmentModeSchema,
  appointmentStatusSchema,
  appointmentTypeSchema,
  cancelledBySchema,
  frequencySchema,
  type Appointment,
} from '../../../shared/appointments/schemas.js';
import type { AppointmentRow } from './appointments.repository.js';

/** Row → API shape; enums are checked and the integer flag becomes a boolean. */
export function toAppointment(row: AppointmentRow): Appointment {
  return {
    id: row.id,
    patientId: row.patient_id,
    seriesId: row.series_id,
    recurrence:
      row.series_id !== null && row.frequency !== null
        ? {
            frequency: frequencySchema.parse(row.frequency),
            count: row.count === null ? null : row.count,
            untilDay: row.until_day,
          }
        : null,
    type: appointmentTypeSchema.parse(row.type),
    clinicianId: row.clinician_id,
    clinicianName: row.clinician_name,
    mode: appointmentModeSchema.parse(row.mode),
    day: row.local_day,
    time: row.local_time,
    timeZone: row.time_zone,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    durationMinutes: row.duration_minutes,
    location: row.location,
    room: row.room ?? null,
    telehealthUrl: row.telehealth_url ?? null,
    status: appointmentStatusSchema.parse(row.status),
    cancelledBy: row.cancelled_by === null ? null : cancelledBySchema.parse(row.cancelled_by),
    cancelledLate: row.cancelled_late === null ? null : row.cancelled_late === 1,
    cancelReason: row.cancel_reason,
    statusSetBy: row.status_set_by,
    statusSetAt: row.status_set_at === null ? null : row.status_set_at,
    version: row.version,
    createdAt: row.created_at,
  };
}
