import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import { newId } from '../../platform/ids.js';
import { notifyByEmail } from '../../platform/notify/notify.js';
import type { AlertSpec } from '../../../shared/alerts/alert.js';
import type { DomainEvent } from '../../../shared/alerts/events.js';
import * as repo from './alerts.repository.js';
import { raiseSecurityAlert } from '../../platform/audit/security-alerts.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';

type Deps = Pick<AppDeps, 'clock' | 'audit' | 'mailer' | 'config'>;

/**
 * Stores one alert a rule asked for, routed to the care-team members in the requested roles and/or the
 * named users. When nobody matches (say, no care manager), it goes to the fallback roles, else to the
 * whole team: an alert is never routed to no one. Idempotent on `key`, so re-processing an event cannot raise the alert twice.
 */
export async function raiseAlert(
  trx: Db,
  deps: Deps,
  event: DomainEvent,
  spec: AlertSpec,
  key: string,
): Promise<string | null> {
  if (spec.audience === 'clinic_admins') return raiseSecurityAlert(trx, deps, event, spec, key);
  if (!event.patientId) return null;
  const now = deps.clock.now();
  const team = (await patientBasics(trx, event.clinicId, event.patientId))?.careTeam ?? [];
  const wanted = new Set(spec.routeToUserIds ?? []);
  let recipients = team.filter(
    (m) => (spec.routeToRoles as readonly string[]).includes(m.role) || wanted.has(m.userId),
  );
  if (recipients.length === 0 && spec.fallbackRoles) {
    const fallback = spec.fallbackRoles as readonly string[];
    recipients = team.filter((m) => fallback.includes(m.role));
  }
  if (recipients.length === 0) recipients = team;
  const id = newId();
  const created = await repo.insertAlertOnce(trx, {
    id,
    clinic_id: event.clinicId,
    patient_id: event.patientId,
    type: spec.type,
    severity: spec.severity,
    title: spec.title,
    details: spec.details,
    subject_id: spec.subjectId,
    source_event_id: event.id,
    idempotency_key: key,
    state: 'open',
    created_at: now,
    acknowledged_at: null,
    acknowledged_by: null,
    resolved_at: null,
    resolved_by: null,
    resolution_note: null,
    escalated_at: null,
    version: 1,
  });
  if (!created) return null;
  const byUser = new Map(recipients.map((m) => [m.userId, m.role]));
  await repo.insertRecipients(
    trx,
    [...byUser].map(([userId, role]) => ({
      alert_id: id,
      clinic_id: event.clinicId,
      user_id: userId,
      role,
      reason: 'routed',
      added_at: now,
    })),
  );
  await deps.audit.record(trx, event.clinicId, null, {
    action: 'alert.raise',
    resourceType: 'alert',
    resourceId: id,
    patientId: event.patientId,
    outcome: 'allowed',
  });
  if (spec.severity !== 'routine')
    await notifyByEmail(
      trx,
      deps,
      event.clinicId,
      [...byUser.keys()],
      'alert',
      urgentPush(spec.severity, id),
    );
  return id;
}

/** Closes every open alert about one thing (a consult answered, a plan signed) with a note. */
export async function resolveAlertsForSubject(
  trx: Db,
  deps: Pick<AppDeps, 'clock' | 'audit'>,
  opts: { clinicId: string; subjectId: string; note: string; byUserId?: string | null },
): Promise<number> {
  const open = await repo.openAlertsForSubject(trx, opts.clinicId, opts.subjectId);
  const now = deps.clock.now();
  for (const alert of open) {
    await repo.updateAlertState(trx, opts.clinicId, alert.id, alert.version, {
      state: 'resolved',
      resolved_at: now,
      resolved_by: opts.byUserId ?? null,
      resolution_note: opts.note,
    });
    await deps.audit.record(trx, opts.clinicId, null, {
      action: 'alert.resolve',
      resourceType: 'alert',
      resourceId: alert.id,
      patientId: alert.patient_id,
      outcome: 'allowed',
    });
  }
  return open.length;
}

/** Issue 17: clinicians who opted in get a push for an urgent alert ("Urgent alert for a patient on your team"). */
function urgentPush(severity: string, alertId: string) {
  return severity === 'urgent' ? { kind: 'urgentAlerts' as const, alertId } : null;
}
