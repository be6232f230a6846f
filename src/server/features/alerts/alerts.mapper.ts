import type { Alert, AlertState, Severity } from '../../../shared/alerts/alert.js';
import type { AlertRow } from './alerts.repository.js';

export interface RecipientRow {
  alert_id: string;
  user_id: string;
  name: string;
  role: string;
  reason: string;
}

export function toAlert(row: AlertRow, recipients: RecipientRow[]): Alert {
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
    version: row.version,
  };
}
