import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { readPatientRecord } from '../../platform/access/patient-access.js';
import { clinicSettings } from '../clinic/index.js';
import { crisisResourceSet } from '../../../shared/crisis/select.js';
import { effectivePatientCountry } from '../../../shared/crisis/time-zones.js';
import type { CrisisResourceSet, CrisisSituation } from '../../../shared/crisis/schemas.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';

/**
 * The crisis resources for one patient, inside a transaction that already checked access: their own
 * country's set (recorded, else inferred from their time zone, else the clinic's country), the clinic's entries for that country
 * when it set any. Settings are read key by key, so a bad key elsewhere never hides these.
 */
export async function crisisResourcesIn(
  trx: Db,
  clinicId: string,
  patientId: string,
  situation: CrisisSituation,
): Promise<CrisisResourceSet> {
  const [settings, place] = await Promise.all([
    clinicSettings(trx, clinicId),
    patientBasics(trx, clinicId, patientId),
  ]);
  const { country } = effectivePatientCountry(
    place?.country ?? null,
    place?.timeZone ?? null,
    settings.country,
  );
  return crisisResourceSet(country, situation, settings.crisisResources);
}

/** GET /api/patients/:patientId/crisis-resources: for the patient and their care team. */
export async function crisisResourcesForPatient(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  situation: CrisisSituation,
): Promise<CrisisResourceSet> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'crisis_resources.read', resourceType: 'patient' },
    (trx) => crisisResourcesIn(trx, actor.clinicId, patientId, situation),
  );
}
