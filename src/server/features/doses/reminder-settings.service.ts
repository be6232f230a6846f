import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import type { ReminderSettings } from '../../../shared/doses/schemas.js';
import { readReminderSettings, saveReminderSettings } from './reminder-settings.repository.js';

export function getReminderSettings(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
): Promise<ReminderSettings> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'dose_reminders.read', resourceType: 'dose_reminder_settings' },
    async (trx) => {
      return readReminderSettings(trx, actor.clinicId, patientId);
    },
  );
}

/** Saves the choices with If-Match (version 0 before the first save); 412 with the current ones when stale. */
export function putReminderSettings(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  expectedVersion: number,
  input: Omit<ReminderSettings, 'version'>,
): Promise<ReminderSettings> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'dose_reminders.update', resourceType: 'dose_reminder_settings' },
    async (trx) => {
      const saved = await saveReminderSettings(
        trx,
        actor.clinicId,
        patientId,
        expectedVersion,
        input,
        deps.clock.now(),
      );
      const current = await readReminderSettings(trx, actor.clinicId, patientId);
      if (!saved)
        throw new AppError(
          'precondition_failed',
          'Your reminder choices changed meanwhile. Check them and try again.',
          {
            current,
          },
        );
      return current;
    },
  );
}
