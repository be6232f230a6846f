import type { SymptomCode } from './symptoms.js';

export type SideEffectSeverity = 'mild' | 'moderate' | 'severe';

/**
 * When a side-effect report is urgent for the prescriber (care-rules.md "Side effects": severe, "want to
 * stop", or a symptom flagged urgent for that medication, e.g. any rash on lamotrigine -> urgent alert to
 * the prescriber; any other report -> routine). Kept as data so the rule stays a plain lookup.
 */
export const urgentSeverities: readonly SideEffectSeverity[] = ['severe'];

export type UrgentReason = 'severe' | 'wants_to_stop' | 'urgent_symptom';

export interface UrgencyInput {
  severity: SideEffectSeverity;
  wantsToStop: boolean;
  /** The report's symptoms that are urgent for one of the patient's medications (medication-safety.md §4). */
  urgentSymptoms: readonly SymptomCode[];
  /**
   * The alert severity of those symptoms (shared/medication-safety/urgent-symptoms.ts): 'high' rows (high
   * blood sugar on an antipsychotic, fainting on prazosin) are not urgent. Absent on events stored before
   * issue 11: then any urgent symptom counts as urgent.
   */
  symptomAlert?: 'urgent' | 'high' | null;
}

export function urgentReasons(input: UrgencyInput): UrgentReason[] {
  const reasons: UrgentReason[] = [];
  if (urgentSeverities.includes(input.severity)) reasons.push('severe');
  if (input.wantsToStop) reasons.push('wants_to_stop');
  const symptomAlert =
    input.symptomAlert === undefined
      ? input.urgentSymptoms.length > 0
        ? 'urgent'
        : null
      : input.symptomAlert;
  if (symptomAlert === 'urgent') reasons.push('urgent_symptom');
  return reasons;
}

export const isUrgentReport = (input: UrgencyInput): boolean => urgentReasons(input).length > 0;

/** The prescriber's alert: urgent (above), high (a 'high' symptom row only), else routine. */
export function reportAlertSeverity(input: UrgencyInput): 'urgent' | 'high' | 'routine' {
  if (isUrgentReport(input)) return 'urgent';
  return input.symptomAlert === 'high' ? 'high' : 'routine';
}

/** The report's symptoms that are urgent for the medication, in checklist order. */
export function urgentSymptomsOf(
  symptoms: readonly SymptomCode[],
  urgentForMedication: readonly SymptomCode[],
): SymptomCode[] {
  return symptoms.filter((s) => urgentForMedication.includes(s));
}

export const urgentReasonLabels: Record<UrgentReason, string> = {
  severe: 'Severe',
  wants_to_stop: 'Wants to stop or change',
  urgent_symptom: 'Urgent symptom for the medication',
};
