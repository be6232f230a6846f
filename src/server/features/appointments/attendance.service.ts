import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import { emitEvent } from '../../platform/outbox/emit.js';
import { clinicSettings } from '../clinic/index.js';
import { appointmentSettings } from '../../../shared/appointments/settings.js';
import { attendanceTypes } from '../../../shared/appointments/permissions.js';
import { attendanceOverTime } from '../../../shared/appointments/attendance.js';
import { noShowAlertDue, noShowStreak } from '../../../shared/appointments/no-shows.js';
import type { Appointment, Attendance, AttendanceUpdate } from '../../../shared/appointments/schemas.js';
import * as repo from './appointments.repository.js';
import { toAppointment } from './appointments.mapper.js';
import { appointmentOf, forbidden, stale } from './appointment-guards.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';

/** Attendance over time for the care team: the last 90 days, each month, and the current no-show run. */
export function attendanceOf(deps: AppDeps, actor: Actor, patientId: string): Promise<Attendance> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'appointment.attendance_read', resourceType: 'appointment' },
    async (trx) => {
      const patient = await patientBasics(trx, actor.clinicId, patientId);
      if (!patient) throw notFound('Patient');
      const now = deps.clock.now();
      const all = (await repo.appointmentsOfPatient(trx, actor.clinicId, patientId, { to: now })).map(
        toAppointment,
      );
      const over = attendanceOverTime(all, now, patient.timeZone);
      return { ...over, consecutiveNoShows: noShowStreak(all).length };
    },
  );
}

/**
 * Records attendance: attended or no-show, by the clinician role that holds the type, once the
 * appointment has started. A mark can be corrected (attended ↔ no-show). In the same transaction: the
 * "attended" event (the patient's feedback form follows it), or the no-shows-in-a-row event when this
 * no-show completes a run of the clinic's threshold (default 2).
 */
export function setAttendance(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  appointmentId: string,
  version: number,
  input: AttendanceUpdate,
): Promise<Appointment> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'appointment.attendance', resourceType: 'appointment', resourceId: appointmentId },
    async (trx) => {
      const row = await appointmentOf(trx, actor, patientId, appointmentId);
      const current = toAppointment(row);
      if (!attendanceTypes(actor.role).includes(current.type))
        throw forbidden(
          current.type === 'therapy_session'
            ? 'Attendance at therapy sessions is recorded by the therapist.'
            : 'Attendance at medication reviews is recorded by the prescriber.',
          'attendance_not_yours',
        );
      if (current.status === input.status) return current; // a double tap
      if (current.version !== version) throw stale(current);
      if (current.status === 'cancelled') throw new AppError('conflict', 'This appointment was cancelled.');
      const now = deps.clock.now();
      if (current.startsAt > now)
        throw new AppError('conflict', 'Attendance can be recorded once the appointment has started.');
      const ok = await repo.updateAppointment(trx, actor.clinicId, row.id, current.version, {
        status: input.status,
        status_set_by: actor.userId,
        status_set_at: now,
        updated_at: now,
      });
      if (!ok) throw stale(current);
      if (input.status === 'attended') {
        await emitEvent(trx, deps.clock, {
          type: 'appointment.attended',
          clinicId: actor.clinicId,
          patientId,
          payload: {
            appointmentId: row.id,
            type: current.type,
            clinicianId: current.clinicianId,
            startsAt: current.startsAt,
          },
          dedupeKey: `appointment-attended:${row.id}`,
        });
      } else {
        const threshold = appointmentSettings(await clinicSettings(trx, actor.clinicId)).noShowAlertAfter;
        const history = await repo.pastOfPatient(trx, actor.clinicId, patientId, now);
        const { due, streak } = noShowAlertDue(
          history.map((h) => ({ id: h.id, startsAt: h.starts_at, status: toStatus(h.status) })),
          row.id,
          threshold,
        );
        const newest = streak[0];
        if (due && newest) {
          await emitEvent(trx, deps.clock, {
            type: 'appointment.no_shows_in_a_row',
            clinicId: actor.clinicId,
            patientId,
            payload: {
              appointmentId: newest.id,
              appointmentIds: streak.map((s) => s.id),
              count: streak.length,
              clinicianId: current.clinicianId,
            },
            // One alert per run (named by its newest no-show), however often its marks are corrected.
            dedupeKey: `appointment-no-shows:${newest.id}`,
          });
        }
      }
      const fresh = await repo.findAppointment(trx, actor.clinicId, row.id);
      if (!fresh) throw new Error('appointment vanished inside its transaction');
      return toAppointment(fresh);
    },
  );
}

function toStatus(s: string): Appointment['status'] {
  return s === 'attended' || s === 'no_show' || s === 'cancelled' ? s : 'scheduled';
}
