import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import {
  isSafetyAlertType,
  storedState,
  transition,
  type Lifecycle,
  type LifecycleEvent,
} from '../../../shared/alerts/lifecycle.js';
import type { AlertLifecycleTable } from '../../db/schema-alert-lifecycle.js';
import * as repo from './lifecycle.repository.js';

type LifecycleRow = Awaited<ReturnType<typeof repo.lifecycleRowsOf>>[number];
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * An alert's lifecycle from its own columns and its lifecycle row. The alert's state column stays the
 * truth for open / acknowledged / resolved (other features close alerts about their subject); the row adds
 * the follow-up, the pause and the escalations.
 */
export function lifecycleOf(
  alert: Pick<repo.AlertCore, 'type' | 'severity' | 'state' | 'escalated_at'>,
  row: LifecycleRow | undefined,
): Lifecycle {
  const followUpDueAt = num(row?.follow_up_due_at);
  const state = alert.state;
  return {
    phase:
      state === 'resolved'
        ? 'resolved'
        : state === 'acknowledged'
          ? 'acknowledged'
          : followUpDueAt !== null
            ? 'follow_up_due'
            : 'open',
    safety: alert.severity === 'urgent' && isSafetyAlertType(alert.type),
    escalations: row ? row.escalation_count : alert.escalated_at === null ? 0 : 1,
    lastEscalatedAt: num(row?.last_escalated_at) ?? num(alert.escalated_at),
    pausedUntil: num(row?.paused_until),
    followUpDueAt,
    followUpOverdue: (row?.follow_up_overdue ?? 0) === 1,
  };
}

function alertColumns(before: Lifecycle, after: Lifecycle, e: LifecycleEvent) {
  const state = storedState(after.phase);
  const fields: Parameters<typeof repo.updateAlertFromLifecycle>[4] = { state };
  if (e.kind === 'acknowledge') Object.assign(fields, { acknowledged_at: e.at, acknowledged_by: e.by });
  if (after.phase === 'resolved' && before.phase !== 'resolved' && 'by' in e)
    Object.assign(fields, {
      resolved_at: e.at,
      resolved_by: e.by,
      resolution_note: e.kind === 'resolve' ? e.note : resolutionWords[e.kind],
    });
  if (e.kind === 'escalate') fields.escalated_at = e.at;
  // Back to "open" (escalated to someone new, or not reached): nobody holds it any more.
  if (state === 'open' && before.phase === 'acknowledged')
    Object.assign(fields, { acknowledged_at: null, acknowledged_by: null });
  return fields;
}

const resolutionWords: Partial<Record<LifecycleEvent['kind'], string>> = {
  assessment_reached: 'Risk assessment recorded: the patient was reached.',
  emergency_handoff: 'Risk assessment recorded: emergency hand-off documented.',
};

/**
 * Applies one lifecycle event to a stored alert inside the caller's transaction: the machine decides, then
 * the alert's columns (version + 1), its lifecycle row and one history line are written together, with an
 * audit event. A refused move is a 409 carrying the machine's reason; a lost race a 412.
 */
export async function applyAlertEvent(
  deps: Pick<AppDeps, 'audit'>,
  trx: Db,
  actor: Actor | null,
  alert: repo.AlertCore,
  event: LifecycleEvent,
  options: { note?: string | null; auditedByCaller?: boolean } = {},
): Promise<Lifecycle> {
  const [row] = await repo.lifecycleRowsOf(trx, alert.clinic_id, [alert.id]);
  const before = lifecycleOf(alert, row);
  const result = transition(before, event);
  if (!result.ok) throw new AppError('conflict', result.reason);
  const after = result.state;
  const moved = await repo.updateAlertFromLifecycle(trx, alert.clinic_id, alert.id, alert.version, {
    ...alertColumns(before, after, event),
    ...(after.phase === 'resolved' && alert.acknowledged_at === null && 'by' in event
      ? { acknowledged_at: event.at, acknowledged_by: event.by }
      : {}),
  });
  if (!moved) throw new AppError('precondition_failed', 'Someone else updated this alert. Reload it.');
  const lifecycleRow: AlertLifecycleTable = {
    alert_id: alert.id,
    clinic_id: alert.clinic_id,
    phase: after.phase,
    escalation_count: after.escalations,
    last_escalated_at: after.lastEscalatedAt,
    paused_until: after.pausedUntil,
    follow_up_due_at: after.followUpDueAt,
    follow_up_overdue: after.followUpOverdue ? 1 : 0,
  };
  await repo.saveLifecycle(trx, lifecycleRow);
  await repo.insertHistory(trx, {
    id: newId(),
    clinic_id: alert.clinic_id,
    alert_id: alert.id,
    at: result.entry.at,
    kind: result.entry.kind,
    actor_id: result.entry.actorId,
    target_user_id: result.entry.targetUserId,
    note: options.note ?? result.entry.note,
  });
  if (options.auditedByCaller !== true)
    await deps.audit.record(trx, alert.clinic_id, actor, {
      action: `alert.${event.kind}`,
      resourceType: 'alert',
      resourceId: alert.id,
      patientId: alert.patient_id,
      outcome: 'allowed',
    });
  return after;
}
