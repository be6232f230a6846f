import type { z } from 'zod';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import {
  parseClinicSettings,
  storedClinicSettings,
  type ClinicSettings,
  type clinicSettingsUpdateSchema,
} from '../../../shared/clinic/settings.js';
import { clinicHoursProblem } from '../../../shared/alerts/escalation-settings.js';
import * as repo from './clinic.repository.js';
import { clinicSettings, forgetClinicSettings } from './clinic-settings.service.js';

export async function readSettings(deps: AppDeps, actor: Actor): Promise<ClinicSettings> {
  return clinicSettings(deps.database.db, actor.clinicId);
}

export async function updateSettings(
  deps: AppDeps,
  actor: Actor,
  changes: z.infer<typeof clinicSettingsUpdateSchema>,
): Promise<ClinicSettings> {
  return deps.database.transaction(async (trx) => {
    if (changes.onCallUserId && !(await repo.isActiveClinician(trx, actor.clinicId, changes.onCallUserId))) {
      throw new AppError(
        'validation_failed',
        'The on-call contact must be an active clinician of this clinic.',
        [{ path: 'body.onCallUserId', message: 'Not an active clinician' }],
      );
    }
    // Escalation (issue 12): the clinical lead is an active clinician; the clinic closes after it opens.
    if (
      changes.clinicalLeadUserId &&
      !(await repo.isActiveClinician(trx, actor.clinicId, changes.clinicalLeadUserId))
    )
      throw new AppError(
        'validation_failed',
        'The clinical lead must be an active clinician of this clinic.',
        [{ path: 'body.clinicalLeadUserId', message: 'Not an active clinician' }],
      );
    // The save reads the stored row itself, once, inside its transaction: the raw object is written back.
    const storedJson = await repo.settingsJson(trx, actor.clinicId);
    const current = parseClinicSettings(storedJson);
    const hoursProblem = clinicHoursProblem({ ...current, ...changes });
    if (hoursProblem) throw new AppError('validation_failed', hoursProblem.message, [hoursProblem]);
    // Only the keys sent change: every other stored key (crisis resources included) is written back as it
    // was, even one this version cannot read (issue 12: re-parsing used to drop keys the schema lacked).
    const stored = storedClinicSettings(storedJson);
    const changed: Record<string, unknown> = { ...changes };
    if (changes.crisisResources) {
      const country = changes.country ?? current.country;
      changed.crisisResources = changes.crisisResources.map((r) => ({ ...r, country: r.country ?? country }));
    }
    const merged = JSON.stringify({ ...stored, ...changed });
    await repo.saveSettings(trx, actor.clinicId, merged);
    forgetClinicSettings(actor.clinicId);
    const next = parseClinicSettings(merged);
    await deps.audit.record(trx, actor.clinicId, actor, {
      action: 'clinic.settings_update',
      resourceType: 'clinic',
      resourceId: actor.clinicId,
      patientId: null,
      outcome: 'allowed',
    });
    return next;
  });
}
