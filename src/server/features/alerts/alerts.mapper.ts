import type { Alert, AlertState, Severity } from '../../../shared/alerts/alert.js';
import type { AlertRow } from './alerts.repository.js';
import type { Lifecycle } from '../../../shared/alerts/lifecycle.js';
import type { HistoryRow } from './lifecycle.repository.js';

export interface RecipientRow {
  alert_id: string;
  user_id: string;
  name: string;
  role: string;
  reason: string;
}

/** The alert's steps: routed (from its recipients), then the lifecycle history, oldest first. */
function historyOf(row: AlertRow, recipients: RecipientRow[], history: HistoryRow[]): Alert['history'] {
  const routed = recipients.filter((r) => r.alert_id === row.id && r.reason === 'routed').map((r) => r.name);
  const steps: Alert['history'] = [
    {
      kind: 'routed',
      at: row.created_at,
      actorName: null,
      targetName: routed.join(', ') || null,
      note: null,
    },
  ];
  for (const h of history)
    if (h.alert_id === row.id)
      steps.push({
        kind: h.kind,
        at: h.at,
        actorName: h.actor_name,
        targetName: h.target_name,
        note: h.note,
      });
  return steps;
}

export function toAlert(
  row: AlertRow,
  recipients: RecipientRow[],
  lifecycle: Lifecycle,
  history: HistoryRow[],
): Alert {
  return {
    id: row.id,
    patientId: row.patient_id,
    patientName: `${row.given_name} ${row.family_name}`,
    type: row.type,
    severity: row.severity as Severity,
    title: row.title,
    details: row.details,
    subjectId: row.subject_id,
    routedTo: recipients
      .filter((r) => r.alert_id === row.id)
      .map((r) => ({
        userId: r.user_id,
        name: r.name,
        role: r.role,
        reason: r.reason as 'routed' | 'escalated',
      })),
    state: row.state as AlertState,
    createdAt: row.created_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    resolutionNote: row.resolution_note,
    escalatedAt: row.escalated_at,
    lifecycle: {
      phase: lifecycle.phase,
      safety: lifecycle.safety,
      escalations: lifecycle.escalations,
      pausedUntil: lifecycle.pausedUntil,
      followUpDueAt: lifecycle.followUpDueAt,
      followUpOverdue: lifecycle.followUpOverdue,
    },
    history: historyOf(row, recipients, history),
    version: row.version,
  };
}
