import type { AppDeps } from './platform/deps.js';
import { checkUnansweredMessages } from './features/messaging/index.js';
import { checkPlanReviewsDue } from './features/treatment-plans/index.js';
import { checkTreatToTarget } from './features/registry/index.js';
import { checkMeasureReminders } from './features/measures/index.js';
import { checkFeedbackNudges } from './features/feedback/index.js';
import { checkDoseReminders, checkRefillReminders } from './features/doses/index.js';
import { checkMonitoringOverdue } from './features/medications/index.js';
import { scheduledAdherenceCheck } from './features/adherence/index.js';
import { checkAppointmentReminders } from './features/appointments/index.js';
import { purgeSignInLeftovers } from './features/accounts/index.js';
import { purgeExpiredExports } from './features/fhir/index.js';
import { checkDosePushes } from './features/push/index.js';

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
  checkDosePushes,
  checkRefillReminders,
  checkMonitoringOverdue,
  scheduledAdherenceCheck,
  checkAppointmentReminders,
  (deps) => deps.loginThrottle.purge(),
  purgeSignInLeftovers,
  purgeExpiredExports,
];
