import type { AppDeps } from './platform/deps.js';
import { checkUnansweredMessages } from './features/messaging/unanswered-check.js';
import { checkPlanReviewsDue } from './features/treatment-plans/review-due.check.js';
import { checkTreatToTarget } from './features/registry/treat-to-target.check.js';
import { checkMeasureReminders } from './features/measures/due-reminders.check.js';
import { checkFeedbackNudges } from './features/feedback/nudge.check.js';
import { checkDoseReminders, checkRefillReminders } from './features/doses/reminders.check.js';
import { checkMonitoringOverdue } from './features/medications/monitoring-overdue.check.js';
import { scheduledAdherenceCheck } from './features/adherence/adherence.check.js';
import { checkAppointmentReminders } from './features/appointments/reminders.check.js';

/**
 * Time-based checks ("a review is due", "a message has waited 2 working days"). The outbox worker runs
 * every check about once a minute; each emits its events with a dedupe key, so running twice is harmless.
 */
export type ScheduledCheck = (deps: AppDeps) => Promise<void>;

export const scheduledChecks: ScheduledCheck[] = [
  checkUnansweredMessages,
  async (deps) => {
    await checkPlanReviewsDue(deps);
  },
  checkTreatToTarget,
  checkMeasureReminders,
  checkFeedbackNudges,
  checkDoseReminders,
  checkRefillReminders,
  checkMonitoringOverdue,
  scheduledAdherenceCheck,
  checkAppointmentReminders,
  (deps) => deps.loginThrottle.purge(),
];
