import type { AppDeps } from '../../platform/deps.js';
import { notifyByEmail } from '../../platform/notify/notify.js';
import { AppError } from '../../platform/errors.js';
import { clinicSettings } from '../clinic/index.js';
import { escalationSettingsOf, type EscalationSettings } from '../../../shared/alerts/escalation-settings.js';
import { escalationNow } from '../../../shared/alerts/escalation-chain.js';
import { transition } from '../../../shared/alerts/lifecycle.js';
import * as repo from './alerts.repository.js';
import * as lifecycleRepo from './lifecycle.repository.js';
import { applyAlertEvent, lifecycleOf } from './lifecycle.service.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';
import { timeSlices } from '../../platform/single-flight.js';

const roleOf = (userId: string, s: EscalationSettings): string =>
  userId === s.onCallUserId ? 'on_call' : userId === s.clinicalLeadUserId ? 'clinical_lead' : 'care_manager';

/**
 * The escalation run (every minute, and from tests with a fake clock). For each unresolved urgent alert:
 * a follow-up that came due is recorded as overdue; then, when shared/alerts/escalation-chain.ts says an
 * escalation is due (clinic hours, the acknowledgement pause, the out-of-hours rule, an overdue follow-up),
 * the alert goes to the next person in the chain who is not on it yet, recorded in its history and the
 * audit trail, and that person is emailed. care-rules.md "Safety"; issue 12.
 */
export async function escalateUnacknowledgedAlerts(deps: AppDeps): Promise<number> {
  // Issue 19: a turn for the event loop whenever a slice has run 8 ms; each commit flushed off the loop.
  const slices = timeSlices();
  const now = deps.clock.now();
  const candidates = await lifecycleRepo.unresolvedUrgentAlerts(deps.database.db);
  const settingsByClinic = new Map<string, EscalationSettings>();
  let escalated = 0;
  for (const candidate of candidates) {
    try {
      await slices.maybeYield();
      const done = await deps.database.durableTransaction(async (trx) => {
        let settings = settingsByClinic.get(candidate.clinic_id);
        if (!settings) {
          settings = escalationSettingsOf(await clinicSettings(trx, candidate.clinic_id));
          settingsByClinic.set(candidate.clinic_id, settings);
        }
        let alert = await lifecycleRepo.alertCore(trx, candidate.clinic_id, candidate.id);
        if (!alert || alert.state === 'resolved') return false;
        let [row] = await lifecycleRepo.lifecycleRowsOf(trx, alert.clinic_id, [alert.id]);
        let lifecycle = lifecycleOf(alert, row);
        if (transition(lifecycle, { kind: 'follow_up_overdue', at: now }).ok) {
          await applyAlertEvent(deps, trx, null, alert, { kind: 'follow_up_overdue', at: now });
          alert = await lifecycleRepo.alertCore(trx, candidate.clinic_id, candidate.id);
          if (!alert) return false;
          [row] = await lifecycleRepo.lifecycleRowsOf(trx, alert.clinic_id, [alert.id]);
          lifecycle = lifecycleOf(alert, row);
        }
        const team = (await patientBasics(trx, alert.clinic_id, alert.patient_id))?.careTeam ?? [];
        const recipients = await repo.recipientsOf(trx, alert.clinic_id, [alert.id]);
        const step = escalationNow(
          {
            createdAt: alert.created_at,
            lifecycle,
            settings,
            careManagerIds: team.filter((m) => m.role === 'care_manager').map((m) => m.userId),
            alreadyOn: recipients.map((r) => r.user_id),
          },
          now,
        );
        if (step?.to == null) return false;
        await applyAlertEvent(
          deps,
          trx,
          null,
          alert,
          { kind: 'escalate', at: now, to: step.to },
          {
            note: escalationWords[step.reason],
          },
        );
        await repo.insertRecipients(trx, [
          {
            alert_id: alert.id,
            clinic_id: alert.clinic_id,
            user_id: step.to,
            role: roleOf(step.to, settings),
            reason: 'escalated',
            added_at: now,
          },
        ]);
        await notifyByEmail(trx, deps, alert.clinic_id, [step.to], 'alert');
        return true;
      });
      if (done) escalated++;
    } catch (err) {
      // Another instance moved the alert first: it is handled there.
      if (!(err instanceof AppError && (err.code === 'precondition_failed' || err.code === 'conflict')))
        throw err;
    }
  }
  return escalated;
}

const escalationWords = {
  not_resolved: 'Not resolved in the clinic-set time.',
  out_of_hours: 'The clinic is closed: straight to the on-call clinician.',
  follow_up_overdue: 'The follow-up after "not reached" is overdue.',
} as const;
