import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { withPatientRecord } from '../../platform/access/patient-access.js';
import { parseDoseKey } from '../../../shared/doses/rules.js';
import { isDueNow } from '../../../shared/doses/today.js';
import { expandScheduledDoses } from '../../../shared/medications/schedule.js';
import { SNOOZE_MINUTES } from '../../../shared/push/kinds.js';
import { loadRegimens } from '../medications/index.js';
import { loggedDoseKeys } from '../doses/index.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';
import { pushRequester } from './queue.js';

/**
 * "Snooze 15 min" on a dose reminder: while the dose is still due (scheduled for this patient, not logged, in
 * Today's "due now" window), the reminder comes again 15 minutes from now with the same tag, so it replaces
 * the one shown. Through the outbox like every push; audited on the patient's own record.
 */
export async function snoozeDose(
  deps: AppDeps,
  actor: Actor,
  doseKey: string,
): Promise<{ snoozedUntil: number }> {
  const patientId = actor.patientId;
  if (actor.role !== 'patient' || patientId === null)
    throw new AppError('forbidden', 'Only patients snooze a dose.');
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'push.snooze', resourceType: 'dose' },
    async (trx) => {
      const parsed = parseDoseKey(doseKey);
      const basics = await patientBasics(trx, actor.clinicId, patientId);
      if (!parsed || !basics) throw notFound('Dose');
      const regimens = (await loadRegimens(trx, actor.clinicId, [patientId])).get(patientId) ?? [];
      const dose = regimens
        .filter((r) => r.medicationId === parsed.medicationId)
        .flatMap((r) => expandScheduledDoses(r, parsed.localDate, parsed.localDate, basics.timeZone))
        .find((d) => d.doseKey === doseKey);
      if (!dose) throw notFound('Dose');
      const now = deps.clock.now();
      if ((await loggedDoseKeys(trx, actor.clinicId, [patientId], parsed.localDate)).has(doseKey))
        throw new AppError('conflict', 'This dose is already logged.', [
          { path: 'body.doseKey', message: 'This dose is already logged.' },
        ]);
      if (!isDueNow(dose.dueAt, now))
        throw new AppError('conflict', 'This dose is no longer due.', [
          { path: 'body.doseKey', message: 'This dose is no longer due.' },
        ]);
      const snoozedUntil = now + SNOOZE_MINUTES * 60_000;
      await pushRequester(deps.clock)(trx, {
        clinicId: actor.clinicId,
        patientId,
        userIds: [actor.userId],
        message: { kind: 'doses', time: dose.localTime, doseKey },
        notBefore: snoozedUntil,
        dedupeKey: `push:snooze:${patientId}:${doseKey}:${String(now)}`,
      });
      return { snoozedUntil };
    },
  );
}
