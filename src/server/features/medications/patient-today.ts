import { localDate } from '../../../shared/time/index.js';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import { notFound } from '../../platform/errors.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';

/** The patient's zone and today's date there (404 for an unknown patient): medication dates are local days. */
export async function todayOf(trx: Db, deps: Pick<AppDeps, 'clock'>, clinicId: string, patientId: string) {
  const zone = (await patientBasics(trx, clinicId, patientId))?.timeZone;
  if (zone === undefined) throw notFound('Patient');
  return { zone, today: localDate(deps.clock.now(), zone) };
}
