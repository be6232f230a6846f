import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { withPatientRecord } from '../../platform/access/patient-access.js';
import { recipientsOf, updateAlertState } from '../../platform/outbox/alerts.repository.js';
import { severityRank, type Alert, type Severity } from '../../../shared/alerts/alert.js';
import type { Db } from '../../db/database.js';
import * as repo from './alerts.repository.js';
import { toAlert } from './alerts.mapper.js';

export type InboxView = 'active' | 'open' | 'acknowledged' | 'resolved' | 'all';
const statesOf: Record<InboxView, string[]> = {
  active: ['open', 'acknowledged'],
  open: ['open'],
  acknowledged: ['acknowledged'],
  resolved: ['resolved'],
  all: ['open', 'acknowledged', 'resolved'],
};

async function withRecipients(db: Db, clinicId: string, rows: repo.AlertRow[]): Promise<Alert[]> {
  const recipients = await recipientsOf(
    db,
    clinicId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toAlert(r, recipients));
}

/** Urgent first, then newest first (the inbox order clinicians work through). */
function byUrgency(a: Alert, b: Alert): number {
  return severityRank[a.severity] - severityRank[b.severity] || b.createdAt - a.createdAt;
}

export async function inbox(
  deps: AppDeps,
  actor: Actor,
  filter: { view: InboxView; patientId?: string; type?: string },
): Promise<Alert[]> {
  return deps.database.transaction(async (trx) => {
    const rows = await repo.inboxOf(trx, actor.clinicId, actor.userId, {
      states: statesOf[filter.view],
      patientId: filter.patientId,
      type: filter.type,
      limit: 500,
    });
    await deps.audit.record(trx, actor.clinicId, actor, {
      action: 'inbox.read',
      resourceType: 'inbox',
      resourceId: null,
      patientId: null,
      outcome: 'allowed',
    });
    return (await withRecipients(trx, actor.clinicId, rows)).sort(byUrgency);
  });
}

/** Counts for the navigation badge: alerts still waiting for someone (open), by severity. No patient data. */
export async function inboxCounts(deps: AppDeps, actor: Actor): Promise<Record<Severity | 'total', number>> {
  const rows = await repo.inboxOf(deps.database.db, actor.clinicId, actor.userId, {
    states: ['open'],
    limit: 5000,
  });
  const counts = { urgent: 0, high: 0, routine: 0, total: rows.length };
  for (const r of rows) counts[r.severity as Severity]++;
  return counts;
}

export function patientAlerts(deps: AppDeps, actor: Actor, patientId: string): Promise<Alert[]> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'alerts.read', resourceType: 'alert' },
    async (trx) =>
      withRecipients(trx, actor.clinicId, await repo.alertsOfPatient(trx, actor.clinicId, patientId)),
  );
}

const alertNotFound = () => new AppError('not_found', 'Alert not found');

/** Acknowledge ("I'm on it") or resolve (with a note) one alert; any clinician on the patient's team may. */
export async function changeAlertState(
  deps: AppDeps,
  actor: Actor,
  alertId: string,
  expectedVersion: number,
  change: { to: 'acknowledged' } | { to: 'resolved'; note: string },
): Promise<Alert> {
  const found = await repo.alertById(deps.database.db, actor.clinicId, alertId);
  if (!found) throw alertNotFound();
  return withPatientRecord(
    deps,
    actor,
    found.patient_id,
    {
      action: `alert.${change.to === 'acknowledged' ? 'acknowledge' : 'resolve'}`,
      resourceType: 'alert',
      resourceId: alertId,
    },
    async (trx) => {
      const current = await repo.alertById(trx, actor.clinicId, alertId);
      if (!current) throw alertNotFound();
      const [currentAlert] = await withRecipients(trx, actor.clinicId, [current]);
      if (current.version !== expectedVersion) {
        throw new AppError(
          'precondition_failed',
          'Someone else updated this alert. Here is how it stands now.',
          { current: currentAlert },
        );
      }
      if (current.state === 'resolved' || (change.to === 'acknowledged' && current.state !== 'open')) {
        throw new AppError('conflict', `This alert is already ${current.state}.`, { current: currentAlert });
      }
      const now = deps.clock.now();
      const fields =
        change.to === 'acknowledged'
          ? { state: 'acknowledged', acknowledged_at: now, acknowledged_by: actor.userId }
          : {
              state: 'resolved',
              resolved_at: now,
              resolved_by: actor.userId,
              resolution_note: change.note,
              ...(current.acknowledged_at === null
                ? { acknowledged_at: now, acknowledged_by: actor.userId }
                : {}),
            };
      await updateAlertState(trx, actor.clinicId, alertId, expectedVersion, fields);
      const updated = await repo.alertById(trx, actor.clinicId, alertId);
      if (!updated) throw alertNotFound();
      const [alert] = await withRecipients(trx, actor.clinicId, [updated]);
      if (!alert) throw alertNotFound();
      return alert;
    },
  ).catch((err: unknown) => {
    // The alert's patient is not on the caller's team: the alert does not exist for them.
    if (err instanceof AppError && err.code === 'not_found') throw alertNotFound();
    throw err;
  });
}
