import { adherenceDefaults } from '../adherence/settings.js';
import { appointmentDefaults } from '../appointments/settings.js';
import { DEFAULT_LOW_RATING } from '../feedback/rules.js';
import { MONITORING_OVERDUE_HIGH_AFTER_DAYS } from '../medications/monitoring.js';
import { treatToTargetDefaults } from '../registry/settings.js';
import { BACKDATE_LIMIT_DAYS_DEFAULT } from '../measures/settings.js';
import { escalationDefaults } from '../alerts/escalation-settings.js';
import { DEFAULT_UPPER_LIMIT_OF_NORMAL } from '../medication-safety/lab-ranges.js';
import { clinicSettingsSchema, type ClinicSettings } from './settings.js';

/**
 * The clinical thresholds an admin can change, in the words of the settings page, each with its default
 * and where the default comes from (the rules themselves cite their sources next to the code). Ranges are
 * read from the settings schema, so the page and the server can never disagree.
 */
export interface ThresholdField {
  key: ThresholdKey;
  group: 'Treat to target' | 'Medications' | 'Appointments and feedback' | 'Urgent alerts';
  label: string;
  help: string;
  unit: string;
  defaultValue: number;
  min: number;
  max: number;
  integer: boolean;
}

export type ThresholdKey = Exclude<
  {
    [K in keyof ClinicSettings]-?: NonNullable<ClinicSettings[K]> extends number ? K : never;
  }[keyof ClinicSettings],
  'escalationHours' | 'planReviewWeeks'
>;

type Words = Omit<ThresholdField, 'min' | 'max' | 'integer' | 'key'>;

const words: Record<ThresholdKey, Words> = {
  labAltUpperLimit: {
    group: 'Medications',
    label: 'ALT upper limit of normal',
    help: 'Used when the laboratory report gives none: a valproate ALT above 3 times this is urgent (valproate boxed warning). Default: a common laboratory limit (product default).',
    unit: 'U/L',
    defaultValue: DEFAULT_UPPER_LIMIT_OF_NORMAL.alt.value,
  },
  labAstUpperLimit: {
    group: 'Medications',
    label: 'AST upper limit of normal',
    help: 'Used when the laboratory report gives none: a valproate AST above 3 times this is urgent (valproate boxed warning). Default: a common laboratory limit (product default).',
    unit: 'U/L',
    defaultValue: DEFAULT_UPPER_LIMIT_OF_NORMAL.ast.value,
  },
  acknowledgePauseMinutes: {
    group: 'Urgent alerts',
    label: 'Acknowledging holds escalation back for',
    help: 'After "Acknowledge", an urgent alert still unresolved escalates once this time is over (product policy).',
    unit: 'minutes',
    defaultValue: escalationDefaults.acknowledgePauseMinutes,
  },
  safetyFollowUpHours: {
    group: 'Urgent alerts',
    label: 'Follow-up after "not reached" due within',
    help: 'A patient at risk who was not reached must be tried again within this time, or the alert escalates (issue 12, product default).',
    unit: 'hours',
    defaultValue: escalationDefaults.safetyFollowUpHours,
  },
  notImprovingWeeks: {
    group: 'Treat to target',
    label: 'Review treatment from week',
    help: 'Flag "not improving" from this week of treatment (IMPACT: 10-12 weeks).',
    unit: 'weeks',
    defaultValue: treatToTargetDefaults.notImprovingWeeks,
  },
  responseFallPercent: {
    group: 'Treat to target',
    label: 'Response: PHQ-9 fall of at least',
    help: 'A fall from baseline that counts as a response (AIMS Center: 50%).',
    unit: '%',
    defaultValue: treatToTargetDefaults.responseFallPercent,
  },
  partialFallPercent: {
    group: 'Treat to target',
    label: 'Partial response: fall of at least',
    help: 'Below the response threshold (ICSI: 25%).',
    unit: '%',
    defaultValue: treatToTargetDefaults.partialFallPercent,
  },
  remissionBelow: {
    group: 'Treat to target',
    label: 'Remission: PHQ-9 below',
    help: 'A PHQ-9 total under this is remission (AIMS Center: below 5).',
    unit: 'points',
    defaultValue: treatToTargetDefaults.remissionBelow,
  },
  phq9ReliableChange: {
    group: 'Treat to target',
    label: 'PHQ-9 reliable change',
    help: 'A rise of this many points is reliable deterioration (6 points).',
    unit: 'points',
    defaultValue: treatToTargetDefaults.phq9ReliableChange,
  },
  gad7ReliableChange: {
    group: 'Treat to target',
    label: 'GAD-7 reliable change',
    help: 'A rise of this many points is reliable deterioration (4 points).',
    unit: 'points',
    defaultValue: treatToTargetDefaults.gad7ReliableChange,
  },
  backdateLimitDays: {
    group: 'Treat to target',
    label: 'In-session answers dated back at most',
    help: 'Days an answer entered from a session may be dated in the past, with a reason (product default 14).',
    unit: 'days',
    defaultValue: BACKDATE_LIMIT_DAYS_DEFAULT,
  },
  measureOverdueDays: {
    group: 'Treat to target',
    label: 'Questionnaire overdue after',
    help: 'Days past its due date before a questionnaire is flagged (product default 7).',
    unit: 'days',
    defaultValue: treatToTargetDefaults.measureOverdueDays,
  },
  noContactDays: {
    group: 'Treat to target',
    label: '"No recent contact" after',
    help: 'Days without a clinician contact before the registry flags it (product default 30).',
    unit: 'days',
    defaultValue: treatToTargetDefaults.noContactDays,
  },
  adherenceThresholdPercent: {
    group: 'Medications',
    label: 'Low adherence below',
    help: 'Doses logged as taken / doses scheduled (self-reported), overall and per medication (product default 80).',
    unit: '%',
    defaultValue: adherenceDefaults.adherenceThresholdPercent,
  },
  adherenceWindowDays: {
    group: 'Medications',
    label: 'Adherence measured over',
    help: 'The window of the low-adherence alert and the registry column (product default 14).',
    unit: 'days',
    defaultValue: adherenceDefaults.adherenceWindowDays,
  },
  missedDosesInARow: {
    group: 'Medications',
    label: 'Missed doses in a row',
    help: 'Consecutive missed doses of one medication that alert the prescriber (product default 3).',
    unit: 'doses',
    defaultValue: adherenceDefaults.missedDosesInARow,
  },
  adherenceMinDoses: {
    group: 'Medications',
    label: 'Fewest doses before judging adherence',
    help: 'No low-adherence alert until the window holds this many doses (product default 7).',
    unit: 'doses',
    defaultValue: adherenceDefaults.adherenceMinDoses,
  },
  criticalMedicationGapDays: {
    group: 'Medications',
    label: 'Lithium, clozapine or mood stabiliser not taken for',
    help: 'Days in a row with no dose taken that alert the prescriber (issue 11, product policy; default 3).',
    unit: 'days',
    defaultValue: adherenceDefaults.criticalMedicationGapDays,
  },
  monitoringOverdueHighDays: {
    group: 'Medications',
    label: 'Monitoring overdue is high after',
    help: 'An overdue lab or check becomes a high alert after this many days (product default 14).',
    unit: 'days',
    defaultValue: MONITORING_OVERDUE_HIGH_AFTER_DAYS,
  },
  noShowAlertAfter: {
    group: 'Appointments and feedback',
    label: 'No-shows in a row that alert',
    help: 'Missed appointments in a row before the therapist is alerted (product default 2).',
    unit: 'no-shows',
    defaultValue: appointmentDefaults.noShowAlertAfter,
  },
  lateCancellationHours: {
    group: 'Appointments and feedback',
    label: 'Late cancellation: less than',
    help: 'Hours of notice under which a cancellation counts as late (product default 24).',
    unit: 'hours',
    defaultValue: appointmentDefaults.lateCancellationHours,
  },
  appointmentReminderHours: {
    group: 'Appointments and feedback',
    label: 'Remind patients before an appointment',
    help: 'Hours before the start (product default 24).',
    unit: 'hours',
    defaultValue: appointmentDefaults.appointmentReminderHours,
  },
  feedbackLowRating: {
    group: 'Appointments and feedback',
    label: 'Low session rating: at or below',
    help: 'A "met my goals" or "felt heard" rating (0-10) that alerts the therapist (product policy 4).',
    unit: 'of 10',
    defaultValue: DEFAULT_LOW_RATING,
  },
};

interface NumberBounds {
  minValue: number | null;
  maxValue: number | null;
  isInt: boolean;
}

function boundsOf(key: ThresholdKey): NumberBounds {
  const field = clinicSettingsSchema.shape[key] as unknown as { unwrap(): NumberBounds };
  return field.unwrap();
}

export const thresholdFields: readonly ThresholdField[] = (Object.keys(words) as ThresholdKey[]).map(
  (key) => {
    const b = boundsOf(key);
    return { key, ...words[key], min: b.minValue ?? 0, max: b.maxValue ?? 1000, integer: b.isInt };
  },
);

/** The value in effect: the clinic's own, else the default. */
export function thresholdValue(settings: Partial<ClinicSettings>, field: ThresholdField): number {
  const own = settings[field.key];
  return typeof own === 'number' ? own : field.defaultValue;
}
