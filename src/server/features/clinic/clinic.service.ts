import type { z } from 'zod';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import {
  clinicSettingsSchema,
  parseClinicSettings,
  type ClinicSettings,
  type clinicSettingsUpdateSchema,
} from '../../../shared/clinic/settings.js';
import * as repo from './clinic.repository.js';

export async function readSettings(deps: AppDeps, actor: Actor): Promise<ClinicSettings> {
  return parseClinicSettings(await repo.settingsJson(deps.database.db, actor.clinicId));
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
    const next = clinicSettingsSchema.parse({
      ...parseClinicSettings(await repo.settingsJson(trx, actor.clinicId)),
      ...changes,
    });
    await repo.saveSettings(trx, actor.clinicId, JSON.stringify(next));
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
