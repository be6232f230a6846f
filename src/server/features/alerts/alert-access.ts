import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import {
  canReachPatient,
  withPatientRecord,
  type PatientAction,
} from '../../platform/access/patient-access.js';
import * as lifecycleRepo from './lifecycle.repository.js';

/**
 * Runs a use case about one alert for a clinician on the patient's care team (withPatientRecord), or for
 * someone the alert was escalated to who is not on the team (the on-call clinician, the clinical lead;
 * issue 12): they may act on that alert, audited the same way. Anyone else gets what withPatientRecord
 * answers (404, audited as denied).
 */
export async function withAlertAccess<T>(
  deps: AppDeps,
  actor: Actor,
  alert: { id: string; patient_id: string },
  what: PatientAction,
  fn: (trx: Db) => Promise<T>,
): Promise<T> {
  const viaEscalation = await deps.database.transaction(async (trx) => {
    if (await canReachPatient(trx, actor, alert.patient_id)) return null;
    if (
      !(await lifecycleRepo.isEscalatedRecipient(
        trx,
        actor.clinicId,
        alert.id,
        alert.patient_id,
        actor.userId,
      ))
    )
      return null;
    const value = await fn(trx);
    await deps.audit.record(trx, actor.clinicId, actor, {
      action: what.action,
      resourceType: what.resourceType,
      resourceId: what.resourceId ?? alert.id,
      patientId: alert.patient_id,
      outcome: 'allowed',
    });
    return { value };
  });
  if (viaEscalation) return viaEscalation.value;
  return withPatientRecord(deps, actor, alert.patient_id, what, fn);
}
