import type { AppDeps } from '../deps.js';
import { notifyByEmail } from '../notify/notify.js';
import { parseClinicSettings } from '../../../shared/clinic/settings.js';
import * as repo from './alerts.repository.js';

/**
 * An urgent alert that nobody acknowledges within the clinic's escalation time (default 4 hours,
 * care-rules.md "Safety") goes to the patient's care manager too, or, when there is none, to the
 * clinic's on-call contact. The escalation is recorded on the alert and in the audit trail.
 */
export async function escalateUnacknowledgedAlerts(deps: AppDeps): Promise<number> {
  const now = deps.clock.now();
  // The shortest allowed escalation time bounds the candidates; each clinic's own setting decides below.
  const candidates = await repo.unacknowledgedUrgentBefore(deps.database.db, now - 15 * 60_000);
  let escalated = 0;
  for (const alert of candidates) {
    await deps.database.transaction(async (trx) => {
      const settings = parseClinicSettings(await repo.clinicSettingsJson(trx, alert.clinic_id));
      if (alert.created_at + settings.escalationHours * 3600_000 > now) return;
      const team = await repo.careTeamOf(trx, alert.clinic_id, alert.patient_id);
      const careManagers = team
        .filter((m) => m.role === 'care_manager')
        .map((m) => ({ userId: m.user_id, role: 'care_manager' }));
      const targets =
        careManagers.length > 0
          ? careManagers
          : settings.onCallUserId
            ? [{ userId: settings.onCallUserId, role: 'on_call' }]
            : [];
      if (!(await repo.markEscalated(trx, alert.id, now))) return;
      await repo.insertRecipients(
        trx,
        targets.map((t) => ({
          alert_id: alert.id,
          clinic_id: alert.clinic_id,
          user_id: t.userId,
          role: t.role,
          reason: 'escalated',
          added_at: now,
        })),
      );
      await deps.audit.record(trx, alert.clinic_id, null, {
        action: 'alert.escalate',
        resourceType: 'alert',
        resourceId: alert.id,
        patientId: alert.patient_id,
        outcome: 'allowed',
      });
      await notifyByEmail(
        trx,
        deps,
        alert.clinic_id,
        targets.map((t) => t.userId),
        'alert',
      );
      escalated++;
    });
  }
  return escalated;
}
