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
  /** The report's symptoms that the suspected medication lists as urgent (catalogue `urgent_symptoms`). */
  urgentSymptoms: readonly SymptomCode[];
}

export function urgentReasons(input: UrgencyInput): UrgentReason[] {
  const reasons: UrgentReason[] = [];
  if (urgentSeverities.includes(input.severity)) reasons.push('severe');
  if (input.wantsToStop) reasons.push('wants_to_stop');
  if (input.urgentSymptoms.length > 0) reasons.push('urgent_symptom');
  return reasons;
}

export const isUrgentReport = (input: UrgencyInput): boolean => urgentReasons(input).length > 0;

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
  urgent_symptom: 'Urgent symptom for this medication',
};
