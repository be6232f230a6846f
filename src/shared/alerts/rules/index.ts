import type { AlertRule } from './rule.js';
import { messageFromPatient } from './message-from-patient.js';
import { messageUnanswered } from './message-unanswered.js';
import { consultRequested } from './consult-requested.js';
import { planAwaitingSignature } from './plan-awaiting-signature.js';
import { planReviewDue } from './plan-review-due.js';
import { measureSelfHarm } from './measure-self-harm.js';
import { practiceSelfHarm } from './practice-self-harm.js';
import { measureWorsening } from './measure-worsening.js';
import { measureGoodNews } from './measure-good-news.js';
import { treatmentNotImproving } from './treatment-not-improving.js';
import { measureOverdue } from './measure-overdue.js';
import { caseReviewRecommendation } from './case-review-recommendation.js';
import { medicationMonitoringOverdue } from './medication-monitoring-overdue.js';
import { adherenceLow } from './adherence-low.js';
import { adherenceMissedStreak } from './adherence-missed-streak.js';
import { adherenceMedicationLow } from './adherence-medication-low.js';
import { adherenceCriticalGap } from './adherence-critical-gap.js';
import { doseAsNeededAboveMax } from './dose-as-needed-above-max.js';
import { appointmentNoShows } from './appointment-no-shows.js';
import { sideEffectReported } from './side-effect-reported.js';
import { sideEffectSelfHarm } from './side-effect-self-harm.js';
import { feedbackLowRating } from './feedback-low-rating.js';
import { labResultFlagged } from './lab-result-flagged.js';
import { medicationSafetyEntryAdded } from './medication-safety-entry-added.js';
import { smokingStoppedOnClozapine } from './smoking-stopped-on-clozapine.js';
import { refusedAttemptsBurst } from './refused-attempts-burst.js';

// Every alert rule Duet applies. Keep one rule per file; register it here.
export const alertRules: AlertRule[] = [
  messageFromPatient,
  messageUnanswered,
  consultRequested,
  planAwaitingSignature,
  planReviewDue,
  measureSelfHarm,
  practiceSelfHarm,
  measureWorsening,
  measureGoodNews,
  treatmentNotImproving,
  measureOverdue,
  caseReviewRecommendation,
  medicationMonitoringOverdue,
  adherenceLow,
  adherenceMissedStreak,
  adherenceMedicationLow,
  adherenceCriticalGap,
  doseAsNeededAboveMax,
  appointmentNoShows,
  sideEffectReported,
  sideEffectSelfHarm,
  feedbackLowRating,
  labResultFlagged,
  medicationSafetyEntryAdded,
  smokingStoppedOnClozapine,
  refusedAttemptsBurst,
];
