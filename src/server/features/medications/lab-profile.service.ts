import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { withPatientRecord } from '../../platform/access/patient-access.js';
import {
  labProfileInputSchema,
  type LabProfile,
  type LabProfileInput,
} from '../../../shared/medication-safety/lab-schemas.js';
import * as labs from './lab-results.repository.js';
import { toLabProfile } from './lab-results.mapper.js';
import { findMedicationForPatient } from './medications.service.js';

/**
 * The prescriber records which ANC table applies to a clozapine record: general population or benign ethnic
 * neutropenia (clozapine label; medication-safety.md §3). Version 0 = never set (general population);
 * If-Match carries the version the prescriber saw, so two prescribers never overwrite each other silently.
 */
export function setLabProfile(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  medicationId: string,
  expectedVersion: number,
  raw: LabProfileInput,
): Promise<LabProfile> {
  const input = labProfileInputSchema.parse(raw);
  return withPatientRecord(
    deps,
    actor,
    patientId,
    {
      action: 'medication_lab_profile.update',
      resourceType: 'medication_lab_profile',
      resourceId: medicationId,
    },
    async (trx) => {
      if (!(await findMedicationForPatient(trx, actor.clinicId, patientId, medicationId)))
        throw new AppError('not_found', 'This medication is not one of the patient’s.');
      const current = await labs.findLabProfile(trx, actor.clinicId, medicationId);
      const stale = () =>
        new AppError(
          'precondition_failed',
          'Someone else changed this after you opened it. Review their change and try again.',
          { current: toLabProfile(medicationId, current) },
        );
      const now = deps.clock.now();
      const flag = input.benignEthnicNeutropenia ? 1 : 0;
      if (!current) {
        if (expectedVersion !== 0) throw stale();
        await labs.insertLabProfile(trx, {
          medication_id: medicationId,
          clinic_id: actor.clinicId,
          patient_id: patientId,
          benign_ethnic_neutropenia: flag,
          updated_by: actor.userId,
          updated_at: now,
          version: 1,
        });
      } else if (
        !(await labs.updateLabProfile(trx, actor.clinicId, medicationId, expectedVersion, {
          benign_ethnic_neutropenia: flag,
          updated_by: actor.userId,
          updated_at: now,
        }))
      )
        throw stale();
      return toLabProfile(medicationId, await labs.findLabProfile(trx, actor.clinicId, medicationId));
    },
  );
}
