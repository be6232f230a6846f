import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import { withAlertAccess } from './alert-access.js';
import { recipientsOf } from './alerts.repository.js';
import { clinicSettings } from '../clinic/index.js';
import { escalationSettingsOf } from '../../../shared/alerts/escalation-settings.js';
import type { LifecycleEvent } from '../../../shared/alerts/lifecycle.js';
import * as lifecycleRepo from './lifecycle.repository.js';
import { applyAlertEvent, lifecycleOf } from './lifecycle.service.js';
import { severityRank, type Alert, type Severity } from '../../../shared/alerts/alert.js';
import type { Db } from '../../db/database.js';
import * as repo from './alerts.repository.js';
import { toAlert } from './alerts.mapper.js';
import { INBOX_MAX, PATIENT_ALERTS_MAX } from '../../../shared/lists/limits.js';

export type InboxView = 'active' | 'open' | 'acknowledged' | 'resolved' | 'all';
const statesOf: Record<InboxView, string[]> = {
  active: ['open', 'acknowledged'],
  open: ['open'],
  acknowledged: ['acknowledged'],
  resolved: ['resolved'],
  all: ['open', 'acknowledged', 'resolved'],
};

async function withRecipients(db: Db, clinicId: string, rows: repo.AlertRow[]): Promise<Alert[]> {
  const ids = rows.map((r) => r.id);
  const [recipients, lifecycles, history] = await Promise.all([
    recipientsOf(db, clinicId, ids),
    lifecycleRepo.lifecycleRowsOf(db, clinicId, ids),
    lifecycleRepo.historyOf(db, clinicId, ids),
  ]);
  const byId = new Map(lifecycles.map((l) => [l.alert_id, l]));
  return rows.map((r) => toAlert(r, recipients, lifecycleOf(r, byId.get(r.id)), history));
}

/** Urgent first, then newest first (the inbox order clinicians work through). */
function byUrgency(a: Alert, b: Alert): number {
  return severityRank[a.severity] - severityRank[b.severity] || b.createdAt - a.createdAt;
}

/** The clinician's inbox, bounded (issue 19): the most severe then newest, INBOX_MAX at most, `hasMore` when cut. */
export async function inbox(
  deps: AppDeps,
  actor: Actor,
  filter: { view: InboxView; patientId?: string; type?: string },
): Promise<{ alerts: Alert[]; hasMore: boolean }> {
  // A read on the one path for audited reads (issue 19): one snapshot, then the events in the shared commit.
  const { rows, alerts, hasMore } = await deps.database.read(async (db) => {
    const found = await repo.inboxOf(db, actor.clinicId, actor.userId, {
      states: statesOf[filter.view],
      patientId: filter.patientId,
      type: filter.type,
      limit: INBOX_MAX + 1,
    });
    const shownRows = found.slice(0, INBOX_MAX);
    return {
      rows: shownRows,
      alerts: await withRecipients(db, actor.clinicId, shownRows),
      hasMore: found.length > shownRows.length,
    };
  });
  // Issue 13: the inbox appears in each shown patient's access report; issue 19: as one list event naming them.
  await deps.audit.recordListRead(actor.clinicId, actor, {
    action: 'inbox.read',
    resourceType: 'inbox',
    resourceId: null,
    patientIds: rows.map((r) => r.patient_id),
  });
  return { alerts: alerts.sort(byUrgency), hasMore };
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

/** A patient's alerts, bounded (issue 19): open ones first, at most PATIENT_ALERTS_MAX, `hasMore` when cut. */
export function patientAlerts(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
): Promise<{ alerts: Alert[]; hasMore: boolean }> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'alerts.read', resourceType: 'alert' },
    async (trx) => {
      const rows = await repo.alertsOfPatient(trx, actor.clinicId, patientId, PATIENT_ALERTS_MAX + 1);
      const shown = rows.slice(0, PATIENT_ALERTS_MAX);
      return {
        alerts: await withRecipients(trx, actor.clinicId, shown),
        hasMore: rows.length > shown.length,
      };
    },
  );
}

const alertNotFound = () => new AppError('not_found', 'Alert not found');

/** The patient an alert is about (the access check follows in the use case); 404 when no such alert. */
export async function patientOfAlert(deps: AppDeps, actor: Actor, alertId: string): Promise<string> {
  const found = await repo.alertById(deps.database.db, actor.clinicId, alertId);
  if (!found) throw alertNotFound();
  return found.patient_id;
}

/**
 * Acknowledge ("I'm on it": escalation waits for the clinic-set pause only) or resolve (with a note) one
 * alert, through the lifecycle (shared/alerts/lifecycle.ts): a safety alert refuses "resolve" (it closes
 * with a risk assessment that reached the patient). Any clinician on the patient's team may.
 */
export async function changeAlertState(
  deps: AppDeps,
  actor: Actor,
  alertId: string,
  expectedVersion: number,
  change: { to: 'acknowledged' } | { to: 'resolved'; note: string },
): Promise<Alert> {
  const found = await repo.alertById(deps.database.db, actor.clinicId, alertId);
  if (!found) throw alertNotFound();
  const what = {
    action: `alert.${change.to === 'acknowledged' ? 'acknowledge' : 'resolve'}`,
    resourceType: 'alert',
    resourceId: alertId,
  };
  const run = async (trx: Db) => {
    const current = await lifecycleRepo.alertCore(trx, actor.clinicId, alertId);
    const currentRow = await repo.alertById(trx, actor.clinicId, alertId);
    if (!current || !currentRow) throw alertNotFound();
    const [currentAlert] = await withRecipients(trx, actor.clinicId, [currentRow]);
    if (current.version !== expectedVersion) {
      throw new AppError(
        'precondition_failed',
        'Someone else updated this alert. Here is how it stands now.',
        { current: currentAlert },
      );
    }
    const now = deps.clock.now();
    const settings = escalationSettingsOf(await clinicSettings(trx, actor.clinicId));
    const event: LifecycleEvent =
      change.to === 'acknowledged'
        ? { kind: 'acknowledge', at: now, by: actor.userId, pauseMinutes: settings.acknowledgePauseMinutes }
        : { kind: 'resolve', at: now, by: actor.userId, note: change.note };
    try {
      await applyAlertEvent(deps, trx, actor, current, event, { auditedByCaller: true });
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict')
        throw new AppError('conflict', err.message, { current: currentAlert });
      throw err;
    }
    const updated = await repo.alertById(trx, actor.clinicId, alertId);
    if (!updated) throw alertNotFound();
    const [alert] = await withRecipients(trx, actor.clinicId, [updated]);
    if (!alert) throw alertNotFound();
    return alert;
  };
  // Someone the alert was escalated to may acknowledge it off the team; resolving needs the team.
  const access =
    change.to === 'acknowledged'
      ? withAlertAccess(deps, actor, { id: alertId, patient_id: found.patient_id }, what, run)
      : withPatientRecord(deps, actor, found.patient_id, what, run);
  return access.catch((err: unknown) => {
    // The alert's patient is not on the caller's team: the alert does not exist for them.
    if (err instanceof AppError && err.code === 'not_found') throw alertNotFound();
    throw err;
  });
}
