import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Appointment } from '../../../shared/appointments/schemas.js';
import * as repo from './appointments.repository.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';

// The checks every appointment use case starts with (booking, moving, cancelling, attendance).

export const forbidden = (message: string, code: string) =>
  new AppError('forbidden', message, [{ path: 'role', message: code }]);

export const stale = (current: Appointment) =>
  new AppError(
    'precondition_failed',
    'This appointment changed after you opened it. Review it and try again.',
    {
      current,
    },
  );

export async function patientOf(trx: Db, actor: Actor, patientId: string) {
  const p = await patientBasics(trx, actor.clinicId, patientId);
  if (!p) throw notFound('Patient');
  return p;
}

/** One appointment of this patient, or 404 (unknown, or another patient's). */
export async function appointmentOf(trx: Db, actor: Actor, patientId: string, appointmentId: string) {
  const row = await repo.findAppointment(trx, actor.clinicId, appointmentId);
  if (row?.patient_id !== patientId) throw notFound('Appointment');
  return row;
}
