// Words for alerts: type names, severities and states, and who did what. Display only, no rules.
import type { Alert, AlertState, Severity } from '../../../shared/alerts/api';
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

/** One step of an alert's history in words ("Escalated to Olga Oncall: the clinic is closed …"). */
export function historyLine(step: Alert['history'][number]): string {
  const who = step.actorName ?? 'Duet';
  switch (step.kind) {
    case 'routed':
      return `Raised and sent to ${step.targetName ?? 'the care team'}`;
    case 'acknowledge':
      return `Acknowledged by ${who}`;
    case 'not_reached':
      return `${who} could not reach the patient; a follow-up is due`;
    case 'assessment_reached':
      return `${who} reached the patient (risk assessment): resolved`;
    case 'emergency_handoff':
      return `${who} documented an emergency hand-off: resolved`;
    case 'escalate':
      return `Escalated to ${step.targetName ?? 'a colleague'}${step.note ? `: ${step.note}` : ''}`;
    case 'follow_up_overdue':
      return 'The follow-up is overdue';
    case 'resolve':
      return `Resolved by ${who}`;
    default:
      return step.kind.replaceAll('_', ' ');
  }
}

/** "Follow-up due by 3 Mar 2026, 10:02" (or overdue), for an open safety alert whose patient was not reached. */
export function followUpLine(alert: Alert): string | null {
  const due = alert.lifecycle.followUpDueAt;
  if (due === null || alert.state === 'resolved') return null;
  return alert.lifecycle.followUpOverdue
    ? `Follow-up overdue since ${formatDateTime(due)}`
    : `Patient not reached: follow-up due by ${formatDateTime(due)}`;
}
