import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors.js';
import { withPatientRecord } from '../../platform/access/patient-access.js';
import { attendanceOverTime } from '../../../shared/appointments/attendance.js';
import { noShowStreak } from '../../../shared/appointments/no-shows.js';
import type { Attendance } from '../../../shared/appointments/schemas.js';
import * as repo from './appointments.repository.js';
import { toAppointment } from './appointments.mapper.js';

/** Attendance over time for the care team: the last 90 days, each month, and the current no-show run. */
export function attendanceOf(deps: AppDeps, actor: Actor, patientId: string): Promise<Attendance> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'appointment.attendance_read', resourceType: 'appointment' },
    async (trx) => {
      const patient = await repo.patientBasics(trx, actor.clinicId, patientId);
      if (!patient) throw notFound('Patient');
      const now = deps.clock.now();
      const all = (await repo.appointmentsOfPatient(trx, actor.clinicId, patientId, { to: now })).map(
        toAppointment,
      );
      const over = attendanceOverTime(all, now, patient.time_zone);
      return { ...over, consecutiveNoShows: noShowStreak(all).length };
    },
  );
}
