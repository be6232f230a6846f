// Words for alerts: type names, severities and states, and who did what. Display only, no rules.
import type { Alert, AlertState, Severity } from '../../app/api-types';
import { formatDateTime } from '../../components/format';

/** The alert types Duet raises today (the server's rules); unknown types still show, in words. */
export const ALERT_TYPE_LABELS: Record<string, string> = {
  consult_request: 'Consult request',
  message_from_patient: 'Message from patient',
  message_unanswered: 'Unanswered patient message',
  plan_awaiting_signature: 'Plan awaiting signature',
  plan_review_due: 'Plan review due',
  self_harm_answer: 'Self-harm answer',
  measure_worsening: 'Worsening symptoms',
  treatment_not_improving: 'Not improving',
  measure_overdue: 'Questionnaire overdue',
  good_news: 'Good news',
  case_review_recommendation: 'Case review recommendation',
};

export function alertTypeLabel(type: string): string {
  const known = ALERT_TYPE_LABELS[type];
  if (known) return known;
  const words = type.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const SEVERITY_LABELS: Record<Severity, string> = {
  urgent: 'Urgent',
  high: 'High',
  routine: 'Routine',
};

export const STATE_LABELS: Record<AlertState, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

/** The name of someone the alert was routed to, or a neutral word when they are not among them. */
export function nameIn(alert: Alert, userId: string | null): string {
  if (userId === null) return 'someone';
  return alert.routedTo.find((r) => r.userId === userId)?.name ?? 'a colleague';
}

/** "Acknowledged by Priya Shah · 3 Mar 2026, 10:02" and the like, for the alert's current state. */
export function stateLine(alert: Alert): string | null {
  if (alert.state === 'resolved' && alert.resolvedAt !== null) {
    return `Resolved by ${nameIn(alert, alert.resolvedBy)} · ${formatDateTime(alert.resolvedAt)}`;
  }
  if (alert.state === 'acknowledged' && alert.acknowledgedAt !== null) {
    return `Acknowledged by ${nameIn(alert, alert.acknowledgedBy)} · ${formatDateTime(alert.acknowledgedAt)}`;
  }
  return null;
}
