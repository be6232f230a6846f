import type { Db } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import { loadRegimens } from '../medications/index.js';
import type { Regimen } from '../../../shared/medications/schedule.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';

export interface PatientSchedule {
  patientId: string;
  userId: string;
  timeZone: string;
  regimens: Regimen[];
}

/** The patient's zone and regimens (helper A's batched loader, for one patient). */
export async function patientSchedule(
  trx: Db,
  clinicId: string,
  patientId: string,
): Promise<PatientSchedule> {
  const patient = await patientBasics(trx, clinicId, patientId);
  if (!patient) throw notFound('Patient');
  const regimens = (await loadRegimens(trx, clinicId, [patientId])).get(patientId) ?? [];
  return { patientId, userId: patient.userId, timeZone: patient.timeZone, regimens };
}

export function regimenOf(schedule: PatientSchedule, medicationId: string): Regimen {
  const regimen = schedule.regimens.find((r) => r.medicationId === medicationId);
  if (!regimen) throw notFound('Medication');
  return regimen;
}
